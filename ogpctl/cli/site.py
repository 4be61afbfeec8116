"""`ogpctl site`."""

from __future__ import annotations

from pathlib import Path

import typer

from ogpctl.cli.application import app
from ogpctl.cli.options import HERE, Record, Today, counted, force_option, out_option
from ogpctl.render.formats import Format


@app.command()
def site(
    *,
    out: Path = out_option("The folder to build the site in.", default=Path("site")),
    record_path: Record = HERE,
    formats: str | None = typer.Option(
        None, "--formats", metavar="FORMAT,...|none",
        help="Formats of the documents offered for download: any of "
             + ", ".join(Format) + ", or none (default: html,pdf,docx; without pdf when "
             "the typst package is missing)."),
    search: bool = typer.Option(True, "--search/--no-search", help="Build the full-text "
                                "search index with Pagefind (default: yes)."),
    force: bool = force_option(),
    today: Today,
) -> int:
    """Build the national OGP website (handbook 5.1 a-g): every record language with a
    language switch, plans, commitments and milestones with progress and evidence, a
    progress dashboard, documents, open data, search and "comment on this" links. The
    folder works from any web server, a git host's pages, or opened from disk."""
    from ogpctl.base.errors import UsageError
    from ogpctl.check.report import printable
    from ogpctl.cli.options import is_stdout, own_folder, record_root
    from ogpctl.cli.unusable import load_checked, refuse
    from ogpctl.domain.document_repository import misnamed_files
    from ogpctl.site import build_site, write_site
    from ogpctl.site.build import open_store
    from ogpctl.site.inputs import code_digest
    from ogpctl.site.store import ParsedFiles

    if is_stdout(out):
        raise UsageError("--out - cannot hold a website: give a folder")
    chosen = parse_formats(formats) if formats is not None else default_formats()
    root = record_root(record_path)
    own_folder(out, root)
    # the store before the record: reading it takes each unchanged file's parse from there
    history, store = open_store(root)
    refused = True
    try:
        parsed = ParsedFiles(store, code_digest().hex()) if store is not None else None
        checked = load_checked(record_path, today, cache=parsed)
        record = checked.record
        refused = refuse(checked, "the site")
    finally:
        if refused and store is not None:
            store.close()
    if refused:
        return 1
    files = build_site(record, today, history, formats=chosen, search=search,
                       without_pdf=None if formats is not None else no_pdf_note, fork=True,
                       store=store)
    written, removed = write_site(files, out, force=force)
    pages = sum(1 for name in files if name.endswith(".html") and "/" in name
                and not name.startswith(("documents/", "files/", "pagefind/")))
    typer.echo(f"  wrote  {out}/index.html: {counted(pages, 'page')} in "
               f"{counted(len(record.languages.required), 'language')}, "
               f"{counted(written, 'file')}"
               + (f", {removed} left from an earlier build removed" if removed else ""))
    if record.ogp is None or not record.ogp.ok:
        typer.echo("  warning  ogp.yaml could not be read: the site names the country after the "
                   f"folder ({record.root.name}) and is in English only (`ogpctl check` says "
                   "why)", err=True)
    misnamed = [printable(name) for name in misnamed_files(record)]   # shown, never run
    if misnamed:
        typer.echo(f"  warning  {counted(len(misnamed), 'evidence file')} listed but not "
                   "published: "
                   f"their names cannot be used in a web address: {', '.join(misnamed)} "
                   "(`ogpctl check` says why, F117)", err=True)
    left_out = record.unreadable_commitments()
    if left_out:
        typer.echo(f"  warning  {counted(len(left_out), 'commitment file')} holding no "
                   f"commitment, not on the site: {', '.join(left_out)} (`ogpctl check` says why)",
                   err=True)
    return 0


def parse_formats(value: str) -> tuple[Format, ...]:
    from ogpctl.base.errors import UsageError

    if value.strip().lower() == "none":
        return ()
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",")
                                 if part.strip()))
    unknown = [f for f in chosen if f not in tuple(Format)]
    if unknown or not chosen:
        raise UsageError(f"--formats {value!r}: choose from {', '.join(Format)}, or none")
    return tuple(Format(f) for f in chosen)


def default_formats() -> tuple[Format, ...]:
    """The site's formats, less PDF (with a note saying why) where it cannot be written."""
    from ogpctl.render.pdf import pdf_missing
    from ogpctl.site.documents import DEFAULT_FORMATS

    missing = pdf_missing()
    if missing is None:
        return DEFAULT_FORMATS
    no_pdf_note(missing)
    return tuple(f for f in DEFAULT_FORMATS if f != Format.pdf)


def no_pdf_note(why: str) -> None:
    typer.echo(f"  note   no PDF downloads: {why}", err=True)

"""`ogpctl site`."""

from __future__ import annotations

from pathlib import Path

import typer

from ogpctl.cli.app import app

FORMATS = ("html", "pdf", "docx", "md")


@app.command()
def site(
    out: Path = typer.Option(Path("site"), "--out", "-o", help="The folder to build the site "
                             "in (default: site)."),
    record_path: Path = typer.Option(Path("."), "--record", "-C", help="The record (or any "
                                     "path inside it). Default: here."),
    formats: str | None = typer.Option(None, "--formats", help="Formats of the documents "
                                          "offered for download: any of html, pdf, docx, "
                                          "md, or none (default: html,pdf,docx; without "
                                          "pdf when Pango is missing)."),
    search: bool = typer.Option(True, "--search/--no-search", help="Build the full-text "
                                "search index with Pagefind (default: yes)."),
    force: bool = typer.Option(False, "--force", help="Replace files ogpctl did not write."),
    today: str | None = typer.Option(None, "--today", help="Take this date (YYYY-MM-DD) "
                                        "as today."),
) -> int:
    """Build the national OGP website (handbook 5.1 a-g): every record language with a
    language switch, plans, commitments and milestones with progress and evidence, a
    progress dashboard, documents, open data, search and "comment on this" links. The
    folder works from any web server, a git host's pages, or opened from disk."""
    from ogpctl.cli.options import parse_today, record_at
    from ogpctl.site import build_site, write_site

    chosen = parse_formats(formats) if formats is not None else default_formats()
    day = parse_today(today)
    record = record_at(record_path)
    files = build_site(record, day, formats=chosen, search=search)
    written, removed = write_site(files, out, force=force)
    pages = sum(1 for name in files if name.endswith(".html") and "/" in name
                and not name.startswith(("documents/", "files/", "pagefind/")))
    typer.echo(f"  wrote  {out}/index.html: {pages} pages in "
               f"{len(record.languages.required)} languages, {written} files"
               + (f", {removed} left from an earlier build removed" if removed else ""))
    return 0


def parse_formats(value: str) -> tuple[str, ...]:
    from ogpctl.base.errors import UsageError

    if value.strip().lower() == "none":
        return ()
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",")
                                 if part.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UsageError(f"--formats {value!r}: choose from html, pdf, docx and md, or none")
    return chosen


def default_formats() -> tuple[str, ...]:
    """The site's formats, less PDF (with a note saying why) where it cannot be written."""
    from ogpctl.render.pdf import pdf_missing
    from ogpctl.site.documents import DEFAULT_FORMATS

    missing = pdf_missing()
    if missing is None:
        return DEFAULT_FORMATS
    typer.echo(f"  note   no PDF downloads: {missing}", err=True)
    return tuple(f for f in DEFAULT_FORMATS if f != "pdf")

"""`ogpctl render`."""

from __future__ import annotations

from pathlib import Path

import typer

from ogpctl.cli.application import app
from ogpctl.cli.options import (
    HERE,
    Record,
    Today,
    choice,
    counted,
    force_option,
    format_option,
    lang_option,
    out_option,
    plan_option,
)
from ogpctl.render.formats import DOCUMENTS, Format


@app.command()
def render(
    document: str = typer.Argument(..., metavar="DOCUMENT", parser=choice(DOCUMENTS),
                                   help="The document: " + ", ".join(DOCUMENTS) + "."),
    *,
    plan: str = plan_option("The plan's id, such as 2026-2030.", required=True),
    lang: str = lang_option("A language of the record or one ogpctl has labels in, such "
                            "as es, or all (English and every administrative language).",
                            default="all", every=True),
    format: str = format_option(tuple(Format), Format.html, "The file format."),
    out: Path = out_option("The output folder; a file name with the format's extension "
                           "(such as plan.ar.docx) for one document (one --lang); or - to "
                           "print one Markdown or HTML document.", default=Path("rendered")),
    commitment: int | None = typer.Option(None, "--commitment", metavar="NUMBER",
                                          help="The commitment's number (for the commitment "
                                               "document)."),
    since: str | None = typer.Option(None, "--since", metavar="REVISION",
                                     help="amendment-note: count changes from this git "
                                          "revision (default: the last submitted/* tag)."),
    prepared: str | None = typer.Option(None, "--prepared", metavar="YYYY-MM-DD",
                                        help="self-assessment: the report prepared on this "
                                             "day (default: the newest prepared by today)."),
    force: bool = force_option(),
    record_path: Record = HERE,
    today: Today,
) -> int:
    """Render a document of a plan as the handbook's template, in one or every language.
    Text missing in a language is shown in English and marked."""
    from ogpctl.base.errors import UsageError
    from ogpctl.base.outputs import OutputFolder
    from ogpctl.cli.options import (
        check_language,
        is_stdout,
        own_folder,
        print_bytes,
        write_output,
    )
    from ogpctl.cli.unusable import load_checked, refuse
    from ogpctl.render import render_files
    from ogpctl.render.documents import Request

    checked = load_checked(record_path, today)
    record = checked.record
    record.plan_named(plan)
    langs = list(record.languages.required) if lang == "all" else \
        [check_language(record, lang, readers=True)]
    chosen = Format(format)
    if is_stdout(out) and (len(langs) != 1 or not chosen.text):
        raise UsageError("--out - prints one Markdown or HTML document: give --lang xx and "
                         "--format md or html")
    one_file = names_a_file(out, chosen, langs)
    if refuse(checked, f"the {document.replace('-', ' ')}", plan):
        return 1
    files = render_files(record, [Request(document, plan, code, commitment, since, prepared)
                                  for code in langs], chosen, today)
    if is_stdout(out):
        print_bytes(next(iter(files.values())))
        return 0
    if one_file:
        written = write_output(out, next(iter(files.values())), force, record_root=record.root)
        typer.echo(f"  wrote  {written}")
        return 0
    own_folder(out, record.root)
    for path in OutputFolder(out, force=force).write(files):
        typer.echo(f"  wrote  {path}")
    return 0


def names_a_file(out: Path, chosen: Format, langs: list[str]) -> bool:
    """Whether `--out` names the one file to write rather than a folder: it ends with a
    document's extension (newuser4 H15: `-o amend.ar.docx` made a folder of that name). It
    must then be the format's and name one document; a folder of that name stays a folder.
    A file is written as named, so a user who asks for one Word file gets one; several
    documents (one a language) need a folder, which is said rather than guessed."""
    from ogpctl.base.errors import UsageError
    from ogpctl.cli.options import is_stdout

    suffix = out.suffix.lower().removeprefix(".")
    if is_stdout(out) or suffix not in tuple(Format) or out.is_dir():
        return False
    if suffix != chosen:
        raise UsageError(f"--out {out} ends in .{suffix} but the format is {chosen}: give "
                         f"--format {suffix}, or a folder for the documents")
    if len(langs) != 1:
        raise UsageError(f"--out {out} names one file, but {counted(len(langs), 'document')} are "
                         f"rendered ({', '.join(langs)}): give --lang xx for one, or a folder "
                         "for all")
    return True

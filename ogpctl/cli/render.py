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
    out: Path = out_option("The output folder, or - to print one Markdown or HTML document.",
                           default=Path("rendered")),
    commitment: int | None = typer.Option(None, "--commitment", metavar="NUMBER",
                                          help="The commitment's number (for the commitment "
                                               "document)."),
    since: str | None = typer.Option(None, "--since", metavar="REVISION",
                                     help="amendment-note: count changes from this git "
                                          "revision (default: the last submitted/* tag)."),
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
    if refuse(checked, f"the {document.replace('-', ' ')}", plan):
        return 1
    files = render_files(record, [Request(document, plan, code, commitment, since)
                                  for code in langs], chosen, today)
    if is_stdout(out):
        print_bytes(next(iter(files.values())))
        return 0
    own_folder(out, record.root)
    for path in OutputFolder(out, force=force).write(files):
        typer.echo(f"  wrote  {path}")
    return 0

"""`ogpctl render`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from ogpctl.cli.app import app


class Doc(str, Enum):
    action_plan = "action-plan"
    commitment = "commitment"
    self_assessment = "self-assessment"
    reasoned_response = "reasoned-response"
    amendment_note = "amendment-note"


class Format(str, Enum):
    md = "md"
    html = "html"
    docx = "docx"
    pdf = "pdf"


@app.command()
def render(
    document: Doc = typer.Argument(..., help="action-plan, commitment, self-assessment, "
                                   "reasoned-response or amendment-note."),
    plan: str = typer.Option(..., "--plan", help="The plan's id, such as 2026-2030."),
    lang: str = typer.Option("all", "--lang", help="A language code, or all (English and "
                             "every administrative language)."),
    format: Format = typer.Option(Format.html, "--format", "-f", help="md, html, docx or pdf."),
    out: Path = typer.Option(Path("rendered"), "--out", "-o", help="The output folder, or - "
                             "to print one Markdown or HTML document."),
    commitment: int | None = typer.Option(None, "--commitment", help="The commitment's "
                                             "number (for the commitment document)."),
    since: str | None = typer.Option(None, "--since", help="amendment-note: count changes "
                                        "from this git revision (default: the last "
                                        "submitted/* tag)."),
    force: bool = typer.Option(False, "--force", help="Replace files ogpctl did not write."),
    record_path: Path = typer.Option(Path("."), "--record", "-C", help="The record (or any "
                                     "path inside it). Default: here."),
    today: str | None = typer.Option(None, "--today", help="Take this date (YYYY-MM-DD) "
                                        "as today."),
) -> int:
    """Render a document of a plan as the handbook's template, in one or every language.
    Text missing in a language is shown in English and marked."""
    from ogpctl.base.errors import UsageError
    from ogpctl.base.outputs import OutputFolder
    from ogpctl.cli.options import is_stdout, parse_today, print_bytes, record_at
    from ogpctl.record.kinds import LANGUAGE
    from ogpctl.render import Request, file_name, render_bytes

    record = record_at(record_path)
    day = parse_today(today)
    langs = list(record.languages.required) if lang == "all" else [lang]
    if any(not LANGUAGE.fullmatch(code) for code in langs):
        raise UsageError(f"--lang {lang!r}: give a language code such as es, or all")
    to_stdout = is_stdout(out)
    if to_stdout and (len(langs) != 1 or format in (Format.docx, Format.pdf)):
        raise UsageError("--out - prints one Markdown or HTML document: give --lang xx and "
                         "--format md or html")
    files = {}
    for code in langs:
        request = Request(document.value, plan, code, commitment, since)
        files[file_name(request, format.value)] = render_bytes(record, request, format.value,
                                                                day)
    if to_stdout:
        print_bytes(next(iter(files.values())))
        return 0
    for path in OutputFolder(out, force=force).write(files):
        typer.echo(f"  wrote  {path}")
    return 0

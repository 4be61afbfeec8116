"""`ogpctl progress PLAN COMMITMENT[.MILESTONE]`, `progress export`, `progress import FILE`."""

from __future__ import annotations

from pathlib import Path

import typer

from ogpctl.cli.app import app

USAGE = ("give PLAN COMMITMENT.MILESTONE (such as 2026-2030 2.3), or export, or import FILE.csv")


@app.command()
def progress(
    words: list[str] = typer.Argument(..., metavar="PLAN MILESTONE | export | import FILE",
                                      help="PLAN and COMMITMENT.MILESTONE to record an "
                                      "update; `export` to write the spreadsheet; `import "
                                      "FILE.csv` to apply a filled-in one."),
    status: str | None = typer.Option(None, "--status", help="not-started, in-progress, "
                                         "completed or withdrawn."),
    note: str | None = typer.Option(None, "--note", help="The progress made."),
    evidence: list[str] | None = typer.Option(None, "--evidence", help="A file in the "
                                                 "plan's evidence folder, or an https link "
                                                 "(repeatable)."),
    delay_reason: str | None = typer.Option(None, "--delay-reason", help="Why it is late."),
    next_steps: str | None = typer.Option(None, "--next-steps", help="What comes next."),
    day: str | None = typer.Option(None, "--date", help="The update's date, YYYY-MM-DD "
                                      "(default today)."),
    lang: str | None = typer.Option(None, "--lang", help="The language of the texts "
                                       "(default: the record's default language)."),
    plan: str | None = typer.Option(None, "--plan", help="export: only this plan."),
    out: Path | None = typer.Option(None, "--out", "-o", help="export: write here "
                                       "instead of printing."),
    record_path: Path = typer.Option(Path("."), "--record", "-C", help="The record (or any "
                                     "path inside it). Default: here."),
    today: str | None = typer.Option(None, "--today", help="Take this date as today."),
    force: bool = typer.Option(False, "--force", help="Record an update dated after today "
                               "(refused otherwise: an update reports progress already made)."),
) -> int:
    """Record a progress update on a milestone (handbook 5.2), editing the commitment file in
    place: every other byte (comments, order, quoting, blank lines) stays as it was. Or
    round-trip a progress spreadsheet: `export`, fill in the new columns, `import`."""
    from ogpctl.base.errors import UsageError
    from ogpctl.cli.options import parse_today, record_at
    from ogpctl.record.kinds import LANGUAGE

    record = record_at(record_path, editing=words[0] != "export")
    language = lang or record.languages.default
    if not LANGUAGE.fullmatch(language):
        raise UsageError(f"--lang {language!r} is not a language code")
    now = parse_today(today)
    if words[0] == "export" and len(words) == 1:
        return _export(record, plan, language, out)
    if words[0] == "import" and len(words) == 2:
        return _import(record, Path(words[1]), now, language, force)
    if len(words) != 2:
        raise UsageError(USAGE)
    from ogpctl.workflow.progress import Update, record_update

    target_plan = record.plan_named(words[0])
    if not status or not note:
        raise UsageError("an update needs --status and --note")
    try:
        when = parse_today(day) if day else now
    except UsageError:
        raise UsageError(f"--date {day!r} is not a date written YYYY-MM-DD") from None
    update = Update(when, status, note, language, tuple(evidence or ()), delay_reason,
                    next_steps)
    written = record_update(record, target_plan, words[1], update, now, force=force)
    typer.echo(f"{written}: milestone {words[1]} {status} on {when}")
    return 0


def _export(record, plan: str | None, lang: str, out: Path | None) -> int:
    from ogpctl.base.outputs import OutputFolder
    from ogpctl.cli.options import is_stdout, print_bytes
    from ogpctl.workflow.progress_sheet import export_rows

    plans = [record.plan_named(plan)] if plan else record.plans
    data = export_rows(record, plans, lang)
    if out is None or is_stdout(out):
        print_bytes(data)
    else:
        OutputFolder(out.parent).write({out.name: data})
        typer.echo(f"wrote {out}")
    return 0


def _import(record, file: Path, today, lang: str, force: bool) -> int:
    from ogpctl.base.errors import UsageError
    from ogpctl.workflow.progress_sheet import apply_sheet, sheet_updates

    try:
        data = file.read_bytes()
    except OSError as error:
        raise UsageError(f"{file}: {error.strerror}") from None
    updates = sheet_updates(record, data, today, lang, force=force)
    for path in apply_sheet(record, updates):
        typer.echo(f"  updated {path}")
    typer.echo(f"{len(updates)} progress updates recorded")
    return 0

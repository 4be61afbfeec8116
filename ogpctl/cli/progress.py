"""`ogpctl progress add PLAN COMMITMENT.MILESTONE`, `progress export`, `progress import FILE`.

The old spelling `ogpctl progress PLAN MILESTONE` (no `add`) still works for a release,
with a note."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from ogpctl.cli.application import group
from ogpctl.cli.options import (
    HERE,
    Record,
    Today,
    choice,
    counted,
    date_option,
    deprecated,
    lang_option,
    metavar,
    out_option,
    plan_option,
)

#: A milestone's status: the `milestone-status` of schemas/common.schema.json (a test
#: holds the two equal).
STATUSES = ("not-started", "in-progress", "completed", "withdrawn")
HELP = ("-h", "--help")
LANG_HELP = "The language of the texts (default: the record's default language)."


class _Progress(TyperGroup):
    """`progress PLAN MILESTONE ...` read as `progress add PLAN MILESTONE ...`, with a note."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in HELP:
            deprecated("ogpctl progress PLAN MILESTONE", "ogpctl progress add PLAN MILESTONE")
            args = ["add", *args]
        return super().parse_args(ctx, args)


progress_app = group(
    "progress", "Progress updates on milestones (handbook 5.2): one at a time, or a "
                "spreadsheet round trip (export, fill in the new columns, import).",
    cls=_Progress)


@progress_app.command("add")
def add(
    plan: str = typer.Argument(..., metavar="PLAN", help="The plan's id, such as 2026-2030."),
    milestone: str = typer.Argument(..., metavar="COMMITMENT.MILESTONE",
                                    help="The milestone, such as 2.3."),
    *,
    status: str = typer.Option(..., "--status", metavar=metavar(STATUSES),
                               parser=choice(STATUSES), help="Where the milestone stands."),
    note: list[str] = typer.Option(..., "--note", metavar="[LANG=]TEXT",
                                   help="The progress made: TEXT in --lang, or LANG=TEXT "
                                        "(repeatable: one in each record language)."),
    evidence: list[str] | None = typer.Option(None, "--evidence", metavar="FILE|URL",
                                              help="A file in the plan's evidence folder (its "
                                                   "path from the plan's folder, the record's "
                                                   "or the current one), or an http(s) web address "
                                                   "(repeatable)."),
    delay_reason: list[str] | None = typer.Option(None, "--delay-reason",
                                                  metavar="[LANG=]TEXT",
                                                  help="Why it is late (as --note)."),
    next_steps: list[str] | None = typer.Option(None, "--next-steps", metavar="[LANG=]TEXT",
                                                help="What comes next (as --note)."),
    day: date | None = date_option("The update's date. Default: today (or --today)."),
    lang: str | None = lang_option(LANG_HELP),
    force: bool = typer.Option(False, "--force", help="Record an update dated after today "
                               "(refused otherwise: an update reports progress already made)."),
    record_path: Record = HERE,
    today: Today,
) -> int:
    """Record a progress update on a milestone, editing the commitment file in place: every
    other byte (comments, order, quoting, blank lines) stays as it was."""
    from ogpctl.cli.options import record_at
    from ogpctl.workflow.progress import (
        Update,
        record_update,
        texts_by_language,
        timing_notes,
    )

    record = record_at(record_path, editing=True)
    target_plan = record.plan_named(plan)
    when = day or today
    default, languages = lang or record.languages.default, list(record.languages.written)
    update = Update(when, status, texts_by_language(note, "--note", default, languages),
                    tuple(evidence or ()),
                    texts_by_language(delay_reason or [], "--delay-reason", default, languages),
                    texts_by_language(next_steps or [], "--next-steps", default, languages))
    written, completed = record_update(record, target_plan, milestone, update, today,
                                       force=force, here=Path.cwd())
    if completed:
        typer.echo(f"{written}: milestone {milestone}: the update of {when} now also in "
                   f"{', '.join(sorted(update.languages()))}")
    else:
        typer.echo(f"{written}: milestone {milestone} {status} on {when}")
    for warning in timing_notes(target_plan, update, today):
        typer.echo(f"ogpctl: warning: {warning}", err=True)
    return 0


@progress_app.command("export")
def export(
    *,
    plan: str | None = plan_option(),
    lang: str | None = lang_option(LANG_HELP),
    out: Path = out_option("The CSV file to write, or - to print."),
    record_path: Record = HERE,
    today: Today,
) -> int:
    """Write the progress spreadsheet (CSV): a row a milestone, its status and last update
    as of today, and empty columns for the next one."""
    from ogpctl.cli.options import record_at, write_output
    from ogpctl.workflow.progress_sheet import export_rows

    record = record_at(record_path)
    plans = [record.plan_named(plan)] if plan else record.plans
    written = write_output(out, export_rows(record, plans, lang or record.languages.default,
                                            today),
                           record_root=record.root)
    if written is not None:
        typer.echo(f"wrote {out}")
    return 0


@progress_app.command("import")
def import_sheet(
    file: Path = typer.Argument(..., metavar="FILE",
                                help="A spreadsheet from `progress export`, filled in "
                                     "(CSV)."),
    *,
    lang: str | None = lang_option(LANG_HELP),
    force: bool = typer.Option(False, "--force", help="Accept updates dated after today."),
    record_path: Record = HERE,
    today: Today,
) -> int:
    """Record the updates of a filled-in progress spreadsheet; every row is checked first,
    and nothing is written while one is wrong."""
    from ogpctl.base.errors import UsageError
    from ogpctl.cli.options import record_at
    from ogpctl.workflow.progress_sheet import apply_sheet, sheet_updates

    record = record_at(record_path, editing=True)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise UsageError(f"{file}: {error.strerror}") from None
    updates = sheet_updates(record, data, today, lang or record.languages.default,
                            force=force)
    for path in apply_sheet(record, updates):
        typer.echo(f"  updated {path}")
    typer.echo(f"{counted(len(updates), 'progress update')} recorded")
    return 0

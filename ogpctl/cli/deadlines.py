"""`ogpctl deadlines`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ogpctl.cli.application import Command, app
from ogpctl.cli.options import (
    HERE,
    OldPath,
    Record,
    Today,
    force_option,
    format_option,
    lang_option,
    out_option,
    plan_option,
)

if TYPE_CHECKING:
    from ogpctl.domain.obligations import Obligation
    from ogpctl.record.model import Record as RecordModel


@app.command(cls=Command)
def deadlines(
    old: OldPath = None,
    *,
    record_path: Record = HERE,
    format: str = format_option(("text", "json", "ics"), "text",
                                "text, json, or ics (an iCalendar file for calendar "
                                "programs)."),
    plan: str | None = plan_option(),
    today: Today,
    lang: str | None = lang_option("The language of every text for people (titles, states, "
                                   "handbook sections, what each state rests on, dates): one "
                                   "of the record, or one ogpctl has labels in, such as fr "
                                   "(default: the record's default language). Texts the "
                                   "record has not in it are shown in another, marked as "
                                   "such."),
    out: Path = out_option("The file to write (such as ogp.ics), or - to print. ogpctl "
                           "replaces only a file it wrote itself."),
    force: bool = force_option(),
) -> int:
    """List every dated obligation of every plan, past and future, marked met, due or
    overdue, with its rule and handbook section, and every milestone's due date. Once a
    plan has moved past a stage, what that stage owed is settled: missed when not done (a
    timeline never published before delivery, a milestone unfinished when the plan ended,
    a delivery window that closed with no delivery, a year with fewer than two meetings
    presenting results, a forum gap a later meeting closed), early for a delivery before
    the window opened. The forum's next meeting is always listed."""
    from ogpctl.cli.options import is_stdout, reader_language, record_of, write_output
    from ogpctl.cli.unusable import load_checked, refuse, warn
    from ogpctl.domain.obligations import obligations

    checked = load_checked(record_of(record_path, old, "deadlines"), today)
    record = checked.record
    lang = reader_language(record, lang)
    if plan:
        record.plan_named(plan)
    if format == "ics":     # a calendar others subscribe to: published, so refused
        if refuse(checked, "the calendar", plan):
            return 1
    else:
        warn(checked, lang, err=format == "json" or not is_stdout(out))
    left_out = checked.unusable_plans()
    # a plan whose plan.yaml cannot be used: its milestones' dates (in its commitment
    # files) only, none of the dates its window, due year and delivery would give
    items = [o for o in obligations(record, today, lang) if plan in (None, o.plan)
             and (o.plan not in left_out or o.id == "milestone-due")]
    if is_stdout(out) and format == "text":
        from ogpctl.cli.present import print_deadlines

        print_deadlines(items, today, lang)
        return 0
    data = _listing(record, items, today, lang, format)
    written = write_output(out, data, force, record_root=record.root)
    if written is not None:
        typer.echo(f"  wrote  {written}")
    return 0


def _listing(record: RecordModel, items: list[Obligation], today: date, lang: str,
             format: str) -> bytes:
    """The deadlines as a file: JSON, an iCalendar file, or the text screen."""
    if format == "json":
        return (json.dumps([o.to_json() for o in items], ensure_ascii=False, indent=2)
                + "\n").encode("utf-8")
    if format == "ics":
        return _calendar(record, items, today, lang)
    from ogpctl.cli.present import deadlines_text

    return deadlines_text(items, today, lang).encode("utf-8")


def _calendar(record: RecordModel, items: list[Obligation], today: date, lang: str) -> bytes:
    from ogpctl.domain.wording import record_text
    from ogpctl.render.ics import to_ics

    fields = record.ogp.fields if record.ogp else {}
    name = record_text(fields.get("country"), lang, record.languages.default) \
        or record.root.name
    code = str(fields.get("iso-code") or record.root.name).lower()
    return to_ics(items, name=name, domain=f"{code}.ogpctl", today=today, lang=lang)

"""`ogpctl deadlines`."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from ogpctl.cli.app import app


class Format(str, Enum):
    text = "text"
    json = "json"
    ics = "ics"


@app.command()
def deadlines(
    path: Path = typer.Argument(Path("."), help="A record, or any path inside one."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text, json, or ics "
                                  "(an iCalendar file for calendar programs)."),
    plan: str | None = typer.Option(None, "--plan", help="Only this plan."),
    today: str | None = typer.Option(None, "--today", help="Take this date (YYYY-MM-DD) as "
                                        "today; default SOURCE_DATE_EPOCH or the real date."),
    lang: str = typer.Option("en", "--lang", help="Write the obligations' titles in this "
                             "language of the record, such as es."),
) -> int:
    """List every dated obligation of every plan, past and future, marked met, due or
    overdue, with its rule and handbook section, and every milestone's due date."""
    from ogpctl.cli.options import parse_today, record_at
    from ogpctl.domain.obligations import obligations
    from ogpctl.record.text import first_text

    day = parse_today(today)
    record = record_at(path)
    root = record.root
    _check_lang(record, lang)
    if plan:
        record.plan_named(plan)
    items = [o for o in obligations(record, day, lang) if plan in (None, o.plan)]
    if format is Format.json:
        typer.echo(json.dumps([o.to_json() for o in items], ensure_ascii=False, indent=2))
    elif format is Format.ics:
        from ogpctl.render.ics import to_ics

        fields = record.ogp.fields if record.ogp else {}
        name = first_text(fields.get("country")) or root.name
        code = str(fields.get("iso-code") or root.name).lower()
        sys.stdout.buffer.write(to_ics(items, name=name, domain=f"{code}.ogpctl", today=day,
                                       lang=lang))
        sys.stdout.flush()
    else:
        from ogpctl.cli.present import print_deadlines

        print_deadlines(items, day)
    return 0


def _check_lang(record, lang: str) -> None:
    """Titles name milestones in the record's own words, so the language is one of its."""
    from ogpctl.base.errors import UsageError

    languages = record.languages
    known = tuple(dict.fromkeys([*languages.required, languages.default]))
    if lang not in known:
        raise UsageError(f"--lang {lang!r}: the record is written in {', '.join(known)}")

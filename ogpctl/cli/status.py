"""`ogpctl status`."""

from __future__ import annotations

import json

import typer

from ogpctl.cli.application import Command, app
from ogpctl.cli.options import HERE, OldPath, Record, Today, format_option, lang_option


@app.command(cls=Command)
def status(
    old: OldPath = None,
    *,
    record_path: Record = HERE,
    format: str = format_option(("text", "json"), "text", "text or json."),
    today: Today,
    lang: str | None = lang_option("The screen's language: one of the record, or one ogpctl "
                                   "has labels in, such as fr (default: the record's default "
                                   "language). Texts the record has not in it are shown in "
                                   "another, marked as such."),
) -> int:
    """One screen: each plan's stage and next deadlines, commitment progress with its
    green / amber / red colour, overdue obligations, and the minimum requirements with the
    facts each verdict rests on."""
    from ogpctl.cli.options import reader_language, record_of
    from ogpctl.cli.unusable import load_checked, warn
    from ogpctl.domain.status import status as build
    from ogpctl.domain.status import to_json

    checked = load_checked(record_of(record_path, old, "status"), today)
    code = reader_language(checked.record, lang)
    warn(checked, code, err=format == "json")
    left_out = checked.unusable_plans()
    plans = [p for p in build(checked.record, today, code) if p.plan not in left_out]
    if format == "json":
        found = to_json(plans, today) + [
            {"plan": plan, "readable": False, "not-read": [d.to_json() for d in said]}
            for plan, said in left_out.items()]
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        from ogpctl.cli.present import print_status

        unread = bool(left_out) or any(item.file.startswith("plans/")
                                       for item in checked.unusable)
        print_status(plans, today, code, unread)
    return 0

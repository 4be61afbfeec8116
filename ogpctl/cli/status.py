"""`ogpctl status`."""

from __future__ import annotations

import json

import typer

from ogpctl.cli.application import Command, app
from ogpctl.cli.options import HERE, OldPath, Record, Today, format_option


@app.command(cls=Command)
def status(
    old: OldPath = None,
    *,
    record_path: Record = HERE,
    format: str = format_option(("text", "json"), "text", "text or json."),
    today: Today,
) -> int:
    """One screen: each plan's stage and next deadlines, commitment progress with its
    green / amber / red colour, overdue obligations, and the minimum requirements with the
    facts each verdict rests on."""
    from ogpctl.cli.options import record_of
    from ogpctl.cli.unusable import load_checked, warn
    from ogpctl.domain.status import status as build
    from ogpctl.domain.status import to_json

    checked = load_checked(record_of(record_path, old, "status"), today)
    warn(checked, err=format == "json")
    left_out = checked.unusable_plans()
    plans = [p for p in build(checked.record, today) if p.plan not in left_out]
    if format == "json":
        found = to_json(plans) + [
            {"plan": plan, "readable": False, "not-read": [d.to_json() for d in said]}
            for plan, said in left_out.items()]
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        from ogpctl.cli.present import print_status

        print_status(plans, today)
    return 0

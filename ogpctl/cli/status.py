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
    from ogpctl.cli.options import record_at, record_of
    from ogpctl.domain.status import status as build
    from ogpctl.domain.status import to_json

    plans = build(record_at(record_of(record_path, old, "status")), today)
    if format == "json":
        typer.echo(json.dumps(to_json(plans), ensure_ascii=False, indent=2))
    else:
        from ogpctl.cli.present import print_status

        print_status(plans, today)
    return 0

"""`ogpctl status`."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from ogpctl.cli.app import app


class Format(str, Enum):
    text = "text"
    json = "json"


@app.command()
def status(
    path: Path = typer.Argument(Path("."), help="A record, or any path inside one."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text or json."),
    today: str | None = typer.Option(None, "--today", help="Take this date (YYYY-MM-DD) as "
                                        "today; default SOURCE_DATE_EPOCH or the real date."),
) -> int:
    """One screen: each plan's stage and next deadlines, commitment progress with its
    green / amber / red colour, overdue obligations, and the minimum requirements with the
    facts each verdict rests on."""
    from ogpctl.cli.options import parse_today, record_at
    from ogpctl.domain.status import status as build
    from ogpctl.domain.status import to_json

    day = parse_today(today)
    record = record_at(path)
    plans = build(record, day)
    if format is Format.json:
        typer.echo(json.dumps(to_json(plans), ensure_ascii=False, indent=2))
    else:
        from ogpctl.cli.present import print_status

        print_status(plans, day)
    return 0

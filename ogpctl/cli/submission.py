"""`ogpctl tag-submission`."""

from __future__ import annotations

from datetime import date

import typer

from ogpctl.cli.application import app
from ogpctl.cli.options import HERE, Record, Today, date_option


@app.command("tag-submission")
def tag_submission(
    plan: str = typer.Argument(..., metavar="PLAN", help="The plan's id, such as 2026-2030."),
    *,
    day: date | None = date_option("The delivery date. Default: today (or --today)."),
    record_path: Record = HERE,
    today: Today,
) -> int:
    """Record a delivery to OGP: the date and status: implementation in plan.yaml (edited in
    place, committed alone) and an annotated git tag submitted/<plan> that `diff` and the
    amendment note count from."""
    from ogpctl.base.errors import UsageError
    from ogpctl.cli.options import record_at
    from ogpctl.workflow.submission import tag_submission as record_delivery

    now = today
    when = day or now
    if when > now:   # a delivery is a fact: a date to come is a typo, never a plan
        raise UsageError(f"--date {when} is after today ({now}): record a delivery once the "
                         "plan is delivered")
    record = record_at(record_path, editing=True)
    done = record_delivery(record, plan, when)
    if done.edited:
        typer.echo(f"plans/{plan}/plan.yaml: delivered: {done.day}, status: {done.status} "
                   f"(committed {done.commit[:10]})")
    typer.echo(f"tagged {done.commit[:10]} as {done.tag}")
    dates = record.plan_named(plan).dates()
    if dates is not None and not dates.window_opens <= done.day <= dates.window_closes:
        typer.echo(f"note: the delivery window was {dates.window_opens} to "
                   f"{dates.window_closes}; `ogpctl check` reports C401", err=True)
    return 0

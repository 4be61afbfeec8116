"""The period a plan or commitment covers, in words. Handbook 3.1: a plan "can be delivered
and begin implementation any time" in its window, so until it is delivered its period
starts at its delivery, not at the window's opening (which `Plan.period` counts from, for
the rules): a plan still in co-creation is not said to have started months ago."""

from __future__ import annotations

from datetime import date

from ogpctl.base.i18n import Language
from ogpctl.record.model import Plan, as_date


def delivery_due(plan: Plan, span: tuple[date, date] | None) -> date | None:
    """The day `plan` is due when `span` still starts at its window's opening because the
    plan is not delivered; None when the start is a real day (delivered, or its own)."""
    dates = plan.dates()
    if span is None or dates is None or as_date(plan.fields.get("delivered")) is not None:
        return None
    return dates.due if span[0] == dates.window_opens else None


def period_words(lang: Language, plan: Plan, span: tuple[date, date] | None) -> str:
    """"1 January 2027 to 30 June 2031", or "From delivery (due 30 June 2027) to 30 June
    2031" for a plan not delivered yet; "" without a period."""
    if span is None:
        return ""
    due = delivery_due(plan, span)
    if due is not None:
        return lang._("From delivery (due {due}) to {end}", due=lang.date(due),
                      end=lang.date(span[1]))
    return lang._("{start} to {end}", start=lang.date(span[0]), end=lang.date(span[1]))

"""What an amended plan says of its amendments (handbook 2.2: "the participating
government must send an updated version that clearly outlines all changes"): each
amendment plan.yaml records, with its date and summary, and for a re-dated milestone the
completion date it had when the plan was delivered (`ogpctl.render.history`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ogpctl.base.values import list_at
from ogpctl.record.model import Commitment, Plan, as_date
from ogpctl.render.blocks import Block, Emphasis, Heading, Paragraph, Text
from ogpctl.render.context import RenderContext
from ogpctl.render.history import original_dues


def recorded(plan: Plan) -> list[tuple[date | None, Any]]:
    """(date, summary) of each amendment plan.yaml records, oldest first (no date last)."""
    items = [item for item in list_at(plan.fields, "amendments") if isinstance(item, dict)]
    found = [(as_date(item.get("date")), item.get("summary")) for item in items]
    return sorted(found, key=lambda pair: pair[0] or date.max)


def amendment_title(c: RenderContext, day: date | None) -> str:
    return (c.lang._("Amendment of {date}", date=c.lang.date(day)) if day
            else c.lang._("Amendment with no date"))


def amendment_summary(c: RenderContext, summary: Any, level: int) -> list[Block]:
    """The summary in the reader's language, or marked as shown in another."""
    return c.blocks_or(summary, c.lang._("No summary of the changes is recorded."), level)


def amendments_blocks(c: RenderContext, plan: Plan, level: int = 2) -> list[Block]:
    """The action plan's account of its amendments: nothing for a plan never amended."""
    items = recorded(plan)
    if not items:
        return []
    blocks: list[Block] = [
        Heading(level, (Text(c.lang._("Amendments to this action plan")),)),
        Paragraph((Text(c.lang.n_(
            "This action plan was amended once after its delivery. The amendment and the "
            "changes it made (handbook 2.2):",
            "This action plan was amended {count} times after its delivery. Each amendment "
            "and the changes it made (handbook 2.2):", len(items))),))]
    for day, summary in items:
        blocks.append(Heading(level + 1, (Text(amendment_title(c, day)),)))
        blocks += amendment_summary(c, summary, level + 2)
    if original_dues(c.record, plan):
        blocks.append(Paragraph((Text(c.lang._(
            "A milestone whose completion date was changed shows, under its new date, the "
            "date it had when the plan was delivered.")),)))
    return blocks


def original_due(c: RenderContext, commitment: Commitment, number: Any) -> Paragraph | None:
    """"Originally 30 June 2028" under a re-dated milestone's completion date."""
    if not isinstance(number, int):
        return None
    day = original_dues(c.record, commitment.plan).get((commitment.number, number))
    if day is None:
        return None
    return Paragraph((Emphasis((Text(c.lang._("Originally {date} (amended)",
                                               date=c.lang.date(day))),)),))

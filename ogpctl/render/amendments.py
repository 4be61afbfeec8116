"""What an amended plan says of its amendments (handbook 2.2: "the participating
government must send an updated version that clearly outlines all changes"): each
amendment plan.yaml records, with its date and summary, and for a re-dated milestone the
completion date it had when the plan was delivered (`ogpctl.render.history`)."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date
from typing import Any
from weakref import WeakKeyDictionary

from ogpctl.base.values import list_at
from ogpctl.domain.delivery import amendments
from ogpctl.domain.diff import Change
from ogpctl.domain.rollup import is_withdrawn, withdrawal
from ogpctl.record.model import Commitment, Plan, Record, as_date
from ogpctl.render.blocks import Block, Emphasis, Heading, Inline, ListBlock, Paragraph, Text
from ogpctl.render.context import RenderContext
from ogpctl.render.history import changes_since_delivery, original_dues

#: record -> {plan id: its structural changes}: every commitment of a document asks.
_STRUCTURAL: WeakKeyDictionary[Record, dict[str, list[Change]]] = WeakKeyDictionary()
#: commitment -> {milestone number: its title}.
_TITLES: WeakKeyDictionary[Commitment, dict[Any, Any]] = WeakKeyDictionary()


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
    blocks += changes_blocks(c, plan, level + 1)
    if original_dues(c.record, plan):
        blocks.append(Paragraph((Text(c.lang._(
            "A milestone whose completion date was changed shows, under its new date, the "
            "date it had when the plan was delivered.")),)))
    return blocks


def structural_changes(record: Record, plan: Plan) -> list[Change]:
    """The commitments and milestones added or removed, and the milestones re-dated, since
    the plan was delivered (its submitted/<plan> tag), by commitment and milestone: of the
    amendments `ogpctl.domain.delivery` finds, those the action plan and the website show
    in place (the amendment note lists them all). Computed once a record and plan."""
    known = _STRUCTURAL.setdefault(record, {})
    if plan.id not in known:
        known[plan.id] = _structural_changes(record, plan)
    return known[plan.id]


def _structural_changes(record: Record, plan: Plan) -> list[Change]:
    changes = changes_since_delivery(record, plan) or []
    found = [change for change in amendments(changes, plan, record.languages.default)
             if change.commitment is not None and change.subject is None and (
                 change.kind in ("added", "removed") and change.field is None
                 or change.kind == "redated" and change.field == "due"
                 and change.milestone is not None)]
    return sorted(found, key=lambda ch: (ch.commitment or 0, ch.milestone or 0, ch.kind))


def changes_blocks(c: RenderContext, plan: Plan, level: int) -> list[Block]:
    """"Commitments and milestones changed since delivery": the list a reader of the amended
    plan needs to see what the amendments removed, added or moved (handbook 2.2)."""
    changes = structural_changes(c.record, plan)
    if not changes:
        return []
    titles = milestone_titles(plan)
    return [Heading(level, (Text(c.lang._(
                "Commitments and milestones changed since the plan was delivered")),)),
            ListBlock(tuple((Paragraph(change_item(c, change, titles)),)
                            for change in changes))]


def milestone_titles(plan: Plan) -> dict[tuple[int, Any], Any]:
    """(commitment number, milestone number) -> the milestone's title in the plan now; the
    first where two share the numbers."""
    titles: dict[tuple[int, Any], Any] = {}
    for commitment in plan.commitments:
        for number, title in titles_by_number(commitment).items():
            titles.setdefault((commitment.number, number), title)
    return titles


def titles_by_number(commitment: Commitment) -> dict[Any, Any]:
    """Milestone number -> the commitment's milestone's title (the first milestone of a
    number two share), made once a commitment: every change to a milestone asks."""
    if commitment not in _TITLES:
        titles: dict[Any, Any] = {}
        for milestone in commitment.milestones:
            number = milestone.fields.get("number")
            if isinstance(number, Hashable):
                titles.setdefault(number, milestone.fields.get("title"))
        _TITLES[commitment] = titles
    return _TITLES[commitment]


def change_item(c: RenderContext, change: Change,
                titles: dict[tuple[int, Any], Any]) -> tuple[Inline, ...]:
    """`Milestone 1.5 removed: Social audits of public works` and the like."""
    _ = c.lang._
    title = (change.values or (None, None))[change.kind == "added"]
    if change.milestone is None:
        head = (_("Commitment {number} added:", number=change.commitment)
                if change.kind == "added" else
                _("Commitment {number} removed:", number=change.commitment))
        return (Text(head + " "), *c.inline(title))
    number = f"{change.commitment}.{change.milestone}"
    if change.kind == "redated":
        old, new = as_date(change.old), as_date(change.new)
        head = _("Milestone {number}, completion date moved from {old} to {new}:",
                 number=number, old=c.lang.date(old) if old else str(change.old or "-"),
                 new=c.lang.date(new) if new else str(change.new or "-"))
        title = titles.get((change.commitment or 0, change.milestone))
    elif change.kind == "added":
        head = _("Milestone {number} added:", number=number)
    else:
        head = _("Milestone {number} removed:", number=number)
    return (Text(head + " "), *c.inline(title))


def withdrawal_sentence(c: RenderContext, commitment: Commitment) -> str:
    """"Withdrawn by the amendment of 28 November 2025: <its summary>", or without an
    amendment recorded, that it is withdrawn (`ogpctl.domain.rollup.withdrawal`)."""
    found = withdrawal(commitment)
    if found.date is None:
        return c.lang._("Withdrawn: every milestone is withdrawn; plan.yaml records no "
                        "amendment for it.")
    summary = c.string(found.summary)
    if not summary:
        return c.lang._("Withdrawn by the amendment of {date}.", date=c.lang.date(found.date))
    return c.lang._("Withdrawn by the amendment of {date}: {summary}",
                    date=c.lang.date(found.date), summary=summary)


def withdrawn_by_amendment(c: RenderContext, commitment: Commitment) -> Paragraph | None:
    """"Withdrawn by the amendment of …: …" on a commitment whose every milestone is
    withdrawn (`ogpctl.domain.rollup.is_withdrawn`), wherever its text is printed."""
    if not is_withdrawn(commitment):
        return None
    return Paragraph((Emphasis((Text(withdrawal_sentence(c, commitment)),)),))


def added_by_amendment(c: RenderContext, commitment: Commitment) -> Paragraph | None:
    """"Added to the plan by an amendment, after its delivery." on an added commitment."""
    if not any(change.kind == "added" and change.milestone is None
               and change.commitment == commitment.number
               for change in structural_changes(c.record, commitment.plan)):
        return None
    return Paragraph((Emphasis((Text(c.lang._(
        "This commitment was added to the plan by an amendment, after the plan was "
        "delivered.")),)),))


def original_due(c: RenderContext, commitment: Commitment, number: Any) -> Paragraph | None:
    """"Originally 30 June 2028" under a re-dated milestone's completion date."""
    if not isinstance(number, int):
        return None
    day = original_dues(c.record, commitment.plan).get((commitment.number, number))
    if day is None:
        return None
    return Paragraph((Emphasis((Text(c.lang._("Originally {date} (amended)",
                                               date=c.lang.date(day))),)),))

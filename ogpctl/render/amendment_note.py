"""The amendment note (handbook 2.2; 2.3 for the four-year refresh): every change made to a
plan since it was submitted, commitment by commitment, from `ogpctl.diff`."""

from __future__ import annotations

from itertools import groupby

from ogpctl.diff import Change, word_diff
from ogpctl.record.model import Plan, as_date
from ogpctl.record.text import translations
from ogpctl.render.blocks import Block, Heading, Inline, ListBlock, Paragraph, Text
from ogpctl.render.context import RenderContext

FIELDS = {"title": "name", "brief-description": "brief description",
          "problem/what": "problem", "problem/causes": "causes of the problem",
          "description/done-so-far": "what has been done so far",
          "description/solution": "proposed solution", "description/results": "results wanted",
          "relevance": "relevance to the open government values", "output": "expected output"}


def field_label(c: RenderContext, field: str | None) -> str:
    labels = {"name": c.lang._("name"), "brief description": c.lang._("brief description"),
              "problem": c.lang._("problem"),
              "causes of the problem": c.lang._("causes of the problem"),
              "what has been done so far": c.lang._("what has been done so far"),
              "proposed solution": c.lang._("proposed solution"),
              "results wanted": c.lang._("results wanted"),
              "relevance to the open government values": c.lang._(
                  "relevance to the open government values"),
              "expected output": c.lang._("expected output")}
    return labels.get(FIELDS.get(field or "", ""), field or "")


def _day(c: RenderContext, value: object) -> str:
    day = as_date(value)
    return c.lang.date(day) if day else str(value or "-")


def _who(c: RenderContext, value: object) -> str:
    from ogpctl.render.blocks import plain

    return plain(c.stakeholder(value)) if isinstance(value, str) else "-"


def sentence(c: RenderContext, change: Change) -> str:
    _ = c.lang._
    if change.kind == "added":
        return _("Milestone {number} added.", number=change.milestone) \
            if change.milestone is not None else _("Commitment added.")
    if change.kind == "removed":
        return _("Milestone {number} removed.", number=change.milestone) \
            if change.milestone is not None else _("Commitment removed.")
    if change.kind == "renumbered":
        return _("Previously commitment {number}.", number=change.old)
    if change.kind == "redated":
        return _("Milestone {number}: completion date moved from {old} to {new}.",
                 number=change.milestone, old=_day(c, change.old), new=_day(c, change.new))
    if change.kind == "progress":
        return _("Milestone {number}: progress reported.", number=change.milestone)
    if change.field == "lead":
        return _("Lead changed from {old} to {new}.", old=_who(c, change.old),
                 new=_who(c, change.new))
    if change.field == "status":
        return _("Milestone {number}: status changed from {old} to {new}.",
                 number=change.milestone, old=status_label(c, change.old),
                 new=status_label(c, change.new))
    return _("{field} changed from {old} to {new}.", field=change.field, old=change.old,
             new=change.new)


def status_label(c: RenderContext, value: object) -> str:
    return {"not-started": c.lang._("not started"), "in-progress": c.lang._("in progress"),
            "completed": c.lang._("completed"),
            "withdrawn": c.lang._("withdrawn")}.get(str(value), str(value))


def text_change(c: RenderContext, change: Change) -> tuple[Inline, ...]:
    old, new = (translations(v, c.record.languages.default) for v in change.values or ({}, {}))
    lang = c.lang.code if c.lang.code in old or c.lang.code in new else "en"
    where = c.lang._("Milestone {number}", number=change.milestone) + ", " \
        if change.milestone is not None else ""
    label = where + c.lang._("{field} changed:", field=field_label(c, change.field))
    return (Text(label + " "), Text(word_diff(old.get(lang, ""), new.get(lang, ""))))


def amendment_blocks(c: RenderContext, plan: Plan, changes: list[Change], since: str
                     ) -> list[Block]:
    blocks: list[Block] = [Paragraph((Text(c.lang._(
        "This note lists every change made to the action plan since {since}, as the handbook "
        "asks of an amended or refreshed plan (sections 2.2 and 2.3). Removed words are "
        "shown [-like this-], added words {{+like this+}}.", since=since)),))]
    if not changes:
        blocks.append(Paragraph((Text(c.lang._("No changes.")),)))
    plan_level = [ch for ch in changes if ch.commitment is None]
    if plan_level:
        blocks.append(Heading(2, (Text(c.lang._("The plan")),)))
        blocks.append(_list(c, plan_level))
    by_number = {commitment.number: commitment for commitment in plan.commitments}
    rest = sorted((ch for ch in changes if ch.commitment is not None),
                  key=lambda ch: ch.commitment or 0)
    for number, group in groupby(rest, key=lambda ch: ch.commitment):
        items = list(group)
        commitment = by_number.get(number)
        title = c.inline(commitment.fields.get("title")) if commitment else \
            (Text(str(items[0].old or "")),)
        blocks.append(Heading(2, (Text(f"{number}. "), *title)))
        blocks.append(_list(c, items))
    return blocks


def _list(c: RenderContext, items: list[Change]) -> ListBlock:
    entries = []
    for change in items:
        inlines = text_change(c, change) if change.kind == "text" else \
            (Text(sentence(c, change)),)
        entries.append((Paragraph(inlines),))
    return ListBlock(tuple(entries))

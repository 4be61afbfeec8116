"""A commitment in the handbook's commitment template (3.2.c)."""

from __future__ import annotations

from typing import Any

from ogpctl.record.model import Commitment, as_date
from ogpctl.render.blocks import (
    Block,
    Cell,
    Heading,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    Strong,
    Table,
    Text,
)
from ogpctl.render.context import RenderContext

SECTORS = ("government", "civil-society", "other")


def value_label(c: RenderContext, value: str) -> str:
    return {"transparency": c.lang._("Transparency"),
            "accountability": c.lang._("Accountability"),
            "participation": c.lang._("Participation"),
            "technology-innovation": c.lang._("Technology and innovation")}.get(value, value)


def sector_label(c: RenderContext, sector: str) -> str:
    return {"government": c.lang._("Government"), "civil-society": c.lang._("Civil society"),
            "other": c.lang._("Other actors (parliament, private sector, etc.)")}[sector]


def commitment_name(c: RenderContext, commitment: Commitment) -> tuple[Inline, ...]:
    return (Text(f"{commitment.number}. "), *c.inline(commitment.fields.get("title")))


def cell(*inlines: Inline) -> Cell:
    return (Paragraph(tuple(inlines)),) if inlines else ()


def supporting(c: RenderContext, value: Any) -> list[Block]:
    """Supporting stakeholders by sector, each with its role when given."""
    value = value if isinstance(value, dict) else {}
    blocks: list[Block] = []
    for sector in SECTORS:
        items = value.get(sector) if isinstance(value.get(sector), list) else []
        names = [_named(c, item) for item in items]
        names = [n for n in names if n]
        if names:
            blocks.append(Paragraph((Strong((Text(sector_label(c, sector)),)),)))
            blocks.append(ListBlock(tuple((Paragraph(n),) for n in names)))
    return blocks


def _named(c: RenderContext, item: Any) -> tuple[Inline, ...]:
    if isinstance(item, str):
        return c.stakeholder(item)
    if isinstance(item, dict):
        name = c.stakeholder(item.get("stakeholder"))
        role = c.inline(item.get("role"))
        return (*name, Text(": "), *role) if role and name else name
    return ()


def period(c: RenderContext, commitment: Commitment) -> str:
    span = commitment.period()
    return c.lang._("{start} to {end}", start=c.lang.date(span[0]),
                    end=c.lang.date(span[1])) if span else ""


def header_table(c: RenderContext, commitment: Commitment) -> Table:
    fields = commitment.fields
    rows = [
        (c.lang._("Country"), cell(Text(c.country()))),
        (c.lang._("Number and name of the commitment"), cell(*commitment_name(c, commitment))),
        (c.lang._("Brief description of the commitment"),
         cell(*c.inline(fields.get("brief-description")))),
        (c.lang._("Commitment lead"), cell(*c.stakeholder(fields.get("lead")))),
        (c.lang._("Supporting stakeholders"), tuple(supporting(c, fields.get("supporting")))),
        (c.lang._("Period covered"), cell(Text(period(c, commitment)))),
    ]
    rows += external_rows(c, fields)
    if commitment.kind != "regular":
        kind = {"challenge": c.lang._("Challenge commitment"),
                "local": c.lang._("Local commitment")}.get(commitment.kind, commitment.kind)
        rows.append((c.lang._("Kind of commitment"), cell(Text(kind))))
    return Table((), tuple(((Paragraph((Text(label),)),), value) for label, value in rows),
                 fields=True)


def external_rows(c: RenderContext, fields: dict[str, Any]) -> list[tuple[str, Cell]]:
    """The theme, the OGP commitment id and pages about the commitment elsewhere, when the
    record gives them (only http, https and mailto links)."""
    from ogpctl.render.prose import safe_href

    rows: list[tuple[str, Cell]] = []
    if fields.get("theme"):
        rows.append((c.lang._("Theme"), cell(*c.inline(fields.get("theme")))))
    if isinstance(fields.get("ogp-id"), str) and fields["ogp-id"].strip():
        rows.append((c.lang._("OGP commitment id"), cell(Text(fields["ogp-id"]))))
    links = [item for item in fields.get("links") or [] if isinstance(item, dict)
             and isinstance(item.get("url"), str) and safe_href(item["url"])
             and ":" in item["url"]] if isinstance(fields.get("links"), list) else []
    if links:
        rows.append((c.lang._("Links"), (ListBlock(tuple(
            (Paragraph((Link(safe_href(item["url"]) or "",
                             c.inline(item.get("title")) or (Text(item["url"]),)),)),)
            for item in links)),)))
    return rows


def question(c: RenderContext, level: int, title: str, value: Any) -> list[Block]:
    return [Heading(level, (Text(title),)),
            *c.blocks_or(value, c.lang._("Not stated."), base_level=level + 1)]


def milestone_table(c: RenderContext, commitment: Commitment) -> Table:
    head = tuple(cell(Text(label)) for label in (
        c.lang._("Milestones"), c.lang._("Expected outputs"),
        c.lang._("Expected completion date"), c.lang._("Stakeholders")))
    rows = []
    for milestone in commitment.milestones:
        fields = milestone.fields
        number = fields.get("number")
        name = (Text(f"{commitment.number}.{number} " if isinstance(number, int) else ""),
                *c.inline(fields.get("title")))
        lead = c.stakeholder(fields.get("lead"))
        stakeholders: list[Block] = [Paragraph((Strong((Text(c.lang._("Lead")),)), Text(": "),
                                                *lead))] if lead else []
        stakeholders.extend(supporting(c, fields.get("supporting")))
        rows.append((cell(*name), tuple(c.blocks(fields.get("output"))),
                     cell(Text(c.lang.date(as_date(fields.get("due"))))), tuple(stakeholders)))
    return Table(head, tuple(rows))


def commitment_blocks(c: RenderContext, commitment: Commitment, level: int = 2) -> list[Block]:
    fields = commitment.fields
    problem = fields.get("problem")
    problem = problem if isinstance(problem, dict) else {}
    description = fields.get("description")
    description = description if isinstance(description, dict) else {}
    blocks: list[Block] = [Heading(level, commitment_name(c, commitment)),
                           header_table(c, commitment),
                           Heading(level + 1, (Text(c.lang._("Problem definition")),))]
    blocks += question(c, level + 2, c.lang._("1. What problem does the commitment aim to "
                                              "address?"), problem.get("what"))
    blocks += question(c, level + 2, c.lang._("2. What are the causes of the problem?"),
                       problem.get("causes"))
    blocks.append(Heading(level + 1, (Text(c.lang._("Commitment description")),)))
    blocks += question(c, level + 2, c.lang._("1. What has been done so far to solve the "
                                              "problem?"), description.get("done-so-far"))
    blocks += question(c, level + 2, c.lang._("2. What solution are you proposing?"),
                       description.get("solution"))
    blocks += question(c, level + 2, c.lang._("3. What results do we want to achieve by "
                                              "implementing this commitment?"),
                       description.get("results"))
    blocks += relevance(c, commitment, level + 1)
    blocks += special(c, commitment, level + 1)
    blocks.append(Heading(level + 1, (Text(c.lang._("Commitment planning")),)))
    blocks.append(milestone_table(c, commitment))
    blocks += implementation_plan(c, fields.get("implementation-plan"), level + 1)
    return blocks


def relevance(c: RenderContext, commitment: Commitment, level: int) -> list[Block]:
    values = commitment.fields.get("values")
    names = [value_label(c, v) for v in values if isinstance(v, str)] \
        if isinstance(values, list) else []
    blocks: list[Block] = [Heading(level, (Text(c.lang._("Open government values")),))]
    if names:
        blocks.append(Paragraph((Strong((Text(", ".join(names)),)),)))
    blocks += c.blocks(commitment.fields.get("relevance"), level + 1)
    return blocks


def special(c: RenderContext, commitment: Commitment, level: int) -> list[Block]:
    """The extra fields of challenge (3.4) and local (6.3) commitments."""
    fields = commitment.fields
    if commitment.kind == "challenge" and isinstance(fields.get("challenge"), dict):
        part = fields["challenge"]
        added = c.lang.date(as_date(part.get("added")))
        blocks: list[Block] = [Heading(level, (Text(c.lang._("Challenge commitment")),))]
        if added:
            blocks.append(Paragraph((Text(c.lang._("Added on {date}.", date=added)),)))
        for key, title in (("priority", c.lang._("Emerging national priority")),
                           ("co-creation", c.lang._("How it was co-created")),
                           ("reasoned-response", c.lang._("Reasoned response"))):
            blocks += question(c, level + 1, title, part.get(key))
        return blocks
    if commitment.kind == "local" and isinstance(fields.get("local"), dict):
        part = fields["local"]
        blocks = [Heading(level, (Text(c.lang._("Local commitment")),))]
        for key, title in (("jurisdiction", c.lang._("Jurisdiction")),
                           ("national-policy", c.lang._("National policy it implements"))):
            blocks += question(c, level + 1, title, part.get(key))
        return blocks
    return []


def implementation_plan(c: RenderContext, plan: Any, level: int) -> list[Block]:
    if not isinstance(plan, dict):
        return []
    blocks: list[Block] = [Heading(level, (Text(c.lang._("Implementation plan")),))]
    activities = [c.inline(a) for a in plan.get("activities") or []] \
        if isinstance(plan.get("activities"), list) else []
    if activities:
        blocks.append(Heading(level + 1, (Text(c.lang._("Activities")),)))
        blocks.append(ListBlock(tuple((Paragraph(a),) for a in activities if a)))
    for key, title in (("resources", c.lang._("Resources")),
                       ("responsibilities", c.lang._("Responsibilities")),
                       ("risks", c.lang._("Risks and how they are managed"))):
        if plan.get(key):
            blocks += question(c, level + 1, title, plan.get(key))
    return blocks

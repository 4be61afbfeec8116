"""A commitment in the handbook's commitment template (3.2.c)."""

from __future__ import annotations

from typing import Any

from ogpctl.base.i18n import Language
from ogpctl.record.model import Commitment, as_date
from ogpctl.render.amendments import added_by_amendment, original_due, withdrawn_by_amendment
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
from ogpctl.render.period import period_words

SECTORS = ("government", "civil-society", "other")


# The template's words by what they stand for, as a document in `lang` writes them; the
# Word importer reads ogpctl's own documents back with these same functions.

def value_labels(lang: Language) -> dict[str, str]:
    return {"transparency": lang._("Transparency"), "accountability": lang._("Accountability"),
            "participation": lang._("Participation"),
            "technology-innovation": lang._("Technology and innovation")}


def sector_labels(lang: Language) -> dict[str, str]:
    return {"government": lang._("Government"), "civil-society": lang._("Civil society"),
            "other": lang._("Other actors (parliament, private sector, etc.)")}


def header_labels(lang: Language) -> dict[str, str]:
    """The rows of the commitment's header table by field."""
    return {"country": lang._("Country"), "name": lang._("Number and name of the commitment"),
            "brief-description": lang._("Brief description of the commitment"),
            "lead": lang._("Commitment lead"), "supporting": lang._("Supporting stakeholders"),
            "period": lang._("Period covered"), "theme": lang._("Theme"),
            "ogp-id": lang._("OGP commitment id"), "links": lang._("Links"),
            "kind": lang._("Kind of commitment")}


def kind_labels(lang: Language) -> dict[str, str]:
    return {"challenge": lang._("Challenge commitment"), "local": lang._("Local commitment")}


def question_labels(lang: Language) -> dict[str, str]:
    """The template's questions by the field that answers them."""
    return {"problem": lang._("1. What problem does the commitment aim to address?"),
            "causes": lang._("2. What are the causes of the problem?"),
            "done-so-far": lang._("1. What has been done so far to solve the problem?"),
            "solution": lang._("2. What solution are you proposing?"),
            "results": lang._("3. What results do we want to achieve by implementing this "
                              "commitment?")}


def part_labels(lang: Language) -> dict[str, str]:
    """The headings of the template's parts; `values` heads the values and relevance."""
    return {"problem-definition": lang._("Problem definition"),
            "description": lang._("Commitment description"),
            "values": lang._("Open government values"),
            "planning": lang._("Commitment planning")}


def milestone_labels(lang: Language) -> dict[str, str]:
    """The milestone table's columns, and the word before a milestone's lead."""
    return {"title": lang._("Milestones"), "output": lang._("Expected outputs"),
            "due": lang._("Expected completion date"), "stakeholders": lang._("Stakeholders"),
            "lead": lang._("Lead")}


def label_end(lang: Language) -> str:
    """What follows a label before its value, as the language writes it: ": ", and in
    French a no-break space before the colon ("Responsable : …")."""
    return lang._(":") + " "


def special_labels(lang: Language) -> dict[str, str]:
    """The questions of challenge (3.4) and local (6.3) commitments by field."""
    return {"priority": lang._("Emerging national priority"),
            "co-creation": lang._("How it was co-created"),
            "reasoned-response": lang._("Reasoned response"),
            "jurisdiction": lang._("Jurisdiction"),
            "national-policy": lang._("National policy it implements")}


def implementation_labels(lang: Language) -> dict[str, str]:
    """The implementation plan's heading and its parts by field."""
    return {"implementation-plan": lang._("Implementation plan"),
            "activities": lang._("Activities"), "resources": lang._("Resources"),
            "responsibilities": lang._("Responsibilities"),
            "risks": lang._("Risks and how they are managed")}


def added_text(lang: Language, day: str) -> str:
    return lang._("Added on {date}.", date=day)


def not_stated(lang: Language) -> str:
    return lang._("Not stated.")


def period_text(lang: Language, start: str, end: str) -> str:
    return lang._("{start} to {end}", start=start, end=end)


def value_label(c: RenderContext, value: str) -> str:
    return value_labels(c.lang).get(value, value)


def sector_label(c: RenderContext, sector: str) -> str:
    return sector_labels(c.lang)[sector]


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
        return (*name, Text(label_end(c.lang)), *role) if role and name else name
    return ()


def period(c: RenderContext, commitment: Commitment) -> str:
    return period_words(c.lang, commitment.plan, commitment.period())


def header_table(c: RenderContext, commitment: Commitment) -> Table:
    fields = commitment.fields
    label = header_labels(c.lang)
    rows = [
        (label["country"], cell(Text(c.country()))),
        (label["name"], cell(*commitment_name(c, commitment))),
        (label["brief-description"], cell(*c.inline(fields.get("brief-description")))),
        (label["lead"], cell(*c.stakeholder(fields.get("lead")))),
        (label["supporting"], tuple(supporting(c, fields.get("supporting")))),
        (label["period"], cell(Text(period(c, commitment)))),
    ]
    rows += external_rows(c, fields)
    if commitment.kind != "regular":
        kind = kind_labels(c.lang).get(commitment.kind, commitment.kind)
        rows.append((label["kind"], cell(Text(kind))))
    return Table((), tuple(((Paragraph((Text(label),)),), value) for label, value in rows),
                 fields=True)


def external_rows(c: RenderContext, fields: dict[str, Any]) -> list[tuple[str, Cell]]:
    """The theme, the OGP commitment id and pages about the commitment elsewhere, when the
    record gives them (only http, https and mailto links)."""
    from ogpctl.render.prose import safe_href

    rows: list[tuple[str, Cell]] = []
    label = header_labels(c.lang)
    if fields.get("theme"):
        rows.append((label["theme"], cell(*c.inline(fields.get("theme")))))
    if isinstance(fields.get("ogp-id"), str) and fields["ogp-id"].strip():
        rows.append((label["ogp-id"], cell(Text(fields["ogp-id"]))))
    links = [item for item in fields.get("links") or [] if isinstance(item, dict)
             and isinstance(item.get("url"), str) and safe_href(item["url"])
             and ":" in item["url"]] if isinstance(fields.get("links"), list) else []
    if links:
        rows.append((label["links"], (ListBlock(tuple(
            (Paragraph((Link(safe_href(item["url"]) or "",
                             c.inline(item.get("title")) or (Text(item["url"]),)),)),)
            for item in links)),)))
    return rows


def question(c: RenderContext, level: int, title: str, value: Any) -> list[Block]:
    return [Heading(level, (Text(title),)),
            *c.blocks_or(value, not_stated(c.lang), base_level=level + 1)]


def milestone_table(c: RenderContext, commitment: Commitment) -> Table:
    label = milestone_labels(c.lang)
    head = tuple(cell(Text(label[column])) for column in ("title", "output", "due",
                                                          "stakeholders"))
    rows = []
    for milestone in commitment.milestones:
        fields = milestone.fields
        number = fields.get("number")
        name = (Text(f"{commitment.number}.{number} " if isinstance(number, int) else ""),
                *c.inline(fields.get("title")))
        lead = c.stakeholder(fields.get("lead"))
        stakeholders: list[Block] = [Paragraph((Strong((Text(label["lead"]),)),
                                                Text(label_end(c.lang)), *lead))] \
            if lead else []
        stakeholders.extend(supporting(c, fields.get("supporting")))
        due: list[Block] = list(cell(Text(c.lang.date(as_date(fields.get("due"))))))
        originally = original_due(c, commitment, number)
        due += [originally] if originally else []
        rows.append((cell(*name), tuple(c.blocks(fields.get("output"))), tuple(due),
                     tuple(stakeholders)))
    return Table(head, tuple(rows))


def commitment_blocks(c: RenderContext, commitment: Commitment, level: int = 2) -> list[Block]:
    fields = commitment.fields
    problem = fields.get("problem")
    problem = problem if isinstance(problem, dict) else {}
    description = fields.get("description")
    description = description if isinstance(description, dict) else {}
    asked, part = question_labels(c.lang), part_labels(c.lang)
    notes = [note for note in (added_by_amendment(c, commitment),
                               withdrawn_by_amendment(c, commitment)) if note]
    blocks: list[Block] = [Heading(level, commitment_name(c, commitment)),
                           *notes, header_table(c, commitment),
                           Heading(level + 1, (Text(part["problem-definition"]),))]
    blocks += question(c, level + 2, asked["problem"], problem.get("what"))
    blocks += question(c, level + 2, asked["causes"], problem.get("causes"))
    blocks.append(Heading(level + 1, (Text(part["description"]),)))
    blocks += question(c, level + 2, asked["done-so-far"], description.get("done-so-far"))
    blocks += question(c, level + 2, asked["solution"], description.get("solution"))
    blocks += question(c, level + 2, asked["results"], description.get("results"))
    blocks += relevance(c, commitment, level + 1)
    blocks += special(c, commitment, level + 1)
    blocks.append(Heading(level + 1, (Text(part["planning"]),)))
    blocks.append(milestone_table(c, commitment))
    blocks += implementation_plan(c, fields.get("implementation-plan"), level + 1)
    return blocks


def relevance(c: RenderContext, commitment: Commitment, level: int) -> list[Block]:
    values = commitment.fields.get("values")
    names = [value_label(c, v) for v in values if isinstance(v, str)] \
        if isinstance(values, list) else []
    blocks: list[Block] = [Heading(level, (Text(part_labels(c.lang)["values"]),))]
    if names:
        blocks.append(Paragraph((Strong((Text(c.lang.join(names)),)),)))
    blocks += c.blocks(commitment.fields.get("relevance"), level + 1)
    return blocks


def special(c: RenderContext, commitment: Commitment, level: int) -> list[Block]:
    """The extra fields of challenge (3.4) and local (6.3) commitments."""
    fields, asked = commitment.fields, special_labels(c.lang)
    if commitment.kind == "challenge" and isinstance(fields.get("challenge"), dict):
        part = fields["challenge"]
        added = c.lang.date(as_date(part.get("added")))
        blocks: list[Block] = [Heading(level, (Text(kind_labels(c.lang)["challenge"]),))]
        if added:
            blocks.append(Paragraph((Text(added_text(c.lang, added)),)))
        for key in ("priority", "co-creation", "reasoned-response"):
            blocks += question(c, level + 1, asked[key], part.get(key))
        return blocks
    if commitment.kind == "local" and isinstance(fields.get("local"), dict):
        part = fields["local"]
        blocks = [Heading(level, (Text(kind_labels(c.lang)["local"]),))]
        for key in ("jurisdiction", "national-policy"):
            blocks += question(c, level + 1, asked[key], part.get(key))
        return blocks
    return []


def implementation_plan(c: RenderContext, plan: Any, level: int) -> list[Block]:
    if not isinstance(plan, dict):
        return []
    label = implementation_labels(c.lang)
    blocks: list[Block] = [Heading(level, (Text(label["implementation-plan"]),))]
    activities = [c.inline(a) for a in plan.get("activities") or []] \
        if isinstance(plan.get("activities"), list) else []
    if activities:
        blocks.append(Heading(level + 1, (Text(label["activities"]),)))
        blocks.append(ListBlock(tuple((Paragraph(a),) for a in activities if a)))
    for key in ("resources", "responsibilities", "risks"):
        if plan.get(key):
            blocks += question(c, level + 1, label[key], plan.get(key))
    return blocks

"""The action plan (handbook 3.2.b): introduction, efforts to date, development process with
the minimum requirements met, and the commitments in the commitment template (3.2.c)."""

from __future__ import annotations

import re

from ogpctl.base.i18n import Language
from ogpctl.domain.rollup import totals_of
from ogpctl.record.kinds import SECTIONS
from ogpctl.record.model import Commitment, Plan
from ogpctl.render.amendments import amendments_blocks
from ogpctl.render.blocks import Block, ForeignBlock, Heading, Paragraph, Text, plain
from ogpctl.render.commitment import commitment_blocks
from ogpctl.render.context import RenderContext
from ogpctl.render.period import delivery_due
from ogpctl.render.prose import parse
from ogpctl.render.requirements import requirements_blocks
from ogpctl.render.self_assessment import totals_sentence
from ogpctl.rules.languages import has_prose


def section_titles(lang: Language) -> dict[str, str]:
    """The plan's numbered headings (the Word importer reads them back with this too);
    `requirements` closes the development process, `commitments` opens the fourth."""
    return {"introduction": lang._("1. Introduction"),
            "efforts-to-date": lang._("2. Open government efforts to date"),
            "development-process": lang._("3. Action plan development process"),
            "requirements": lang._("Minimum requirements"),
            "commitments": lang._("4. Commitments")}


def placeholders(lang: Language) -> tuple[str, ...]:
    """What the plan says where the record has no text yet."""
    return (lang._("This section has not been written yet."),
            lang._("No commitments have been written yet."))


def section_title(c: RenderContext, section: str) -> str:
    return section_titles(c.lang)[section]


def section_blocks(c: RenderContext, plan: Plan, section: str) -> list[Block]:
    """A narrative section from sections/<section>.<lang>.md, else its English text marked
    as not translated. A section that opens with its own heading keeps it, unless that
    heading is the template's title without its number (as records scaffolded before the
    numbers were written have it): the template's numbered heading is printed instead."""
    bodies = {doc.path.rsplit("/", 1)[1]: doc.body or "" for doc in plan.sections}
    heading = Heading(2, (Text(section_title(c, section)),))
    for lang in dict.fromkeys((c.lang.code, "en", c.record.languages.default)):
        body = bodies.get(f"{section}.{lang}.md", "")
        if not has_prose(body):
            continue
        blocks = parse(body, base_level=2)
        first = blocks[0] if blocks else None
        own = first if isinstance(first, Heading) and first.level == 2 else None
        if own and lang == c.lang.code and _unnumbered(own, section_title(c, section)):
            blocks = [heading, *blocks[1:]]
        if lang == c.lang.code:
            return blocks if own else [heading, *blocks]
        return [heading, ForeignBlock(lang, tuple(blocks[1:] if own else blocks),
                                      c.fallback_note(lang))]
    return [heading, Paragraph((Text(placeholders(c.lang)[0]),))]


def _unnumbered(own: Heading, title: str) -> bool:
    """Whether a section's own heading is the template's title with no number."""
    def words(text: str) -> str:
        return re.sub(r"^\s*\d+\.\s*", "", text).strip().casefold()
    return words(plain(own.children)) == words(title) and plain(own.children) != title


def subtitle(c: RenderContext, plan: Plan) -> str:
    span = plan.period()
    if span is None:
        return c.country()
    due = delivery_due(plan, span)
    if due is not None:   # handbook 3.1: implementation begins at delivery
        return c.lang._("{country}, from delivery (due {due}) to {end}", country=c.country(),
                        due=c.lang.date(due), end=c.lang.date(span[1]))
    return c.lang._("{country}, {start} to {end}", country=c.country(),
                    start=c.lang.date(span[0]), end=c.lang.date(span[1]))


def action_plan_blocks(c: RenderContext, plan: Plan) -> list[Block]:
    blocks: list[Block] = amendments_blocks(c, plan)
    for section in SECTIONS:
        blocks += section_blocks(c, plan, section)
        if section == "development-process":
            blocks.append(Heading(3, (Text(section_title(c, "requirements")),)))
            blocks += requirements_blocks(c, plan)
    blocks.append(Heading(2, (Text(section_title(c, "commitments")),)))
    if not plan.commitments:
        blocks.append(Paragraph((Text(placeholders(c.lang)[1]),)))
    groups = themes(c, plan)
    if len(groups) == 1 and groups[0][0] is None:
        for commitment in plan.commitments:
            blocks += commitment_blocks(c, commitment, level=3)
        return blocks
    for theme, commitments in groups:
        blocks.append(Heading(3, (Text(theme or c.lang._("Other commitments")),)))
        blocks.append(Paragraph((Text(totals_sentence(
            c.lang, totals_of(commitments, c.today))),)))
        for commitment in commitments:
            blocks += commitment_blocks(c, commitment, level=4)
    return blocks


def themes(c: RenderContext, plan: Plan) -> list[tuple[str | None, list[Commitment]]]:
    """The plan's commitments grouped by their theme (policy area), in the order the themes
    first appear; commitments without a theme come last, under None."""
    groups: dict[str | None, list[Commitment]] = {}
    for commitment in plan.commitments:
        name = plain(c.inline(commitment.fields.get("theme"))).strip() or None
        groups.setdefault(name, []).append(commitment)
    named = [(name, items) for name, items in groups.items() if name is not None]
    return named + ([(None, groups[None])] if None in groups else [])

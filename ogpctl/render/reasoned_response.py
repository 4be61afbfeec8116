"""The reasoned response (handbook 2.1.d): every contribution, grouped by decision, with
what was received, how it was considered and why, and the commitments it fed."""

from __future__ import annotations

from typing import Any

from ogpctl.domain.contributors import contributor
from ogpctl.record.model import Plan, as_date, listed
from ogpctl.record.text import translations
from ogpctl.render.blocks import Block, Cell, Heading, Inline, Paragraph, Table, Text
from ogpctl.render.commitment import commitment_name
from ogpctl.render.context import RenderContext

DECISIONS = ("include", "amend", "reject", "pending")
#: The longest a contribution's heading quotes of its summary, in characters.
HEADING_LENGTH = 90


def decision_title(c: RenderContext, decision: str) -> str:
    return {"include": c.lang._("Included"), "amend": c.lang._("Included with changes"),
            "reject": c.lang._("Not included"),
            "pending": c.lang._("Still to be decided")}[decision]


def channel_label(c: RenderContext, channel: Any) -> str:
    return {"survey": c.lang._("survey"), "workshop": c.lang._("workshop"),
            "online-consultation": c.lang._("online consultation"),
            "email": c.lang._("email"), "meeting": c.lang._("meeting"),
            "other": c.lang._("other channel")}.get(channel, "") if isinstance(channel, str) \
        else ""


def contributions(plan: Plan) -> list[dict]:
    return listed(plan.contributions, "contributions")


def fed(c: RenderContext, plan: Plan, item: dict) -> Cell:
    """The commitments an input fed, named; none for an input not included, which fed no
    commitment whatever its `commitments:` say (check reports the contradiction, M713)."""
    ids = item.get("commitments")
    ids = ids if isinstance(ids, list) and item.get("decision") != "reject" else []
    by_id = {commitment.id: commitment for commitment in plan.commitments}
    names: list[tuple[Inline, ...]] = []
    for ident in ids:
        commitment = by_id.get(ident) if isinstance(ident, str) else None
        names.append(commitment_name(c, commitment) if commitment else (Text(str(ident)),))
    return tuple(Paragraph(n) for n in names)


def sector_name(c: RenderContext, sector: str) -> str:
    """One of the record's sectors, as the website's stakeholder pages name it."""
    _ = c.lang._
    return {"government": _("Government"), "civil-society": _("Civil society"),
            "parliament": _("Parliament"), "judiciary": _("Judiciary"),
            "local-government": _("Local government"), "private-sector": _("Private sector"),
            "academia": _("Academia"),
            "international": _("International organisations")}.get(sector, "")


def _source(c: RenderContext, value: Any) -> tuple[Inline, ...]:
    """Who contributed, as the public may read it (`ogpctl.domain.contributors`): the
    organisation and its sector; a person's name is not published."""
    who = contributor(value)
    if not who.known:
        return ()
    if who.stakeholder:
        return c.stakeholder(who.stakeholder)
    name = (who.name or (c.lang._("a person whose name is not published") if who.person
                         else c.lang._("an anonymous contributor")))
    sector = sector_name(c, who.sector)
    return (Text(f"{name} ({sector})" if sector else name),)


def received(c: RenderContext, item: dict) -> Cell:
    parts = [c.lang.date(as_date(item.get("received"))), channel_label(c, item.get("channel"))]
    text = c.lang.join(p for p in parts if p)
    inlines: tuple[Inline, ...] = (Text(text),) if text else ()
    source = _source(c, item.get("from"))
    if source:
        inlines += ((Text(c.lang._(" from ")),) if inlines else ()) + source
    return (Paragraph(inlines),) if inlines else ()


def gist(text: str) -> str:
    """The first sentence of a summary, cut at a word to `HEADING_LENGTH` with an ellipsis."""
    words = " ".join(text.replace("*", "").replace("#", "").split())
    sentence = words.split(". ")[0].rstrip(".")
    if len(sentence) <= HEADING_LENGTH:
        return sentence
    return sentence[:HEADING_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def contribution_heading(c: RenderContext, item: dict) -> tuple[Inline, ...]:
    """A contribution named for a reader: what it said (its summary, in the reader's
    language or marked), else who sent it as the public may read it, else its id."""
    texts = translations(item.get("summary"), c.record.languages.default)
    summary = c.inline({lang: gist(text) for lang, text in texts.items() if gist(text)})
    if summary:
        return summary
    source = _source(c, item.get("from"))
    if source:
        return (Text(c.lang._("Contribution from") + " "), *source)
    return (Text(c.lang._("Contribution {id}", id=str(item.get("id") or "?"))),)


def contribution_blocks(c: RenderContext, plan: Plan, item: dict) -> list[Block]:
    missing = c.lang._("Not stated.")
    rows: list[tuple[str, Cell]] = [
        (c.lang._("Received"), received(c, item)),
        (c.lang._("What was received"), tuple(c.blocks_or(item.get("summary"), missing))),
        (c.lang._("How it was considered and why"),
         tuple(c.blocks_or(item.get("response"), c.lang._("No reasoned response yet.")))),
    ]
    if commitments := fed(c, plan, item):
        rows.append((c.lang._("Commitments it fed"), commitments))
    responded = as_date(item.get("responded"))
    if responded:
        rows.append((c.lang._("Response sent"), (Paragraph((Text(c.lang.date(responded)),)),)))
    if item.get("considered-later"):
        rows.append((c.lang._("How it will be considered later"),
                     tuple(c.blocks(item.get("considered-later")))))
    return [Heading(3, contribution_heading(c, item)),
            Table((), tuple(((Paragraph((Text(k),)),), v) for k, v in rows), fields=True)]


def reasoned_response_blocks(c: RenderContext, plan: Plan) -> list[Block]:
    items = contributions(plan)
    counts = {d: sum(1 for i in items if i.get("decision") == d) for d in DECISIONS}
    summary = c.lang.n_("{count} contribution was received: {include} included, {amend} "
                        "included with changes, {reject} not included, {pending} still to be "
                        "decided.",
                        "{count} contributions were received: {include} included, {amend} "
                        "included with changes, {reject} not included, {pending} still to be "
                        "decided.", len(items),
                        **{d: c.lang.number(n) for d, n in counts.items()})
    blocks: list[Block] = [Paragraph((Text(summary),))]
    for decision in DECISIONS:
        group = [i for i in items if i.get("decision") == decision]
        if group:
            blocks.append(Heading(2, (Text(decision_title(c, decision)),)))
            for item in group:
                blocks += contribution_blocks(c, plan, item)
    return blocks

"""The minimum requirements (handbook 7), said in the document's language with the facts
from the record that back each verdict."""

from __future__ import annotations

from ogpctl.domain.requirements import MET, NOT_MET, NOT_YET_DUE, Requirement, judge
from ogpctl.record.model import Plan
from ogpctl.render.blocks import Block, Cell, Inline, Link, Paragraph, Table, Text
from ogpctl.render.context import RenderContext
from ogpctl.render.prose import safe_href

#: The requirements an action plan states as met at delivery; 5.1 comes with implementation.
CO_CREATION = ("1.1", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1")


def requirement_title(c: RenderContext, code: str) -> str:
    _ = c.lang._
    return {
        "1.1": _("A forum of government and civil society meets at least every six months, "
                 "and its rules on participation are public."),
        "2.1": _("A public OGP website is maintained."),
        "2.2": _("A repository holds the evidence of the process and of each commitment, "
                 "updated at least twice a year."),
        "3.1": _("The co-creation timeline was published at least two weeks before "
                 "development started."),
        "3.2": _("Outreach activities raised awareness and invited stakeholders to take part."),
        "3.3": _("A mechanism gathered inputs from stakeholders for an appropriate period."),
        "4.1": _("Every contribution received a decision and a reasoned response."),
        "5.1": _("At least two meetings a year present implementation results to civil "
                 "society."),
    }[code]


def state_label(c: RenderContext, state: str, facts: dict | None = None) -> str:
    due = (facts or {}).get("due")
    if state == NOT_YET_DUE and due is not None:
        return c.lang._("Not yet due (due by {date})", date=c.lang.date(due))
    return {MET: c.lang._("Met"), NOT_MET: c.lang._("Not met"),
            NOT_YET_DUE: c.lang._("Not yet due")}.get(state, c.lang._("Cannot be judged "
                                                                     "from the record"))


def basis(c: RenderContext, item: Requirement) -> Cell:
    f, lang = item.facts, c.lang
    if item.code == "1.1":
        text = _forum_undated(c, f) if f.get("undated") else _forum_met(c, f)
        parts = [text, lang._("Its rules are published.") if f["rules"]
                 else lang._("No address of its rules is recorded.")]
        if not (f["government"] and f["civil_society"]):
            parts.append(lang._("Its members do not include both government and civil "
                                "society."))
        return (Paragraph((Text(" ".join(parts)),)),)
    if item.code in ("2.1", "2.2"):
        inlines: list[Inline] = []
        if item.code == "2.2":
            inlines.append(Text(lang.n_("{count} file in the process folder.",
                                        "{count} files in the process folder.",
                                        f["files"]) + " "))
        href = safe_href(f["url"]) if f["url"] else None
        inlines.append(Link(href, (Text(f["url"]),)) if href
                       else Text(lang._("No address is recorded.")))
        return (Paragraph(tuple(inlines)),)
    return (Paragraph((Text(_sentence(c, item)),)),)


def _forum_met(c: RenderContext, f: dict) -> str:
    """1.1's meetings from the start of co-creation (a stage's date) to delivery."""
    lang = c.lang
    if f["meetings"]:
        return lang.n_("The forum met {count} time from the start of co-creation to "
                       "delivery; the longest interval was {gap} days.",
                       "The forum met {count} times from the start of co-creation to "
                       "delivery; the longest interval was {gap} days.",
                       f["meetings"], gap=lang.number(f["gap"]))
    if f["gap"] is not None:
        return lang._("No forum meeting is recorded in the {gap} days from the start of "
                      "co-creation.", gap=lang.number(f["gap"]))
    return lang._("Co-creation has not started; no forum meeting is recorded yet.")


def _forum_undated(c: RenderContext, f: dict) -> str:
    """1.1's meetings when no co-creation stage has a date: the year before delivery is
    what was counted, and the text says so rather than name a start that is not known."""
    if not f["meetings"]:
        return c.lang._("No forum meeting is recorded in the year before delivery (the "
                        "co-creation stages have no dates).")
    return c.lang.n_("The forum met {count} time in the year before delivery (the "
                     "co-creation stages have no dates); the longest interval was {gap} days.",
                     "The forum met {count} times in the year before delivery (the "
                     "co-creation stages have no dates); the longest interval was {gap} "
                     "days.", f["meetings"], gap=c.lang.number(f["gap"]))


def _sentence(c: RenderContext, item: Requirement) -> str:
    f, lang = item.facts, c.lang
    if item.code == "3.1":
        if not f:
            return lang._("The record has no development stage with a start date.")
        published = lang.date(f["published"]) if f["published"] else None
        return lang._("Published on {published}; development started on {development} "
                      "(publication due by {deadline}).", published=published,
                      development=lang.date(f["development"]),
                      deadline=lang.date(f["deadline"])) if published else \
            lang._("No publication date is recorded; development started on {development}.",
                   development=lang.date(f["development"]))
    if item.code == "3.2":
        return lang.n_("{count} outreach activity, {participants} participants recorded.",
                       "{count} outreach activities, {participants} participants recorded.",
                       f["activities"], participants=lang.number(f["participants"]))
    if item.code == "3.3":
        return lang.n_("{count} input mechanism with its dates, open for up to {days} days.",
                       "{count} input mechanisms with their dates, open for up to {days} "
                       "days.", f["mechanisms"], days=lang.number(f["days"]))
    if item.code == "4.1":
        return lang.n_("{answered} of {count} contribution has a decision and a reasoned "
                       "response.", "{answered} of {count} contributions have a decision and "
                       "a reasoned response.", f.get("contributions", 0),
                       answered=lang.number(f.get("answered", 0)))
    if f.get("years"):
        return lang.n_("{met} of {count} implementation year held two meetings presenting "
                       "results to civil society.", "{met} of {count} implementation years "
                       "held two meetings presenting results to civil society.", f["years"],
                       met=lang.number(f["met"]))
    return lang._("Judged during implementation.")


def requirements_blocks(c: RenderContext, plan: Plan) -> list[Block]:
    items = [i for i in judge(c.record, plan, c.today) if i.code in CO_CREATION]
    due = [i for i in items if i.state != NOT_YET_DUE]
    met = sum(1 for i in due if i.state == MET)
    intro = c.lang._("None of the minimum requirements that apply before delivery is due yet; "
                     "each is listed with the day it is due by (OGP Participation and "
                     "Co-Creation Standards; National Handbook, section 7).") if not due else \
        c.lang.n_("The record of this plan's co-creation shows {met} of {count} minimum "
                      "requirement that applies before delivery as met (OGP Participation and "
                      "Co-Creation Standards; National Handbook, section 7).",
                      "The record of this plan's co-creation shows {met} of the {count} minimum "
                      "requirements that apply before delivery as met (OGP Participation and "
                      "Co-Creation Standards; National Handbook, section 7).",
                      len(due), met=c.lang.number(met))
    head = tuple((Paragraph((Text(label),)),) for label in (
        c.lang._("Requirement"), c.lang._("Status"), c.lang._("What the record shows")))
    rows = tuple(((Paragraph((Text(f"{i.code} {requirement_title(c, i.code)}"),)),),
                  (Paragraph((Text(state_label(c, i.state, i.facts)),)),), basis(c, i))
                 for i in items)
    return [Paragraph((Text(intro),)), Table(head, rows)]

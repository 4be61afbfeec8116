"""The OGP process and how to take part (handbook 5.1.c; 2.1.a, 2.1.b): for each plan its
co-creation plan, the timeline, the ways to send ideas and the outreach activities."""

from __future__ import annotations

from typing import Any

from ogpctl.base.values import dict_at, str_at
from ogpctl.domain.forum import forum_days, meets_regularly
from ogpctl.record.model import Plan, as_date
from ogpctl.render.reasoned_response import channel_label, contributions
from ogpctl.site import urls
from ogpctl.site.contributions import contributions_path
from ogpctl.site.updates import evidence_list
from ogpctl.site.view import Page, View

QUESTIONS = ("why", "who", "what", "how", "where")


def items(value: Any) -> list[dict]:
    return [i for i in value if isinstance(i, dict)] if isinstance(value, list) else []


def span(v: View, start: Any, end: Any) -> str:
    first, last = v.date(start), v.date(end)
    if first and last:
        return v._("{start} to {end}", start=first, end=last)
    return first or last


def published(v: View, timeline: dict) -> bool:
    """The co-creation timeline counts as decided once it is published (handbook 2.1.a,
    `timeline.published` not after today); until then its dates are a draft, such as the
    ones `new-plan` proposes."""
    day = as_date(timeline.get("published"))
    return day is not None and day <= v.site.today


def mechanism(v: View, item: dict) -> dict:
    """An input mechanism and when it takes ideas: "closed" after it closes, "coming"
    before it opens (a new user's page listed a workshop two months away among the ways
    to send ideas now), "open" otherwise."""
    opens, closes = as_date(item.get("opens")), as_date(item.get("closes"))
    today = v.site.today
    when = "closed" if closes is not None and closes < today else \
        "coming" if opens is not None and opens > today else "open"
    return {"title": v.inline(item.get("title")), "url": v.url(item.get("url")),
            "channel": channel_label(v.c, item.get("channel")),
            "open": span(v, item.get("opens"), item.get("closes")),
            "description": v.inline(item.get("description")), "when": when}


def cocreation(v: View, plan: Plan) -> dict | None:
    doc = plan.co_creation
    if doc is None:
        return None
    fields = doc.fields
    timeline = dict_at(fields, "timeline")
    mechanisms = [mechanism(v, m) for m in items(fields.get("input-mechanisms"))]
    return {
        "title": v.plan_heading(plan), "href": v.href(urls.plan_page(plan.id)),
        "questions": [(v.L[key], v.blocks(fields.get(key), 4)) for key in QUESTIONS
                      if v.blocks(fields.get(key), 4)],
        "published": v.date(timeline.get("published")), "timeline": v.url(timeline.get("url")),
        "draft": "" if published(v, timeline) else v._(
            "Draft: this timeline is not published yet and its dates may change."),
        "stages": [{"title": v.inline(s.get("title")) or s.get("id"),
                    "from": v.date(s.get("starts")), "to": v.date(s.get("ends")),
                    "description": v.inline(s.get("description"))}
                   for s in items(fields.get("stages"))],
        "mechanisms": [m for m in mechanisms if m["when"] == "open"],
        "coming": [m for m in mechanisms if m["when"] == "coming"],
        "closed": [m for m in mechanisms if m["when"] == "closed"],
        "outreach": [{"date": v.date(o.get("date")), "title": v.inline(o.get("title")),
                      "url": v.url(o.get("url")), "audience": v.inline(o.get("audience")),
                      "participants": v.number(o["participants"])
                      if isinstance(o.get("participants"), int) else "",
                      "evidence": evidence_list(v, o.get("evidence"), plan.folder)}
                     for o in items(fields.get("outreach"))],
    }


def participate(v: View) -> Page:
    v = v.at("participate.html")
    fields = v.site.record.ogp.fields if v.site.record.ogp else {}
    poc = dict_at(fields, "point-of-contact")
    email = str_at(poc, "email")
    plans = [cocreation(v, plan) for plan in reversed(v.site.record.plans)]
    return Page("participate.html", v.L["participate"], "participate.html.j2", {
        "intro": v._("OGP action plans are co-created by government and civil society. Anyone "
                     "can propose ideas, comment on drafts and follow the implementation of "
                     "commitments. These are the ways to take part."),
        "plans": [p for p in plans if p],
        "forum": v.href("forum.html"), "meetings": v.href("meetings/index.html"),
        "write": v._("Write to the point of contact"),
        "mailto": v.mailto(email),
        "email": email, "contacts": v.href("contacts.html"),
        "follow": follow(v),
        "responses": [responses(v, plan) for plan in reversed(v.site.record.plans)],
    }, section="participate")


def responses(v: View, plan: Plan) -> dict:
    """A link to what became of the plan's contributions (`site.contributions`)."""
    count = len(contributions(plan))
    return {"title": v.plan_heading(plan), "href": v.href(contributions_path(plan)),
            "count": v.c.lang.n_("{count} contribution", "{count} contributions", count)}


def follow(v: View) -> str:
    """How to follow the forum: that it "meets regularly" only when the record shows it
    meeting at least every six months up to today (`ogpctl.domain.forum`, as C411 judges);
    otherwise when it last met, or that no meeting is recorded yet."""
    record, today = v.site.record, v.site.today
    if meets_regularly(record, today):
        return v._("The forum meets regularly and holds open sessions to present results; "
                   "their agendas and minutes are published here.")
    days = forum_days(record, today)
    if not days:
        return v._("No forum meeting is recorded yet; agendas and minutes will be published "
                   "here.")
    return v._("The forum last met on {date}; the agendas and minutes of its meetings are "
               "published here.", date=v.date(days[-1]))

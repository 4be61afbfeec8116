"""Meeting agendas and minutes (handbook 5.1.d): the list of meetings, newest first, and
one page a meeting with its facts, the organisations that took part and the minutes."""

from __future__ import annotations

from ogpctl.base.values import list_at
from ogpctl.domain.forum import held
from ogpctl.record.model import Document, as_date
from ogpctl.render import html
from ogpctl.render.prose import parse
from ogpctl.site import urls
from ogpctl.site.labels import meeting_kind
from ogpctl.site.updates import evidence_list
from ogpctl.site.view import Page, View


def ordered(meetings: list[Document]) -> list[Document]:
    """Newest first; meetings without a readable date last, by file name."""
    dated = sorted((m for m in meetings if as_date(m.fields.get("date"))),
                   key=lambda m: (m.fields["date"], m.path), reverse=True)
    return dated + sorted((m for m in meetings if not as_date(m.fields.get("date"))),
                          key=lambda m: m.path)


def meeting_title(v: View, meeting: Document) -> str:
    return v.text(meeting.fields.get("title")) or v.c.lang.join(
        (meeting_kind(v.code, meeting.fields.get("kind")), v.date(meeting.fields.get("date"))))


def plan_link(v: View, ident: object) -> dict | None:
    plan = next((p for p in v.site.record.plans if p.id == ident), None)
    return {"title": v.plan_heading(plan), "href": v.href(urls.plan_page(plan.id))} \
        if plan else None


def scheduled(v: View, meeting: Document) -> str:
    """"Scheduled" for a meeting dated after today: it has not taken place, and counts for
    no requirement yet (`ogpctl.domain.forum`)."""
    day = as_date(meeting.fields.get("date"))
    return v._("Scheduled") if day is not None and not held(day, v.site.today) else ""


def summary(v: View, meeting: Document) -> dict:
    fields = meeting.fields
    return {"date": v.date(fields.get("date")), "title": meeting_title(v, meeting),
            "scheduled": scheduled(v, meeting),
            "href": v.href(urls.meeting_page(meeting.path)),
            "kind": meeting_kind(v.code, fields.get("kind")),
            "plan": plan_link(v, fields.get("plan")),
            "agenda": v.url(fields.get("agenda-url")), "minutes": v.url(fields.get("minutes-url"))}


def meetings_index(v: View) -> Page:
    v = v.at("meetings/index.html")
    return Page("meetings/index.html", v.L["meetings"], "meetings.html.j2", {
        "intro": v._("Agendas and minutes of the forum's meetings and of the meetings with "
                     "civil society, newest first."),
        "meetings": [summary(v, m) for m in ordered(v.site.record.meetings)],
    }, section="meetings")


def meeting_page(v: View, meeting: Document) -> Page:
    path = urls.meeting_page(meeting.path)
    v = v.at(path)
    fields = meeting.fields
    attendees = list_at(fields, "attendees")
    body = parse(meeting.body or "", base_level=2)
    return Page(path, meeting_title(v, meeting), "meeting.html.j2", {
        "facts": summary(v, meeting),
        "presented": fields.get("presented-results") is True and not scheduled(v, meeting),
        "remote": fields.get("remote-participation") is True,
        "attendees": [v.stakeholder(a) for a in attendees],
        "minutes": html.Writer(scrolling=True, anchors="minutes", mixed=True).blocks(body),
        "evidence": evidence_list(v, fields.get("evidence"), ""),
        "index": v.href("meetings/index.html"),
    }, section="meetings")

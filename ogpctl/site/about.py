"""The home page, the contacts (handbook 5.1.a-b) and the forum with its members
(5.1.e; 1.1)."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from ogpctl.base.values import dict_at, str_at
from ogpctl.record.model import as_date
from ogpctl.site import labels as words
from ogpctl.site import urls
from ogpctl.site.plans import plan_summary
from ogpctl.site.updates import update_entry
from ogpctl.site.view import Page, View

#: Sectors whose organisations are "government agencies" (handbook 5.1.a).
GOVERNMENT = ("government", "local-government", "judiciary", "parliament")
LATEST = 5


def home(v: View) -> Page:
    v = v.at("index.html")
    fields = v.site.record.ogp.fields if v.site.record.ogp else {}
    intro = v._("This website publishes the participation of {country} in the Open "
                "Government Partnership (OGP): the action plans and their commitments, "
                "progress on every milestone with the evidence behind it, the "
                "multi-stakeholder forum and its meetings, and how to take part.",
                country=v.c.country())
    plans = [plan_summary(v, plan) for plan in reversed(v.site.record.plans)]
    updates = [update_entry(v, u) for u in v.site.updates()[:LATEST]]
    return Page("index.html", v.c.country(), "home.html.j2", {
        "intro": intro, "member_since": v.date(fields.get("member-since")),
        "plans": plans, "updates": updates,
        "links": [(v.L[key], v.href(path)) for key, path in (
            ("participate", "participate.html"), ("forum", "forum.html"),
            ("meetings", "meetings/index.html"), ("contacts", "contacts.html"),
            ("documents", "documents.html"), ("search", "search.html"))],
    }, section="home")


def contact(v: View, value: Any) -> dict | None:
    """Name, role, email, telephone and web address, each only when given."""
    if not isinstance(value, dict):
        return None
    email = str_at(value, "email")
    found = {"name": str_at(value, "name"),
             "role": v.inline(value.get("role")), "email": email,
             "mailto": v.mailto(email),
             "phone": str_at(value, "phone"),
             "url": v.url(value.get("url"))}
    return found if any(found.values()) else None


def organisation(v: View, item: dict) -> dict:
    return {"id": item.get("id"), "sort": v.text(item.get("name")).casefold(),
            "name": v.inline(item.get("name")) or escape(str(item.get("id") or "")),
            "short": v.text(item.get("short-name")), "sector": words.sector(v.code,
                                                                             item.get("sector")),
            "jurisdiction": v.inline(item.get("jurisdiction")),
            "contact": contact(v, item.get("contact")), "url": v.url(item.get("url"))}


def contacts(v: View) -> Page:
    v = v.at("contacts.html")
    fields = v.site.record.ogp.fields if v.site.record.ogp else {}
    lead = next((item for item in v.c.registry()
                 if item.get("id") == fields.get("lead-agency")), None)
    agencies = [organisation(v, item) for item in v.c.registry()
                if item.get("sector") in GOVERNMENT]
    for agency in agencies:
        agency["leads"] = led_by(v, agency["id"])
    agencies.sort(key=lambda a: a["sort"])
    return Page("contacts.html", v.L["contacts"], "contacts.html.j2", {
        "lead": organisation(v, lead) if lead else None,
        "poc": contact(v, fields.get("point-of-contact")),
        "ministerial": contact(v, fields.get("ministerial-contact")),
        "agencies": agencies,
        "intro": v._("The lead agency coordinates the OGP process; the point of contact "
                     "answers questions about it. Every government institution that leads "
                     "or supports a commitment is listed with its contact."),
    }, section="contacts")


def led_by(v: View, ident: Any) -> list[dict]:
    return [{"title": v.inline(c.fields.get("title")), "number": c.number,
             "plan": c.plan.id, "href": v.href(urls.commitment_page(c.plan.id, c.number, c.id))}
            for c in v.site.record.commitments() if c.fields.get("lead") == ident]


def forum(v: View) -> Page:
    v = v.at("forum.html")
    fields = v.site.record.forum.fields if v.site.record.forum else {}
    basis = dict_at(fields, "basis")
    current, former = members(v, fields.get("members"))
    return Page("forum.html", v.text(fields.get("name")) or v.L["forum"], "forum.html.j2", {
        "basis": {"reference": v.inline(basis.get("reference")), "url": v.url(basis.get("url"))},
        "rules": v.url(fields.get("rules-url")),
        "frequency": v.blocks(fields.get("meeting-frequency"), 3),
        "groups": current, "former": former,
        "intro": v._("The multi-stakeholder forum brings government and civil society "
                     "together to oversee the OGP process: it co-creates the action plans "
                     "and follows their implementation."),
    }, section="forum")


def members(v: View, items: Any) -> tuple[list[dict], list[dict]]:
    """Current members grouped by sector (civil society second, as 5.1.e asks for it),
    and former members."""
    sectors = v.site.record.stakeholder_sectors
    current: dict[str, list[dict]] = {}
    former = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        ends = as_date(item.get("to"))
        entry = {"name": v.stakeholder(item.get("stakeholder")),
                 "role": words.member_role(v.code, item.get("role")),
                 "representative": item.get("representative")
                 if isinstance(item.get("representative"), str) else "",
                 "from": v.date(item.get("from")), "to": v.date(item.get("to"))}
        if ends is not None and ends < v.site.today:
            former.append(entry)
        else:
            ident = item.get("stakeholder")
            sector = sectors.get(ident, "") if isinstance(ident, str) else ""
            current.setdefault(sector, []).append(entry)
    order = ("government", "civil-society")
    keys = sorted(current, key=lambda s: (order.index(s) if s in order else 2, s))
    groups = [{"title": v.L["civil_society_members"] if key == "civil-society"
               else words.sector(v.code, key), "members": current[key]} for key in keys]
    return groups, former

"""Progress updates (handbook 5.1.f, 5.2): every dated update of every milestone, newest
first, with what was done, the reasons for any delay, the next steps and the evidence."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ogpctl.site import urls
from ogpctl.site.labels import milestone_status
from ogpctl.site.progress import Update, all_updates
from ogpctl.site.view import Page, View


def evidence_list(v: View, items: Any, base: str) -> list[Markup]:
    found = [v.evidence(item, base) for item in items] if isinstance(items, list) else []
    return [item for item in found if item]


def update_entry(v: View, update: Update) -> dict:
    c, m = update.commitment, update.milestone
    number = m.fields.get("number")
    fields = update.fields
    return {
        "date": v.date(update.day), "iso": update.day.isoformat(),
        "plan": v.plan_title(update.plan),
        "commitment": {"number": c.number, "title": v.inline(c.fields.get("title")),
                       "href": v.href(urls.commitment_page(c.plan.id, c.number, c.id))},
        "milestone": {"number": f"{c.number}.{number}" if isinstance(number, int) else "",
                      "title": v.inline(m.fields.get("title"))},
        "status": update.status, "status_label": milestone_status(v.code, update.status),
        "note": v.blocks(fields.get("note"), 4), "delay": v.blocks(fields.get("delay-reason"), 4),
        "next": v.blocks(fields.get("next-steps"), 4),
        "evidence": evidence_list(v, fields.get("evidence"), update.plan.folder),
    }


def updates_page(v: View) -> Page:
    v = v.at("updates.html")
    entries = [update_entry(v, u) for u in all_updates(v.site.record.plans)]
    return Page("updates.html", v.L["updates"], "updates.html.j2", {
        "intro": v._("Every update on a milestone, newest first: what was done, the reasons "
                     "for any delay and the next steps. The progress dashboard of each plan "
                     "sums them up."),
        "entries": entries,
        "plans": [{"title": v.plan_title(p), "href": v.href(urls.plan_page(p.id,
                                                                            "dashboard.html"))}
                  for p in reversed(v.site.record.plans)],
    }, section="updates")

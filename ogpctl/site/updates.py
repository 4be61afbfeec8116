"""Progress updates (handbook 5.1.f, 5.2): every dated update of every milestone, newest
first, with what was done, the reasons for any delay, the next steps and the evidence."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ogpctl.site import urls
from ogpctl.site.inputs import output_key
from ogpctl.site.labels import milestone_status
from ogpctl.site.layout import environment
from ogpctl.site.progress import Update, all_updates
from ogpctl.site.view import Page, View


def macros() -> Any:
    """templates/site/macros.html.j2 as a module: its macros as functions."""
    return environment().get_template("macros.html.j2").module


def evidence_list(v: View, items: Any, base: str) -> list[Markup]:
    found = [v.evidence(item, base) for item in items] if isinstance(items, list) else []
    return [item for item in found if item]


def update_entry(v: View, update: Update) -> dict:
    c, m = update.commitment, update.milestone
    number = m.fields.get("number")
    fields = update.fields
    return {
        "date": v.date(update.day), "iso": update.day.isoformat(),
        "plan": v.plan_heading(update.plan),
        "commitment": {"number": c.number, "title": v.inline(c.fields.get("title")),
                       "href": v.href(urls.commitment_page(c.plan.id, c.number, c.id))},
        "milestone": {"number": f"{c.number}.{number}" if isinstance(number, int) else "",
                      "title": v.inline(m.fields.get("title"))},
        "status": update.status, "status_label": milestone_status(v.code, update.status),
        "note": v.blocks(fields.get("note"), 4), "delay": v.blocks(fields.get("delay-reason"), 4),
        "next": v.blocks(fields.get("next-steps"), 4),
        "evidence": evidence_list(v, fields.get("evidence"), update.plan.folder),
    }


def entry_html(v: View, update: Update, level: int, place: int) -> Markup:
    """An update as the list of every update shows it (`macros.update` with its
    context). Taken from the store when its commitment did not change: it reads nothing
    else (the plan's title is in the commitment's key), and the updates page lists them
    all. The kept entry is HTML this macro made in an earlier build, trusted as the
    store's pages are (`ogpctl.site.store`)."""
    site, key = v.site, None
    if site.store is not None and site.inputs is not None:
        key = output_key(site.inputs.commitment_page(update.commitment), f"{v.here}|{level}|"
                         f"{update.milestone.index}|{place}")
        found = site.store.get(key)
        if found is not None:
            kept = found[0].decode("utf-8")
            return Markup(kept)
    made: Markup = macros().update(v.L, update_entry(v, update), level, True)
    if site.store is not None and key is not None:
        site.store.put(key, str(made).encode("utf-8"))
    return made


def updates_page(v: View) -> Page:
    v = v.at("updates.html")
    places: dict[tuple[str, int, int], int] = {}
    entries = []
    for u in all_updates(v.site.record.plans):
        # its place among its milestone's updates: same commitment, same place, same entry
        place = places[u.plan.id, u.commitment.number, u.milestone.index] = places.get(
            (u.plan.id, u.commitment.number, u.milestone.index), -1) + 1
        entries.append(entry_html(v, u, 2, place))
    return Page("updates.html", v.L["updates"], "updates.html.j2", {
        "intro": v._("Every update on a milestone, newest first: what was done, the reasons "
                     "for any delay and the next steps. The progress dashboard of each plan "
                     "sums them up."),
        "entries": entries,
        "plans": [{"title": v.plan_heading(p), "href": v.href(urls.plan_page(p.id,
                                                                            "dashboard.html"))}
                  for p in reversed(v.site.record.plans)],
    }, section="updates")

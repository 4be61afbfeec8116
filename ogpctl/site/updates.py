"""Progress updates (handbook 5.1.f, 5.2): every dated update of every milestone, newest
first, with what was done, the reasons for any delay, the next steps and the evidence."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ogpctl.record.model import Commitment
from ogpctl.site import urls
from ogpctl.site.inputs import output_key
from ogpctl.site.labels import milestone_status
from ogpctl.site.layout import environment
from ogpctl.site.progress import Update
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


class Entries:
    """The updates page's entries (`macros.update` with its context), one commitment's
    together: taken from the store when the commitment did not change (they read nothing
    else: the plan's title is in the commitment's key), one store entry a commitment
    rather than one an update. A kept entry is HTML this macro made in an earlier build,
    trusted as the store's pages are (`ogpctl.site.store`)."""

    def __init__(self, v: View, level: int) -> None:
        self.v, self.level = v, level
        self.kept: dict[tuple[str, int], dict[str, str]] = {}
        self.made: dict[tuple[str, int], tuple[bytes, dict[str, str]]] = {}

    def html(self, update: Update, place: int) -> Markup:
        """The entry of `update`, the `place`-th update of its milestone on the page."""
        c = update.commitment
        name, at = (c.plan.id, c.number), f"{update.milestone.index}|{place}"
        if name not in self.kept:
            self.kept[name] = self._stored(c)
        kept = self.kept[name].get(at)
        if kept is not None:
            return Markup(kept)
        made: Markup = macros().update(self.v.L, update_entry(self.v, update), self.level, True)
        if name in self.made:
            self.made[name][1][at] = str(made)
        return made

    def _stored(self, c: Commitment) -> dict[str, str]:
        site = self.v.site
        if site.store is None or site.inputs is None:
            return {}
        key = output_key(site.inputs.commitment_page(c), f"{self.v.here}|{self.level}")
        found = site.store.get(key)
        try:
            entries = json.loads(found[0]) if found is not None else None
        except ValueError:
            entries = None
        if isinstance(entries, dict) and all(isinstance(x, str) for x in entries.values()):
            return entries
        self.made[c.plan.id, c.number] = (key, {})
        return {}

    def store(self) -> None:
        """Keep the entries made for each commitment that had none kept."""
        if self.v.site.store is None:
            return
        for key, entries in self.made.values():
            self.v.site.store.put(key, json.dumps(entries, sort_keys=True).encode("utf-8"))


def updates_page(v: View) -> Page:
    v = v.at("updates.html")
    places: dict[tuple[str, int, int], int] = {}
    entries, made = [], Entries(v, 2)
    for u in v.site.updates():
        # its place among its milestone's updates: same commitment, same place, same entry
        place = places[u.plan.id, u.commitment.number, u.milestone.index] = places.get(
            (u.plan.id, u.commitment.number, u.milestone.index), -1) + 1
        entries.append(made.html(u, place))
    made.store()
    return Page("updates.html", v.L["updates"], "updates.html.j2", {
        "intro": v._("Every update on a milestone, newest first: what was done, the reasons "
                     "for any delay and the next steps. The progress dashboard of each plan "
                     "sums them up."),
        "entries": entries,
        "plans": [{"title": v.plan_heading(p), "href": v.href(urls.plan_page(p.id,
                                                                            "dashboard.html"))}
                  for p in reversed(v.site.record.plans)],
    }, section="updates")

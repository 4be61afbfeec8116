"""What a plan has failed, on its page and beside its stage wherever the stage is shown:
every obligation overdue, missed or early and every milestone past its due date, from the
one list `ogpctl deadlines` and `ogpctl status` read (`ogpctl.domain.obligations`), so the
public sees what the point of contact sees (handbook 2.3.e, minimum requirements 1.1, 2.2,
5.1; milestones 3.2.c)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from ogpctl.domain.screens import deadline_columns, state_word
from ogpctl.record.model import Plan
from ogpctl.site import urls
from ogpctl.site.inputs import output_key
from ogpctl.site.view import View

#: The id of the plan page's section, linked from the stage line.
ANCHOR = "overdue"
#: The obligation of a four-year plan's refresh (`ogpctl.domain.obligations`).
REFRESH_DUE = "refresh-due"


def failed_summary(v: View, plan: Plan) -> tuple[int, date | None]:
    """How many obligations the plan has failed today, and the day its refreshed plan was
    due when that is one of them: all the stage line says wherever a plan is listed (the
    home page, the plans index, in every language). Kept in the store under the key of
    the plan's pages (`Inputs.plan_pages`), which read all that the plan's calendar reads
    (the plan page lists these very failures), so a rebuild computes the calendar
    (`Site.failed`) only of the plans whose pages it makes again."""
    site, name = v.site, (plan.id, v.code)
    found = site.summaries.get(name)
    if found is None:
        key = output_key(site.inputs.plan_pages(plan), f"overdue|{v.code}") \
            if site.inputs is not None and site.store is not None else None
        found = _stored_summary(v, key) if key is not None else None
        if found is None:
            failed = site.failed(plan, v.code)
            late = next((o.date for o in failed if o.id == REFRESH_DUE), None)
            found = (len(failed), late)
            if key is not None and site.store is not None:
                site.store.put(key, json.dumps(
                    [found[0], late.isoformat() if late else None]).encode("utf-8"))
        site.summaries[name] = found
    return found


def _stored_summary(v: View, key: bytes) -> tuple[int, date | None] | None:
    found = v.site.store.get(key) if v.site.store is not None else None
    try:
        count, late = json.loads(found[0]) if found is not None else (None, None)
        if type(count) is int and count >= 0:
            return count, date.fromisoformat(late) if late is not None else None
    except (ValueError, TypeError):
        pass
    return None


def overdue_count(v: View, plan: Plan) -> str:
    """The stage line's addition: how many obligations the plan has failed today."""
    count = failed_summary(v, plan)[0]
    if not count:
        return ""
    return v.c.lang.n_("{count} obligation overdue or missed",
                       "{count} obligations overdue or missed", count)


def refresh_alert(v: View, plan: Plan) -> str:
    """A four-year plan still in its refresh after the refreshed plan was due: "The
    refreshed action plan should be delivered to the Support Unit no later than six months after
    the two-year mark" (handbook 2.3.e), said beside the stage."""
    late = failed_summary(v, plan)[1]
    if late is None:
        return ""
    return v._("The refreshed plan was due on {date} and is not delivered",
               date=v.date(late))


def overdue_link(v: View, plan: Plan) -> dict[str, str] | None:
    """The count with a link to the plan page's list (after the refresh's lateness), or
    None when nothing has failed."""
    label = overdue_count(v, plan)
    if not label:
        return None
    return {"label": label, "href": v.href(urls.plan_page(plan.id)) + "#" + ANCHOR,
            "alert": refresh_alert(v, plan)}


def overdue_section(v: View, plan: Plan) -> dict[str, Any] | None:
    """The plan page's list: each failed obligation with its date, state, what it is, the
    handbook's section and what the record shows; None when nothing has failed."""
    items = v.site.failed(plan, v.code)
    if not items:
        return None
    return {"id": ANCHOR, "title": v._("Overdue or missed"),
            "columns": deadline_columns(v.code),
            "intro": v._("As of {date}, the record shows that these obligations of the plan "
                         "were not met on time.", date=v.date(v.site.today)),
            "items": [{"date": v.date(o.date), "state": state_word(v.code, o.state),
                       "title": o.title, "handbook": o.handbook,
                       "basis": o.basis_in(v.code)} for o in items]}

"""The minimum requirements of co-creation (handbook 7; Participation and Co-Creation
Standards 1.1-4.1), judged for one plan from the record alone.

Each verdict carries the facts it rests on, so a document can state them ("the forum met 4
times; the longest gap was 84 days") and a reviewer can check them. Nothing is assumed:
what the record does not show is `not-met`, or `unknown` where the record cannot tell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ogpctl.domain.forum import cadence, forum_days, plan_start, stages
from ogpctl.domain.stage import plan_stage
from ogpctl.record import cycle as cal
from ogpctl.record.model import Plan, Record, Stage, as_address, as_date, listed
from ogpctl.record.text import has_text

MET, NOT_MET, NOT_YET_DUE, UNKNOWN = "met", "not-met", "not-yet-due", "unknown"
CODES = ("1.1", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "5.1")


@dataclass(frozen=True)
class Requirement:
    code: str
    state: str
    facts: dict[str, Any] = field(default_factory=dict)


def judge(record: Record, plan: Plan, today: date, *, at_delivery: bool = True
          ) -> list[Requirement]:
    """Every minimum requirement for `plan`, as of its delivery (or today before it). Before
    delivery, a requirement the record does not show yet is `not-yet-due`, with the date
    it is due by (`facts["due"]`). The forum meets every six months through implementation
    too: `at_delivery=False` (the point of contact's `status`) judges 1.1 up to today (the
    plan's end once it has ended), as C411 and `ogpctl deadlines` do; the action plan's
    table states it from the start of co-creation to delivery."""
    stage = plan_stage(plan, today)
    as_of = stage.delivered or today
    dates = plan.dates()
    until = as_of if at_delivery else min(today, dates.end) if dates else today
    found = [forum(record, plan, until, today), website(record), repository(record, plan),
             timeline(plan), outreach(plan), input_mechanism(plan), reasoned_response(plan),
             results_meetings(record, plan, today)]
    if stage.stage != Stage.CO_CREATION:
        return found
    return [_not_yet(item, _due_by(item, plan, today), today) for item in found]


def _due_by(item: Requirement, plan: Plan, today: date) -> date | None:
    """The day a requirement is due: the timeline two weeks before development (3.1), the
    others at delivery — the due date, or the window's close once the due date has passed."""
    if item.code == "3.1":
        return item.facts.get("deadline")
    dates = plan.dates()
    if dates is None:
        return None
    return dates.due if today <= dates.due else dates.window_closes


def _not_yet(item: Requirement, due: date | None, today: date) -> Requirement:
    """Before its due day, a requirement the record does not show as met, or cannot judge
    yet (4.1 before any contribution came in), is not yet due: not a failure to publish."""
    if item.state not in (NOT_MET, UNKNOWN) or due is None or today > due:
        return item
    return Requirement(item.code, NOT_YET_DUE, {**item.facts, "due": due})


def forum(record: Record, plan: Plan, until: date, today: date | None = None
          ) -> Requirement:
    """1.1 from the start of the plan's co-creation to `until` (its delivery for the action
    plan's table; today, or the plan's end once it has ended, on `status`), counting the
    meetings held by `today` (`ogpctl.domain.forum`: the one answer C411, the forum's
    obligations and the website read)."""
    today = until if today is None else today
    doc = record.forum
    members = doc.fields.get("members") if doc else None
    sectors = {record.stakeholder_sectors.get(m["stakeholder"])
               for m in (members if isinstance(members, list) else [])
               if isinstance(m, dict) and isinstance(m.get("stakeholder"), str)}
    known = plan_start(record, plan, today)
    start = known or until - timedelta(days=365)   # undated stages: the year before counts
    found = cadence(forum_days(record, today), start, until)
    rules = bool(doc and as_address(doc.fields.get("rules-url")))
    facts: dict[str, Any] = {
        "meetings": len(found.days), "gap": found.longest, "start": start,
        "last": found.before if not found.days else None, "rules": rules,
        "government": "government" in sectors, "civil_society": "civil-society" in sectors}
    if known is None:       # `start` is not when co-creation started: no stage has a date
        facts["undated"] = True
    met = (doc is not None and found.regular and facts["rules"]
           and facts["government"] and facts["civil_society"])
    return Requirement("1.1", MET if met else NOT_MET, facts)


def website(record: Record) -> Requirement:
    url = _address(record, "website")
    return Requirement("2.1", MET if url else NOT_MET, {"url": url})


def repository(record: Record, plan: Plan) -> Requirement:
    from ogpctl.domain.document_repository import PROCESS, scan_evidence
    from ogpctl.record.evidence import withheld

    url = _address(record, "repository")
    folders = scan_evidence(record.root, plan.id)
    files = [(path, size) for path, size in folders.get(PROCESS, [])
             if withheld(path, size) is None]   # only what the public can download counts
    state = MET if url and files else NOT_MET
    # the commitments' evidence is there too but is not the process's record: say so
    other = sum(1 for name, listed in folders.items() if name != PROCESS
                for path, size in listed if withheld(path, size) is None)
    facts: dict[str, object] = {"url": url, "files": len(files)}
    return Requirement("2.2", state, {**facts, "other": other} if other else facts)


def timeline(plan: Plan) -> Requirement:
    doc = plan.co_creation
    stage = stages(plan).get("development") or {}
    starts = as_date(stage.get("starts"))
    published = as_date((doc.fields.get("timeline") or {}).get("published")) \
        if doc and isinstance(doc.fields.get("timeline"), dict) else None
    if starts is None:
        return Requirement("3.1", UNKNOWN, {})
    deadline = cal.timeline_publish_by(starts)
    facts = {"published": published, "development": starts, "deadline": deadline}
    return Requirement("3.1", MET if published and published <= deadline else NOT_MET, facts)


def outreach(plan: Plan) -> Requirement:
    items = listed(plan.co_creation, "outreach")
    people = sum(n for i in items if isinstance(n := i.get("participants"), int))
    return Requirement("3.2", MET if items else NOT_MET,
                       {"activities": len(items), "participants": people})


def input_mechanism(plan: Plan) -> Requirement:
    spans = []
    for item in listed(plan.co_creation, "input-mechanisms"):
        opens, closes = as_date(item.get("opens")), as_date(item.get("closes"))
        if opens and closes and closes >= opens:
            spans.append((closes - opens).days + 1)
    return Requirement("3.3", MET if spans else NOT_MET,
                       {"mechanisms": len(spans), "days": max(spans, default=0)})


def reasoned_response(plan: Plan) -> Requirement:
    items = listed(plan.contributions, "contributions")
    answered = [c for c in items if c.get("decision") not in (None, "pending")
                and has_text(c.get("response"))]
    facts = {"contributions": len(items), "answered": len(answered)}
    if not items:
        return Requirement("4.1", UNKNOWN, facts)
    return Requirement("4.1", MET if len(answered) == len(items) else NOT_MET, facts)


def results_meetings(record: Record, plan: Plan, today: date) -> Requirement:
    """5.1 during implementation: the MSF "holds at least two meetings every year with civil
    society to present results on the implementation of the action plan and collect
    comments". Each year of implementation is judged on its own once it has ended (or once
    it holds its two meetings): the windows `ogpctl deadlines` lists and C412 reports
    (`ogpctl.domain.obligations.cadence_windows`); the year under way is due by its end
    (`facts["due"]`)."""
    from ogpctl.domain.obligations import DUE, MET, MISSED, plan_obligations

    years = [o for o in plan_obligations(record, plan, today) if o.id == "civil-society-meeting"]
    closed = [o for o in years if o.state in (MET, MISSED)]
    facts: dict[str, Any] = {"years": len(closed),
                             "met": sum(1 for o in closed if o.state == MET)}
    current = next((o.date for o in years if o.state == DUE), None)
    if current is not None:
        facts["due"] = current
    if not closed:
        return Requirement("5.1", NOT_YET_DUE, facts)
    return Requirement("5.1", MET if facts["met"] == len(closed) else NOT_MET, facts)


def _address(record: Record, key: str) -> str:
    """An address of ogp.yaml the schema accepts, else "" (no address is recorded)."""
    return (as_address(record.ogp.fields.get(key)) if record.ogp else None) or ""



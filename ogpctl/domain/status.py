"""`ogpctl status`: one screen per record — each plan's stage (derived by `ogpctl.domain.stage`,
with `status:` checked against it), its next deadlines, its commitments' progress and
colour with the plan's totals, what is overdue, and the minimum requirements with what
each verdict rests on (the IRM assesses them, so the basis is shown)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ogpctl.domain.obligations import DUE, FAILED, Obligation, plan_calendar
from ogpctl.domain.requirements import Requirement, judge
from ogpctl.domain.rollup import (
    Totals,
    Withdrawal,
    counted_status,
    reckoning,
    rollup,
    totals,
    withdrawal,
)
from ogpctl.domain.stage import plan_stage
from ogpctl.domain.wording import record_text
from ogpctl.record.model import Plan, Record

NEXT = 3


@dataclass(frozen=True)
class CommitmentStatus:
    number: int
    title: str
    share: float | None
    completion: str
    colour: str
    delayed: tuple[int, ...]
    milestones: dict[str, int]      # status -> count
    #: A self-assessment's rating set aside (`Rollup.superseded`): the rating, the report's
    #: date and why (LAPSED | UNREASONED); "" and None when none is.
    rating: str = ""
    assessed: date | None = None
    set_aside: str = ""
    #: A withdrawn commitment's amendment (`ogpctl.domain.rollup.withdrawal`): its date and
    #: summary in the screen's language; None and "" otherwise or when none is recorded.
    withdrawn_on: date | None = None
    withdrawn_why: str = ""


@dataclass
class PlanStatus:
    plan: str
    title: str
    status: str                 # what plan.yaml says
    stage: str                  # what the record and the calendar give (ogpctl.domain.stage)
    agrees: bool                # status: agrees with the stage (C415 otherwise)
    late: bool                  # the delivery window closed with no delivery recorded
    delivered: date | None
    due: date | None
    end: date | None
    totals: Totals
    next: list[Obligation] = field(default_factory=list)
    #: What the record has failed: overdue, missed once its stage ended, delivered early;
    #: milestones past their due date among them, as `ogpctl deadlines` counts them.
    overdue: list[Obligation] = field(default_factory=list)
    commitments: list[CommitmentStatus] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    #: Commitment files that hold no commitment (unreadable, empty, a list): left out above.
    unreadable: list[str] = field(default_factory=list)


def commitment_status(plan: Plan, today: date, lang: str = "en", default: str = "en"
                      ) -> list[CommitmentStatus]:
    """Each commitment's progress and colour, its title in `lang` (else in another language
    of the record, `default` its default language, marked as such)."""
    found = []
    for commitment in plan.commitments:
        result = rollup(commitment, today)
        counts: dict[str, int] = {}
        clock = reckoning(plan, today)     # the status the plan's result counts (rollup)
        for milestone in commitment.milestones:
            state = counted_status(milestone, clock)
            counts[str(state)] = counts.get(str(state), 0) + 1
        aside = result.superseded
        gone = withdrawal(commitment) if result.withdrawn else Withdrawal(None, None)
        found.append(CommitmentStatus(commitment.number,
                                      record_text(commitment.fields.get("title"), lang,
                                                  default),
                                      result.share, result.completion, result.colour,
                                      result.delayed, dict(sorted(counts.items())),
                                      result.rating if aside else "",
                                      result.assessed if aside else None,
                                      result.set_aside if aside else "", gone.date,
                                      record_text(gone.summary, lang, default)
                                      if gone.summary else ""))
    return found


def plan_status(record: Record, plan: Plan, today: date, lang: str = "en") -> PlanStatus:
    """The plan's status as of `today`, its texts in `lang` (`ogpctl.domain.screens` says the
    rest in it)."""
    dates = plan.dates()
    stage = plan_stage(plan, today)
    default = record.languages.default
    items = plan_calendar(record, plan, today, lang)   # what `ogpctl deadlines` lists
    upcoming = sorted((o for o in items if o.state == DUE), key=lambda o: (o.date, o.id))
    declared = plan.fields.get("status")
    return PlanStatus(
        plan=plan.id, title=record_text(plan.fields.get("title"), lang, default) or plan.id,
        status=declared if isinstance(declared, str) else "", stage=stage.status,
        agrees=stage.accepts(declared), late=stage.late, delivered=stage.delivered,
        due=dates.due if dates else None, end=dates.end if dates else None,
        totals=totals(plan, today), next=upcoming[:NEXT],
        overdue=sorted((o for o in items if o.state in FAILED), key=lambda o: (o.date, o.id)),
        commitments=commitment_status(plan, today, lang, default),
        requirements=judge(record, plan, today, at_delivery=False),
        unreadable=plan.unreadable_commitments())


def status(record: Record, today: date, lang: str = "en") -> list[PlanStatus]:
    return [plan_status(record, plan, today, lang) for plan in record.plans]


def commitment_json(item: CommitmentStatus) -> dict[str, Any]:
    """A commitment's line of the screen, with the self-assessment's rating set aside (the
    rating, the report's date, why: what the screen's note under the table says)."""
    found: dict[str, Any] = {
        "number": item.number, "title": item.title, "share": item.share,
        "completion": item.completion, "colour": item.colour,
        "severely-delayed": list(item.delayed), "milestones": item.milestones}
    if item.set_aside:
        found["rating-set-aside"] = {
            "rating": item.rating, "why": item.set_aside,
            "prepared": item.assessed.isoformat() if item.assessed else None}
    return found


def to_json(plans: list[PlanStatus], today: date | None = None) -> list[dict[str, Any]]:
    """The screen as data: every fact the text shows (`today` is its "as of" day)."""
    def requirement(item: Requirement) -> dict[str, Any]:
        facts = {k: v.isoformat() if isinstance(v, date) else v for k, v in item.facts.items()}
        return {"code": item.code, "state": item.state, "facts": facts}

    def day(value: date | None) -> str | None:
        return value.isoformat() if value else None

    return [{"plan": p.plan, "title": p.title, "status": p.status, "stage": p.stage,
             "status-agrees": p.agrees, "late": p.late, "delivered": day(p.delivered),
             "due": day(p.due), "end": day(p.end),
             "totals": {"commitments": p.totals.commitments, "complete": p.totals.complete,
                        "milestones": p.totals.milestones, "completed": p.totals.completed,
                        "withdrawn": p.totals.withdrawn,
                        "milestones-withdrawn": p.totals.dropped},
             "next": [o.to_json() for o in p.next],
             "overdue": [o.to_json() for o in p.overdue],
             "commitments": [commitment_json(c) for c in p.commitments],
             "requirements": [requirement(r) for r in p.requirements],
             "unreadable": p.unreadable, **({"as-of": day(today)} if today else {})}
            for p in plans]

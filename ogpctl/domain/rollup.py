"""How a commitment's progress rolls up from its milestones (handbook 3.3; IRM completion
scale). The rule is written down in docs/documents.md so a reviewer can check every rating:

* Only completed milestones count (a completion that every update dates after the day
  of the roll-up has not happened yet: in progress). A milestone that is not withdrawn
  counts with its weight (1 unless `weight` says otherwise); the share is the weight of
  the completed milestones over the weight of all of them. "In progress" is progress, but
  it never makes a commitment substantial or complete on its own.
* The IRM completion scale: every milestone completed is `complete`; most of them (more
  than half the weight) `substantial`; some completed, or some in progress, `limited`;
  none started `not-started`; a commitment without milestones `no-evidence`.
* A milestone is severely delayed when it is not completed six months after its due date.
* The self-assessment colour (3.3), once implementation has begun (`ogpctl.domain.stage`):
  green for complete, or substantial with nothing severely delayed; amber for limited, or
  substantial with a severe delay; red for not started or no milestones, or limited with a
  severe delay. Before implementation nothing is rated: the colour is `grey`, "not started
  yet".

A self-assessment may give another colour with a reason (self-assessment.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ogpctl.domain.stage import plan_stage
from ogpctl.record.cycle import add_months
from ogpctl.record.model import Commitment, Milestone, Plan, as_date

SEVERE_DELAY_MONTHS = 6
#: The colour of a commitment before implementation begins: not rated, not red.
NOT_YET = "grey"
COLOURS = ("green", "amber", "red", NOT_YET)


@dataclass(frozen=True)
class Rollup:
    share: float | None         # 0..1 of the weight completed; None without milestones
    completion: str             # no-evidence | not-started | limited | substantial | complete
    delayed: tuple[int, ...]    # numbers of severely delayed milestones
    colour: str                 # green | amber | red | grey (before implementation)
    completed: int = 0          # milestones completed
    milestones: int = 0         # milestones counted (not withdrawn)
    evidenced: int = 0          # completed milestones whose updates cite evidence


def weight(milestone: Milestone) -> float:
    value = milestone.fields.get("weight")
    return float(value) if isinstance(value, (int, float)) and value > 0 else 1.0


def status(milestone: Milestone) -> str:
    value = milestone.fields.get("status")
    return value if isinstance(value, str) else "not-started"


def status_on(milestone: Milestone, as_of: date) -> str:
    """`status`, except that a completion every update dates after `as_of` has not happened
    yet on that day: the milestone is in progress (rule P607 reports the date)."""
    return _state(milestone, as_of)[0]


def _state(milestone: Milestone, as_of: date) -> tuple[str, bool]:
    """(`status_on`, whether an update cites evidence), in one pass over the updates of a
    completed milestone (the roll-up asks both of each); the second is False for others."""
    word = status(milestone)
    if word != "completed":
        return word, False
    updates = milestone.fields.get("progress")
    first: date | None = None     # the earliest day an update gives the completion
    cited = False
    for update in updates if isinstance(updates, list) else ():
        if not isinstance(update, dict):
            continue
        cited = cited or bool(update.get("evidence"))
        if update.get("status") == "completed":
            day = as_date(update.get("date"))
            if day is not None and (first is None or day < first):
                first = day
    return ("in-progress" if first is not None and first > as_of else word), cited


def severely_delayed(milestone: Milestone, as_of: date) -> bool:
    return _delayed(milestone, status_on(milestone, as_of), as_of)


def _delayed(milestone: Milestone, state: str, as_of: date) -> bool:
    """`severely_delayed` of a milestone whose `status_on` is `state`."""
    if state in ("completed", "withdrawn"):
        return False
    due = as_date(milestone.fields.get("due"))
    return due is not None and add_months(due, SEVERE_DELAY_MONTHS) < as_of


def has_evidence(milestone: Milestone) -> bool:
    updates = milestone.fields.get("progress")
    for update in updates if isinstance(updates, list) else ():
        if isinstance(update, dict) and update.get("evidence"):
            return True
    return False


def rollup(commitment: Commitment, as_of: date) -> Rollup:
    weights: list[float] = []     # of the milestones counted (not withdrawn)
    achieved: list[float] = []    # of those completed; summed by sum() as ever
    evidenced = 0
    started = False
    delayed: list[int] = []
    for milestone in commitment.milestones:   # one pass: this runs for every commitment
        state, cited = _state(milestone, as_of)
        if state == "withdrawn":
            continue
        weights.append(weight(milestone))
        if state == "completed":
            achieved.append(weights[-1])
            evidenced += cited
        started = started or state == "in-progress"
        if _delayed(milestone, state, as_of) \
                and isinstance(number := milestone.fields.get("number"), int):
            delayed.append(number)
    total = sum(weights)
    share = sum(achieved) / total if total else None
    result = completion(share, started)
    shown = colour(result, bool(delayed)) \
        if plan_stage(commitment.plan, as_of).implementing else NOT_YET
    return Rollup(share, result, tuple(delayed), shown, len(achieved), len(weights),
                  evidenced)


def completion(share: float | None, started: bool) -> str:
    """The IRM completion scale from the completed share; work in progress alone is
    limited at most."""
    if share is None:
        return "no-evidence"
    if share >= 1:
        return "complete"
    if share > 0.5:
        return "substantial"
    return "limited" if share > 0 or started else "not-started"


def colour(completion: str, delayed: bool) -> str:
    if completion == "complete" or (completion == "substantial" and not delayed):
        return "green"
    if completion == "limited" and delayed or completion in ("not-started", "no-evidence"):
        return "red"
    return "amber"


@dataclass(frozen=True)
class Totals:
    """A plan's progress in two numbers: commitments complete, milestones completed."""

    commitments: int
    complete: int
    milestones: int     # not withdrawn
    completed: int


def totals(plan: Plan, as_of: date) -> Totals:
    return totals_of(plan.commitments, as_of)


def totals_of(commitments: list[Commitment], as_of: date) -> Totals:
    """The totals of some of a plan's commitments (a theme's, say)."""
    return totals_from([rollup(c, as_of) for c in commitments])


def totals_from(results: list[Rollup]) -> Totals:
    """The totals of commitments whose roll-ups are already computed."""
    return Totals(len(results), sum(1 for r in results if r.completion == "complete"),
                  sum(r.milestones for r in results), sum(r.completed for r in results))

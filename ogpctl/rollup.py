"""How a commitment's progress rolls up from its milestones (handbook 3.3; DESIGN 5).

The rule, written down so a reviewer can check every rating:

* Each milestone that is not withdrawn counts with its weight (1 unless `weight` says
  otherwise): completed counts fully, in progress half, not started nothing.
* The share of the weighted total gives the IRM completion scale: every milestone
  completed is `complete`; half or more is `substantial`; anything more than nothing is
  `limited`; nothing is `not-started`; a commitment without milestones is `no-evidence`.
* A milestone is severely delayed when it is not completed six months after its due date.
* The self-assessment colour (3.3): green for complete, or substantial with nothing
  severely delayed; amber for limited, or substantial with a severe delay; red for not
  started or no evidence, or limited with a severe delay.

A self-assessment may give another colour with a reason (self-assessment.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ogpctl.calendar import add_months
from ogpctl.record.model import Commitment, Milestone, as_date

_CREDIT = {"completed": 1.0, "in-progress": 0.5, "not-started": 0.0}
SEVERE_DELAY_MONTHS = 6


@dataclass(frozen=True)
class Rollup:
    share: float | None         # 0..1 of the weighted milestones; None without milestones
    completion: str             # no-evidence | not-started | limited | substantial | complete
    delayed: tuple[int, ...]    # numbers of severely delayed milestones
    colour: str                 # green | amber | red


def weight(milestone: Milestone) -> float:
    value = milestone.fields.get("weight")
    return float(value) if isinstance(value, (int, float)) and value > 0 else 1.0


def status(milestone: Milestone) -> str:
    value = milestone.fields.get("status")
    return value if isinstance(value, str) else "not-started"


def severely_delayed(milestone: Milestone, as_of: date) -> bool:
    due = as_date(milestone.fields.get("due"))
    return (due is not None and status(milestone) not in ("completed", "withdrawn")
            and add_months(due, SEVERE_DELAY_MONTHS) < as_of)


def rollup(commitment: Commitment, as_of: date) -> Rollup:
    counted = [m for m in commitment.milestones if status(m) != "withdrawn"]
    total = sum(weight(m) for m in counted)
    delayed = tuple(m.fields.get("number") for m in counted
                    if severely_delayed(m, as_of) and isinstance(m.fields.get("number"), int))
    if not total:
        return Rollup(None, "no-evidence", delayed, "red")
    share = sum(weight(m) * _CREDIT.get(status(m), 0.0) for m in counted) / total
    completion = ("complete" if share >= 1 else "substantial" if share >= 0.5
                  else "limited" if share > 0 else "not-started")
    return Rollup(share, completion, delayed, colour(completion, bool(delayed)))


def colour(completion: str, delayed: bool) -> str:
    if completion == "complete" or (completion == "substantial" and not delayed):
        return "green"
    if completion == "limited" and delayed or completion in ("not-started", "no-evidence"):
        return "red"
    return "amber"

"""Progress facts the pages show (handbook 5.1.f, 5.2): each milestone's status, due date
and delay, and every dated update, computed once from the record and `ogpctl.domain.rollup`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ogpctl.domain.rollup import (
    Reckoning,
    Rollup,
    counted_status,
    days_late,
    reckoning,
    rollup,
    severely_delayed,
    status,
)
from ogpctl.record.model import Commitment, Milestone, Plan, as_date

STATUSES = ("completed", "in-progress", "not-started", "withdrawn")


@dataclass(frozen=True)
class Update:
    """One dated progress update of a milestone."""

    plan: Plan
    commitment: Commitment
    milestone: Milestone
    day: date
    fields: dict[str, Any]

    @property
    def status(self) -> str:
        value = self.fields.get("status")
        return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class MilestoneState:
    milestone: Milestone
    number: int | None
    status: str               # as counted in the plan's result (`counted_status`)
    due: date | None
    days_late: int            # `ogpctl.domain.rollup.days_late`: also a late completion's
    severe: bool              # not completed six months after its due date (rollup)
    updates: tuple[Update, ...]   # newest first
    recorded: str = ""        # `status:` as written, when it is not the one counted
    clock: Reckoning | None = None   # the plan's result day the status is counted as of

    @property
    def late(self) -> bool:
        """Past its due date and not completed (a late completion is not late now)."""
        return self.days_late > 0 and self.status != "completed"

    @property
    def last(self) -> date | None:
        return self.updates[0].day if self.updates else None

    def latest(self, key: str) -> Any:
        """The newest update's value of `key` (a delay reason, next steps), or None."""
        for update in self.updates:
            if update.fields.get(key):
                return update.fields[key]
        return None


@dataclass(frozen=True)
class CommitmentState:
    commitment: Commitment
    rollup: Rollup
    milestones: tuple[MilestoneState, ...]

    @property
    def last(self) -> date | None:
        return max((m.last for m in self.milestones if m.last), default=None)

    def counts(self) -> dict[str, int]:
        found = {key: 0 for key in STATUSES}
        for item in self.milestones:
            found[item.status if item.status in found else "not-started"] += 1
        return found


def updates_of(commitment: Commitment, milestone: Milestone) -> tuple[Update, ...]:
    items = milestone.fields.get("progress")
    found = []
    for item in items if isinstance(items, list) else []:
        day = as_date(item.get("date")) if isinstance(item, dict) else None
        if day is not None:
            found.append(Update(commitment.plan, commitment, milestone, day, item))
    return tuple(sorted(found, key=lambda u: u.day, reverse=True))


def milestone_state(commitment: Commitment, milestone: Milestone, today: date,
                    clock: Reckoning | None = None) -> MilestoneState:
    """A milestone as every page shows it: the status it counts with in the plan's result
    (`ogpctl.domain.rollup.counted_status`, the one the totals use), its delay as of the
    plan's result day, and the status written when that differs."""
    clock = clock or reckoning(commitment.plan, today)
    number = milestone.fields.get("number")
    state = counted_status(milestone, clock)
    written = status(milestone)
    return MilestoneState(milestone, number if isinstance(number, int) else None, state,
                          as_date(milestone.fields.get("due")), days_late(milestone, clock),
                          severely_delayed(milestone, clock), updates_of(commitment, milestone),
                          written if written != state else "", clock)


def commitment_state(commitment: Commitment, today: date) -> CommitmentState:
    clock = reckoning(commitment.plan, today)
    return CommitmentState(commitment, rollup(commitment, today),
                           tuple(milestone_state(commitment, m, today, clock)
                                 for m in commitment.milestones))


def plan_states(plan: Plan, today: date) -> list[CommitmentState]:
    return [commitment_state(c, today) for c in plan.commitments]


def all_updates(plans: list[Plan]) -> list[Update]:
    """Every update of every plan, newest first (then by plan, commitment, milestone)."""
    found = [update for plan in plans for commitment in plan.commitments
             for milestone in commitment.milestones
             for update in updates_of(commitment, milestone)]
    found.sort(key=lambda u: (u.plan.id, u.commitment.number, u.milestone.index))
    found.sort(key=lambda u: u.day, reverse=True)
    return found

"""A plan's commitments and milestones as they were on a past day (a self-assessment's
`prepared` date, handbook 3.3), when amendments dated after that day have changed them
since (handbook 2.2: a plan is amended "with an updated version"). The plan before those
amendments is read from git history: the newest commit whose plan.yaml records none of
them. Milestones and commitments of that version are kept (one an amendment removed still
existed), those added since are left out, and each one that still exists is today's (its
progress updates are dated, and the roll-up counts them as of the day). Without history
the answer says the past version is not known, so a reader can say so.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from ogpctl.base.values import list_at
from ogpctl.record.model import Commitment, Milestone, Plan, Record, as_date


@dataclass(frozen=True)
class PlanAsOf:
    """The commitments as they were on `day`; `later` the amendments dated after it;
    `known` whether history gave the plan before them (else the commitments are today's);
    `changed` whether the list differs from today's."""

    day: date
    commitments: tuple[Commitment, ...]
    later: tuple[date, ...] = ()
    known: bool = True
    changed: bool = False


#: record -> {(plan id, day, commitments kept by id): the plan as of that day}
_KNOWN: WeakKeyDictionary[Record, dict[tuple[str, date, frozenset[str]], PlanAsOf]] = \
    WeakKeyDictionary()


def later_amendments(fields: dict[str, Any], day: date) -> tuple[date, ...]:
    """The dates of the amendments a plan.yaml's `fields` records after `day`."""
    found = {when for item in list_at(fields, "amendments") if isinstance(item, dict)
             and (when := as_date(item.get("date"))) is not None and when > day}
    return tuple(sorted(found))


def plan_as_of(record: Record, plan: Plan, day: date,
               keep: frozenset[str] = frozenset()) -> PlanAsOf:
    """The plan's commitments as they were on `day`; a commitment added since is kept
    when its id is in `keep` (a report that assesses it by name knew it)."""
    known = _KNOWN.setdefault(record, {})
    key = (plan.id, day, keep)
    if key not in known:
        known[key] = _as_of(record, plan, day, keep)
    return known[key]


def _as_of(record: Record, plan: Plan, day: date, keep: frozenset[str]) -> PlanAsOf:
    later = later_amendments(plan.fields, day)
    today = tuple(plan.commitments)
    if not later:
        return PlanAsOf(day, today)
    with tempfile.TemporaryDirectory(prefix="ogpctl-as-of-") as tmp:
        before = _before(record, plan, day, Path(tmp) / "before")
        if before is None:
            return PlanAsOf(day, today, later, known=False)
        then = merged(plan, before, keep)
    return PlanAsOf(day, then, later, changed=_shape(then) != _shape(today))


def _before(record: Record, plan: Plan, day: date, folder: Path) -> Plan | None:
    """The plan at the newest commit whose plan.yaml records no amendment after `day`;
    None without git history or such a commit."""
    from ogpctl.base.vcs import GIT, file_at, file_commits, files_at, find_place
    from ogpctl.domain.diff import record_from_files
    from ogpctl.source.yaml import parse_yaml

    if find_place(record.root).state != GIT:
        return None
    relative = f"{plan.folder}/plan.yaml"
    for commit in file_commits(record.root, relative):
        data = file_at(record.root, commit, relative)
        fields = parse_yaml(data.decode("utf-8", "replace")).data if data else None
        if not isinstance(fields, dict) or later_amendments(fields, day):
            continue
        old = record_from_files(files_at(record.root, commit), folder)
        return next((item for item in old.plans if item.id == plan.id), None)
    return None


def merged(plan: Plan, before: Plan, keep: frozenset[str]) -> tuple[Commitment, ...]:
    """`before`'s commitments and milestones, each one that still exists as it is in
    `plan` today; a commitment added since only when its id is in `keep`."""
    now = {item.number: item for item in plan.commitments}
    then = [_then(now.get(old.number), old, plan) for old in before.commitments]
    numbers = {old.number for old in before.commitments}
    then += [item for item in plan.commitments if item.number not in numbers and item.id in keep]
    return tuple(sorted(then, key=lambda item: item.number))


def _then(current: Commitment | None, old: Commitment, plan: Plan) -> Commitment:
    """The commitment with the milestones it had then: today's where one still exists."""
    source = current or old
    present = {m.fields.get("number"): m for m in current.milestones} if current else {}
    milestones = [present.get(m.fields.get("number"), m)
                  if isinstance(m.fields.get("number"), int) else m for m in old.milestones]
    if current is not None and [id(m) for m in milestones] == \
            [id(m) for m in current.milestones]:
        return current
    commitment = Commitment(source.doc, plan, source.number, source.id)
    commitment.__dict__["milestones"] = milestones   # the cached property, as it was then
    return commitment


def _shape(commitments: tuple[Commitment, ...]) -> list[tuple[int, list[object]]]:
    return [(item.number, [_number(m) for m in item.milestones]) for item in commitments]


def _number(milestone: Milestone) -> object:
    return milestone.fields.get("number", milestone.index)

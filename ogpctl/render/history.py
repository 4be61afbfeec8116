"""The plan as it was delivered, from git history: what changed since its submitted/<plan>
tag (handbook 2.2: an amended plan is "an updated version that clearly outlines all
changes"). Computed once a record and plan, and read by the action plan (a re-dated
milestone's original date), the amendment note and the website; None where the record
has no git history or the plan no tag (a copy of the record, a plan not yet delivered).
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from weakref import WeakKeyDictionary

from ogpctl.domain.diff import Change, compare, record_from_files
from ogpctl.record.model import Plan, Record, as_date

#: record -> {plan id: its changes since delivery, or None}: a website asks for each page.
_KNOWN: WeakKeyDictionary[Record, dict[str, list[Change] | None]] = WeakKeyDictionary()
#: record -> {plan id: its re-dated milestones' delivered dates}: asked once a milestone.
_ORIGINAL: WeakKeyDictionary[Record, dict[str, dict[tuple[int, int], date]]] = WeakKeyDictionary()


def delivered_commit(record: Record, plan: Plan) -> str | None:
    """The commit of the plan's submitted/<plan> tag, or None (no git, no tag)."""
    from ogpctl.base.vcs import tag_commit, tag_name

    return tag_commit(record.root, tag_name(plan.id))


def changes_since_delivery(record: Record, plan: Plan) -> list[Change] | None:
    """The plan's changes from its delivered version to `record` as loaded, or None when
    git history does not give the delivered version."""
    known = _KNOWN.setdefault(record, {})
    if plan.id not in known:
        known[plan.id] = _changes(record, plan)
    return known[plan.id]


def _changes(record: Record, plan: Plan) -> list[Change] | None:
    from ogpctl.base.vcs import files_at

    commit = delivered_commit(record, plan)
    if commit is None:
        return None
    with tempfile.TemporaryDirectory(prefix="ogpctl-delivered-") as tmp:
        old = record_from_files(files_at(record.root, commit), Path(tmp) / "delivered")
        return [change for change in compare(old, record) if change.plan == plan.id]


def original_dues(record: Record, plan: Plan) -> Mapping[tuple[int, int], date]:
    """(commitment number, milestone number) -> the completion date the milestone had when
    the plan was delivered, for each milestone re-dated since. Computed once a record and
    plan: every milestone of a document or page asks."""
    known = _ORIGINAL.setdefault(record, {})
    if plan.id not in known:
        known[plan.id] = _original_dues(record, plan)
    return known[plan.id]


def _original_dues(record: Record, plan: Plan) -> dict[tuple[int, int], date]:
    found: dict[tuple[int, int], date] = {}
    for change in changes_since_delivery(record, plan) or []:
        day = as_date(change.old)
        if (change.kind == "redated" and change.field == "due" and day is not None
                and isinstance(change.commitment, int) and isinstance(change.milestone, int)):
            found[(change.commitment, change.milestone)] = day
    return found

"""History rewritten in a change: the date of a progress update that already existed,
moved. A finding such a change removes (a six-month period with no update, P606) is not
fixed: the work was not done then, only its date was rewritten.

A progress update is told by its place in its milestone's `progress:` list (`ogpctl
progress add` appends); an update at a place the base had, with another date at the
head, is re-dated. The findings it fixes are found by checking the head again with those
dates put back: a finding that comes back is fixed only by the rewrite.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ogpctl.base.values import list_at
from ogpctl.domain.edits import pairs
from ogpctl.record.model import Commitment, Record, as_date


@dataclass(frozen=True)
class Redated:
    """A progress update the change re-dates: where it is written (the commitment's file,
    the update's place in it) and both dates."""

    plan: str
    commitment: int
    milestone: Any
    file: str
    path: tuple[str | int, ...]
    old: date
    new: date | None

    def to_json(self) -> dict[str, Any]:
        return {"plan": self.plan, "commitment": self.commitment, "milestone": self.milestone,
                "file": self.file, "old": self.old.isoformat(),
                "new": self.new.isoformat() if self.new else None}


def redated(old: Record, new: Record) -> list[Redated]:
    """Every progress update the base had that the head dates otherwise."""
    before = {(plan.id, c.number): c for plan in old.plans for c in plan.commitments}
    found = []
    for plan in new.plans:
        for commitment in plan.commitments:
            base = before.get((plan.id, commitment.number))
            if base is not None:
                found += _redated(base, commitment)
    return found


def _redated(old: Commitment, new: Commitment) -> list[Redated]:
    milestones = {m.fields.get("number"): m for m in old.milestones}
    found = []
    for milestone in new.milestones:
        number = milestone.fields.get("number")
        base = milestones.get(number)
        if base is None:
            continue
        # The same update on both sides, as `ogpctl diff` pairs them (an update removed
        # before it does not make the next one "re-dated").
        for before, after, step in pairs(list_at(base.fields, "progress"),
                                         list_at(milestone.fields, "progress"),
                                         by_identity=False):
            was, now = _day(before), _day(after)
            if before is not None and after is not None and was is not None and was != now:
                index = int(step) - 1
                found.append(Redated(new.plan.id, new.number, number, new.doc.path,
                                     (*milestone.path, "progress", index, "date"), was, now))
    return found


def _day(update: Any) -> date | None:
    return as_date(update.get("date")) if isinstance(update, dict) else None


def restored(files: dict[str, bytes], changes: list[Redated]) -> dict[str, bytes]:
    """The head's files with each re-dated update's date put back as the base had it; a
    file that cannot be edited so is left as it is."""
    from ogpctl.base.errors import OgpctlError
    from ogpctl.edit.yamltext import Change, apply
    from ogpctl.source.text import decode

    out = dict(files)
    for file in sorted({change.file for change in changes}):
        text = decode(files.get(file, b"")).text
        if text is None:
            continue
        edits = [Change(change.path, change.old.isoformat()) for change in changes
                 if change.file == file]
        try:
            out[file] = apply(text, edits).encode("utf-8")
        except (OgpctlError, RuntimeError, ValueError):   # SelfCheckError: a RuntimeError
            continue
    return out


__all__ = ["Redated", "redated", "restored"]

"""Has the forum met at least every six months? The one answer that requirement 1.1's
verdict (`ogpctl.domain.requirements`), the forum's obligations (`ogpctl deadlines`),
check's C411 and the website's "Take part" page all read.

The forum "meets regularly (at least every six months)" (minimum requirement 1.1). Only a
meeting that has taken place counts: a meeting file dated after today is a meeting
scheduled, not held. A span is judged from its start to a day: a plan's co-creation starts
with its first stage, or with an earlier forum meeting held about the plan (the launch
meeting before the planning date `new-plan` scaffolded); the record's forum is answerable
from the first plan's start (or delivery). Time before the start is not judged; the last
meeting before it is kept, to say when the forum last met.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from ogpctl.record import cycle as cal
from ogpctl.record.model import Document, Plan, Record, as_date, as_word

#: The forum's meetings: `kind: msf`.
FORUM = "msf"


def held(day: date, today: date) -> bool:
    """A meeting dated `day` has taken place by `today` (a later date is scheduled)."""
    return day <= today


def meeting_days(meetings: Iterable[Document], today: date, *, kinds: set[str] | None = None,
                 results: bool = False) -> list[date]:
    """The days of the meetings held by `today` of `kinds` (or presenting results), sorted;
    a meeting dated later is scheduled and counts for nothing yet."""
    days = []
    for meeting in meetings:
        fields = meeting.fields
        if kinds is not None and as_word(fields.get("kind")) not in kinds:
            continue
        if results and fields.get("presented-results") is not True:
            continue
        day = as_date(fields.get("date"))
        if day is not None and held(day, today):
            days.append(day)
    return sorted(days)


def forum_days(record: Record, today: date) -> list[date]:
    """The days the forum met, up to `today`, sorted."""
    return meeting_days(record.meetings, today, kinds={FORUM})


def too_long(first: date, last: date) -> bool:
    """More than six months passed from `first` to `last` (the calendar's six months, as
    the forum's obligations count them)."""
    return last > cal.add_months(first, 6)


@dataclass(frozen=True)
class Cadence:
    """The forum's meetings over a span: how many, from what day the first interval runs,
    the longest interval and the intervals of more than six months."""

    start: date
    until: date
    #: The last meeting held before the span started, if any (said, not judged).
    before: date | None
    days: tuple[date, ...]
    gaps: tuple[tuple[date, date], ...]
    longest: int | None     # None before the span has started

    @property
    def started(self) -> bool:
        return self.until >= self.start

    @property
    def regular(self) -> bool:
        """The forum met in the span and never let six months pass."""
        return bool(self.days) and not self.gaps


def cadence(days: list[date], start: date, until: date) -> Cadence:
    """The forum's cadence from `start` to `until` over `days` (sorted, held)."""
    first = bisect_left(days, start)
    before = days[first - 1] if first else None
    if until < start:
        return Cadence(start, until, before, (), (), None)
    inside = tuple(days[first:bisect_right(days, until)])
    edges = [start, *inside, until]
    gaps = tuple((a, b) for a, b in pairwise(edges) if too_long(a, b))
    longest = max((b - a).days for a, b in pairwise(edges))
    return Cadence(start, until, before, inside, gaps, longest)


def stages(plan: Plan) -> dict[str, dict[str, object]]:
    """The co-creation stages of `plan` by id (co-creation.yaml)."""
    doc = plan.co_creation
    found = doc.fields.get("stages") if doc else None
    return {s["id"]: s for s in found if isinstance(s, dict) and isinstance(s.get("id"), str)} \
        if isinstance(found, list) else {}


def cocreation_start(plan: Plan) -> date | None:
    """The first day of the plan's co-creation stages."""
    starts = [as_date(s.get("starts")) for s in stages(plan).values()]
    return min((d for d in starts if d), default=None)


def plan_start(record: Record, plan: Plan, today: date) -> date | None:
    """The start of the plan's co-creation as the record shows it: its first stage, or an
    earlier forum meeting held about the plan (`plan:` its id; the launch meeting before
    the planning date that `new-plan` scaffolded)."""
    tagged = [d for m in record.meetings if m.fields.get("plan") == plan.id
              and as_word(m.fields.get("kind")) == FORUM
              and (d := as_date(m.fields.get("date"))) is not None and held(d, today)]
    return min((d for d in (cocreation_start(plan), *tagged) if d), default=None)


def record_start(record: Record, today: date) -> date | None:
    """The first day the record's forum is answerable for: the earliest co-creation start
    (`plan_start`) or delivery of any plan (C411 judges from there to today)."""
    starts = [d for plan in record.plans
              for d in (plan_start(record, plan, today), as_date(plan.fields.get("delivered")))
              if d]
    return min(starts, default=None)


def record_cadence(record: Record, today: date) -> Cadence | None:
    """The forum's cadence from the first day it is answerable for to `today`; None when
    that day has not come (or the record has no plan with a date)."""
    start = record_start(record, today)
    if start is None or start >= today:
        return None
    return cadence(forum_days(record, today), start, today)


def meets_regularly(record: Record, today: date) -> bool:
    """The record shows the forum meeting at least every six months up to `today`: what
    a public page may say of it."""
    found = record_cadence(record, today)
    return found is not None and found.regular

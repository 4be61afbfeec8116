"""The OGP calendar as pure date arithmetic (no I/O). Each function cites its handbook section.

A plan is due on June 30 or December 31 of its due year (its window) and runs two or four
years from then. Everything else is counted from the due date, the end date or a stage's
start. Month arithmetic keeps month ends: six months after June 30 is December 31.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

Window = Literal["june", "december"]

#: Plans developed in 2022 and 2023 were all due December 31, with no grace period
#: into January and February (handbook 3.1.a).
TRANSITIONAL_YEARS = frozenset({2022, 2023})
#: Timelines are published at least two weeks before the stage starts (3.1 of the
#: standards; 2.3 for the refresh review).
TIMELINE_NOTICE = timedelta(days=14)


@lru_cache(maxsize=8192)
def add_months(day: date, months: int) -> date:
    """`day` moved by whole months; a month's last day stays a month's last day. Kept for
    the process: a check asks for the same few plan dates and windows thousands of times."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _calendar.monthrange(year, month + 1)[1]
    if day.day == _calendar.monthrange(day.year, day.month)[1]:
        return date(year, month + 1, last)
    return date(year, month + 1, min(day.day, last))


def transitional(due_year: int) -> bool:
    """Plans developed in 2022 and 2023 follow the transitional rule (handbook 3.1.a)."""
    return due_year in TRANSITIONAL_YEARS


def due_date(window: Window, year: int) -> date:
    """June 30 or December 31 of the due year (handbook 3.1); December 31 for plans
    developed in 2022 and 2023 (3.1.a)."""
    if transitional(year):
        return date(year, 12, 31)
    return date(year, 6, 30) if window == "june" else date(year, 12, 31)


def window_opens(window: Window, year: int) -> date:
    """June plans may be delivered from January 1, December plans from July 1 (handbook
    3.1: "six months before")."""
    return date(year, 1, 1) if window == "june" and not transitional(year) else date(year, 7, 1)


def window_closes(window: Window, year: int) -> date:
    """June plans until August 31; December plans until February 28 of the next year
    (handbook 3.1: "Plans with a December end date can be delivered any time between July 1
    and February 28. Further extensions are not allowed."). The handbook names the day, so
    a leap year's February 29 is already late, though it is "two months after" December 31.
    Plans developed in 2022 and 2023 closed on December 31 itself (3.1.a)."""
    if transitional(year):
        return date(year, 12, 31)
    return date(year, 8, 31) if window == "june" else date(year + 1, 2, 28)


def plan_end(window: Window, due_year: int, length: int) -> date:
    """The same day and month two or four years after the due date (handbook 3.1)."""
    return add_months(due_date(window, due_year), 12 * length)


#: The implementation guidance, newer than the handbook's 2.2 ("within one year of the
#: original due date"), and followed where they differ.
AMENDMENTS = ("Governments or MSFs may also introduce amendments to the action plan to "
              "respond to new developments. This can be done at any time as long as the "
              "milestones end before the end date of the action plan (see Amendments).")


def amendment_deadline(window: Window, due_year: int, length: int) -> date:
    """Amendments are allowed until the plan's end date: the implementation guidance allows
    them "at any time as long as the milestones end before the end date of the action plan"
    (`AMENDMENTS`); the handbook's one year from the due date (2.2) is superseded."""
    return plan_end(window, due_year, length)


def refresh_mark(window: Window, due_year: int) -> date:
    """Four-year plans are refreshed at the two-year mark (handbook 2.3); the IRM's
    implementation check-in comes after two years of implementation too (3.1)."""
    return add_months(due_date(window, due_year), 24)


def refresh_due(window: Window, due_year: int) -> date:
    """The refreshed plan is delivered no later than six months after the two-year mark
    (handbook 2.3.e)."""
    return add_months(refresh_mark(window, due_year), 6)


def next_plan_late_after(window: Window, due_year: int, length: int) -> date:
    """A member that delivers no new plan within one year after its plan ended has acted
    contrary to process (handbook 3.1.a, 7)."""
    return add_months(plan_end(window, due_year, length), 12)


def timeline_publish_by(stage_starts: date) -> date:
    """The co-creation (or refresh review) timeline is published at least two weeks before
    the stage starts (minimum requirement 3.1; handbook 2.3)."""
    return stage_starts - TIMELINE_NOTICE


@dataclass(frozen=True)
class PlanDates:
    """Every date of a plan's calendar (what `ogpctl new-plan` writes into plan.yaml)."""

    due: date
    window_opens: date
    window_closes: date
    end: date
    amendment_deadline: date
    next_plan_late_after: date
    refresh_mark: date | None = None
    refresh_due: date | None = None
    irm_check_in: date | None = None


@lru_cache(maxsize=1024)
def plan_dates(window: Window, due_year: int, length: int) -> PlanDates:
    """Every date of a plan's calendar; kept for the process (dates are immutable and a plan
    is asked for its dates by every rule that judges a deadline)."""
    four_year = length == 4
    mark = refresh_mark(window, due_year) if four_year else None
    return PlanDates(
        due=due_date(window, due_year),
        window_opens=window_opens(window, due_year),
        window_closes=window_closes(window, due_year),
        end=plan_end(window, due_year, length),
        amendment_deadline=amendment_deadline(window, due_year, length),
        next_plan_late_after=next_plan_late_after(window, due_year, length),
        refresh_mark=mark,
        refresh_due=refresh_due(window, due_year) if four_year else None,
        irm_check_in=mark,
    )


def periods(start: date, end: date, months: int) -> Iterator[tuple[date, date]]:
    """Consecutive periods of `months` months from `start` to `end`: the windows in which a
    cadence obligation must be met. A shorter remainder at the end joins the last period,
    so no obligation falls due in a stub of a few days."""
    return iter(_periods(start, end, months))


@lru_cache(maxsize=1024)
def _periods(start: date, end: date, months: int) -> tuple[tuple[date, date], ...]:
    """The periods of `periods`, computed once a process for each plan's span."""
    return tuple(_each_period(start, end, months))


def _each_period(start: date, end: date, months: int) -> Iterator[tuple[date, date]]:
    step = 0
    while True:
        first = add_months(start, step * months)
        if first > end:
            return
        following = add_months(start, (step + 1) * months)
        if add_months(start, (step + 2) * months) - timedelta(days=1) > end:
            yield first, end    # the last period, with any shorter remainder
            return
        yield first, following - timedelta(days=1)
        step += 1


def forum_periods(start: date, end: date) -> Iterator[tuple[date, date]]:
    """The forum meets at least every six months (minimum requirement 1.1)."""
    return periods(start, end, 6)


def repository_periods(start: date, end: date) -> Iterator[tuple[date, date]]:
    """The repository is updated at least twice a year: once in every six months
    (minimum requirement 2.2; handbook 5.2)."""
    return periods(start, end, 6)


def implementation_years(start: date, end: date) -> Iterator[tuple[date, date]]:
    """Each year of implementation holds two civil-society meetings presenting results
    (minimum requirement 5.1)."""
    return periods(start, end, 12)


def local_quarters(start: date, end: date) -> Iterator[tuple[date, date]]:
    """Local commitments report progress at least every quarter (handbook 6.3.b)."""
    return periods(start, end, 3)


#: The co-creation stages `ogpctl new-plan` proposes, in order, with their lengths in days,
#: dated backwards from the due date. The handbook names the moments (2.1: planning,
#: outreach, development, feedback; finalization and delivery, 2.1.d, 2.2) but not their
#: length: these are a typical eight-month process for the forum to adjust.
COCREATION_STAGES = (("planning", 56), ("outreach", 42), ("development", 84),
                     ("feedback", 42), ("finalization", 21))


def cocreation_stages(due: date) -> list[tuple[str, date, date]]:
    """(stage id, first day, last day) of each proposed co-creation stage, the last ending
    on the due date (handbook 2.1, 3.1). The timeline is due two weeks before development
    starts (`timeline_publish_by`); planning ends well before that."""
    stages = []
    end = due
    for stage, days in reversed(COCREATION_STAGES):
        start = end - timedelta(days=days - 1)
        stages.append((stage, start, end))
        end = start - timedelta(days=1)
    return stages[::-1]

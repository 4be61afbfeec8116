"""Progress the record publishes before it happened, or that the milestone's own status
contradicts (handbook 5.1, 5.2): the website, `status` and the colours read `status:`, the
reader reads the updates, and both must tell the same, true story.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ogpctl.base.diagnostics import Severity
from ogpctl.base.values import list_at
from ogpctl.record.model import Commitment, Milestone, Stage, as_date, as_word
from ogpctl.rules import Finding, rule

E, W = Severity.ERROR, Severity.WARNING


@rule("P607", "progress-after-today", family="repository", severity=E, handbook="5.1, 5.2",
      subject="commitment")
def progress_after_today(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """A progress update is dated after today.

    The website publishes "Regular updates (at least every six months) on the progress of
    commitment implementation, including progress toward milestones, reasons for any
    delays, and next steps" (5.1): progress that was made. An update dated after today
    reports what has not happened, and a completion dated after today already counts as
    done wherever `status:` is read. Date the update the day the progress was made
    (`ogpctl progress add` refuses a future date). Until that day the roll-up does not
    count the milestone as completed.

    Fails:
      # today is 2026-11-23
      status: completed
      progress:
        - {date: 2027-05-01, status: completed, note: Law adopted.}
    Passes:
      status: in-progress
      progress:
        - {date: 2026-11-02, status: in-progress, note: Bill sent to parliament.}
    """
    dates = commitment.plan.dates()
    end = dates.end if dates is not None else None
    for milestone in commitment.milestones:
        for index, day in _scan(milestone, context)[0]:
            after_end = f" and after the plan's end on {end}" if end and day > end else ""
            yield Finding(commitment.doc.path, f"the progress update on {_name(milestone)} is "
                          f"dated {day}, after today ({context.today}){after_end}: progress "
                          "is published once it is made; date it the day it was made",
                          milestone.path + ("progress", index, "date"))


@rule("P608", "status-contradicts-progress", family="repository", severity=W,
      handbook="5.1, 5.2", subject="commitment", applies_from=Stage.IMPLEMENTATION)
def status_contradicts_progress(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """A milestone's `status:` is not the status its latest progress update gives.

    The website publishes "progress toward milestones" (5.1), and the milestone's
    `status:` is what the colours, `ogpctl status` and the website count, while its
    updates are the history a reader checks it against. `ogpctl progress add` writes both;
    an edit by hand, or a pull request, can change one alone: a milestone published
    completed while every update says in progress, or set back to not started while its
    latest update, with its evidence, says completed. Make `status:` the latest update's,
    or add the update that explains the change. Updates dated after today do not count
    (P607).

    Fails:
      status: completed
      progress:
        - {date: 2026-09-20, status: in-progress, note: Pilot in three towns.}
    Passes:
      status: completed
      progress:
        - {date: 2026-09-20, status: in-progress, note: Pilot in three towns.}
        - {date: 2026-11-02, status: completed, note: Rolled out in every town.}
    """
    for milestone in commitment.milestones:
        word = as_word(milestone.fields.get("status"))
        latest = _scan(milestone, context)[1]
        if word is None or latest is None or latest[1] == word:
            continue
        day, said = latest
        yield Finding(commitment.doc.path, f"{_name(milestone)} has status: {word}, but its "
                      f"latest progress update ({day}) says {said}: make the status "
                      f"{said}, or add the update that explains the change",
                      milestone.path + ("status",))


Scan = tuple[list[tuple[int, date]], tuple[date, str] | None]


def _scan(milestone: Milestone, context: Any) -> Scan:
    """A milestone's updates dated after today (index, day), and the status of the newest
    update dated no later than today that gives one (the last written wins a tie): read
    once for both rules. An ISO date written as text is compared as text, as it sorts;
    only the days the rules report are parsed."""
    scans: dict[tuple[str, int], Scan] = context.memo.setdefault("progress-scans", {})
    key = (milestone.commitment.doc.path, milestone.index)
    if key not in scans:
        scans[key] = _read(milestone, _iso_today(context))
    return scans[key]


def _iso_today(context: Any) -> str:
    now: str = context.shared("today-iso", context.today.isoformat)
    return now


def _read(milestone: Milestone, now: str) -> Scan:
    """`_scan` of a milestone as of `now` (today, YYYY-MM-DD)."""
    future: list[tuple[int, date]] = []
    latest: str | None = None       # the newest day no later than today with a status,
    said = ""                       # and that status (the last written wins a tie)
    for index, update in enumerate(list_at(milestone.fields, "progress")):
        if not isinstance(update, dict):
            continue
        day = update.get("date")
        if not (isinstance(day, str) and len(day) == 10 and day[4] == day[7] == "-"):
            day = _iso(day)     # the text as written when it is ISO-shaped, as _iso gives it
            if day is None:
                continue
        if day > now:
            if (parsed := as_date(day)) is not None:
                future.append((index, parsed))
            continue
        word = update.get("status")
        if isinstance(word, str) and (latest is None or day >= latest):
            latest, said = day, word
    if latest is not None and (parsed := as_date(latest)) is not None:
        return future, (parsed, said)
    return future, None


def _iso(value: Any) -> str | None:
    """A day as YYYY-MM-DD text, which sorts as the days do; None when it names none."""
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        return value
    day = as_date(value)
    return day.isoformat() if day is not None else None


def _name(milestone: Milestone) -> str:
    """"milestone 1.2", as the commitment template numbers them."""
    number = milestone.fields.get("number")
    return f"milestone {milestone.commitment.number}.{number}" if isinstance(number, int) \
        else milestone.label

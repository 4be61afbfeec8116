"""Progress the record publishes before it happened, or that the milestone's own status
contradicts (handbook 5.1, 5.2): the website, `status` and the colours read `status:`, the
reader reads the updates, and both must tell the same, true story.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, NamedTuple

from ogpctl.base.diagnostics import Severity
from ogpctl.base.values import list_at
from ogpctl.domain.rollup import completed_on
from ogpctl.domain.stage import plan_stage
from ogpctl.record.model import Commitment, Milestone, Plan, Stage, as_date, as_word
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


@rule("P611", "completion-undated", family="repository", severity=W, handbook="5.1, 5.2, 5.3",
      subject="commitment", applies_from=Stage.IMPLEMENTATION)
def completion_undated(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """A milestone is completed, but no progress update says when.

    The website publishes "Regular updates (at least every six months) on the progress of
    commitment implementation" (5.1), and the repository holds "information and evidence
    related to the action plan" so that it can "serve as clear evidence of what happened"
    (5.2), with "the completion evidence available" (5.3). `status: completed` alone, with
    no update dated the day it was completed, cannot say when the milestone was done or
    where its evidence is, yet the colours, `ogpctl status` and the website count it done:
    a hand edit or a pull request deleting the update leaves exactly that. Add the update
    (`ogpctl progress add … --status completed --evidence …`), or set the status back. An
    update that gives another status is P608's.

    Fails:
      status: completed
    Passes:
      status: completed
      progress:
        - {date: 2026-11-02, status: completed, note: Law adopted., evidence: [law.pdf]}
    """
    for milestone in commitment.milestones:
        if as_word(milestone.fields.get("status")) == "completed" \
                and completed_on(milestone) is None and _scan(milestone, context)[1] is None:
            yield Finding(commitment.doc.path, f"{_name(milestone)} has status: completed, "
                          "but no progress update says when it was completed or with what "
                          "evidence: add the update, or set the status back",
                          milestone.path + ("status",))


@rule("P609", "progress-before-implementation", family="repository", severity=W,
      handbook="3.1, 5.1", subject="commitment")
def progress_before_implementation(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """A progress update is dated before the plan was delivered.

    Implementation begins with delivery: "Action plans ending on June 30 can be delivered
    and begin implementation any time between January 1 and August 31" (3.1), and the
    website publishes "Regular updates (at least every six months) on the progress of
    commitment implementation" (5.1). An update dated while the plan was still in
    co-creation reports implementation that had not begun, and a milestone delivered
    already completed inflates the plan's results from its first day. Until the plan is
    delivered, `ogpctl status`, the website and the documents count no milestone as
    completed. Date the update the day the progress was made during implementation, or
    describe earlier work in the commitment's answer to "What has been done so far to
    solve the problem?".

    Fails:
      # the plan was delivered on 2026-06-24
      status: completed
      progress:
        - {date: 2026-05-01, status: completed, note: Law adopted.}
    Passes:
      status: completed
      progress:
        - {date: 2026-09-01, status: completed, note: Law adopted.}
    """
    delivered = _bounds(commitment.plan, context)[0]
    for milestone in commitment.milestones:
        for index, day in _outside(milestone, context)[0]:
            when = f"before the plan was delivered on {delivered}" if delivered else \
                f"while plan {commitment.plan.id} is in co-creation (no delivery recorded)"
            yield Finding(commitment.doc.path, f"the progress update on {_name(milestone)} "
                          f"is dated {day}, {when}: progress is reported from the start of "
                          "implementation; earlier work belongs in the commitment's "
                          "description", milestone.path + ("progress", index, "date"))


@rule("P610", "progress-after-end", family="repository", severity=W,
      handbook="3.2.c, implementation guidance", subject="commitment")
def progress_after_end(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """A progress update is dated after the plan's end.

    The commitment template "articulates what the government wants to accomplish within
    the timeline of the action plan" (3.2.c); the implementation guidance allows amendments
    "as long as the milestones end before the end date of the action plan" and asks for an
    end-of-term self-assessment on "the final results of reforms completed in the action
    plan". A plan's result is its result on its end date: `ogpctl status`, the website and
    the documents count progress as of that day, so an update dated later changes nothing
    in them, and would read as the plan's result rewritten after the fact. Report later
    progress with the next plan, or date the update the day the progress was made if that
    was before the end. Updates dated after today are P607's.

    Fails:
      # the plan ended on 2030-06-30; today is 2031-03-01
      status: completed
      progress:
        - {date: 2030-09-15, status: completed, note: Law adopted.}
    Passes:
      status: completed
      progress:
        - {date: 2030-05-15, status: completed, note: Law adopted.}
    """
    end = _bounds(commitment.plan, context)[1]
    for milestone in commitment.milestones:
        for index, day in _outside(milestone, context)[1]:
            yield Finding(commitment.doc.path, f"the progress update on {_name(milestone)} "
                          f"is dated {day}, after the plan's end on {end}: the plan's result "
                          "is its result at the end, and this update does not count in it; "
                          "report later progress with the next plan",
                          milestone.path + ("progress", index, "date"))


Dated = list[tuple[int, date]]


def _bounds(plan: Plan, context: Any) -> tuple[date | None, date | None]:
    """The plan's delivery as of today (None while it is not delivered) and its end date."""
    memo: dict[str, tuple[date | None, date | None]] = context.memo.setdefault(
        "progress-bounds", {})
    if plan.id not in memo:
        dates = plan.dates()
        memo[plan.id] = (plan_stage(plan, context.today).delivered,
                         dates.end if dates is not None else None)
    return memo[plan.id]


def _outside(milestone: Milestone, context: Any) -> tuple[Dated, Dated]:
    """A milestone's updates dated no later than today but before its plan's delivery (any,
    while the plan is not delivered), and those dated after the plan's end (`_progress`)."""
    found = _progress(milestone, context)
    return found.early, found.late


def _scan(milestone: Milestone, context: Any) -> Scan:
    """A milestone's updates dated after today (index, day), and the status of the newest
    update dated no later than today that gives one (the last written wins a tie)."""
    found = _progress(milestone, context)
    return found.future, found.latest


Scan = tuple[list[tuple[int, date]], tuple[date, str] | None]


class Progress(NamedTuple):
    """What P607 to P610 read of a milestone's updates, found in one pass over them."""

    future: Dated                       # dated after today
    latest: tuple[date, str] | None     # the newest status no later than today, and its day
    early: Dated                        # no later than today, before the plan's delivery
    late: Dated                         # no later than today, after the plan's end


def _progress(milestone: Milestone, context: Any) -> Progress:
    """`Progress` of a milestone, read once a check for the four rules (kept by the
    milestone itself as key: the model makes each milestone once)."""
    memo: dict[Milestone, Progress] | None = context.memo.get("progress-updates")
    if memo is None:
        memo = context.memo["progress-updates"] = {}
    found = memo.get(milestone)
    if found is None:
        found = memo[milestone] = _read(milestone, _iso_today(context),
                                        *_bounds(milestone.commitment.plan, context))
    return found


def _iso_today(context: Any) -> str:
    now: str = context.shared("today-iso", context.today.isoformat)
    return now


def _read(milestone: Milestone, now: str, delivered: date | None, end: date | None
          ) -> Progress:
    """`_progress` of a milestone as of `now` (today, YYYY-MM-DD). ISO dates are compared as
    text, as they sort; only the days reported are parsed."""
    low = delivered.isoformat() if delivered else "9999-99-99"
    high = end.isoformat() if end else "9999-99-99"
    future: Dated = []
    early: Dated = []
    late: Dated = []
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
        if not low <= day <= high and (parsed := as_date(day)) is not None:
            (early if day < low else late).append((index, parsed))
    newest = as_date(latest) if latest is not None else None
    return Progress(future, (newest, said) if newest is not None else None, early, late)


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

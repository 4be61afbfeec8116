"""How a commitment's progress rolls up from its milestones (handbook 3.3; IRM completion
scale). The rule is written down in docs/documents.md so a reviewer can check every rating:

* A plan's progress is counted as of its *result day*: today, or the plan's end date once
  that is past, so a closed plan keeps the result it had at its end ("the final results of
  reforms completed in the action plan", implementation guidance) whatever day the site is
  built, and an update dated after the end does not change it (`reckoning`).
* Only completed milestones count (a completion that every update dates after the result
  day has not happened yet on that day: in progress), and only once implementation has
  begun: a completion recorded while the plan is in co-creation is in progress until the
  plan is delivered (`counted_status`). A milestone that is not withdrawn
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
* A commitment whose milestones are all withdrawn (at least one) is withdrawn: neither
  colour nor completion rates it (both are `withdrawn`, whatever a self-assessment says),
  and the totals leave it out of the commitments as they leave withdrawn milestones out of
  the milestones, counting both apart (`Totals.withdrawn`, `Totals.dropped`). The handbook
  (2.2): "the IRM Results Report will assess the amended action plan", which no longer
  holds it. `withdrawal` names the amendment that recorded it: the first of plan.yaml's
  `amendments` dated on or after the first update that withdrew one of its milestones (the
  first amendment when no such update is dated).
* The newest self-assessment report (self-assessment.yaml, self-assessments/*.yaml)
  prepared on or before today that rates a commitment gives the colour every public place
  shows while its rating speaks for the result day (`speaks_until`): not once a milestone
  of the commitment has fallen due after the report was prepared (the report could not
  judge it), and for a yearly report ("some
  countries found it helpful to prepare a yearly self-assessment report", 3.3) not a year
  after it nor at the end of term, whose result is the end-of-term report's ("the final
  results of reforms completed in the action plan", implementation guidance). A rating
  other than the milestones' colour with no `rating-reason` is never the headline (A501).
  `milestone_colour` keeps the milestones' own, `rating` and `assessed` the report's rating
  and date even when set aside (`set_aside` says why), `reason` its `rating-reason`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ogpctl.domain.stage import plan_stage
from ogpctl.record.cycle import add_months
from ogpctl.record.model import Commitment, Milestone, Plan, as_date, listed, report_day
from ogpctl.record.text import has_text

RATINGS = ("green", "amber", "red")

SEVERE_DELAY_MONTHS = 6
#: The colour of a commitment before implementation begins: not rated, not red.
NOT_YET = "grey"
COLOURS = ("green", "amber", "red", NOT_YET)
#: The completion and the "colour" of a commitment whose every milestone is withdrawn.
WITHDRAWN = "withdrawn"
#: Why a self-assessment's rating is not the colour shown (`Rollup.set_aside`): it no longer
#: speaks for the day, or it differs from the milestones with no reason given.
LAPSED, UNREASONED = "lapsed", "unreasoned"
YEARLY_MONTHS = 12


@dataclass(frozen=True)
class Rollup:
    share: float | None         # 0..1 of the weight completed; None without milestones
    completion: str             # no-evidence | not-started | limited | substantial | complete
    delayed: tuple[int, ...]    # numbers of severely delayed milestones
    colour: str                 # green | amber | red | grey (before implementation)
    completed: int = 0          # milestones completed
    milestones: int = 0         # milestones counted (not withdrawn)
    evidenced: int = 0          # completed milestones whose updates cite evidence
    milestone_colour: str = ""  # the colour the milestones alone give (`colour` without
    #                             a self-assessment's rating)
    assessed: date | None = None   # the self-assessment that rates it (prepared)
    reason: Any = None             # its rating-reason (a text in the record's languages)
    rating: str = ""               # its rating, shown or not
    set_aside: str = ""            # why the rating is not `colour`: LAPSED | UNREASONED
    dropped: int = 0               # milestones withdrawn

    @property
    def withdrawn(self) -> bool:
        """Every milestone of the commitment is withdrawn: it is no longer in the plan."""
        return self.completion == WITHDRAWN

    @property
    def rated(self) -> bool:
        """A self-assessment rates the commitment another colour than its milestones."""
        return self.colour != self.milestone_colour

    @property
    def superseded(self) -> bool:
        """A self-assessment's rating other than the colour shown was set aside."""
        return bool(self.set_aside) and self.rating != self.colour


@dataclass(frozen=True)
class Reckoning:
    """The day a plan's progress is counted as of, and whether its commitments are rated
    then: today, or the plan's end date once that is past (a closed plan's result is its
    result at the end, not one that drifts with the clock)."""

    day: date
    implementing: bool
    today: date
    end: date | None = None


def weight(milestone: Milestone) -> float:
    value = milestone.fields.get("weight")
    return float(value) if isinstance(value, (int, float)) and value > 0 else 1.0


def status(milestone: Milestone) -> str:
    value = milestone.fields.get("status")
    return value if isinstance(value, str) else "not-started"


def reckoning(plan: Plan, today: date) -> Reckoning:
    dates = plan.dates()
    end = dates.end if dates is not None else None
    day = min(today, end) if end is not None else today
    return Reckoning(day, plan_stage(plan, day).implementing, today, end)


def counted_status(milestone: Milestone, when: date | Reckoning) -> str:
    """The status a milestone counts with in its plan's result as of `when` (today, or its
    plan's `reckoning` already made): the status every public place shows. It is
    `status_on` the plan's result day, and a completion is in progress while the plan is
    not yet in implementation."""
    return _counted(milestone, _clock(milestone, when))


def _clock(milestone: Milestone, when: date | Reckoning) -> Reckoning:
    return _clock_of(milestone.commitment.plan, when)


def _clock_of(plan: Plan, when: date | Reckoning) -> Reckoning:
    return when if isinstance(when, Reckoning) else reckoning(plan, when)


def _counted(milestone: Milestone, clock: Reckoning) -> str:
    word = status_on(milestone, clock.day)
    return "in-progress" if word == "completed" and not clock.implementing else word


def completed_on(milestone: Milestone) -> date | None:
    """The first day an update says the milestone was completed (None without one)."""
    updates = milestone.fields.get("progress")
    days = [day for u in (updates if isinstance(updates, list) else ())
            if isinstance(u, dict) and u.get("status") == "completed"
            and (day := as_date(u.get("date"))) is not None]
    return min(days, default=None)


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


def severely_delayed(milestone: Milestone, when: date | Reckoning) -> bool:
    """Not completed six months after its due date, as of its plan's result day."""
    clock = _clock(milestone, when)
    return _delayed(milestone, _counted(milestone, clock), clock.day)


def days_late(milestone: Milestone, clock: Reckoning) -> int:
    """The one measure of a milestone's delay, read by the pages, the open data and the
    calendar: for a completed milestone the days from its due date to its completion
    (`completion_delay`); for one not completed the days past its due date as of the plan's
    result day; 0 when it is withdrawn, on time or has no due date."""
    due = as_date(milestone.fields.get("due"))
    state = _counted(milestone, clock)
    if due is None or state == "withdrawn":
        return 0
    if state == "completed":
        return completion_delay(milestone) or 0
    return max((clock.day - due).days, 0)


def completion_delay(milestone: Milestone) -> int | None:
    """Days from the due date to the completion (`completed_on`, the first update that says
    completed), 0 when on time; None when either date is missing."""
    due = as_date(milestone.fields.get("due"))
    done = completed_on(milestone)
    return None if due is None or done is None else max((done - due).days, 0)


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


def rollup(commitment: Commitment, when: date | Reckoning) -> Rollup:
    """The commitment's progress and colour as of `when` (counted as of its plan's result
    day, `reckoning`, which a caller rolling up a plan's commitments makes once and passes
    instead of the day), with the self-assessment's rating once one is given."""
    clock = _clock_of(commitment.plan, when)
    as_of = clock.today
    weights: list[float] = []     # of the milestones counted (not withdrawn)
    achieved: list[float] = []    # of those completed; summed by sum() as ever
    evidenced = 0
    started = False
    delayed: list[int] = []
    dropped = 0
    for milestone in commitment.milestones:   # one pass: this runs for every commitment
        word, cited = _state(milestone, clock.day)
        state = "in-progress" if word == "completed" and not clock.implementing else word
        if state == "withdrawn":
            dropped += 1
            continue
        weights.append(weight(milestone))
        if state == "completed":
            achieved.append(weights[-1])
            evidenced += cited
        started = started or state == "in-progress"
        if _delayed(milestone, state, clock.day) \
                and isinstance(number := milestone.fields.get("number"), int):
            delayed.append(number)
    if dropped and not weights:
        return Rollup(None, WITHDRAWN, (), WITHDRAWN, milestone_colour=WITHDRAWN,
                      dropped=dropped)
    total = sum(weights)
    share = sum(achieved) / total if total else None
    result = completion(share, started)
    derived = colour(result, bool(delayed)) if clock.implementing else NOT_YET
    given = assessment(commitment, as_of) if clock.implementing else None
    rating = str(given["rating"]) if given else ""
    aside = set_aside(commitment, given, clock, derived) if given else ""
    return Rollup(share, result, tuple(delayed), rating if rating and not aside else derived,
                  len(achieved), len(weights), evidenced, derived,
                  given.get("prepared") if given else None,
                  given.get("rating-reason") if given and rating != derived else None,
                  rating, aside, dropped)


def set_aside(commitment: Commitment, given: dict[str, Any], clock: Reckoning,
              derived: str) -> str:
    """Why the self-assessment's rating `given` is not the colour shown on the result day:
    LAPSED when it no longer speaks for that day (`speaks_until`), UNREASONED when it
    differs from the milestones' colour with no rating-reason; "" when it is shown."""
    until = speaks_until(commitment, given.get("prepared"), clock.end,
                         given.get("kind") == "yearly")
    if until is not None and clock.day >= until:
        return LAPSED
    if given.get("rating") != derived and not has_text(given.get("rating-reason")):
        return UNREASONED
    return ""


def speaks_until(commitment: Commitment, prepared: date | None, end: date | None,
                 yearly: bool) -> date | None:
    """The first day a self-assessment prepared on `prepared` no longer speaks for the
    commitment: the day after one of its milestones falls due after the report (it could
    not judge it); for a yearly report also a year after it (the next one is due) and the
    plan's end (the end-of-term result). None: it speaks on any later day."""
    if prepared is None:
        return date.min if yearly else None
    days = [due + timedelta(days=1) for m in commitment.milestones
            if status(m) != "withdrawn" and (due := as_date(m.fields.get("due"))) is not None
            and due > prepared]
    if yearly:
        days.append(add_months(prepared, YEARLY_MONTHS))
        if end is not None:
            days.append(end)
    return min(days, default=None)


def assessment(commitment: Commitment, today: date) -> dict[str, Any] | None:
    """The self-assessment's rating of the commitment: the newest report prepared on or
    before `today` that rates it (its entry, with the report's `prepared` date and `kind`
    added). A plan keeps every report (a yearly one besides the end-of-term one, 3.3)."""
    for doc in reversed(commitment.plan.self_assessments):
        prepared = report_day(doc)
        if prepared is not None and prepared > today:
            continue
        for item in listed(doc, "commitments"):
            if item.get("commitment") == commitment.id and item.get("rating") in RATINGS:
                return {**item, "prepared": prepared, "kind": doc.fields.get("kind")}
    return None


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

    commitments: int    # not withdrawn
    complete: int
    milestones: int     # not withdrawn
    completed: int
    withdrawn: int = 0  # commitments withdrawn (every milestone withdrawn)
    dropped: int = 0    # milestones withdrawn


def totals(plan: Plan, as_of: date) -> Totals:
    return totals_of(plan.commitments, as_of)


def totals_of(commitments: list[Commitment], as_of: date) -> Totals:
    """The totals of some of a plan's commitments (a theme's, say)."""
    return totals_from([rollup(c, as_of) for c in commitments])


def totals_from(results: list[Rollup]) -> Totals:
    """The totals of commitments whose roll-ups are already computed."""
    withdrawn = sum(1 for r in results if r.withdrawn)
    return Totals(len(results) - withdrawn,
                  sum(1 for r in results if r.completion == "complete"),
                  sum(r.milestones for r in results), sum(r.completed for r in results),
                  withdrawn, sum(r.dropped for r in results))


@dataclass(frozen=True)
class Withdrawal:
    """The amendment that withdrew a commitment: its date and summary (`summary` is a text
    in the record's languages; both None when plan.yaml records no amendment for it)."""

    date: date | None
    summary: Any


def withdrawal(commitment: Commitment) -> Withdrawal:
    """The amendment that recorded the withdrawal of a withdrawn commitment: the first one
    dated on or after the first update that withdrew one of its milestones (the first one
    when no such update is dated)."""
    days = [day for m in commitment.milestones for u in listed_updates(m)
            if u.get("status") == WITHDRAWN and (day := as_date(u.get("date"))) is not None]
    since = min(days, default=date.min)
    amendments = listed(commitment.plan.doc, "amendments")
    entries = sorted(((day, item.get("summary")) for item in amendments
                      if (day := as_date(item.get("date"))) is not None and day >= since),
                     key=lambda entry: entry[0])
    return Withdrawal(*entries[0]) if entries else Withdrawal(None, None)


def is_withdrawn(commitment: Commitment) -> bool:
    """Every milestone of the commitment (one at least) is withdrawn: `Rollup.withdrawn`
    without rolling it up (a withdrawal does not depend on the day)."""
    return bool(commitment.milestones) and all(
        status(m) == WITHDRAWN for m in commitment.milestones)


def listed_updates(milestone: Milestone) -> list[dict[str, Any]]:
    updates = milestone.fields.get("progress")
    return [u for u in updates if isinstance(u, dict)] if isinstance(updates, list) else []

"""Every dated obligation of every plan, marked met, due or overdue as of a day.

"Met" is decided from the record only: a delivery date, a meeting file, a progress
update, a published timeline, a milestone's status. Nothing is assumed. Informational dates
(the window opening, the end, the refresh mark) are listed with the state "n/a". This is
the core of `ogpctl deadlines`; it reads the model and does no I/O.

An obligation of a stage the plan has moved past is settled, whatever today is: once the
plan is delivered, a co-creation timeline never published is "missed", not "due" on a day
still to come (minimum requirement 3.1: two weeks before development starts); a plan
delivered before its window opened is "early", not "overdue" (3.1: "any time between
January 1 and August 31"). The same holds for the refresh's review timeline once the
refreshed plan is delivered (2.3).

Titles, rules, handbook sections and what each state rests on are said in the language
asked for: each message is marked with `_` for the gettext catalogues
(`templates/locales/`) and translated when the obligation is made; `basis` stays English
with ISO dates, as `ogpctl check` quotes it, and `Obligation.said` says it in any language.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property, lru_cache
from typing import Any

from ogpctl.base.values import list_at
from ogpctl.domain.forum import forum_days, meeting_days, plan_start, record_cadence
from ogpctl.domain.rollup import completed_on, completion_delay, status_on
from ogpctl.domain.wording import Label, Said, _, handbook_in, n_, record_text, say
from ogpctl.record import cycle as cal
from ogpctl.record.model import Commitment, Milestone, Plan, Record, as_date

MET, DUE, OVERDUE, NA = "met", "due", "overdue", "n/a"
#: Not done when the plan moved past its stage (a timeline never published before delivery).
MISSED = "missed"
#: A delivery before the delivery window opened (C401).
EARLY = "early"
#: The states of an obligation the record has failed: what check and `status` report.
FAILED = (OVERDUE, MISSED, EARLY)
#: Every state, in the order a summary counts them.
STATES = (MET, DUE, OVERDUE, MISSED, EARLY, NA)


#: Where the amendment rule comes from: the newer guidance, over the handbook's 2.2.
GUIDANCE = Label(_("implementation guidance (supersedes 2.2)"))


@dataclass(frozen=True)
class Obligation:
    plan: str
    id: str
    date: date
    title: str
    rule: str
    handbook: str
    state: str
    subject: str = ""   # what a repeated id is about (a milestone's number), for stable UIDs
    said: Said | None = None   # what in the record the state rests on, in any language

    @cached_property
    def basis(self) -> str:
        """What the state rests on in English with ISO dates, as check quotes it (said only
        when asked: check asks for the few it reports)."""
        return self.said.text("en") if self.said is not None else ""

    def to_json(self) -> dict[str, str]:
        return {"plan": self.plan, "id": self.id, "date": self.date.isoformat(),
                "title": self.title, "rule": self.rule, "handbook": self.handbook,
                "state": self.state}

    def basis_in(self, lang: str) -> str:
        """What the state rests on, in `lang` (dates and numbers as the language writes
        them)."""
        return self.said.text(lang) if self.said is not None else ""


def obligations(record: Record, today: date, lang: str = "en") -> list[Obligation]:
    """Every plan's obligations and every milestone's due date, titles in `lang`."""
    found: list[Obligation] = []
    meetings = _meetings(record, today)
    for plan in record.plans:
        found.extend(plan_calendar(record, plan, today, lang, meetings=meetings))
    return sorted(found, key=_order)


def plan_calendar(record: Record, plan: Plan, today: date, lang: str = "en", *,
                  meetings: Meetings | None = None) -> list[Obligation]:
    """One plan's process obligations and its milestones' due dates, in the order of
    `obligations`: the one list `ogpctl deadlines` and `ogpctl status` both read."""
    found = [*plan_obligations(record, plan, today, lang, meetings=meetings),
             *milestone_obligations(plan, today, lang, default=record.languages.default)]
    return sorted(found, key=_order)


def process_obligations(record: Record, today: date, lang: str = "en") -> list[Obligation]:
    """Every plan's process obligations without the milestones' due dates, in the order of
    `obligations` (what the calendar rules judge; a milestone's date is theirs to read)."""
    found: list[Obligation] = []
    meetings = _meetings(record, today)
    for plan in record.plans:
        found.extend(plan_obligations(record, plan, today, lang, meetings=meetings))
    return sorted(found, key=_order)


def overdue_by_id(record: Record, today: date) -> dict[str, list[Obligation]]:
    """The process obligations the record has failed (`FAILED`: overdue, missed, early) by
    id, each list in the order of `obligations`: what the calendar and repository rules
    report."""
    found: dict[str, list[Obligation]] = {}
    for item in process_obligations(record, today):
        if item.state in FAILED:
            found.setdefault(item.id, []).append(item)
    return found


def _order(item: Obligation) -> tuple[str, date, str]:
    return item.plan, item.date, item.id


#: The days of the forum's meetings and of the meetings presenting results held by today,
#: sorted: a meeting dated later is scheduled and meets no obligation yet.
Meetings = tuple[list[date], list[date]]


def _meetings(record: Record, today: date) -> Meetings:
    return forum_days(record, today), meeting_days(record.meetings, today, results=True)


def plan_obligations(record: Record, plan: Plan, today: date, lang: str = "en", *,
                     meetings: Meetings | None = None) -> Iterator[Obligation]:
    """The plan's process obligations (delivery, amendments, refresh, cadences);
    `meetings` is `_meetings(record)` when the caller lists every plan's. A plan not
    delivered when its window closed never began implementation: it owes no amendment,
    refresh or next plan, and its delivery and co-creation are settled as missed (3.1:
    "Further extensions are not allowed")."""
    dates = plan.dates()
    if dates is None:
        return
    delivered = as_date(plan.fields.get("delivered"))
    lapsed = _lapsed(delivered, dates, today)
    make = _Maker(plan.id, today, lang)
    yield make("delivery-window-opens", dates.window_opens, _("Delivery window opens"),
               _("Plans may be delivered from six months before the due date (January 1 or "
                 "July 1)."), "3.1", NA)
    yield _delivery(make, plan, dates, lapsed)
    yield make("plan-end", dates.end, _("Plan ends"), _("The plan ends two or four years "
               "after its due date."), "3.1", NA)
    if lapsed is None:
        yield from _implementation_dates(make, record, plan, dates)
    settled = _settled(delivered, today, _("the plan was delivered on {day}")) or lapsed
    timeline = _timeline(make, plan, settled)
    if timeline is not None:
        yield timeline
    forum, results = _meetings(record, today) if meetings is None else meetings
    yield from _forum(make, record, plan, forum)
    if delivered is not None:   # cadences run through implementation
        yield from _civil_society(make, results, delivered, dates.end)
        days = _progress_days(plan)
        yield from _repository(make, days, delivered, dates.end)
        yield from _local(make, plan, days, delivered, dates.end)


def _lapsed(delivered: date | None, dates: cal.PlanDates, today: date) -> Settled | None:
    """The delivery window closed with no delivery recorded: the plan's co-creation is
    over, unmet (handbook 3.1: "Further extensions are not allowed"; 7: acting contrary
    to process)."""
    if delivered is not None or today <= dates.window_closes:
        return None
    return Settled(dates.window_closes, _("the delivery window closed on {day}"))


def _implementation_dates(make: _Maker, record: Record, plan: Plan, dates: cal.PlanDates
                          ) -> Iterator[Obligation]:
    """What a plan owes once it is delivered: amendments, its refresh, the next plan."""
    yield _amendments(make, plan, dates.amendment_deadline)
    if dates.refresh_mark and dates.irm_check_in and dates.refresh_due:   # four-year plans
        yield from _refresh(make, plan, dates.refresh_mark, dates.irm_check_in, dates.refresh_due)
    yield _next_plan(make, record, plan, dates.next_plan_late_after)


@dataclass(frozen=True)
class Settled:
    """The day a plan moved past a stage (its delivery; the refreshed plan's), and the
    words that say so: the stage's obligations are settled from that day, whatever today
    is."""

    day: date
    words: str


def _settled(day: date | None, today: date, words: str) -> Settled | None:
    """The stage ended on `day`, when it is recorded and has come (a date after today is a
    date to correct, not a delivery: `ogpctl.domain.stage`)."""
    return Settled(day, words) if day is not None and day <= today else None


class _Maker:
    def __init__(self, plan: str, today: date, lang: str = "en") -> None:
        self.plan, self.today, self.lang = plan, today, lang

    def __call__(self, ident: str, day: date, title: str, rule: str, handbook: str,
                 state: str, said: Said | None = None, subject: str = "",
                 **values: str) -> Obligation:
        return Obligation(self.plan, ident, day, say(self.lang, title, **values),
                          say(self.lang, rule), handbook_in(self.lang, handbook), state,
                          subject, said)

    def deadline(self, ident: str, day: date, title: str, rule: str, handbook: str,
                 done: Any, what: str, settled: Settled | None = None) -> Obligation:
        """Met when done by the day; overdue when done late or not done and the day passed;
        once the plan has moved past the obligation's stage (`settled`), met or missed
        whatever today is. `done` is the raw value from the record: a date that cannot be
        read (reported by F104) leaves the state unknown rather than "not done"."""
        label = Label(what)
        if not isinstance(done, date):
            if done not in (None, "") and as_date(done) is None:
                return self(ident, day, title, rule, handbook, NA,
                            Said.of(_("{what}: {value} is not a date"), what=label,
                                    value=repr(done)))
            done = as_date(done)
        if done is not None:
            late = MISSED if settled is not None else OVERDUE
            return self(ident, day, title, rule, handbook, MET if done <= day else late,
                        Said.of(_("{what}: {day}"), what=label, day=done))
        if settled is not None:
            said = Said.of(_("{what}: not recorded"), what=label)
            if self.today <= day:   # settled before its day came: say why it is missed
                said = Said.of(_("{what}: not recorded; {settled}"), what=label,
                               settled=Said.of(settled.words, day=settled.day))
            return self(ident, day, title, rule, handbook, MISSED, said)
        state = OVERDUE if self.today > day else DUE
        return self(ident, day, title, rule, handbook, state,
                    Said.of(_("{what}: not recorded"), what=label))

    def period(self, ident: str, first: date, last: date, title: str, rule: str,
               handbook: str, count: int, needed: int, what: str, subject: str = "",
               **values: str) -> Obligation:
        """A cadence window: met with enough events in it; missed once it has closed without
        them (settled: no later event counts for it), due until then."""
        if count >= needed:
            state = MET
        else:
            state = MISSED if self.today > last else DUE
        said = Said.of(_("{what} from {first} to {last}: {found} recorded, {needed} needed"),
                       what=Label(what), first=first, last=last, found=count, needed=needed)
        return self(ident, last, title, rule, handbook, state, said, subject, **values)


def _delivery(make: _Maker, plan: Plan, dates: cal.PlanDates, lapsed: Settled | None
              ) -> Obligation:
    """Delivered inside the window: a delivery before it opens misses the window as surely
    as one after it closes (3.1: "Further extensions are not allowed"), and is early, not
    overdue: the window's close may be months away. A window that closed with no delivery
    is missed (`lapsed`), not overdue: no extension can make it met."""
    found = make.deadline("delivery-window-closes", dates.window_closes,
                          _("Delivery window closes"),
                          _("The plan is delivered (uploaded to the OGP website) inside its "
                            "window: January 1 to August 31, or July 1 to February 28; by "
                            "December 31 for plans developed in 2022 and 2023."),
                          "3.1, 3.1.a", plan.fields.get("delivered"), _("delivered"),
                          lapsed)
    delivered = as_date(plan.fields.get("delivered"))
    if delivered is not None and delivered < dates.window_opens:
        said = Said.of(_("delivered: {day}, before the window opened on {opens}"),
                       day=delivered, opens=dates.window_opens)
        return replace(found, state=EARLY, said=said)
    return found


def _amendments(make: _Maker, plan: Plan, deadline: date) -> Obligation:
    """Amendments until the end date: the implementation guidance, newer than the handbook's
    2.2 (one year from the due date), allows them "at any time as long as the milestones end
    before the end date of the action plan" (`calendar.AMENDMENTS`)."""
    rule = _("Amendments may be made at any time as long as the milestones end before the "
             "end date of the action plan (implementation guidance, which supersedes the one "
             "year of handbook 2.2); the updated plan clearly outlines all changes.")
    title = _("Last day for amendments")
    days = [d for a in plan.fields.get("amendments") or []
            if isinstance(a, dict) and (d := as_date(a.get("date"))) is not None]
    if not days:
        return make("amendment-deadline", deadline, title, rule, GUIDANCE, NA,
                    Said.of(_("no amendment recorded")))
    late = [d for d in days if d > deadline]
    said = Said.of(_("amendments of {days}"), days=tuple(sorted(days)))
    return make("amendment-deadline", deadline, title, rule, GUIDANCE,
                OVERDUE if late else MET, said)


def _refresh(make: _Maker, plan: Plan, mark: date, check_in: date, due: date
             ) -> Iterator[Obligation]:
    refresh = plan.fields.get("refresh")
    refresh = refresh if isinstance(refresh, dict) else {}
    yield make("refresh-mark", mark, _("Four-year refresh: two-year mark"),
               _("Four-year plans review progress and may update commitments at the two-year "
                 "mark."), "2.3", NA)
    yield make("irm-check-in", check_in, _("IRM implementation check-in"),
               _("The IRM offers an implementation check-in after two years of a four-year "
                 "plan."), "3.1", NA)
    yield make.deadline("refresh-due", due, _("Refreshed plan due"),
                        _("The refreshed plan is delivered no later than six months after "
                          "the two-year mark."), "2.3", refresh.get("delivered"),
                        _("refreshed plan delivered"))
    review = as_date(refresh.get("review-starts"))
    if review is not None:
        settled = _settled(as_date(refresh.get("delivered")), make.today,
                           _("the refreshed plan was delivered on {day}"))
        yield make.deadline("refresh-timeline-publish-by", cal.timeline_publish_by(review),
                            _("Publish the refresh review timeline"),
                            _("The review timeline is published at least two weeks before "
                              "the review starts."), "2.3", refresh.get("timeline-published"),
                            _("timeline published"), settled)


def _next_plan(make: _Maker, record: Record, plan: Plan, late_after: date) -> Obligation:
    due_year = plan.fields.get("due-year")
    later = [as_date(p.fields.get("delivered")) for p in record.plans
             if p is not plan and isinstance(p.fields.get("due-year"), int)
             and p.fields["due-year"] > due_year]
    delivered = min((d for d in later if d is not None), default=None)
    return make.deadline("next-plan-late-after", late_after, _("Next plan delivered"),
                         _("A member that delivers no new plan within one year after its "
                           "plan ended has acted contrary to process."), "3.1.a, 7",
                         delivered, _("next plan delivered"))


def _timeline(make: _Maker, plan: Plan, settled: Settled | None) -> Obligation | None:
    """Minimum requirement 3.1, settled once the plan is delivered: co-creation is over."""
    doc = plan.co_creation
    if doc is None:
        return None
    stages = doc.fields.get("stages") or []
    starts = [as_date(s.get("starts")) for s in stages
              if isinstance(s, dict) and s.get("id") == "development"]
    if not starts or starts[0] is None:
        return None
    timeline = doc.fields.get("timeline")
    timeline = timeline if isinstance(timeline, dict) else {}
    return make.deadline("cocreation-timeline-publish-by", cal.timeline_publish_by(starts[0]),
                         _("Publish the co-creation timeline"),
                         _("The co-creation timeline and the opportunities to take part are "
                           "published at least two weeks before development starts."),
                         "minimum requirement 3.1", timeline.get("published"),
                         _("timeline published"), settled)


def _count(days: list[date], first: date, last: date) -> int:
    """How many of `days` (sorted) fall from `first` to `last`."""
    return bisect_right(days, last) - bisect_left(days, first)


def _forum(make: _Maker, record: Record, plan: Plan, days: list[date]
           ) -> Iterator[Obligation]:
    """The forum "meets regularly (at least every six months)" (minimum requirement 1.1),
    during co-creation, implementation and between plans alike: after each meeting the next
    is due six months later, from the first day the record's forum is answerable for to
    today (`ogpctl.domain.forum.record_cadence`, what C411 judges). One obligation a
    meeting: met by a meeting in time; missed once six months passed and a later meeting
    came (each gap C411 reports is one); overdue while the forum has not met again; due
    for the next meeting. Each is the plan's whose span holds its day (`_forum_plan`)."""
    found = record_cadence(record, make.today)
    if found is None:
        return
    spans = _plan_spans(record, make.today)
    points = [found.start, *found.days]
    for index, anchor in enumerate(points):
        following = points[index + 1] if index + 1 < len(points) else None
        if following == anchor:
            continue        # a meeting on the first day judged: its interval is the next
        due = cal.add_months(anchor, 6)
        if _forum_plan(spans, due) != plan.id:
            continue
        met = _count(days, anchor + timedelta(days=1), due)
        if following is None:
            state = DUE if make.today <= due else OVERDUE
        else:
            state = MET if met else MISSED
        said = Said.of(_("{what} from {first} to {last}: {found} recorded, {needed} needed"),
                       what=Label(_("forum meetings")), first=anchor + timedelta(days=1),
                       last=due, found=met, needed=1)
        yield make("forum-meeting", due, _("Forum meeting"),
                   _("The multi-stakeholder forum meets at least every six months."),
                   "minimum requirement 1.1", state, said)


#: Each plan's id and the span it answers for: from the start of its co-creation (or its
#: delivery, or its window) to its end.
Spans = list[tuple[date, date, str]]


def _plan_spans(record: Record, today: date) -> Spans:
    spans = []
    for plan in record.plans:
        dates = plan.dates()
        if dates is None:
            continue
        start = plan_start(record, plan, today) or as_date(plan.fields.get("delivered")) \
            or dates.window_opens
        spans.append((min(start, dates.end), dates.end, plan.id))
    return sorted(spans)


def _forum_plan(spans: Spans, day: date) -> str | None:
    """The plan a forum meeting due on `day` belongs to: the earliest plan whose span holds
    the day (the plan in implementation before the next one in co-creation), else the last
    plan started before it (between plans), else the first plan."""
    holding = [plan for start, end, plan in spans if start <= day <= end]
    if holding:
        return holding[0]
    started = [plan for start, _end, plan in spans if start <= day]
    if started:
        return started[-1]
    return spans[0][2] if spans else None


#: A window of a cadence: its first and last day, and how many events it needs.
Window = tuple[date, date, int]


def cadence_windows(start: date, end: date, months: int, needed: int) -> tuple[Window, ...]:
    """The windows of `months` months from `start` (the delivery) to `end` in which a
    cadence needs `needed` events: "at least two meetings every year" (5.1), "regularly
    updated (at least twice a year)" (2.2), "progress reported at least every quarter"
    (6.3.b). Each full window stands on its own. A last stretch of at least half a period
    is judged over the full period that ends with it (looking back into the window
    before), which is what the handbook asks of any period of that length: it neither
    swallows a full window nor asks for events in a stretch shorter than the period (an
    update made late in the window before still counts); a shorter one joins the window
    before. A plan shorter than one period needs its share of the events over its whole
    length, to the nearest (half down: never more than the handbook asks)."""
    return _cadence_windows(start, end, months, needed)


@lru_cache(maxsize=1024)
def _cadence_windows(start: date, end: date, months: int, needed: int) -> tuple[Window, ...]:
    windows: list[Window] = []
    step = 0
    while (first := cal.add_months(start, step * months)) <= end:
        following = cal.add_months(start, (step + 1) * months)
        last = following - timedelta(days=1)
        if last <= end:
            windows.append((first, last, needed))
            step += 1
            continue
        share = _share(needed, (end - first).days + 1, (following - first).days)
        if windows and not share:     # a few days more: the window before takes them
            windows[-1] = (windows[-1][0], end, windows[-1][2])
        elif windows:                 # a last stretch: the full period ending with it
            windows.append((cal.add_months(end + timedelta(days=1), -months), end, needed))
        elif share:                   # a plan shorter than one period
            windows.append((first, end, share))
        break
    return tuple(windows)


def _share(needed: int, days: int, full: int) -> int:
    """`needed` events pro rata for `days` of a `full` window, to the nearest, half down."""
    return max(0, -((full - 2 * needed * days) // (2 * full)))


def _cadence(make: _Maker, days: list[date], windows: tuple[Window, ...], ident: str,
             title: str, rule: str, handbook: str, what: str, subject: str = "",
             **values: str) -> Iterator[Obligation]:
    for first, last, needed in windows:
        yield make.period(ident, first, last, title, rule, handbook,
                          _count(days, first, last), needed, what, subject, **values)


def _civil_society(make: _Maker, days: list[date], start: date, end: date
                   ) -> Iterator[Obligation]:
    return _cadence(make, days, cadence_windows(start, end, 12, 2), "civil-society-meeting",
                    _("Two meetings presenting results to civil society"),
                    _("At least two meetings a year with civil society present "
                      "implementation results and collect comments."),
                    "minimum requirement 5.1", _("meetings presenting results"))


def _progress_days(plan: Plan) -> dict[str, list[date]]:
    """The day of every dated progress update of the plan, by the kind of its commitment,
    and of each local commitment apart ("local N": each reports every quarter, 6.3.b)."""
    days: dict[str, list[date]] = {}
    for commitment in plan.commitments:
        own = [day for milestone in commitment.milestones
               for update in list_at(milestone.fields, "progress")
               if isinstance(update, dict) and (day := as_date(update.get("date"))) is not None]
        days.setdefault(commitment.kind, []).extend(own)
        if commitment.kind == "local":
            days[f"local {commitment.number}"] = own
    return days


def repository_windows(start: date, end: date) -> tuple[Window, ...]:
    """The six-month windows of implementation, from `start` (the delivery) to `end`, each
    needing one update: the repository is "regularly updated (at least twice a year)"
    (minimum requirement 2.2); what `ogpctl deadlines` lists and P603 proves from git."""
    return cadence_windows(start, end, 6, 1)


def _repository(make: _Maker, days: dict[str, list[date]], start: date, end: date
                ) -> Iterator[Obligation]:
    every = sorted(day for found in days.values() for day in found)
    return _cadence(make, every, repository_windows(start, end), "repository-update",
                    _("Repository update"),
                    _("The document repository is updated at least twice a year with "
                      "progress, reasons for delays and next steps."),
                    "minimum requirement 2.2; 5.2", _("progress updates"))


def _local(make: _Maker, plan: Plan, days: dict[str, list[date]], start: date, end: date
           ) -> Iterator[Obligation]:
    """Each local commitment's quarters: "progress reported at least every quarter"
    (6.3.b) is asked of every local commitment, so one that reported cannot cover
    another's silence."""
    windows = cadence_windows(start, end, 3, 1)
    for commitment in plan.commitments:
        if commitment.kind == "local":
            number = str(commitment.number)
            yield from _cadence(make, sorted(days.get(f"local {number}", [])), windows,
                                "local-progress",
                                _("Quarterly progress on local commitment {number}"),
                                _("Local commitments report progress at least every quarter."),
                                "6.3.b", _("local progress updates"), number, number=number)


MILESTONE_RULE = _("Each milestone has an expected completion date (the commitment "
                   "template); it is met once the milestone is completed.")


def milestone_obligations(plan: Plan, today: date, lang: str = "en", *,
                          default: str = "en") -> Iterator[Obligation]:
    """Each milestone's due date: met when completed, overdue when past and not completed,
    missed when not completed by the end of a plan that has ended (implementation is over),
    n/a when withdrawn. A milestone without a readable due date has no place in the
    calendar (S-rules and F104 report it). Titles in `lang`, else in another language of
    the record (`default`: its default language), marked as such."""
    make = _Maker(plan.id, today, lang)
    dates = plan.dates()
    ended = dates.end if dates is not None and today > dates.end else None
    for commitment in plan.commitments:
        for milestone in commitment.milestones:
            due = as_date(milestone.fields.get("due"))
            if due is not None:
                yield _milestone_due(make, commitment, milestone, due, default, ended)


#: A milestone's status as the record writes it, said in words (`status: in-progress`).
STATUS_WORDS = {"not-started": Label(_("not started")), "in-progress": Label(_("in progress")),
                "completed": Label(_("completed")), "withdrawn": Label(_("withdrawn"))}


def _milestone_due(make: _Maker, commitment: Commitment, milestone: Milestone, due: date,
                   default: str, ended: date | None) -> Obligation:
    number = milestone.fields.get("number")
    label = f"{commitment.number}.{number if isinstance(number, int) else milestone.index + 1}"
    title = record_text(milestone.fields.get("title"), make.lang, default)
    status = status_on(milestone, make.today)     # a completion dated later is not met yet
    if status == "completed":
        state, said = MET, _completed(milestone, due)
    elif status == "withdrawn":
        state, said = NA, Said.of(_("status: {status}"), status=STATUS_WORDS["withdrawn"])
    elif ended is not None:
        state = MISSED
        said = Said.of(_("status: {status}; the plan ended on {day}"),
                       status=STATUS_WORDS.get(str(status), str(status)), day=ended)
    else:
        state = OVERDUE if make.today > due else DUE
        said = Said.of(_("status: {status}"), status=STATUS_WORDS.get(str(status), str(status)))
    message = _("Milestone {number} due: {name}") if title else _("Milestone {number} due")
    return make("milestone-due", due, message, MILESTONE_RULE, "3.2.a, 3.2.c", state, said,
                subject=label, number=label, name=title)


def _completed(milestone: Milestone, due: date) -> Said:
    """Completed, on the day of the first progress update that set the status to
    completed, and how late that was (`ogpctl.domain.rollup.completion_delay`, the delay
    every reader gives): a milestone finished 17 months after its due date is met, late."""
    day = completed_on(milestone)
    if day is None:     # P611: counted completed, but nothing says when
        return Said.of(_("status: {status}; no progress update says when"),
                       status=STATUS_WORDS["completed"])
    late = completion_delay(milestone) or 0
    if late > 0:
        return Said.counted(n_("status: completed on {day}, {count} day late",
                               "status: completed on {day}, {count} days late"), late, day=day)
    return Said.of(_("status: completed on {day}"), day=day)

"""Calendar (handbook 2.3, 3.1, 3.1.a, 3.4, 6.3.b, 7; the implementation guidance on
amendments; minimum requirements 1.1, 3.1, 5.1): dated obligations that the record shows
were missed, and a `status:` that disagrees with the plan's stage. Each rule reports an
obligation only once its date has passed (`ogpctl deadlines` lists the ones still due)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ogpctl.base.diagnostics import Severity
from ogpctl.domain.forum import record_cadence
from ogpctl.domain.obligations import MISSED, Obligation, overdue_by_id
from ogpctl.domain.stage import PlanStage, plan_stage
from ogpctl.record import cycle as cal
from ogpctl.record.model import Commitment, Plan, Record, Stage, as_date, entries, listed
from ogpctl.record.text import has_text
from ogpctl.rules import Finding, rule

E, W = Severity.ERROR, Severity.WARNING
F = "calendar"


def _overdue(record: Record, context: Any, ident: str) -> list[Obligation]:
    """The overdue process obligations `ident`, in the order of `ogpctl deadlines`; the
    record's obligations are computed once per check for every calendar rule."""
    by_id: dict[str, list[Obligation]] = context.shared(
        "overdue-obligations", lambda: overdue_by_id(record, context.today))
    return by_id.get(ident, [])


def _plan_file(item: Obligation) -> str:
    return f"plans/{item.plan}/plan.yaml"


@rule("C401", "delivered-outside-window", family=F, severity=E, handbook="3.1, 3.1.a",
      subject="record")
def delivered_outside_window(record: Record, context: Any) -> Iterator[Finding]:
    """The plan was delivered outside its delivery window, or not by its end.

    "Action plans ending on June 30 can be delivered and begin implementation any time
    between January 1 and August 31 (six months before and two months after). Plans with a
    December end date can be delivered any time between July 1 and February 28. Further
    extensions are not allowed" (3.1); plans developed in 2022 and 2023 were due by December
    31 (3.1.a). A delivery before the window opens misses it as surely as a late one. The
    handbook names February 28, and it wins over "two months after": in a leap year
    February 29 is late. A plan with no delivery recorded when its window has closed is an
    error whatever its `status:` says; record the delivery with `ogpctl tag-submission`.

    Fails:
      window: june
      due-year: 2026
      delivered: 2026-09-15
    Passes:
      window: june
      due-year: 2026
      delivered: 2026-06-24
    """
    for item in _overdue(record, context, "delivery-window-closes"):
        plan = next(p for p in record.plans if p.id == item.plan)
        dates = plan.dates()
        opens = f"{dates.window_opens} to " if dates else "by "
        message = (f"plan {item.plan} was not delivered inside its window, {opens}{item.date} "
                   f"({item.basis})")
        if "delivered" in plan.fields:
            yield Finding(_plan_file(item), message, ("delivered",))
        else:
            yield Finding(_plan_file(item), message, line=1, column=1)


@rule("C402", "next-plan-late", family=F, severity=E, handbook="3.1.a, 7", subject="record",
      applies_from=Stage.IMPLEMENTATION)
def next_plan_late(record: Record, context: Any) -> Iterator[Finding]:
    """No new plan was delivered within a year after the previous plan ended.

    "If a participating government does not deliver a new action plan within one year
    after the completion of their previous action plan, they will be officially late and
    considered to have acted contrary to process" (3.1.a, 7).

    Fails:
      # plans/2023-2025 ended 2025-12-31; today is 2027-01-15; no later plan delivered
    Passes:
      # plans/2026-2030/plan.yaml: delivered: 2026-06-24
    """
    for item in _overdue(record, context, "next-plan-late-after"):
        yield Finding(_plan_file(item), f"no plan after {item.plan} was delivered by "
                      f"{item.date}: the member has acted contrary to process", line=1, column=1)


@rule("C404", "amendment-late", family=F, severity=E,
      handbook="implementation guidance, 2.2", subject="plan",
      applies_from=Stage.IMPLEMENTATION)
def amendment_late(plan: Plan, context: Any) -> Iterator[Finding]:
    """An amendment is dated after the end of the action plan.

    The implementation guidance, newer than the handbook, says: "Governments or MSFs may
    also introduce amendments to the action plan to respond to new developments. This can
    be done at any time as long as the milestones end before the end date of the action
    plan (see Amendments)." ogpctl follows it rather than the handbook's 2.2 ("within one
    year of the original due date"). A milestone due after the end date is S242. Each late
    amendment is reported where it is written; the amendments in time are not.

    Fails:
      # due 2026-06-30, two years: ends 2028-06-30
      amendments:
        - {date: 2028-09-01, summary: New milestone}
    Passes:
      amendments:
        - {date: 2027-09-01, summary: New milestone}
    """
    dates = plan.dates()
    if dates is None:
        return
    deadline = dates.amendment_deadline
    for index, item in entries(plan.doc, "amendments"):
        day = as_date(item.get("date"))
        if day is not None and day > deadline:
            yield Finding(plan.path, f"the amendment of {day} is after the plan's end on "
                          f"{deadline}: the implementation guidance allows amendments \"at "
                          "any time as long as the milestones end before the end date of the "
                          "action plan\" (a translation corrected while its English stays as "
                          "delivered is no amendment and needs no entry)", ("amendments", index))


@rule("C405", "refresh-late", family=F, severity=E, handbook="2.3", subject="record",
      applies_from=Stage.IMPLEMENTATION)
def refresh_late(record: Record, context: Any) -> Iterator[Finding]:
    """A four-year plan's refresh was not delivered in time.

    "The refreshed action plan should be delivered to the Support Unit no later than six
    months after the two-year mark" (2.3.e); record it as refresh.delivered in plan.yaml.

    Fails:
      length: 4
      refresh: {}
    Passes:
      length: 4
      refresh: {delivered: 2028-11-30}
    """
    for ident in ("refresh-due", "refresh-timeline-publish-by"):
        for item in _overdue(record, context, ident):
            yield Finding(_plan_file(item), f"{item.title.lower()} by {item.date} "
                          f"({item.basis})", ("refresh",))


@rule("C410", "timeline-late", family=F, severity=E, handbook="MR 3.1",
      subject="record", applies_from=Stage.CO_CREATION)
def timeline_late(record: Record, context: Any) -> Iterator[Finding]:
    """The co-creation timeline was published less than two weeks before development.

    The forum "publishes on the OGP website/webpage the co-creation timeline and overview
    of the opportunities for stakeholders to participate at least two weeks before the
    start of the action plan development process" (minimum requirement 3.1).

    Fails:
      timeline: {published: 2026-01-26}
      stages:
        - {id: development, starts: 2026-02-02}
    Passes:
      timeline: {published: 2026-01-12}
      stages:
        - {id: development, starts: 2026-02-02}
    """
    for item in _overdue(record, context, "cocreation-timeline-publish-by"):
        yield Finding(f"plans/{item.plan}/co-creation.yaml", f"the timeline was due by "
                      f"{item.date}, two weeks before development starts ({item.basis})",
                      ("timeline",))


@rule("C411", "forum-gap", family=F, severity=E, handbook="MR 1.1",
      subject="record", applies_from=Stage.CO_CREATION)
def forum_gap(record: Record, context: Any) -> Iterator[Finding]:
    """More than six months passed between two meetings of the forum.

    The multi-stakeholder forum "meets regularly (at least every six months)" (minimum
    requirement 1.1): record each meeting as forum/meetings/YYYY-MM-DD-slug.md with kind msf.
    The forum is a space for ongoing dialogue, so from the first co-creation the record shows
    (its first stage, or an earlier forum meeting about the plan) or delivery until today,
    during co-creation, implementation and between plans alike, no more than six months pass
    from one meeting to the next (`ogpctl deadlines` lists the day each next meeting is due).
    A meeting dated after today has not taken place and counts for nothing yet. Requirement
    1.1 on `ogpctl status` and the website's "Take part" page read the same answer. Fixed
    half-year windows would let almost a year pass between a meeting early in one and one
    late in the next.

    A gap a later meeting closed is history no change can undo: it stays reported, as a
    warning, so that it does not fail every later pull request; a forum that has not met
    for six months up to today is an error.

    Fails:
      # forum/meetings/2025-01-05-forum.md, then none until 2025-12-19 (kind: msf)
      # or none from the end of the last plan (2025-12-31) until today (2026-09-01)
    Passes:
      # a forum meeting (kind: msf) at most six months after the one before it
    """
    for first, last in _forum_gaps(record, context.today):
        if last == context.today:
            what = f"has not met since {first}"
        else:
            what = f"did not meet from {first} to {last}"
        yield Finding("forum/forum.yaml", f"the forum (kind: msf) {what}, more than six months: "
                      "it meets at least every six months, during co-creation, implementation "
                      "and between plans alike", line=1, column=1,
                      settled=last != context.today)


def _forum_gaps(record: Record, today: date) -> Iterator[tuple[date, date]]:
    """Gaps of more than six months between forum meetings, from the first co-creation
    stage (or delivery) in the record to today (`ogpctl.domain.forum`: the one answer the
    requirement 1.1 verdict, the forum's obligations and the website read)."""
    if any(not m.ok or (m.fields.get("kind") == "msf" and as_date(m.fields.get("date")) is None)
           for m in record.meetings):
        return      # a meeting whose date cannot be read: its own finding comes first
    found = record_cadence(record, today)
    if found is not None:
        yield from found.gaps


@rule("C412", "civil-society-meetings", family=F, severity=E,
      handbook="MR 5.1", subject="record", applies_from=Stage.IMPLEMENTATION)
def civil_society_meetings(record: Record, context: Any) -> Iterator[Finding]:
    """Fewer than two meetings presenting results to civil society in a year of implementation.

    The forum "holds at least two meetings every year with civil society to present
    results on the implementation of the action plan and collect comments" (minimum
    requirement 5.1). Mark such meetings presented-results: true. Each year from the
    delivery is judged on its own once it has ended; a last part of half a year or more is
    judged over the year ending with it, a shorter one joins the year before
    (`ogpctl.domain.obligations.cadence_windows`). A year that has ended short is history
    no change can undo: a warning, so that it does not fail every later pull request.

    Fails:
      # one meeting with presented-results: true in the first year of implementation
    Passes:
      # two meetings with presented-results: true in every year of implementation
    """
    for item in _overdue(record, context, "civil-society-meeting"):
        yield Finding("forum/forum.yaml", f"plan {item.plan}: {item.basis}", line=1, column=1,
                      settled=item.state == MISSED)


@rule("C413", "local-progress", family=F, severity=E, handbook="6.3.b", subject="record",
      applies_from=Stage.IMPLEMENTATION)
def local_progress(record: Record, context: Any) -> Iterator[Finding]:
    """A local commitment reported no progress in a quarter.

    Local commitments "are regularly monitored by the MSF, with progress reported at least
    every quarter" (6.3.b): add a dated progress update to a milestone of each local
    commitment every quarter. A quarter that has ended without one is history no change
    can undo: a warning, so that it does not fail every later pull request.

    Fails:
      kind: local
      # no progress update between 2026-12-24 and 2027-03-23
    Passes:
      kind: local
      # milestones[0].progress has an update dated 2027-02-15
    """
    for item in _overdue(record, context, "local-progress"):
        plan = next(p for p in record.plans if p.id == item.plan)
        for commitment in (c for c in plan.commitments if c.kind == "local"
                           and str(c.number) == item.subject):   # each its own quarters
            yield Finding(commitment.doc.path, f"no progress reported: {item.basis}",
                          ("milestones",) if commitment.milestones else (),
                          settled=item.state == MISSED)


@rule("C403", "commitment-period", family=F, severity=E, handbook="3.1", subject="commitment")
def commitment_period(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """A commitment's own period falls outside the plan period.

    A commitment is implemented within its action plan: from delivery to the end date
    two or four years after the due date (3.1).

    Fails:
      # plan 2026-2030 ends 2030-06-30
      period: {start: 2026-07-01, end: 2031-06-30}
    Passes:
      period: {start: 2026-07-01, end: 2030-06-30}
    """
    own = commitment.fields.get("period")
    plan = commitment.plan.period()
    if not isinstance(own, dict) or plan is None:
        return
    for key in ("start", "end"):
        day = as_date(own.get(key))
        if day is not None and not plan[0] <= day <= plan[1]:
            yield Finding(commitment.doc.path, f"the commitment's period {key} {day} is "
                          f"outside the plan period {plan[0]} to {plan[1]}", ("period", key))


@rule("C406", "challenge-count", family=F, severity=E, handbook="3.4", subject="plan")
def challenge_count(plan: Plan, context: Any) -> Iterator[Finding]:
    """A plan has more than two challenge commitments.

    "Any country with a live action plan can introduce up to two challenge commitments"
    (3.4).

    Fails:
      # three commitment files with kind: challenge
    Passes:
      # at most two commitment files with kind: challenge
    """
    challenges = [c for c in plan.commitments if c.kind == "challenge"]
    for extra in challenges[2:]:
        yield Finding(extra.doc.path, f"plan {plan.id} has {len(challenges)} challenge "
                      "commitments; at most two are allowed", ("kind",))


@rule("C407", "challenge-timing", family=F, severity=E, handbook="3.4", subject="commitment")
def challenge_timing(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """A challenge commitment was added outside a live plan.

    Challenge commitments "are meant for countries that have a live action plan"; they are
    introduced during implementation and "should only be included in live action plans
    that allow for the commitment to be completed by the end of that action plan" (3.4).

    That it can be completed by the plan's end is checked for every commitment: its period
    by C403, its milestones' completion dates by S242.

    Fails:
      kind: challenge
      challenge: {added: 2026-03-01}   # the plan was delivered 2026-06-24
    Passes:
      kind: challenge
      challenge: {added: 2027-03-01}
    """
    if commitment.kind != "challenge":
        return
    details = commitment.fields.get("challenge")
    added = as_date(details.get("added")) if isinstance(details, dict) else None
    delivered = as_date(commitment.plan.fields.get("delivered"))
    period = commitment.plan.period()
    if period is None:
        return
    if added is not None and (delivered is None or not delivered <= added <= period[1]):
        yield Finding(commitment.doc.path, f"the challenge commitment was added on {added}, "
                      f"outside the live plan ({delivered or 'not delivered'} to {period[1]})",
                      ("challenge", "added"))


@rule("C409", "challenge-reasoned-response", family=F, severity=E, handbook="3.4",
      subject="commitment", applies_from=Stage.IMPLEMENTATION)
def challenge_reasoned_response(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """A challenge commitment has no reasoned response or no note on its co-creation.

    A challenge commitment "can only be included in the plan if it has been worked on
    collaboratively and the government has provided a reasoned response", and the updated
    plan includes "a note that describes the process by which the commitment was included,
    and how co-creation with civil society was assured" (3.4).

    Fails:
      kind: challenge
      challenge: {added: 2027-03-01}
    Passes:
      kind: challenge
      challenge:
        added: 2027-03-01
        co-creation: Proposed by the forum's civil-society members; two workshops.
        reasoned-response: Accepted in the forum meeting of 2027-02-20.
    """
    if commitment.kind != "challenge":
        return
    details = commitment.fields.get("challenge")
    details = details if isinstance(details, dict) else {}
    for key, what in (("reasoned-response", "the government's reasoned response"),
                      ("co-creation", "how co-creation with civil society was assured")):
        if not has_text(details.get(key)):
            yield Finding(commitment.doc.path, f"the challenge commitment does not record "
                          f"{what} (challenge.{key})",
                          ("challenge",) if "challenge" in commitment.fields else ())


@rule("C414", "plan-dates", family=F, severity=W, handbook="3.1", subject="plan")
def plan_dates(plan: Plan, context: Any) -> Iterator[Finding]:
    """A date written in plan.yaml `dates` disagrees with the OGP calendar.

    `ogpctl new-plan` writes the plan's computed dates for readers; ogpctl always uses the
    calendar itself, so a hand-edited date there only misleads (2.2, 2.3, 3.1, 3.1.a).

    Fails:
      window: june
      due-year: 2026
      dates: {amendment-deadline: 2027-12-31}
    Passes:
      window: june
      due-year: 2026
      dates: {amendment-deadline: 2030-06-30}
    """
    written = plan.fields.get("dates")
    computed = plan.dates()
    if not isinstance(written, dict) or computed is None:
        return
    for key, value in written.items():
        expected = getattr(computed, key.replace("-", "_"), None)
        day = as_date(value)
        if day is not None and expected is not None and day != expected:
            yield Finding(plan.path, f"dates.{key} is {day}, but the OGP calendar gives "
                          f"{expected}", ("dates", key))


@rule("C415", "plan-status", family=F, severity=W, handbook="2, 3.1, 4", subject="plan")
def plan_status(plan: Plan, context: Any) -> Iterator[Finding]:
    """`status:` in plan.yaml disagrees with the stage the record and the calendar give.

    ogpctl derives a plan's stage from facts, as of today: no delivery recorded is
    co-creation (late once the window has closed), a delivery is implementation (a
    four-year plan may say refresh), and a delivered plan past its end date is closed. Every
    command uses that stage; `status:` is for readers, so it should say the same.
    `ogpctl tag-submission` records the delivery and moves `status:` on.

    Fails:
      status: co-creation
      delivered: 2026-06-24
    Passes:
      status: implementation
      delivered: 2026-06-24
    """
    word, delivered = plan.fields.get("status"), plan.fields.get("delivered")
    if plan.doc is None or plan.dates() is None or not isinstance(word, str) \
            or (delivered not in (None, "") and as_date(delivered) is None):
        return          # F101/F103/F104 report a status or date that cannot be read
    stage = plan_stage(plan, context.today)
    if stage.accepts(word):
        return
    yield Finding(plan.path, f"status: {word}, but {_stage_facts(stage)}: write "
                  f"status: {stage.status}", ("status",))


@rule("C417", "tagged-not-delivered", family=F, severity=E, handbook="3.1", subject="plan")
def tagged_not_delivered(plan: Plan, context: Any) -> Iterator[Finding]:
    """The plan carries a `submitted/<plan>` git tag but plan.yaml records no delivery.

    A plan's stage follows its `delivered:` date; `ogpctl tag-submission` writes the date
    and makes the tag together. A tag without the date (a tag made by hand, or the date
    removed later) leaves the plan looking undelivered: in co-creation, and late once its
    window closes. Write the tag's day, or the real delivery day, as `delivered:`.

    Fails:
      delivered:      # and the repository has the tag submitted/2026-2030
    Passes:
      delivered: 2026-06-24
    """
    if not plan.readable or plan.fields.get("delivered") not in (None, ""):
        return          # R001 and the like: what plan.yaml records is not known
    tagged = context.submission_tags().get(plan.id)
    if tagged is not None:
        yield Finding(plan.path, f"the tag submitted/{plan.id} was made on {tagged}, but "
                      f"plan.yaml records no delivery: write delivered: {tagged} (or the day "
                      "the plan was delivered)", ("delivered",) if "delivered" in plan.fields
                      else ())


def _stage_facts(stage: PlanStage) -> str:
    if stage.delivered is None:
        return (f"{stage.undelivered}, so the plan is still in co-creation"
                + (f" (its window closed on {stage.closes})" if stage.late else ""))
    if stage.status == "closed":
        return f"the plan delivered on {stage.delivered} has ended"
    word = "a refresh" if stage.status == "refresh" else "implementation"
    return f"the plan was delivered on {stage.delivered} and is in {word}"


def _refresh_span(plan: Plan) -> tuple[date, date] | None:
    """From the start of the refresh review (else six months before the two-year mark) to
    the refreshed plan's delivery; None until the refresh is delivered."""
    dates = plan.dates()
    refresh = plan.fields.get("refresh")
    if dates is None or dates.refresh_mark is None or not isinstance(refresh, dict):
        return None
    delivered = as_date(refresh.get("delivered"))
    start = as_date(refresh.get("review-starts")) or cal.add_months(dates.refresh_mark, -6)
    return (start, delivered) if delivered is not None and start <= delivered else None


def _dated_in(items: list[dict[str, Any]], key: str, span: tuple[date, date]) -> bool:
    return any((d := as_date(i.get(key))) is not None and span[0] <= d <= span[1]
               for i in items)


def _open_in(items: list[dict[str, Any]], span: tuple[date, date]) -> bool:
    for item in items:
        opens, closes = as_date(item.get("opens")), as_date(item.get("closes"))
        if opens and closes and opens <= span[1] and closes >= span[0]:
            return True
    return False


@rule("C416", "refresh-process", family=F, severity=W, handbook="2.3", subject="plan",
      applies_from=Stage.IMPLEMENTATION)
def refresh_process(plan: Plan, context: Any) -> Iterator[Finding]:
    """A delivered refresh shows no outreach, no opportunity to comment, or no list of
    changes.

    The refresh involves "Outreach" (the forum "will communicate the results of the review
    of progress" and "The public should be given opportunities to comment and provide
    feedback"), feedback with the reasoned response (every contribution answered: M707),
    and "Delivery": the refreshed plan "should contain details about the refresh period and
    specify all changes and additions made" (2.3). Between the start of the review
    (refresh.review-starts, else six months before the two-year mark) and refresh.delivered,
    record an outreach activity and an input mechanism in co-creation.yaml, and the changes
    as an amendment in plan.yaml with its date and summary.

    Fails:
      length: 4
      refresh: {review-starts: 2028-04-01, delivered: 2028-11-30}
    Passes:
      refresh: {review-starts: 2028-04-01, delivered: 2028-11-30}
      amendments:
        - {date: 2028-11-30, summary: {en: Commitment 3 gains two milestones; commitment 7 added.}}
      # co-creation.yaml: an outreach activity of 2028-05-10 and a survey open 2028-05-10..06-30
    """
    span = _refresh_span(plan)
    if span is None or plan.doc is None:
        return
    cocreation = plan.co_creation
    changes = [a for a in (plan.fields.get("amendments") or []) if isinstance(a, dict)
               and has_text(a.get("summary"))] if isinstance(plan.fields.get("amendments"),
                                                              list) else []
    missing = [what for what, ok in (
        ("no outreach activity communicating the review (co-creation.yaml outreach)",
         _dated_in(listed(cocreation, "outreach"), "date", span)),
        ("no opportunity to comment (co-creation.yaml input-mechanisms)",
         _open_in(listed(cocreation, "input-mechanisms"), span)),
        ("no list of the changes made (an amendment in plan.yaml with a summary)",
         _dated_in(changes, "date", span)))
        if not ok]
    for what in missing:
        yield Finding(plan.path, f"the refresh of {span[0]} to {span[1]} has {what}",
                      ("refresh",))

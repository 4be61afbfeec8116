"""The self-assessment report (handbook 3.3), ratings rolled up from milestones
(`ogpctl.domain.rollup`) unless self-assessment.yaml gives another colour with a reason, and the
plan's totals (commitments complete, milestones completed)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ogpctl.base.errors import UsageError
from ogpctl.base.i18n import Language
from ogpctl.domain.past import PlanAsOf, plan_as_of
from ogpctl.domain.rollup import (
    NOT_YET,
    WITHDRAWN,
    Rollup,
    Totals,
    rollup,
    totals_of,
)
from ogpctl.record.model import Commitment, Plan, as_date, listed, report_day
from ogpctl.record.model import Document as RecordDocument
from ogpctl.render.amendments import withdrawal_sentence
from ogpctl.render.blocks import Block, Cell, Heading, ListBlock, Paragraph, Strong, Table, Text
from ogpctl.render.commitment import commitment_name
from ogpctl.render.context import RenderContext
from ogpctl.render.evidence import evidence_inlines


def colour_label(c: RenderContext, colour: str) -> str:
    """A colour as the handbook's legend says it, word for word (3.3, "Assessment of the
    Commitments")."""
    return {"green": c.lang._("Green: Completed or substantial progress"),
            "amber": c.lang._("Amber: Limited progress"),
            "red": c.lang._("Red: Not started/With severe delays"),
            NOT_YET: c.lang._("Not rated before implementation"),
            WITHDRAWN: c.lang._("Withdrawn: not rated")}.get(colour, colour)


def colour_said(c: RenderContext, result: Rollup, commitment: Commitment) -> str:
    """The colour a commitment is published with, and, for red on a commitment none of
    whose milestones is due yet, that nothing is due: the handbook's red is "Not
    started/With severe delays", and a reader must tell the first from the second."""
    label = colour_label(c, result.colour)
    if result.colour != "red" or result.rated or result.delayed \
            or result.completion not in ("not-started", "no-evidence") \
            or any(_due_by(milestone.fields, c.today) for milestone in commitment.milestones):
        return label
    return c.lang._("{colour} (no milestone due yet)", colour=label)


def _due_by(fields: dict[str, Any], today: date) -> bool:
    """A milestone (not withdrawn) due on or before `today`, or with no due date given."""
    due = as_date(fields.get("due"))
    return fields.get("status") != "withdrawn" and (due is None or due <= today)


def report_of(plan: Plan, prepared: str | None, today: date) -> RecordDocument | None:
    """The report a self-assessment document renders: the one prepared on `prepared`
    (YYYY-MM-DD); by default the newest prepared on or before today (else the newest).
    A plan keeps each report it published (a yearly one besides the end-of-term one, 3.3)."""
    if prepared is None:
        return current_report(plan, today)
    for doc in plan.self_assessments:
        if (day := report_day(doc)) is not None and day.isoformat() == prepared:
            return doc
    days = ", ".join(str(day) for doc in plan.self_assessments
                     if (day := report_day(doc)) is not None) or "none"
    raise UsageError(f"plan {plan.id} has no self-assessment prepared on {prepared} "
                     f"(prepared: {days})")


def current_report(plan: Plan, today: date) -> RecordDocument | None:
    """The newest report prepared on or before `today`, else the newest; None without one."""
    due = [doc for doc in plan.self_assessments if (report_day(doc) or date.min) <= today]
    found = due or plan.self_assessments
    return found[-1] if found else None


def report_title(lang: Language, doc: RecordDocument | None) -> str:
    """The report's title, which says its kind: a yearly report with the day it was
    prepared (a plan may have several), the end-of-term report (3.3)."""
    return kind_title(lang, doc.fields.get("kind") if doc is not None else None,
                      report_day(doc) if doc is not None else None)


def kind_title(lang: Language, kind: Any, day: date | None) -> str:
    """`report_title` from the report's `kind` and day."""
    if kind == "yearly" and day is not None:
        return lang._("Yearly self-assessment report, prepared {date}", date=lang.date(day))
    if kind == "yearly":
        return lang._("Yearly self-assessment report")
    if kind == "end-of-term":
        return lang._("End-of-term self-assessment report")
    return lang._("Self-assessment report")


def completion_label(c: RenderContext, completion: str) -> str:
    return {"complete": c.lang._("complete"), "substantial": c.lang._("substantial"),
            "limited": c.lang._("limited"), "not-started": c.lang._("not started"),
            "no-evidence": c.lang._("no milestones"),
            WITHDRAWN: c.lang._("withdrawn")}.get(completion, completion)


def totals_sentence(lang: Language, figures: Totals) -> str:
    """"14 of 34 commitments complete (2 withdrawn); 98 of 153 milestones completed (9
    withdrawn).", wherever a plan's commitments are listed (status, the dashboard, the
    self-assessment): withdrawn commitments and milestones are counted apart."""
    commitments = lang.n_("{complete} of {count} commitment complete",
                          "{complete} of {count} commitments complete", figures.commitments,
                          complete=lang.number(figures.complete))
    milestones = lang.n_("{completed} of {count} milestone completed",
                         "{completed} of {count} milestones completed", figures.milestones,
                         completed=lang.number(figures.completed))
    return lang._("{commitments}{withdrawn}; {milestones}{dropped}.",
                  commitments=commitments, milestones=milestones,
                  withdrawn=withdrawn_aside(lang, figures.withdrawn),
                  dropped=withdrawn_aside(lang, figures.dropped))


def withdrawn_aside(lang: Language, count: int) -> str:
    """" (2 withdrawn)" after a count that leaves them out; nothing when none is."""
    return lang.n_(" ({count} withdrawn)", " ({count} withdrawn)", count) if count else ""



def assessments(doc: RecordDocument | None) -> dict[str, dict]:
    return {item["commitment"]: item for item in listed(doc, "commitments")
            if isinstance(item.get("commitment"), str)}


def assessed(c: RenderContext, plan: Plan, doc: RecordDocument | None, prepared: date | None
             ) -> PlanAsOf:
    """The commitments and milestones the report speaks of: the plan as it was on its
    `prepared` date (`ogpctl.domain.past`), before the amendments dated after it; a
    commitment added since stays when the report assesses it by name."""
    if prepared is None:
        return PlanAsOf(c.today, tuple(plan.commitments))
    return plan_as_of(c.record, plan, prepared, frozenset(assessments(doc)))


def coverage_note(c: RenderContext, as_of: PlanAsOf) -> list[Block]:
    """What the report leaves out of today's plan, or that it cannot tell."""
    days = ", ".join(c.lang.date(day) for day in as_of.later)
    if not as_of.known:
        return [Paragraph((Text(c.lang._(
            "The plan was amended after the report was prepared ({dates}), and the record's "
            "history does not show it as it was before: its commitments and milestones are "
            "listed as they are today, which may not be those the report knew.",
            dates=days)),))]
    if not as_of.changed:
        return []
    return [Paragraph((Text(c.lang._(
        "The report describes the plan's commitments and milestones as they were when it "
        "was prepared: the changes of the amendments dated after it ({dates}) are not in it.",
        dates=days)),))]


def rating_cell(c: RenderContext, derived: Rollup, commitment: Commitment | None = None
                ) -> Cell:
    """The colour (the self-assessment's rating when it gives one: `ogpctl.domain.rollup`),
    the milestones' facts, and what the milestones alone give with the reason for a
    difference. The report prints its own rating even where the public pages set it aside
    (`Rollup.set_aside`)."""
    if derived.withdrawn:
        return (Paragraph((Strong((Text(colour_label(c, WITHDRAWN)),)),)),
                Paragraph((Text(c.lang.n_(
                    "Milestones: {count} withdrawn.", "Milestones: {count} withdrawn.",
                    derived.dropped)),)),
                *([Paragraph((Text(withdrawal_sentence(c, commitment)),))]
                  if commitment is not None else []))
    colour = derived.rating or derived.colour
    blocks: list[Block] = [Paragraph((Strong((Text(colour_label(c, colour)),)),))]
    # One form in English; other languages agree "completed" with the count.
    facts = c.lang.n_("Milestones: {completion}, {completed} of {count} completed "
                      "({evidenced} with evidence).", "Milestones: {completion}, {completed} "
                      "of {count} completed ({evidenced} with evidence).", derived.milestones,
                      completion=completion_label(c, derived.completion),
                      completed=c.lang.number(derived.completed),
                      evidenced=c.lang.number(derived.evidenced))
    blocks.append(Paragraph((Text(facts),)))
    if colour != derived.milestone_colour:
        reason = c.inline(derived.reason)
        note = c.lang._("The milestones alone give {colour}; reason for the difference:",
                        colour=colour_label(c, derived.milestone_colour))
        blocks.append(Paragraph((Text(note + " "), *(reason or (Text(c.lang._("none given.")),)))))
    return tuple(blocks)


def assessment_row(c: RenderContext, commitment: Commitment, given: dict, as_of) -> tuple:
    evidence = [evidence_inlines(c, item) for item in given.get("evidence") or []] \
        if isinstance(given.get("evidence"), list) else []
    evidence_cell: Cell = (ListBlock(tuple((Paragraph(e),) for e in evidence if e)),) \
        if any(evidence) else ()
    return ((Paragraph(commitment_name(c, commitment)),),
            rating_cell(c, rollup(commitment, as_of), commitment), evidence_cell,
            tuple(c.blocks(given.get("reasons"))), tuple(c.blocks(given.get("next-steps"))))


def self_assessment_blocks(c: RenderContext, plan: Plan, doc: RecordDocument | None
                           ) -> list[Block]:
    fields: dict[str, Any] = doc.fields if doc else {}
    prepared = as_date(fields.get("prepared"))
    as_of = prepared or c.today
    span = plan.period()
    header = [(c.lang._("Country"), c.country()),
              (c.lang._("Period covered by the action plan"),
               c.lang._("{start} to {end}", start=c.lang.date(span[0]),
                        end=c.lang.date(span[1])) if span else ""),
              (c.lang._("Date prepared"), c.lang.date(prepared))]
    blocks: list[Block] = [Table((), tuple(((Paragraph((Text(k),)),), (Paragraph((Text(v),)),))
                                           for k, v in header), fields=True)]
    missing = c.lang._("Not stated.")
    for title, key in ((c.lang._("Introduction"), "introduction"),
                       (c.lang._("Action plan process"), "process"),
                       (c.lang._("Use of IRM recommendations"), "irm-recommendations")):
        blocks += [Heading(2, (Text(title),)), *c.blocks_or(fields.get(key), missing, 3)]
    blocks.append(Heading(2, (Text(c.lang._("Assessment of the commitments")),)))
    blocks.append(Paragraph((Text(c.lang._(
        "Colours follow the self-assessment template; each is derived from the milestones' "
        "status as of {date} unless the self-assessment gives another with its reason.",
        date=c.lang.date(as_of))),)))
    as_then = assessed(c, plan, doc, prepared)
    commitments = list(as_then.commitments)
    blocks += coverage_note(c, as_then)
    blocks.append(Paragraph((Strong((Text(totals_sentence(
        c.lang, totals_of(commitments, as_of))),)),)))
    given = assessments(doc)
    head = tuple((Paragraph((Text(label),)),) for label in (
        c.lang._("Commitment"), c.lang._("Assessment of progress"),
        c.lang._("Evidence supporting the assessment"), c.lang._("Reasons for the assessment"),
        c.lang._("Next steps")))
    rows = tuple(assessment_row(c, item, given.get(item.id, {}), as_of)
                 for item in commitments)
    blocks.append(Table(head, rows))
    for title, key in ((c.lang._("Lessons and insights"), "lessons"),
                       (c.lang._("Recommendations"), "recommendations")):
        blocks += [Heading(2, (Text(title),)), *c.blocks_or(fields.get(key), missing, 3)]
    return blocks

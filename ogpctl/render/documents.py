"""Which documents there are, and building one in one language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ogpctl.base.errors import UsageError
from ogpctl.base.i18n import Language
from ogpctl.record.model import Commitment, Plan, Record
from ogpctl.render.blocks import Document, text
from ogpctl.render.context import RenderContext
from ogpctl.render.formats import DOCUMENTS


@dataclass(frozen=True)
class Request:
    document: str
    plan: str
    lang: str
    commitment: int | None = None
    since: str | None = None        # amendment-note: the revision changes are counted from
    #: self-assessment: the day the report was prepared (YYYY-MM-DD); None the current one
    prepared: str | None = None


def find_commitment(plan: Plan, number: int | None) -> Commitment:
    if number is None:
        raise UsageError("the commitment document needs --commitment N")
    for commitment in plan.commitments:
        if commitment.number == number:
            return commitment
    numbers = ", ".join(str(c.number) for c in plan.commitments) or "none"
    raise UsageError(f"plan {plan.id} has no commitment {number} (commitments: {numbers})")


def build(record: Record, request: Request, today: date) -> Document:
    """The document tree of `request`; raises UsageError for an unknown plan, document or
    commitment."""
    from ogpctl.render.action_plan import action_plan_blocks, subtitle
    from ogpctl.render.amendment_note import amendment_note
    from ogpctl.render.commitment import commitment_blocks, commitment_name
    from ogpctl.render.reasoned_response import reasoned_response_blocks
    from ogpctl.render.self_assessment import report_of, report_title, self_assessment_blocks

    if request.document not in DOCUMENTS:
        raise UsageError(f"unknown document {request.document!r}; choose one of "
                         f"{', '.join(DOCUMENTS)}")
    if request.prepared is not None and request.document != "self-assessment":
        raise UsageError("--prepared chooses a self-assessment report: give it with the "
                         "self-assessment document only")
    plan = record.plan_named(request.plan)
    lang = Language(request.lang)
    c = RenderContext(record, lang, today)
    doc = Document(title=c.plan_heading(plan), lang=lang.code, rtl=lang.rtl,
                   subtitle=text(subtitle(c, plan)))
    if request.document == "action-plan":
        doc.blocks = action_plan_blocks(c, plan)
    elif request.document == "commitment":
        commitment = find_commitment(plan, request.commitment)
        doc.title = commitment_name(c, commitment)
        doc.subtitle = c.plan_heading(plan)
        doc.blocks = commitment_blocks(c, commitment, level=1)[1:]
    elif request.document == "self-assessment":
        report = report_of(plan, request.prepared, today)
        doc.title = text(report_title(lang, report))
        doc.subtitle = c.plan_heading(plan)
        doc.blocks = self_assessment_blocks(c, plan, report)
    elif request.document == "reasoned-response":
        doc.title = text(lang._("Reasoned response to contributions"))
        doc.subtitle = c.plan_heading(plan)
        doc.blocks = reasoned_response_blocks(c, plan)
    else:
        doc.title = text(lang._("Amendment note"))
        doc.subtitle = c.plan_heading(plan)
        doc.blocks = amendment_note(c, plan, request.since)
    return doc


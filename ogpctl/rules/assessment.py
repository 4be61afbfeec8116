"""Self-assessment (handbook 3.3): every commitment rated green, amber or red with evidence,
reasons and next steps; a colour other than the milestones give needs its reason."""

from __future__ import annotations

from typing import Any, Iterator

from ogpctl.diagnostics import Severity
from ogpctl.record.model import Plan, Stage, as_date, entries
from ogpctl.record.text import has_text
from ogpctl.rollup import rollup
from ogpctl.rules import Finding, rule

W = Severity.WARNING
F = "assessment"


def _entries(plan: Plan) -> list[tuple[int, dict]]:
    return entries(plan.self_assessment, "commitments")


@rule("A501", "rating-without-reason", family=F, severity=W, handbook="3.3", subject="plan")
def rating_without_reason(plan: Plan, context: Any) -> Iterator[Finding]:
    """A self-assessment colour differs from the one the milestones give, with no reason.

    The colour of a commitment follows its milestones (green: completed or substantial
    progress; amber: limited progress; red: not started or severely delayed; the rule is
    in docs/documents.md). Another colour is allowed when `rating-reason` says why (3.3:
    "briefly give reasons to support the assessment").

    Fails:
      # every milestone of open-contracting completed
      commitments:
        - {commitment: open-contracting, rating: amber}
    Passes:
      commitments:
        - commitment: open-contracting
          rating: amber
          rating-reason: {en: The portal is complete but its data is not yet used.}
    """
    doc = plan.self_assessment
    as_of = as_date(doc.fields.get("prepared")) if doc else None
    by_id = {c.id: c for c in plan.commitments}
    for index, item in _entries(plan):
        commitment = by_id.get(item.get("commitment"))
        rating = item.get("rating")
        if commitment is None or rating not in ("green", "amber", "red"):
            continue
        derived = rollup(commitment, as_of or context.today)
        if rating != derived.colour and not has_text(item.get("rating-reason")):
            yield Finding(doc.path, f"commitment {commitment.number} is rated {rating} but its "
                          f"milestones give {derived.colour} ({derived.completion}); say why "
                          "in rating-reason", ("commitments", index, "rating"))


@rule("A502", "assessment-incomplete", family=F, severity=W, handbook="3.3", subject="plan")
def assessment_incomplete(plan: Plan, context: Any) -> Iterator[Finding]:
    """A commitment is missing from the self-assessment, or its assessment lacks evidence,
    reasons or next steps.

    The self-assessment table gives, for each commitment, the assessment of progress, "the
    evidence supporting the assessment, ... reasons to support the assessment, and ...
    next steps" (3.3).

    Fails:
      commitments:
        - {commitment: open-contracting, rating: green}
    Passes:
      commitments:
        - commitment: open-contracting
          rating: green
          evidence: [evidence/01-open-contracting/portal-launch-report.md]
          reasons: {en: All four milestones were completed.}
          next-steps: {en: Extend publication to contract execution.}
    """
    doc = plan.self_assessment
    if doc is None:
        return
    entries = {item.get("commitment"): (index, item) for index, item in _entries(plan)}
    for commitment in plan.commitments:
        if commitment.id not in entries:
            yield Finding(doc.path, f"commitment {commitment.number} ({commitment.id}) has no "
                          "assessment", ("commitments",))
            continue
        index, item = entries[commitment.id]
        missing = [name for name in ("evidence", "reasons", "next-steps")
                   if not (item.get(name) if name == "evidence" else has_text(item.get(name)))]
        if missing:
            yield Finding(doc.path, f"the assessment of commitment {commitment.number} has no "
                          f"{', '.join(missing)}", ("commitments", index))

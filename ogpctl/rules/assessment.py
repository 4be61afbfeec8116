"""Self-assessment (handbook 3.3): every commitment rated green, amber or red with evidence,
reasons and next steps; a colour other than the milestones give needs its reason."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ogpctl.base.diagnostics import Severity
from ogpctl.domain.rollup import is_withdrawn, reckoning, rollup
from ogpctl.record.model import Plan, Stage, as_date, as_word, entries
from ogpctl.record.text import has_text
from ogpctl.rules import Finding, rule

W = Severity.WARNING
F = "assessment"


def _entries(plan: Plan) -> list[tuple[int, dict[str, Any]]]:
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
    by_id = {c.id: c for c in plan.commitment_files}
    for doc in plan.self_assessments:      # every report the plan publishes (3.3)
        clock = reckoning(plan, as_date(doc.fields.get("prepared")) or context.today)
        for index, item in entries(doc, "commitments"):
            commitment = by_id.get(as_word(item.get("commitment")) or "")
            rating = item.get("rating")
            if commitment is None or rating not in ("green", "amber", "red"):
                continue
            derived = rollup(commitment, clock)
            if derived.withdrawn:      # withdrawn: not rated (ogpctl.domain.rollup)
                continue
            if rating != derived.milestone_colour and not has_text(item.get("rating-reason")):
                yield Finding(doc.path, f"commitment {commitment.number} is rated {rating} but "
                              f"its milestones give {derived.milestone_colour} "
                              f"({derived.completion}); say why in rating-reason",
                              ("commitments", index, "rating"))


@rule("A502", "assessment-incomplete", family=F, severity=W, handbook="3.3", subject="plan")
def assessment_incomplete(plan: Plan, context: Any) -> Iterator[Finding]:
    """A commitment is missing from the self-assessment, or its assessment lacks evidence,
    reasons or next steps.

    The self-assessment table gives, for each commitment, the assessment of progress, "the
    evidence supporting the assessment, ... reasons to support the assessment, and ...
    next steps" (3.3). A commitment whose every milestone is withdrawn (by an amendment)
    is no longer in the plan the IRM's results report assesses (2.2) and needs no entry.

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
    entries = {as_word(item.get("commitment")): (index, item) for index, item in _entries(plan)}
    for commitment in plan.commitment_files:
        if commitment.id not in entries and is_withdrawn(commitment):
            continue          # withdrawn by an amendment: no longer in the plan to assess
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


@rule("A503", "no-self-assessment", family=F, severity=W, handbook="3.3, implementation guidance",
      subject="plan", applies_from=Stage.END_OF_TERM)
def no_self_assessment(plan: Plan, context: Any) -> Iterator[Finding]:
    """A closed plan has no self-assessment.

    "It is only expected from countries to develop one self-assessment report at the end of
    the implementation of the action plan" (3.3), and the implementation guidance says
    "Participating governments are encouraged to produce an End-of-Term Self-Assessment
    Report". Expected and encouraged, so a warning: write
    plans/<plan>/self-assessment.yaml (`ogpctl render self-assessment` makes the report).

    Fails:
      # plans/2023-2025/plan.yaml: status: closed; no self-assessment.yaml
    Passes:
      # plans/2023-2025/self-assessment.yaml with kind: end-of-term
    """
    if plan.doc is not None and plan.self_assessment is None:
        yield Finding(plan.path, f"plan {plan.id} is closed but has no self-assessment "
                      f"({plan.folder}/self-assessment.yaml)", ("status",))


#: The self-assessment template's own fields (3.3), besides the commitments table; country
#: and period come from ogp.yaml and plan.yaml.
TEMPLATE_FIELDS = (("prepared", "the date it was prepared"),
                   ("introduction", "the introduction"),
                   ("process", "the action plan process"),
                   ("irm-recommendations", "the use of the IRM recommendations"),
                   ("lessons", "the lessons and insights"),
                   ("recommendations", "the recommendations"))


def _irm_use_in_plan(plan: Plan) -> bool:
    """plan.yaml may give each IRM recommendation with its use instead."""
    items = plan.fields.get("irm-recommendations")
    return isinstance(items, list) and any(
        isinstance(i, dict) and has_text(i.get("use")) for i in items)


@rule("A504", "assessment-fields", family=F, severity=W, handbook="3.3", subject="plan")
def assessment_fields(plan: Plan, context: Any) -> Iterator[Finding]:
    """The self-assessment lacks one of its template's parts.

    Besides the commitments table, the template asks for the "Date Prepared", an
    introduction, the "Action Plan Process" (which should "expressly note compliance with
    the relevant standards in the OGP Participation and Co-Creation Standards"), the "Use of
    IRM Recommendations", "Lessons and Insights" and recommendations (3.3). The country and
    the period come from ogp.yaml and plan.yaml. The use of the IRM recommendations may be
    given in plan.yaml (irm-recommendations, each with its use) instead.

    Fails:
      prepared: 2026-02-20
      commitments: []
    Passes:
      prepared: 2026-02-20
      introduction: {en: Why open government matters here.}
      process: {en: The forum met 8 times; all minimum requirements were met.}
      irm-recommendations: {en: The five recommendations were used as follows.}
      lessons: {en: Leads must confirm their budget before a commitment is included.}
      recommendations: {en: Publish payments monthly.}
    """
    for doc in plan.self_assessments:      # every report the plan publishes (3.3)
        if not doc.ok or not isinstance(doc.data, dict):
            continue
        for name, what in TEMPLATE_FIELDS:
            value = doc.fields.get(name)
            written = as_date(value) is not None if name == "prepared" else has_text(value)
            if not written and not (name == "irm-recommendations" and _irm_use_in_plan(plan)):
                yield Finding(doc.path, f"the self-assessment does not give {what} ({name})",
                              (name,) if name in doc.fields else ())

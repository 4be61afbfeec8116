"""Minimum requirements (handbook 7; Participation and Co-Creation Standards 1.1-4.1), judged
from the record once a plan is delivered. A member that does not meet them "acts contrary
to process" (section 7), and the messages say so. Requirements with dated cadences have
calendar rules (C410 timeline notice, C411 forum gap, C412 results meetings); the
repository's contents and updates have the repository rules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ogpctl.base.diagnostics import Severity
from ogpctl.domain.requirements import NOT_MET, forum, input_mechanism, outreach
from ogpctl.domain.responses import contradiction
from ogpctl.record.model import Commitment, Plan, Record, Stage, as_date, entries, listed
from ogpctl.record.text import has_text, translations
from ogpctl.rules import Finding, rule

E, W = Severity.ERROR, Severity.WARNING
F = "requirements"
CONTRARY = "; without it the member acts contrary to process (handbook 7)"


def _delivered(plan: Plan, context: Any) -> bool:
    stage: Stage = context.plan_stage(plan)
    return stage >= Stage.SUBMISSION


@rule("M701", "forum-requirement", family=F, severity=E, handbook="MR 1.1, 1.1, 7",
      subject="plan", applies_from=Stage.SUBMISSION)
def forum_requirement(plan: Plan, context: Any) -> Iterator[Finding]:
    """The forum does not have both government and civil society, or its rules are not
    public.

    Minimum requirement 1.1: "A space for ongoing dialogue with participation from both
    government and civil society members, and other non-governmental representatives as
    appropriate that meets regularly (at least every six months) is established. Its basic
    rules on participation are public." How often it meets is C411's concern.

    Fails:
      # forum/forum.yaml with no rules-url, and only government members
    Passes:
      rules-url: https://ogp.example/forum/rules
      members: [{stakeholder: ministry-of-finance}, {stakeholder: transparency-network}]
    """
    record = context.record
    if record.forum is None:
        yield Finding("forum/forum.yaml", "the record has no forum (forum/forum.yaml)" +
                      CONTRARY, ())
        return
    if not record.forum.ok or not isinstance(record.forum.data, dict):
        return          # the file cannot be read: its reading finding says so
    facts = forum(record, plan, context.today).facts
    registry = record.stakeholders is not None and record.stakeholders.ok
    missing = [what for what, ok in (("no government members", facts["government"]),
                                     ("no civil-society members", facts["civil_society"]))
               if registry and not ok]
    if not facts["rules"]:
        missing.append("no address of its published rules (rules-url)")
    if missing:
        yield Finding(record.forum.path, f"the forum has {', '.join(missing)}" + CONTRARY,
                      ("rules-url",) if not facts["rules"] else ("members",))


def _ogp_field(record: Record, name: str, what: str) -> Iterator[Finding]:
    if record.ogp is None or not record.ogp.ok:
        return
    if not record.ogp.fields.get(name):
        yield Finding(record.ogp.path if record.ogp else "ogp.yaml",
                      f"ogp.yaml gives no {what} ({name}){CONTRARY}", (name,))


@rule("M702", "no-website", family=F, severity=E, handbook="MR 2.1, 5.1, 7",
      subject="record", applies_from=Stage.SUBMISSION)
def no_website(record: Record, context: Any) -> Iterator[Finding]:
    """The record gives no address of the national OGP website.

    Minimum requirement 2.1: "A public OGP website dedicated to the members' participation
    in OGP is maintained."

    Fails:
      # ogp.yaml without website
    Passes:
      website: https://ogp.example.gov
    """
    if any(_delivered(p, context) for p in record.plans):
        yield from _ogp_field(record, "website", "OGP website address")


@rule("M703", "no-repository", family=F, severity=E, handbook="MR 2.2, 5.2, 7",
      subject="record", applies_from=Stage.SUBMISSION)
def no_repository(record: Record, context: Any) -> Iterator[Finding]:
    """The record gives no address of the public document repository.

    Minimum requirement 2.2: "A publicly available document repository on the OGP online
    site which provides access to documents related to the OGP process ... is maintained
    and regularly updated at least twice a year." (The repository rules P601-P603 judge its
    contents and its updates.)

    Fails:
      # ogp.yaml without repository
    Passes:
      repository: https://ogp.example.gov/repository
    """
    if any(_delivered(p, context) for p in record.plans):
        yield from _ogp_field(record, "repository", "document repository address")


@rule("M705", "no-outreach", family=F, severity=E, handbook="MR 3.2, 2.1.b, 7",
      subject="plan", applies_from=Stage.SUBMISSION)
def no_outreach(plan: Plan, context: Any) -> Iterator[Finding]:
    """No outreach activity is recorded for the plan's co-creation.

    Minimum requirement 3.2: the forum (or the government) "conducts outreach activities
    with stakeholders to raise awareness of OGP and opportunities to get involved in the
    development of the action plan".

    Fails:
      outreach: []
    Passes:
      outreach:
        - {date: 2026-01-20, title: {en: Information webinar}, kind: online}
    """
    if _readable(plan.co_creation) and outreach(plan).state == NOT_MET:
        yield Finding(_cocreation(plan), "no outreach activity is recorded (outreach)" +
                      CONTRARY, ("outreach",))


@rule("M706", "no-input-mechanism", family=F, severity=E, handbook="MR 3.3, 2.1.b, 7",
      subject="plan", applies_from=Stage.SUBMISSION)
def no_input_mechanism(plan: Plan, context: Any) -> Iterator[Finding]:
    """No mechanism to gather inputs, with the dates it was open, is recorded.

    Minimum requirement 3.3: the forum (or the government) "develops a mechanism to gather
    inputs from a range of stakeholders during an appropriate period of time".

    Fails:
      input-mechanisms: [{channel: survey}]
    Passes:
      input-mechanisms:
        - {channel: survey, opens: 2026-01-19, closes: 2026-03-13}
    """
    if _readable(plan.co_creation) and input_mechanism(plan).state == NOT_MET:
        yield Finding(_cocreation(plan), "no input mechanism with its opening and closing "
                      "dates is recorded (input-mechanisms)" + CONTRARY, ("input-mechanisms",))


def _readable(doc: Any) -> bool:
    """Judged only from a file that could be read (a missing file counts as empty)."""
    return doc is None or (doc.ok and isinstance(doc.data, dict))


def _cocreation(plan: Plan) -> str:
    return plan.co_creation.path if plan.co_creation else f"{plan.folder}/co-creation.yaml"


@rule("M707", "no-reasoned-response", family=F, severity=W, handbook="MR 4.1, 2.1.d, 7",
      subject="plan", error_from=Stage.SUBMISSION)
def no_reasoned_response(plan: Plan, context: Any) -> Iterator[Finding]:
    """A contribution has no decision or no reasoned response.

    Minimum requirement 4.1: "The MSF where established, or the government where there is
    no MSF, documents and reports back or publishes written feedback to stakeholders on how
    their contributions were considered during the development of the action plan."
    Every input gets a decision and a written response before the plan is delivered; a
    rejection says why. A warning during co-creation, an error from delivery.

    Fails:
      - {id: c1, summary: {en: Open budgets}, decision: pending}
    Passes:
      - id: c1
        summary: {en: Open budgets}
        decision: reject
        response: {en: Outside the executive's remit; referred to parliament.}
    """
    doc = plan.contributions
    if doc is None or not doc.ok:
        return
    for index, item in entries(doc, "contributions"):
        name = item.get("id") or f"#{index + 1}"
        if item.get("decision") in (None, "pending"):
            yield Finding(doc.path, f"contribution {name} has no decision yet", (
                "contributions", index, "decision"))
        elif not has_text(item.get("response")):
            why = "why it was not included" if item["decision"] == "reject" else \
                "how it was considered"
            yield Finding(doc.path, f"contribution {name} has no reasoned response saying "
                          f"{why}", ("contributions", index, "decision"))


@rule("M708", "contribution-feeds-nothing", family=F, severity=W, handbook="2.1.d",
      subject="plan")
def contribution_feeds_nothing(plan: Plan, context: Any) -> Iterator[Finding]:
    """An included or amended contribution names no commitment it fed.

    A reasoned response says how each input was taken into account (2.1.d); for an input
    that was included, that is the commitment it became part of.

    Fails:
      - {id: c1, summary: {en: Open budgets}, decision: include, response: {en: Included.}}
    Passes:
      - id: c1
        summary: {en: Open budgets}
        decision: include
        response: {en: Included as commitment 3.}
        commitments: [open-budgets]
    """
    doc = plan.contributions
    if doc is None:
        return
    for index, item in entries(doc, "contributions"):
        if item.get("decision") in ("include", "amend") and not item.get("commitments"):
            yield Finding(doc.path, f"contribution {item.get('id') or index + 1} was "
                          f"{'included' if item['decision'] == 'include' else 'amended'} but "
                          "names no commitment it fed (commitments)",
                          ("contributions", index, "decision"))


@rule("M713", "rejected-contribution-fed-commitments", family=F, severity=W, handbook="2.1.d",
      subject="plan")
def rejected_contribution_fed_commitments(plan: Plan, context: Any) -> Iterator[Finding]:
    """A contribution not included names commitments it fed.

    Handbook 2.1.d: "Rejection - suggestions or comments that are not considered in
    drafting or finalizing commitments", while the reasoned response says "whether the
    input was included/not included and why". An input whose decision is reject cannot
    also have fed a commitment: one of the two is wrong, and the published reasoned
    response would say both. The reasoned response does not list commitments for an input
    not included; make the decision include or amend, or take the commitments out.

    Fails:
      - id: c1
        summary: {en: Open budgets}
        decision: reject
        response: {en: Not included; outside the executive's remit.}
        commitments: [open-budgets]
    Passes:
      - id: c1
        summary: {en: Open budgets}
        decision: include
        response: {en: Included as commitment 3.}
        commitments: [open-budgets]
    """
    doc = plan.contributions
    if doc is None:
        return
    for index, item in entries(doc, "contributions"):
        fed = item.get("commitments")
        if item.get("decision") == "reject" and isinstance(fed, list) and fed:
            yield Finding(doc.path, f"contribution {item.get('id') or index + 1} was not "
                          f"included (decision: reject) but names {len(fed)} "
                          f"commitment{'s' if len(fed) > 1 else ''} it fed (commitments): "
                          "make the decision include or amend, or take the commitments out",
                          ("contributions", index, "commitments"))


@rule("M704", "no-participation-overview", family=F, severity=E, handbook="MR 3.1, 2.1.a, 7",
      subject="plan", applies_from=Stage.SUBMISSION)
def no_participation_overview(plan: Plan, context: Any) -> Iterator[Finding]:
    """The co-creation timeline has no published address or no stages.

    Minimum requirement 3.1: the forum "publishes on the OGP website/webpage the
    co-creation timeline and overview of the opportunities for stakeholders to participate".
    Give the address where it was published (timeline.url) and the timeline itself (stages,
    with their dates); the opportunities to participate are the outreach activities and
    input mechanisms (M705, M706), which `ogpctl site` publishes with the timeline. When it
    was published is C410's concern.

    Fails:
      timeline: {published: 2026-01-15}
      stages: []
    Passes:
      timeline: {published: 2026-01-15, url: https://ogp.example/co-creation}
      stages:
        - {id: development, starts: 2026-02-01, ends: 2026-05-31}
    """
    doc = plan.co_creation
    if not _readable(doc):
        return
    fields = doc.fields if doc else {}
    timeline = fields.get("timeline")
    timeline = timeline if isinstance(timeline, dict) else {}
    dated = [s for _, s in entries(doc, "stages") if as_date(s.get("starts"))]
    missing = [what for what, ok in (("address where it was published (timeline.url)",
                                      has_text(timeline.get("url"))),
                                     ("stages with their dates (stages)", dated)) if not ok]
    if missing:
        yield Finding(_cocreation(plan), "the co-creation timeline has no "
                      f"{' and no '.join(missing)}{CONTRARY}",
                      ("timeline",) if "timeline" in fields else ())


@rule("M709", "response-after-finalisation", family=F, severity=E, handbook="2.1.d",
      subject="plan", applies_from=Stage.SUBMISSION)
def response_after_finalisation(plan: Plan, context: Any) -> Iterator[Finding]:
    """A contribution received before the plan was delivered was answered after it.

    "Reasoned response must occur before the action plan is finalized" (2.1.d). A
    contribution received during co-creation has its response dated (responded) no later
    than the plan's delivery; contributions received later (to a refresh or a challenge
    commitment) are not judged against the delivery.

    Fails:
      # plan.yaml: delivered: 2026-06-24
      - {id: c1, received: 2026-02-19, decision: include, responded: 2026-07-10}
    Passes:
      - {id: c1, received: 2026-02-19, decision: include, responded: 2026-04-24}
    """
    delivered = as_date(plan.fields.get("delivered"))
    doc = plan.contributions
    if delivered is None or doc is None or not doc.ok:
        return
    for index, item in entries(doc, "contributions"):
        received, responded = as_date(item.get("received")), as_date(item.get("responded"))
        if received and responded and received <= delivered < responded:
            yield Finding(doc.path, f"contribution {item.get('id') or index + 1} was answered on "
                          f"{responded}, after the plan was delivered on {delivered}; the "
                          "reasoned response comes before the plan is finalised",
                          ("contributions", index, "responded"))


@rule("M712", "response-contradicts-decision", family=F, severity=W, handbook="2.1.d",
      subject="plan")
def response_contradicts_decision(plan: Plan, context: Any) -> Iterator[Finding]:
    """A reasoned response says the opposite of its decision.

    Handbook 2.1.d: a reasoned response "contains the reasoning behind decisions made on
    their contributions"; the decisions include "Inclusion - suggestions or comments that
    are considered in drafting or finalizing commitments" and "Rejection - suggestions or
    comments that are not considered in drafting or finalizing commitments", and the
    response should include, as its fourth point, "whether the input was included/not
    included and why". A contribution whose decision is include but whose response says
    only that it was not included (or was rejected), or whose decision is reject but whose
    response says only that it was included, tells the public two things. The words are
    read in English, Spanish, French and Portuguese only (`ogpctl.domain.responses`), so a
    response in another language gets no finding; the finding quotes the words read, and
    is a warning: correct the decision or the response.
    An amend decision is not judged (its response rightly says both).

    Fails:
      - id: c1
        summary: {en: Open budgets}
        decision: include
        response: {en: Not included; outside the executive's remit.}
    Passes:
      - id: c1
        summary: {en: Open budgets}
        decision: reject
        response: {en: Not included; outside the executive's remit.}
    """
    doc = plan.contributions
    if doc is None or not doc.ok:
        return
    default = context.record.languages.default
    for index, item in entries(doc, "contributions"):
        response = item.get("response")
        for language, text in translations(response, default).items():
            found = contradiction(item.get("decision"), language, text)
            if found is None:
                continue
            words = ", ".join(f'"{w}"' for w in found.words)
            path = ("contributions", index, "response") + \
                ((language,) if isinstance(response, dict) else ())
            yield Finding(doc.path, f"contribution {item.get('id') or index + 1}: the "
                          f"reasoned response says {words} ({language}), but the decision is "
                          f"{item.get('decision')}; make the decision and the response agree",
                          path)


def _moving(plan: Plan) -> bool:
    """Whether any milestone of the plan shows progress: completed, in progress, or with a
    progress update."""
    return any(m.fields.get("status") in ("in-progress", "completed") or m.fields.get("progress")
               for c in plan.commitments for m in c.milestones)


@rule("M710", "no-progress", family=F, severity=W, handbook="7", subject="plan",
      applies_from=Stage.IMPLEMENTATION, error_from=Stage.END_OF_TERM)
def no_progress(plan: Plan, context: Any) -> Iterator[Finding]:
    """No commitment of the plan shows any progress, though milestones are due.

    A country acts contrary to process when "The government fails to make progress on the
    implementation of any of the commitments in the country's action plan as assessed by
    the IRM" (7). The IRM makes that finding; this rule flags the risk from the record once
    a milestone's due date has passed and no milestone is in progress or completed or has a
    progress update. A warning during implementation, while it can still be put right; an
    error once the plan is closed. Record the progress made (status, progress updates).

    Fails:
      # every milestone not-started, the first one due 2027-06-30; today 2027-09-01
    Passes:
      milestones:
        - {number: 1, due: 2027-06-30, status: in-progress}
    """
    if plan.doc is None or _moving(plan):   # first: most plans move at their first milestone
        return
    dues = [d for c in plan.commitments for m in c.milestones
            if (d := as_date(m.fields.get("due"))) is not None]
    if not dues or min(dues) >= context.today:
        return
    yield Finding(plan.path, f"no commitment of plan {plan.id} shows progress, though "
                  f"milestones were due from {min(dues)}: failing to make progress on any "
                  "commitment is a ground for acting contrary to process (handbook 7, as "
                  "assessed by the IRM)", ("status",) if "status" in plan.fields else ())


def _fed(plan: Plan) -> set[str]:
    """The commitments some contribution fed (contributions.yaml commitments)."""
    return {name for item in listed(plan.contributions, "contributions")
            for name in (item.get("commitments") or []) if isinstance(name, str)}


@rule("M711", "local-commitment-basis", family=F, severity=W, handbook="6.3.b",
      subject="commitment")
def local_commitment_basis(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """A local commitment shows no co-creation, or no national policy it derives from.

    National members "should ensure that: ... Commitments are co-created between
    government and civil society as part of the action plan development process" and that
    they "have a local scope, but derive from national policies or a nationally-led
    program" (6.3.b).
    The record shows co-creation by a contribution that fed the commitment
    (contributions.yaml, commitments) and the policy in local.national-policy. Whether the
    commitment is duplicated in an OGP Local action plan cannot be seen from the record
    (docs/rules.md lists it). Otherwise, the handbook suggests an additional initiative.

    Fails:
      kind: local
      local: {jurisdiction: Puerto Alegre}
    Passes:
      kind: local
      local:
        jurisdiction: Puerto Alegre
        national-policy: National Participatory Budgeting Programme (Decree 45 of 2024)
      # contributions.yaml: a contribution with commitments: [participatory-budgeting]
    """
    if commitment.kind != "local":
        return
    details = commitment.fields.get("local")
    details = details if isinstance(details, dict) else {}
    where = ("local",) if "local" in commitment.fields else ("kind",)
    if not has_text(details.get("national-policy")):
        yield Finding(commitment.doc.path, "the local commitment names no national policy or "
                      "program it derives from (local.national-policy)", where)
    if commitment.id not in _fed(commitment.plan):
        yield Finding(commitment.doc.path, f"no contribution in contributions.yaml fed the "
                      f"local commitment {commitment.id}: show how it was co-created with civil "
                      "society (a contribution with commitments: "
                      f"[{commitment.id}])", ("kind",) if "kind" in commitment.fields else ())

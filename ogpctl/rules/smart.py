"""SMART commitments (handbook 3.2.a) laid out as the commitment template (3.2.c)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ogpctl.base.diagnostics import Severity
from ogpctl.record.model import Commitment, Stage, as_date
from ogpctl.record.text import has_text, translations
from ogpctl.rules import Finding, rule
from ogpctl.rules.lexicon import is_vague

E, W = Severity.ERROR, Severity.WARNING
F = "smart"
SUBMISSION = Stage.SUBMISSION
PUBLIC_BODIES = {"government", "parliament", "judiciary", "local-government"}


def _missing(commitment: Commitment, path: tuple[str, ...], message: str) -> Iterator[Finding]:
    value: Any = commitment.fields
    for step in path:
        value = value.get(step) if isinstance(value, dict) else None
    if not has_text(value):
        yield Finding(commitment.doc.path, message, path)


@rule("S201", "specific-problem", family=F, severity=W,
      handbook="3.2.a", subject="commitment")
def specific_problem(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Specific: the commitment does not say what problem it addresses.

    A specific commitment "precisely describes the problem it is trying to solve" (3.2.a).
    Answer the template's first question under problem.what: who is affected, where, how,
    since when.

    Fails:
      problem: {}
    Passes:
      problem:
        what: Only 12% of public contracts are published, so citizens cannot follow spending.
    """
    yield from _missing(commitment, ("problem", "what"), "Specific: say what problem the "
                        "commitment addresses (problem.what)")


@rule("S202", "specific-causes", family=F, severity=W,
      handbook="3.2.c", subject="commitment")
def specific_causes(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Specific: the commitment does not state the causes of the problem.

    The template asks "What are the causes of the problem?" and to identify root causes,
    with evidence where possible (3.2.c). Write them under problem.causes.

    Fails:
      problem:
        what: Only 12% of public contracts are published.
    Passes:
      problem:
        what: Only 12% of public contracts are published.
        causes: Each agency publishes on its own site and no standard format is required.
    """
    yield from _missing(commitment, ("problem", "causes"), "Specific: state the causes of the "
                        "problem (problem.causes)")


@rule("S203", "specific-solution", family=F, severity=W,
      handbook="3.2.c", subject="commitment")
def specific_solution(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Specific: the commitment does not describe the proposed solution.

    "What solution are you proposing?" (3.2.c): write it under description.solution.

    Fails:
      description: {}
    Passes:
      description:
        solution: A single open contracting portal publishing every contract in OCDS.
    """
    yield from _missing(commitment, ("description", "solution"), "Specific: describe the "
                        "proposed solution (description.solution)")


@rule("S204", "specific-results", family=F, severity=W,
      handbook="3.2.c", subject="commitment")
def specific_results(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Specific: the commitment does not say what results it wants to achieve.

    "What results do we want to achieve by implementing this commitment?" (3.2.c): the
    outputs, and the changes in knowledge, behaviour, systems and practices.

    Fails:
      description:
        solution: A single open contracting portal.
    Passes:
      description:
        solution: A single open contracting portal.
        results: Every contract above the threshold is public within 30 days.
    """
    yield from _missing(commitment, ("description", "results"), "Specific: say what results "
                        "the commitment wants to achieve (description.results)")


@rule("S205", "specific-done-so-far", family=F, severity=W,
      handbook="3.2.c", subject="commitment")
def specific_done_so_far(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Specific: the commitment does not say what has been done so far.

    The template asks "What has been done so far to solve the problem?" and "What
    solutions were made available for this problem in previous years? How successful have
    they been?" (3.2.c). Write it under description.done-so-far; "Nothing yet" is an answer.

    Fails:
      description:
        solution: A single open contracting portal.
    Passes:
      description:
        done-so-far: Contract awards have been published in OCDS since 2024.
        solution: A single open contracting portal.
    """
    yield from _missing(commitment, ("description", "done-so-far"), "Specific: say what has "
                        "been done so far to solve the problem (description.done-so-far)")


@rule("S210", "measurable-milestones", family=F, severity=W,
      handbook="3.2.a", subject="commitment")
def measurable_milestones(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Measurable: the commitment has no milestones.

    "Where commitments have multiple sub-commitments, they are broken into clear,
    measurable milestones" (3.2.a); the template's planning table lists them (3.2.c).

    Fails:
      title: Open contracting
    Passes:
      title: Open contracting
      milestones:
        - number: 1
          output: Open contracting portal online with 2025 contracts in OCDS
          due: 2027-06-30
    """
    if not commitment.milestones:
        yield Finding(commitment.doc.path, "Measurable: list the milestones that lead to the "
                      "commitment's results", ("milestones",))


@rule("S211", "measurable-vague-output", family=F, severity=W, handbook="3.2.a",
      subject="commitment")
def measurable_vague_output(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Measurable: a milestone's expected output is vague.

    Outputs are "concrete, objectively-verifiable results that are direct products of
    activities" (3.2.c). An output that only promotes, strengthens, raises awareness,
    supports or improves (promover, fortalecer, sensibilizar, apoyar, mejorar) with nothing
    countable or verifiable cannot be checked. Name the product and how much of it: a
    report, a dataset, a law, a portal, a number of sessions or people.

    Fails:
      milestones:
        - number: 1
          output: Promote a culture of transparency in municipalities
    Passes:
      milestones:
        - number: 1
          output: Transparency portals online in 25 municipalities, each publishing budgets
    """
    default = context.record.languages.default
    for milestone in commitment.milestones:
        output = milestone.fields.get("output")
        for lang, text in sorted(translations(output, default).items()):
            if is_vague(text, lang):
                where = milestone.path + ("output",) + ((lang,) if isinstance(output, dict)
                                                        else ())
                yield Finding(commitment.doc.path, f"Measurable: the expected output of "
                              f"{milestone.label} is vague ({lang}); name something countable "
                              "or verifiable", where)


@rule("S212", "measurable-output", family=F, severity=W,
      handbook="3.2.c", subject="commitment")
def measurable_output(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Measurable: a milestone has no expected output.

    Each milestone states its expected output: "concrete, objectively-verifiable results
    that are direct products of activities conducted or implemented" (3.2.c).

    Fails:
      milestones:
        - number: 1
          title: Portal
    Passes:
      milestones:
        - number: 1
          title: Portal
          output: Open contracting portal publishing all contracts above 50,000
    """
    for milestone in commitment.milestones:
        if not has_text(milestone.fields.get("output")):
            yield Finding(commitment.doc.path, f"Measurable: give the expected output of "
                          f"{milestone.label}", milestone.path)


@rule("S220", "answerable-lead", family=F, severity=W,
      handbook="3.2.a", subject="commitment")
def answerable_lead(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Answerable: the commitment has no lead, or its lead is not a public body.

    "The commitment clearly specifies the main implementing agency" (3.2.a). The lead is a
    government, parliamentary, judicial or local-government body from stakeholders.yaml;
    civil society and other actors support it.

    Fails:
      lead: transparency-network   # a civil-society organisation
    Passes:
      lead: ministry-finance
    """
    lead = commitment.fields.get("lead")
    if not isinstance(lead, str) or not lead:
        yield Finding(commitment.doc.path, "Answerable: name the commitment lead (the main "
                      "implementing agency)", ("lead",) if "lead" in commitment.fields else ())
        return
    sector = context.record.stakeholder_sectors.get(lead)
    if sector and sector not in PUBLIC_BODIES:
        yield Finding(commitment.doc.path, f'Answerable: the lead "{lead}" is {sector}; the '
                      "lead should be the implementing public body, with others supporting",
                      ("lead",))


@rule("S221", "answerable-supporting", family=F, severity=Severity.INFO, handbook="3.2.a, 3.2.c",
      subject="commitment", applies_from=SUBMISSION)
def answerable_supporting(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Answerable: no supporting stakeholders are named.

    An answerable commitment "clearly specifies the main implementing agency; the
    coordinating or supporting agencies where relevant; and, if necessary, other civil
    society, multilateral, or private sector partners who have a role in implementing the
    commitment" (3.2.a). Supporting stakeholders are asked for only where relevant, so this
    is a note to confirm, not a warning: list them by sector in `supporting` if there are
    any.

    Fails:
      lead: ministry-finance
    Passes:
      lead: ministry-finance
      supporting:
        civil-society: [transparency-network]
    """
    supporting = commitment.fields.get("supporting")
    if not isinstance(supporting, dict) or not any(supporting.get(k) for k in
                                                   ("government", "civil-society", "other")):
        yield Finding(commitment.doc.path, "Answerable: no supporting stakeholders are "
                      "named; if agencies or partners support the lead, list them by sector "
                      "(government, civil-society, other)",
                      ("supporting",) if "supporting" in commitment.fields else ())


@rule("S222", "answerable-milestone-lead", family=F, severity=W,
      handbook="3.2.c", subject="commitment")
def answerable_milestone_lead(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Answerable: a milestone names no lead.

    The template's planning table gives each milestone its stakeholders, starting with
    "Lead:" (3.2.c): the organisation answerable for that milestone, by its id in
    stakeholders.yaml. It is often the commitment lead, but is written for every milestone.

    Fails:
      milestones:
        - {number: 1, output: Portal online, due: 2027-06-30}
    Passes:
      milestones:
        - {number: 1, output: Portal online, due: 2027-06-30, lead: procurement-agency}
    """
    for milestone in commitment.milestones:
        lead = milestone.fields.get("lead")
        if not isinstance(lead, str) or not lead:
            yield Finding(commitment.doc.path, f"Answerable: name the lead of "
                          f"{milestone.label} (lead)", milestone.path + (
                              ("lead",) if "lead" in milestone.fields else ()))


#: The sectors of stakeholders.yaml each list of `supporting:` holds (the template's columns,
#: 3.2.c: "Government", "Civil Society", "Other Actors (Parliament, Private Sector, etc)").
#: Parliaments, the judiciary and local governments are public bodies (a "coordinating or
#: supporting agency") as well as other actors: either list holds them.
SUPPORTING_SECTORS = {
    "government": frozenset(PUBLIC_BODIES),
    "civil-society": frozenset({"civil-society"}),
    "other": frozenset({"parliament", "judiciary", "local-government", "private-sector",
                        "academia", "international"}),
}
#: Every sector stakeholders.yaml knows: another value is the schema's finding (F103).
SECTORS = frozenset().union(*SUPPORTING_SECTORS.values())


@rule("S223", "answerable-supporting-sector", family=F, severity=W,
      handbook="3.2.a, 3.2.c", subject="commitment")
def answerable_supporting_sector(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Answerable: a supporting stakeholder is listed under a sector that is not its own.

    An answerable commitment "clearly specifies the main implementing agency; the
    coordinating or supporting agencies where relevant; and, if necessary, other civil
    society, multilateral, or private sector partners who have a role in implementing the
    commitment" (3.2.a), and the template lists them as "Supporting Stakeholders",
    "Government", "Civil Society", "Other Actors (Parliament, Private Sector, etc)" (3.2.c).
    A company listed as civil society tells readers that civil society supports the
    commitment when it does not: each stakeholder goes in the list of its sector in
    stakeholders.yaml (a parliament, the judiciary or a local government in `government`
    or `other`), for the commitment and for each milestone.

    Fails:
      supporting:
        civil-society: [chamber-of-commerce]   # sector: private-sector
    Passes:
      supporting:
        other: [chamber-of-commerce]
    """
    sectors = context.record.stakeholder_sectors
    owners = [((), commitment.fields), *((m.path, m.fields) for m in commitment.milestones)]
    for where, fields in owners:   # the `supporting:` lists themselves: no walk of the file
        for listed_in, index, value in _supporting(fields):
            sector = sectors.get(value) if isinstance(value, str) else None
            if sector not in SECTORS or sector in SUPPORTING_SECTORS[listed_in]:
                continue
            column = sector if sector in ("government", "civil-society") else "other"
            yield Finding(commitment.doc.path, f'Answerable: the supporting stakeholder '
                          f'"{value}" is listed under {listed_in} but stakeholders.yaml gives '
                          f"its sector as {sector}: list it under {column} (or correct its "
                          f"sector)", (*where, "supporting", listed_in, index))


def _supporting(fields: dict[str, Any]) -> Iterator[tuple[str, int, Any]]:
    """(the list, place, stakeholder id) of each entry of a `supporting:` mapping."""
    supporting = fields.get("supporting")
    if not isinstance(supporting, dict):
        return
    for listed_in in SUPPORTING_SECTORS:
        items = supporting.get(listed_in)
        for index, value in enumerate(items if isinstance(items, list) else ()):
            yield listed_in, index, value


@rule("S230", "relevant-values", family=F, severity=W,
      handbook="3.2.a", subject="commitment")
def relevant_values(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Relevant: the commitment names no OGP value.

    Each commitment "clearly advances one or more" of transparency, accountability,
    participation, and technology and innovation (3.2.a).

    Fails:
      title: Digital ID cards
    Passes:
      title: Open contracting
      values: [transparency, accountability]
    """
    if not commitment.fields.get("values"):
        yield Finding(commitment.doc.path, "Relevant: list the OGP values the commitment "
                      "advances (values)", ("values",) if "values" in commitment.fields else ())


@rule("S231", "relevant-explained", family=F, severity=W,
      handbook="3.2.a", subject="commitment")
def relevant_explained(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Relevant: the commitment does not explain how it advances its values.

    "For each commitment, the action plan should explain its relevance to one or more of
    the open government principles outlined above" (3.2.a); for e-government initiatives
    "action plans should explain how these initiatives advance government transparency,
    accountability, and/or public participation". A commitment that names no value at all
    is S230's finding, not this one's.

    Fails:
      values: [technology-innovation]
    Passes:
      values: [technology-innovation, participation]
      relevance: Citizens can report problems online and see the agency's public answer.
    """
    if commitment.fields.get("values"):
        yield from _missing(commitment, ("relevance",), "Relevant: explain how the "
                            "commitment advances the OGP values it names (relevance)")


@rule("S241", "timebound-date", family=F, severity=W, handbook="3.2.a",
      subject="commitment")
def timebound_date(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Time-bound: a milestone has no expected completion date.

    The commitment "clearly states the date when it will be completed, as well as dates
    for milestones" (3.2.a). Give each milestone a due date written YYYY-MM-DD.

    Fails:
      milestones:
        - number: 1
          output: Portal online
    Passes:
      milestones:
        - number: 1
          output: Portal online
          due: 2027-06-30
    """
    for milestone in commitment.milestones:
        if milestone.fields.get("due") in (None, ""):
            yield Finding(commitment.doc.path, f"Time-bound: give {milestone.label} an expected "
                          "completion date (due: YYYY-MM-DD)", milestone.path)


@rule("S242", "timebound-in-period", family=F, severity=E, handbook="3.2.a",
      subject="commitment")
def timebound_in_period(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Time-bound: a milestone is due outside the plan period.

    Milestones are completed within the action plan: from its delivery (or the opening of
    its delivery window) to its end date, two or four years after the due date (3.1);
    amendments too must keep milestones before the plan's end (implementation guidance).
    A commitment with its own period keeps its milestones inside that period.

    Fails:
      # plan 2026-2030 ends 2030-06-30
      milestones:
        - {number: 1, due: 2031-03-31}
    Passes:
      milestones:
        - {number: 1, due: 2029-03-31}
    """
    period = commitment.period()
    if period is None:
        return
    start, end = period
    for milestone in commitment.milestones:
        due = as_date(milestone.fields.get("due"))
        if due and not start <= due <= end:
            yield Finding(commitment.doc.path, f"Time-bound: {milestone.label} is due {due}, "
                          f"outside the period {start} to {end}", milestone.path + ("due",))


@rule("S250", "brief-description-length", family=F, severity=W,
      handbook="3.2.c", subject="commitment")
def brief_description_length(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """The brief description is missing or 200 characters or longer.

    The template asks to "describe what the commitment wants to do and would like to
    achieve in less than 200 characters" (3.2.c), in every language of the plan.

    Fails:
      brief-description: A very long paragraph... (over 200 characters)
    Passes:
      brief-description: Publish every public contract above 50,000 in open data by 2028.
    """
    value = commitment.fields.get("brief-description")
    texts = translations(value, context.record.languages.default)
    if not texts:
        yield Finding(commitment.doc.path, "give a brief description of the commitment (under "
                      "200 characters)", ("brief-description",)
                      if "brief-description" in commitment.fields else ())
    for lang, text in sorted(texts.items()):
        if len(text.strip()) >= 200:
            path = ("brief-description",) + ((lang,) if isinstance(value, dict) else ())
            yield Finding(commitment.doc.path, f"the brief description ({lang}) is "
                          f"{len(text.strip())} characters; keep it under 200", path)


from ogpctl.rules import entry  # noqa: E402

entry("S240", "timebound-not-a-date", family=F, severity=E, handbook="3.2.a", doc="""
    Time-bound: a milestone deadline is not a date.

    "Fall 2027", "Ongoing" or "2026-27" cannot be checked against the calendar; the
    template asks for an expected completion date (3.2.a, 3.2.c). Write the day the
    milestone will be complete as YYYY-MM-DD. (Reported from the commitment schema.)

    Fails:
      milestones:
        - {number: 1, due: Fall 2027}
    Passes:
      milestones:
        - {number: 1, due: 2027-11-30}
    """)

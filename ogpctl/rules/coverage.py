"""The requirement map: every requirement of the handbook (2022) and the implementation
guidance, in short, with the rules that check it or why no rule can (docs/rules.md).

A point of contact reads it to know what `ogpctl check` covers. Words are the handbook's in
short, not quotations; "MR x.y" is a minimum requirement (section 7). A requirement either
names rule codes, or says why it is not checked: most often because the record (files in
git) cannot show it, or because the tool itself produces what the handbook asks for."""

from __future__ import annotations

from typing import NamedTuple


class Requirement(NamedTuple):
    section: str
    words: str
    codes: tuple[str, ...] = ()
    unchecked: str = ""        # why no rule checks it (empty when codes are given)


R = Requirement
RECORD_CANNOT = "the record cannot show it"

REQUIREMENTS: tuple[Requirement, ...] = (
    R("1", "a lead ministry or agency and a working-level point of contact are appointed",
      ("F101", "F105", "F110")),
    R("1.1.a", "the forum's rules on meeting frequency, membership and decisions are "
      "published", ("M701",)),
    R("1.1.b", "the forum is balanced and includes under-represented groups", (),
      f"{RECORD_CANNOT}: balance and inclusion are judgements on who the members are; M701 "
      "checks that both government and civil society sit in the forum"),
    R("1.1.c", "the forum has a legal or administrative basis", (),
      "guidance (\"it is important\"), not a requirement; forum.yaml records the basis and "
      "the website shows it"),
    R("MR 1.1", "a forum of government and civil society whose basic rules are public",
      ("M701",)),
    R("MR 1.1", "the forum meets at least every six months: in implementation, in "
      "co-creation and between plans", ("C411",)),
    R("2.1.a", "a co-creation plan answers why, who, what, how, where and when", (),
      "guidance (\"should be able to answer\"); co-creation.yaml holds the answers and L305 "
      "checks their languages, but whether an answer is adequate is a judgement"),
    R("2.1.a", "advance notice of meetings and events is given to stakeholders", (),
      f"{RECORD_CANNOT}: when invitations were sent is not recorded"),
    R("MR 2.1", "a public OGP website dedicated to the member's participation is maintained",
      ("M702",)),
    R("MR 3.1", "the co-creation timeline is published at least two weeks before development "
      "starts", ("C410",)),
    R("MR 3.1", "the timeline is published on the OGP website with an overview of the "
      "opportunities to participate", ("M704", "M705", "M706")),
    R("2.1.b", "outreach reaches as many and as diverse stakeholders as possible", (),
      f"{RECORD_CANNOT}: diversity is a judgement; M705 checks that outreach took place"),
    R("MR 3.2", "outreach activities raise awareness of OGP and of opportunities to take part",
      ("M705",)),
    R("MR 3.3", "a mechanism gathers inputs during an appropriate period", ("M706",)),
    R("2.1.c", "the plan includes an introduction, efforts to date and the development "
      "process", ("L302",)),
    R("2.1.d", "every contribution receives a reasoned response: included, amended or "
      "rejected, and why", ("M707", "M708", "M712", "M713")),
    R("2.1.d", "the reasoned response occurs before the plan is finalised", ("M709", "C419")),
    R("2.1.d", "the basis for decisions is published", (),
      "produced by the tool: `ogpctl render reasoned-response` publishes every contribution "
      "with its decision and response"),
    R("MR 4.1", "written feedback on how contributions were considered is published",
      ("M707",)),
    R("MR 2.2", "a public repository holds the evidence of co-creation and of implementation",
      ("M703", "P601", "P602")),
    R("MR 2.2", "the repository is updated at least twice a year", ("P603", "P604")),
    R("2.2", "the plan is submitted in English and the administrative language (mandatory)",
      ("L301", "L302")),
    R("2.2", "amendments are sent within one year of the due date (the implementation "
      "guidance: at any time, milestones ending before the plan ends)", ("C404", "S242")),
    R("2.2", "a delivered plan is changed only by an amendment sent to OGP, which clearly "
      "outlines all changes (`ogpctl render amendment-note` writes it from git)", ("C418",)),
    R("2.3", "a four-year plan has a refresh at the two-year mark, delivered within six "
      "months", ("C405",)),
    R("2.3", "the refresh timeline is published at least two weeks before the review",
      ("C405",)),
    R("2.3", "the refresh review of progress (2.3.a)", (),
      "the record cannot show it beyond its start date (refresh.review-starts): the review "
      "is a meeting's content"),
    R("2.3", "the refresh communicates the review and gives the public opportunities to "
      "comment (2.3.b)", ("C416",)),
    R("2.3", "feedback on how the refresh contributions were considered (2.3.d)", ("M707",)),
    R("2.3", "the refreshed plan specifies all changes and additions (2.3.c, 2.3.e)",
      ("C416",)),
    R("3.1", "a plan is two or four years long and due June 30 or December 31", ("F103",)),
    R("3.1", "a plan is delivered inside its delivery window", ("C401", "C414")),
    R("3.1", "the plan's stage (co-creation, implementation, refresh, closed) follows its "
      "delivery and its dates", ("C415", "C417")),
    R("3.1", "commitments fall within the plan period", ("C403",)),
    R("3.1", "implementation begins with delivery: progress is reported from then",
      ("P609",)),
    R("3.1", "the next plan is co-created during the final months of the current one", (),
      "a recommendation of the Support Unit; C402 reports a next plan that is late"),
    R("3.1.a", "a new plan is delivered within one year after the previous one ended",
      ("C402",)),
    R("3.1.b", "options for delivery during political transitions", (),
      "options to choose from, not requirements"),
    R("3.2.a", "ambitious: the plan stretches the government beyond current practice", (),
      f"{RECORD_CANNOT}: ambition is the IRM's judgement"),
    R("3.2.a", "relevant: each commitment advances an OGP value and explains how",
      ("S230", "S231")),
    R("3.2.a", "specific: the problem, the activities and the expected outcomes",
      ("S201", "S203", "S204")),
    R("3.2.a", "measurable: clear, measurable milestones", ("S210", "S211", "S212")),
    R("3.2.a", "answerable: the main implementing agency and the supporting ones",
      ("S220", "S221")),
    R("3.2.a", "time-bound: dates for the commitment and its milestones",
      ("S240", "S241", "S242")),
    R("3.2.b", "the plan's sections: introduction, efforts to date, development process",
      ("L302", "L304")),
    R("3.2.b", "the development process section notes compliance with the Participation and "
      "Co-Creation Standards", (),
      "produced by the tool: `ogpctl render action-plan` writes the minimum requirements "
      "with the record's facts under section 3; the M and C rules report those not met"),
    R("3.2.c", "the commitment template: number and name, country, period",
      ("F101", "F112", "F117", "C403")),
    R("3.2.c", "a brief description in less than 200 characters", ("S250",)),
    R("3.2.c", "the commitment lead and supporting stakeholders by sector",
      ("S220", "S221", "S223", "F110", "F111")),
    R("3.2.c", "the problem and its causes", ("S201", "S202")),
    R("3.2.c", "what has been done so far to solve the problem", ("S205",)),
    R("3.2.c", "the solution proposed and the results wanted", ("S203", "S204")),
    R("3.2.c", "milestones with expected outputs and completion dates",
      ("S210", "S211", "S212", "S241", "F113")),
    R("3.2.c", "each milestone's lead", ("S222",)),
    R("3.2.c", "a plan's result is what it accomplished within its timeline: no progress "
      "dated after its end", ("P610",)),
    R("3.3", "a self-assessment at the end of implementation (expected; the implementation "
      "guidance: encouraged)", ("A503",)),
    R("3.3", "the self-assessment's date prepared, introduction, process, use of the IRM "
      "recommendations, lessons and recommendations", ("A504",)),
    R("3.3", "each commitment assessed green, amber or red with evidence, reasons and next "
      "steps", ("A501", "A502", "F114")),
    R("3.3", "the report is published on the OGP website", (),
      f"{RECORD_CANNOT}: the live website is outside it; `ogpctl site` publishes the report"),
    R("3.4", "at most two challenge commitments", ("C406",)),
    R("3.4", "a challenge commitment is added to a live plan and can be completed in it",
      ("C407",)),
    R("3.4", "a challenge commitment was worked on collaboratively, with a reasoned response "
      "and a note on its co-creation", ("C409",)),
    R("3.4", "a challenge commitment addresses an emerging national priority", (),
      "national actors decide what a national priority is (3.4); challenge.priority records it"),
    R("4.1", "implementation plans with activities, resources, timelines, outputs, "
      "responsibilities and risks", (),
      "optional (\"can be done\"); commitments hold them in implementation-plan, and L301 "
      "checks their languages"),
    R("4.3", "implementation activities, monitoring and assessments (4.2 to 4.4)", (),
      "good practice (\"may\", \"can\"), not requirements"),
    R("MR 5.1", "at least two meetings a year with civil society present implementation "
      "results", ("C412",)),
    R("5.1", "the website is searchable, in plain language, and lets the public comment", (),
      f"{RECORD_CANNOT}: qualities of the live website; `ogpctl site` builds a searchable "
      "site with a comment link (ogp.yaml comments)"),
    R("5.1", "progress updates at least every six months, with delays and next steps",
      ("P605", "P606")),
    R("5.1", "progress is published as it was made: no update dated in the future, and "
      "a milestone's status is its latest update's", ("P607", "P608", "P611")),
    R("5.1", "key OGP information in all administrative languages", ("L305", "L303")),
    R("5.1", "information accessible to people with visual or auditory impairment", (),
      f"{RECORD_CANNOT}: a quality of the published pages and documents"),
    R("5.2", "the repository is available online without passwords or credentials", (),
      f"{RECORD_CANNOT}: access to the live site cannot be judged from files"),
    R("5.2", "the repository is linked to evidence of development and implementation",
      ("F115", "F116", "P601", "P602")),
    R("5.2", "updates include progress against milestones, reasons for delays and next steps",
      ("P605",)),
    R("5.3.a", "a folder per commitment and one for the development process",
      ("P601", "P602", "F117")),
    R("5.3.b", "a ready-made tool complies with domestic privacy and security rules", (),
      f"{RECORD_CANNOT}: a legal assessment"),
    R("6.1", "a parliament with its own plan contacts the Support Unit first", (),
      f"{RECORD_CANNOT}: correspondence with the Support Unit"),
    R("6.3.a", "local commitments meet the criteria for inclusion", (),
      "recommended criteria whose fit is a judgement"),
    R("6.3.b", "local commitments are co-created and derive from national policies",
      ("M711",)),
    R("6.3.b", "local commitments report progress at least every quarter", ("C413",)),
    R("6.3.b", "local commitments are not duplicated in OGP Local action plans", (),
      f"{RECORD_CANNOT}: the OGP Local member's own plan is outside it "
      "(local.ogp-local-member says whether to look)"),
    R("6.3.c", "additional local initiatives are not commitments", (),
      "a section of the plan's own text, not evaluated as commitments"),
    R("7", "a plan is published within 12 months after the previous one ended", ("C402",)),
    R("7", "the minimum requirements are met (as assessed by the IRM)",
      ("M701", "M702", "M703", "M704", "M705", "M706", "M707", "C410", "C411", "C412",
       "P601", "P602", "P603")),
    R("7", "progress is made on the commitments (as assessed by the IRM)", ("M710",)),
)

"""The JSON Schemas in schemas/: valid 2020-12, self-describing, and right about real documents."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import jsonschema
import jsonschema_rs
import pytest
import yaml_rs

SCHEMA_DIR = Path(__file__).parents[1] / "schemas"
BASE_URI = "https://schemas.ogpctl.invalid/"
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"

EXPECTED_FILES = {
    "common.schema.json",
    "ogp.schema.json",
    "stakeholders.schema.json",
    "forum.schema.json",
    "meeting.schema.json",
    "plan.schema.json",
    "co-creation.schema.json",
    "contributions.schema.json",
    "commitment.schema.json",
    "self-assessment.schema.json",
    "import-mapping.schema.json",
}
#: Files ogpctl reads that are not record files: their descriptions need not cite the
#: handbook.
NOT_RECORD_FILES = {"import-mapping.schema.json"}

COMMON_DEFS = {
    "text",
    "language",
    "language-map",
    "date",
    "slug",
    "stakeholder-ref",
    "stakeholder-role",
    "supporting",
    "url",
    "evidence",
    "evidence-item",
    "contact",
    "sector",
    "milestone-status",
    "progress-update",
    "ogp-value",
}

SCHEMAS: dict[str, dict] = {
    path.name: json.loads(path.read_text(encoding="utf-8"))
    for path in sorted(SCHEMA_DIR.glob("*.schema.json"))
}


def load(text: str):
    return yaml_rs.loads(textwrap.dedent(text), parse_datetime=False)


@pytest.fixture(scope="module")
def registry() -> jsonschema_rs.Registry:
    return jsonschema_rs.Registry([(BASE_URI + name, schema) for name, schema in SCHEMAS.items()])


@pytest.fixture(scope="module")
def validators(registry) -> dict:
    return {
        name: jsonschema_rs.validator_for(schema, registry=registry, base_uri=BASE_URI + name)
        for name, schema in SCHEMAS.items()
    }


# ---------------------------------------------------------------- walking the schemas

SCHEMA_MAP_KEYWORDS = ("properties", "patternProperties", "$defs", "dependentSchemas")
SCHEMA_LIST_KEYWORDS = ("allOf", "anyOf", "oneOf", "prefixItems")
SCHEMA_KEYWORDS = (
    "items",
    "additionalProperties",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "unevaluatedProperties",
    "unevaluatedItems",
)


def walk(node, pointer=""):
    """Yield (json-pointer, subschema) for every subschema, the root included."""
    if not isinstance(node, dict):
        return
    yield pointer, node
    for keyword in SCHEMA_MAP_KEYWORDS:
        for key, sub in node.get(keyword, {}).items():
            yield from walk(sub, f"{pointer}/{keyword}/{key}")
    for keyword in SCHEMA_LIST_KEYWORDS:
        for index, sub in enumerate(node.get(keyword, [])):
            yield from walk(sub, f"{pointer}/{keyword}/{index}")
    for keyword in SCHEMA_KEYWORDS:
        if keyword in node:
            yield from walk(node[keyword], f"{pointer}/{keyword}")


def all_nodes():
    for name, schema in SCHEMAS.items():
        for pointer, node in walk(schema):
            yield name, pointer, node


def all_properties():
    for name, pointer, node in all_nodes():
        for key, sub in node.get("properties", {}).items():
            yield f"{name}#{pointer}/properties/{key}", sub


# ---------------------------------------------------------------- the files themselves


def test_every_file_kind_has_a_schema():
    assert set(SCHEMAS) == EXPECTED_FILES


@pytest.mark.parametrize("name", sorted(EXPECTED_FILES))
def test_schema_is_valid_2020_12(name):
    schema = SCHEMAS[name]
    assert schema["$schema"] == DRAFT_2020_12
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema_rs.meta.validate(schema)


@pytest.mark.parametrize("name", sorted(EXPECTED_FILES))
def test_schema_file_is_two_space_json_without_id(name):
    text = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
    assert not [pointer for pointer, node in walk(SCHEMAS[name]) if "$id" in node]


def test_common_defines_the_shared_types():
    assert COMMON_DEFS <= set(SCHEMAS["common.schema.json"]["$defs"])


def test_every_ref_resolves():
    for name, pointer, node in all_nodes():
        if "$ref" not in node:
            continue
        target_file, _, fragment = node["$ref"].partition("#")
        target = SCHEMAS[target_file or name]
        for part in fragment.strip("/").split("/"):
            assert part in target, f"{name}#{pointer}: dangling $ref {node['$ref']}"
            target = target[part]
        if target_file:
            assert target_file == "common.schema.json", f"{name}#{pointer}: {node['$ref']}"


def test_every_property_has_a_title_and_a_description():
    missing = [
        where
        for where, prop in all_properties()
        if not prop.get("title") or not prop.get("description")
    ]
    assert not missing
    assert len(list(all_properties())) > 150


def test_every_def_and_root_has_a_title():
    for name, schema in SCHEMAS.items():
        assert schema.get("title"), name
        for key, sub in schema.get("$defs", {}).items():
            assert sub.get("title"), f"{name}#/$defs/{key}"


def test_titles_read_after_should_be():
    """ogpctl writes "<where> should be <title>": titles are lower-case phrases, no full stop."""
    for name, pointer, node in all_nodes():
        title = node.get("title")
        if title is None or pointer == "":
            continue
        assert title[0].islower() or title[0] == "{", f"{name}#{pointer}: {title!r}"
        assert not title.endswith("."), f"{name}#{pointer}: {title!r}"


def test_descriptions_cite_the_handbook():
    uncited = [
        where for where, prop in all_properties() if "Handbook" not in prop.get("description", "")
        and where.split("#")[0] not in NOT_RECORD_FILES
    ]
    assert not uncited


def test_objects_are_closed_but_accept_extension_keys():
    for name, pointer, node in all_nodes():
        if node.get("type") != "object" or "propertyNames" in node:
            continue
        where = f"{name}#{pointer}"
        assert node.get("additionalProperties") is False, where
        assert node.get("patternProperties") == {"^x-": {}}, where


def test_only_the_milestone_due_date_carries_an_ogpctl_code():
    found = [
        (name, pointer, node["x-ogpctl-code"])
        for name, pointer, node in all_nodes()
        if "x-ogpctl-code" in node
    ]
    assert found == [("commitment.schema.json", "/$defs/milestone/properties/due", "S240")]
    raw = "".join((SCHEMA_DIR / name).read_text(encoding="utf-8") for name in SCHEMAS)
    assert raw.count("x-ogpctl-code") == 1


def test_required_keys_are_the_structural_essentials():
    def required(name, pointer=""):
        node = SCHEMAS[name]
        for part in pointer.strip("/").split("/") if pointer else []:
            node = node[part]
        return node.get("required", [])

    assert required("commitment.schema.json") == ["title"]
    assert required("commitment.schema.json", "/$defs/milestone") == ["number"]
    assert required("common.schema.json", "/$defs/progress-update") == ["date"]
    assert required("meeting.schema.json") == ["date", "kind"]
    assert required("plan.schema.json") == ["title", "window", "due-year", "length", "status"]
    assert required("ogp.schema.json") == [
        "country",
        "iso-code",
        "languages",
        "lead-agency",
        "point-of-contact",
    ]
    assert required("stakeholders.schema.json", "/$defs/stakeholder") == ["id", "name", "sector"]
    assert required("contributions.schema.json", "/$defs/contribution") == [
        "id",
        "summary",
        "decision",
    ]
    assert required("forum.schema.json", "/$defs/member") == ["stakeholder"]
    assert required("forum.schema.json") == ["name"]
    assert required("co-creation.schema.json") == []
    assert required("self-assessment.schema.json") == []


# ---------------------------------------------------------------- documents

VALID = {
    "ogp.schema.json": [
        """
        country: {en: Republic of Examplia, es: República de Examplia}
        iso-code: XE
        member-since: 2012-04-17
        languages: {default: es, administrative: [es]}
        lead-agency: ministry-of-the-presidency
        point-of-contact:
          name: Ana Pérez
          role: {en: Open Government Coordinator, es: Coordinadora de Gobierno Abierto}
          email: ogp@gob.example
          phone: +00 2 2345 6789
          url: https://gob.example/ogp
        ministerial-contact: {name: Minister of the Presidency}
        website: https://ogp.gob.example
        repository: https://ogp.gob.example/repositorio
        comments:
          url: https://git.gob.example/ogp/record/issues/new?title={title}&body={url}
          label: {en: Comment on this page, es: Comentar esta página}
        check:
          ignore: [S211]
          per-file-ignores:
            "plans/*/commitments/*": [S240]
        x-note: kept by the secretariat
        """,
        """
        country: Examplia
        iso-code: XEX
        languages: {default: en}
        lead-agency: cabinet-office
        point-of-contact: {name: , email: , phone: }
        member-since:
        website:
        """,
    ],
    "stakeholders.schema.json": [
        """
        stakeholders:
          - id: ministry-of-finance
            name: {en: Ministry of Finance, es: Ministerio de Hacienda}
            short-name: MoF
            sector: government
            jurisdiction: national
            contact: {email: ogp@hacienda.example}
            url: https://hacienda.example
          - id: transparencia-ya
            name: Transparencia Ya
            sector: civil-society
            x-tags: [procurement]
        """,
        "stakeholders: []\n",
    ],
    "forum.schema.json": [
        """
        name: {en: Open Government Forum, es: Foro de Gobierno Abierto}
        basis: {kind: decree, reference: Decree 123 of 2021, url: "https://example.org/d123"}
        rules-url: https://ogp.gob.example/foro/reglas
        meeting-frequency: every two months
        members:
          - stakeholder: ministry-of-finance
            role: co-chair
            from: 2021-05-01
            representative: Ana Pérez
          - stakeholder: transparencia-ya
            role: member
            from: 2021-05-01
            to: 2024-05-01
        """,
        """
        name: Open Government Forum
        basis: {kind: , reference: }
        members:
          - stakeholder: transparencia-ya
        """,
    ],
    "meeting.schema.json": [
        """
        date: 2026-03-15
        kind: civil-society
        title: Results of the first year
        plan: 2025-2029
        attendees: [ministry-of-finance, transparencia-ya]
        presented-results: true
        remote-participation: false
        agenda-url: https://ogp.gob.example/agenda.pdf
        minutes-url: https://ogp.gob.example/minutes.pdf
        evidence:
          - evidence/meetings/2026-03-15-attendance.pdf
          - {title: Slides, url: "https://ogp.gob.example/slides"}
        """,
        """
        date: 2026-03-15
        kind: msf
        title:
        presented-results:
        """,
    ],
    "plan.schema.json": [
        """
        title: {en: Fifth National Action Plan, es: Quinto Plan de Acción Nacional}
        window: december
        due-year: 2025
        length: 4
        status: implementation
        delivered: 2025-12-20
        amendments:
          - {date: 2026-05-02, summary: Milestone 2.3 reworded}
        refresh: {review-starts: 2027-09-01, timeline-published: 2027-08-15, delivered: }
        dates:
          due: 2025-12-31
          window-opens: 2025-07-01
          window-closes: 2026-02-28
          end: 2029-12-31
          amendment-deadline: 2026-12-31
          refresh-mark: 2027-12-31
          refresh-due: 2028-06-30
          next-plan-late-after: 2030-12-31
        url: https://www.opengovpartnership.org/documents/examplia-action-plan-2025-2029/
        irm-recommendations:
          - recommendation: Broaden participation outside the capital.
            use: Regional workshops in four cities.
        """,
        """
        title: Action plan 2026-2028
        window: june
        due-year: 2026
        length: 2
        status: co-creation
        delivered:
        url:
        """,
    ],
    "co-creation.schema.json": [
        """
        why: Define a plan that answers citizens' priorities.
        who: {en: The forum and the public, es: El foro y la ciudadanía}
        what: Survey, regional workshops, thematic tables.
        how: The secretariat runs the survey; the forum facilitates the workshops.
        where: Online and in four regional capitals.
        timeline: {published: 2025-03-01, url: "https://ogp.gob.example/cronograma"}
        stages:
          - {id: planning, title: Planning, starts: 2025-03-15, ends: 2025-04-15}
          - {id: outreach, starts: 2025-04-16, ends: 2025-06-30, description: Idea generation}
        outreach:
          - date: 2025-04-20
            title: Launch event
            kind: event
            audience: Civil society organisations of the north
            participants: 120
            url: https://ogp.gob.example/lanzamiento
            evidence: [evidence/process/launch-attendance.pdf]
        input-mechanisms:
          - channel: survey
            title: Priorities survey
            opens: 2025-04-20
            closes: 2025-05-31
            url: https://ogp.gob.example/encuesta
        """,
        """
        why:
        who:
        what:
        how:
        where:
        timeline: {published: , url: }
        stages:
          - {id: planning, title: , starts: , ends: }
        outreach:
          - {date: , kind: , participants: }
        input-mechanisms: []
        """,
    ],
    "contributions.schema.json": [
        """
        contributions:
          - id: survey-017
            received: 2025-05-10
            from: transparencia-ya
            channel: survey
            summary: Publish every contract above 10,000 in open data.
            decision: include
            response: Included as commitment 1, milestone 1.2.
            responded: 2025-07-01
            commitments: [open-contracting]
          - id: workshop-north-3
            from: {name: Neighbours of Villa Norte, sector: civil-society}
            summary: {en: Publish water quality data, es: Publicar datos de calidad del agua}
            decision: reject
            considered-later: Next plan, with the water agency.
          - id: email-2
            from:
            summary: Train municipal officers.
            decision: pending
        """,
        "contributions: []\n",
    ],
    "commitment.schema.json": [
        """
        title: {en: Open contracting, es: Contratación abierta}
        brief-description: Publish all public contracts in the Open Contracting Data Standard.
        theme: {en: Fiscal openness, es: Apertura fiscal}
        ogp-id: XA0012
        links:
          - {title: IRM, url: "https://www.opengovpartnership.org/"}
        kind: regular
        lead: ministry-of-finance
        supporting:
          government: [procurement-agency]
          civil-society:
            - transparencia-ya
            - {stakeholder: open-data-lab, role: Quality review of the data}
          other: [{stakeholder: congress, role: {en: Oversight, es: Control}}]
        period: {start: 2026-01-01, end: 2029-06-30}
        problem:
          what: Citizens cannot follow how public money is spent on contracts.
          causes: Contract data sits in closed systems.
        description:
          done-so-far: A pilot portal in 2023.
          solution: Publish all contracts as open data.
          results: Every contract is traceable.
        values: [transparency, accountability]
        relevance: Opens contract data and lets citizens flag anomalies.
        challenge: {added: , priority: , co-creation: , reasoned-response: }
        local: {jurisdiction: , national-policy: , ogp-local-member: }
        milestones:
          - number: 1
            title: Adopt the data standard
            output: Decree published in the official gazette
            due: 2026-06-30
            lead: ministry-of-finance
            supporting: {civil-society: [transparencia-ya]}
            status: completed
            weight: 1
            progress:
              - date: 2026-07-02
                status: completed
                note: Decree 45 published.
                evidence:
                  - evidence/01-open-contracting/decree-45.pdf
                  - {title: Gazette, url: "https://gazette.example/45"}
                  - {title: Photo, path: evidence/01-open-contracting/photo.jpg}
                delay-reason:
                next-steps: Train buyers.
          - number: 2
            title: Publish 2026 contracts
            due: 2027-03-31
            weight: 2.5
        evidence: [https://contratos.example]
        implementation-plan:
          activities: [Draft the decree, Train buyers]
          resources: Two analysts and the portal budget.
          responsibilities: Procurement directorate.
          risks: Agencies publishing late; monthly follow-up.
        irm:
          verifiable: true
          relevant: true
          potential-results: substantial
          completion: limited
          early-results: marginal
        x-internal-code: PRJ-22
        """,
        """
        title: Open contracting
        brief-description:
        kind:
        lead:
        problem: {what: , causes: }
        description: {done-so-far: , solution: , results: }
        values: []
        milestones:
          - number: 1
            title:
            output:
            due:
            lead:
            status:
            weight:
            progress: []
        evidence: []
        """,
    ],
    "self-assessment.schema.json": [
        """
        prepared: 2029-09-30
        kind: end-of-term
        introduction: Why open government matters for Examplia.
        process: The forum met eleven times.
        irm-recommendations: All five recommendations were used.
        commitments:
          - commitment: open-contracting
            rating: green
            rating-reason: All milestones completed.
            evidence: [evidence/01-open-contracting/decree-45.pdf]
            reasons: The decree was adopted in time.
            next-steps: Keep publishing.
        lessons: Start outreach earlier.
        recommendations: Involve the regions.
        """,
        """
        prepared:
        kind:
        commitments:
          - {commitment: open-contracting, rating: }
        """,
    ],
}


@pytest.mark.parametrize(
    ("name", "text"),
    [(name, text) for name, texts in VALID.items() for text in texts],
)
def test_valid_documents(validators, name, text):
    document = load(text)
    errors = [(e.instance_path, e.message) for e in validators[name].iter_errors(document)]
    assert errors == []


def test_valid_documents_use_every_top_level_key():
    for name, texts in VALID.items():
        if name in NOT_RECORD_FILES:
            continue
        used = set().union(*(load(text).keys() for text in texts))
        assert set(SCHEMAS[name]["properties"]) <= used, name


# (schema, document, instance path of the error)
INVALID = [
    # ogp.yaml
    ("ogp.schema.json", "country: X\niso-code: XE\nlanguages: {default: en}\n"
     "lead-agency: cabinet\n", []),
    ("ogp.schema.json", "country: X\niso-code: cl\nlanguages: {default: en}\n"
     "lead-agency: cabinet\npoint-of-contact: {}\n", ["iso-code"]),
    ("ogp.schema.json", "country: X\niso-code: XE\nlanguages: {default: English}\n"
     "lead-agency: cabinet\npoint-of-contact: {}\n", ["languages", "default"]),
    ("ogp.schema.json", "country: X\niso-code: XE\nlanguages: {default: en}\n"
     "lead-agency: cabinet\npoint-of-contact: {}\nwebsite: www.ogp.example\n", ["website"]),
    ("ogp.schema.json", "country: X\niso-code: XE\nlanguages: {default: en}\n"
     "lead-agency: cabinet\npoint-of-contact: {e-mail: a@b.example}\n", ["point-of-contact"]),
    ("ogp.schema.json", "country: X\niso-code: XE\nlanguages: {default: en}\n"
     "lead-agency: cabinet\npoint-of-contact: {}\ncheck: {ignore: [s211]}\n",
     ["check", "ignore", 0]),
    ("ogp.schema.json", "country: X\niso-code: XE\nlanguages: {default: en}\n"
     "lead-agency: cabinet\npoint-of-contact: {}\ncontry: Y\n", []),
    # stakeholders.yaml
    ("stakeholders.schema.json", "stakeholders:\n  - {id: ngo-1, name: NGO, sector: ngo}\n",
     ["stakeholders", 0, "sector"]),
    ("stakeholders.schema.json",
     "stakeholders:\n  - {id: Ministry_Finance, name: MoF, sector: government}\n",
     ["stakeholders", 0, "id"]),
    ("stakeholders.schema.json", "stakeholders:\n  - {id: mof, sector: government}\n",
     ["stakeholders", 0]),
    ("stakeholders.schema.json",
     "stakeholders:\n  - {id: mof, name: {EN: Finance}, sector: government}\n",
     ["stakeholders", 0, "name"]),
    ("stakeholders.schema.json", "organisations: []\n", []),
    # forum/forum.yaml
    ("forum.schema.json", "name: Forum\nmembers:\n  - {stakeholder: mof, role: president}\n",
     ["members", 0, "role"]),
    ("forum.schema.json", "name: Forum\nmembers:\n  - {role: member}\n", ["members", 0]),
    ("forum.schema.json", "name: Forum\nbasis: {kind: executive-order}\n", ["basis", "kind"]),
    ("forum.schema.json", "name: Forum\nrules-url: ogp.example/rules\n", ["rules-url"]),
    ("forum.schema.json", "name: ''\n", ["name"]),
    # forum/meetings/*.md front matter
    ("meeting.schema.json", "date: 2026-03-15\nkind: board\n", ["kind"]),
    ("meeting.schema.json", "date: 15/03/2026\nkind: msf\n", ["date"]),
    ("meeting.schema.json", "date: 2026-03-15\n", []),
    ("meeting.schema.json", "date: 2026-03-15\nkind: msf\npresented-results: yes\n",
     ["presented-results"]),
    ("meeting.schema.json", "date: 2026-03-15\nkind: msf\nattendees: [Ministry of Finance]\n",
     ["attendees", 0]),
    # plan.yaml
    ("plan.schema.json", "title: P\nwindow: july\ndue-year: 2025\nlength: 2\n"
     "status: implementation\n", ["window"]),
    ("plan.schema.json", "title: P\nwindow: june\ndue-year: 2010\nlength: 2\n"
     "status: implementation\n", ["due-year"]),
    ("plan.schema.json", "title: P\nwindow: june\ndue-year: 2025\nlength: 3\n"
     "status: implementation\n", ["length"]),
    ("plan.schema.json", "title: P\nwindow: june\ndue-year: 2025\nlength: 2\n", []),
    ("plan.schema.json", "title: P\nwindow: june\ndue-year: 2025\nlength: 2\n"
     "status: closed\ndates: {due: 30 June 2025}\n", ["dates", "due"]),
    # co-creation.yaml
    ("co-creation.schema.json", "outreach:\n  - {kind: event, participants: -1}\n",
     ["outreach", 0, "participants"]),
    ("co-creation.schema.json", "stages:\n  - {title: Planning}\n", ["stages", 0]),
    ("co-creation.schema.json", "input-mechanisms:\n  - {channel: fax}\n",
     ["input-mechanisms", 0, "channel"]),
    ("co-creation.schema.json", "when: 2025\n", []),
    ("co-creation.schema.json", "timeline: {published: March 2025}\n",
     ["timeline", "published"]),
    # contributions.yaml
    ("contributions.schema.json",
     "contributions:\n  - {id: c-1, summary: Idea, decision: accepted}\n",
     ["contributions", 0, "decision"]),
    ("contributions.schema.json", "contributions:\n  - {id: c-1, summary: '', decision: include}\n",
     ["contributions", 0, "summary"]),
    ("contributions.schema.json", "contributions:\n  - {id: c-1, decision: include}\n",
     ["contributions", 0]),
    ("contributions.schema.json",
     "contributions:\n  - id: c-1\n    summary: Idea\n    decision: include\n"
     "    from: {name: Neighbours, sector: ngo}\n", ["contributions", 0, "from"]),
    ("contributions.schema.json",
     "contributions:\n  - {id: c-1, summary: Idea, decision: include, commitments: [Open data]}\n",
     ["contributions", 0, "commitments", 0]),
    # commitments/NN-slug.yaml
    ("commitment.schema.json", "brief-description: No title yet\n", []),
    ("commitment.schema.json", "title: T\nmilestones:\n  - {number: 0}\n",
     ["milestones", 0, "number"]),
    ("commitment.schema.json", "title: T\nmilestones:\n  - {title: First}\n", ["milestones", 0]),
    ("commitment.schema.json", "title: T\nmilestones:\n  - {number: 1, due: end of 2026}\n",
     ["milestones", 0, "due"]),
    ("commitment.schema.json", "title: T\nmilestones:\n  - {number: 1, due: 2026-6-30}\n",
     ["milestones", 0, "due"]),
    ("commitment.schema.json", "title: T\nmilestones:\n  - {number: 1, weight: 0}\n",
     ["milestones", 0, "weight"]),
    ("commitment.schema.json", "title: T\nmilestones:\n  - {number: 1, status: done}\n",
     ["milestones", 0, "status"]),
    ("commitment.schema.json", "title: T\nmilestones:\n  - {number: 1, deadline: 2026-06-30}\n",
     ["milestones", 0]),
    ("commitment.schema.json",
     "title: T\nmilestones:\n  - number: 1\n    progress:\n      - {note: Started}\n",
     ["milestones", 0, "progress", 0]),
    ("commitment.schema.json",
     "title: T\nmilestones:\n  - number: 1\n    progress:\n"
     "      - {date: 2026-01-10, status: late}\n",
     ["milestones", 0, "progress", 0, "status"]),
    ("commitment.schema.json", "title: T\nvalues: [openness]\n", ["values", 0]),
    ("commitment.schema.json", "title: T\nvalues: [transparency, transparency]\n", ["values"]),
    ("commitment.schema.json", "title: T\nkind: national\n", ["kind"]),
    ("commitment.schema.json", "title: {EN: Open contracting}\n", ["title"]),
    ("commitment.schema.json", "title: {}\n", ["title"]),
    ("commitment.schema.json", "title: T\nlead: Ministry of Finance\n", ["lead"]),
    # Evidence paths that leave the record or use unsafe schemes are accepted by the schema
    # and judged by ogpctl's F115/F116 rules (tests/test_hostile.py), which say why.
    ("commitment.schema.json",
     "title: T\nevidence:\n  - {title: Both, path: a.pdf, url: 'https://a.example'}\n",
     ["evidence", 0]),
    ("commitment.schema.json", "title: T\nevidence: evidence/01/report.pdf\n", ["evidence"]),
    ("commitment.schema.json",
     "title: T\nsupporting:\n  government:\n    - {role: Co-lead}\n",
     ["supporting", "government", 0]),
    ("commitment.schema.json", "title: T\nsupporting: {private: [acme]}\n", ["supporting"]),
    ("commitment.schema.json", "title: T\nproblem: {what: W, why: Y}\n", ["problem"]),
    ("commitment.schema.json", "title: T\nirm: {completion: partial}\n", ["irm", "completion"]),
    ("commitment.schema.json", "title: T\nlocal: {ogp-local-member: 'no'}\n",
     ["local", "ogp-local-member"]),
    # self-assessment.yaml
    ("self-assessment.schema.json", "commitments:\n  - {commitment: open-data, rating: yellow}\n",
     ["commitments", 0, "rating"]),
    ("self-assessment.schema.json", "commitments:\n  - {rating: green}\n", ["commitments", 0]),
    ("self-assessment.schema.json", "kind: annual\n", ["kind"]),
    ("self-assessment.schema.json", "prepared: 2029\n", ["prepared"]),
]


@pytest.mark.parametrize(
    ("name", "text", "path"),
    INVALID,
    ids=[f"{name.split('.')[0]}-{i}" for i, (name, _, _) in enumerate(INVALID)],
)
def test_invalid_documents(validators, name, text, path):
    document = load(text)
    errors = list(validators[name].iter_errors(document))
    assert errors, f"{text!r} should be invalid"
    assert {tuple(e.instance_path) for e in errors} == {tuple(path)}, [
        (e.instance_path, e.message) for e in errors
    ]


def test_extension_keys_are_accepted_everywhere(validators):
    document = load(
        """
        title: T
        x-a: 1
        period: {x-b: 2}
        problem: {x-c: 3}
        milestones:
          - number: 1
            x-d: 4
            supporting: {x-e: 5, government: [{stakeholder: mof, x-f: 6}]}
            progress: [{date: 2026-01-01, x-g: 7, evidence: [{path: a.pdf, x-h: 8}]}]
        irm: {x-i: 9}
        """
    )
    assert validators["commitment.schema.json"].is_valid(document)


def property_schemas_along(name, evaluation_path):
    """The property subschemas an error's evaluation path goes through, following $ref."""
    node, found = SCHEMAS[name], []
    parts = list(evaluation_path)
    while parts:
        part = parts.pop(0)
        if part == "$ref":
            target_file, _, fragment = node["$ref"].partition("#")
            name = target_file or name
            node = SCHEMAS[name]
            for key in fragment.strip("/").split("/"):
                node = node[key]
            continue
        node = node[part]
        if part == "properties":
            node = node[parts.pop(0)]
            found.append(node)
    return found


def test_milestone_due_error_leads_to_the_smart_time_bound_code(validators):
    document = load("title: T\nmilestones:\n  - {number: 1, due: soon}\n")
    errors = list(validators["commitment.schema.json"].iter_errors(document))
    assert len(errors) == 1
    prop = property_schemas_along("commitment.schema.json", errors[0].evaluation_path)[-1]
    assert prop["x-ogpctl-code"] == "S240"
    assert prop["title"] == "the expected completion date, written YYYY-MM-DD"


def test_errors_lead_to_a_titled_property(validators):
    """ogpctl words an error as "<path> should be <title of the property>"."""
    for name, text, path in INVALID:
        for error in validators[name].iter_errors(load(text)):
            props = property_schemas_along(name, error.evaluation_path)
            if path and isinstance(path[-1], str):
                assert props and props[-1]["title"], (name, text)


@pytest.mark.skipif(
    importlib.util.find_spec("check_jsonschema") is None, reason="check-jsonschema not installed"
)
def test_relative_refs_resolve_from_the_schema_file(tmp_path):
    """Editors and check-jsonschema resolve common.schema.json next to the schema file."""
    good = tmp_path / "01-open-contracting.yaml"
    good.write_text(
        "# yaml-language-server: $schema=../schemas/commitment.schema.json\n"
        "title: Open contracting\nmilestones:\n  - {number: 1, due: 2026-06-30}\n",
        encoding="utf-8",
    )
    bad = tmp_path / "02-bad.yaml"
    bad.write_text("title: T\nmilestones:\n  - {number: 1, due: next year}\n", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "check_jsonschema",
        "--schemafile",
        str(SCHEMA_DIR / "commitment.schema.json"),
    ]
    ok = subprocess.run([*command, str(good)], capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    ko = subprocess.run([*command, str(bad)], capture_output=True, text=True, check=False)
    assert ko.returncode == 1, ko.stdout + ko.stderr
    assert "milestones[0].due" in ko.stdout

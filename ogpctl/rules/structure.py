"""Structure: the shape of each file (from the JSON Schemas), names, and cross-references."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterator
from typing import Any

from ogpctl.base.diagnostics import Severity
from ogpctl.record import evidence
from ogpctl.record.model import Commitment, Document, Plan, Record, Stage
from ogpctl.rules import Finding, entry, rule

E, W = Severity.ERROR, Severity.WARNING
F = "structure"

entry("F101", "missing-field", family=F, severity=E, handbook="", doc="""
    A required field is missing.

    The JSON Schemas in schemas/ say which fields each file must have; the message names
    the field and what it holds.

    Fails:
      # a commitment file without a title
      lead: ministry-finance
    Passes:
      title: Open contracting
      lead: ministry-finance
    """)
entry("F102", "unknown-field", family=F, severity=E, handbook="", doc="""
    A field is not part of the template.

    Usually a typing mistake: the message suggests the closest known field. Fields of your
    own can be kept under names starting with "x-".

    Fails:
      title: Open contracting
      leed: ministry-finance
    Passes:
      title: Open contracting
      lead: ministry-finance
    """)
entry("F103", "wrong-value", family=F, severity=E, handbook="", doc="""
    A field holds the wrong kind of value.

    The message says what the field expects (a date, one of a list of words, a number...)
    and what it found.

    Fails:
      window: summer
    Passes:
      window: june
    """)
entry("F104", "impossible-date", family=F, severity=E, handbook="", doc="""
    A date does not exist in the calendar.

    Fails:
      due: 2025-02-30
    Passes:
      due: 2025-02-28
    """)


#: Fields of the member profile that the record needs but its schema lets be empty, as `ogpctl
#: init` leaves them (the schema itself reports the empty fields it does not allow).
PROFILE = (("country",), ("member-since",), ("point-of-contact", "name"),
           ("point-of-contact", "role"), ("point-of-contact", "email"), ("website",),
           ("repository",))
#: Texts needed in every record language, English included, though L305 asks only the
#: administrative languages of ogp.yaml: the country's name heads the English action plan.
EVERY_LANGUAGE = frozenset({("country",)})
#: Fields a minimum requirement rule reports once it applies (from submission): F105 leaves
#: them to it then, so an empty website is not reported twice.
OWNED = {("website",): "M702", ("repository",): "M703"}


@rule("F105", "not-written", family=F, severity=W, error_from=Stage.SUBMISSION,
      handbook="3.2.c", subject="record")
def not_written(record: Record, context: Any) -> Iterator[Finding]:
    """A field the record needs is still empty.

    The scaffolds written by `ogpctl init`, `new-plan` and `new-commitment` leave the
    fields only you can answer empty (or with an empty text in each language), next to the
    handbook's guide question. This is the "fill this in" list: a warning while the plan is
    being co-created, an error from submission on. It covers every field of the member
    profile in ogp.yaml: the country's name, in English too (it heads the English action
    plan; L301 or L305 reports an administrative language left empty), the date the
    country joined OGP, the point of contact's name, role and email (handbook 1), the
    national OGP website and the document repository (minimum requirements 2.1 and
    2.2; from submission M702 and M703 report these two). Each finding cites the handbook
    section of its field.

    Fails:
      # ogp.yaml
      iso-code:
      member-since:
    Passes:
      iso-code: XV
      member-since: 2022-09-20
    """
    doc = record.ogp
    if doc is None or not doc.ok or not isinstance(doc.data, dict):
        return
    from ogpctl.rules import lookup

    stage = context.stage_of(doc.path)
    for path in PROFILE:
        owner = lookup(OWNED[path]) if path in OWNED else None
        if owner is None or owner.severity_at(stage) is None:
            yield from _profile_field(doc, path, record.languages)


def _profile_field(doc: Document, path: tuple[str, ...], languages: Any
                   ) -> Iterator[Finding]:
    from ogpctl.record.schema import cited_section, default_schemas
    from ogpctl.record.text import language_name, translations
    from ogpctl.rules.languages import required_languages

    file = doc.path
    parent: Any = doc.data
    for step in path[:-1]:
        parent = parent.get(step) if isinstance(parent, dict) else None
    if not isinstance(parent, dict):
        return                      # a missing or misshapen parent: the schema says so
    value = parent.get(path[-1])
    field = _profile_schema(default_schemas().documents, path)
    hint = f": write {field['title']}" if field.get("title") else ""
    section = cited_section(field.get("description"))
    where = path if path[-1] in parent else path[:-1]
    name = path[-1]
    if not str(field.get("$ref", "")).endswith("text"):
        if value is None:
            yield Finding(file, f'"{name}" is still empty{hint}', where, handbook=section)
        return
    texts = translations(value, languages.default)
    if not texts:
        if field["$ref"].endswith("optional-text"):    # else the schema reports it
            yield Finding(file, f'"{name}" is still empty{hint}', where, handbook=section)
        return
    if path not in EVERY_LANGUAGE:
        return                      # a language left empty is L301's or L305's to report
    covered = required_languages(languages, doc, path)
    for lang in languages.required:
        if lang not in texts and lang not in covered:
            spot = where + (lang,) if isinstance(value, dict) and lang in value else where
            yield Finding(file, f'"{name}" is still empty in {language_name(lang)}{hint}',
                          spot, handbook=section)


def _profile_schema(documents: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    """The schema of a field of ogp.yaml, through a $ref into common.schema.json."""
    node: Any = documents.get("ogp.schema.json", {})
    for step in path:
        node = (node.get("properties") or {}).get(step, {}) if isinstance(node, dict) else {}
        if step != path[-1] and isinstance(node, dict) and "$ref" in node:
            pointer = node["$ref"].partition("#")[2].strip("/").split("/")
            node = documents.get("common.schema.json", {})
            for part in pointer:
                node = node.get(part, {}) if isinstance(node, dict) else {}
    return node if isinstance(node, dict) else {}


@rule("F110", "unknown-stakeholder", family=F, severity=E, handbook="", subject="record")
def unknown_stakeholder(record: Record, context: Any) -> Iterator[Finding]:
    """A stakeholder id is not in stakeholders.yaml.

    Leads, supporting stakeholders, forum members and meeting attendees name organisations
    by their id in stakeholders.yaml, so that a name is written once and in every language.
    Add the organisation to stakeholders.yaml or correct the id.

    Fails:
      lead: ministry-of-finance   # stakeholders.yaml has ministry-finance
    Passes:
      lead: ministry-finance
    """
    known = record.stakeholder_sectors
    registry = record.stakeholders
    if registry is None or not registry.ok or not isinstance(
            registry.fields.get("stakeholders"), list):
        return   # the registry's own finding comes first; every id would be "unknown"
    from ogpctl.record.fields import STAKEHOLDER, values_in, values_of

    for file, doc in record.documents.items():
        if known.keys() >= {v for v in values_in(doc, STAKEHOLDER) if isinstance(v, str)}:
            continue   # the paths are made only for a document that names an unknown id
        for path, value in values_of(doc, STAKEHOLDER):
            if isinstance(value, str) and value not in known:
                close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.7)
                hint = f'; did you mean "{close[0]}"?' if close \
                    else "; add it to stakeholders.yaml"
                yield Finding(file, f'unknown stakeholder "{value}"{hint}', path)


@rule("F111", "duplicate-stakeholder", family=F, severity=E, handbook="", subject="record")
def duplicate_stakeholder(record: Record, context: Any) -> Iterator[Finding]:
    """Two organisations in stakeholders.yaml have the same id.

    Every reference to the id would be ambiguous; give each organisation its own id.

    Fails:
      stakeholders:
        - {id: audit-office, name: Audit Office, sector: government}
        - {id: audit-office, name: Supreme Audit Institution, sector: government}
    Passes:
      stakeholders:
        - {id: audit-office, name: Audit Office, sector: government}
    """
    doc = record.stakeholders
    if doc is None:
        return
    items = doc.fields.get("stakeholders")
    seen: set[str] = set()
    for index, item in enumerate(items if isinstance(items, list) else []):
        ident = item.get("id") if isinstance(item, dict) else None
        if isinstance(ident, str):
            if ident in seen:
                yield Finding(doc.path, f'the stakeholder id "{ident}" is used '
                              "twice", ("stakeholders", index, "id"))
            seen.add(ident)


@rule("F112", "duplicate-commitment-number", family=F, severity=E, handbook="",
      subject="plan")
def duplicate_commitment_number(plan: Plan, context: Any) -> Iterator[Finding]:
    """Two commitment files of a plan have the same number.

    A commitment's number is the NN in its file name NN-slug.yaml; the action plan is
    numbered from it. Renumber one of the files.

    Fails:
      commitments/03-open-contracting.yaml
      commitments/03-beneficial-ownership.yaml
    Passes:
      commitments/03-open-contracting.yaml
      commitments/04-beneficial-ownership.yaml
    """
    for commitment, earlier in _sharing(plan, lambda c: c.number):
        yield Finding(commitment.doc.path, f"commitment number {commitment.number} is also "
                      f"used by {earlier.doc.path.rsplit('/', 1)[1]}", line=1, column=1)


def _sharing(plan: Plan, key: Callable[[Commitment], object]
             ) -> Iterator[tuple[Commitment, Commitment]]:
    """Each commitment file whose `key` an earlier file of the plan has, with that file."""
    first: dict[object, Commitment] = {}
    for commitment in plan.commitment_files:
        found = first.setdefault(key(commitment), commitment)
        if found is not commitment:
            yield commitment, found


@rule("F113", "duplicate-milestone-number", family=F, severity=E, handbook="",
      subject="commitment")
def duplicate_milestone_number(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """Two milestones of a commitment have the same number.

    Fails:
      milestones:
        - number: 1
        - number: 1
    Passes:
      milestones:
        - number: 1
        - number: 2
    """
    seen: set[int] = set()
    for milestone in commitment.milestones:
        number = milestone.fields.get("number")
        if isinstance(number, int):
            if number in seen:
                yield Finding(commitment.doc.path, f"milestone number {number} is used twice",
                              milestone.path + ("number",))
            seen.add(number)


@rule("F114", "unknown-commitment", family=F, severity=E, handbook="", subject="plan")
def unknown_commitment(plan: Plan, context: Any) -> Iterator[Finding]:
    """A contribution or self-assessment names a commitment the plan does not have.

    Commitments are named by the slug of their file name: 03-open-contracting.yaml is
    open-contracting.

    Fails:
      commitments: [open-contract]
    Passes:
      commitments: [open-contracting]
    """
    ids = {c.id for c in plan.commitment_files}
    for doc, pattern in ((plan.contributions, ("contributions", "*", "commitments", "*")),
                         (plan.self_assessment, ("commitments", "*", "commitment"))):
        if doc is None:
            continue
        from ogpctl.record.fields import values_at

        for path, value in values_at(doc.data, pattern):
            if isinstance(value, str) and value not in ids:
                close = difflib.get_close_matches(value, sorted(ids), n=1, cutoff=0.6)
                hint = f'; did you mean "{close[0]}"?' if close else ""
                yield Finding(doc.path, f'plan {plan.id} has no commitment "{value}"{hint}', path)


@rule("F115", "evidence-missing", family=F, severity=E, handbook="", subject="record")
def evidence_missing(record: Record, context: Any) -> Iterator[Finding]:
    """An evidence path names a file that does not exist.

    Evidence paths are relative to the plan folder (plans/<id>/) for plan files, and to the
    record root for forum files. Add the file or correct the path.

    Fails:
      evidence: [evidence/03-open-contracting/launch-report.pdf]   # no such file
    Passes:
      evidence: [evidence/03-open-contracting/portal-launch-report.md]
    """
    for finding in _evidence_findings(record, context):
        if finding[0] == "F115":
            yield finding[1]


@rule("F116", "evidence-unsafe", family=F, severity=E, handbook="", subject="record")
def evidence_unsafe(record: Record, context: Any) -> Iterator[Finding]:
    """An evidence path leaves the record, or a link uses an unsafe scheme.

    Evidence must be inside the record (no absolute paths, no "..", nothing in .git, no
    symbolic links) or an http/https link, so the public repository cannot be made to
    show files from elsewhere.

    Fails:
      evidence: [../../etc/passwd, "javascript:alert(1)"]
    Passes:
      evidence: [evidence/process/timeline.md, "https://example.org/report.pdf"]
    """
    for finding in _evidence_findings(record, context):
        if finding[0] == "F116":
            yield finding[1]


def _evidence_findings(record: Record, context: Any) -> list[tuple[str, Finding]]:
    # F115, F116 and F117 share one pass over the record, made by the first to ask.
    found: list[tuple[str, Finding]] = context.shared(
        "evidence", lambda: _check_evidence(record, context.listed_files()))
    return found


def _check_evidence(record: Record, on_disk: Collection[str]) -> list[tuple[str, Finding]]:
    """The findings on every evidence reference; a plain reference to a file listed in an
    evidence folder (`on_disk`) is known to be sound and is not looked up again."""
    from ogpctl.domain.citations import listed_file
    from ogpctl.record.fields import EVIDENCE, values_in, values_of

    found: list[tuple[str, Finding]] = []
    seen: dict[str, int | None] = {}
    checked: dict[tuple[str, str], tuple[str, str] | None] = {}   # a file is cited often
    for file, doc in record.documents.items():
        refs = values_in(doc, EVIDENCE)   # the paths are made for a finding
        if not refs:
            continue
        base = "/".join(file.split("/")[:2]) if file.startswith("plans/") else ""
        step: tuple[str, ...]
        for index, value in enumerate(refs):
            raw, step = value, ()   # the step from the reference to its text
            if isinstance(value, dict):
                raw, step = value.get("path"), ("path",)
                if isinstance(value.get("url"), str):
                    raw, step = value["url"], ("url",)
            if not isinstance(raw, str):
                continue
            key = (base, raw)
            if key not in checked:
                checked[key] = None if listed_file(base, raw, on_disk) is not None \
                    else evidence.check_path(record.root, base, raw, seen)
            problem = checked[key]
            if problem:
                where = values_of(doc, EVIDENCE)[index][0] + step
                found.append((problem[0], Finding(file, problem[1], where)))
    return found


@rule("F118", "unknown-plan", family=F, severity=E, handbook="", subject="record")
def unknown_plan(record: Record, context: Any) -> Iterator[Finding]:
    """A meeting names a plan that is not in plans/.

    Fails:
      plan: 2026-2028   # plans/ has 2026-2030
    Passes:
      plan: 2026-2030
    """
    ids = {p.id for p in record.plans}
    for meeting in record.meetings:
        plan = meeting.fields.get("plan")
        if isinstance(plan, str) and plan not in ids:
            yield Finding(meeting.path, f'there is no plan "{plan}" in plans/', ("plan",))


@rule("F117", "file-name", family=F, severity=E, handbook="", subject="record")
def file_name(record: Record, context: Any) -> Iterator[Finding]:
    """A file or folder in the record is not named as ogpctl expects.

    Names end up in paths and web addresses, so they are plain lowercase ASCII "slugs":
    plans/<plan-id>/, commitments/NN-slug.yaml, sections/<section>.<language>.md and
    forum/meetings/YYYY-MM-DD-slug.md. Evidence files and folders are named in any script:
    letters, digits and combining marks, with spaces, ".", "_", "-" and parentheses between
    them ("ოქმი 2026.pdf", "Acta (1).pdf"). A name with any other character (quotes, "<",
    "#", "%", invisible, control or bidi characters), one that Windows reserves (CON.pdf,
    nul.txt), or one that starts with "-", "." or a space or ends with "." or a space cannot
    be checked out, typed or linked safely everywhere: such an evidence file, cited or not,
    is reported here and not published with the site.

    Fails:
      plans/2026-2030/commitments/Open Contracting.yaml
      evidence: [evidence/process/CON.pdf, "evidence/process/report\\u202egpj.pdf"]
    Passes:
      plans/2026-2030/commitments/03-open-contracting.yaml
      evidence: [evidence/process/Minutes_2026-03-12.pdf, "evidence/process/ოქმი 2026.pdf"]
    """
    for finding in _evidence_findings(record, context):
        if finding[0] == "F117":
            yield finding[1]
    yield from _misnamed_files(context)


def _misnamed_files(context: Any) -> Iterator[Finding]:
    """Every file of an evidence folder whose name F117 refuses, cited or not: the site
    does not publish it (`ogpctl.record.evidence.withheld`) and requirement 2.2 does not
    count it, so its author is told here."""
    for path in context.listed_files():
        problem = evidence.name_problem(path)
        if problem:
            yield Finding(path, f"the evidence file {problem}; it is not published with the "
                          "site until it is renamed")


entry("F119", "missing-file", family=F, severity=E, handbook="", doc="""
    A file the record needs is missing.

    Every record has ogp.yaml and stakeholders.yaml; every plan folder has plan.yaml.
    """)
entry("F120", "unknown-rule-code", family=F, severity=W, handbook="", doc="""
    A suppression names a rule code that ogpctl does not have.

    A code in `check.ignore` or `check.per-file-ignores` of ogp.yaml, or in an
    `ogpctl: ignore[...]` or `ogpctl: ignore-file[...]` comment, that is no rule's switches
    nothing off: a mistyped code leaves the finding it meant to silence, and an old one
    hides nothing. `ogpctl rules` lists the codes; the message names the nearest one.

    Fails:
      check:
        ignore: [S999]
    Passes:
      check:
        ignore: [S211]
    """)
entry("F121", "unused-suppression", family=F, severity=W, handbook="", doc="""
    A suppression switches off a rule that reports nothing where it applies.

    Reported only by `ogpctl check --strict`, like an unused `noqa`: an ignore in
    ogp.yaml whose rule finds nothing in the record (or in the files its pattern matches),
    or an `ogpctl: ignore[...]` comment whose rule finds nothing on its line (or, for a
    comment alone on its line, the next one). Remove it, so that it cannot hide the next
    finding of that rule. A code that is no rule's is F120 instead. Switch F121 itself off
    in ogp.yaml (`check.ignore: [F121]`).

    Fails:
      lead: procurement-agency   # ogpctl: ignore[S211]
    Passes:
      output: {en: Promote transparency}   # ogpctl: ignore[S211]
    """)


@rule("F122", "duplicate-commitment-id", family=F, severity=E, handbook="", subject="plan")
def duplicate_commitment_id(plan: Plan, context: Any) -> Iterator[Finding]:
    """Two commitment files of a plan have the same id.

    A commitment's id is the slug of its file name (NN-id.yaml); contributions and the
    self-assessment name commitments by it, so an entry naming a shared id would be read
    for both commitments. Rename one of the files.

    Fails:
      commitments/01-commitment.yaml
      commitments/03-commitment.yaml
    Passes:
      commitments/01-open-contracting.yaml
      commitments/03-budget-transparency.yaml
    """
    for commitment, earlier in _sharing(plan, lambda c: c.id):
        yield Finding(commitment.doc.path, f'commitment id "{commitment.id}" is also used '
                      f"by {earlier.doc.path.rsplit('/', 1)[1]}; contributions and the "
                      "self-assessment name commitments by id", line=1, column=1)

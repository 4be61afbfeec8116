"""The record model that rules read: thin views over parsed documents, named after the
OGP domain. Values stay as parsed; rules report paths inside a document's data."""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, TypeGuard

from ogpctl.record import cycle
from ogpctl.record.kinds import (
    COMMITMENT_FILE,
    LANGUAGE,
    SELF_ASSESSMENT_FILE,
    Kind,
    is_slug,
    parse_day,
)
from ogpctl.source.problems import Problem


class Stage(enum.IntEnum):
    """Where a plan is in the OGP cycle; rules apply from a stage on."""

    CO_CREATION = 0
    SUBMISSION = 1
    IMPLEMENTATION = 2
    END_OF_TERM = 3

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")

    @classmethod
    def parse(cls, word: str) -> Stage:
        return cls[word.upper().replace("-", "_")]


_STATUS_STAGE = {"co-creation": Stage.CO_CREATION, "implementation": Stage.IMPLEMENTATION,
                 "refresh": Stage.IMPLEMENTATION, "closed": Stage.END_OF_TERM}


#: The day a date field names; None when it is empty or unusable (the schema reports it).
#: The rules ask this some 170,000 times on a world-sized corpus: the one function, not a
#: wrapper around it.
as_date = parse_day


#: A web address as the schemas accept one (common.schema.json#/$defs/url).
_ADDRESS = re.compile(r"(?:https?://|mailto:)\S+")


def as_address(value: Any) -> str | None:
    """The web address a field holds, or None when it holds none the schema accepts (empty,
    `javascript:…`, a path): a verdict or a link never rests on what `check` refuses (F103)."""
    return value if isinstance(value, str) and _ADDRESS.fullmatch(value) else None


#: An email address as the schemas accept one (common.schema.json#/$defs/email): only the
#: address, so a mailto: link made from it carries no ?bcc= or other part.
_NOT_IN_ADDRESS = r"""\s@?&#<>/\\:;,"'()\[\]"""
EMAIL = re.compile(rf"^[^{_NOT_IN_ADDRESS}]+@[^{_NOT_IN_ADDRESS}]+\.[^{_NOT_IN_ADDRESS}.]+$")


def as_email(value: Any) -> str | None:
    """The email address a field holds, or None when the schema refuses it (F103)."""
    return value if isinstance(value, str) and EMAIL.match(value) else None


def as_word(value: Any) -> str | None:
    """The text of a field that holds one word (a status, a kind, an id); None for anything
    else, such as a list or a mapping, which the schema reports and which cannot be looked
    up in a dict or a set."""
    return value if isinstance(value, str) else None


@dataclass(eq=False)
class Document:
    path: str
    kind: Kind
    data: Any
    ok: bool
    body: str | None = None
    body_line: int = 1
    #: Whether the file's bytes hold `ogpctl:`, so may hold an inline suppression (known
    #: from the bytes the loader read; True when not known): only these are read again.
    suppressions: bool = True
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)   # per-run lookups (see fields)

    @property
    def fields(self) -> dict[str, Any]:
        return self.data if isinstance(self.data, dict) else {}


def entries(doc: Document | None, key: str) -> list[tuple[int, dict[str, Any]]]:
    """(position, item) of each mapping listed under `key` in `doc`; other items (a
    schema finding) and a missing list give nothing."""
    values = doc.fields.get(key) if doc is not None else None
    if not isinstance(values, list):
        return []
    return [(index, item) for index, item in enumerate(values) if isinstance(item, dict)]


def listed(doc: Document | None, key: str) -> list[dict[str, Any]]:
    return [item for _, item in entries(doc, key)]


@dataclass(eq=False)
class Milestone:
    commitment: Commitment
    index: int
    fields: dict[str, Any]

    @property
    def path(self) -> tuple[str | int, ...]:
        return ("milestones", self.index)

    @property
    def label(self) -> str:
        number = self.fields.get("number")
        return f"milestone {number}" if isinstance(number, int) else f"milestone #{self.index + 1}"


@dataclass(eq=False)
class Commitment:
    doc: Document
    plan: Plan
    number: int
    id: str

    @property
    def fields(self) -> dict[str, Any]:
        return self.doc.fields

    @property
    def readable(self) -> bool:
        """Whether the file holds a commitment: it was read, and holds a mapping."""
        return self.doc.ok and isinstance(self.doc.data, dict)

    @property
    def kind(self) -> str:
        return as_word(self.fields.get("kind")) or "regular"

    @cached_property
    def milestones(self) -> list[Milestone]:
        items = self.fields.get("milestones")
        if not isinstance(items, list):
            return []
        return [Milestone(self, i, m) for i, m in enumerate(items) if isinstance(m, dict)]

    def period(self) -> tuple[date, date] | None:
        """The period covered (handbook 3.2.c): the commitment's own start and end, each
        defaulting to the plan's; None unless both ends are known, never half a span."""
        plan = self.plan.period()
        own = self.fields.get("period")
        if not isinstance(own, dict):
            return plan
        start = as_date(own.get("start")) or (plan[0] if plan else None)
        end = as_date(own.get("end")) or (plan[1] if plan else None)
        return (start, end) if start and end else None


@dataclass(eq=False)
class Plan:
    id: str
    doc: Document | None = None
    co_creation: Document | None = None
    contributions: Document | None = None
    #: The newest of `self_assessments` (the report the rules read), None without one.
    self_assessment: Document | None = None
    #: Every self-assessment report of the plan, oldest first (`report_day`):
    #: self-assessment.yaml and self-assessments/YYYY-MM-DD.yaml (a yearly report stays
    #: published once the end-of-term one is written, handbook 3.3).
    self_assessments: list[Document] = field(default_factory=list)
    #: Every commitment file of the plan, readable or not: what the rules about files,
    #: numbers and ids read.
    commitment_files: list[Commitment] = field(default_factory=list)
    #: The plan's commitments: the files that hold a commitment (a mapping). A file that
    #: cannot be read, is empty or holds a list is not one, so no document, page, colour or
    #: total shows it as a commitment (`check` reports it; `site` says it is left out).
    commitments: list[Commitment] = field(default_factory=list)
    sections: list[Document] = field(default_factory=list)

    @property
    def folder(self) -> str:
        return f"plans/{self.id}"

    def unreadable_commitments(self) -> list[str]:
        """The plan's commitment files that hold no commitment (not in `commitments`)."""
        return [c.doc.path for c in self.commitment_files if not c.readable]

    @property
    def path(self) -> str:
        """The plan's plan.yaml, where findings about the plan as a whole go."""
        return self.doc.path if self.doc else f"{self.folder}/plan.yaml"

    @property
    def fields(self) -> dict[str, Any]:
        return self.doc.fields if self.doc else {}

    @property
    def readable(self) -> bool:
        """Whether plan.yaml holds a plan: it exists, was read, and holds a mapping. A plan
        whose plan.yaml cannot be read has no known delivery, dates or stage: nothing may
        be guessed for it (not its tag's day as a delivery, not co-creation as its stage)."""
        return self.doc is not None and self.doc.ok and isinstance(self.doc.data, dict)

    @property
    def stage(self) -> Stage:
        return _STATUS_STAGE.get(as_word(self.fields.get("status")) or "", Stage.CO_CREATION)

    def dates(self) -> cycle.PlanDates | None:
        """The plan's OGP calendar, or None while window, due-year or length are unusable
        (the schema reports those)."""
        window, year, length = (self.fields.get(k) for k in ("window", "due-year", "length"))
        if window not in ("june", "december") or length not in (2, 4) \
                or not isinstance(year, int) or isinstance(year, bool) or not 1900 < year < 3000:
            return None
        return cycle.plan_dates(window, year, length)

    def period(self) -> tuple[date, date] | None:
        """From delivery (or the window opening) to the end date (handbook 3.1)."""
        dates = self.dates()
        if dates is None:
            return None
        return as_date(self.fields.get("delivered")) or dates.window_opens, dates.end

    def documents(self) -> Iterator[Document]:
        for doc in (self.doc, self.co_creation, self.contributions):
            if doc is not None:
                yield doc
        yield from self.self_assessments
        yield from (c.doc for c in self.commitment_files)
        yield from self.sections


def _is_language(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and LANGUAGE.fullmatch(value) is not None


@dataclass(frozen=True)
class Languages:
    default: str
    required: tuple[str, ...]   # English first, then the administrative languages

    @property
    def written(self) -> tuple[str, ...]:
        """Every language the record is written in: English, the administrative languages
        and the default language."""
        return tuple(dict.fromkeys((*self.required, self.default)))


def language_problems(data: Any) -> list[Problem]:
    """ogp.yaml's `languages.default` when it is a language code but not one of the
    record's languages (English and the administrative languages): plain texts would be
    labelled in a language the record is not written in (F103, as the schema says of a
    value that is not one of those allowed)."""
    spec = data.get("languages") if isinstance(data, dict) else None
    default = spec.get("default") if isinstance(spec, dict) else None
    if not _is_language(default):
        return []   # the schema reports a default that is not a language code
    admin = spec.get("administrative") if isinstance(spec, dict) else None
    admin = [admin] if isinstance(admin, str) else admin if isinstance(admin, list) else []
    known = list(dict.fromkeys(["en", *(a for a in admin if _is_language(a))]))
    if default in known:
        return []
    return [Problem("F103", f'"default" should be one of the record\'s languages: '
                    f"{', '.join(known)} (found {default!r}); plain texts are in this "
                    "language, so it is English or an administrative language",
                    path=("languages", "default"))]


@dataclass(eq=False)
class Record:
    root: Path
    documents: dict[str, Document]
    ogp: Document | None = None
    stakeholders: Document | None = None
    forum: Document | None = None
    meetings: list[Document] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)

    @cached_property
    def languages(self) -> Languages:
        """The record's languages; what is not a language code (F103 reports it) is left
        out, so every command works on the languages that are valid."""
        spec = self.ogp.fields.get("languages") if self.ogp else None
        spec = spec if isinstance(spec, dict) else {}
        admin = spec.get("administrative") or []
        admin = [admin] if isinstance(admin, str) else admin   # F103 reports the shape
        admin = [x for x in admin if _is_language(x)] if isinstance(admin, list) else []
        default = spec.get("default")
        default = default if _is_language(default) else "en"
        return Languages(default, tuple(dict.fromkeys(["en", *admin])))

    @cached_property
    def stakeholder_sectors(self) -> dict[str, str]:
        items = self.stakeholders.fields.get("stakeholders") if self.stakeholders else None
        sectors: dict[str, str] = {}
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                sectors.setdefault(item["id"], item.get("sector") or "")
        return sectors

    def plan_named(self, plan_id: str) -> Plan:
        """The plan `plan_id`; a usage error naming the plans there are otherwise."""
        for plan in self.plans:
            if plan.id == plan_id:
                return plan
        from ogpctl.base.errors import UsageError

        folder = f"plans/{plan_id}"
        if is_slug(plan_id) and os.path.islink(os.path.join(self.root, folder)):
            raise UsageError(f"the plan folder {folder} is a symbolic link, which ogpctl does "
                             "not follow out of the record (`ogpctl check` reports it, R012): "
                             "replace it with the folder itself")
        known = ", ".join(p.id for p in self.plans) or "none yet; create one with ogpctl new-plan"
        raise UsageError(f"there is no plan {plan_id!r} in plans/ (plans: {known})")

    def plan_of(self, path: str) -> Plan | None:
        parts = path.split("/")
        if len(parts) > 2 and parts[0] == "plans":
            return next((p for p in self.plans if p.id == parts[1]), None)
        return None

    def commitments(self) -> Iterator[Commitment]:
        for plan in self.plans:
            yield from plan.commitments

    def unreadable_commitments(self) -> list[str]:
        """The commitment files that hold no commitment, which every output leaves out."""
        return [path for plan in self.plans for path in plan.unreadable_commitments()]


def build_record(root: Path, documents: dict[str, Document], plan_ids: list[str]) -> Record:
    record = Record(root, documents)
    plans = {plan_id: Plan(plan_id) for plan_id in plan_ids}
    record.plans = list(plans.values())
    for path, doc in sorted(documents.items()):
        _place(record, plans, path, doc)
    for plan in record.plans:
        plan.commitment_files.sort(key=lambda c: (c.number, c.id))
        plan.commitments = [c for c in plan.commitment_files if c.readable]
        plan.self_assessments.sort(key=lambda doc: (report_day(doc) or date.min, doc.path))
        plan.self_assessment = plan.self_assessments[-1] if plan.self_assessments else None
    return record


def report_day(doc: Document) -> date | None:
    """The day a self-assessment report was prepared: its `prepared`, else the day its
    name in self-assessments/ gives; None when neither says."""
    prepared = parse_day(doc.fields.get("prepared"))
    if prepared is None and (match := SELF_ASSESSMENT_FILE.fullmatch(doc.path.rsplit("/", 1)[1])):
        return parse_day(match["prepared"])
    return prepared


def release(record: Record) -> None:
    """Break the record's two parent links (commitment to plan, milestone to commitment),
    the only reference cycles in the model, so that reference counting frees the record and
    its parsed data as soon as the caller drops it, without the cycle collector (which
    `check` pauses while it reads a record). The record is unusable afterwards."""
    for plan in record.plans:
        for commitment in plan.commitment_files:
            commitment.__dict__.pop("milestones", None)   # the cached Milestone list
        plan.commitment_files = []
        plan.commitments = []


_PLAN_SLOTS = {Kind.PLAN: "doc", Kind.CO_CREATION: "co_creation",
               Kind.CONTRIBUTIONS: "contributions"}
_RECORD_SLOTS = {Kind.OGP: "ogp", Kind.STAKEHOLDERS: "stakeholders", Kind.FORUM: "forum"}


def _place(record: Record, plans: dict[str, Plan], path: str, doc: Document) -> None:
    if doc.kind in _RECORD_SLOTS:
        setattr(record, _RECORD_SLOTS[doc.kind], doc)
    elif doc.kind is Kind.MEETING:
        record.meetings.append(doc)
    else:
        plan = plans[path.split("/")[1]]
        if doc.kind in _PLAN_SLOTS:
            setattr(plan, _PLAN_SLOTS[doc.kind], doc)
        elif doc.kind is Kind.COMMITMENT and (
                match := COMMITMENT_FILE.fullmatch(path.rsplit("/", 1)[1])):
            plan.commitment_files.append(Commitment(doc, plan, int(match["number"]),
                                                    match["id"]))
        elif doc.kind is Kind.SECTION:
            plan.sections.append(doc)
        elif doc.kind is Kind.SELF_ASSESSMENT:
            plan.self_assessments.append(doc)

"""`ogpctl check` reads each thing once (issue 16, the world corpus's CPU): a milestone's
progress updates once for the four rules that date them, a plan's result day once for its
self-assessment, a file's bytes searched for directional characters only where the byte
they open with is. These tests count the work, and check that the findings are still made."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from ogpctl.domain import document_repository, rollup
from ogpctl.record.discover import discover
from ogpctl.record.load import load_documents
from ogpctl.record.model import Record, build_record
from ogpctl.rules import catalogue, progress
from ogpctl.rules.runner import RuleContext
from ogpctl.source import bidi
from tests.conftest import TODAY, counting


def _record(root: Path) -> Record:
    layout = discover(root)
    documents, _ = load_documents(root, layout)
    return build_record(root, documents, layout.plan_ids)


def _run(code: str, subjects: list, context: RuleContext) -> list:
    check = catalogue()[code].check
    assert check is not None
    return [finding for subject in subjects for finding in check(subject, context)]


def _commitment_file(root: Path) -> Path:
    return sorted(root.glob("plans/*/commitments/*.yaml"))[0]


def test_a_milestone_s_updates_are_read_once_for_p607_to_p610(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """P607, P608, P609 and P610 share one pass over each milestone's updates."""
    path = _commitment_file(sample)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["milestones"][0].setdefault("progress", []).append(
        {"date": "2099-01-01", "status": "completed", "note": "Not yet."})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    record = _record(sample)
    context = RuleContext(record, TODAY)
    commitments = [c for plan in record.plans for c in plan.commitments]
    milestones = sum(len(c.milestones) for c in commitments)
    passes = counting(monkeypatch, progress, "list_at")
    found = {code: _run(code, commitments, context)
             for code in ("P607", "P608", "P609", "P610")}
    assert 0 < passes[0] <= milestones
    assert [f.path for f in found["P607"]] == [
        ("milestones", 0, "progress", len(data["milestones"][0]["progress"]) - 1, "date")]


def test_a501_reckons_each_plan_s_result_day_once(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The result day (`reckoning`, the plan's stage on it) is the plan's: A501 makes it once
    a plan, not once a rated commitment."""
    record = _record(sample)
    plans = [p for p in record.plans if p.self_assessment is not None]
    rated = sum(len(p.self_assessment.fields.get("commitments") or []) for p in plans
                if p.self_assessment is not None)
    assert rated > len(plans) > 0   # else the count below could not tell
    stages = counting(monkeypatch, rollup, "plan_stage")
    _run("A501", plans, RuleContext(record, TODAY))
    assert stages[0] <= len(plans)


def test_a501_still_reports_a_rating_the_milestones_do_not_give(sample: Path) -> None:
    path = next(sample.glob("plans/*/self-assessment.yaml"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    record = _record(sample)
    plan = next(p for p in record.plans if p.self_assessment is not None)
    by_id = {c.id: c for c in plan.commitments}
    entry = next(e for e in data["commitments"] if e["commitment"] in by_id)
    derived = rollup.rollup(by_id[entry["commitment"]],
                            rollup.as_date(data.get("prepared")) or TODAY)
    entry["rating"] = next(c for c in ("green", "amber", "red")
                           if c != derived.milestone_colour)
    entry.pop("rating-reason", None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    record = _record(sample)
    plan = next(p for p in record.plans if p.self_assessment is not None)
    found = _run("A501", [plan], RuleContext(record, TODAY))
    index = data["commitments"].index(entry)
    assert ("commitments", index, "rating") in [f.path for f in found]


class _CountedSearch:
    """A compiled pattern whose searches are counted."""

    def __init__(self, pattern: object) -> None:
        self.pattern = pattern
        self.calls = 0

    def search(self, raw: bytes) -> object:
        self.calls += 1
        return self.pattern.search(raw)  # type: ignore[attr-defined]


def test_bytes_without_the_opening_byte_are_not_searched_for_directional_characters(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counted = _CountedSearch(bidi._BIDI_UTF8)
    monkeypatch.setattr(bidi, "_BIDI_UTF8", counted)
    files = [p for p in sample.rglob("*") if p.is_file() and p.suffix in (".yaml", ".md")]
    raws = [p.read_bytes() for p in files]
    assert [bidi.may_hold_bidi(raw) for raw in raws] == [False] * len(raws)
    assert counted.calls == sum(b"\xe2" in raw for raw in raws) < len(raws)
    assert bidi.may_hold_bidi("an \u202e override".encode())


def test_ascii_evidence_names_are_not_encoded_to_be_tested(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = _record(sample)
    encoded = counting(monkeypatch, document_repository, "_utf8")
    listed = document_repository.listed_files(document_repository.evidence_files(record))
    assert listed and all(path.isascii() for path in listed)
    assert encoded[0] == 0


def test_the_closed_twins_match_days_without_calling_python(sample: Path) -> None:
    """`format: date` calls back into Python for every date of every file; the twins match
    the same days with a pattern (REAL_DAY) instead."""
    from ogpctl.record.schema import SchemaSet

    schemas = SchemaSet()
    record = _record(sample)
    accepted = [schemas.accepts(doc.kind, doc.data) for doc in record.documents.values()
                if doc.ok and doc.kind.schema]
    assert any(accepted)
    assert len(schemas._real_days) == 0


@pytest.mark.parametrize("century", [1800, 1900, 2000, 2100, 2400, 2900, 3000])
def test_real_day_is_the_date_format_s_days(century: int) -> None:
    import re

    from ogpctl.record.closed import REAL_DAY
    from ogpctl.record.kinds import parse_day

    pattern = re.compile(REAL_DAY)
    for year in [*range(century - 1, century + 5), century + 96, century + 99]:
        for month in range(14):
            for day in range(33):
                text = f"{year:04d}-{month:02d}-{day:02d}"
                assert (pattern.match(text) is not None) == (parse_day(text) is not None), text


def test_a_day_that_is_not_real_is_still_refused(sample: Path) -> None:
    from ogpctl.record.kinds import Kind
    from ogpctl.record.schema import SchemaSet

    schemas = SchemaSet()
    path = _commitment_file(sample).relative_to(sample).as_posix()
    data = copy.deepcopy(_record(sample).documents[path].data)   # dates as the loader reads them
    assert schemas.accepts(Kind.COMMITMENT, data)
    data["milestones"][0]["due"] = "2027-02-29"
    assert not schemas.accepts(Kind.COMMITMENT, data)
    assert [p.path for p in schemas.validate(Kind.COMMITMENT, data)] == [
        ("milestones", 0, "due")]

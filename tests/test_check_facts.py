"""The record-wide facts the rules share (issue 16): the evidence folders, the evidence
references and the obligations are made once per check, only as far as a rule needs them,
and give the same answers as the full computations `index`, `deadlines` and the site use."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ogpctl.domain import document_repository, obligations
from ogpctl.domain.citations import citations
from ogpctl.record import cycle as cal
from ogpctl.record import evidence
from ogpctl.record.load import load_record
from ogpctl.rules import repository
from ogpctl.rules.runner import RuleContext, run_rules
from tests.conftest import TODAY


def _counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, calls: Counter[str]
              ) -> None:
    real = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)


def _rules(root: Path, today: date = TODAY) -> list[tuple[str, str, str]]:
    record = load_record(root)
    return [(d.code, d.file, d.message) for d in run_rules(RuleContext(record, today))]


def test_record_facts_are_made_once_per_check(sample: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """One listing of each plan's evidence and one set of process obligations; the
    milestones' due dates (no rule reads them) not at all, nor the pass over the
    references: every evidence folder of sample-country holds a file, so P601/P602 need
    no index (tests/test_rules_evidence.py: one pass when a folder is empty)."""
    calls: Counter[str] = Counter()
    _counting(monkeypatch, document_repository, "scan_evidence", calls)
    _counting(monkeypatch, document_repository, "citations", calls)
    _counting(monkeypatch, obligations, "plan_obligations", calls)
    _counting(monkeypatch, obligations, "milestone_obligations", calls)
    _rules(sample)
    plans = len(load_record(sample).plans)
    assert calls == Counter(scan_evidence=plans, plan_obligations=plans), calls


def test_a_listed_evidence_file_is_not_looked_up_again(sample: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain reference to a file the evidence listing found is sound: neither F115-F117
    nor the index asks the file system about it again."""
    asked: list[tuple[str, str]] = []
    real = evidence.check_path

    def check_path(root: Path, base: str, raw: str, seen: Any = None) -> Any:
        asked.append((base, raw))
        return real(root, base, raw, seen)

    from ogpctl.domain.citations import listed_file
    from ogpctl.domain.document_repository import evidence_files, listed_files

    monkeypatch.setattr(evidence, "check_path", check_path)
    _rules(sample)
    record = load_record(sample)
    listed = listed_files(evidence_files(record))
    again = [(base, raw) for base, raw in asked
             if listed_file(base, raw, listed) is not None]
    assert asked and not again, again


def test_repository_rules_wait_for_their_stage(sample: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Before any plan is submitted, P601 and P602 have nothing to report, so the index of
    the evidence folders is not built for them."""
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the index was built for rules that do not apply yet")

    monkeypatch.setattr(repository, "build_index", refuse)
    found = _rules(sample, date(2022, 1, 10))   # both plans still in co-creation
    assert not [f for f in found if f[0] in ("P601", "P602")]


def test_citations_without_labels_tell_what_the_labelled_ones_do(sample: Path) -> None:
    """The rules' citations (no labels, one a target per text) name the same plans,
    folders and targets as the index's."""
    from ogpctl.domain.document_repository import evidence_files, listed_files

    record = load_record(sample)
    on_disk = listed_files(evidence_files(record))
    full = citations(record, on_disk)
    lean = citations(record, on_disk, labels=False)
    assert full and len(lean) <= len(full)
    assert {(c.plan, c.folder, c.path, c.url) for c in lean} == \
        {(c.plan, c.folder, c.path, c.url) for c in full}


def test_the_same_plan_keeps_the_same_calendar() -> None:
    """A plan's dates and cadence windows are computed once a process (every rule that
    judges a deadline asks for them) and are immutable."""
    assert cal.plan_dates("june", 2026, 4) is cal.plan_dates("june", 2026, 4)
    start, end = date(2026, 6, 24), date(2030, 6, 30)
    windows = list(cal.repository_periods(start, end))
    assert windows == list(cal.repository_periods(start, end))
    assert windows[0] == (date(2026, 6, 24), date(2026, 12, 23))
    assert windows[-1][1] == end

"""newuser6 K6: the reasoned response is part of what was delivered (handbook 2.1.d: it
"must occur before the action plan is finalized"): a decision flipped, a response rewritten
or a contribution removed after delivery is a change after delivery that check (C419, a
warning: no amendment) and the review report; a translation of a response corrected is not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run
from tests.gitrecord import use_identity
from tests.test_amendments import delivered, edit
from tests.test_review_delivered import review_findings

CONTRIBUTIONS = Path("plans/2026-2030/contributions.yaml")
TODAY = "2026-11-23"


@pytest.fixture(autouse=True)
def _identity(monkeypatch) -> None:
    use_identity(monkeypatch)


def _c419(capsys, record: Path) -> list[dict]:
    _, out, err = run(capsys, "check", record, "--today", TODAY, "--no-cache", "--format",
                      "json")
    assert out, err
    return [d for d in json.loads(out)["diagnostics"] if d["code"] in ("C418", "C419")]


def test_a_decision_flipped_after_delivery_is_reported(capsys, tmp_path: Path) -> None:
    record = delivered(tmp_path, capsys)
    path = record / CONTRIBUTIONS
    edit(path, "    decision: include\n    response:\n      en: >-\n        Included as "
         "commitment 1.", "    decision: reject\n    response:\n      en: >-\n        "
         "Included as commitment 1.")
    found = _c419(capsys, record)
    assert [(d["code"], d["severity"], d["file"]) for d in found] == [
        ("C419", "warning", CONTRIBUTIONS.as_posix())], found
    assert found[0]["message"].startswith("the decision on contribution "
                                          "works-implementation-data changed from include "
                                          "to reject, after the plan was delivered"), found
    assert found[0]["line"] == 5, found
    review = review_findings(capsys, record)
    assert "C419" in [f["code"] for f in review["introduced"]], review


def test_a_response_rewritten_or_its_translation_corrected(capsys, tmp_path: Path) -> None:
    record = delivered(tmp_path, capsys)
    path = record / CONTRIBUTIONS
    edit(path, "Se incluye como compromiso 1.", "Se incluyó como compromiso 1.")
    assert _c419(capsys, record) == []
    edit(path, "Included as commitment 1.", "Included as commitment 2.")
    found = _c419(capsys, record)
    assert [d["code"] for d in found] == ["C419"], found
    assert found[0]["message"].startswith("the response to contribution "
                                          "works-implementation-data changed: "), found


def test_a_contribution_removed_after_delivery_is_reported(capsys, tmp_path: Path) -> None:
    record = delivered(tmp_path, capsys)
    path = record / CONTRIBUTIONS
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: public-works-map")
    path.write_text(text[:start] + text[text.index("  - id: ", start + 1):], encoding="utf-8")
    found = _c419(capsys, record)
    assert [d["message"].split(",")[0] for d in found] == [
        "contribution public-works-map removed"], found

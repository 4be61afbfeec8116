"""`ogpctl new-commitment` on a delivered plan says the commitment is an amendment
(handbook 2.2, implementation guidance), to record in plan.yaml `amendments:` as C418
reports (leftovers 3)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run
from tests.gitrecord import git, use_identity
from tests.test_scaffold import new_plan, new_record

PLAN = "2027-2031"
HANDBOOK = ("To make amendments to the action plan, the participating government must send an "
            "updated version that clearly outlines all changes")


def commitment(capsys: pytest.CaptureFixture[str], record: Path, title: str) -> str:
    code, out, err = run(capsys, "new-commitment", "-C", record, PLAN, title,
                         "--today", "2027-08-01")
    assert code == 0, err
    return " ".join(out.split())


def test_a_commitment_added_after_delivery_is_an_amendment(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    use_identity(monkeypatch, "2027-06-21T10:00:00+00:00")
    record = new_record(capsys, tmp_path)
    assert new_plan(capsys, record, "--window", "june", "--due-year", "2027",
                    "--length", "4")[0] == 0
    assert "amendment" not in commitment(capsys, record, "Open data")   # not delivered yet
    git(record, "add", "-A")
    git(record, "commit", "-q", "-m", "The plan as co-created")
    code, _, err = run(capsys, "tag-submission", "-C", record, PLAN, "--date", "2027-06-20",
                       "--today", "2027-06-21")
    assert code == 0, err
    out = commitment(capsys, record, "Open budgets")
    assert f"Plan {PLAN} was delivered on 2027-06-20: adding a commitment to it is an " \
           "amendment." in out, out
    assert HANDBOOK in out and f"plans/{PLAN}/plan.yaml under `amendments:`" in out
    assert "C418" in out
    _, found, _ = run(capsys, "check", "-C", record, "--today", "2027-08-01")
    assert re.search(r"C418\s+commitment 2 added", found), found


def test_a_delivered_date_alone_makes_it_an_amendment(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    assert new_plan(capsys, record, "--window", "june", "--due-year", "2027",
                    "--length", "4")[0] == 0
    plan = record / "plans" / PLAN / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(re.sub(r"(?m)^delivered:.*$", "delivered: 2027-06-20", text),
                    encoding="utf-8")
    assert "delivered: 2027-06-20" in plan.read_text(encoding="utf-8")
    assert "was delivered on 2027-06-20" in commitment(capsys, record, "Open data")

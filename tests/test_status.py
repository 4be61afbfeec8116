"""`ogpctl status`: stage, next deadlines, progress and requirements, from the record."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SAMPLE, run


def test_status_json(capsys) -> None:
    code, out, _ = run(capsys, "status", SAMPLE, "--format", "json", "--today", "2026-12-02")
    assert code == 0
    plans = {p["plan"]: p for p in json.loads(out)}
    live = plans["2026-2030"]
    assert live["stage"] == "implementation" and live["due"] == "2026-06-30"
    assert [o["id"] for o in live["next"]][:1] == ["local-progress"]
    assert len(live["next"]) == 3 and live["overdue"] == []
    first = live["commitments"][0]
    assert first["number"] == 1 and first["share"] == 0.3 and first["colour"] == "amber"
    assert {r["code"]: r["state"] for r in live["requirements"]}["3.1"] == "met"
    closed = plans["2023-2025"]
    assert [c["colour"] for c in closed["commitments"]] == ["green", "amber", "green", "red"]


def test_status_shows_what_is_overdue(capsys, sample: Path) -> None:
    for meeting in (sample / "forum/meetings").glob("2026-1*.md"):
        meeting.unlink()
    code, out, _ = run(capsys, "status", sample, "--today", "2027-07-01")
    assert code == 0
    assert "OVERDUE" in out and "Two meetings presenting results" in out
    assert "5.1  two results meetings a year with civil society   not-met" in out


def test_status_usage_errors(capsys, tmp_path: Path) -> None:
    assert run(capsys, "status", tmp_path)[0] == 2
    assert run(capsys, "status", SAMPLE, "--today", "tomorrow")[0] == 2

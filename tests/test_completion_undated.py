"""A milestone recorded completed with no progress update saying when (a pull request
deleted its only update, or `status: completed` typed by hand) still counts as completed,
but check warns (P611) and the public pages and `deadlines` say that nothing dates it
(newuser6 K10)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from tests.conftest import SAMPLE, run
from tests.test_site_truth import replace, site, text

LIVE = "plans/2026-2030"
FILE = f"{LIVE}/commitments/03-climate-finance-transparency.yaml"
TODAY = date(2026, 11, 23)
NOTE = "Recorded as completed, but no progress update says when or with what evidence."


def complete_undated(record: Path) -> None:
    """Milestone 3.2 of 2026-2030 set to completed, with no update."""
    replace(record / FILE, "    status: not-started\n", "    status: completed\n")


def test_an_undated_completion_is_a_finding(capsys, tmp_path: Path) -> None:
    record = tmp_path / "record"
    shutil.copytree(SAMPLE, record, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    complete_undated(record)
    _, out, _ = run(capsys, "check", record, "--format", "json", "--today", TODAY.isoformat())
    found = [d for d in json.loads(out)["diagnostics"] if d["code"] == "P611"]
    assert [d["file"] for d in found] == [FILE]
    assert "milestone 3.2 has status: completed, but no progress update says when" \
        in found[0]["message"]
    _, out, _ = run(capsys, "deadlines", "-C", record, "--today", TODAY.isoformat(),
                    "--lang", "en")
    line = next(x for x in out.splitlines() if "Milestone 3.2 due: Climate" in x)
    assert "status: completed; no progress" in line      # the column wraps at 80


def test_the_dashboard_says_nothing_dates_the_completion(tmp_path: Path) -> None:
    pages = site(tmp_path, TODAY, complete_undated)
    seen = text(pages[f"en/{LIVE}/dashboard.html"])
    assert NOTE in seen

"""Tables written into a pipe or a file keep each row on one line: rich would otherwise take
80 columns and fold every cell to about 15 characters, which breaks grep, sort and diff."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from ogpctl.rules import catalogue
from tests.conftest import ROOT, run


def _piped(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-m", "ogpctl", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_rules_table_keeps_each_rule_on_one_line() -> None:
    lines = _piped("rules").splitlines()
    rules = catalogue().values()
    for item in rules:
        [row] = [line for line in lines if line.startswith(f"{item.code} ")]
        assert item.name in row and item.summary in row, row
    assert len(lines) == 1 + len(rules)   # the header and one line a rule


def test_deadlines_table_keeps_each_obligation_on_one_line() -> None:
    out = _piped("deadlines", "sample-country", "--today", "2026-11-23", "--lang", "en")
    assert re.search(r"(?m)^2024-12-13 +met +Two meetings presenting results to civil society "
                     r"+minimum requirement 5\.1 +meetings presenting results from 2023-12-14 "
                     r"to 2024-12-13: 5 recorded, 2 needed *$", out), out


def test_an_explicit_columns_is_still_honoured(monkeypatch, capsys) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run(capsys, "rules")
    assert code == 0 and max(len(line) for line in out.splitlines()) <= 100

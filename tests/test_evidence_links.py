"""A symbolic link in an evidence folder is R012, cited or not: a new user's pull request
added `evidence/process/pw.md -> /etc/passwd`, which no entry cited, and `check` said
nothing (the site leaves links out, but a reviewer must see one being added)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import run


@pytest.mark.parametrize("where", ["process/pw.md", "pw.md", "process/deep/pw.md"])
def test_a_link_in_an_evidence_folder_is_reported(capsys: pytest.CaptureFixture[str],
                                                  sample: Path, where: str) -> None:
    link = sample / "plans/2026-2030/evidence" / where
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink("/etc/passwd", link)
    code, out, err = run(capsys, "check", "-C", str(sample), "--format", "json",
                         "--no-cache", "--today", "2026-11-23")
    assert code == 1, err
    found = [d for d in json.loads(out)["diagnostics"] if d["code"] == "R012"]
    assert [d["file"] for d in found] == [f"plans/2026-2030/evidence/{where}"]
    assert found[0]["severity"] == "error"


def test_no_link_no_finding(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    code, out, err = run(capsys, "check", "-C", str(sample), "--format", "json",
                         "--no-cache", "--today", "2026-11-23")
    assert not [d for d in json.loads(out)["diagnostics"] if d["code"] == "R012"]

"""A record folder that is a symbolic link is never entered (newuser6 K11): a pull request
that made `plans/<id>/sections` a link to another folder had `check` say nothing while
`site`, `render`, `index` and `status` published the text found there.

Each kind of folder is replaced by a link to a copy of itself outside the record holding a
marker text; `check` reports the link (R012 at the folder, line 1, column 1), `status` names
it, the publishing commands refuse a record folder behind a link, and no output holds the
marker. A linked evidence folder is reported too, and nothing in it is published."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import new_plan_record, run
from tests.gitrecord import git, use_identity

PLAN = "plans/2027-2031"
MARK = "SECRETOUTSIDE"
TODAY = "2027-06-20"
MEETING = """---
date: 2027-01-15
kind: msf
title:
  en: Forum meeting
  ka: Forum meeting
plan: 2027-2031
---

Minutes of the meeting.
"""
#: Record folders: behind a link, the record is not the one its author meant.
RECORD_FOLDERS = ("plans", PLAN, f"{PLAN}/sections", f"{PLAN}/commitments", "forum",
                  "forum/meetings")
EVIDENCE_FOLDERS = (f"{PLAN}/evidence", f"{PLAN}/evidence/process")


@pytest.fixture
def record(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    found = new_plan_record(capsys, tmp_path, languages="ka,en")
    assert run(capsys, "new-commitment", "-C", found, "2027-2031", "Open data",
               "--today", "2026-12-01")[0] == 0
    (found / "forum/meetings/2027-01-15-forum-meeting.md").write_text(MEETING,
                                                                      encoding="utf-8")
    return found


def _link_out(record: Path, rel: str, outside: Path) -> None:
    """`rel` moved out of the record, marked, and a link left in its place."""
    shutil.move(record / rel, outside)
    for path in sorted(outside.rglob("*")) if outside.is_dir() else []:
        if path.suffix == ".md":
            path.write_text(path.read_text(encoding="utf-8") + f"\n\n{MARK}\n",
                            encoding="utf-8")
        elif path.suffix == ".yaml":
            text = path.read_text(encoding="utf-8").replace("ka: Open data", f"ka: {MARK}")
            path.write_text(text, encoding="utf-8")
    if rel.startswith(f"{PLAN}/evidence"):
        (outside / "process" if rel.endswith("evidence") else outside).joinpath(
            f"{MARK}.pdf").write_bytes(b"%PDF-1.4 " + MARK.encode())
    os.symlink(outside, record / rel)


def _no_mark(folder: Path) -> None:
    for path in folder.rglob("*"):
        assert MARK not in path.name
        if path.is_file():
            assert MARK.encode() not in path.read_bytes(), path


@pytest.mark.parametrize("rel", RECORD_FOLDERS + EVIDENCE_FOLDERS)
def test_check_reports_a_linked_folder(capsys: pytest.CaptureFixture[str], record: Path,
                                       tmp_path: Path, rel: str) -> None:
    _link_out(record, rel, tmp_path / "outside")
    code, out, err = run(capsys, "check", "-C", record, "--no-cache", "--today", TODAY,
                         "-f", "json")
    found = [(d["file"], d["line"], d["column"]) for d in json.loads(out)["diagnostics"]
             if d["code"] == "R012"]
    assert found == [(rel, 1, 1)], out
    assert "folder is a symbolic link" in out
    assert code == 1 and MARK not in out + err


@pytest.mark.parametrize("rel", RECORD_FOLDERS)
def test_nothing_is_published_through_a_linked_record_folder(
        capsys: pytest.CaptureFixture[str], record: Path, tmp_path: Path, rel: str) -> None:
    _link_out(record, rel, tmp_path / "outside")
    code, out, err = run(capsys, "status", "-C", record, "--today", TODAY, "--lang", "en")
    assert f"{rel}:1:1  R012" in out + err and MARK not in out + err
    for args in (("render", "action-plan", "--plan", "2027-2031", "-f", "md", "-l", "en",
                  "-o", "-", "--today", TODAY),
                 ("index", "-o", tmp_path / "index.md"),
                 ("site", "--out", tmp_path / "site", "--no-search", "--today", TODAY)):
        code, out, err = run(capsys, *args, "-C", record)
        # 1: refused, naming the link; 2: the plan asked for is not there
        assert code == (2 if args[0] == "render" and rel in ("plans", PLAN) else 1), err
        assert MARK not in out + err, args
        if rel == PLAN and args[0] == "render":   # the plan asked for is behind the link
            assert f"the plan folder {PLAN} is a symbolic link" in err
        elif rel != "plans":   # with plans/ behind a link there is no plan to name
            assert f"{rel}:1:1  R012" in err, (args, err)
    assert not (tmp_path / "index.md").exists() and not (tmp_path / "site").exists()


@pytest.mark.parametrize("rel", EVIDENCE_FOLDERS)
def test_nothing_is_published_through_a_linked_evidence_folder(
        capsys: pytest.CaptureFixture[str], record: Path, tmp_path: Path, rel: str) -> None:
    _link_out(record, rel, tmp_path / "outside")
    assert run(capsys, "index", "-C", record, "-o",
               tmp_path / "out" / "index.md")[0] == 0
    code, _, err = run(capsys, "site", "-C", record, "--today", TODAY, "--out",
                       tmp_path / "out" / "site", "--no-search")
    assert code == 0, err
    _no_mark(tmp_path / "out")


@pytest.mark.parametrize("rel", [PLAN, f"{PLAN}/sections"])
def test_review_reports_the_link_and_fixes_nothing_behind_it(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, record: Path,
        tmp_path: Path, rel: str) -> None:
    """The findings of the files behind the link were not read, not fixed: the review of
    a plan folder made a link said "fixes 23 findings" and never "symbolic link"."""
    use_identity(monkeypatch)
    if not (record / ".git").exists():
        git(record, "init", "-q")
    git(record, "add", "-A")
    git(record, "commit", "-q", "-m", "record")
    _link_out(record, rel, tmp_path / "outside")
    git(record, "add", "-A")
    git(record, "commit", "-q", "-m", "link", date="2027-06-01T10:00:00+00:00")
    code, out, err = run(capsys, "review", "HEAD~1", "HEAD", "-C", record, "-f", "json",
                         "--today", TODAY)
    findings = json.loads(out)["findings"]
    assert [f["file"] for f in findings["introduced"] if f["code"] == "R012"] == [rel], err
    assert not [f for f in findings["fixed"] if f["file"].startswith(f"{rel}/")]

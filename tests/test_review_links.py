"""`ogpctl review` shows every file a change touches, symbolic links too: a new user's pull
request added `evidence/process/pw.md -> /etc/passwd`, which neither the review's file list
nor its findings mentioned. The link is listed, and `check` of the scratch copy reports it
(R012) as introduced, without following it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, run
from tests.gitrecord import committed_sample, git, use_identity

LINK = "plans/2026-2030/evidence/process/pw.md"


@pytest.fixture(autouse=True)
def _identity(monkeypatch: pytest.MonkeyPatch) -> None:
    use_identity(monkeypatch)


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    record = committed_sample(SAMPLE, tmp_path / "record")
    os.symlink("/etc/passwd", record / LINK)
    return record


def _review(capsys: pytest.CaptureFixture[str], record: Path, *revs: str) -> dict:
    _, out, err = run(capsys, "review", *revs, "-C", record, "-f", "json",
                      "--today", "2026-11-23")
    assert out, err
    review: dict = json.loads(out)
    return review


@pytest.mark.parametrize("committed", [False, True])
def test_a_link_the_change_adds_is_listed_and_reported(capsys: pytest.CaptureFixture[str],
                                                       linked: Path, committed: bool) -> None:
    revs: tuple[str, ...] = ()
    if committed:
        git(linked, "add", "-A")
        git(linked, "commit", "-q", "-m", "evil", date="2026-07-01T10:00:00+00:00")
        revs = ("HEAD~1", "HEAD")
    review = _review(capsys, linked, *revs)
    assert {"path": LINK, "status": "added"} in review["files"]
    introduced = [f for f in review["findings"]["introduced"] if f["code"] == "R012"]
    assert [f["file"] for f in introduced] == [LINK]


def test_a_link_the_change_leaves_alone_is_no_news(capsys: pytest.CaptureFixture[str],
                                                   linked: Path) -> None:
    git(linked, "add", "-A")
    git(linked, "commit", "-q", "-m", "link", date="2026-07-01T10:00:00+00:00")
    (linked / "plans/2026-2030/plan.yaml").open("a", encoding="utf-8").close()
    review = _review(capsys, linked)
    assert not [f for f in review["files"] if f["path"] == LINK]
    assert not [f for f in review["findings"]["introduced"] if f["code"] == "R012"]

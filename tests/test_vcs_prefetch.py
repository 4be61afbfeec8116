"""`check` starts the record's two git processes (`git rev-parse`, `git log`) before it
parses the record, so git reads the history while Python parses (`vcs.prefetch`): the
history read that way is the one read when asked, for a record at its repository's top,
in a subfolder, and when the guess of which it is was wrong."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ogpctl.base import vcs
from ogpctl.check.run import CheckOptions, check_record
from tests.conftest import SAMPLE
from tests.gitrepo import commit_sample, git

TODAY = date(2026, 11, 23)


def _facts(history: vcs.History) -> tuple[Any, ...]:
    return (history.state, history.commits, history.last, history.first, history.touched)


def _prefetched(root: Path) -> tuple[vcs.Place, vcs.History]:
    vcs.prefetch(root)
    try:
        place = vcs.find_place(root)
        return place, vcs.read_history(root, place)
    finally:
        vcs.discard(root)


def _subfolder_record(tmp_path: Path) -> Path:
    top = tmp_path / "repo"
    root = top / "records" / "veridia"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    (top / "other.txt").parent.mkdir(parents=True, exist_ok=True)
    (top / "other.txt").write_text("not the record\n", encoding="utf-8")
    git(top, "init", "-q")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "Record and more")
    (top / "other.txt").write_text("changed outside the record\n", encoding="utf-8")
    git(top, "commit", "-q", "-am", "Outside the record", when="2026-11-21T10:00:00+00:00")
    return root


@pytest.mark.parametrize("where", ["top", "subfolder"])
def test_a_prefetched_history_is_the_history(tmp_path: Path, where: str) -> None:
    root = commit_sample(tmp_path / "repo") if where == "top" else _subfolder_record(tmp_path)
    place = vcs.find_place(root)
    expected = vcs.read_history(root, place)
    assert expected.commits and (place.prefix == "") == (where == "top")
    got_place, got = _prefetched(root)
    assert got_place == place
    assert _facts(got) == _facts(expected)
    assert len(got.commits) == (11 if where == "top" else 1)   # not the commit outside it


def test_a_wrong_guess_of_the_top_reads_the_log_again(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """With GIT_DIR set, the folder git runs in is the top though it holds no `.git`: the
    log started for a subfolder is dropped, and the top's is read."""
    root = commit_sample(tmp_path / "repo")
    monkeypatch.setenv("GIT_DIR", str(root / ".git"))
    work = tmp_path / "work"
    shutil.copytree(root, work, ignore=shutil.ignore_patterns(".git", ".ogpctl-cache"))
    place = vcs.find_place(work)
    expected = vcs.read_history(work, place)
    assert place.prefix == "" and expected.commits
    got_place, got = _prefetched(work)
    assert got_place == place and _facts(got) == _facts(expected)


def test_a_check_starts_git_once_a_process_and_ends_what_it_started(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _subfolder_record(tmp_path)
    started: list[Any] = []
    real = vcs._start_git

    def counting(folder: Path, *args: str) -> Any:
        process = real(folder, *args)
        started.append(process)
        return process

    monkeypatch.setattr(vcs, "_start_git", counting)
    check_record(root, CheckOptions(today=TODAY, use_cache=False, jobs=1))
    assert [p.args[1] for p in started] == ["log"]   # the place is read from the files
    assert all(p.returncode is not None for p in started)   # waited for: no zombie
    assert not vcs._STARTED


def test_what_nobody_asked_for_is_ended(tmp_path: Path) -> None:
    root = _subfolder_record(tmp_path)
    vcs.prefetch(root)
    processes = [vcs._STARTED[str(root.absolute())].log]
    vcs.discard(root)
    assert not vcs._STARTED and all(p.returncode is not None for p in processes)


def test_a_tags_commit_is_read_with_one_git_process(tmp_path: Path) -> None:
    """`tag_commit` answers what `has_tag` and `resolve_revision` answered, without
    importing GitPython: the commit of a tag, None for a missing tag or outside git."""
    import subprocess

    from ogpctl.base.vcs import tag_commit

    assert tag_commit(tmp_path, "submitted/2026-2030") is None      # not a repository
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "ogp.yaml").write_text("country: x\n", encoding="utf-8")
    subprocess.run([*git, "-C", str(tmp_path), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(tmp_path), "commit", "-qm", "x"], check=True)
    subprocess.run([*git, "-C", str(tmp_path), "tag", "-a", "-m", "x",
                    "submitted/2026-2030"], check=True)
    head = subprocess.run(["git", "-C", str(tmp_path), "rev-parse", "HEAD"],
                          capture_output=True, text=True, check=True).stdout.strip()
    assert tag_commit(tmp_path, "submitted/2026-2030") == head     # annotated: its commit
    assert tag_commit(tmp_path, "submitted/2030-2034") is None

"""The repository and calendar rules ask git as little as they can (issue 16): one
`git rev-parse` a record tells where it sits, whether the clone is shallow and whether any
`submitted/` tag exists; the history is one `git log`; the tags' days are asked for only
when such a tag exists. Each test also checks that what git says is still read right."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ogpctl.base import vcs
from ogpctl.record.discover import discover
from ogpctl.record.load import load_documents
from ogpctl.record.model import build_record
from ogpctl.rules.runner import RuleContext, run_rules
from tests.conftest import SAMPLE
from tests.gitrepo import commit_sample, git

TODAY = date(2026, 11, 23)


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The git commands run from now on (their first argument)."""
    calls: list[str] = []
    real = vcs._run_git

    def counting(root: Path, *args: str) -> Any:
        calls.append(args[0])
        return real(root, *args)

    monkeypatch.setattr(vcs, "_run_git", counting)
    return calls


def _context(root: Path) -> RuleContext:
    layout = discover(root)
    documents, _ = load_documents(root, layout)
    return RuleContext(build_record(root, documents, layout.plan_ids), TODAY)


def test_a_record_in_git_costs_one_git_process(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The log alone: the history's prefix, the shallow flag and whether any submitted/
    tag may exist are read from the repository's files (five processes once: three
    rev-parse, log, for-each-ref; then two: rev-parse, log)."""
    root = commit_sample(tmp_path / "repo")
    context = _context(root)
    calls = _counted(monkeypatch)
    found = run_rules(context)
    assert calls == ["log"]
    assert context.history().known and context.history().days_below("plans/2026-2030")
    assert context.submission_tags() == {}
    assert not [d for d in found if d.code in ("P603", "P604")]   # updated every six months


def test_submitted_tags_are_read_when_they_exist(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = commit_sample(tmp_path / "repo")
    git(root, "tag", "submitted/2026-2030")
    git(root, "tag", "-a", "-m", "Delivered", "submitted/2023-2025")
    context = _context(root)
    calls = _counted(monkeypatch)
    tags = context.submission_tags()
    assert calls == ["for-each-ref"]
    assert set(tags) == {"2026-2030", "2023-2025"}


def test_a_record_in_a_subfolder_named_like_a_commit(tmp_path: Path) -> None:
    """The prefix follows the tags' ids in rev-parse's answer; a folder whose name is all
    hex digits is still the prefix, not a tag."""
    top = tmp_path / "repo"
    root = top / "abc123"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    git(top, "init", "-q")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "Record")
    git(top, "tag", "submitted/2026-2030")
    place = vcs.find_place(root)
    assert (place.state, place.prefix, place.shallow, place.tagged) == \
        (vcs.GIT, "abc123/", False, True)
    history = vcs.read_history(root, place)
    assert "plans/2026-2030/plan.yaml" in history.last
    assert set(vcs.submission_tags(root, place)) == {"2026-2030"}


def test_a_repository_without_commits_and_a_folder_outside_git(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    git(empty, "init", "-q")
    place = vcs.find_place(empty)
    assert (place.state, place.tagged) == (vcs.GIT, False)
    assert vcs.read_history(empty, place).state == vcs.NO_COMMITS
    assert vcs.read_history(empty).state == vcs.NO_COMMITS
    assert vcs.submission_tags(empty, place) == {}
    outside = tmp_path / "outside"
    outside.mkdir()
    if vcs.find_place(outside).state != vcs.GIT:     # tmp_path may itself sit in a repository
        assert vcs.read_history(outside).state == vcs.NOT_A_REPOSITORY

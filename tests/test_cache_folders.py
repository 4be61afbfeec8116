"""A warm check stats the folders it listed before instead of listing them again (issue 16:
a world-sized corpus spent half its warm check listing 10,000 unchanged folders), and
still sees every change: a file added, removed or edited in place, a folder made."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from ogpctl.base.cache import Cache
from ogpctl.check import freshness
from ogpctl.check.run import CheckOptions, _result_key, check
from ogpctl.record import load as load_module
from tests.conftest import TODAY

HOUR = 3600
PLAN = Path("plans") / "2026-2030"


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust what the test aged a moment ago: aging a folder sets its ctime to now."""
    monkeypatch.setattr("ogpctl.check.run.RACY_SECONDS", 0.0)


def _age(root: Path, *paths: Path) -> None:
    """`paths` (default: every file and folder of the record) last changed an hour ago."""
    when = time.time() - HOUR
    for path in paths or [root, *(p for p in root.rglob("*") if ".ogpctl-cache" not in p.parts)]:
        os.utime(path, (when, when))


def _codes(root: Path) -> list[str]:
    return sorted(d.code for d in check([root], CheckOptions(today=TODAY, jobs=1)).diagnostics)


def _listed(monkeypatch: pytest.MonkeyPatch, root: Path) -> list[str]:
    """The record's folders listed from now on (any os.scandir), relative to it."""
    listed: list[str] = []
    real = os.scandir

    def scandir(path: str) -> object:
        if str(path).startswith(str(root)):
            listed.append(Path(path).relative_to(root).as_posix())
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return listed


def _listed_for_the_key(monkeypatch: pytest.MonkeyPatch, root: Path) -> list[str]:
    """The record's folders listed from now on to know whether it changed (a check that
    runs lists them all again to find the record's files)."""
    listed: list[str] = []
    real = freshness._listing

    def listing(folder: str, stamp: tuple[int, int, int]) -> freshness.Listing | None:
        listed.append(Path(folder).relative_to(root).as_posix())
        return real(folder, stamp)

    monkeypatch.setattr(freshness, "_listing", listing)
    return listed


def test_a_warm_check_lists_no_unchanged_folder(sample: Path, monkeypatch) -> None:
    _age(sample)
    assert _codes(sample) == []
    listed = _listed(monkeypatch, sample)
    monkeypatch.setattr(load_module, "load_documents", lambda *_: pytest.fail("read again"))
    assert _codes(sample) == []
    assert listed == []


def test_the_key_is_the_same_with_or_without_listings(sample: Path) -> None:
    _age(sample)
    _codes(sample)
    cache = Cache(sample, write=False)
    known = cache.folders()
    cache.close()
    assert "" in known and f"{PLAN.as_posix()}/" in known
    options = CheckOptions(today=TODAY)
    assert _result_key(sample, options, freshness.Listings(known)) == \
        _result_key(sample, options)


def test_a_new_folder_or_file_is_seen(sample: Path, monkeypatch) -> None:
    _age(sample)
    assert _codes(sample) == []
    (sample / "plans" / "2031-2035").mkdir()
    _age(sample, sample / "plans", sample / "plans" / "2031-2035")
    assert "F119" in _codes(sample)
    (sample / "plans" / "2031-2035").rmdir()
    broken = sample / PLAN / "commitments" / "99-new.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    _age(sample, sample / "plans", broken.parent, broken)
    listed = _listed_for_the_key(monkeypatch, sample)
    assert "F119" not in _codes(sample) and _codes(sample)
    assert sorted(set(listed)) == ["plans", f"{PLAN.as_posix()}/commitments"]


def test_a_file_edited_in_place_is_seen_though_its_folder_is_not_listed(
        sample: Path, monkeypatch) -> None:
    _age(sample)
    assert _codes(sample) == []
    plan = sample / PLAN / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("\nstatus:", "\nstatus: [", 1), encoding="utf-8")
    _age(sample, plan)                       # its folder's stat is as it was
    listed = _listed_for_the_key(monkeypatch, sample)
    assert "R001" in _codes(sample)
    assert PLAN.as_posix() not in listed


def test_a_removed_file_is_seen(sample: Path) -> None:
    _age(sample)
    assert _codes(sample) == []
    (sample / PLAN / "plan.yaml").unlink()
    _age(sample, sample / PLAN)
    assert _codes(sample) != []


def test_a_folder_changed_and_changed_back_keeps_its_answer_and_is_listed_once(
        sample: Path, monkeypatch) -> None:
    """An editor's swap file, made and removed: the same entries, a new folder stat."""
    _age(sample)
    assert _codes(sample) == []
    swap = sample / PLAN / ".plan.yaml.swp"
    swap.write_bytes(b"")
    swap.unlink()
    monkeypatch.setattr(load_module, "load_documents", lambda *_: pytest.fail("read again"))
    listed = _listed(monkeypatch, sample)
    assert _codes(sample) == []
    assert listed == [PLAN.as_posix()]
    assert _codes(sample) == []
    assert listed == [PLAN.as_posix()]       # the new listing was kept


def test_a_fresh_folder_is_listed_but_not_kept(sample: Path, monkeypatch) -> None:
    """A folder changed within the racy window may change again within the same clock
    tick, leaving its stat as it was: its listing is not kept."""
    monkeypatch.setattr("ogpctl.check.run.RACY_SECONDS", 2.0)
    _age(sample)
    time.sleep(0.01)
    lines = freshness.Listings()
    assert freshness.tree_lines(sample, time.time_ns() - 2_000_000_000, lines) is not None
    assert "" not in lines.kept        # aging the folders set their ctime to now
    assert lines.changed

"""Inline suppressions are found without reading every file twice: the loader marks the files
whose bytes hold `ogpctl:` (`Document.suppressions`, kept in the cache with the parse), and
`check.locate.finish` reads again only those."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from ogpctl.base.cache import FOLDER, Cache, pack, unpack
from ogpctl.check import locate
from ogpctl.check.run import CheckOptions, check
from ogpctl.record import load as load_module
from ogpctl.record.discover import discover
from ogpctl.record.load import load_documents
from tests.conftest import TODAY

PLAN = "plans/2026-2030/plan.yaml"


def _age(folder: Path) -> None:
    """Files older than the cache's racy window, so their stat is trusted."""
    when = time.time() - 3600
    for path in folder.rglob("*"):
        if path.is_file() and FOLDER not in path.parts:
            os.utime(path, (when, when))


def _comment(root: Path) -> None:
    """An inline suppression of a code no rule has: F120 shows that finish read it."""
    plan = root / PLAN
    plan.write_bytes(plan.read_bytes() + b"# ogpctl: ignore[X999]\n")


def _reads(monkeypatch: pytest.MonkeyPatch, root: Path) -> set[str]:
    """The record files finish reads, filled in as it reads them."""
    seen: set[str] = set()
    real = locate._bytes

    def spy(path: str) -> bytes | None:
        seen.add(Path(path).relative_to(root).as_posix())
        return real(path)

    monkeypatch.setattr(locate, "_bytes", spy)
    return seen


def _f120_files(root: Path, use_cache: bool) -> list[str]:
    result = check([root], CheckOptions(today=TODAY, jobs=1, use_cache=use_cache))
    return [d.file for d in result.diagnostics if d.code == "F120"]


def test_finish_reads_only_the_files_that_hold_a_suppression(sample: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    _comment(sample)
    seen = _reads(monkeypatch, sample)
    assert _f120_files(sample, use_cache=False) == [PLAN]
    assert seen == {PLAN}


def test_the_loader_marks_the_files_with_the_mark(sample: Path) -> None:
    _comment(sample)
    documents, _ = load_documents(sample, discover(sample))
    assert {path for path, doc in documents.items() if doc.suppressions} == {PLAN}


def test_the_mark_is_kept_with_the_cached_parse(sample: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_module, "worth_keeping", lambda result: True)
    _comment(sample)
    _age(sample)
    assert _f120_files(sample, use_cache=True) == [PLAN]
    cache = Cache(sample)   # keep the files table only: the whole result would be reused
    cache.db.execute("DELETE FROM results")   # type: ignore[union-attr]
    cache.db.commit()                         # type: ignore[union-attr]
    cache.close()
    monkeypatch.setattr(load_module, "read_bytes", lambda *_: pytest.fail("parsed again"))
    seen = _reads(monkeypatch, sample)
    assert _f120_files(sample, use_cache=True) == [PLAN]
    assert seen == {PLAN}


def test_a_cached_parse_without_the_mark_is_read_again(sample: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry of the earlier format (the parse alone) is not taken for one with a mark."""
    monkeypatch.setattr(load_module, "worth_keeping", lambda result: True)
    _comment(sample)
    _age(sample)
    layout = discover(sample)
    cache = Cache(sample)
    load_documents(sample, layout, cache)
    rows = cache.db.execute("SELECT path, blob FROM files").fetchall()  # type: ignore[union-attr]
    cache.db.executemany("UPDATE files SET blob = ? WHERE path = ?",    # type: ignore[union-attr]
                         [(pack(unpack(blob)[0]), path) for path, blob in rows])
    cache.db.commit()                                                   # type: ignore[union-attr]
    parsed: list[bytes] = []
    real = load_module.read_bytes
    monkeypatch.setattr(load_module, "read_bytes",
                        lambda raw, kind, *rest: parsed.append(raw) or real(raw, kind, *rest))
    documents, _ = load_documents(sample, layout, cache)
    cache.close()
    assert len(parsed) == len(layout.files)
    assert {path for path, doc in documents.items() if doc.suppressions} == {PLAN}

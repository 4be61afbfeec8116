"""The check cache (`ogpctl.base.cache`): keyed by everything that shapes a finding (the
record's tree, the options, the history, ogpctl's code, schemas and templates), and lean:
whole results and the results of files read on the precise YAML path, never a copy of
the record."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ogpctl.base import cache as cache_module
from ogpctl.base.cache import FOLDER, Cache, salt_of
from ogpctl.check.run import CheckOptions, check
from ogpctl.record import load as load_module
from ogpctl.record.discover import discover
from ogpctl.record.load import load_documents
from tests.conftest import ROOT, TODAY

HOUR = 3600


def _age(folder: Path, seconds: float = HOUR) -> None:
    """Every file below `folder` last changed `seconds` ago: older than the racy window, so
    the cache trusts their stat (files just written are never trusted)."""
    when = time.time() - seconds
    for path in folder.rglob("*"):
        if path.is_file() and FOLDER not in path.parts:
            os.utime(path, (when, when))


def _codes(root: Path, **options: object) -> list[str]:
    result = check([root], CheckOptions(today=TODAY, jobs=1, **options))  # type: ignore[arg-type]
    return sorted(d.code for d in result.diagnostics)


def _database(root: Path) -> Path:
    return root / FOLDER / "cache.sqlite"


# --- keyed by the record's tree --------------------------------------------------------

def test_an_empty_plan_folder_is_seen_by_a_warm_check(sample: Path) -> None:
    """The key covered every file but no folder: a plan folder with nothing in it yet
    (F119, it has no plan.yaml) was answered from the cache as if it were not there."""
    _age(sample)
    assert _codes(sample) == []
    (sample / "plans" / "2031-2035").mkdir()
    assert "F119" in _codes(sample)
    (sample / "plans" / "2031-2035").rmdir()
    assert _codes(sample) == []


def test_a_warm_check_reads_no_record_file(sample: Path, monkeypatch) -> None:
    _age(sample)
    before = check([sample], CheckOptions(today=TODAY, jobs=1)).diagnostics

    def refuse(*_args: object) -> None:
        raise AssertionError("a warm check read the record")

    monkeypatch.setattr(load_module, "load_documents", refuse)
    assert check([sample], CheckOptions(today=TODAY, jobs=1)).diagnostics == before


def test_a_changed_file_is_checked_again(sample: Path) -> None:
    _age(sample)
    assert _codes(sample) == []
    plan = sample / "plans" / "2026-2030" / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("\nstatus:", "\nstatus: [", 1), encoding="utf-8")
    _age(sample, HOUR / 2)
    assert "R001" in _codes(sample)


# --- keyed by the code -----------------------------------------------------------------

@pytest.fixture
def code(tmp_path: Path) -> Path:
    """A copy of ogpctl with its schemas and templates, as a source checkout lays them out."""
    target = tmp_path / "code"
    ignore = shutil.ignore_patterns("__pycache__", ".ogpctl-cache")
    for part in ("ogpctl", "schemas", "templates"):
        shutil.copytree(ROOT / part, target / part, ignore=ignore)
    _age(target)
    return target


def _check_with(code: Path, record: Path) -> list[tuple[str, str]]:
    """(code, message) of every finding, checked by the copy of ogpctl in `code`."""
    done = subprocess.run(
        [sys.executable, "-m", "ogpctl", "check", str(record), "--today", str(TODAY),
         "--format", "json", "--jobs", "1"],
        cwd=code, env={**os.environ, "PYTHONPATH": str(code)}, capture_output=True, text=True,
        timeout=120, check=False)
    assert done.returncode in (0, 1), done.stderr
    return [(d["code"], d["message"]) for d in json.loads(done.stdout)["diagnostics"]]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_changed_guide_texts_and_rules_never_answer_from_an_old_entry(
        code: Path, sample: Path) -> None:
    """L304 knows the scaffold's guide texts from templates/scaffold/guide.yaml, which the
    salt did not cover: a guide question added there was not seen by a warm check."""
    answer = "The lead agency answers every request within ten working days."
    section = sample / "plans" / "2026-2030" / "sections" / "introduction.en.md"
    section.write_text(f"# 1. Introduction\n\n{answer}\n", encoding="utf-8")
    _age(sample)
    assert [c for c, _ in _check_with(code, sample)] == []
    _edit(code / "templates" / "scaffold" / "guide.yaml", 'and why?"', f'and why? {answer}"')
    found = _check_with(code, sample)
    assert [c for c, _ in found] == ["L304"]
    assert "answer them in your own words" in found[0][1]
    _age(code)   # the stat shortcut (the salt kept by the stat of its inputs) sees it too
    _edit(code / "ogpctl" / "rules" / "languages.py", "answer them in your own words",
          "write your own answers")
    assert [m for _, m in _check_with(code, sample)][0].endswith("write your own answers")


@pytest.mark.parametrize("changed", [
    "ogpctl/record/discover.py",                      # any module, not only rules
    "schemas/ogp.schema.json",
    "templates/scaffold/guide.yaml",                  # L304's guide texts
    "templates/locales/es/LC_MESSAGES/ogpctl.po",     # the obligations' titles in findings
])
def test_the_salt_covers_every_input_of_a_finding(code: Path, changed: str) -> None:
    def salt() -> str:
        return salt_of(code / "ogpctl", code / "schemas", code / "templates")

    before = salt()
    assert salt() == before
    path = code / changed
    path.write_bytes(path.read_bytes() + b"\n")
    assert salt() != before


def test_the_salt_covers_the_installed_distributions(tmp_path: Path, monkeypatch) -> None:
    """A new yaml_rs or jsonschema_rs may read or judge a file differently."""
    before = cache_module._environment()
    (tmp_path / "yaml_rs-99.0.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [*sys.path, str(tmp_path)])
    assert cache_module._environment() != before


def test_unchanged_code_is_not_hashed_again(sample: Path, monkeypatch) -> None:
    """Hashing the code costs ~50 ms a process: when the stat of its inputs is as it was,
    the cache is trusted without it."""
    stamp = "a-stamp"
    monkeypatch.setattr(cache_module, "code_stamp", lambda: stamp)
    Cache(sample).close()

    def refuse() -> str:
        raise AssertionError("the code was hashed again")

    monkeypatch.setattr(cache_module, "salt", refuse)
    cache = Cache(sample)
    assert cache.db is not None
    cache.close()
    assert Cache(sample, write=False).db is not None


def test_another_salt_empties_the_cache_and_gives_its_space_back(sample: Path) -> None:
    """A cache written by other code (the former one kept every file whole) is emptied,
    and the database shrinks."""
    (sample / FOLDER).mkdir()
    db = sqlite3.connect(_database(sample))
    db.executescript("""CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE files (path TEXT PRIMARY KEY, size INT, mtime INT, digest BLOB, blob BLOB);
        CREATE TABLE results (key TEXT PRIMARY KEY, blob BLOB);
        INSERT INTO meta VALUES ('salt', 'old');""")
    db.executemany("INSERT INTO files VALUES (?, 1, 1, x'00', ?)",
                   [(f"f{i}", os.urandom(4096)) for i in range(256)])
    db.commit()
    db.close()
    assert _database(sample).stat().st_size > 1_000_000
    _codes(sample)
    assert _database(sample).stat().st_size < 100_000


# --- lean ------------------------------------------------------------------------------

def test_files_read_on_the_fast_path_are_not_kept(sample: Path) -> None:
    """In a new process (as `ogpctl check` runs), the first file of each kind also paid for
    importing and compiling its schema, and was kept as if it were slow to read; then, on a
    busy machine, any file could look slow. A clean record keeps only whole results."""
    _age(sample)
    _check_with(ROOT, sample)
    cache = Cache(sample)
    assert cache.files() == {}
    cache.close()
    size = sum(p.stat().st_size for p in sample.rglob("*") if FOLDER not in p.parts)
    assert _database(sample).stat().st_size < size / 2


@pytest.mark.parametrize("seconds_a_call", [0, 1], ids=["idle machine", "busy machine"])
def test_the_path_taken_decides_what_is_kept_not_the_clock(sample: Path, monkeypatch,
                                                          seconds_a_call: int) -> None:
    """Which files were kept hung on the CPU time their reading took: on a loaded machine
    files read on the fast path looked slow and were kept (a flaky test showed it), and a
    small file read on the precise path could look fast and be read again on every check
    after a change. The path a file's reading took decides."""
    ticks = itertools.count()
    monkeypatch.setattr(time, "thread_time", lambda: float(next(ticks) * seconds_a_call))
    path = sample / "plans" / "2026-2030" / "plan.yaml"
    path.write_text(f"%YAML 1.2\n---\n{path.read_text(encoding='utf-8')}", encoding="utf-8")
    _age(sample)
    cache = Cache(sample)
    load_documents(sample, discover(sample), cache)
    assert list(cache.files()) == ["plans/2026-2030/plan.yaml"]
    cache.close()


def test_a_file_read_on_the_precise_path_is_kept(sample: Path) -> None:
    """The precise YAML path (here for the %YAML directive) is ~50 times slower: a record
    where one file changed does not read it again."""
    path = sample / "plans" / "2026-2030" / "commitments" / "01-public-works-open-contracting.yaml"
    notes = "".join(f"  - note {i}: the milestone is on track\n" for i in range(1500))
    path.write_text(f"%YAML 1.2\n---\n{path.read_text(encoding='utf-8')}x-notes:\n{notes}",
                    encoding="utf-8")
    _age(sample)
    first = _codes(sample)
    cache = Cache(sample)
    rel = path.relative_to(sample).as_posix()
    assert list(cache.files()) == [rel]
    cache.close()
    other = sample / "plans" / "2026-2030" / "plan.yaml"
    other.write_bytes(other.read_bytes() + b"\n")
    _age(sample, HOUR / 2)
    assert _codes(sample) == first


def test_kept_results_are_used_and_a_corrupt_entry_is_read_again(sample: Path,
                                                                 monkeypatch) -> None:
    monkeypatch.setattr(load_module, "worth_keeping", lambda result: True)
    _age(sample)
    layout = discover(sample)
    cache = Cache(sample)
    expected, problems = load_documents(sample, layout, cache)
    assert set(cache.files()) == {ref.path for ref in layout.files}
    real = load_module.read_bytes
    monkeypatch.setattr(load_module, "read_bytes", lambda *_: pytest.fail("read again"))
    again, _ = load_documents(sample, layout, cache)
    assert {p: d.data for p, d in again.items()} == {p: d.data for p, d in expected.items()}
    cache.db.execute("UPDATE files SET blob = x'0102'")   # type: ignore[union-attr]
    cache.db.commit()                                      # type: ignore[union-attr]
    monkeypatch.setattr(load_module, "read_bytes", real)
    again, again_problems = load_documents(sample, layout, cache)
    assert {p: d.data for p, d in again.items()} == {p: d.data for p, d in expected.items()}
    assert again_problems == problems
    cache.close()


def test_a_broken_database_only_costs_time(sample: Path) -> None:
    _age(sample)
    expected = _codes(sample, use_cache=False)
    (sample / FOLDER).mkdir(exist_ok=True)
    _database(sample).write_bytes(b"not a database" * 100)
    assert _codes(sample) == expected
    assert _codes(sample) == expected


# --- never committed -------------------------------------------------------------------

def _open_check_cache(root: Path) -> None:
    Cache(root).close()


def _open_site_store(root: Path) -> None:
    from ogpctl.site.store import Store

    store = Store.open(root, None)
    assert store is not None
    store.db.close()


@pytest.mark.parametrize("folder_existed", [False, True])
@pytest.mark.parametrize("opened", [_open_check_cache, _open_site_store],
                         ids=["check cache", "site store"])
def test_the_cache_folder_is_ignored_by_git(tmp_path: Path, opened, folder_existed: bool
                                            ) -> None:
    """`git add -A` in a record without its own .gitignore (or one that lost the line)
    committed .ogpctl-cache/ into a pull request: the folder carries a .gitignore of `*`,
    written too when the folder was there before (made by another ogpctl)."""
    from tests.gitrecord import git

    git(tmp_path, "init", "-q")
    (tmp_path / "ogp.yaml").write_text("country: X\n", encoding="utf-8")
    if folder_existed:
        (tmp_path / FOLDER).mkdir()
    opened(tmp_path)
    assert (tmp_path / FOLDER / ".gitignore").read_bytes().splitlines()[-1] == b"*"
    git(tmp_path, "add", "-A")
    assert git(tmp_path, "diff", "--cached", "--name-only").split() == ["ogp.yaml"]

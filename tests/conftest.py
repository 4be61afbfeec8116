"""Hermetic tests: no test reads or writes the real home directory, "today" is fixed, and
records are copied into pytest's tmp_path before anything touches them; nothing is written into
the source tree.

`make test` runs the modules in parallel workers, one a core (pytest-xdist `-n auto --dist
loadfile`): a module runs whole in one worker, so what a module builds once for all its tests
(the journey, the sample's site and its Chromium, the PDF plans, the wheel) is built once.
(`--dist loadgroup` would spread the other modules' tests too, but pytest-xdist 3.8 ignores
`xdist_group` marks under pytest 9.2: pytest-xdist issue 1386.) The workers are handed the
modules in collection order (`--no-loadscope-reorder`), which puts the longest first
(`LONGEST_FIRST`): the short ones then fill the end evenly on every worker, where xdist's own
order (most tests first) left a long module of one or two tests (the wheel) to run alone at the
end. Fixtures wider than a test see the same hermetic environment as the test itself."""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample-country"
TODAY = date(2026, 11, 23)


#: The modules that take longest, longest first (seconds of one core, each over 4: every
#: command on every broken case, PDFs, sites built and opened in Chromium, editors waiting on
#: each other's lock, the journey, a wheel installed in a new environment...). A module not
#: named here follows them, those with more tests first. A name that is gone is ignored; a
#: new long module belongs here.
LONGEST_FIRST = (
    "test_broken_rule_records.py", "test_broken_records.py", "test_pdf.py",
    "test_site_incremental.py", "test_safety.py", "test_site.py", "test_journey.py",
    "test_wheel.py", "test_translate.py", "test_review.py", "test_import_plan.py",
    "test_cases.py", "test_render.py", "test_limits.py", "test_hostile.py", "test_scaffold.py",
    "test_loader_properties.py", "test_index.py", "test_repository.py", "test_cache.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The modules in the order `LONGEST_FIRST` gives, each module's tests kept in order."""
    rank = {name: place for place, name in enumerate(LONGEST_FIRST)}
    tests = Counter(item.path for item in items)
    items.sort(key=lambda item: (rank.get(item.path.name, len(rank)), -tests[item.path],
                                 str(item.path)))


#: Where a test must never write: the sample record (its check cache included), the case
#: records, and the repository's top level (build/, a rendered/ or site/ folder).
WATCHED = (SAMPLE, ROOT / "tests" / "cases")
#: What tools keep at the top level while the tests run (pytest, hypothesis, linters).
TOOL_CACHES = re.compile(r"\.(pytest_cache|hypothesis|mypy_cache|ruff_cache|coverage.*)"
                         r"|__pycache__")


def _tree_state() -> dict[str, tuple[int, int]]:
    """(size, modification time) of every file below WATCHED, and the top-level names."""
    state = {f"/{p.name}": (0, 0) for p in ROOT.iterdir() if not TOOL_CACHES.fullmatch(p.name)}
    for folder in WATCHED:
        for path in folder.rglob("*"):
            stat = path.lstat()
            state[str(path.relative_to(ROOT))] = (stat.st_size, stat.st_mtime_ns)
    return state


@pytest.fixture(scope="session", autouse=True)
def _source_tree_untouched() -> Iterator[None]:
    """Fails the session (in each worker) when a test wrote into the source tree: parallel
    workers would share what one of them left there."""
    before = _tree_state()
    yield
    after = _tree_state()
    changed = sorted(name for name in before.keys() | after.keys()
                     if before.get(name) != after.get(name))
    assert not changed, f"tests wrote into the source tree: {changed[:20]}"


@pytest.fixture(scope="session", autouse=True)
def _no_fsync() -> Iterator[None]:
    """Writes are not flushed to the disk: no test pulls the power, and `os.fsync` after
    every output file was a tenth of the time of the command sweeps (more on a busy disk)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", lambda fd: None)
        yield


def _hermetic_environment(patch: pytest.MonkeyPatch, home: Path) -> None:
    patch.setenv("HOME", str(home))
    patch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    patch.delenv("GITHUB_ACTIONS", raising=False)
    patch.delenv("SOURCE_DATE_EPOCH", raising=False)
    patch.setenv("NO_COLOR", "1")
    patch.setenv("COLUMNS", "120")   # the same tables in a terminal, a pipe and a worker


@pytest.fixture(scope="session", autouse=True)
def _hermetic_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The hermetic environment for fixtures that outlive a test too (a journey run once for
    its module, a site built once): they are set up before any test's own environment."""
    with pytest.MonkeyPatch.context() as patch:
        _hermetic_environment(patch, tmp_path_factory.mktemp("session-home"))
        yield


@pytest.fixture(autouse=True)
def _hermetic(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test has a home of its own."""
    _hermetic_environment(monkeypatch, tmp_path_factory.mktemp("home"))


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy of sample-country/."""
    target = tmp_path / "sample-country"
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    return target


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    from ogpctl.cli import main

    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


#: The country of a French-first record (`new_plan_record(..., **FRENCH_FIRST)`).
FRENCH_FIRST = {"countries": ("fr=République de Testie", "en=Republic of Testie"),
                "languages": "fr,en", "lead": "Secrétariat"}


def new_plan_record(capsys: pytest.CaptureFixture[str], tmp_path: Path, *, window: str = "june",
                    due_year: str = "2027", length: str = "4", today: str = "2026-12-01",
                    lead: str = "Ministerio", countries: tuple[str, ...] = ("Testland",),
                    languages: str = "es,en", folder: str = "record") -> Path:
    """A record made as a new user makes one: `ogpctl init` (in es and en unless told),
    then `new-plan`."""
    record = tmp_path / folder
    names = [arg for country in countries for arg in ("--country", country)]
    assert run(capsys, "init", record, *names, "--iso-code", "XT",
               "--languages", languages, "--lead-agency", lead)[0] == 0
    assert run(capsys, "new-plan", "-C", record, "--window", window, "--due-year", due_year,
               "--length", length, "--today", today)[0] == 0
    return record


def counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    """Count the calls of `module.name` from now on: the list's one item is the count."""
    calls = [0]
    original = getattr(module, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls

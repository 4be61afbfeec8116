"""`ogpctl check` does each piece of work once, and only where it can find something
(issue 16): these tests count the work, so a change that brings a walk back fails here
long before a benchmark notices. Each also checks that the finding is still made."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from ogpctl.check.run import CheckOptions, check
from ogpctl.record.discover import discover
from ogpctl.record.load import load_documents
from ogpctl.record.model import build_record
from ogpctl.rules import languages
from ogpctl.rules.runner import RuleContext, run_rules
from ogpctl.source import bidi
from ogpctl.source import yaml as fast_yaml
from tests.conftest import ROOT, SAMPLE, TODAY, counting


def _rules(root: Path) -> list:
    layout = discover(root)
    documents, _ = load_documents(root, layout)
    return run_rules(RuleContext(build_record(root, documents, layout.plan_ids), TODAY))


def _codes(found: list, code: str) -> list:
    return [d for d in found if d.code == code]


def test_a_small_record_is_checked_without_worker_processes(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Starting workers (each imports the loader and compiles the schemas) cost
    sample-country more than parsing its 52 files."""
    import concurrent.futures

    def refused(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a worker pool was started for a small record")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refused)
    result = check([sample], CheckOptions(today=TODAY, use_cache=False, jobs=2))
    assert result.files > 0


def _read_problems(root: Path, code: str) -> list[tuple[str, Any]]:
    """(file, problem) of `code` found while the record's files are read."""
    _, problems = load_documents(root, discover(root))
    return [(file, p) for file, p in problems if p.code == code]


def test_r013_does_not_walk_a_document_without_directional_characters(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    walks = counting(monkeypatch, bidi, "_strings")
    assert _read_problems(sample, "R013") == []
    assert walks[0] == 0


def test_r013_still_finds_an_override_written_as_an_escape(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = next(sample.glob("plans/*/plan.yaml"))
    plan.write_text(plan.read_text(encoding="utf-8") + 'x-note: "a \\u202e b"\n',
                    encoding="utf-8")
    walks = counting(monkeypatch, bidi, "_strings")
    found = _read_problems(sample, "R013")
    assert [(file, p.path) for file, p in found] == [(plan.relative_to(sample).as_posix(),
                                                      ("x-note",))]
    assert walks[0] > 0


def test_texts_are_read_once_a_document_for_every_language_rule(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """L301, L305 and L304 share one reading of each text value (texts_of)."""
    read = counting(monkeypatch, languages, "translations")
    layout = discover(sample)
    documents, _ = load_documents(sample, layout)
    run_rules(RuleContext(build_record(sample, documents, layout.plan_ids), TODAY))
    texts = sum(len(languages.values_of(doc, languages.TEXT)) for doc in documents.values())
    assert 0 < read[0] <= texts


def test_l304_splits_only_texts_that_open_like_a_guide_sentence(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ogpctl.scaffold import guide

    question = next(s for s in sorted(guide.guide_sentences()) if s.isascii())
    commitment = sorted(sample.glob("plans/*/commitments/*.yaml"))[0]
    text = commitment.read_text(encoding="utf-8")
    answer = re.search(r"^brief-description:\n  en: (.*)$", text, re.M)
    assert answer is not None
    commitment.write_text(text[:answer.start(1)] + json.dumps(question.capitalize())
                          + text[answer.end(1):], encoding="utf-8")
    split = counting(monkeypatch, guide, "sentences")
    found = _codes(_rules(sample), "L304")
    assert [d.path for d in found if d.file.endswith(commitment.name)] == [
        ("brief-description", "en")]
    layout = discover(sample)
    documents, _ = load_documents(sample, layout)
    texts = [text for doc in documents.values() for _, _, by_language, _ in
             languages.texts_of(doc, "en") for text in by_language.values()]
    opening = [t for t in texts if languages._opening(t) in languages._guide_openings()]
    sections = [" ".join(languages._prose_lines(doc)) for doc in documents.values()
                if doc.path.endswith(".md") and "/sections/" in doc.path]
    guided = [s for s in sections if languages._opening(s) in languages._guide_openings()]
    assert len(texts) > 100 * len(opening) and len(sections) > 5 * len(guided)
    assert split[0] == len(guided) + len(opening)   # only what opens like a guide sentence


@pytest.mark.parametrize("seed", range(20))
def test_the_flow_indicator_scan_agrees_with_its_regex(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("ab ,[{|>\t\n:-") for _ in range(400))
    for end in range(0, len(text), 7):
        part = text[:end]
        assert fast_yaml._flow_block_indicator(part) == \
            (fast_yaml._FLOW_BLOCK_INDICATOR.search(part) is not None), part


def test_git_is_not_started_for_a_record_outside_any_repository(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder of records that is not in git (the benchmark corpus) costs no git
    process a record; the repository rules see "not a repository" as before."""
    from ogpctl.base import vcs
    from ogpctl.rules.runner import outside_git

    assert outside_git(sample)
    expected = vcs.read_history(sample)

    def refused(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("git was started")

    monkeypatch.setattr(vcs, "_run_git", refused)
    context = RuleContext(build_record(sample, load_documents(sample, discover(sample))[0],
                                       discover(sample).plan_ids), TODAY)
    assert context.history().state == expected.state == vcs.NOT_A_REPOSITORY
    assert context.submission_tags() == {}
    run_rules(context)


def test_git_is_asked_inside_a_repository(tmp_path: Path) -> None:
    from ogpctl.rules.runner import outside_git

    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "record").mkdir()
    assert not outside_git(tmp_path / "repo" / "record")
    (tmp_path / "bare.git").mkdir()
    (tmp_path / "bare.git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    assert not outside_git(tmp_path / "bare.git")


def test_git_dir_in_the_environment_is_always_asked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ogpctl.rules.runner import outside_git

    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere.git"))
    assert not outside_git(tmp_path)


def test_a_piped_check_does_not_load_rich() -> None:
    """`ogpctl check` into a pipe or a file writes the text report without colours, so it
    does not import rich (about 45 modules, 10-15 ms of a 0.2 s check)."""
    import subprocess
    import sys

    code = ("import sys\nfrom ogpctl.cli import main\nsys.argv = ['ogpctl', 'check', '-C', "
            f"{str(SAMPLE)!r}, '--no-cache', '--today', '2026-11-23']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('RICH' if any(m.startswith('rich') for m in sys.modules) else 'PLAIN',"
            " file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT)
    assert "no problems found" in done.stdout and done.stderr.strip().endswith("PLAIN"), done


def test_a_check_without_the_cache_loads_neither_sqlite_nor_a_worker_pool() -> None:
    """`ogpctl check --no-cache` of a small record opens no cache and starts no worker, so
    it imports neither sqlite3 nor concurrent.futures (which brings logging and threading),
    nor shutil and tempfile (bz2, lzma): git is started without `shutil.which`, and no
    scratch folder is made. A few milliseconds of a check that should take 0.15 s."""
    import subprocess
    import sys

    code = ("import sys\nfrom ogpctl.cli import main\nsys.argv = ['ogpctl', 'check', '-C', "
            f"{str(SAMPLE)!r}, '--no-cache', '--today', '2026-11-23']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('sqlite3', 'concurrent.futures', 'shutil', 'tempfile')"
            " if m in sys.modules),"
            " file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT)
    assert "no problems found" in done.stdout and done.stderr.strip().endswith("[]"), done

"""Every command survives every record `check` reports on: each broken record of
tests/cases/ and generated records full of hostile values. A command works on what is
valid or stops with a one-line message (exit 2); it never ends in a traceback (exit 3).
The sweep over the cases is shared with tests/test_broken_rule_records.py."""

from __future__ import annotations

import functools
import shutil
from datetime import date
from pathlib import Path

import pytest

from ogpctl.base.errors import OgpctlError
from ogpctl.domain.diff import Change
from ogpctl.record.load import load_record
from ogpctl.render import Request, build, render_bytes, write
from tests.conftest import run
from tests.gitrecord import committed_sample, git
from tests.test_cases import BASE, build_record, case_dirs, read_expected

DAY = date(2026, 11, 23)
TODAY = ("--today", DAY.isoformat())
PLAN = "2026-2030"
DOCUMENTS = ("action-plan", "self-assessment", "reasoned-response", "commitment",
             "amendment-note")
#: What `render` needs besides the plan, a document at a time.
EXTRA = {"commitment": ["--commitment", "1"], "amendment-note": ["--since", "HEAD"]}
#: `render` runs as a command in Markdown; the other formats are written from the same
#: document model through the Python API (`build` once a language, then `write`): what
#: the command adds (loading, options, the output folder) does not depend on the format,
#: and running it once a format built each document, the amendment note's git diff
#: included, three times (two thirds of this file's time).
WRITTEN = ("html", "docx")


def commands(record: Path, out: Path) -> list[list[str]]:
    """Every command that reads a record, in every output format it has (`render`'s
    other formats: `assert_documents_survive`)."""
    found: list[list[str]] = [
        ["check", "-C", str(record), "--no-cache", *TODAY],
        ["status", "-C", str(record), *TODAY],
        ["status", "-C", str(record), "-f", "json", *TODAY],
        ["deadlines", "-C", str(record), *TODAY],
        ["deadlines", "-C", str(record), "-f", "ics", *TODAY],
        ["index", "-C", str(record)],
        ["progress", "export", "-C", str(record)],
        ["translate", "export", "-C", str(record), "-l", "es", *TODAY],
        ["translate", "export", "-C", str(record), "-l", "es", "-f", "xliff", *TODAY],
        ["diff", "-C", str(record)], ["diff", "-C", str(record), "-f", "json"],
        ["site", "-C", str(record), "-o", str(out / "site"), "--formats", "none",
         "--no-search", *TODAY]]
    for document in DOCUMENTS:
        found.append(["render", document, "-C", str(record), "--plan", PLAN, "-f", "md",
                      "-o", str(out / "rendered"), "--force", *EXTRA.get(document, []),
                      *TODAY])
    return found


def assert_survives(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code in (0, 1, 2) and "Traceback" not in err, (argv, err[-3000:])
    if code == 2:   # a usage error or a record that cannot be used: one line
        assert len(err.strip().splitlines()) == 1, (argv, err)


def assert_documents_survive(root: Path) -> None:
    """Every document in the `WRITTEN` formats, in every language `render` would write:
    bytes, or an OgpctlError whose message (what `render` prints, exit 2) is one line."""
    try:
        record = load_record(root)
    except OgpctlError as error:
        assert len(str(error).strip().splitlines()) == 1, error
        return
    for document in DOCUMENTS:
        extra = EXTRA.get(document, [])
        for lang in record.languages.required:
            request = Request(document, PLAN, lang, 1 if "--commitment" in extra else None,
                              "HEAD" if "--since" in extra else None)
            try:
                model = build(record, request, DAY)
                for fmt in WRITTEN:
                    assert write(model, fmt, DAY), (document, lang, fmt)
            except OgpctlError as error:
                assert len(str(error).strip().splitlines()) == 1, (document, lang, error)


def packed_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """_base as the only commit of a repository: `diff` and the amendment note compare it
    with each case. Packed and without sample hooks, its .git is 25 files to copy for each
    case instead of 86."""
    root = committed_sample(BASE, tmp_path_factory.mktemp("base") / "record")
    git(root, "gc", "-q")
    shutil.rmtree(root / ".git" / "hooks")
    return root


@pytest.fixture(scope="module")
def base_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return packed_base(tmp_path_factory)


#: The cases of records that cannot be read or are malformed (R, F) are swept here, the
#: other rules' in tests/test_broken_rule_records.py: two files, which `pytest -n auto
#: --dist loadfile` runs on two workers.
READING = ("F", "R")


def broken_cases(families: tuple[str, ...] | None = None) -> list[Path]:
    """Cases with findings; of rule `families` (first letters of the codes), else all."""
    return [case for case in case_dirs() if read_expected(case)
            and (families is None or case.name.startswith(families))]


def other_broken_cases() -> list[Path]:
    return [case for case in broken_cases() if not case.name.startswith(READING)]


def compared_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The changes since HEAD are computed once for a case, by the first command that asks
    (`diff`); `diff -f json` and the amendment note (the command's languages, then every
    language again for the other formats) are given the same list. The sweep never edits
    the record, so the five other comparisons would find the same changes: they were a third
    of a case's time (each writes HEAD's files out of git and loads two records)."""
    from ogpctl.domain import diff

    compare = diff.compare_revisions

    @functools.cache
    def compared(root: Path, old: str, new: str | None) -> tuple[Change, ...]:
        return tuple(compare(root, old, new))

    def compare_revisions(root: Path, old: str, new: str | None) -> list[Change]:
        return list(compared(root, old, new))

    monkeypatch.setattr(diff, "compare_revisions", compare_revisions)


def every_command_survives(case: Path, base: Path, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    """16 commands and every document in every format and language: ~0.25 s of CPU."""
    record = build_record(case, tmp_path / "record")
    shutil.copytree(base / ".git", record / ".git")
    compared_once(monkeypatch)
    for argv in commands(record, tmp_path / "out"):
        assert_survives(capsys, argv)
    assert_documents_survive(record)


@pytest.mark.slow
@pytest.mark.parametrize("case", broken_cases(READING), ids=lambda p: p.name)
def test_every_command_survives(case: Path, base_repository: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    every_command_survives(case, base_repository, tmp_path, capsys, monkeypatch)


def test_every_command_of_the_sweep_runs_on_a_valid_record(
        base_repository: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The sweep takes a usage error (exit 2, one line) as a command surviving a broken
    record, so a command it spells wrong would run on no case at all (`progress export
    --today` did: the option does not exist). On _base, which has no findings, every command
    of the sweep does its work and succeeds."""
    record = tmp_path / "record"
    shutil.copytree(base_repository, record)
    for argv in commands(record, tmp_path / "out"):
        code, out, err = run(capsys, *argv)
        assert code == 0 and out.strip(), (argv, code, err)
    assert_documents_survive(record)


def test_the_sweeps_cover_every_broken_case() -> None:
    assert sorted(broken_cases(READING) + other_broken_cases()) == sorted(broken_cases())


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_documents_and_status_survive(case: Path, tmp_path: Path) -> None:
    from ogpctl.base.vcs import History
    from ogpctl.domain.document_repository import build_index
    from ogpctl.domain.obligations import obligations
    from ogpctl.domain.status import status, to_json

    record = load_record(build_record(case, tmp_path / "record"))
    to_json(status(record, DAY))
    obligations(record, DAY)
    build_index(record, History("not-a-repository"))
    for plan in record.plans:
        for document in ("action-plan", "self-assessment", "reasoned-response"):
            try:
                render_bytes(record, Request(document, plan.id, "es"), "md", DAY)
            except OgpctlError:
                pass


MUTATIONS = {
    "ogp.yaml": [("website: https://gobiernoabierto.veridia.example", "website: 12"),
                 ("repository: https://", "repository: [x]\nx-old: https://")],
    "forum/forum.yaml": [("  - stakeholder: ", "  - stakeholder: [1]\n    x-old: ")],
    "plans/2026-2030/co-creation.yaml": [("  - id: planning", "  - id: [planning]"),
                                         ("  published: 2026-01-12", "  published: soon")],
    "plans/2026-2030/contributions.yaml": [("    decision: include", "    decision: [1]"),
                                           ("    commitments: [public-works-open-contracting]",
                                            "    commitments: {a: 1}")],
    "plans/2026-2030/commitments/02-beneficial-ownership-open-data.yaml": [
        ("values: [", "values: 7\nx-values: ["), ("    due: ", "    due: [1]\n    x-due: "),
        ("lead: ", "lead: {a: 1}\nx-lead: ")],
}


def test_odd_types_everywhere(sample: Path) -> None:
    from ogpctl.domain.status import status, to_json
    from ogpctl.site import build_site

    for name, swaps in MUTATIONS.items():
        path = sample / name
        text = path.read_text(encoding="utf-8")
        for old, new in swaps:
            assert old in text, (name, old)
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    record = load_record(sample)
    to_json(status(record, DAY))
    for document in ("action-plan", "self-assessment", "reasoned-response"):
        for fmt in ("md", "html", "docx"):
            render_bytes(record, Request(document, "2026-2030", "es"), fmt, DAY)
    render_bytes(record, Request("commitment", "2026-2030", "en", 2), "html", DAY)
    build_site(record, DAY, formats=(), search=False)


@pytest.mark.parametrize("shape", ["[{}]", "{{a: {}}}"])
def test_one_word_fields_holding_a_list_or_mapping(sample: Path, shape: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A status, kind or commitment id written as a list or a mapping is a finding, not a
    crash: such a value cannot be looked up in a dict or set (it once ended `check` with
    "unhashable type: 'list'" from a milestone's status, a meeting's or commitment's kind and
    a self-assessment's commitment). plan.yaml keeps its status so every stage's rules run."""
    import re

    word = re.compile(r"^(\s*(?:- )?(?:status|kind|commitment): )([\w-]+)\s*$", re.M)
    for path in sorted(sample.rglob("*.yaml")) + sorted(sample.rglob("*.md")):
        if path.name != "plan.yaml":
            text = path.read_text(encoding="utf-8")
            path.write_text(word.sub(lambda m: m[1] + shape.format(m[2]), text),
                            encoding="utf-8")
    code, out, err = run(capsys, "check", str(sample), "--no-cache", *TODAY)
    assert code == 1 and "Traceback" not in err and "F103" in out, err[-3000:]
    for argv in (["status", str(sample), *TODAY], ["deadlines", str(sample), *TODAY],
                 ["render", "commitment", "-C", str(sample), "--plan", PLAN, "--commitment",
                  "1", "-f", "md", "-o", "-", *TODAY]):
        assert_survives(capsys, argv)

"""The rule test corpus: one folder a rule code and scenario under tests/cases/.

The format is tests/cases/README.md's; `tests/casefiles.py` reads it and writes it
(`python -m tests.casefiles record|diff|expect`). Each case folder holds:

* ``changes.diff``: what the case changes in ``_base/`` (a small, complete, valid record), as
  a unified diff in git's format: edits of base files, copies of them under a new name
  (``copy from``/``copy to``) and deletions.
* ``record/`` (optional): files the base does not have, whole, at their paths in the record.
* ``expected.txt``: every diagnostic the check must report, one a line, in the order ogpctl
  sorts them (path, line, column, code): ``CODE path:line:column severity message`` (path
  relative to the record root; line and column 1-based, 0 for "the whole file"). An empty
  file means "no findings".
* ``options.txt`` (optional): check options, one a line: ``--for <stage>``,
  ``--today YYYY-MM-DD``, ``--strict``.
* ``xfail.txt`` (optional): the case shows a known bug in ogpctl; it holds the reason, and
  the case is expected to fail (strictly: it must fail until the bug is fixed).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ogpctl.record.model import Stage
from ogpctl.rules import catalogue
from tests.casefiles import (
    BASE,
    CASES,
    DIFF,
    OVERLAY,
    TODAY,
    CaseError,
    Options,
    build_record,
    case_dirs,
    findings,
    parse_diff,
    parse_finding,
    read_expected,
    read_options,
)

__all__ = ["BASE", "CASES", "build_record", "case_dirs", "read_expected"]

#: Codes (or variants of codes) whose findings need bytes or file-system objects that do
#: not belong in a text repository: R002 a UTF-16 file, R008 a file over 2 MiB, R015 a
#: Markdown text over 64 KiB (tests/test_limits.py), R012 a record file that is a symbolic
#: link, F116 evidence reached through a symbolic link, P603/P604 the git history of the
#: record (tests/test_repository.py builds real repositories with dated commits and a
#: shallow clone), C417, C418 and C419 a submitted/<plan> git tag (tests/test_submission.py,
#: tests/test_amendments.py, tests/test_response_after_delivery.py).
#: They are covered by another test module that builds those files at run time.
SPECIAL = {"R002", "R008", "R012", "R015", "F116", "P603", "P604", "C417", "C418",
           "C419"}
#: The codes of SPECIAL that file content cannot produce at all; every other code needs a
#: case folder here (F116 has content cases: a ".." path, a javascript: link, ...).
NOT_BY_CONTENT = {"R002", "R008", "R012", "R015", "P603", "P604", "C417", "C418",
                  "C419"}

#: Families whose rules are not produced by file content yet (none today).
PENDING_FAMILIES: set[str] = set()


def _params() -> list:
    params = []
    for case in case_dirs():
        marks = []
        reason_file = case / "xfail.txt"
        if reason_file.is_file():
            reason = reason_file.read_text(encoding="utf-8").strip()
            marks.append(pytest.mark.xfail(reason=reason, strict=True))
        params.append(pytest.param(case, id=case.name, marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_case(case: Path, tmp_path: Path) -> None:
    record = build_record(case, tmp_path / "record")
    assert findings(record, read_options(case)) == read_expected(case)


def test_base_is_clean(tmp_path: Path) -> None:
    record = tmp_path / "record"
    shutil.copytree(BASE, record)
    for stage in (None, "co-creation", "submission"):
        assert findings(record, Options(TODAY, stage, strict=True)) == []


def test_every_code_has_a_case() -> None:
    assert NOT_BY_CONTENT <= SPECIAL
    names = [case.name for case in case_dirs()]
    missing = [code for code, rule in catalogue().items()
               if code not in NOT_BY_CONTENT and rule.family not in PENDING_FAMILIES
               and not any(name.startswith(code + "-") for name in names)]
    assert missing == []


def test_cases_are_well_formed() -> None:
    codes = set(catalogue())
    folders = {path for path in CASES.iterdir() if path.is_dir() and path != BASE}
    assert folders == set(case_dirs()), "a case folder without expected.txt"
    for case in case_dirs():
        assert case.name.split("-", 1)[0] in codes, f"{case.name}: no such rule code"
        diff, overlay = case / DIFF, case / OVERLAY
        assert diff.is_file() or overlay.is_dir(), f"{case.name}: neither {DIFF} nor {OVERLAY}/"
        if diff.is_file():
            assert parse_diff(diff.read_bytes(), f"{case.name}/{DIFF}"), f"{case.name}: empty"
        for path in overlay.rglob("*") if overlay.is_dir() else []:
            name = path.relative_to(overlay).as_posix()
            assert not (BASE / name).is_file(), \
                f"{case.name}/{OVERLAY}/{name}: _base has this file; change it in {DIFF}"
        for line in read_expected(case):
            parsed = parse_finding(line)
            assert parsed is not None and parsed[0] in codes, \
                f"{case.name}/expected.txt: bad line {line!r}"
        stage = read_options(case).stage
        if stage is not None:
            Stage.parse(stage)


def test_cli_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ogpctl.cli import main

    case = CASES / "S211-vague-en"
    record = build_record(case, tmp_path / "record")
    code = main(["check", str(record), "--format", "json", "--today", TODAY.isoformat(),
                 "--no-cache"])
    document = json.loads(capsys.readouterr().out)
    assert set(document) >= {"diagnostics", "summary"}
    assert set(document["summary"]) >= {"errors", "warnings", "files"}
    summary = document["summary"]
    assert (summary["errors"], summary["warnings"], summary["files"]) == (0, 1, 14)
    assert [(d["code"], d["file"], d["line"], d["column"], d["severity"], d["message"])
            for d in document["diagnostics"]] == [parse_finding(line)
                                                   for line in read_expected(case)]
    assert code == 0   # a warning alone does not fail the check


# -- the case format itself -------------------------------------------------------------

COMMITMENT = "plans/2026-2030/commitments/01-open-contracting.yaml"


def _edited(tmp_path: Path) -> Path:
    """_base with every kind of change a case makes: an edited line, a CRLF line, a file
    without its last line end, a copy with a change, a deletion and a new file."""
    record = tmp_path / "edited"
    shutil.copytree(BASE, record)
    commitment = record / COMMITMENT
    text = commitment.read_bytes()
    commitment.write_bytes(text.replace(b"kind: regular\n", b"kind: regular\r\n", 1)
                           .replace(b"12 pilot agencies publishing", b"Better publishing", 1))
    (record / "plans/2026-2030/commitments/02-copy.yaml").write_bytes(
        text.replace(b"Open contracting", b"Closed contracting", 1))
    forum = record / "forum/forum.yaml"
    forum.write_bytes(forum.read_bytes().rstrip(b"\n"))
    (record / "plans/2026-2030/sections/introduction.es.md").unlink()
    (record / "plans/2026-2030/self-assessment.yaml").write_bytes(b"kind: yearly\n")
    return record


def test_a_written_case_builds_the_edited_record(tmp_path: Path) -> None:
    from tests.casefiles import record_files, write_case

    edited, case = _edited(tmp_path), tmp_path / "case"
    write_case(case, edited)
    diff = (case / DIFF).read_text(encoding="utf-8")
    assert "copy to plans/2026-2030/commitments/02-copy.yaml" in diff
    assert "+++ /dev/null" in diff and "\\ No newline at end of file" in diff
    assert [p.name for p in (case / OVERLAY).rglob("*.yaml")] == ["self-assessment.yaml"]
    assert len(diff.splitlines()) < 60    # only what differs, not whole copies
    assert record_files(build_record(case, tmp_path / "built")) == record_files(edited)


def test_a_hunk_that_does_not_match_the_base_is_refused(tmp_path: Path) -> None:
    case = tmp_path / "case"
    write_case_for(case, tmp_path)
    diff = case / DIFF
    diff.write_bytes(diff.read_bytes().replace(b"-      en: 12 pilot", b"-      en: 13 pilot"))
    with pytest.raises(CaseError, match="does not match the base"):
        build_record(case, tmp_path / "built")


def test_a_hunk_with_wrong_counts_is_refused(tmp_path: Path) -> None:
    case = tmp_path / "case"
    write_case_for(case, tmp_path)
    diff = case / DIFF
    diff.write_bytes(diff.read_bytes().replace(b"@@ -42,7 +42,7 @@", b"@@ -42,6 +42,7 @@"))
    with pytest.raises(CaseError, match="header says 6 and 7"):
        build_record(case, tmp_path / "built")


def test_a_whole_copy_of_a_base_file_is_refused(tmp_path: Path) -> None:
    case = tmp_path / "case"
    (case / OVERLAY / "forum").mkdir(parents=True)
    shutil.copyfile(BASE / "forum/forum.yaml", case / OVERLAY / "forum/forum.yaml")
    with pytest.raises(CaseError, match="_base has this file"):
        build_record(case, tmp_path / "built")


def write_case_for(case: Path, tmp_path: Path) -> None:
    """A case that changes milestone 1's output (the diff's hunk starts at line 42)."""
    from tests.casefiles import write_case

    record = tmp_path / "one-line"
    shutil.copytree(BASE, record)
    path = record / COMMITMENT
    path.write_bytes(path.read_bytes().replace(b"12 pilot agencies publishing",
                                               b"Better publishing", 1))
    write_case(case, record)


# -- suppressions on the command line -----------------------------------------------------


def _aged(record: Path) -> Path:
    """Every file of `record` a day old, so the check cache may keep its result."""
    import os
    import time

    day_ago = time.time() - 86400
    for path in record.rglob("*"):
        os.utime(path, (day_ago, day_ago))
    return record


def test_strict_reports_suppressions_that_suppress_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import run

    record = _aged(build_record(CASES / "F121-unused-suppressions", tmp_path / "record"))
    day = ("--today", TODAY.isoformat())
    code, out, _ = run(capsys, "check", str(record), *day)           # fills the cache
    assert code == 0 and "F121" not in out
    code, out, _ = run(capsys, "check", str(record), "--strict", *day)   # not the cached result
    assert code == 1 and out.count("F121") == 5, out
    assert "S212 is switched off here but reports nothing anywhere in the record" in out


def test_plan_option_keeps_suppressions_used_outside_the_plan(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--plan reports only the plan's files, but the suppressions are judged on the whole
    record: an ignore used by a meeting (outside plans/) is not reported as unused."""
    from tests.conftest import run

    record = build_record(CASES / "L305-meeting-needs-spanish", tmp_path / "record")
    with (record / "ogp.yaml").open("a", encoding="utf-8") as ogp:
        ogp.write("check:\n  ignore: [L305]\n  per-file-ignores:\n    'forum/**': [L305]\n")
    for extra in ((), ("--plan", "2026-2030")):
        code, out, _ = run(capsys, "check", str(record), "--strict", "--no-cache", *extra,
                           "--today", TODAY.isoformat())
        assert (code, "F121" in out, "L305" in out) == (0, False, False), out

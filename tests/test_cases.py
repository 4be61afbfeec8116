"""The rule test corpus: one folder a rule code and scenario under tests/cases/.

Each case folder holds:

* ``record/``: an overlay on ``_base/`` (a small, complete, valid record): only the files
  that differ, at the same relative paths. A file whose whole content is the single line
  ``DELETE`` removes that file from the base.
* ``expected.txt``: every diagnostic the check must report, one ``CODE path:line`` a line
  (path relative to the record root, line 1-based, 0 for "the whole file"), in the order
  ogpctl sorts them (path, line, column, code). An empty file means "no findings".
* ``options.txt`` (optional): check options, one a line: ``--for <stage>``,
  ``--today YYYY-MM-DD``.
* ``xfail.txt`` (optional): the case shows a known bug in ogpctl; it holds the reason, and
  the case is expected to fail (strictly: it must fail until the bug is fixed).
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from ogpctl.check.run import CheckOptions, check
from ogpctl.record.model import Stage
from ogpctl.rules import catalogue

CASES = Path(__file__).parent / "cases"
BASE = CASES / "_base"
TODAY = date(2026, 11, 23)
DELETE = "DELETE"

#: Codes (or variants of codes) whose findings need bytes or file-system objects that do
#: not belong in a text repository: R002 a UTF-16 file, R008 a file over 2 MiB, R015 a
#: Markdown text over 64 KiB (tests/test_limits.py), R012 a record file that is a symbolic
#: link, F116 evidence reached through a symbolic link, P603/P604 the git history of the
#: record (tests/test_repository.py builds real repositories with dated commits and a
#: shallow clone), C417 a submitted/<plan> git tag (tests/test_submission.py).
#: They are covered by another test module that builds those files at run time.
SPECIAL = {"R002", "R008", "R012", "R015", "F116", "P603", "P604", "C417"}
#: The codes of SPECIAL that file content cannot produce at all; every other code needs a
#: case folder here (F116 has content cases: a ".." path, a javascript: link, ...).
NOT_BY_CONTENT = {"R002", "R008", "R012", "R015", "P603", "P604", "C417"}

#: Families whose rules are not produced by file content yet (none today).
PENDING_FAMILIES: set[str] = set()


def case_dirs() -> list[Path]:
    return sorted(path.parent for path in CASES.glob("*/expected.txt"))


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


def is_delete(path: Path) -> bool:
    return path.read_bytes().strip() == DELETE.encode() and \
        path.read_text(encoding="utf-8").splitlines() == [DELETE]


def build_record(case: Path, dest: Path) -> Path:
    """Copy `_base` to `dest` and apply the case's overlay on it."""
    shutil.copytree(BASE, dest)
    overlay = case / "record"
    if overlay.is_dir():
        for source in sorted(overlay.rglob("*")):
            if not source.is_file():
                continue
            target = dest / source.relative_to(overlay)
            if is_delete(source):
                assert target.is_file(), f"{case.name}: DELETE of a file not in _base: " \
                                         f"{source.relative_to(overlay)}"
                target.unlink()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
    return dest


def read_options(case: Path) -> CheckOptions:
    today, stage = TODAY, None
    options_file = case / "options.txt"
    lines = options_file.read_text(encoding="utf-8").splitlines() if options_file.is_file() else []
    for line in lines:
        words = line.replace("=", " ", 1).split()
        if not words or words[0].startswith("#"):
            continue
        name, value = words[0], words[1] if len(words) > 1 else ""
        if name == "--for":
            stage = Stage.parse(value)
        elif name == "--today":
            today = date.fromisoformat(value)
        else:
            raise ValueError(f"{case.name}/options.txt: unknown option {line!r}")
    return CheckOptions(today=today, stage=stage, use_cache=False)


def read_expected(case: Path) -> list[str]:
    text = (case / "expected.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def found(record: Path, options: CheckOptions) -> list[str]:
    result = check([record], options)
    return [f"{d.code} {d.file}:{d.line}" for d in result.diagnostics]


@pytest.mark.parametrize("case", _params())
def test_case(case: Path, tmp_path: Path) -> None:
    record = build_record(case, tmp_path / "record")
    assert found(record, read_options(case)) == read_expected(case)


def test_base_is_clean(tmp_path: Path) -> None:
    record = tmp_path / "record"
    shutil.copytree(BASE, record)
    for stage in (None, Stage.CO_CREATION, Stage.SUBMISSION):
        assert found(record, CheckOptions(today=TODAY, stage=stage, use_cache=False)) == []


def test_every_code_has_a_case() -> None:
    assert NOT_BY_CONTENT <= SPECIAL
    names = [case.name for case in case_dirs()]
    missing = [code for code, rule in catalogue().items()
               if code not in NOT_BY_CONTENT and rule.family not in PENDING_FAMILIES
               and not any(name.startswith(code + "-") for name in names)]
    assert missing == []


def test_cases_are_well_formed() -> None:
    codes = set(catalogue())
    for case in case_dirs():
        assert case.name.split("-", 1)[0] in codes, f"{case.name}: no such rule code"
        assert (case / "record").is_dir(), f"{case.name}: no record/ overlay"
        for line in read_expected(case):
            code, _, where = line.partition(" ")
            assert code in codes and where.rpartition(":")[2].isdigit(), \
                f"{case.name}/expected.txt: bad line {line!r}"
        read_options(case)


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
    assert [f"{d['code']} {d['file']}:{d['line']}" for d in document["diagnostics"]] \
        == read_expected(case)
    assert code == 0   # a warning alone does not fail the check

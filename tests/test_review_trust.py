"""`ogpctl review` never makes a change look better than it is: a rule switched off hides
its findings, it does not fix them (newuser4 H10); a branch is reviewed from where it
branched, not from the base's tip (H13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, run
from tests.gitrecord import committed_sample, git

TODAY = "2027-04-01"


@pytest.fixture(autouse=True)
def _no_forge(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "CI_PROJECT_URL"):
        monkeypatch.delenv(name, raising=False)


def _append(record: Path, name: str, text: str) -> None:
    path = record / name
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _silencing(tmp_path: Path) -> tuple[Path, list[dict]]:
    """The sample, then a branch that only switches rules off; and the base's findings."""
    record = committed_sample(SAMPLE, tmp_path / "record")
    code, out, _ = run_json_check(record)
    git(record, "checkout", "-q", "-b", "silence")
    return record, out


def run_json_check(record: Path) -> tuple[int, list[dict], str]:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "ogpctl", "check", "--no-cache", "--today",
                           TODAY, "-f", "json", str(record)], capture_output=True, text=True,
                          env=_env())
    return done.returncode, json.loads(done.stdout)["diagnostics"], done.stderr


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}


def test_a_rule_switched_off_for_the_record_hides_and_fixes_nothing(capsys, tmp_path: Path
                                                                    ) -> None:
    record, before = _silencing(tmp_path)
    codes = sorted({d["code"] for d in before})
    assert codes, "the sample should have findings to hide"
    _append(record, "ogp.yaml", "check:\n  ignore: [" + ", ".join(codes) + "]\n")
    git(record, "commit", "-qam", "Switch the rules off")
    code, out, err = run(capsys, "review", "main", "silence", "-C", record, "--lang", "en",
                         "--today", TODAY, "-f", "json")
    review = json.loads(out)
    assert review["findings"]["fixed"] == [], err
    assert len(review["findings"]["hidden"]) == len(before)
    assert [(s["kind"], s["code"], s["scope"]) for s in review["suppressions"]] == \
        [("added", code, "record") for code in codes]
    code, out, err = run(capsys, "review", "main", "silence", "-C", record, "--lang", "en",
                         "--today", TODAY)
    assert "and fixes 0." in out and f"It hides {len(before)} more" in out, out
    assert f"`{codes[0]}` switched off for the whole record (`ogp.yaml`)" in out
    assert f"### Hidden by a suppression this change adds ({len(before)})" in out


def test_a_file_comment_hides_its_findings_and_is_listed(capsys, tmp_path: Path) -> None:
    record, before = _silencing(tmp_path)
    file, finding = next((d["file"], d["code"]) for d in before if d["file"].endswith(".yaml"))
    _append(record, file, f"# ogpctl: ignore-file[{finding}]\n")
    git(record, "commit", "-qam", "Switch a rule off in one file")
    code, out, err = run(capsys, "review", "main", "silence", "-C", record, "--lang", "es",
                         "--today", TODAY, "-f", "json")
    review = json.loads(out)
    assert not any(f["code"] == finding for f in review["findings"]["fixed"]), err
    assert any(f["code"] == finding and f["path"] == file for f in review["findings"]["hidden"])
    assert review["suppressions"] == [{"kind": "added", "code": finding, "file": file,
                                       "scope": "file", "pattern": None}]


def test_removing_a_suppression_is_listed_and_its_findings_introduced(capsys, tmp_path: Path
                                                                       ) -> None:
    record, before = _silencing(tmp_path)
    codes = sorted({d["code"] for d in before})
    _append(record, "ogp.yaml", "check:\n  ignore: [" + ", ".join(codes) + "]\n")
    git(record, "commit", "-qam", "Switch the rules off")
    git(record, "checkout", "-q", "-b", "again")
    git(record, "checkout", "-q", "main", "--", "ogp.yaml")
    git(record, "commit", "-qam", "Switch the rules on again")
    code, out, err = run(capsys, "review", "silence", "again", "-C", record, "--lang", "en",
                         "--today", TODAY, "-f", "json")
    review = json.loads(out)
    assert {s["kind"] for s in review["suppressions"]} == {"removed"}, err
    assert len(review["findings"]["introduced"]) == len(before)


def test_a_branch_is_reviewed_from_where_it_branched(capsys, tmp_path: Path) -> None:
    record = committed_sample(SAMPLE, tmp_path / "record")
    start = git(record, "rev-parse", "HEAD").strip()
    git(record, "checkout", "-q", "-b", "change")
    _append(record, "forum/forum.yaml", "# a comment the change adds\n")
    git(record, "commit", "-qam", "The change")
    git(record, "checkout", "-q", "main")
    new = record / "plans/2026-2030/commitments/07-open-budget-data.yaml"
    new.write_text("title: {en: Open budget data, es: Datos presupuestarios abiertos}\n",
                   encoding="utf-8")
    git(record, "add", "-A")
    git(record, "commit", "-qm", "main moves on")
    code, out, err = run(capsys, "review", "main", "change", "-C", record, "--lang", "en",
                         "--today", TODAY)
    assert "Open budget data" not in out and "Commitment removed" not in out, out
    assert f"compared with commit `{start[:12]}`, where it branched from `main`" in out
    assert "07-open-budget-data" not in out
    code, out, err = run(capsys, "review", "main", "change", "-C", record, "-f", "json",
                         "--today", TODAY)
    review = json.loads(out)
    assert review["base"] == start and review["named_base"] != start


def test_a_base_that_did_not_move_needs_no_notice(capsys, tmp_path: Path) -> None:
    record = committed_sample(SAMPLE, tmp_path / "record")
    git(record, "checkout", "-q", "-b", "change")
    _append(record, "forum/forum.yaml", "# a comment the change adds\n")
    git(record, "commit", "-qam", "The change")
    code, out, err = run(capsys, "review", "main", "change", "-C", record, "--lang", "en",
                         "--today", TODAY)
    assert "merge base" not in out, out


FEEDBACK = "plans/2026-2030/commitments/05-digital-services-feedback.yaml"


def _redating(tmp_path: Path, old: str, new: str) -> Path:
    record = committed_sample(SAMPLE, tmp_path / "record")
    git(record, "checkout", "-q", "-b", "redate")
    path = record / FEEDBACK
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    git(record, "commit", "-qam", "Progress")
    return record


def test_a_finding_removed_by_redating_an_update_is_not_fixed(capsys, tmp_path: Path) -> None:
    """newuser4 H1: moving the date of a progress update already published into an empty
    six-month period removes P606 without any progress reported."""
    record = _redating(tmp_path, "- date: 2026-11-09\n        status: in-progress\n        note:"
                       "\n          en: Draft protocol",
                       "- date: 2027-01-10\n        status: in-progress\n        note:"
                       "\n          en: Draft protocol")
    code, out, err = run(capsys, "review", "main", "redate", "-C", record, "-f", "json",
                         "--today", "2027-09-01")
    review = json.loads(out)
    assert [f["code"] for f in review["findings"]["fixed-by-redating"]] == ["P606"], err
    assert not any(f["code"] == "P606" for f in review["findings"]["fixed"])
    assert review["redated-progress"] == [{"plan": "2026-2030", "commitment": 5,
                                           "milestone": 3, "file": FEEDBACK,
                                           "old": "2026-11-09", "new": "2027-01-10"}]
    code, out, err = run(capsys, "review", "main", "redate", "-C", record, "--lang", "es",
                         "--today", "2027-09-01")
    assert "## " in out and "P606" in out and "2027" in out, out


def test_an_update_added_fixes_the_period(capsys, tmp_path: Path) -> None:
    record = committed_sample(SAMPLE, tmp_path / "record")
    git(record, "checkout", "-q", "-b", "progress")
    code, _, err = run(capsys, "progress", "add", "2026-2030", "5.3", "--status",
                       "in-progress", "--note", "Protocol adopted by 9 agencies.", "--date",
                       "2027-01-10", "-C", record, "--today", "2027-01-10")
    assert code == 0, err
    git(record, "commit", "-qam", "Progress")
    code, out, err = run(capsys, "review", "main", "progress", "-C", record, "-f", "json",
                         "--today", "2027-09-01")
    review = json.loads(out)
    assert review["redated-progress"] == [] and review["findings"]["fixed-by-redating"] == []
    assert "P606" in [f["code"] for f in review["findings"]["fixed"]], err


def test_a_finding_the_change_brings_and_hides_at_once_is_shown(capsys, tmp_path: Path
                                                                ) -> None:
    """A change that breaks something and switches the rule off in the same commit neither
    introduces nor fixes anything in the check's eyes: the review shows it hidden."""
    record = committed_sample(SAMPLE, tmp_path / "record")
    git(record, "checkout", "-q", "-b", "silence")
    works = record / "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
    text = works.read_text(encoding="utf-8")
    works.write_text(text.replace("lead: procurement-agency\n", "lead: nobody-known\n", 1),
                     encoding="utf-8")
    _, after, _ = run_json_check(record)
    _, before, _ = run_json_check(committed_sample(SAMPLE, tmp_path / "plain"))
    new = {d["code"] for d in after} - {d["code"] for d in before}
    assert new, after
    works.write_text(works.read_text(encoding="utf-8")
                     + f"# ogpctl: ignore-file[{', '.join(sorted(new))}]\n", encoding="utf-8")
    git(record, "commit", "-qam", "Lead changed, rule off")
    code, out, err = run(capsys, "review", "main", "silence", "-C", record, "-f", "json",
                         "--today", TODAY)
    review = json.loads(out)
    assert {f["code"] for f in review["findings"]["hidden"]} == new, err
    assert code == 1   # an error switched off is still the change's error
    assert not {f["code"] for f in review["findings"]["introduced"]} & new


def test_an_update_removed_does_not_make_the_next_one_redated(capsys, tmp_path: Path) -> None:
    """newuser5 N14: the first of two updates deleted was read as the first re-dated to the
    second's day (updates were paired by their place in the list, not as diff pairs them)."""
    record = committed_sample(SAMPLE, tmp_path / "record")
    git(record, "checkout", "-q", "-b", "erase")
    path = record / "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("      - date: 2026-08-14\n")
    path.write_text(text[:start] + text[text.index("      - date: 2026-09-04\n", start):],
                    encoding="utf-8")
    git(record, "commit", "-qam", "Erase")
    code, out, err = run(capsys, "review", "main", "erase", "-C", record, "-f", "json",
                         "--today", "2027-09-01")
    review = json.loads(out)
    assert review["redated-progress"] == [], review["redated-progress"]
    assert any("removed" in json.dumps(c) for c in review["changes"]), review["changes"]

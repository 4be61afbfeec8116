"""The repository (handbook 5.2, 5.3.a): evidence folders, what cites each item, and the
rules proved from git history, on real repositories with fixed identities and dates."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from ogpctl.base import vcs
from ogpctl.base.vcs import read_history
from ogpctl.check.run import CheckOptions, _result_key, check
from ogpctl.domain.document_repository import build_index, scan_evidence
from ogpctl.record.load import load_record
from ogpctl.record.model import Stage
from tests.conftest import TODAY, run
from tests.gitrepo import SAMPLE_STEPS, commit, commit_sample, git, shallow_clone

PLAN = "plans/2023-2025/plan.yaml"
NEXT_PLAN = "plans/2026-2030/plan.yaml"
DASHBOARD = "plans/2023-2025/evidence/process/implementation-dashboard-2024-05.csv"


def _codes(root: Path, today: date = TODAY, prefix: str = "P6", **options) -> list[tuple]:
    result = check([root], CheckOptions(today=today, use_cache=False, **options))
    return [(d.code, str(d.severity), d.file, d.message) for d in result.diagnostics
            if d.code.startswith(prefix)]


def _index(root: Path):
    record = load_record(root)
    return build_index(record, read_history(record.root))


def _item(index, path: str):
    return next(i for p in index.plans for f in p.folders for i in f.items if i.path == path)


# -- sample-country, in and out of git ----------------------------------------------------

def test_sample_not_in_git_is_clean_and_says_dates_are_unknown(sample: Path, capsys) -> None:
    code, out, _ = run(capsys, "check", sample, "--today", "2026-11-23", "--no-cache",
                       "--strict")
    assert code == 0 and "no problems found" in out, out
    index = _index(sample)
    assert "not in a git repository" in index.history
    assert _item(index, DASHBOARD).last_change is None


def test_sample_committed_with_dated_history_is_clean(tmp_path: Path, capsys) -> None:
    root = commit_sample(tmp_path / "repo")
    code, out, _ = run(capsys, "check", root, "--today", "2026-11-23", "--no-cache",
                       "--strict")
    assert code == 0 and "no problems found" in out, out
    index = _index(root)
    assert index.history == ""
    change = _item(index, DASHBOARD).last_change
    assert change.day == date(2024, 5, 22) and change.author == "Ana Pérez"
    assert change.commit == git(root, "log", "-1", "--format=%H", "--", DASHBOARD).strip()


def test_record_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    root = commit_sample(tmp_path / "repo", "countries/veridia")
    assert _codes(root, prefix="") == []
    assert _item(_index(root), DASHBOARD).last_change.day == date(2024, 5, 22)


def test_a_six_month_window_without_a_commit_fails(tmp_path: Path) -> None:
    # The commit of 2024-11-13 folded into 2025-05-14: nothing changed the first plan from
    # 2024-06-14 to 2024-12-13.
    steps = [s for s in SAMPLE_STEPS if not s[0].startswith("2024-11")]
    root = commit_sample(tmp_path / "repo", steps=tuple(steps))
    assert _codes(root) == [("P603", "error", PLAN, "no commit changed plans/2023-2025/ from "
                             "2024-06-14 to 2024-12-13: the repository is updated at least "
                             "every six months")]


def test_only_windows_that_have_ended_are_judged(tmp_path: Path) -> None:
    root = commit_sample(tmp_path / "repo")
    assert [c for c in _codes(root, date(2027, 6, 23), "P603")] == []   # the window's last day
    assert [(c[0], c[2]) for c in _codes(root, date(2027, 6, 24), "P603")] == [
        ("P603", NEXT_PLAN)]
    commit_day = "2027-03-10T09:30:00-05:00"
    target = root / "plans/2026-2030/evidence/process/implementation-dashboard-2027-03.csv"
    target.write_text("commitment,progress\n1,pilot\n", encoding="utf-8")
    commit(root, "Progress, March 2027", commit_day)
    assert _codes(root, date(2027, 6, 24), "P603") == []


def test_windows_before_the_plan_entered_git_are_not_judged(tmp_path: Path) -> None:
    # Everything committed at once, years after the first plan was implemented: git cannot
    # tell how the repository was kept before, so nothing is failed.
    root = commit_sample(tmp_path / "repo", steps=(SAMPLE_STEPS[-1],))
    assert _codes(root, prefix="") == []


def test_shallow_clone_says_what_it_cannot_know(tmp_path: Path, capsys) -> None:
    clone = shallow_clone(commit_sample(tmp_path / "repo"), tmp_path / "clone")
    found = _codes(clone)
    assert [(c[0], c[1], c[2]) for c in found] == [("P604", "info", PLAN)]
    assert "from 2023-12-14 to 2025-12-31" in found[0][3]
    assert "shallow" in found[0][3] and "fetch-depth: 0" in found[0][3]
    code, _, _ = run(capsys, "check", clone, "--today", "2026-11-23", "--no-cache", "--strict")
    assert code == 0                         # a note to confirm is not a failure
    index = _index(clone)
    assert "shallow" in index.history and "2026-11-20" in index.history
    assert _item(index, DASHBOARD).last_change.day == date(2026, 11, 20)


def test_a_folder_that_is_not_a_repository(tmp_path: Path) -> None:
    history = read_history(tmp_path)
    assert history.state == vcs.NOT_A_REPOSITORY and not history.known
    assert "not in a git repository" in history.note()


def test_git_that_cannot_run_is_a_note_not_a_crash(tmp_path: Path, monkeypatch) -> None:
    root = commit_sample(tmp_path / "repo")

    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))   # no git to start
    assert read_history(root).state == vcs.UNREADABLE
    assert [(c[0], c[1], c[2]) for c in _codes(root)] == [("P604", "info", PLAN)]


def test_history_is_read_once_and_only_when_needed(tmp_path: Path, monkeypatch) -> None:
    root = commit_sample(tmp_path / "repo")
    calls = []
    real = vcs.read_history
    monkeypatch.setattr(vcs, "read_history",
                        lambda where, *rest: calls.append(where) or real(where, *rest))
    _codes(root)
    assert len(calls) == 1
    _codes(root, stage=Stage.SUBMISSION)          # no rule judges history before delivery
    _codes(root, date(2024, 1, 10))               # no window has ended yet
    assert len(calls) == 1


def test_check_cache_follows_the_history(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("ogpctl.check.run.RACY_SECONDS", 0.0)   # allow caching fresh files
    steps = [s for s in SAMPLE_STEPS if not s[0].startswith("2024-11")]
    root = commit_sample(tmp_path / "repo", steps=tuple(steps))
    options = CheckOptions(today=TODAY)
    key = _result_key(root, options)
    assert [d.code for d in check([root], options).diagnostics] == ["P603"]
    # The same files, now with a commit in the empty window: only the history changed.
    git(root, "commit", "-q", "--allow-empty", "-m", "touch", when="2024-09-01T10:00:00Z")
    assert _result_key(root, options) != key
    target = root / "plans/2023-2025/evidence/process/note.md"
    target.write_text("Quarterly note\n", encoding="utf-8")   # not committed yet
    assert [d.code for d in check([root], options).diagnostics] == ["P603"]
    before = os.stat(target)
    commit(root, "Progress note", "2024-09-02T10:00:00+00:00")
    assert os.stat(target).st_mtime_ns == before.st_mtime_ns
    assert [d.code for d in check([root], options).diagnostics] == []


# -- evidence folders ---------------------------------------------------------------------

def test_missing_and_empty_process_folders(sample: Path) -> None:
    process = sample / "plans/2026-2030/evidence/process"
    for item in process.iterdir():
        item.unlink()
    (process / ".gitkeep").write_text("")
    messages = [c[3] for c in _codes(sample, prefix="P601")]
    assert messages == ["plans/2026-2030/evidence/process holds no evidence: the repository "
                        "keeps the evidence of the co-creation process"]
    (process / ".gitkeep").unlink()
    process.rmdir()
    messages = [c[3] for c in _codes(sample, prefix="P601")]
    assert messages and "plans/2026-2030/evidence/process is missing" in messages[0]
    folder = _index(sample).plans[1].folders[0]
    assert (folder.name, folder.exists, folder.items) == ("process", False, [])


def test_evidence_that_leaves_the_record_is_never_listed(sample: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not evidence")
    folder = sample / "plans/2026-2030/evidence/process"
    (folder / "linked-folder").symlink_to(outside, target_is_directory=True)
    (folder / "linked-file.txt").symlink_to(outside / "secret.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "kept.csv").write_text("a,b\n")
    commitment = sample / "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
    commitment.write_text(commitment.read_text(encoding="utf-8") + (
        "  - ../../../outside/secret.txt\n  - evidence/process/linked-file.txt\n"
        "  - evidence/process/linked-folder/secret.txt\n  - 'javascript:alert(1)'\n"),
        encoding="utf-8")
    index = _index(sample)
    listed = [i.path or i.url for p in index.plans for f in p.folders for i in f.items]
    listed += [i.path for p in index.plans for i in p.uncited]
    assert not any("secret" in x or "linked" in x or "javascript" in x for x in listed)
    assert "plans/2026-2030/evidence/process/sub/kept.csv" in listed
    assert all(not os.path.islink(sample / x) for x in listed if not x.startswith("http"))


def test_a_symlinked_evidence_folder_is_not_entered(sample: Path, tmp_path: Path) -> None:
    evidence = sample / "plans/2026-2030/evidence"
    evidence.rename(tmp_path / "moved")
    evidence.symlink_to(tmp_path / "moved", target_is_directory=True)
    assert scan_evidence(sample, "2026-2030") == {}
    assert [c[0] for c in _codes(sample, prefix="P60")].count("P601") == 1


def test_dot_files_and_uncited_files(sample: Path) -> None:
    folder = sample / "plans/2026-2030/evidence/04-justice-open-data"
    (folder / ".gitkeep").write_text("")
    (folder / "extra.xlsx").write_bytes(b"x" * 1234)
    plan = _index(sample).plans[1]
    paths = [i.path for f in plan.folders for i in f.items]
    assert not any(p and p.endswith(".gitkeep") for p in paths)
    extra = _item(_index(sample), "plans/2026-2030/evidence/04-justice-open-data/extra.xlsx")
    assert (extra.kind, extra.size, extra.cited_by, extra.folder) == ("xlsx", 1234, (),
                                                                     "04-justice-open-data")
    assert extra.path in [i.path for i in plan.uncited]


def test_commitment_without_evidence(sample: Path) -> None:
    source = sample / "plans/2026-2030/commitments/03-climate-finance-transparency.yaml"
    text = source.read_text(encoding="utf-8").split("\nmilestones:")[0]
    (source.parent / "07-open-budget.yaml").write_text(text + "\n", encoding="utf-8")
    plan = _index(sample).plans[1]
    folder = plan.folders[-1]
    assert (folder.name, folder.commitment, folder.exists, folder.items) == (
        "07-open-budget", 7, False, [])
    assert plan.without_evidence == [7]
    assert "P602" not in [c[0] for c in _codes(sample)]     # no progress to prove yet


def test_citations_carry_titles_and_labels(sample: Path) -> None:
    index = _index(sample)
    link = next(i for p in index.plans for f in p.folders for i in f.items
                if i.url == "https://standard.open-contracting.org/latest/en/guidance/map/"
                            "implementation/")
    assert (link.plan, link.folder, link.kind, link.title, link.cited_by) == (
        "2026-2030", "01-public-works-open-contracting", "link",
        "OCDS implementation extension", ("milestone 1.1, progress 2026-09-04",))
    minutes = _item(index, "plans/2026-2030/evidence/process/prioritisation-workshop-results-"
                           "2026-04.csv")
    assert minutes.cited_by == ("meeting 2026-04-22",)
    report = _item(index, "plans/2023-2025/evidence/01-open-contracting/portal-launch-report.md")
    assert report.cited_by == ("commitment 1", "milestone 1.2, progress 2024-09-30",
                               "self-assessment, commitment 1")


@pytest.mark.parametrize("stage, expected", [(Stage.CO_CREATION, []),
                                             (Stage.SUBMISSION, ["P601"])])
def test_process_folder_judged_from_submission(sample: Path, stage: Stage, expected) -> None:
    process = sample / "plans/2026-2030/evidence/process"
    for item in process.iterdir():
        item.unlink()
    codes = [c[0] for c in _codes(sample, stage=stage) if c[2] == NEXT_PLAN]
    assert codes == expected

"""A record's place and history in git, read with one git process (`vcs.find_place` from
the repository's files, `vcs.read_history` with one `git log`), and several records'
read with one `git log` for their repository (`vcs.start_shared`): the same answers as
git's own `rev-parse` and a log of each record, in real repositories with fixed dates."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ogpctl.base import vcs
from ogpctl.check.run import CheckOptions, check
from tests.conftest import SAMPLE
from tests.gitrepo import commit, git, init

#: (when, files written then, below the record unless they start with "/")
STEPS = (("2025-01-10T10:00:00+00:00", ["ogp.yaml"]),
         ("2025-02-10T10:00:00+00:00", ["/other.txt"]),
         ("2025-03-10T10:00:00+00:00", ["plans/a/plan.yaml"]),
         ("2025-04-10T10:00:00+00:00", ["ogp.yaml"]))


def _repository(top: Path, folder: str) -> Path:
    """A repository at `top` whose record is `folder` ("": the top), in four dated commits
    (one of them outside a subfolder record); the record's root."""
    init(top)
    root = top / folder if folder else top
    for step, (when, names) in enumerate(STEPS):
        for name in names:
            path = top / name[1:] if name.startswith("/") else root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"step {step}\n", encoding="utf-8")
        commit(top, f"Step {step}", when)
    return root


def _git_place(root: Path) -> vcs.Place:
    """The place as `git rev-parse` tells it (what `find_place` asked before)."""
    return vcs._place_from_rev_parse(vcs._run_git(root, *vcs._PLACE))


def _facts(history: vcs.History) -> tuple[Any, ...]:
    return (history.state, history.shallow, history.since, history.commits, history.first,
            history.last, history.touched)


def _days(history: vcs.History, *names: str) -> list[date]:
    return [history.last[name].day for name in names]


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The arguments of every git process started from now on."""
    started: list[tuple[str, ...]] = []
    real = vcs._start_git

    def counting(where: Path, *args: str) -> Any:
        started.append(args)
        return real(where, *args)

    monkeypatch.setattr(vcs, "_start_git", counting)
    return started


CASES = [("repo", "records/veridia"), ("repo", ""), ("-top repo", "-rec ord/with space"),
         ("-top repo", ""), ("repo", "--help"), ("repo", "-C/[ab]*")]


@pytest.mark.parametrize(("top", "folder"), CASES)
def test_a_record_is_read_with_one_git_process(tmp_path: Path, top: str, folder: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    root = _repository(tmp_path / top, folder)
    expected = _git_place(root)
    assert (expected.state, expected.prefix) == (vcs.GIT, folder + "/" if folder else "")
    started = _counted(monkeypatch)
    place = vcs.find_place(root)
    history = vcs.read_history(root, place)
    assert place == expected
    assert len(started) == 1 and started[0][0] == "log"
    assert started[0][-2:] == (("--", ".") if folder else ("-z", "--"))
    assert len(history.commits) == (3 if folder else 4)   # a subfolder's: not other.txt
    assert _days(history, "ogp.yaml", "plans/a/plan.yaml") == \
        [date(2025, 4, 10), date(2025, 3, 10)]
    assert history.first["ogp.yaml"].day == date(2025, 1, 10)
    assert history.days_below("plans") == [date(2025, 3, 10)]
    assert ("other.txt" in history.last) == (not folder)


@pytest.mark.parametrize("folder", ["records/veridia", ""])
def test_a_shallow_clone_knows_since_when(tmp_path: Path, folder: str) -> None:
    _repository(tmp_path / "origin", folder)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", (tmp_path / "origin").as_uri(), str(clone))
    root = clone / folder if folder else clone
    place = vcs.find_place(root)
    assert place == _git_place(root) and place.shallow
    history = vcs.read_history(root, place)
    assert (history.shallow, history.since) == (True, date(2025, 4, 10))
    assert [c.day for c in history.commits] == [date(2025, 4, 10)]
    assert "shallow" in history.note()


@pytest.mark.parametrize("folder", ["records/veridia", ""])
def test_a_repository_with_no_commits(tmp_path: Path, folder: str) -> None:
    top = init(tmp_path / "repo")
    root = top / folder if folder else top
    root.mkdir(parents=True, exist_ok=True)
    (root / "ogp.yaml").write_text("country: x\n", encoding="utf-8")
    place = vcs.find_place(root)
    assert place == _git_place(root) and place.state == vcs.GIT
    assert vcs.read_history(root, place).state == vcs.NO_COMMITS
    assert vcs.read_history(root).state == vcs.NO_COMMITS


def test_a_folder_outside_git(tmp_path: Path) -> None:
    plain = tmp_path / "plain folder"
    plain.mkdir()
    if _git_place(plain).state != vcs.NOT_A_REPOSITORY:
        pytest.skip("the temporary folder sits in a git repository")
    assert vcs.find_place(plain) == vcs.Place(vcs.NOT_A_REPOSITORY)
    assert vcs.read_history(plain).state == vcs.NOT_A_REPOSITORY


def test_a_worktree_reads_its_common_repository(tmp_path: Path) -> None:
    """A worktree's `.git` is a file naming its folder, whose `commondir` holds the refs
    and the shallow flag."""
    _repository(tmp_path / "repo", "records/veridia")
    git(tmp_path / "repo", "tag", "submitted/2025-2029")
    git(tmp_path / "repo", "worktree", "add", "-q", "-b", "other", str(tmp_path / "work"))
    root = tmp_path / "work" / "records" / "veridia"
    place = vcs.find_place(root)
    assert place == _git_place(root) and place.tagged
    assert _facts(vcs.read_history(root, place)) == \
        _facts(vcs.read_history(tmp_path / "repo" / "records" / "veridia"))


def test_submitted_tags_are_seen_loose_and_packed(tmp_path: Path) -> None:
    root = _repository(tmp_path / "repo", "records/veridia")
    assert not vcs.find_place(root).tagged and not _git_place(root).tagged
    git(tmp_path / "repo", "tag", "-a", "-m", "Delivered", "submitted/2025-2029")
    assert vcs.find_place(root).tagged and _git_place(root).tagged
    git(tmp_path / "repo", "pack-refs", "--all")
    assert not (tmp_path / "repo" / ".git" / "refs" / "tags" / "submitted").exists()
    assert vcs.find_place(root).tagged
    assert set(vcs.submission_tags(root, vcs.find_place(root))) == {"2025-2029"}


def test_git_is_asked_where_the_files_do_not_say(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = _repository(tmp_path / "repo", "records/veridia")
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "repo" / ".git"))
    assert vcs._place_from_files(root) is None
    assert vcs.find_place(root).prefix == ""   # GIT_DIR without a work tree: the folder


def _records(top: Path, folders: list[str]) -> list[Path]:
    """Records in `folders` of one repository, each committed on its own day."""
    init(top)
    for day, folder in enumerate(folders, start=1):
        (top / folder).mkdir(parents=True)
        (top / folder / "ogp.yaml").write_text(f"record {folder}\n", encoding="utf-8")
        commit(top, f"Record {folder}", f"2025-0{day}-15T10:00:00+00:00")
    (top / folders[0] / "ogp.yaml").write_text("changed\n", encoding="utf-8")
    commit(top, "Changed", "2025-09-15T10:00:00+00:00")
    return [top / folder for folder in folders]


@pytest.mark.parametrize("folders", [["a", "b/c", "-d e"], ["--all", "[x]"]])
def test_one_log_for_several_records_is_each_ones_log(tmp_path: Path,
                                                      folders: list[str]) -> None:
    roots = _records(tmp_path / "repo", folders)
    shared = vcs.start_shared(roots)
    assert len(shared) == 1
    known = vcs.finish_shared(shared)
    assert sorted(known) == sorted(str(root) for root in roots)
    for root in roots:
        place, history, tags = known[str(root)]
        assert place == vcs.find_place(root) and tags == {}
        assert _facts(history) == _facts(vcs.read_history(root))
    assert len(known[str(roots[0])][1].commits) == 2


def test_a_record_at_the_top_shares_the_log_with_one_below(tmp_path: Path) -> None:
    init(tmp_path / "repo")
    below = _records(tmp_path / "repo", ["sub"])[0]
    commit(tmp_path / "repo", "Nothing changed", "2025-10-15T10:00:00+00:00")
    roots = [tmp_path / "repo", below]
    known = vcs.finish_shared(vcs.start_shared(roots))
    for root in roots:
        assert _facts(known[str(root)][1]) == _facts(vcs.read_history(root))
    assert len(known[str(roots[0])][1].commits) == 3   # the empty commit too


@pytest.mark.parametrize("merge", [("-s", "ours"), ()])
def test_a_merge_is_split_only_when_the_log_hides_it(tmp_path: Path,
                                                     merge: tuple[str, ...]) -> None:
    """A merge that kept main's side is not shown (every record follows main); one that
    took record a from the side and b from main is shown, and not split: which side's
    commits count is git's choice for each record's own folder."""
    top = tmp_path / "repo"
    roots = _records(top, ["a", "b"])
    git(top, "checkout", "-q", "-b", "side")
    (top / "a" / "ogp.yaml").write_text("on the side\n", encoding="utf-8")
    commit(top, "Side", "2025-10-15T10:00:00+00:00")
    git(top, "checkout", "-q", "main")
    (top / "b" / "ogp.yaml").write_text("on main\n", encoding="utf-8")
    commit(top, "Main", "2025-10-16T10:00:00+00:00")
    git(top, "merge", "-q", *merge, "--no-ff", "-m", "Merge", "side",
        when="2025-10-17T10:00:00+00:00")
    known = vcs.finish_shared(vcs.start_shared(roots))
    assert len(known) == (2 if merge else 0)
    for root in roots if merge else ():
        assert _facts(known[str(root)][1]) == _facts(vcs.read_history(root))


def test_no_commit_yet_is_not_shared(tmp_path: Path) -> None:
    top = init(tmp_path / "repo")
    for folder in ("a", "b"):
        (top / folder).mkdir()
    assert vcs.finish_shared(vcs.start_shared([top / "a", top / "b"])) == {}


def test_a_check_of_several_records_starts_one_git_log(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three records of one repository: one `git log` and one reading of the tags, where
    each record started three git processes once (rev-parse, log, for-each-ref); the
    findings are the same as each one's alone."""
    top = init(tmp_path / "repo")
    for name in ("north", "south", "-west"):
        shutil.copytree(SAMPLE, top / name, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    commit(top, "Three records", "2026-06-24T10:00:00+00:00")
    git(top, "tag", "-a", "-m", "Delivered", "submitted/2026-2030",
        when="2026-06-25T10:00:00+00:00")
    options = CheckOptions(today=date(2026, 11, 23), use_cache=False, jobs=1)
    alone = [check([top / name], options).diagnostics for name in ("-west", "north", "south")]
    started = _counted(monkeypatch)
    result = check([top], options)
    assert [args[0] for args in started] == ["log", "for-each-ref"]
    assert [d.file.split("/", 1)[1] for d in result.diagnostics] == \
        [d.file for found in alone for d in found]
    assert not vcs._STARTED and not vcs._KNOWN


def test_a_repository_git_refuses_is_unreadable_not_empty(tmp_path: Path) -> None:
    """git refusing the repository (here its format) is said, not taken for a repository
    with no commits."""
    root = _repository(tmp_path / "repo", "records/veridia")
    git(tmp_path / "repo", "config", "core.repositoryformatversion", "99")
    history = vcs.read_history(root)
    assert history.state == vcs.UNREADABLE and "version" in history.detail


def test_a_configured_work_tree_is_asked_of_git(tmp_path: Path) -> None:
    root = _repository(tmp_path / "repo", "records/veridia")
    assert vcs._place_from_files(root) is not None
    git(tmp_path / "repo", "config", "core.worktree", str(tmp_path / "repo"))
    assert vcs._place_from_files(root) is None
    assert vcs.find_place(root) == _git_place(root)


def test_a_machine_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    """The place is read from git's files, but without git nothing else can be read: the
    record's history is "git is not installed" (a finding), never GitPython's error."""
    from tests.conftest import run

    root = tmp_path / "repo"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns(".ogpctl-cache", ".git"))
    init(root)
    commit(root, "Record", "2026-11-20T10:00:00+00:00")
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert vcs.find_place(root) == vcs.Place(vcs.UNREADABLE, detail="git is not installed")
    for command in (("check", "--no-cache"), ("status",),
                    ("render", "self-assessment", "--plan", "2023-2025", "-f", "md", "-l", "en",
                     "-o", "-")):
        code, out, err = run(capsys, *command, "-C", root, "--today", "2026-11-23")
        assert code in (0, 1) and "Traceback" not in out + err, (command, err)

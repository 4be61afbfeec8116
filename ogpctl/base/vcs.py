"""The one module that talks to git (through GitPython).

A user's string never reaches git where it could be read as an option: folders are passed
as absolute paths (they cannot start with "-"), and paths inside the repository only after
"--" as literal pathspecs. The history is read in one `git log` for the whole record.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ogpctl.base.errors import RecordWriteError

if TYPE_CHECKING:
    from git import Blob, Repo


def _git() -> ModuleType:
    try:
        import git
    except ImportError as error:   # GitPython refuses to import without a git program
        raise RecordWriteError(f"git is not available: {error}") from None
    return git


def repository_root(path: Path) -> Path | None:
    """The working tree holding `path` (or its nearest existing parent), or None."""
    git = _git()
    start = path.absolute()
    while not start.exists():
        start = start.parent
    try:
        repo = git.Repo(start, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    return Path(repo.working_tree_dir) if repo.working_tree_dir else None


def init_repository(path: Path) -> None:
    """`git init` a new repository at `path`, its first branch called main."""
    git = _git()
    try:
        git.Repo.init(path.absolute(), initial_branch="main")
    except git.GitCommandError as error:
        raise RecordWriteError(f"git init failed: {error.stderr.strip()}") from None


# -- history ----------------------------------------------------------------------------

GIT, NOT_A_REPOSITORY, NO_COMMITS, UNREADABLE = "git", "not-a-repository", "no-commits", \
    "unreadable"


@dataclass(frozen=True)
class Change:
    """One commit that touched a file: when it landed (committer date), by whom, which."""

    commit: str
    when: datetime
    author: str

    @property
    def day(self) -> date:
        return self.when.date()


@dataclass
class History:
    """The record's history read in one pass of `git log`, keyed by record-relative path.

    `state` says what could be read: a repository (`git`), a folder that is not in one,
    a repository with no commits yet, or one git refused to read. A shallow clone knows
    nothing before `since`; `note` says so in a sentence."""

    state: str
    shallow: bool = False
    since: date | None = None
    first: dict[str, Change] = field(default_factory=dict)
    last: dict[str, Change] = field(default_factory=dict)
    commits: list[Change] = field(default_factory=list)     # newest first
    touched: dict[str, list[date]] = field(default_factory=dict)   # folder -> days, sorted
    detail: str = ""

    @property
    def known(self) -> bool:
        return self.state == GIT

    def note(self) -> str:
        if self.state == NOT_A_REPOSITORY:
            return "the record is not in a git repository: dates of change are unknown"
        if self.state == NO_COMMITS:
            return "the repository has no commits yet: dates of change are unknown"
        if self.state == UNREADABLE:
            return f"git could not read the history ({self.detail}): dates are unknown"
        if self.shallow:
            return (f"the clone is shallow: history before {self.since} is not known, so "
                    "first changes and older updates may be missing")
        return ""

    def days_below(self, folder: str) -> list[date]:
        """The days on which anything below `folder` (record-relative) changed."""
        return self.touched.get(folder.strip("/"), [])


def _run_git(root: Path, *args: str) -> Any:
    """git run directly (no shell, no prompt, no optional locks); a CompletedProcess."""
    return _finished(_start_git(root, *args))


def _start_git(root: Path, *args: str) -> Any:
    """git started in the record's folder, its output to be read (`_finished`); a Popen."""
    import subprocess

    return subprocess.Popen(["git", *args], cwd=root.absolute(), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", errors="replace",
                            env={**os.environ, "GIT_TERMINAL_PROMPT": "0",
                                 "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})


def _not_run(error: OSError) -> str:
    """Why git could not be started (`shutil.which` is not asked first: importing shutil
    costs a check more than starting git)."""
    if isinstance(error, FileNotFoundError):
        return "git is not installed"
    return f"git cannot be run: {error.strerror or error}"


def _finished(process: Any) -> Any:
    """A started git's CompletedProcess, once it ended (killed if waiting is interrupted)."""
    import subprocess

    with process:
        try:
            stdout, stderr = process.communicate()
        except BaseException:
            process.kill()
            raise
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


#: `git rev-parse`'s arguments for `find_place`, in this order: the shallow flag, the
#: tags' ids (hex), then the prefix (ends in "/").
_PLACE = ("rev-parse", "--is-shallow-repository", "--tags=submitted", "--show-prefix")


def _log(where: list[str]) -> tuple[str, ...]:
    """`git log`'s arguments for `read_history`, limited to the pathspec `where` (none: the
    record is its repository's top, and every commit counts)."""
    return ("log", "--no-color", "--no-renames", "--format=%x1e%H%x1f%cI%x1f%an",
            "--name-only", "-z", "--", *where)


class _Started:
    """git processes `prefetch` started for a record: its `find_place` and the `git log` of
    its history, that log limited to the record's folder ("." from it) unless `top`. (Not
    a dataclass: making one costs every check's start a third of a millisecond.)"""

    __slots__ = ("place", "log", "top")

    def __init__(self, place: Any, log: Any, top: bool) -> None:
        self.place, self.log, self.top = place, log, top


_STARTED: dict[str, _Started] = {}


def prefetch(root: Path) -> None:
    """Start the two git processes a check asks for the record at `root` (`find_place`,
    `read_history`) now, so that git reads the history while the record is parsed; the
    answers are read where they are asked for, as if git had been started then. The log
    is started before the prefix is known: from the record's folder, limited to "." (the
    same commits and names as the prefix's literal pathspec), or to nothing when the
    folder holds `.git`, which makes it the top. Ended by `discard`."""
    key = str(root.absolute())
    if key in _STARTED:
        return
    top = os.path.lexists(os.path.join(key, ".git"))
    try:
        place = _start_git(root, *_PLACE)
    except OSError:   # no git to run: find_place says so when asked
        return
    _STARTED[key] = _Started(place, None, top)
    try:
        _STARTED[key].log = _start_git(root, *_log([] if top else ["."]))
    except OSError:
        return


def discard(root: Path) -> None:
    """End what `prefetch` started for `root` and nobody asked for."""
    started = _STARTED.pop(str(root.absolute()), None)
    for process in (started.place, started.log) if started else ():
        if process is not None:
            process.kill()
            _finished(process)


SUBMITTED = "submitted/"


def tag_name(plan_id: str) -> str:
    """The tag `ogpctl tag-submission` makes for a plan's delivery."""
    return f"{SUBMITTED}{plan_id}"


@dataclass(frozen=True)
class Place:
    """Where a record sits in git, from one `git rev-parse`: the state (`git`, or why
    not), the record's folder inside the repository, whether the clone is shallow, and
    whether any `submitted/` tag exists (only then are the tags' days asked for)."""

    state: str
    prefix: str = ""
    shallow: bool = False
    tagged: bool = False
    detail: str = ""


HEX = frozenset("0123456789abcdef")


def find_place(root: Path) -> Place:
    """The record's place in git, in one process: `check` asks this once per record and
    reads the history and the tags with it (a git process costs more than most rules)."""
    started = _STARTED.get(str(root.absolute()))
    if started is not None and started.place is not None:
        done = _finished(started.place)
        started.place = None
    else:
        try:
            done = _run_git(root, *_PLACE)
        except OSError as error:
            return Place(UNREADABLE, detail=_not_run(error))
    if done.returncode != 0:
        stderr = done.stderr.strip()
        if "not a git repository" in stderr:
            return Place(NOT_A_REPOSITORY)
        return Place(UNREADABLE, detail=(stderr.splitlines() or ["git failed"])[-1])
    shallow, _, rest = done.stdout.partition("\n")
    lines = rest.split("\n")
    tags = 0
    while tags < len(lines) and lines[tags] and all(c in HEX for c in lines[tags]):
        tags += 1
    prefix = "\n".join(lines[tags:]).strip()
    return Place(GIT, prefix, shallow.strip() == "true", tags > 0)


def submission_tags(root: Path, place: Place | None = None) -> dict[str, date]:
    """The day each `submitted/<plan>` tag was made (`ogpctl tag-submission`), by plan id;
    empty outside a repository or without git. With the record's `place`, git is asked
    only when a submitted tag exists."""
    if place is not None and (place.state != GIT or not place.tagged):
        return {}
    try:
        done = _run_git(root, "for-each-ref",
                        "--format=%(refname:strip=2)%09%(creatordate:short)",
                        "refs/tags/submitted/")
    except OSError:   # no git to run
        return {}
    found: dict[str, date] = {}
    for line in done.stdout.splitlines() if done.returncode == 0 else []:
        name, _, day = line.partition("\t")
        try:
            found[name.removeprefix("submitted/")] = date.fromisoformat(day.strip())
        except ValueError:
            continue
    return found


def read_history(root: Path, place: Place | None = None) -> History:
    """Every commit touching the record at `root`, in one `git log` (and the `git
    rev-parse` of `find_place` unless its `place` is given).

    `check` reads this on every run, so it runs git directly: importing GitPython costs
    more than the log itself (0.15 s). Arguments are a list (no shell); the record's path
    reaches git only as the working folder and as a literal pathspec after "--"."""
    place = place or find_place(root)
    if place.state != GIT:
        return History(place.state, detail=place.detail)

    def run(*args: str) -> Any:
        return _run_git(root, *args)

    prefix = place.prefix
    where = [":(top,literal)" + prefix.rstrip("/")] if prefix else []   # a subfolder record
    log = _started_log(root, prefix) or run(*_log(where))
    if log.returncode != 0:
        if run("rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
            return History(NO_COMMITS)
        return History(UNREADABLE, detail=(log.stderr.strip().splitlines() or ["git failed"])[-1])
    history = _parse(log.stdout, prefix)
    history.shallow = place.shallow
    if history.shallow:
        oldest = run("log", "--format=%cI", "--reverse", "--max-parents=0").stdout
        first = oldest.split("\n", 1)[0].strip()
        history.since = datetime.fromisoformat(first).date() if first else None
    return history


def _started_log(root: Path, prefix: str) -> Any:
    """The log `prefetch` started for `root`, when it was limited as `prefix` asks (a
    subfolder's, or the top's); else None, that log ended."""
    started = _STARTED.get(str(root.absolute()))
    if started is None or started.log is None:
        return None
    process, started.log = started.log, None
    if started.top != (not prefix):
        process.kill()
        _finished(process)
        return None
    return _finished(process)


def _parse(output: str, prefix: str) -> History:
    history = History(GIT)
    touched: dict[str, set[date]] = {}
    for chunk in output.split("\x1e"):
        if not chunk:
            continue
        header, _, names = chunk.partition("\x00")
        commit, when, author = header.split("\x1f", 2)
        change = Change(commit, datetime.fromisoformat(when), author)
        history.commits.append(change)
        for name in names.lstrip("\n").split("\x00"):
            if not name.startswith(prefix) or name == prefix:
                continue
            path = name[len(prefix):]
            history.last.setdefault(path, change)
            history.first[path] = change          # the log runs newest first
            folder = path
            while "/" in folder:
                folder = folder.rsplit("/", 1)[0]
                touched.setdefault(folder, set()).add(change.day)
            touched.setdefault("", set()).add(change.day)
    history.touched = {folder: sorted(days) for folder, days in touched.items()}
    return history


# -- revisions ----------------------------------------------------------------------------

def _repo_and_prefix(root: Path) -> tuple[Repo, str]:
    git = _git()
    try:
        repo = git.Repo(root.absolute(), search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise RecordWriteError(f"{root} is not in a git repository") from None
    top = Path(repo.working_tree_dir or root).resolve()
    prefix = root.resolve().relative_to(top).as_posix()
    return repo, "" if prefix == "." else prefix + "/"


def resolve_revision(root: Path, revision: str) -> str:
    """The commit id a user's revision names; refuses anything git could read as an option."""
    from ogpctl.base.errors import UsageError

    git = _git()
    if not revision or revision.startswith("-") or any(c.isspace() for c in revision):
        raise UsageError(f"{revision!r} is not a revision")
    repo, _ = _repo_and_prefix(root)
    try:
        return str(repo.git.rev_parse("--verify", "--quiet", "--end-of-options",
                                      f"{revision}^{{commit}}")).strip()
    except git.GitCommandError:
        raise UsageError(f"{revision!r} names no commit in this repository") from None


def merge_base(root: Path, first: str, second: str) -> str | None:
    """The best common ancestor of two resolved commit ids (where one branched from the
    other, as `git diff A...B` takes it); None when they share no history."""
    git = _git()
    repo, _ = _repo_and_prefix(root)
    for commit in (first, second):
        if len(commit) != 40 or any(c not in "0123456789abcdef" for c in commit):
            raise ValueError(f"{commit!r} is not a resolved commit id")
    try:
        found = str(repo.git.merge_base("--end-of-options", first, second)).strip()
    except git.GitCommandError:
        return None
    return found or None


def file_commits(root: Path, relative: str) -> list[str]:
    """The commits reachable from HEAD that changed the record's file `relative`, newest
    first; none outside git or before the first commit."""
    git = _git()
    repo, prefix = _repo_and_prefix(root)
    try:
        out = str(repo.git.log("--format=%H", "HEAD", "--", prefix + relative))
    except git.GitCommandError:
        return []
    return out.split()


def file_at(root: Path, commit: str, relative: str) -> bytes | None:
    """The bytes of the record's file `relative` at `commit` (a resolved commit id); None
    when the commit has no such file."""
    repo, prefix = _repo_and_prefix(root)
    try:
        item = repo.commit(commit).tree / (prefix + relative)
    except KeyError:
        return None
    data: bytes = item.data_stream.read()
    return data


def last_submission(root: Path) -> tuple[str, str] | None:
    """(tag, commit) of the newest tag named submitted/* reachable from HEAD, if any."""
    git = _git()
    repo, _ = _repo_and_prefix(root)
    try:
        tag = str(repo.git.describe("--tags", "--abbrev=0", "--match", "submitted/*")).strip()
    except git.GitCommandError:
        return None
    return tag, resolve_revision(root, tag)


def commit_day(root: Path, commit: str) -> date:
    """The day `commit` (a resolved commit id) was made, in its author's time zone."""
    repo, _ = _repo_and_prefix(root)
    return repo.commit(commit).committed_datetime.date()


def files_at(root: Path, commit: str) -> dict[str, bytes]:
    """Every file of the record at `commit` (a resolved commit id), record-relative, read
    through git's object database (one long-lived cat-file process, not one per file)."""
    return tree_at(root, commit)[0]


def tree_at(root: Path, commit: str | None) -> tuple[dict[str, bytes], dict[str, str]]:
    """The record's files and its symbolic links with their targets (texts, never
    followed), record-relative: at `commit`, or with None in the working tree as the next
    commit would take it."""
    if commit is None:
        return _working_tree(root)
    files: dict[str, bytes] = {}
    links: dict[str, str] = {}
    for name, item in _blobs_at(root, commit):
        if item.mode == _LINK:
            links[name] = item.data_stream.read().decode("utf-8", "replace")
        else:
            files[name] = item.data_stream.read()
    return files, links


_LINK = 0o120000   # git's mode of a symbolic link


def _blobs_at(root: Path, commit: str) -> list[tuple[str, Blob]]:
    """(record-relative name, blob) of every file and link of the record at `commit`."""
    repo, prefix = _repo_and_prefix(root)
    tree = repo.commit(commit).tree
    if prefix:
        try:
            tree = tree / prefix.rstrip("/")
        except KeyError:
            return []
    blob: type[Blob] = _git().Blob
    return [(os.fspath(item.path)[len(prefix):], item)
            for item in tree.traverse() if isinstance(item, blob)]


def tag_commit(root: Path, tag: str) -> str | None:
    """The commit a tag names, or None: no such tag, not in a git repository, or no git.
    One `git rev-parse` (GitPython's import alone costs a small site build a tenth of its
    time); the tag's full ref name cannot be read as an option."""
    try:
        done = _run_git(root, "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}^{{commit}}")
    except OSError:
        return None
    name = done.stdout.strip()
    return name if done.returncode == 0 and len(name) in (40, 64) else None


def has_tag(root: Path, tag: str) -> bool:
    repo, _ = _repo_and_prefix(root)
    return tag in {t.name for t in repo.tags}


def head_commit(root: Path) -> str:
    repo, _ = _repo_and_prefix(root)
    if not repo.head.is_valid():
        raise RecordWriteError("the repository has no commit yet: commit the record first")
    return repo.head.commit.hexsha


def tag_submission(root: Path, tag: str, message: str) -> str:
    """An annotated tag at HEAD; refuses a tag that exists. Returns the commit tagged."""
    git = _git()
    repo, _ = _repo_and_prefix(root)
    if has_tag(root, tag):
        raise RecordWriteError(f"the tag {tag} exists already")
    try:
        repo.git.tag("-a", "-m", message, "--end-of-options", tag, "HEAD")
    except git.GitCommandError as error:
        raise RecordWriteError(f"git tag failed: {str(error.stderr).strip()}") from None
    return repo.head.commit.hexsha


def uncommitted(root: Path, relative: str) -> list[str]:
    """The files below `relative` (record-relative) that differ from HEAD: changed, staged,
    deleted or not tracked (git's ignored files aside), record-relative and sorted."""
    repo, prefix = _repo_and_prefix(root)
    listed = repo.git.status("--porcelain=v1", "-z", "--untracked-files=all", "--",
                             ":(literal)" + prefix + relative)
    found, entries = [], iter(listed.split("\0"))
    for entry in entries:
        if len(entry) < 4:
            continue
        if entry[0] in "RC":           # a rename or copy: its source path follows
            next(entries, None)
        path = entry[3:]
        found.append(path[len(prefix):] if path.startswith(prefix) else path)
    return sorted(found)


def commit_file(root: Path, relative: str, message: str) -> str:
    """Commit one record file (record-relative) alone, whatever else is staged or changed;
    returns the new commit id."""
    git = _git()
    repo, prefix = _repo_and_prefix(root)
    path = ":(literal)" + prefix + relative
    try:
        repo.git.commit("--only", "--quiet", "-m", message, "--", path)
    except git.GitCommandError as error:
        detail = str(error.stderr).strip().splitlines()
        raise RecordWriteError(f"git commit failed: {detail[-1] if detail else error}") \
            from None
    return repo.head.commit.hexsha


def record_prefix(root: Path) -> str:
    """The record's folder inside its repository, as `folder/` ("" at the top)."""
    return _repo_and_prefix(root)[1]


def working_files(root: Path) -> dict[str, bytes]:
    """The record's files in the working tree as the next commit would take them: tracked
    and untracked ones that .gitignore does not exclude, record-relative. Links are not
    followed and files deleted from the working tree are left out."""
    return _working_tree(root)[0]


def _working_tree(root: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    """`working_files`, and the working tree's links with their targets (read, never
    followed)."""
    top, prefix, names = _working_names(root)
    files: dict[str, bytes] = {}
    links: dict[str, str] = {}
    for name in names:
        data = _regular_file(top, name)
        if data is not None:
            files[name[len(prefix):]] = data
            continue
        try:
            links[name[len(prefix):]] = os.readlink(top / name)
        except OSError:   # not a link either, or gone meanwhile
            continue
    return files, links


def _working_names(root: Path) -> tuple[Path, str, list[str]]:
    """The working tree's top, the record's prefix in it, and the names (from the top) of
    the record's tracked and untracked files that .gitignore does not exclude."""
    repo, prefix = _repo_and_prefix(root)
    where = ":(top,literal)" + prefix.rstrip("/") if prefix else ":(top)"
    listing = repo.git.ls_files("-z", "--cached", "--others", "--exclude-standard", "--",
                                where)
    return Path(repo.working_tree_dir or root), prefix, \
        sorted(set(filter(None, listing.split("\0"))))


def _regular_file(top: Path, name: str) -> bytes | None:
    """The bytes of `name` below `top`, reached through no link; None for a link, a file
    deleted meanwhile, or anything that is not a plain file."""
    import stat

    from ogpctl.base.confined import open_folder, parts_of

    parts = parts_of(name)
    try:
        with open_folder(top, parts[:-1]) as folder:
            info = folder.lstat(parts[-1])
            if info is None or not stat.S_ISREG(info.st_mode):
                return None
            return folder.read(parts[-1])
    except (FileNotFoundError, RecordWriteError):
        return None

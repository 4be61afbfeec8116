"""The one module that talks to git (through GitPython).

A user's string never reaches git where it could be read as an option: folders are passed
as absolute paths (they cannot start with "-"), and paths inside the repository only after
"--" as literal pathspecs. The history is read in one `git log` for the whole record (its
place in the repository from the repository's files), or for several records of one
repository (`start_shared`).
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


def _log(where: list[str], *extra: str, header: str = "%H%x1f%cI%x1f%an") -> tuple[str, ...]:
    """`git log`'s arguments for `read_history`, limited to the pathspec `where` (none: the
    record is its repository's top, and every commit counts)."""
    return ("log", "--no-color", "--no-renames", f"--format=%x1e{header}", "--name-only",
            "-z", *extra, "--", *where)


#: The log of a record below its repository's top, run in the record's folder: its own
#: files, named from it (no prefix to know or strip).
_SUBFOLDER_LOG = _log(["."], "--relative")


class _Started:
    """git processes `prefetch` started for a record: its place (a `Place` read from the
    files, or the `git rev-parse` of `find_place`) and the `git log` of its history, that
    log limited to the record's folder unless `top`. (Not a dataclass: making one costs
    every check's start a third of a millisecond.)"""

    __slots__ = ("place", "log", "top")

    def __init__(self, place: Any, log: Any, top: bool) -> None:
        self.place, self.log, self.top = place, log, top


_STARTED: dict[str, _Started] = {}
#: A record's place, history and submitted tags, read with other records' of its
#: repository (`finish_shared`).
Known = tuple["Place", History, dict[str, date]]
#: What was read for several records at once, by record (`adopt`).
_KNOWN: dict[str, Known] = {}


def prefetch(root: Path) -> None:
    """Start the git process a check asks for the record at `root` (`read_history`) now,
    so that git reads the history while the record is parsed; the answer is read where it
    is asked for, as if git had been started then. When the files do not tell the place
    (`_place_from_files`), `git rev-parse` is started too, and the log before the prefix
    is known: limited to the record's folder, or to nothing when the folder holds `.git`,
    which makes it the top. Ended by `discard`."""
    key = str(root.absolute())
    if key in _STARTED or key in _KNOWN:
        return
    place: Any = _place_from_files(root)
    top = not place.prefix if place is not None \
        else os.path.lexists(os.path.join(key, ".git"))
    if place is not None and place.state != GIT:
        return
    try:
        place = place or _start_git(root, *_PLACE)
    except OSError:   # no git to run: find_place says so when asked
        return
    _STARTED[key] = _Started(place, None, top)
    try:
        _STARTED[key].log = _start_git(root, *(_log([]) if top else _SUBFOLDER_LOG))
    except OSError:
        return


def adopt(root: Path, known: Known) -> None:
    """Take the record's place, history and tags as read with others' (`finish_shared`);
    until `discard`, `find_place`, `read_history` and `submission_tags` answer them."""
    _KNOWN[str(root.absolute())] = known


def discard(root: Path) -> None:
    """End what `prefetch` started for `root` and nobody asked for."""
    _KNOWN.pop(str(root.absolute()), None)
    started = _STARTED.pop(str(root.absolute()), None)
    for process in (started.place, started.log) if started else ():
        if process is not None and not isinstance(process, Place):
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
    """The record's place in git: read from the files git reads (`_place_from_files`, no
    process) when they say it plainly, else from one `git rev-parse`. `check` asks this
    once per record and reads the history and the tags with it."""
    known = _KNOWN.get(str(root.absolute()))
    if known is not None:
        return known[0]
    started = _STARTED.get(str(root.absolute()))
    if started is not None and started.place is not None:
        if isinstance(started.place, Place):
            return started.place
        done = _finished(started.place)
        started.place = None
    else:
        import shutil  # not at start-up: a check that finds no git folder needs none

        if shutil.which("git") is None:   # what git's files say cannot be read without it
            return Place(UNREADABLE, detail="git is not installed")
        place = _place_from_files(root)
        if place is not None:
            return place
        try:
            done = _run_git(root, *_PLACE)
        except OSError as error:
            return Place(UNREADABLE, detail=_not_run(error))
    return _place_from_rev_parse(done)


def _place_from_rev_parse(done: Any) -> Place:
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


#: Variables that change where git looks for the repository: with any of them set, git
#: itself is asked (`git rev-parse`) where the record sits.
_DISCOVERY = ("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES",
              "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_NAMESPACE", "GIT_CONFIG_PARAMETERS",
              "GIT_CONFIG_COUNT")


def _place_from_files(root: Path) -> Place | None:
    """The record's place as git would find it, read from the files alone: the nearest
    folder holding `.git` (a folder, or a file naming one) is the top. None whenever the
    files do not say it plainly (a variable of `_DISCOVERY`, a bare repository, a `.git`
    git would not take): git is asked then. `tagged` may say yes where no tag is: it only
    spares asking for the tags when it says no."""
    if any(name in os.environ for name in _DISCOVERY):
        return None
    folder = root.resolve()
    for top in (folder, *folder.parents):
        dotgit = os.path.join(top, ".git")
        if not os.path.lexists(dotgit):
            if os.path.isfile(os.path.join(top, "HEAD")):
                return None   # perhaps a bare repository or a git folder: git knows
            continue
        common = _common_folder(dotgit)
        if common is None:
            return None
        prefix = folder.relative_to(top).as_posix()
        return Place(GIT, "" if prefix == "." else prefix + "/",
                     os.path.exists(os.path.join(common, "shallow")), _maybe_tagged(common))
    return Place(NOT_A_REPOSITORY)


def _common_folder(dotgit: str) -> str | None:
    """The repository folder holding the refs and `shallow` (a worktree's common one), or
    None when `dotgit` is not plainly a repository."""
    gitdir = dotgit
    if os.path.isfile(dotgit) and not os.path.islink(dotgit):
        try:
            with open(dotgit, encoding="utf-8") as named:
                line = named.readline()
        except (OSError, UnicodeDecodeError):
            return None
        if not line.startswith("gitdir: "):
            return None
        gitdir = os.path.join(os.path.dirname(dotgit), line[len("gitdir: "):].strip())
    elif not os.path.isdir(dotgit):
        return None
    common = gitdir
    try:
        with open(os.path.join(gitdir, "commondir"), encoding="utf-8") as named:
            common = os.path.join(gitdir, named.readline().strip())
    except FileNotFoundError:
        pass
    except (OSError, UnicodeDecodeError):
        return None
    plain = all(os.path.exists(os.path.join(where, name)) for where, name in
                ((gitdir, "HEAD"), (common, "objects"), (common, "refs")))
    return common if plain and not _moves_the_top(common) else None


def _moves_the_top(common: str) -> bool:
    """Whether the repository's configuration may name another working tree than the
    folder holding `.git` (`core.worktree`): git is asked then."""
    try:
        with open(os.path.join(common, "config"), "rb") as config:
            return b"worktree" in config.read().lower()
    except FileNotFoundError:
        return False
    except OSError:
        return True


def _maybe_tagged(common: str) -> bool:
    """Whether a `submitted/` tag may exist: a folder of them, a packed one, or refs kept
    in a reftable (which only git reads)."""
    if os.path.exists(os.path.join(common, "refs", "tags", "submitted")) \
            or os.path.exists(os.path.join(common, "reftable")):
        return True
    try:
        with open(os.path.join(common, "packed-refs"), "rb") as packed:
            return b" refs/tags/submitted/" in packed.read()
    except FileNotFoundError:
        return False
    except OSError:
        return True


def submission_tags(root: Path, place: Place | None = None) -> dict[str, date]:
    """The day each `submitted/<plan>` tag was made (`ogpctl tag-submission`), by plan id;
    empty outside a repository or without git. With the record's `place`, git is asked
    only when a submitted tag exists."""
    if place is not None and (place.state != GIT or not place.tagged):
        return {}
    known = _KNOWN.get(str(root.absolute())) if place is not None else None
    if known is not None:
        return dict(known[2])
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
    rev-parse` of `find_place` when neither its `place` is given nor the files tell it).

    `check` reads this on every run, so it runs git directly: importing GitPython costs
    more than the log itself (0.15 s). Arguments are a list (no shell); the record's path
    reaches git only as the working folder (names are read relative to it)."""
    known = _KNOWN.get(str(root.absolute()))
    if known is not None:
        return known[1]
    place = place or find_place(root)
    if place.state != GIT:
        return History(place.state, detail=place.detail)
    try:
        log = _started_log(root, place.prefix) or \
            _run_git(root, *(_SUBFOLDER_LOG if place.prefix else _log([])))
    except OSError as error:
        return History(UNREADABLE, detail=_not_run(error))
    if log.returncode != 0:
        return _failed(root, log.stderr)
    history = _history_of(_changes(log.stdout))
    history.shallow = place.shallow
    history.since = _since(root) if place.shallow else None
    return history


def _failed(root: Path, stderr: str) -> History:
    """Why `git log` failed: no repository, no commit yet, or what git said."""
    if "not a git repository" in stderr:
        return History(NOT_A_REPOSITORY)
    if _run_git(root, "rev-parse", "--verify", "--quiet", "HEAD").returncode == 1:
        return History(NO_COMMITS)   # (128: git refused the repository, and said why)
    return History(UNREADABLE, detail=(stderr.strip().splitlines() or ["git failed"])[-1])


def _since(root: Path) -> date | None:
    """The day of a shallow clone's oldest commit: nothing before it is known."""
    oldest = _run_git(root, "log", "--format=%cI", "--reverse", "--max-parents=0").stdout
    first = oldest.split("\n", 1)[0].strip()
    return datetime.fromisoformat(first).date() if first else None


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


#: One commit of a log: the change, its parents' ids (read only by `finish_shared`) and
#: the names it touched.
_Commit = tuple[Change, list[str], list[str]]


def _changes(output: str, parents: bool = False) -> list[_Commit]:
    """The commits of a `git log` (`_log`), newest first; with `parents`, its header says
    them between the date and the author."""
    found: list[_Commit] = []
    for chunk in output.split("\x1e"):
        if not chunk:
            continue
        header, _, names = chunk.partition("\x00")
        fields = header.split("\x1f", 3 if parents else 2)
        ids = fields.pop(2).split() if parents else []
        change = Change(fields[0], datetime.fromisoformat(fields[1]), fields[2])
        found.append((change, ids, names.lstrip("\n").split("\x00")))
    return found


def _history_of(commits: list[_Commit], prefix: str = "") -> History:
    """The history of the record whose names start with `prefix` ("" at the top, or in a
    log run in the record's folder with `--relative`): with a prefix, only the commits
    that touched one of its files."""
    history = History(GIT)
    touched: dict[str, set[date]] = {}
    for change, _, names in commits:
        mine = [name[len(prefix):] for name in names
                if name.startswith(prefix) and name != prefix]
        if prefix and not mine:
            continue
        history.commits.append(change)
        for path in mine:
            history.last.setdefault(path, change)
            history.first[path] = change          # the log runs newest first
            folder = path
            while "/" in folder:
                folder = folder.rsplit("/", 1)[0]
                touched.setdefault(folder, set()).add(change.day)
            touched.setdefault("", set()).add(change.day)
    history.touched = {folder: sorted(days) for folder, days in touched.items()}
    return history


# -- several records of one repository ---------------------------------------------------

class Shared:
    """One `git log` started for the records of one repository (`start_shared`): their
    places by record, and the repository's top, where it runs."""

    __slots__ = ("top", "members", "log")

    def __init__(self, top: Path, members: dict[str, Place], log: Any) -> None:
        self.top, self.members, self.log = top, members, log


def start_shared(roots: list[Path]) -> list[Shared]:
    """Start one `git log` for each repository holding several of `roots` (a corpus, a
    country's sub-national records), limited to their folders, instead of one a record;
    read by `finish_shared`. Records whose place the files do not tell are left out."""
    by_top: dict[Path, dict[str, Place]] = {}
    for root in roots:
        place = _place_from_files(root)
        if place is not None and place.state == GIT:
            top = root.resolve()
            for _ in range(place.prefix.count("/")):
                top = top.parent
            by_top.setdefault(top, {})[str(root.absolute())] = place
    shared: list[Shared] = []
    for top, members in by_top.items():
        prefixes = [place.prefix for place in members.values()]
        if len(members) < 2:
            continue
        where = [] if "" in prefixes else \
            [":(top,literal)" + prefix.rstrip("/") for prefix in prefixes]
        try:
            log = _start_git(top, *_log(where, header="%H%x1f%cI%x1f%P%x1f%an"))
        except OSError:   # no git to run: each record's own reading says so
            break
        shared.append(Shared(top, members, log))
    return shared


def finish_shared(shared: list[Shared]) -> dict[str, Known]:
    """Each record's place, history and submitted tags (the repository's, asked once)
    from the logs `start_shared` started, by record (its absolute path). A log that shows
    a merge is not split (which side's commits count is decided for each record's own
    folder): its records read their own."""
    found: dict[str, Known] = {}
    for each in shared:
        log = _finished(each.log)
        if log.returncode != 0:   # no commit yet, or unreadable: each record says why
            continue
        commits = _changes(log.stdout, parents=True)
        if any(len(parents) > 1 for _, parents, _ in commits):
            continue
        places = list(each.members.values())
        since = _since(each.top) if places[0].shallow else None
        tags = submission_tags(each.top, places[0])
        for key, place in each.members.items():
            history = _history_of(commits, place.prefix)
            history.shallow, history.since = place.shallow, since
            found[key] = (place, history, tags)
    return found


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

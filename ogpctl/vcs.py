"""The one module that talks to git (through GitPython).

A user's string never reaches git where it could be read as an option: paths are passed
as absolute paths (they cannot start with "-") and never as bare arguments.
"""

from __future__ import annotations

from pathlib import Path

from ogpctl.errors import RecordWriteError


def _git():
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

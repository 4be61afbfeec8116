"""Whether a cached check result is still the record's, found without reading a file: the
stat of every file and the name of every folder of the record (`tree_lines`), and the stat
of the git files its history lives in (`history_stamp`).

Listing a folder costs five system calls (open, stat, two reads of its entries, close),
and a stat one; a world-sized corpus has 10,000 folders for 36,000 files, so half of a warm
check of it went to listing folders that had not changed. The cache keeps each folder's
listing with the folder's mtime, ctime and inode (`Listings`): adding, removing or renaming
an entry changes the folder's mtime, so a folder whose stat is unchanged is stat'ed, not
listed again. Every file is still stat'ed: an edit in place changes only the file's own
stat. A listing is kept only when the folder's mtime and ctime are older than the racy
window, as a change in the same clock tick as the listing would leave them as they were
(the ctime, which no program can set back, covers a tool that restores the mtime).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ogpctl.base.cache import FOLDER
from ogpctl.record.discover import SKIP_DIRS

#: A folder's listing as the cache keeps it: the folder's mtime and ctime (ns) and inode,
#: then the names of the folders and of the other entries in it.
Listing = tuple[int, int, int, list[str], list[str]]
#: Folders that are not part of the record.
_SKIPPED = SKIP_DIRS | {FOLDER}


class Listings:
    """The folder listings a walk starts from (`known`, from the cache, by folder relative
    to the record with a trailing slash) and those it found still good to keep (`kept`);
    `changed` when a folder had to be listed again."""

    def __init__(self, known: dict[str, Any] | None = None) -> None:
        self.known: dict[str, Any] = known or {}
        self.kept: dict[str, Listing] = {}
        self.changed = False


def tree_lines(root: Path, limit_ns: int, listings: Listings) -> list[str] | None:
    """A line for every folder (an empty plan folder is a finding) and for every file's
    stat below `root`, in the order of the names in each folder; None when a file changed
    at or after `limit_ns` (too fresh to trust its stat) or a folder cannot be read."""
    lines: list[str] = []
    return lines if _tree(str(root), "", lines, limit_ns, listings) else None


def _tree(folder: str, rel: str, lines: list[str], limit_ns: int, listings: Listings) -> bool:
    try:
        info = os.stat(folder)
    except OSError:
        return False
    stamp = (info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
    listing = listings.known.get(rel)
    if not (type(listing) is tuple and len(listing) == 5 and listing[:3] == stamp):
        listing = _listing(folder, stamp)
        if listing is None:
            return False
        listings.changed = True
    if info.st_mtime_ns < limit_ns and info.st_ctime_ns < limit_ns:
        listings.kept[rel] = listing
    for name in listing[3]:
        lines.append(f"{rel}{name}/")
        if not _tree(f"{folder}{os.sep}{name}", f"{rel}{name}/", lines, limit_ns, listings):
            return False
    return _files(folder + os.sep, rel, listing[4], lines, limit_ns)


def _files(prefix: str, rel: str, names: list[str], lines: list[str], limit_ns: int) -> bool:
    """A line for the stat of each file `names` of one folder (`prefix` ends with a
    separator): the one loop that runs for every file of a corpus, so names are local."""
    lstat, append = os.lstat, lines.append
    for name in names:
        try:
            st = lstat(prefix + name)
        except OSError:
            return False
        if st.st_mtime_ns >= limit_ns:
            return False
        append(f"{rel}{name}|{st.st_size}|{st.st_mtime_ns}|{st.st_ctime_ns}|{st.st_ino}|"
               f"{st.st_mode}")
    return True


def _listing(folder: str, stamp: tuple[int, int, int]) -> Listing | None:
    """The folder's entries: its folders (a link is not one) and everything else, each
    sorted by name, so that a key does not depend on the order the system lists them in."""
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError:
        return None
    folders: list[str] = []
    others: list[str] = []
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name not in _SKIPPED:
                folders.append(entry.name)
        else:
            others.append(entry.name)
    return (*stamp, sorted(folders), sorted(others))


def history_stamp(root: Path, now: float, racy_seconds: float,
                  known: dict[Path, str | None] | None = None) -> str | None:
    """The stat of the git files a commit, checkout, fetch or unshallow changes, so the
    repository rules' cached results follow the history; None when one changed within
    `racy_seconds` of `now`. Found without running git: the nearest `.git` folder (or
    `.git` file of a worktree or submodule) above the record. `known` keeps the stamps
    found in one run, by git folder: the records of a corpus share one."""
    gitdir = _gitdir(root)
    if gitdir is None:
        return "no-git"
    if known is None:
        return _stamp(gitdir, now, racy_seconds)
    if gitdir not in known:
        known[gitdir] = _stamp(gitdir, now, racy_seconds)
    return known[gitdir]


def _stamp(gitdir: Path, now: float, racy_seconds: float) -> str | None:
    common = gitdir
    try:
        common = gitdir / (gitdir / "commondir").read_text(encoding="utf-8").strip()
    except OSError:
        pass
    try:
        head = (gitdir / "HEAD").read_text(encoding="utf-8").strip()
    except OSError:
        head = ""
    ref = head[5:].strip() if head.startswith("ref: ") else ""
    files = [gitdir / "HEAD", gitdir / "logs" / "HEAD", gitdir / "shallow",
             common / "packed-refs", common / "shallow",
             common / "refs" / "tags" / "submitted"]    # a tag made or removed (C417, C418)
    if ref and ".." not in ref:
        files += [gitdir / ref, common / ref]
    parts = [head]
    for path in files:
        try:
            st = os.stat(path)
        except OSError:
            parts.append(f"{path.name}|-")
            continue
        if now - st.st_mtime_ns / 1e9 < racy_seconds:
            return None
        parts.append(f"{path}|{st.st_size}|{st.st_mtime_ns}")
    return "\n".join(parts)


def _gitdir(root: Path) -> Path | None:
    for folder in (root, *root.parents):
        dot = folder / ".git"
        if dot.is_dir():
            return dot
        if dot.is_file():
            try:
                text = dot.read_text(encoding="utf-8").strip()
            except OSError:
                return None
            if text.startswith("gitdir:"):
                return (folder / text[7:].strip()).resolve()
            return None
    return None

"""Finding records and their files. Nothing here reads a file's contents."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ogpctl.base.errors import NotARecordError
from ogpctl.record.kinds import (
    COMMITMENT_FILE,
    MEETING_FILE,
    PLAN_FILES,
    SECTION_FILE,
    SECTIONS,
    SELF_ASSESSMENT_FILE,
    SELF_ASSESSMENTS,
    Kind,
    is_slug,
)
from ogpctl.source.problems import Problem

RECORD_FILE = "ogp.yaml"
#: Folders never entered: version control, caches, editor and tool state.
SKIP_DIRS = frozenset({".git", ".ogpctl-cache", "node_modules", "__pycache__"})
#: How far below a folder to look for records when it is not inside one.
SEARCH_DEPTH = 3


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A record file to read: its path relative to the root (always with `/`) and kind."""

    path: str
    kind: Kind


@dataclass
class Layout:
    files: list[SourceRef]
    problems: list[tuple[str, Problem]]   # (file, problem) found from names alone
    plan_ids: list[str]


def find_root(start: Path) -> Path | None:
    """The record root holding `start`: the nearest folder upwards with an ogp.yaml."""
    here = start if start.is_dir() else start.parent
    for folder in (here, *here.parents):
        if (folder / RECORD_FILE).is_file():
            return folder
    return None


def find_records(start: Path) -> list[Path]:
    """The record holding `start`, or every record below it (a folder of members)."""
    if not start.exists():
        raise NotARecordError(f"{start}: no such file or folder")
    root = find_root(start.resolve())
    if root is not None:
        return [root]
    found = sorted(_records_below(start.resolve(), SEARCH_DEPTH))
    if not found:
        raise NotARecordError(f"{start} is not inside a country record (no {RECORD_FILE} found "
                              "in it or above it); create one with `ogpctl init`")
    return found


def _records_below(folder: Path, depth: int) -> list[Path]:
    if depth == 0:
        return []
    found = []
    for entry in _entries(folder):
        if entry.is_dir(follow_symlinks=False) and entry.name not in SKIP_DIRS \
                and not entry.name.startswith("."):
            child = Path(entry.path)
            if (child / RECORD_FILE).is_file():
                found.append(child)
            else:
                found.extend(_records_below(child, depth - 1))
    return found


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return []


def discover(root: Path) -> Layout:
    """The record's files, found by listing its folders. Every folder is entered through
    `_folder`, which refuses a symbolic link (R012): nothing below one is listed, so no
    command reads a file from outside the record through a linked folder."""
    layout = Layout([], [], [])
    for name, kind in (("ogp.yaml", Kind.OGP), ("stakeholders.yaml", Kind.STAKEHOLDERS)):
        _add_fixed(layout, root, name, kind, required=True)
    if _folder(layout, root, "forum") is not None:
        _add_fixed(layout, root, "forum/forum.yaml", Kind.FORUM, required=False)
        _add_meetings(layout, root)
    for entry in _folder(layout, root, "plans") or []:
        if entry.is_symlink():
            layout.problems.append((f"plans/{entry.name}", folder_link_problem()))
        elif entry.is_dir(follow_symlinks=False):
            _add_plan(layout, root, entry.name)
    return layout


def _folder(layout: Layout, root: Path, rel: str) -> list[os.DirEntry[str]] | None:
    """The entries of the record folder `rel` (its parent already entered this way); None
    when it is missing, and None with R012 when it is a symbolic link."""
    if _is_link(root / rel):
        layout.problems.append((rel, folder_link_problem()))
        return None
    return _entries(root / rel)


def _add_fixed(layout: Layout, root: Path, rel: str, kind: Kind, required: bool) -> None:
    path = root / rel
    if _is_link(path):
        layout.problems.append((rel, link_problem()))
    elif path.is_file():
        layout.files.append(SourceRef(rel, kind))
    elif required:
        advice = "; create it" if kind is Kind.STAKEHOLDERS else ""
        layout.problems.append((rel, Problem("F119", f"the record has no {rel}{advice}")))


def _add_meetings(layout: Layout, root: Path) -> None:
    for entry in _folder(layout, root, "forum/meetings") or []:
        rel = f"forum/meetings/{entry.name}"
        if entry.name.startswith(".") or entry.is_dir(follow_symlinks=False):
            continue
        if entry.is_symlink():
            layout.problems.append((rel, link_problem()))
        elif MEETING_FILE.fullmatch(entry.name):
            layout.files.append(SourceRef(rel, Kind.MEETING))
        else:
            layout.problems.append((rel, Problem(
                "F117", "meeting files are named YYYY-MM-DD-slug.md (lowercase letters, digits "
                "and hyphens), such as 2026-03-12-forum-meeting.md")))


def _add_plan(layout: Layout, root: Path, plan_id: str) -> None:
    base = f"plans/{plan_id}"
    if not is_slug(plan_id):
        layout.problems.append((base, Problem(
            "F117", f"the plan folder {plan_id!r} is not a valid plan id; use lowercase letters, "
            "digits and hyphens, such as 2026-2030")))
        return
    layout.plan_ids.append(plan_id)
    if not (root / base / "plan.yaml").is_file() and not _is_link(root / base / "plan.yaml"):
        layout.problems.append((f"{base}/plan.yaml", Problem(
            "F119", f"the plan folder {base} has no plan.yaml; create it with `ogpctl new-plan`")))
    for name, kind in PLAN_FILES.items():
        _add_fixed(layout, root, f"{base}/{name}", kind, required=False)
    _add_named(layout, root, f"{base}/commitments", COMMITMENT_FILE, Kind.COMMITMENT,
               "commitment files are named NN-slug.yaml, such as 03-open-contracting.yaml")
    _add_named(layout, root, f"{base}/sections", SECTION_FILE, Kind.SECTION,
               "section files are named <section>.<language>.md, such as introduction.en.md; "
               f"the sections are {', '.join(SECTIONS)}")
    _add_named(layout, root, f"{base}/{SELF_ASSESSMENTS}", SELF_ASSESSMENT_FILE,
               Kind.SELF_ASSESSMENT, "self-assessment reports are named by the day they were "
               "prepared, YYYY-MM-DD.yaml, such as 2025-12-10.yaml")


def _add_named(layout: Layout, root: Path, rel_dir: str, pattern: re.Pattern[str], kind: Kind,
               hint: str) -> None:
    for entry in _folder(layout, root, rel_dir) or []:
        rel = f"{rel_dir}/{entry.name}"
        if entry.name.startswith(".") or entry.is_dir(follow_symlinks=False):
            continue
        match = pattern.fullmatch(entry.name)
        if entry.is_symlink():
            layout.problems.append((rel, link_problem()))
        elif match and (kind is not Kind.SECTION or match["section"] in SECTIONS):
            layout.files.append(SourceRef(rel, kind))
        else:
            layout.problems.append((rel, Problem("F117", f"unexpected file name: {hint}")))


def _is_link(path: Path) -> bool:
    try:
        return stat.S_ISLNK(path.lstat().st_mode)
    except OSError:
        return False


def link_problem(path: Path | None = None) -> Problem:
    """R012 for a record file, or an evidence file, that is a symbolic link; said of a
    folder when `path` is a link to one (asked of the link alone: nothing is read)."""
    if path is not None and path.is_dir():
        return folder_link_problem()
    return Problem("R012", "this file is a symbolic link; ogpctl does not follow links out of "
                   "the record: replace it with the file itself", 1, 1)


def folder_link_problem() -> Problem:
    """R012 for a record folder (a plan, its sections or commitments, the forum's meetings,
    an evidence folder) that is a symbolic link: nothing in it is read."""
    return Problem("R012", "this folder is a symbolic link; ogpctl does not follow links out "
                   "of the record, so nothing in it was read: replace it with the folder "
                   "itself", 1, 1)

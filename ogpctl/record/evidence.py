"""Evidence paths: inside the record or an http(s) link, never anything else."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

SAFE_SCHEMES = ("http://", "https://")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def is_link(raw: str) -> bool:
    return _SCHEME.match(raw) is not None


def check_path(root: Path, base: str, raw: str, seen: dict[str, int | None] | None = None
               ) -> tuple[str, str] | None:
    """(code, message) when an evidence reference is unsafe (F116) or missing (F115).

    `base` is the folder the path is relative to (a plan folder, or "" for the root);
    `seen` memoises lstat results across the references of one check.
    """
    if is_link(raw) and not re.match(r"[A-Za-z]:[\\/]", raw):
        if raw.lower().startswith(SAFE_SCHEMES):
            return None
        scheme = raw.split(":", 1)[0]
        return "F116", f"evidence links must use http or https, not {scheme}:"
    unsafe = _unsafe_reason(raw)
    if unsafe:
        return "F116", f"the evidence path {raw!r} {unsafe}"
    return _walk(str(root), base, raw, {} if seen is None else seen)


def _unsafe_reason(raw: str) -> str | None:
    if raw.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", raw):
        return "is absolute; write it relative to the plan folder"
    if "\\" in raw:
        return "uses backslashes; separate folders with /"
    parts = raw.split("/")
    if ".." in parts:
        return "uses '..' to leave its folder; evidence must stay inside the record"
    if any(part.lower() == ".git" for part in parts):
        return "points into .git"
    if not raw.strip():
        return "is empty"
    return None


def _walk(root: str, base: str, raw: str, seen: dict[str, int | None]) -> tuple[str, str] | None:
    parts = [part for part in raw.split("/") if part not in ("", ".")]
    where = f"{base}/{raw}" if base else raw
    here = os.path.join(root, base) if base else root
    for index, part in enumerate(parts):
        here = os.path.join(here, part)
        mode = _mode(here, seen)
        if mode is None:
            return "F115", f"the evidence file {where} does not exist"
        if stat.S_ISLNK(mode):
            return "F116", f"the evidence path {raw!r} goes through a symbolic link; " \
                           "ogpctl does not follow links"
        if index < len(parts) - 1 and not stat.S_ISDIR(mode):
            return "F115", f"the evidence file {where} does not exist"
    return None


def _mode(path: str, seen: dict[str, int | None]) -> int | None:
    if path not in seen:
        try:
            seen[path] = os.lstat(path).st_mode
        except OSError:
            seen[path] = None
    return seen[path]

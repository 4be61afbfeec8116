"""Evidence paths: inside the record or an http(s) link, never anything else.

A path's folders and file are named from an ASCII allow-list, as ids are: a name with a
bidi override, a zero-width or control character, a Windows-reserved name (`CON.pdf`), a
trailing dot or space or a leading `-` breaks other people's checkouts, terminals and
command lines, so it is refused (F117) before the file system is asked about it."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

SAFE_SCHEMES = ("http://", "https://")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
#: A folder or file name: ASCII letters, digits, ".", "_" and "-", starting with a letter,
#: digit or "_" and not ending with "." (Windows drops a trailing dot).
NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9._-]{0,253}[A-Za-z0-9_-])?")
#: Names Windows keeps for devices, whatever their extension (`con.pdf` opens the console).
_RESERVED = re.compile(r"(?i)(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?")


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
    misnamed = name_problem(raw)
    if misnamed:
        return "F117", f"the evidence path {raw!r} {misnamed}"
    return _walk(str(root), base, raw, {} if seen is None else seen)


def name_problem(raw: str) -> str | None:
    """Why a relative path's names are refused, or None when every one is plain."""
    for part in raw.split("/"):
        if part in ("", "."):
            continue
        if _RESERVED.fullmatch(part):
            return f"names {part!r}, which Windows reserves for a device; rename it"
        if not NAME.fullmatch(part):
            return (f"has the name {part!r}; name evidence files and folders with ASCII "
                    "letters, digits, '.', '_' and '-', starting with a letter, digit or '_' "
                    "and not ending with '.', such as minutes-2026-03-12.pdf")
    return None


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
    if not parts:
        return "F115", f"the evidence path {raw!r} names no file"
    here = os.path.join(root, base) if base else root
    mode = 0
    for index, part in enumerate(parts):
        here = os.path.join(here, part)
        found = _mode(here, seen)
        if found is None:
            return "F115", f"the evidence file {where} does not exist"
        mode = found
        if stat.S_ISLNK(mode):
            return "F116", f"the evidence path {raw!r} goes through a symbolic link; " \
                           "ogpctl does not follow links"
        if index < len(parts) - 1 and not stat.S_ISDIR(mode):
            return "F115", f"the evidence file {where} does not exist"
    if stat.S_ISDIR(mode):
        return "F115", f"the evidence path {where} is a folder; name a file in it"
    if not stat.S_ISREG(mode):
        return "F116", f"the evidence path {raw!r} is not a regular file (a pipe, socket or " \
                       "device); ogpctl reads only regular files"
    return None


def _mode(path: str, seen: dict[str, int | None]) -> int | None:
    if path not in seen:
        try:
            seen[path] = os.lstat(path).st_mode
        except OSError:
            seen[path] = None
    return seen[path]

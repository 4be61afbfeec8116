"""Evidence paths: inside the record or an http(s) link, never anything else."""

from __future__ import annotations

import re
import stat
from pathlib import Path

SAFE_SCHEMES = ("http://", "https://")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def is_link(raw: str) -> bool:
    return _SCHEME.match(raw) is not None


def check_path(root: Path, base: str, raw: str) -> tuple[str, str] | None:
    """(code, message) when an evidence reference is unsafe (F116) or missing (F115).

    `base` is the folder the path is relative to (a plan folder, or "" for the root).
    """
    if is_link(raw) and not re.match(r"[A-Za-z]:[\\/]", raw):
        if raw.lower().startswith(SAFE_SCHEMES):
            return None
        scheme = raw.split(":", 1)[0]
        return "F116", f"evidence links must use http or https, not {scheme}:"
    unsafe = _unsafe_reason(raw)
    if unsafe:
        return "F116", f"the evidence path {raw!r} {unsafe}"
    return _walk(root, base, raw)


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


def _walk(root: Path, base: str, raw: str) -> tuple[str, str] | None:
    here = root / base if base else root
    parts = [part for part in raw.split("/") if part not in ("", ".")]
    for index, part in enumerate(parts):
        here = here / part
        try:
            mode = here.lstat().st_mode
        except (FileNotFoundError, NotADirectoryError):
            where = f"{base}/{raw}" if base else raw
            return "F115", f"the evidence file {where} does not exist"
        except OSError as error:
            return "F115", f"the evidence file {raw} cannot be read ({error.strerror})"
        if stat.S_ISLNK(mode):
            return "F116", f"the evidence path {raw!r} goes through a symbolic link; " \
                           "ogpctl does not follow links"
        if index < len(parts) - 1 and not stat.S_ISDIR(mode):
            return "F115", f"the evidence file {raw} does not exist"
    return None

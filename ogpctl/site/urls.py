"""Addresses inside the site. Every link is relative, so the folder works from file://,
from any web server and below any path (a git host's pages under /<repo>/)."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

#: Site folders beside the language folders; none can be a language code (2-3 letters).
ASSETS, FILES, DOCUMENTS, DATA, PAGEFIND = "assets", "files", "documents", "data", "pagefind"

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@lru_cache(maxsize=1 << 16)
def relative(source: str, target: str) -> str:
    """The href from the page at `source` to `target`, both paths from the site root
    (kept: a site asks for the same few thousand pairs many times)."""
    target, hash_, fragment = target.partition("#")
    base = posixpath.dirname(source) or "."
    href = _relpath(target, base) if target else posixpath.basename(source)
    return href + hash_ + fragment


def _relpath(target: str, base: str) -> str:
    """`posixpath.relpath(target, base)` for two paths below the site root, without its
    two `os.getcwd()` calls (a site asks for tens of thousands of links); any other pair
    (absolute, or above the root) goes to `posixpath.relpath`."""
    target_path, base_path = posixpath.normpath(target), posixpath.normpath(base)
    if any(p.startswith("/") or p == ".." or p.startswith("../")
           for p in (target_path, base_path)):
        return posixpath.relpath(target, base)
    to = [] if target_path == "." else target_path.split("/")
    start = [] if base_path == "." else base_path.split("/")
    common = 0
    while common < min(len(to), len(start)) and to[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."


def in_language(lang: str, path: str) -> str:
    return f"{lang}/{path}"


def slug(text: str) -> str:
    """A file-name-safe form of an id that came from the record."""
    return _UNSAFE.sub("-", text).strip("-.") or "x"


def plan_page(plan: str, name: str = "index.html") -> str:
    return f"plans/{slug(plan)}/{name}"


def commitment_page(plan: str, number: int, ident: str) -> str:
    return plan_page(plan, f"commitments/{number:02d}-{slug(ident)}.html")


def meeting_page(path: str) -> str:
    """forum/meetings/2026-06-17-validation.md -> meetings/2026-06-17-validation.html"""
    name = posixpath.basename(path).rsplit(".", 1)[0]
    return f"meetings/{slug(name)}.html"


def evidence_file(record_path: str) -> str:
    """Where the copy of an evidence file is published: files/<record-relative path>."""
    return f"{FILES}/{record_path}"

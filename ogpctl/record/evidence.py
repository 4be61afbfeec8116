"""Evidence paths: inside the record or an http(s) link, never anything else.

A path's folders and files are named in any script: letters, combining marks and digits,
with spaces, ".", "_", "-" and parentheses between them ("ოქმი 2026.pdf", "Acta (1).pdf").
A name that holds anything else, a bidi override, a zero-width, control or other invisible
character, a Windows-reserved name (`CON.pdf`), a trailing dot or space or a leading `-`,
`.` or space breaks other people's checkouts, terminals, command lines or web addresses, so
it is refused (F117) before the file system is asked about it. `withheld` is the one answer
to "is this evidence file published with the site": the site, `check` and requirement 2.2
all ask it.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

SAFE_SCHEMES = ("http://", "https://")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
#: The usual name, found without looking at each character: ASCII letters, digits, ".",
#: "_" and "-", starting with a letter, digit or "_" and not ending with "." (Windows drops a
#: trailing dot). Any other name is looked at character by character (`_odd_name`).
ASCII_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9._-]{0,253}[A-Za-z0-9_-])?")
#: Names Windows keeps for devices, whatever their extension (`con.pdf` opens the console).
_RESERVED = re.compile(r"(?i)(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?")
#: A space of any kind, or a backslash: never in a web address (`isprintable` finds the rest).
_BLANK = re.compile(r"[\s\\]")
#: Besides letters, marks and digits of any script, the characters a name may hold.
_BETWEEN = frozenset(" ._-()")
#: Longest name most file systems keep, in bytes of UTF-8.
_LONGEST = 255
#: Kinds of file published with the site: documents, data, images, audio and video. A web
#: page, SVG or XML file from the record could run script with the site's origin.
PUBLISHED = frozenset({
    "pdf", "csv", "tsv", "txt", "md", "json", "geojson", "rtf", "doc", "docx", "odt", "xls",
    "xlsx", "ods", "ppt", "pptx", "odp", "epub", "png", "jpg", "jpeg", "gif", "webp", "mp3",
    "ogg", "wav", "mp4", "webm", "zip"})
#: Largest evidence file published with the site.
MAX_BYTES = 200 * 1024 * 1024
#: Why a file of an evidence folder is not published (`withheld`).
NAME, KIND, SIZE = "name", "kind", "size"


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
            wrong = address_problem(raw)
            return None if wrong is None else \
                ("F116", f"the evidence link {public_address(raw)!r} {wrong}")
        scheme = raw.split(":", 1)[0]
        return "F116", f"evidence links must use http or https, not {scheme}:"
    unsafe = _unsafe_reason(raw)
    if unsafe:
        return "F116", f"the evidence path {raw!r} {unsafe}"
    misnamed = name_problem(raw)
    if misnamed:
        return "F117", f"the evidence path {raw!r} {misnamed}"
    return _walk(str(root), base, raw, {} if seen is None else seen)


def address_problem(url: str) -> str | None:
    """Why the http(s) address `url` cannot be published as a link, or None when it can:
    the one judgement of web addresses, for evidence links (F116, `progress --evidence`)
    and for every link the documents and the site make (`ogpctl.render.prose.safe_href`)."""
    if not url.isprintable() or _BLANK.search(url):
        return ("holds a space, a backslash or an invisible character; a web address has "
                "none (write a space as %20)")
    try:
        parts = urlsplit(url)
        parts.port   # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError:
        return "is not a web address (its host or port cannot be read)"
    if "@" in parts.netloc:
        return ("holds a user name or password, which would be published with it; remove "
                "the part before '@'")
    if not parts.hostname:
        return "names no host, such as https://example.org/report.pdf"
    return None


def public_address(url: str) -> str:
    """`url` without the user name and password it may hold (`user:pass@`): what is shown
    of an address that is refused as a link, so credentials are never published."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    authority = rest[:end]
    return f"{scheme}://{authority.rsplit('@', 1)[1]}{rest[end:]}" if "@" in authority \
        else url


def name_problem(raw: str) -> str | None:
    """Why a relative path's names are refused, or None when every one is plain."""
    for part in raw.split("/"):
        if part in ("", "."):
            continue
        if _RESERVED.fullmatch(part):
            return f"names {part!r}, which Windows reserves for a device; rename it"
        if not ASCII_NAME.fullmatch(part):
            odd = _odd_name(part)
            if odd:
                return (f"has the name {part!r}, which {odd}; name evidence files and "
                        "folders with letters and digits of any script, spaces, '.', '_', "
                        "'-' and parentheses, such as minutes-2026-03-12.pdf")
    return None


def _odd_name(part: str) -> str | None:
    """Why a name that is not plain ASCII cannot be published safely, or None."""
    if len(part.encode("utf-8", "surrogatepass")) > _LONGEST:
        return f"is longer than {_LONGEST} bytes"
    for char in part:
        if char not in _BETWEEN and unicodedata.category(char)[0] not in "LMN":
            shown = char if char.isprintable() and not char.isspace() else ""
            return f"holds the character U+{ord(char):04X} {shown}".rstrip()
    if part[0] in " .-" or unicodedata.category(part[0])[0] == "M":
        return f"starts with {part[0]!r}"
    if part[-1] in " .":
        return f"ends with {part[-1]!r}"
    return None


def withheld(path: str, size: int | None = None) -> str | None:
    """Why the evidence file at the record-relative `path` is not published with the site
    (NAME: F117 refuses its name; KIND: a browser could run it; SIZE: too large), or None
    when it is published. The site, `check` and requirement 2.2 ask this one question."""
    if name_problem(path) is not None:
        return NAME
    name = path.rsplit("/", 1)[-1]
    if "." not in name or name.rsplit(".", 1)[1].lower() not in PUBLISHED:
        return KIND
    return SIZE if (size or 0) > MAX_BYTES else None


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

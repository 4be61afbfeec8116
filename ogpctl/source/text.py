"""Bytes to text: size bound, encoding, and characters that have no place in a record."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from ogpctl.base.diagnostics import DocPath
from ogpctl.source.problems import Problem, line_col

#: Record files are short documents; anything larger is refused before parsing.
MAX_FILE_BYTES = 2 * 1024 * 1024
#: Characters of one Markdown text (a section, a meeting's minutes, a long field) that are
#: formatted; a longer one is shown as plain text (`ogpctl.render.prose`) and R015 says so.
MAX_MARKDOWN = 64 * 1024

# C0 controls except tab, line feed and carriage return; DEL; C1 controls except NEL;
# the non-characters U+FFFE/U+FFFF; lone surrogates (only reachable through escapes).
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"
                             "\ufffe\uffff\ud800-\udfff]")

# The same characters in UTF-8 (bar lone surrogates, which are not UTF-8): the C0 controls
# and DEL are bytes of their own; C1 controls are \xc2 and a byte; U+FFFE and U+FFFF are
# \xef\xbf and a byte. Deleting every other byte value leaves nothing in almost every file,
# at C speed, without a search through the decoded text.
_SUSPECT = bytes(b for b in range(128) if FORBIDDEN_CHARS.match(chr(b))) + b"\xc2\xef"
_UNSUSPECT = bytes(b for b in range(256) if b not in _SUSPECT)
# Each searched for only when its first byte is in the file: a literal first byte is a fast
# scan, where the two together made the regex try its alternatives at every byte.
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]")
_NONCHAR_UTF8 = re.compile(rb"\xef\xbf[\xbe\xbf]")

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


class Decoded(NamedTuple):
    text: str | None
    problems: list[Problem]


def describe_char(char: str) -> str:
    names = {"\x00": "a NUL byte", "\x1b": "an escape character", "\x7f": "a DEL character"}
    if char in names:
        return names[char]
    if "\ud800" <= char <= "\udfff":
        return f"a lone surrogate U+{ord(char):04X}"
    return f"the control character U+{ord(char):04X}"


def decode(data: bytes) -> Decoded:
    """Decode a record file, or say in words why it cannot be read as text."""
    if len(data) > MAX_FILE_BYTES:
        return Decoded(None, [Problem(
            "R008", f"the file is {len(data):,} bytes; record files are limited to "
            f"{MAX_FILE_BYTES:,} bytes, so it was not read", 1, 1)])
    if data.startswith(_UTF32_BOMS) or data.startswith(_UTF16_BOMS) or _looks_utf16(data):
        return Decoded(None, [Problem(
            "R002", "the file is saved as UTF-16 or UTF-32; save it as UTF-8", 1, 1)])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Decoded(None, [_bad_utf8(data, error)])
    return Decoded(text, forbidden_characters(text) if _may_hold_forbidden(data) else [])


def _may_hold_forbidden(data: bytes) -> bool:
    """Whether the UTF-8 `data` may hold a FORBIDDEN_CHARS character: False for almost every
    file, found without looking at its characters one by one in Python."""
    suspects = data.translate(None, _UNSUSPECT)
    if not suspects:
        return False
    if suspects.translate(None, b"\xc2\xef"):
        return True   # a C0 control or DEL
    return (b"\xc2" in suspects and _C1_UTF8.search(data) is not None) or \
        (b"\xef" in suspects and _NONCHAR_UTF8.search(data) is not None)


def forbidden_characters(text: str, limit: int = 5) -> list[Problem]:
    problems = []
    for match in FORBIDDEN_CHARS.finditer(text):
        line, column = line_col(text, match.start())
        problems.append(Problem(
            "R003", f"the file contains {describe_char(match.group())}; remove it", line, column))
        if len(problems) == limit:
            break
    return problems


_BREAK = re.compile(r"\r\n|\r|\n")
_BREAK_NAMES = {"\r\n": "CRLF (Windows)", "\n": "LF", "\r": "CR (old Mac)"}


def mixed_line_endings(text: str) -> Problem | None:
    """R014 at the first line that ends differently from the first line, or None. An edit
    keeps each line's own ending, but a file that mixes them shows every line as changed
    once an editor settles on one kind, and some tools read it as one long line."""
    if "\r" not in text:
        return None   # line feeds only (or no line break at all): the usual case, at C speed
    crlf = text.count("\r\n")
    if crlf == text.count("\n") == text.count("\r"):
        return None   # CRLF only
    breaks = _BREAK.finditer(text)
    first = next(breaks).group()
    for line, found in enumerate(breaks, start=2):
        if found.group() != first:
            return Problem("R014", f"this line ends with {_BREAK_NAMES[found.group()]} while "
                           f"line 1 ends with {_BREAK_NAMES[first]}; save the file with one "
                           "kind of line ending (your editor's line-ending setting)", line, 1)
    return None


def long_texts(data: Any, body: str | None, body_line: int) -> list[Problem]:
    """R015 for the Markdown body, and each text of the data, longer than MAX_MARKDOWN."""
    found = []
    if body is not None and len(body) > MAX_MARKDOWN:
        found.append(Problem("R015", _long(len(body)), body_line, 1))
    stack: list[tuple[Any, DocPath]] = [(data, ())]
    while stack:   # iterative: parsed data is at most MAX_DEPTH deep, but stays cheap
        node, path = stack.pop()
        if isinstance(node, str) and len(node) > MAX_MARKDOWN:
            found.append(Problem("R015", _long(len(node)), path=path))
        elif isinstance(node, dict):
            stack.extend((value, path + (key,)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, path + (index,)) for index, value in enumerate(node))
    return sorted(found, key=lambda p: str(p.path))


def _long(length: int) -> str:
    return (f"this text is {length:,} characters long; ogpctl formats Markdown of at most "
            f"{MAX_MARKDOWN:,}, so documents and the site show it as plain paragraphs: "
            "shorten it, or split it")


def _looks_utf16(data: bytes) -> bool:
    # UTF-16 without a byte order mark: every other byte of ASCII text is NUL.
    sample = data[:512]
    return len(sample) >= 4 and sample.count(0) * 3 > len(sample)


def _bad_utf8(data: bytes, error: UnicodeDecodeError) -> Problem:
    line = data.count(b"\n", 0, error.start) + 1
    column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
    byte = data[error.start]
    return Problem("R002", f"the file is not valid UTF-8 (byte 0x{byte:02X}); save it as UTF-8",
                   line, column)

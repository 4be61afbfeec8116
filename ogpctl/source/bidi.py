"""Text that does not read as it displays: directional formatting characters that can
reorder what a reviewer sees (R013), found while a file is read, from its bytes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ogpctl.base.diagnostics import DocPath
from ogpctl.source.problems import Problem
from ogpctl.source.text import FORBIDDEN_CHARS, describe_char

# Explicit directional formatting characters (Unicode bidirectional algorithm, X1-X8).
# Overrides make text display in another order than the one tools and reviewers read
# ("Trojan Source", CVE-2021-42574); embeddings and isolates are used in right-to-left
# writing, and are harmless when closed on the same line. The marks U+200E, U+200F and
# U+061C (LRM, RLM, ALM) change no order and are never reported.
OVERRIDES = {"\u202d": "LEFT-TO-RIGHT OVERRIDE", "\u202e": "RIGHT-TO-LEFT OVERRIDE"}
OPENERS = {"\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
           "\u2066": "LEFT-TO-RIGHT ISOLATE", "\u2067": "RIGHT-TO-LEFT ISOLATE",
           "\u2068": "FIRST STRONG ISOLATE"}
CLOSERS = {"\u202c": "POP DIRECTIONAL FORMATTING", "\u2069": "POP DIRECTIONAL ISOLATE"}
_CLOSER_OF = {"\u202a": "\u202c", "\u202b": "\u202c", "\u2066": "\u2069", "\u2067": "\u2069",
              "\u2068": "\u2069"}
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# The same characters in a file's UTF-8 bytes, written as themselves or as a YAML escape
# (\u202E, \U0000202e; \x escapes stop at U+00FF). One C-speed search of the bytes tells
# whether any key, text or body of the file can hold one: almost never.
_BIDI_UTF8 = re.compile(rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
_BIDI_ESCAPE = re.compile(rb"\\(?:u|U0000)20(?:2[a-eA-E]|6[6-9])")


def may_hold_bidi(raw: bytes) -> bool:
    """Whether the file `raw` may hold a directional formatting character once read."""
    # Each match opens with the byte 0xE2, which a memchr finds several times faster than
    # the regex tries its alternatives at every byte; most files hold none.
    return (b"\xe2" in raw and _BIDI_UTF8.search(raw) is not None) \
        or (b"\\" in raw and _BIDI_ESCAPE.search(raw) is not None)


def bidi_problems(data: Any, body: str | None, body_line: int) -> list[Problem]:
    """R013 for each key or string of `data`, and for the Markdown `body`, that holds a
    directional character which can reorder what is shown (`bidi_problem`)."""
    found = []
    for path, text, key in _strings(data, ()):
        problem = bidi_problem(text)
        if problem:
            found.append(Problem("R013", f"the {'key' if key else 'text'} contains "
                                 f"{problem[1]}", path=path, key=key))
    if body:
        problem = bidi_problem(body)
        if problem:
            line = body.count("\n", 0, problem[0])
            column = problem[0] - (body.rfind("\n", 0, problem[0]) + 1) + 1
            found.append(Problem("R013", f"the text contains {problem[1]}",
                                 body_line + line, column))
    return found


def _name(char: str) -> str:
    name = OVERRIDES.get(char) or OPENERS.get(char) or CLOSERS.get(char, "")
    return f"U+{ord(char):04X} {name}"


def bidi_problem(text: str) -> tuple[int, str] | None:
    """(index, message) of the first directional character that can reorder what is shown:
    an override anywhere, or an embedding or isolate not closed on its own line, or a
    closer with nothing to close."""
    if not _BIDI.search(text):
        return None
    offset = 0
    for line in text.split("\n"):
        problem = _line_problem(line)
        if problem:
            return offset + problem[0], problem[1]
        offset += len(line) + 1
    return None


def _line_problem(line: str) -> tuple[int, str] | None:
    stack: list[tuple[int, str]] = []
    for match in _BIDI.finditer(line):
        char, where = match.group(), match.start()
        if char in OVERRIDES:
            return where, f"{_name(char)}, which shows the text in another order than it is " \
                "read (Trojan Source); remove it"
        if char in OPENERS:
            stack.append((where, char))
        elif not stack or _CLOSER_OF[stack[-1][1]] != char:
            return where, f"{_name(char)} with nothing to close; remove it"
        else:
            stack.pop()
    if stack:
        where, char = stack[-1]
        return where, f"{_name(char)} not closed by {_name(_CLOSER_OF[char])} on the same " \
            "line, so it changes the direction of the text after it; close it or remove it"
    return None


def _strings(data: Any, path: DocPath) -> Iterator[tuple[tuple[Any, ...], Any, bool]]:
    """(path, text, is_key) of every key and string value."""
    if isinstance(data, str):
        yield path, data, False
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield path + (key,), key, True
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, path + (index,))


def text_fault(text: str) -> str | None:
    """Why no record text may hold `text` ("holds ...; remove it"), or None: the control
    characters R003 reports and the reordering directional characters R013 reports. Every
    command that writes a text into the record asks this before it writes, so none writes
    what `check` calls an error (and the site would publish)."""
    bad = FORBIDDEN_CHARS.search(text)
    if bad:
        return f"holds {describe_char(bad.group())}, which no record text may hold; remove it"
    bidi = bidi_problem(text)
    return f"holds {bidi[1]}" if bidi else None


def shown(text: str) -> str:
    """`text` as a document or page may show it: without its directional formatting
    characters when they could reorder what a reader sees (what R013 reports: an override,
    an unclosed embedding or isolate), unchanged otherwise. A record `check` reports still
    builds, so every output's escaping passes texts through this (one C-speed search a text
    when, as almost always, there is no such character)."""
    if _BIDI.search(text) is None or bidi_problem(text) is None:
        return text
    return _BIDI.sub("", text)

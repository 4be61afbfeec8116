"""Markdown files with a YAML front matter block between `---` lines."""

from __future__ import annotations

import re
from typing import NamedTuple

_OPEN = re.compile(r"---[ \t]*\r?\n")
# The closing line with the line feed before it: a literal first character is a fast scan,
# where `^` made the search try a match at every character of the front matter.
_CLOSE = re.compile(r"\n(?:---|\.\.\.)[ \t]*$", re.M)


class Split(NamedTuple):
    yaml: str | None   # the front matter, None when the file has none
    body: str
    line_offset: int   # lines before the front matter text (the opening `---`)
    body_line: int     # 1-based line where the body starts


def split(text: str) -> Split:
    opening = _OPEN.match(text)
    if not opening:
        return Split(None, text, 0, 1)
    closing = _CLOSE.search(text, opening.end() - 1)   # the opening ends with a line feed
    if not closing:
        return Split(None, text, 0, 1)
    yaml_text = text[opening.end():closing.start() + 1]
    body_start = text.find("\n", closing.end())
    body = "" if body_start < 0 else text[body_start + 1:]
    body_line = text.count("\n", 0, closing.end()) + 2
    return Split(yaml_text, body, 1, body_line)

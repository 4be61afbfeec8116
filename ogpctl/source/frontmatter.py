"""Markdown files with a YAML front matter block between `---` lines."""

from __future__ import annotations

import re
from typing import NamedTuple

_OPEN = re.compile(r"---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


class Split(NamedTuple):
    yaml: str | None   # the front matter, None when the file has none
    body: str
    line_offset: int   # lines before the front matter text (the opening `---`)
    body_line: int     # 1-based line where the body starts


def split(text: str) -> Split:
    opening = _OPEN.match(text)
    if not opening:
        return Split(None, text, 0, 1)
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return Split(None, text, 0, 1)
    yaml_text = text[opening.end():closing.start()]
    body_start = text.find("\n", closing.end())
    body = "" if body_start < 0 else text[body_start + 1:]
    body_line = text.count("\n", 0, closing.end()) + 2
    return Split(yaml_text, body, 1, body_line)

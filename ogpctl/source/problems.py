"""What the source layer reports. The checker turns each `Problem` into a `Diagnostic`
with the severity and handbook section of its catalogue entry."""

from __future__ import annotations

from typing import NamedTuple

from ogpctl.base.diagnostics import DocPath


class Problem(NamedTuple):
    code: str
    message: str
    line: int = 0
    column: int = 0
    path: DocPath | None = None
    key: bool = False
    handbook: str = ""     # the section of the field, when not the catalogue entry's


#: How a finding that stands for many others begins. Such a finding is never itself left
#: out when the findings of a file are bounded (`ogpctl.check.locate`).
MORE = "... and "


def more(count: int, what: str) -> str:
    """The message of a finding standing for `count` others: "... and 1,234 more WHAT"."""
    return f"{MORE}{count:,} more {what}, not listed"


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in `text`."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1

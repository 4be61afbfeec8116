"""A plan section as it travels to a translator and back: without the scaffold's guide
comments (the handbook's questions `new-plan` writes into every section file in that
file's language), which are no text to translate. The target file keeps its own guide
comments when its translation is imported: a translator's file never replaces them with
the source language's, nor drops them.

A guide comment is an HTML comment made only of guide sentences (`scaffold.guide`); a
writer's own comment is the section's text and travels with it.
"""

from __future__ import annotations

import re

from ogpctl.scaffold.guide import is_guide_text

#: An HTML comment with the blank lines after it (a fenced code block is no comment, but a
#: guide sentence in one is too unlikely to tell them apart here).
_COMMENT = re.compile(r"<!--(?P<inner>.*?)-->[ \t]*(?:\n[ \t]*)*", re.S)
#: The first ATX heading of a section and the blank lines after it.
_HEADING = re.compile(r"\A(?:[ \t]*\n)*[ ]{0,3}#{1,6}(?:[ \t][^\n]*)?(?:\n|\Z)(?:[ \t]*\n)*")


def _guides(body: str) -> list[re.Match[str]]:
    return [found for found in _COMMENT.finditer(body) if is_guide_text(found["inner"])]


def without_guide(body: str) -> str:
    """`body` without its guide comments (and the blank lines each leaves)."""
    if "<!--" not in body:
        return body
    parts, start = [], 0
    for found in _guides(body):
        parts.append(body[start:found.start()])
        start = found.end()
    return "".join([*parts, body[start:]])


def with_guide(translation: str, current: str) -> str:
    """The translated section as its file will hold it: the translation without any guide
    comment, and the current file's guide comments where the scaffold puts them, under the
    first heading."""
    text = without_guide(translation)
    guides = "".join(found.group().rstrip() + "\n\n" for found in _guides(current))
    if not guides:
        return text
    heading = _HEADING.match(text)
    head = heading.group().rstrip() + "\n\n" if heading else ""
    rest = text[heading.end():] if heading else text
    return (head + guides + rest).rstrip("\n") + "\n"

"""The guide texts of the scaffolds (templates/scaffold/guide.yaml), without Jinja2: the
templates write them, and rule L304 recognises them when they are left as the answer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from ogpctl.base.resources import data_dir
from ogpctl.source.yaml import parse_yaml

#: Keys of guide.yaml whose texts the scaffolds write in as values to keep (the plan's
#: title, the stages' titles, the sections' headings): they are not questions.
VALUES = frozenset({"plan-title", "stage-titles", "section-titles"})
_SENTENCE_END = re.compile(r"(?<=[.?!؟:;])\s+")
#: Sentences shorter than this many words ("For example:") could be anyone's words.
MIN_WORDS = 4


@cache
def guide_texts() -> dict:
    path = data_dir("templates") / "scaffold" / "guide.yaml"
    data = parse_yaml(path.read_text(encoding="utf-8")).data
    return data if isinstance(data, dict) else {}


def sentences(text: str) -> list[str]:
    """`text` as sentences, each case-folded with its spaces collapsed."""
    return [" ".join(part.split()).casefold() for part in _SENTENCE_END.split(text)
            if part.strip()]


@cache
def guide_sentences() -> frozenset[str]:
    """Every sentence of a guide question or comment, in every language ogpctl ships."""
    found: set[str] = set()
    for key, node in guide_texts().items():
        if key not in VALUES:
            for text in _leaves(node):
                found.update(s for s in sentences(text) if len(s.split()) >= MIN_WORDS)
    return frozenset(found)


def is_guide_text(text: str) -> bool:
    """Whether `text` is made only of the scaffold's guide sentences (its questions copied
    as the answer, or a guide comment uncommented)."""
    found = sentences(text)
    known = guide_sentences()
    return bool(found) and all(s in known for s in found)


def _leaves(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _leaves(value)

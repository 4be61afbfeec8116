"""The loader's cheaper passes over a file (issue 16) answer what the plain searches they
replace answer: compared over generated texts, so a screen that lets a case through, or
stops one it should not, fails here."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from ogpctl.source import frontmatter
from ogpctl.source import text as source_text
from ogpctl.source import yaml as source_yaml
from ogpctl.source.text import decode


def _texts(alphabet: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
            for _ in range(count)]


@pytest.mark.parametrize("seed", range(3))
def test_the_flow_block_indicator_screen_agrees_with_the_regex(seed: int) -> None:
    pattern = source_yaml._FLOW_BLOCK_INDICATOR
    for text in _texts(["[", "{", ",", "|", ">", " ", "\t", "\n", "a", ":", "-"], 40000, seed):
        assert source_yaml._flow_block_indicator(text) == (pattern.search(text) is not None), \
            repr(text)


def test_a_flow_block_indicator_is_found_after_any_number_of_blanks() -> None:
    for blanks in ("", " ", "\t", "  ", " \t  \t"):
        assert source_yaml._flow_block_indicator(f"k: [x,{blanks}>y]\n")
        assert source_yaml._flow_block_indicator(f"k: {{a: 1,{blanks}|b}}\n")
        assert not source_yaml._flow_block_indicator(f"k:{blanks} |\n  x, y\n")


_CLOSE_ANYWHERE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def _split_by_line_start(text: str) -> frontmatter.Split:
    """The front matter as the `^`-anchored search of every character found it."""
    opening = frontmatter._OPEN.match(text)
    closing = _CLOSE_ANYWHERE.search(text, opening.end()) if opening else None
    if opening is None or closing is None:
        return frontmatter.Split(None, text, 0, 1)
    body_start = text.find("\n", closing.end())
    return frontmatter.Split(text[opening.end():closing.start()],
                             "" if body_start < 0 else text[body_start + 1:], 1,
                             text.count("\n", 0, closing.end()) + 2)


@pytest.mark.parametrize("seed", range(3))
def test_the_front_matter_closing_search_agrees_with_a_line_start_search(seed: int) -> None:
    for text in _texts(["---", "...", "-", ".", "\n", "\r", " ", "\t", "a"], 40000, seed):
        assert frontmatter.split(text) == _split_by_line_start(text), repr(text)


class _Counted:
    def __init__(self, pattern: re.Pattern[bytes]) -> None:
        self.pattern, self.calls = pattern, 0

    def search(self, data: bytes) -> Any:
        self.calls += 1
        return self.pattern.search(data)


def test_each_utf8_screen_runs_only_when_its_lead_byte_is_there(
        monkeypatch: pytest.MonkeyPatch) -> None:
    c1 = _Counted(source_text._C1_UTF8)
    nonchar = _Counted(source_text._NONCHAR_UTF8)
    monkeypatch.setattr(source_text, "_C1_UTF8", c1)
    monkeypatch.setattr(source_text, "_NONCHAR_UTF8", nonchar)
    # U+FFFC (\xef\xbf\xbc) is allowed; no \xc2 in the file, so no C1 search
    assert decode("title: \ufffc Año\n".encode()).problems == []
    assert (c1.calls, nonchar.calls) == (0, 1)
    assert decode("title: «Año»\n".encode()).problems == []   # \xc2\xab: allowed
    assert (c1.calls, nonchar.calls) == (1, 1)
    assert [p.code for p in decode("a: \u0085\ufffe\u0086\n".encode()).problems] == ["R003"] * 2
    assert [p.code for p in decode("a: \uffff\n".encode()).problems] == ["R003"]
    assert [p.code for p in decode("a: \u009f\n".encode()).problems] == ["R003"]

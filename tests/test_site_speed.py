"""The website's shortcuts make what the long way makes: the Markdown of a plain text
without the parser, HTML escaping without a Markup a value, Jinja's `x.key` on a dict."""

from __future__ import annotations

import random

import markupsafe
import pytest

from ogpctl.render.html import escape
from ogpctl.render.prose import _parse, _plain_paragraph, parse
from ogpctl.site.layout import environment
from ogpctl.source.bidi import shown

#: Pieces of text that are Markdown or near it: marks, block openers, every kind of space.
PIECES = [*"ab cd.:;,()'\"#-+=0123456789/?%$@^{}*_[]<>!&|~\\`\t\r\x00", "\n", "\n\n", " ",
          "\u00a0", "\u3000", "\u2028", "\x85", "\x1c", "\u0663", "é", "。", "\ufeff",
          "\u200b", "http://x.y", "www.a.b", "a@b.c", "  ", "1. ", "- ", "# ", "===", "---",
          "\n    code", "&amp;", "<!-- c -->", "ა", "।"]


@pytest.mark.parametrize("text", [
    "Participatory budgeting in local government",
    "Procurement national court.\nDigital court open transparency.",
    "მონაწილეობა ბიუჯეტი ადგილობრივი მთავრობა",
    "公开政府。预算",
    "Budget 2027 (phase 2): 40% done; see annex 3.",
])
def test_a_plain_text_is_one_paragraph_without_the_parser(text: str) -> None:
    made = _plain_paragraph(text)
    assert made is not None
    assert made == tuple(_parse(text, 2, html=True)) == tuple(parse(text))


@pytest.mark.parametrize("text", [
    "", " lead", "trail ", "a  \nb", "a\n\nb", "# heading", "1. item", "- item", "=",
    "a *b*", "a_b_", "[x](y)", "a & b", "<b>", "a|b", "~~s~~", "a\\b", "`c`", "a\tb",
    "a\rb", "a\x00b", "    code", "a\n    b\n", "\u00a0a", "a\n===",
])
def test_text_that_could_be_markdown_goes_to_the_parser(text: str) -> None:
    assert _plain_paragraph(text) is None


def test_the_shortcut_agrees_with_the_parser_on_random_text() -> None:
    rng = random.Random(16)
    taken = 0
    for _ in range(20000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 10)))
        made = _plain_paragraph(text)
        if made is not None:
            taken += 1
            assert made == tuple(_parse(text, 2, html=True)), repr(text)
    assert taken > 1000


def test_escape_is_markupsafes() -> None:
    rng = random.Random(16)
    alphabet = [chr(c) for c in range(256)] + ["\ud800", "😀", "\u202e"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        # markupsafe's escape, but without what R013 reports (source.bidi.shown)
        assert escape(text) == str(markupsafe.escape(shown(text)))
        assert type(escape(text)) is str
    assert escape(markupsafe.Markup("<b>x</b>")) == "<b>x</b>"


def test_a_dict_key_in_a_page_template_is_looked_up_as_jinja_does() -> None:
    template = environment().from_string(
        "{{ d.x }}|{{ d['items'] }}|{{ d.items() | list | length }}|{{ d.missing is defined }}"
        "|{{ d.get('x') }}")
    assert template.render(d={"x": "<1>", "items": 2}) == "&lt;1&gt;|2|2|False|&lt;1&gt;"


def test_word_text_is_escaped_as_lxml_escapes_it() -> None:
    """`wordml.text` (every run of a Word file) as the translation table it replaced."""
    from ogpctl.render.wordml import _NOT_XML, text

    table = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
    rng = random.Random(16)
    alphabet = [chr(c) for c in range(300)] + ["\ud800", "\ufffe", "😀", "&amp;", "ა"]
    for _ in range(20000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 15)))
        assert text(value) == _NOT_XML.sub("", value).translate(table)

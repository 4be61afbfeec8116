"""R001 points where the mistake was made: an unclosed quote or bracket is reported at the
quote or bracket that opened it, not where the parser gave up (the end of the file, or the
next key). A table: YAML text -> (line, column) of the finding, yamllint style."""

from __future__ import annotations

import pytest

from ogpctl.source.yaml import parse_yaml

COMMITMENT = "title:\n  en: Open data\n  es: Datos abiertos\nlead: ministry\nkind: regular\n"

#: name -> (text, expected (line, column), words the message holds)
CASES: dict[str, tuple[str, tuple[int, int], str]] = {
    "double quote never closed": (
        COMMITMENT.replace("en: Open data", 'en: "Open data'), (2, 7), 'quoted with "'),
    "single quote never closed": (
        COMMITMENT.replace("es: Datos abiertos", "es: 'Datos abiertos"), (3, 7),
        "quoted with '"),
    "quote closed by the next quoted text": (
        COMMITMENT.replace("en: Open data", 'en: "Open data').replace(
            "lead: ministry", 'lead: "ministry"'), (2, 7), "runs on to line 4"),
    "quoted key never closed": ("'title: x\nlead: y\n", (1, 1), "quoted with '"),
    "quote open at a document marker": ('title: "x\n---\nlead: y\n', (1, 8), "never closed"),
    "flow list never closed": (
        COMMITMENT.replace("lead: ministry", "lead: [ministry, agency"), (4, 7),
        "list opened here with ["),
    "flow mapping never closed": (
        COMMITMENT + "period: {start: 2027-01-01, end: 2031-06-30\nvalues: []\n", (6, 9),
        "mapping opened here with {"),
    "flow list open at the end of the file": ("title: x\nvalues: [a, b", (2, 9), "never closed"),
    "flow list in a list item": ("values:\n  - a\n  - [b, c\n  - d\n", (3, 5), "never closed"),
    "windows line ends": ('title: x\r\nlead: "y\r\nkind: z\r\n', (2, 7), "never closed"),
}

#: Errors that are not an unclosed quote or bracket keep the parser's own position.
ELSEWHERE: dict[str, tuple[str, tuple[int, int]]] = {
    "bad escape in a closed quote": ('title: x\nlead: "a\\qb"\n', (2, 10)),
    "error inside a closed multi-line list": ("values: [\n  a\n  b: c: d\n]\n", (3, 4)),
    "apostrophe ends a quote on its own line": ("title: 'It's open'\n", (1, 12)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_unclosed_is_reported_where_it_opened(name: str) -> None:
    text, where, words = CASES[name]
    parsed = parse_yaml(text)
    [problem] = parsed.problems
    assert (problem.code, (problem.line, problem.column)) == ("R001", where), problem
    assert words in problem.message and "the parser stopped at line" in problem.message


@pytest.mark.parametrize("name", sorted(ELSEWHERE))
def test_other_syntax_errors_keep_their_position(name: str) -> None:
    text, where = ELSEWHERE[name]
    [problem] = parse_yaml(text).problems
    assert (problem.code, (problem.line, problem.column)) == ("R001", where), problem
    assert "opened here" not in problem.message

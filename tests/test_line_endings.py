"""Mixed line endings: an edit keeps each line's own ending, new lines take their
neighbour's, and `check` warns about a file that mixes them (R014)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogpctl.check.run import CheckOptions, check
from ogpctl.edit.yamltext import CURRENT, Change, apply
from ogpctl.source.yaml import parse_yaml
from tests.conftest import TODAY

#: Written on Windows (CRLF), then a block added on Linux (LF).
MIXED = ("title: Open data\r\n"
         "lead: Ministry\r\n"
         "map:\r\n"
         "  en: Open contracting\r\n"
         "notes: |\r\n"
         "  first\r\n"
         "  second\r\n"
         "later:\n"
         "  en: Added on Linux\n"
         "items:\n"
         "  - one\n")


def _endings(text: str) -> list[str]:
    return ["\r\n" if line.endswith("\r\n") else "\n" if line.endswith("\n") else ""
            for line in text.splitlines(keepends=True)]


def _kept(before: str, after: str) -> None:
    """Every line of `before` is in `after` with the ending it had."""
    lines = after.splitlines(keepends=True)
    for line in before.splitlines(keepends=True):
        if line.strip().startswith(("lead", "en: Open", "en: Added", "- one")):
            assert line in lines, (line, after)


@pytest.mark.parametrize("changes,expected", [
    # added in the CRLF part: CRLF
    ([Change(("map", "es"), "Contratación abierta")], {"  es: Contratación abierta\r\n"}),
    # added in the LF part: LF
    ([Change(("later", "es"), "Añadido")], {"  es: Añadido\n"}),
    ([Change(("items", 1), "two")], {"  - two\n"}),
    # a scalar becomes a mapping in the CRLF part
    ([Change(("title",), {"en": CURRENT, "es": "Datos abiertos"})],
     {"title:\r\n", "  en: Open data\r\n", "  es: Datos abiertos\r\n"}),
    # a block scalar replaced in the CRLF part
    ([Change(("notes",), "one\ntwo")], {"  one\r\n", "  two\r\n"}),
])
def test_an_edit_keeps_each_lines_own_ending(changes: list, expected: set[str]) -> None:
    after = apply(MIXED, changes)
    _kept(MIXED, after)
    lines = set(after.splitlines(keepends=True))
    assert expected <= lines, after
    assert parse_yaml(after).ok


def test_an_edit_on_a_mixed_file_does_not_convert_the_other_lines() -> None:
    after = apply(MIXED, [Change(("later", "es"), "Añadido"), Change(("map", "es"), "x")])
    assert _endings(after).count("\r\n") == _endings(MIXED).count("\r\n") + 1
    assert _endings(after).count("\n") == _endings(MIXED).count("\n") + 1


def test_check_warns_about_mixed_line_endings(sample: Path) -> None:
    name = "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
    target = sample / name
    lines = target.read_bytes().split(b"\n")
    lines[:10] = [line + b"\r" for line in lines[:10]]
    target.write_bytes(b"\n".join(lines))
    result = check([sample], CheckOptions(today=TODAY, use_cache=False, jobs=1))
    found = [d for d in result.diagnostics if d.code == "R014"]
    assert [(d.file, d.line, str(d.severity)) for d in found] == [(name, 11, "warning")]
    assert "CRLF" in found[0].message and "LF" in found[0].message


@pytest.mark.parametrize("text", ["a: 1\nb: 2\n", "a: 1\r\nb: 2\r\n", "a: 1", ""])
def test_one_kind_of_line_ending_is_fine(text: str) -> None:
    from ogpctl.source.text import mixed_line_endings

    assert mixed_line_endings(text) is None

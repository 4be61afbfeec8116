"""Names and messages from the record are printed escaped: no raw control or invisible
character reaches the terminal or a GitHub annotation, and a finding stays on one line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import run

HOSTILE_NAME = "2026-01-01-a\x1b[31mRED\nF999 fake\u202eod\u200b.md"


@pytest.mark.parametrize("text,shown", [
    ("plain text", "plain text"),
    ("Contratación abierta", "Contratación abierta"),
    ("a\x1b[2Jb", "a\\x1b[2Jb"),
    ("one\ntwo\rthree\tfour", "one\\ntwo\\rthree\\tfour"),
    ("x\u202ey\u2066z\u200b", "x\\u202ey\\u2066z\\u200b"),
    ("bad\udcff", "bad\\udcff"),
    ("\u2028\x7f\x9b", "\\u2028\\x7f\\x9b"),
])
def test_printable(text: str, shown: str) -> None:
    from ogpctl.check.report import printable

    assert printable(text) == shown


@pytest.fixture
def hostile(sample: Path) -> Path:
    (sample / "forum" / "meetings" / HOSTILE_NAME).write_text("x", encoding="utf-8")
    os.mkdir(os.fsencode(sample / "plans") + b"/bad\xff")
    return sample


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_names_are_escaped_in_text_and_github(hostile: Path, capsys, fmt: str) -> None:
    code, out, err = run(capsys, "check", hostile, "--format", fmt, "--today", "2026-11-23",
                         "--no-cache")
    assert code == 1, err
    for char in ("\x1b", "\u202e", "\u200b", "\udcff", "\r"):
        assert char not in out, repr(char)
    # GitHub reads %0A back as the new line the name holds (F8: it showed a literal \n)
    newline = "%0A" if fmt == "github" else "\\n"
    assert f"a\\x1b[31mRED{newline}F999 fake\\u202eod\\u200b.md" in out
    assert "bad\\udcff" in out
    assert not any(line.startswith("F999") for line in out.splitlines())


def test_json_stays_utf8_and_keeps_the_name(hostile: Path, capsys) -> None:
    code, out, _ = run(capsys, "check", hostile, "--format", "json", "--today", "2026-11-23",
                       "--no-cache")
    assert code == 1
    out.encode("utf-8")   # no lone surrogate left to fail the write
    files = {d["file"] for d in json.loads(out)["diagnostics"]}
    assert f"forum/meetings/{HOSTILE_NAME}" in files and "plans/bad\udcff" in files

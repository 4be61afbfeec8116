"""A finding that shows how to write a text in several languages names the record's own
languages (a new user's F8: a fr/en record was told "{en: …, es: …}")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run


@pytest.mark.parametrize(("languages", "example"), [
    ("fr,en", "{en: …, fr: …}"),
    ("es,en", "{en: …, es: …}"),
    ("ar,fr", "{en: …, ar: …, fr: …}"),
])
def test_the_language_example_is_the_records(capsys, tmp_path: Path, languages: str,
                                             example: str) -> None:
    record = tmp_path / "record"
    assert run(capsys, "init", record, "--country", "Testie", "--iso-code", "XT",
               "--languages", languages, "--lead-agency", "Secrétariat")[0] == 0
    code, out, err = run(capsys, "check", "-C", record, "-f", "json", "--today", "2026-12-04",
                         "--no-cache")
    said = [d["message"] for d in json.loads(out)["diagnostics"] if "{" in d["message"]]
    forum = [m for m in said if m.startswith('"name" is still empty: write the forum')]
    assert forum == [f"\"name\" is still empty: write the forum's name, as a text or {example}"]
    assert all(example in m for m in said if ": …" in m), said

"""`init` says plainly when a record language has no ogpctl labels (newuser6 K5): its
documents and pages will carry English headings and labels around the record's texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run


@pytest.mark.parametrize("languages, unlabelled", [
    ("ka,fr,en", ["Georgian (ka)"]),
    ("es,en", []),
    ("fr-CA,qq,en", ["qq"]),          # fr-CA has the French labels
])
def test_init_names_each_language_without_labels(capsys, tmp_path: Path, languages: str,
                                                 unlabelled: list[str]) -> None:
    code, out, _ = run(capsys, "init", tmp_path / "record", "--country", "Testland",
                       "--iso-code", "XT", "--languages", languages, "--lead-agency", "M")
    notes = [line for line in out.splitlines() if line.startswith("note: ogpctl has no labels")]
    assert code == 0 and len(notes) == len(unlabelled)
    for note, name in zip(notes, unlabelled, strict=True):
        assert note.startswith(f"note: ogpctl has no labels in {name}: ")
        assert "headings, labels and fixed sentences in English" in note

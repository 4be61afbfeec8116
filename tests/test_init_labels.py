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


def test_a_document_in_a_language_without_labels_is_english_around_the_record_texts(
        capsys, tmp_path: Path) -> None:
    """newuser6 K5: the Georgian plan read "(in ინგლისური)" and English sentences with
    Georgian dates. ogpctl's own words (labels, dates, numbers, language names) are all
    English there; only the record's texts are Georgian."""
    from tests.conftest import new_plan_record

    record = new_plan_record(capsys, tmp_path, languages="ka,en")
    assert run(capsys, "new-commitment", "-C", record, "2027-2031", "Open budgets",
               "--today", "2026-12-01")[0] == 0
    commitment = next((record / "plans/2027-2031/commitments").glob("*.yaml"))
    source = commitment.read_text(encoding="utf-8")   # the title in English only
    commitment.write_text(source.replace("  en:\n  ka: Open budgets", "  en: Open budgets\n  ka:"),
                          encoding="utf-8")
    code, out, err = run(capsys, "render", "action-plan", "-C", record, "--plan", "2027-2031",
                         "--lang", "ka", "--format", "md", "-o", "-", "--today", "2026-12-01")
    assert code == 0, out + err
    text = " ".join(out.split())
    assert "ინგლისური" not in text                 # the language's name, in Georgian
    assert "(in English)" in text
    assert "June 30, 2027" in text and "ივნისი" not in text and "ივნ" not in text


def test_a_language_without_labels_keeps_its_own_name() -> None:
    """The switcher offers Georgian readers "ქართული", not the English "Georgian"."""
    from ogpctl.base.i18n import Language

    assert Language("ka").name == "ქართული"
    assert Language("en").name_in("ka") == "English"


def test_a_regional_language_gets_its_base_languages_scaffold(capsys, tmp_path: Path) -> None:
    """newuser8: `--languages pt-BR,en` scaffolded English only (empty pt-BR plan title,
    "# 1. Introduction" in sections/introduction.pt-BR.md) where `pt` gave Portuguese."""
    from tests.conftest import new_plan_record

    record = new_plan_record(capsys, tmp_path, languages="pt-BR,en",
                             countries=("pt-BR=República de Testlândia", "en=Testland"))
    section = (record / "plans/2027-2031/sections/introduction.pt-BR.md").read_text("utf-8")
    assert section.startswith("# 1. Introdução")
    plan = (record / "plans/2027-2031/plan.yaml").read_text(encoding="utf-8")
    assert "pt-BR: República de Testlândia" in plan
    assert "pt-BR:" in (record / "ogp.yaml").read_text(encoding="utf-8")

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


def test_the_contributions_example_is_a_valid_entry(capsys, tmp_path: Path) -> None:
    """newuser8 N2: the scaffold's own example said `commitments: [1]`, which is F103 once
    copied: the example, uncommented, is an entry check accepts."""
    import json

    from tests.conftest import new_plan_record

    record = new_plan_record(capsys, tmp_path)
    path = record / "plans/2027-2031/contributions.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("#   - id:"))
    example = [line[1:].split("   # ")[0] for line in lines[start:] if line.startswith("#")]
    text = "\n".join(line for line in lines if not line.startswith("#") and
                     not line.startswith("contributions:"))
    entry = "\n".join(example).replace("YYYY-MM-DD", "2026-11-01").replace(
        "stakeholder id", "x").replace("include | amend | reject | pending", "include")
    path.write_text(text + "\ncontributions:\n" + entry + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", record, "--today", "2026-12-01", "--no-cache",
                       "--format", "json")
    found = [d for d in json.loads(out)["diagnostics"]
             if d["file"].endswith("contributions.yaml") and d["severity"] == "error"]
    assert not any(d["code"] == "F103" for d in found), found   # a shape the schema refuses


def test_status_of_a_record_whose_plan_cannot_be_read(capsys, tmp_path: Path) -> None:
    """newuser8 N10: with plan.yaml invalid, `status` said "The record has no action plan
    yet: start one with `ogpctl new-plan`", and following it made a second plan."""
    from tests.conftest import new_plan_record

    record = new_plan_record(capsys, tmp_path)
    path = record / "plans/2027-2031/plan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\n", "\n  [broken\n", 1),
                    encoding="utf-8")
    code, out, err = run(capsys, "status", "-C", record, "--today", "2026-12-01",
                         "--lang", "en")
    screen = " ".join((out + err).split())
    assert "start one with `ogpctl new-plan`" not in screen, screen
    assert "No action plan could be read: fix the files named above" in screen

"""A translation typed into the YAML (or a section file) by hand is offered again, marked
for review, once its English source changes, as one imported from a PO file is (newuser6
K7): git history says which source the translation was made from."""

from __future__ import annotations

from pathlib import Path

from ogpctl.translate.po import read_po
from tests.conftest import run
from tests.gitrepo import commit, init
from tests.test_translate import COMMITMENT, export, review, text_at, write_file

TITLE_EN = "en: Open contracting for public works, from award to completion"
TITLE_ES = "es: Contratación abierta de obras públicas, de la adjudicación a la entrega"
INTRODUCTION = "plans/2026-2030/sections/introduction"


def committed(sample: Path) -> Path:
    init(sample)
    commit(sample, "The record, translations typed by hand", "2026-10-01T10:00:00+00:00")
    return sample


def edit(sample: Path, rel: str, old: str, new: str) -> None:
    path = sample / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def units(capsys, sample: Path) -> dict[str, bool]:
    return {unit.context: unit.fuzzy
            for unit in read_po(export(capsys, sample, "--lang", "es"), "x").units}


def test_a_hand_written_translation_whose_source_changed_is_offered(capsys, sample: Path
                                                                    ) -> None:
    committed(sample)
    assert units(capsys, sample) == {}
    edit(sample, COMMITMENT, TITLE_EN, "en: Open contracting for every public work")
    assert units(capsys, sample) == {f"{COMMITMENT}#title": True}
    commit(sample, "English title reworded", "2026-10-02T10:00:00+00:00")
    assert units(capsys, sample) == {f"{COMMITMENT}#title": True}    # committed or not
    code, _, err = run(capsys, "translate", "export", "-C", sample, "--lang", "es",
                       "--today", "2026-11-23")
    assert code == 0 and "1 changed since translated" in err
    # the translator's review of what export offered is taken, without --force
    reviewed = review(export(capsys, sample, "--lang", "es"), "Contratación para toda obra")
    code, out, _ = run(capsys, "translate", "import", write_file(sample.parent, "r.po",
                                                                  reviewed), "-C", sample)
    assert code == 0 and "1 applied" in out, out
    assert text_at(sample, f"{COMMITMENT}#title") == "Contratación para toda obra"
    assert units(capsys, sample) == {}


def test_a_translation_updated_with_its_source_is_current(capsys, sample: Path) -> None:
    committed(sample)
    edit(sample, COMMITMENT, TITLE_EN, "en: Open contracting for every public work")
    edit(sample, COMMITMENT, TITLE_ES, "es: Contratación abierta para toda obra pública")
    commit(sample, "Title reworded in both languages", "2026-10-02T10:00:00+00:00")
    assert units(capsys, sample) == {}


def test_a_hand_written_section_whose_source_changed_is_offered(capsys, sample: Path
                                                                ) -> None:
    committed(sample)
    path = sample / f"{INTRODUCTION}.en.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nA new paragraph.\n",
                    encoding="utf-8")
    assert units(capsys, sample) == {f"{INTRODUCTION}.es.md": True}


def test_a_files_texts_are_offered_as_the_file_reads(capsys, sample: Path) -> None:
    """Top down, not milestone 2's progress before milestone 1's (newuser6 K17)."""
    committed(sample)
    for spanish in ("          es: Revisión jurídica y firma de la resolución.\n",
                    "          es: Conectar las 8 entidades restantes antes de marzo de 2027 y "
                    "empezar a cargar las modificaciones.\n"):
        edit(sample, COMMITMENT, spanish, "")
    text = export(capsys, sample, "--lang", "es").decode()
    lines = [int(line.rsplit(":", 1)[1]) for line in text.splitlines()
             if line.startswith(f"#: {COMMITMENT}:")]
    assert len(lines) == 2 and lines == sorted(lines)

"""C418: one amendment does not license every later rewrite of a delivered plan (newuser4
H3), and a delivered plan's section text is part of the plan (H1(c))."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gitrecord import git, use_identity
from tests.test_amendments import COMMITMENTS, c418, delivered, edit
from tests.test_submission import PLAN

WORKS = COMMITMENTS / "01-public-works-open-contracting.yaml"
SECTION = Path("plans/2026-2030/sections/development-process.es.md")
AMENDMENT = "amendments:\n  - {date: 2026-10-01, summary: {en: Milestone 1.2, es: Hito 1.2}}\n"


@pytest.fixture(autouse=True)
def _identity(monkeypatch) -> None:
    use_identity(monkeypatch)


def _amended(tmp_path: Path, capsys) -> Path:
    """Delivered, then one commit that re-dates milestone 1.2 and records the amendment."""
    record = delivered(tmp_path, capsys)
    edit(record / WORKS, "due: 2027-06-30", "due: 2028-06-30")
    plan = record / PLAN
    plan.write_text(plan.read_text(encoding="utf-8") + AMENDMENT, encoding="utf-8")
    git(record, "commit", "-qam", "Amendment approved by the forum",
        date="2026-10-02T10:00:00+00:00")
    return record


def test_the_amendment_covers_the_changes_recorded_with_it(capsys, tmp_path: Path) -> None:
    assert c418(capsys, _amended(tmp_path, capsys)) == []


def test_a_later_change_is_not_covered_by_an_earlier_amendment(capsys, tmp_path: Path
                                                                ) -> None:
    record = _amended(tmp_path, capsys)
    (record / COMMITMENTS / "04-justice-open-data.yaml").unlink()
    git(record, "commit", "-qam", "Months later", date="2027-03-01T10:00:00+00:00")
    found = c418(capsys, record)
    assert [d["message"].split(",")[0] for d in found] == \
        ["commitment 4 removed: Open justice data"], found
    assert "made after the latest amendment (dated 2026-10-01) was recorded in commit" \
        in found[0]["message"]
    plan = record / PLAN   # a second amendment, recorded now, covers it
    plan.write_text(plan.read_text(encoding="utf-8")
                    + "  - {date: 2027-03-02, summary: {en: Commitment 4, es: Compromiso 4}}\n",
                    encoding="utf-8")
    assert c418(capsys, record) == []
    git(record, "commit", "-qam", "Second amendment", date="2027-03-02T10:00:00+00:00")
    assert c418(capsys, record) == []


def test_a_section_of_a_delivered_plan_is_part_of_the_plan(capsys, tmp_path: Path) -> None:
    """A section rewritten in its source language (English) is an amendment; the same
    words added to the Spanish translation alone correct it (newuser6 K15)."""
    record = delivered(tmp_path, capsys)
    english = SECTION.with_name("development-process.en.md")
    for path in (SECTION, english):
        (record / path).write_text((record / path).read_text(encoding="utf-8")
                                   + "\nAll associations approved the plan.\n",
                                   encoding="utf-8")
    found = c418(capsys, record)
    assert [(d["file"], d["message"].split(",")[0]) for d in found] == [
        (english.as_posix(), "section text development-process.en.md changed"),
        (SECTION.as_posix(), "section text development-process.es.md changed")], found
    git(record, "checkout", "-q", "--", english.as_posix())
    assert c418(capsys, record) == []


def test_a_translation_added_to_a_section_is_no_amendment(capsys, tmp_path: Path) -> None:
    record = delivered(tmp_path, capsys)
    (record / SECTION.with_name("development-process.fr.md")).write_text(
        "# Processus\n\nTexte.\n", encoding="utf-8")
    assert c418(capsys, record) == []


def test_the_note_files_no_later_change_under_an_earlier_amendment(capsys, tmp_path: Path
                                                                    ) -> None:
    from tests.conftest import run

    record = _amended(tmp_path, capsys)
    edit(record / COMMITMENTS / "03-climate-finance-transparency.yaml",
         "due: 2029-09-30", "due: 2030-03-31")
    git(record, "commit", "-qam", "Months later", date="2027-03-01T10:00:00+00:00")
    code, out, err = run(capsys, "render", "amendment-note", "--plan", "2026-2030", "-C",
                         record, "--lang", "en", "-f", "md", "-o", "-", "--today", "2027-03-02")
    assert code == 0, err
    covered, _, later = out.partition("## Not covered by a recorded amendment")
    assert "Milestone 1.2" in covered and "Milestone 1.2" not in later, out
    assert "### 3. " in later and "March 31, 2030" in later, out
    assert "March 31, 2030" not in covered, out

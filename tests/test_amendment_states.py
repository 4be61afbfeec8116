"""No state of a delivered plan is one check cannot pass (newuser6 K15): a translation
corrected after delivery is no amendment (C418), so it needs no entry that C404 would refuse
after the plan's end; a real amendment can always be recorded with the day the amended plan
was sent, or undone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run
from tests.gitrecord import use_identity
from tests.test_amendment_coverage import WORKS
from tests.test_amendments import delivered, edit
from tests.test_submission import PLAN

#: plan 2026-2030 (june 2026, four years) ends on 2030-06-30
END = "2030-06-30"
TODAY = {"before the end": "2027-03-01", "after the end": "2030-09-01"}
CHANGES = {
    "translation": ("es: Contratación abierta de obras públicas, de la adjudicación a la "
                    "entrega", "es: Contratación abierta de obras públicas, desde la "
                    "adjudicación hasta la entrega"),
    "content": ("en: Open contracting for public works, from award to completion",
                "en: Open contracting for public works and roads, from award to completion"),
}


@pytest.fixture(autouse=True)
def _identity(monkeypatch) -> None:
    use_identity(monkeypatch)


def _findings(capsys, record: Path, today: str) -> list[dict]:
    _, out, err = run(capsys, "check", record, "--today", today, "--no-cache", "--format",
                      "json")
    assert out, err
    return [d for d in json.loads(out)["diagnostics"] if d["code"] in ("C418", "C404")]


def _record(plan: Path, text: str, day: str | None) -> None:
    """plan.yaml as delivered, with one amendment dated `day` (None: no amendment)."""
    plan.write_text(text + (f"amendments:\n  - {{date: {day}, summary: Title}}\n"
                            if day else ""), encoding="utf-8")


def test_every_change_at_every_time_has_a_record_that_passes(capsys, tmp_path: Path) -> None:
    record = delivered(tmp_path, capsys)
    plan = record / PLAN
    delivered_plan = plan.read_text(encoding="utf-8")
    for kind, (old, new) in CHANGES.items():
        edit(record / WORKS, old, new)
        for when, today in TODAY.items():
            outcomes = {}
            for recorded in (None, today, END):
                _record(plan, delivered_plan, recorded)
                outcomes[recorded] = _findings(capsys, record, today)
            assert any(not found for found in outcomes.values()), (kind, when, outcomes)
            if kind == "translation":   # a correction needs no amendment, at any time
                assert outcomes[None] == [], (when, outcomes)
            else:
                assert [d["code"] for d in outcomes[None]] == ["C418"], outcomes
        edit(record / WORKS, new, old)
    _record(plan, delivered_plan, None)


def test_after_the_end_c418_says_both_ways_out(capsys, tmp_path: Path) -> None:
    record = delivered(tmp_path, capsys)
    edit(record / WORKS, *CHANGES["content"])
    [found] = _findings(capsys, record, TODAY["after the end"])
    assert f"the plan ended on {END}" in found["message"], found
    assert "restore what the plan said as delivered" in found["message"], found
    [found] = _findings(capsys, record, TODAY["before the end"])
    assert "add one to amendments:" in found["message"], found


def test_the_note_lists_every_change_c418_counts(capsys, tmp_path: Path) -> None:
    """newuser6 K16: the plan's title and a section rewritten are amendments to C418, and
    the note sent to OGP lists each of them, as it lists every amendment C418 reports."""
    record = delivered(tmp_path, capsys)
    edit(record / PLAN, "en: Second National Open Government Action Plan of Veridia",
         "en: Second Open Government Action Plan of Veridia")
    intro = record / "plans/2026-2030/sections/introduction.en.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\nThe forum approved it.\n",
                     encoding="utf-8")
    edit(record / WORKS, *CHANGES["content"])
    edit(record / WORKS, "due: 2027-06-30", "due: 2028-06-30")
    edit(record / WORKS, "es: Coordina las auditorías sociales de obras públicas",
         "es: Coordina las auditorías sociales de las obras públicas")
    found = _findings(capsys, record, TODAY["before the end"])
    code, out, err = run(capsys, "render", "amendment-note", "--plan", "2026-2030", "-C",
                         record, "--lang", "en", "-f", "md", "-o", "-", "--today",
                         TODAY["before the end"])
    assert code == 0, err
    amended, _, corrected = out.partition("## Translations corrected")
    items = [line for line in amended.splitlines() if line.startswith("- ")]
    assert len(items) == len(found) == 4, (found, out)
    assert "Title of the action plan changed:" in amended, out
    assert "Section 1. Introduction, text in English changed:" in amended, out
    assert "*(in Spanish)*" in corrected and "{+las+}" in corrected, out


def test_a_section_translation_corrected_is_listed_apart(capsys, tmp_path: Path) -> None:
    """The Spanish of a section corrected, its English as delivered: no C418, and the note
    lists it under the translations corrected, not as an amendment."""
    record = delivered(tmp_path, capsys)
    path = record / "plans/2026-2030/sections/introduction.es.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nCorregido.\n", encoding="utf-8")
    assert _findings(capsys, record, TODAY["after the end"]) == []
    code, out, err = run(capsys, "render", "amendment-note", "--plan", "2026-2030", "-C",
                         record, "--lang", "es", "-f", "md", "-o", "-", "--today",
                         TODAY["after the end"])
    assert code == 0, err
    amended, _, corrected = out.partition("## Traducciones corregidas")
    assert "Sección 1. Introducción, cambio en el texto en español: " in corrected, out
    assert "{+Corregido.+}" in corrected and "Corregido" not in amended, out

"""`ogpctl import plan` of a country's own Word plan in Spanish (not one ogpctl wrote), as a
new user brought one (newuser3 G16): known organisations keep their sector, the judiciary
is not filed as government, a milestone without a lead is led by the commitment's lead,
every milestone is written in one shape, and counts are said in the singular."""

from __future__ import annotations

from pathlib import Path

import docx

from ogpctl.source.yaml import parse_yaml
from tests.conftest import new_plan_record, run

PLAN = "2027-2031"
COMMITMENT = f"plans/{PLAN}/commitments/01-justicia-abierta.yaml"
STAKEHOLDERS = ("  - id: ministerio-de-hacienda\n    name:\n      es: Ministerio de Hacienda\n"
                "    sector: government\n  - id: red-ciudadana\n    name:\n"
                "      es: Red Ciudadana\n    sector: civil-society\n")


def word_plan(path: Path, due: str = "31/12/2029") -> Path:
    """A plan as a ministry writes one with Word: a header table, then a milestone table
    whose one "Partes interesadas" column names organisations without their sector."""
    document = docx.Document()
    document.add_heading("4. Compromisos", 1)
    header = document.add_table(rows=0, cols=2)
    for label, value in (("Número y nombre del compromiso", "1. Justicia abierta"),
                         ("Responsable del compromiso", "Poder Judicial"),
                         ("Período que abarca", "1 de julio de 2027 – 30 de junio de 2031")):
        cells = header.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_paragraph("")
    milestones = document.add_table(rows=1, cols=4)
    for cell, text in zip(milestones.rows[0].cells, ("Hitos", "Productos esperados",
                                                      "Fecha prevista de finalización",
                                                      "Partes interesadas"), strict=True):
        cell.text = text
    for row in (("Publicar sentencias", "Portal de sentencias", "30 de junio de 2028",
                 "Ministerio de Hacienda"),
                ("Datos de causas", "Conjunto de datos", due,
                 "Poder Judicial; Ministerio de Hacienda; Red Ciudadana")):
        for cell, text in zip(milestones.add_row().cells, row, strict=True):
            cell.text = text
    document.save(str(path))
    return path


def imported(capsys, tmp_path: Path) -> tuple[Path, str]:
    record = new_plan_record(capsys, tmp_path, lead="Secretaría de Gobierno Abierto")
    people = record / "stakeholders.yaml"
    people.write_text(people.read_text(encoding="utf-8") + STAKEHOLDERS, encoding="utf-8")
    code, out, err = run(capsys, "import", "plan", word_plan(tmp_path / "plan.docx"),
                         "--plan", PLAN, "-C", record)
    assert code == 0, out + err
    return record, out


def test_known_organisations_keep_their_sector_and_milestones_have_a_lead(
        capsys, tmp_path: Path) -> None:
    record, out = imported(capsys, tmp_path)
    data = parse_yaml((record / COMMITMENT).read_text(encoding="utf-8")).data
    first, second = data["milestones"]
    assert data["lead"] == "poder-judicial"
    assert first["lead"] == second["lead"] == "poder-judicial"
    assert first["supporting"] == {"government": ["ministerio-de-hacienda"]}
    assert second["supporting"] == {"government": ["ministerio-de-hacienda"],
                                    "civil-society": ["red-ciudadana"]}
    assert "milestones 1.1, 1.2: no lead in the source; the commitment's lead " \
        "poder-judicial written as the lead" in out
    people = parse_yaml((record / "stakeholders.yaml").read_text(encoding="utf-8")).data
    judiciary = next(p for p in people["stakeholders"] if p["id"] == "poder-judicial")
    assert judiciary["sector"] == "judiciary"
    code, out, _ = run(capsys, "check", record, "--today", "2027-03-01")
    assert "S222" not in out


def test_every_milestone_is_written_in_one_shape(capsys, tmp_path: Path) -> None:
    record, _ = imported(capsys, tmp_path)
    text = (record / COMMITMENT).read_text(encoding="utf-8")
    blocks = text[text.index("\nmilestones:\n"):].split("\n  - number: ")[1:]
    shapes = [[line.split(":")[0] for line in block.split("    status:")[0].splitlines()[1:]
               if not line.lstrip().startswith("#")] for block in blocks]
    assert len(shapes) == 2 and shapes[0] == shapes[1], shapes
    assert "      en:" in blocks[1] and "    lead: poder-judicial" in blocks[1]


def test_an_error_is_counted_in_the_singular(capsys, tmp_path: Path) -> None:
    record = new_plan_record(capsys, tmp_path)
    code, out, _ = run(capsys, "import", "plan", word_plan(tmp_path / "plan.docx", "soon"),
                       "--plan", PLAN, "-C", record)
    assert code == 1 and "nothing was written: 1 error in plan.docx" in out

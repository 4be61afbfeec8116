"""Who made a contribution, in every public output alike (a newuser3 G3): a private
person's name stays in the record, and the reasoned response (every format and language)
and the site's open data say the organisation and the sector instead."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ogpctl.record.load import load_record
from ogpctl.render import Request, render_bytes
from ogpctl.site.exports import record_json
from tests.test_contributions import FILE, PLAN, entries, import_file, new_record
from tests.test_render import docx_dump

DAY = date(2027, 3, 20)

# A Google Forms export in Spanish as the new user's: a respondent who gave no name but a
# sector word ("Ciudadano"), a person with an organisation, an organisation alone.
RESPUESTAS = (
    "Marca temporal,Dirección de correo electrónico,Nombre,Nombre de la organización,"
    "Tipo de organización,¿Cuál es su propuesta para el plan?\n"
    "05/02/2027 11:00:00,b@x.org,Anónimo,,Ciudadano,Crear un registro de beneficiarios\n"
    "06/02/2027 09:30:00,c@x.org,Juan Ruiz,Universidad del Sur,Universidad,Presupuesto "
    "participativo\n"
    "07/02/2027 10:00:00,d@x.org,,Cámara Andina,Empresa,Compras abiertas\n")


@pytest.fixture
def imported(capsys, tmp_path: Path) -> Path:
    record = new_record(capsys, tmp_path)
    code, out, _ = import_file(capsys, record, tmp_path / "respuestas.csv", RESPUESTAS)
    assert code == 0, out
    # A group named by hand, as the sample record names one: published as written.
    path = record / FILE
    path.write_text(path.read_text(encoding="utf-8") + (
        "  - id: taller-001\n    from:\n      name: Colegio de Abogados\n"
        "      sector: civil-society\n    summary:\n      es: Datos abiertos\n"
        "    decision: pending\n"), encoding="utf-8")
    return record


def test_the_import_keeps_the_person_the_organisation_and_the_sector_apart(
        imported: Path) -> None:
    assert [e.get("from") for e in entries(imported)] == [
        {"sector": "civil-society"},        # "Ciudadano" read, kept without a name
        {"name": "Universidad del Sur", "person": "Juan Ruiz", "sector": "academia"},
        {"name": "Cámara Andina", "sector": "private-sector"},
        {"name": "Colegio de Abogados", "sector": "civil-society"}]


@pytest.mark.parametrize("lang, expected", [
    ("en", ["February 5, 2027 from an anonymous contributor (Civil society)",
            "February 6, 2027 from Universidad del Sur (Academia)",
            "February 7, 2027 from Cámara Andina (Private sector)",
            "Colegio de Abogados (Civil society)"]),
    ("es", ["5 de febrero de 2027 por parte de una persona anónima (Sociedad civil)",
            "6 de febrero de 2027 por parte de Universidad del Sur (Academia)",
            "7 de febrero de 2027 por parte de Cámara Andina (Sector privado)",
            "Colegio de Abogados (Sociedad civil)"]),
])
@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_the_reasoned_response_names_the_organisation_and_sector_not_the_person(
        imported: Path, lang: str, expected: list[str], fmt: str) -> None:
    data = render_bytes(load_record(imported), Request("reasoned-response", PLAN, lang), fmt,
                        DAY)
    text = data.decode().replace("**", "") if fmt == "md" else docx_dump(data)
    text = " ".join(text.replace("|", " ").split())
    for said in expected:
        assert said in text
    assert "Juan Ruiz" not in text


def test_a_person_alone_is_said_without_the_name(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    code, out, _ = import_file(capsys, record, tmp_path / "forms.csv",
                               "Nombre,Propuesta\nAna Gómez,Datos abiertos\n")
    assert code == 0, out
    data = render_bytes(load_record(record), Request("reasoned-response", PLAN, "en"), "md",
                        DAY).decode()
    assert "Received:** a person whose name is not published" in data and "Gómez" not in data


def test_the_open_data_leaves_the_person_out_and_keeps_the_rest(imported: Path) -> None:
    data = json.loads(record_json(load_record(imported), DAY))
    contributions = data["files"][FILE]["contributions"]
    assert [c.get("from") for c in contributions] == [
        {"sector": "civil-society"},
        {"name": "Universidad del Sur", "sector": "academia"},
        {"name": "Cámara Andina", "sector": "private-sector"},
        {"name": "Colegio de Abogados", "sector": "civil-society"}]
    assert "Juan Ruiz" not in json.dumps(data, ensure_ascii=False)

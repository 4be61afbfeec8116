"""A contribution in the reasoned response is headed by what it said, in the reader's
language (newuser5 N15), not by its id slug; with no summary, by who sent it as the
privacy rule lets the public read it (`ogpctl.domain.contributors`)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from ogpctl.record.load import load_record
from ogpctl.render import Request, render_bytes
from ogpctl.render.reasoned_response import HEADING_LENGTH, gist
from tests.test_contributions import FILE, new_record
from tests.test_render import docx_dump

DAY = date(2027, 3, 20)
PLAN = "2027-2031"
ENTRIES = """  - id: works-implementation-data
    from: {name: Red de Datos, sector: civil-society}
    summary:
      es: Publicar los datos de ejecución de las obras. Con fotos y mapas.
      pt: Publicar os dados de execução das obras. Com fotos e mapas.
    decision: include
  - id: web-7
    from: {person: Juana Pérez, sector: academia}
    decision: pending
"""


@pytest.fixture
def record(capsys, tmp_path: Path) -> Path:
    target = new_record(capsys, tmp_path)
    path = target / FILE
    text = path.read_text(encoding="utf-8")
    text = text.replace("contributions: []", "contributions:\n")
    path.write_text(text.rstrip("\n") + "\n" + ENTRIES if "contributions:\n" in text
                    else text + "contributions:\n" + ENTRIES, encoding="utf-8")
    return target


@pytest.mark.parametrize("lang, said", [
    ("pt", ["Publicar os dados de execução das obras",
            "Contribuição de uma pessoa cujo nome não é publicado (Academia)"]),
    ("es", ["Publicar los datos de ejecución de las obras",
            "Contribución de una persona cuyo nombre no se publica (Academia)"]),
])
@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_contribution_is_headed_by_its_summary_or_its_author(record: Path, lang: str,
                                                               said: list[str],
                                                               fmt: str) -> None:
    data = render_bytes(load_record(record), Request("reasoned-response", PLAN, lang), fmt,
                        DAY)
    text = data.decode() if fmt == "md" else docx_dump(data)
    assert "works-implementation-data" not in text and "web-7" not in text
    assert "Juana" not in text
    headings = "\n".join(re.findall(r"^### (.*)$", text, re.M)) if fmt == "md" else text
    for words in said:
        assert words in headings, words


def test_a_long_summary_is_cut_at_a_word() -> None:
    long = "Abrir " + "los datos de las compras públicas " * 5 + "y más."
    cut = gist(long)
    assert cut.endswith("…") and len(cut) <= HEADING_LENGTH + 1
    assert long.startswith(cut[:-1])

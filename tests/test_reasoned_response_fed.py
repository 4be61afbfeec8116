"""A contribution not included fed no commitment: the reasoned response never publishes
"Commitments it fed" for it, even when the record still lists some (newuser6 K6; check
reports the contradiction, M713), and no input gets an empty "Commitments it fed" row
(K17)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ogpctl.record.load import load_record
from ogpctl.render import Request, render_bytes
from tests.test_contributions import FILE, new_record
from tests.test_render import docx_dump

DAY = date(2027, 3, 20)
PLAN = "2027-2031"
ENTRIES = """contributions:
  - id: court-rulings
    summary: {es: Publicar las sentencias judiciales}
    decision: reject
    response: {es: No se incluyó.}
    commitments: [sentencias-abiertas]
  - id: asset-declarations
    summary: {es: Publicar las declaraciones patrimoniales}
    decision: include
    response: {es: Se incluyó como compromiso 1.}
    commitments: [declaraciones-abiertas]
  - id: lobby-register
    summary: {es: Un registro de cabilderos}
    decision: pending
"""


@pytest.fixture
def record(capsys, tmp_path: Path) -> Path:
    target = new_record(capsys, tmp_path)
    (target / FILE).write_text(ENTRIES, encoding="utf-8")
    return target


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_only_an_included_input_lists_the_commitments_it_fed(record: Path, fmt: str) -> None:
    data = render_bytes(load_record(record), Request("reasoned-response", PLAN, "en"), fmt, DAY)
    text = data.decode() if fmt == "md" else docx_dump(data)
    assert "sentencias-abiertas" not in text
    assert "declaraciones-abiertas" in text
    assert text.count("Commitments it fed") == 1

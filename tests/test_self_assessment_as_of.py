"""A yearly self-assessment is the report as of its `prepared` date (newuser5 N13): a
commitment added by an amendment dated after it is not rated in it, nor counted in its
totals, and the document says why; a commitment the report assesses by name stays."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from ogpctl.record.load import load_record
from ogpctl.render import Request, render_bytes
from tests.conftest import run
from tests.test_render import delivered_record, docx_dump

PLAN = "2027-2031"
DAY = date(2027, 10, 1)
REPORT = ("prepared: 2027-07-15\nkind: yearly\n"
          "introduction: {es: Primer informe anual.}\n")
AMENDMENT = ("amendments:\n  - date: 2027-09-20\n    summary:\n"
             "      es: Se agrega el compromiso sobre las enmiendas parlamentarias.\n")


def flat(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>|\*\*|\*|\|", " ", text).split())


@pytest.fixture
def amended_after_report(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = delivered_record(capsys, tmp_path, monkeypatch)
    (target / f"plans/{PLAN}/self-assessment.yaml").write_text(REPORT, encoding="utf-8")
    code, _, err = run(capsys, "new-commitment", "-C", target, PLAN, "Enmiendas parlamentarias")
    assert code == 0, err
    plan = target / f"plans/{PLAN}/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + AMENDMENT, encoding="utf-8")
    return target


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_commitment_added_after_the_report_is_not_in_it(amended_after_report: Path,
                                                          fmt: str) -> None:
    data = render_bytes(load_record(amended_after_report),
                        Request("self-assessment", PLAN, "en"), fmt, DAY)
    text = flat(data.decode() if fmt == "md" else docx_dump(data))
    assert "Datos abiertos" in text
    assert "Enmiendas parlamentarias" not in text
    assert "0 of 1 commitment complete" in text
    assert "commitments added by an amendment after it was prepared (September 20, 2027)" \
        in text


def test_a_commitment_the_report_assesses_stays(amended_after_report: Path) -> None:
    path = amended_after_report / f"plans/{PLAN}/self-assessment.yaml"
    ident = load_record(amended_after_report).plans[0].commitments[1].id
    path.write_text(REPORT + f"commitments:\n  - commitment: {ident}\n"
                    "    reasons: {es: Se evaluó antes de la enmienda.}\n", encoding="utf-8")
    text = flat(render_bytes(load_record(amended_after_report),
                             Request("self-assessment", PLAN, "en"), "md", DAY).decode())
    assert "Enmiendas parlamentarias" in text and "0 of 2 commitments complete" in text
    assert "after it was prepared" not in text


def test_the_sites_copy_is_the_report_of_its_date(amended_after_report: Path) -> None:
    from ogpctl.site import build_site

    files = build_site(load_record(amended_after_report), DAY, formats=("html",), search=False)
    name = f"documents/{PLAN}-self-assessment.es.html"
    assert name in files
    text = flat(files[name].decode())
    assert "Datos abiertos" in text and "Enmiendas parlamentarias" not in text
    assert "(20 de septiembre de 2027) no figuran en él" in text

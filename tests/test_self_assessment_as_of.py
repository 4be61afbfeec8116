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
    assert "the changes of the amendments dated after it (September 20, 2027) are not in it" \
        in text


def test_a_commitment_the_report_assesses_stays(amended_after_report: Path) -> None:
    path = amended_after_report / f"plans/{PLAN}/self-assessment.yaml"
    ident = load_record(amended_after_report).plans[0].commitments[1].id
    path.write_text(REPORT + f"commitments:\n  - commitment: {ident}\n"
                    "    reasons: {es: Se evaluó antes de la enmienda.}\n", encoding="utf-8")
    text = flat(render_bytes(load_record(amended_after_report),
                             Request("self-assessment", PLAN, "en"), "md", DAY).decode())
    assert "Enmiendas parlamentarias" in text and "0 of 2 commitments complete" in text
    assert "after it was prepared" not in text and "dated after it" not in text


def test_the_sites_copy_is_the_report_of_its_date(amended_after_report: Path) -> None:
    from ogpctl.site import build_site

    files = build_site(load_record(amended_after_report), DAY, formats=("html",), search=False)
    name = f"documents/{PLAN}-self-assessment.es.html"
    assert name in files
    text = flat(files[name].decode())
    assert "Datos abiertos" in text and "Enmiendas parlamentarias" not in text
    assert "(20 de septiembre de 2027) no figuran en él" in text


def delete_milestone_by_amendment(target: Path) -> None:
    """Milestone 1.2 removed and the amendment of 20 September 2027 recorded, committed
    after the report (prepared 15 July 2027) was committed: the record's history."""
    from tests.gitrecord import git

    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "Yearly self-assessment", date="2027-07-15T10:00:00+00:00")
    path = target / f"plans/{PLAN}/commitments/01-datos-abiertos.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("  - number: 2\n")], encoding="utf-8")
    plan = target / f"plans/{PLAN}/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + AMENDMENT.replace(
        "Se agrega el compromiso sobre las enmiendas parlamentarias", "Se quita el hito 1.2"),
        encoding="utf-8")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "Amendment", date="2027-09-20T10:00:00+00:00")


@pytest.fixture
def milestone_removed_after_report(capsys, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> Path:
    target = delivered_record(capsys, tmp_path, monkeypatch)
    (target / f"plans/{PLAN}/self-assessment.yaml").write_text(REPORT, encoding="utf-8")
    delete_milestone_by_amendment(target)
    return target


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_milestone_removed_after_the_report_is_counted_as_the_report_knew_it(
        milestone_removed_after_report: Path, fmt: str) -> None:
    record = load_record(milestone_removed_after_report)
    assert len(record.plans[0].commitments[0].milestones) == 1
    data = render_bytes(record, Request("self-assessment", PLAN, "en"), fmt, DAY)
    text = flat(data.decode() if fmt == "md" else docx_dump(data))
    assert "0 of 2 milestones completed" in text and "0 of 1 milestone completed" not in text
    assert "the changes of the amendments dated after it (September 20, 2027) are not in it" \
        in text


def test_without_history_the_document_says_it_lists_todays_plan(
        milestone_removed_after_report: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(milestone_removed_after_report, copy, ignore=shutil.ignore_patterns(".git"))
    text = flat(render_bytes(load_record(copy), Request("self-assessment", PLAN, "en"), "md",
                             DAY).decode())
    assert "0 of 1 milestone completed" in text
    assert ("The plan was amended after the report was prepared (September 20, 2027), and "
            "the record's history does not show it as it was before: its commitments and "
            "milestones are listed as they are today") in text

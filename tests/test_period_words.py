"""Handbook 3.1: a plan "can be delivered and begin implementation any time" in its
window, so a plan not delivered yet does not cover a period from the window's opening (a
new user's Arabic plan in co-creation read "from 1 July 2026", five months past): it
covers one from its delivery, due on a day the calendar gives. Once delivered, the day."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import new_plan_record, run


def _plan_text(capsys: pytest.CaptureFixture[str], record: Path, lang: str) -> str:
    code, out, err = run(capsys, "render", "action-plan", "--plan", "2027-2031", "-C",
                         str(record), "--lang", lang, "-f", "md", "-o", "-",
                         "--today", "2026-12-04")
    assert code == 0, err
    return out


def test_a_plan_not_delivered_covers_a_period_from_its_delivery(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    record = new_plan_record(capsys, tmp_path)
    english = _plan_text(capsys, record, "en")
    assert "Testland, from delivery (due June 30, 2027) to June 30, 2031" in english
    assert "January 1, 2027 to" not in english
    spanish = _plan_text(capsys, record, "es")
    assert "desde la entrega (prevista el 30 de junio de 2027) hasta el 30 de junio de 2031" \
        in spanish
    code, _, err = run(capsys, "site", "-C", str(record), "--out", str(tmp_path / "site"),
                       "--no-search", "--formats", "none", "--today", "2026-12-04")
    assert code == 0, err
    page = (tmp_path / "site/en/plans/2027-2031/index.html").read_text(encoding="utf-8")
    assert "From delivery (due June 30, 2027) to June 30, 2031" in page


def test_a_delivered_plan_covers_a_period_from_its_delivery_day(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    record = new_plan_record(capsys, tmp_path)
    plan = record / "plans/2027-2031/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "\ndelivered:\n" in text   # the scaffold leaves it empty
    plan.write_text(text.replace("\ndelivered:\n", "\ndelivered: 2027-03-15\n"),
                    encoding="utf-8")
    assert "Testland, March 15, 2027 to June 30, 2031" in _plan_text(capsys, record, "en")

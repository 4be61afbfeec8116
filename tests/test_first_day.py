"""French writes the first day of a month as an ordinal, "1er avril 2027", where CLDR's
pattern (and Babel's format_date) writes "1 avril 2027". Every date written in words comes
from `Language.date`; importers read the dates it writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ogpctl.base.i18n import Language
from ogpctl.importers.words import date_of
from tests.conftest import run


@pytest.mark.parametrize(("lang", "day", "written"), [
    ("fr", date(2027, 4, 1), "1er avril 2027"),
    ("fr-CA", date(2027, 1, 1), "1er janvier 2027"),
    ("fr", date(2027, 4, 2), "2 avril 2027"),
    ("fr", date(2027, 4, 11), "11 avril 2027"),
    ("en", date(2027, 4, 1), "April 1, 2027"),
    ("es", date(2027, 4, 1), "1 de abril de 2027"),
])
def test_the_first_day_of_a_month_in_french(lang: str, day: date, written: str) -> None:
    assert Language(lang).date(day) == written


@pytest.mark.parametrize("text", ["1er avril 2027", "1 avril 2027"])
def test_importers_read_the_ordinal(text: str) -> None:
    assert date_of(text, "fr") == ("2027-04-01", None)
    assert date_of(text) == ("2027-04-01", None)     # the source's language unknown


def test_documents_and_site_of_a_new_french_record(capsys, tmp_path: Path) -> None:
    """A record made with `ogpctl init --languages fr,en` and a plan delivered on 1 January
    2027: its action plan and its website say "1er janvier 2027"."""
    record = tmp_path / "record"
    assert run(capsys, "init", record, "--country", "Testland", "--iso-code", "XT",
               "--languages", "fr,en", "--lead-agency", "Ministère")[0] == 0
    assert run(capsys, "new-plan", "-C", record, "--window", "june", "--due-year", "2027",
               "--length", "4", "--today", "2026-12-01")[0] == 0
    assert run(capsys, "new-commitment", "-C", record, "2027-2031", "Données ouvertes",
               "--today", "2026-12-01")[0] == 0
    plan = record / "plans" / "2027-2031" / "plan.yaml"   # until delivered, its period
    plan.write_text(plan.read_text(encoding="utf-8").replace(   # starts at its delivery
        "\ndelivered:\n", "\ndelivered: 2027-01-01\n"), encoding="utf-8")
    out = tmp_path / "out"
    assert run(capsys, "render", "action-plan", "-C", record, "--plan", "2027-2031", "--lang",
               "fr", "--format", "md", "--out", out, "--today", "2026-12-01")[0] == 0
    text = (out / "2027-2031-action-plan.fr.md").read_text(encoding="utf-8")
    assert "du 1er janvier 2027 au 30 juin 2031" in text
    assert " 1 janvier" not in text
    site = tmp_path / "site"
    assert run(capsys, "site", "-C", record, "--out", site, "--formats", "none",
               "--no-search", "--today", "2026-12-01")[0] == 0
    page = (site / "fr" / "plans" / "2027-2031" / "index.html").read_text(encoding="utf-8")
    assert "Du 1er janvier 2027 au 30 juin 2031" in page
    assert "1 janvier" not in page

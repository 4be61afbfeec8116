"""Lists and pairs of pieces joined for a reader go through `Language.join`: the Arabic
comma and semicolon on Arabic pages and screens, never a Latin one between Arabic words
(leftovers 1: "2.2; 5.2" in the deadlines, "2 مارس 2025, استشارة" on the site)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ogpctl.base.i18n import Language
from ogpctl.domain.wording import handbook_in
from tests.conftest import run
from tests.test_rtl_readers import arabic_record

UNTITLED = """---
date: 2026-09-18
kind: msf
attendees: []
---

ناقش المنتدى خطة العمل.
"""


def test_the_semicolon_has_an_arabic_flavour() -> None:
    assert Language("ar").join(["أ", "ب"], semicolon=True) == "أ؛ ب"
    assert Language("fr").join(["a", "b"], semicolon=True) == "a; b"
    assert Language("ar").separator() == "، "


@pytest.mark.parametrize(("section", "arabic"), [
    ("3.1, 3.1.a", "3.1، 3.1.a"),
    ("minimum requirement 2.2; 5.2", "2.2؛ 5.2"),
])
def test_handbook_section_lists_take_the_arabic_punctuation(section: str, arabic: str) -> None:
    assert arabic in handbook_in("ar", section)
    assert handbook_in("en", section) == section


def test_deadlines_in_arabic_list_sections_with_the_arabic_comma(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    record = arabic_record(capsys, tmp_path)
    code, out, err = run(capsys, "deadlines", "-C", record, "--lang", "ar",
                         "--today", "2026-12-04")
    assert code in (0, 1), err
    assert "3.1، 3.1.a" in out
    assert not re.search(r"\d; \d|\d, \d", out), out


def test_site_pairs_take_the_arabic_comma_and_semicolon(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    record = arabic_record(capsys, tmp_path)
    (record / "forum" / "meetings" / "2026-09-18-session.md").write_text(UNTITLED, "utf-8")
    ogp = record / "ogp.yaml"
    ogp.write_text(ogp.read_text("utf-8").replace(
        "  name:\n  role:\n    en:\n    ar:\n", "  name: ليلى\n  role:\n    en:\n    ar: منسقة\n"),
        "utf-8")
    code, _, err = run(capsys, "site", "-C", record, "--out", tmp_path / "site", "--no-search",
                       "--formats", "none", "--today", "2030-12-04")
    assert code == 0, err
    ar = tmp_path / "site" / "ar"
    meeting = (ar / "meetings" / "2026-09-18-session.html").read_text("utf-8")
    assert re.search(r"<h1[^>]*>[^<]*، 18 ", meeting), meeting[:3000]
    contacts = (ar / "contacts.html").read_text("utf-8")
    assert "</strong>، " in contacts
    dashboard = (ar / "plans" / "2027-2031" / "dashboard.html").read_text("utf-8")
    assert "؛ " in dashboard
    assert not re.search(r"[\u0600-\u06ff][;,] ", dashboard)

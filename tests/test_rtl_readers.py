"""Readers of every language, right to left included (newuser4 H2, H8, H9, H11, H14, H15):
lists joined with the language's comma, no Arabic prefix glued to a name, left-to-right
pieces kept in order inside right-to-left text."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po

from ogpctl.base.i18n import Language
from ogpctl.domain.wording import value_in
from tests.conftest import ROOT

ARABIC_PO = ROOT / "templates" / "locales" / "ar" / "LC_MESSAGES" / "ogpctl.po"


def test_arabic_lists_use_the_arabic_comma() -> None:
    assert Language("ar").join(["الشفافية", "المساءلة"]) == "الشفافية، المساءلة"
    assert Language("fr").join(["Transparence", "Participation"]) == "Transparence, Participation"
    assert value_in("ar", ("أ", "ب")) == "أ، ب"
    assert value_in("en", ("a", "b")) == "a, b"


def test_no_arabic_prefix_is_glued_to_a_name() -> None:
    """"بـ{country}" printed "بـالمملكة" (bi- + al-): a letter joined by a tatweel to a
    placeholder cannot agree with the name put there; the sentence names it without one."""
    with ARABIC_PO.open("rb") as stream:
        catalogue = read_po(stream, locale="ar")
    glued = [m.id for m in catalogue if m.id and any(
        re.search(r"\w\u0640\{", text) for text in
        (m.string if isinstance(m.string, tuple) else (m.string,)))]
    assert glued == []

"""The gettext catalogues stay true: the template lists exactly the messages in the code,
and every shipped language translates all of them with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po

from tests.conftest import ROOT

LOCALES = ROOT / "templates" / "locales"
SHIPPED = ("es", "fr", "pt", "ar")
KEYWORDS = {"_": None, "n_": (1, 2)}
UPDATE = ("pybabel extract -k _ -k n_:1,2 --no-location --sort-output -o "
          "templates/locales/ogpctl.pot ogpctl/render ogpctl/site ogpctl/review "
          "ogpctl/domain/obligations.py && pybabel update -D ogpctl "
          "-i templates/locales/ogpctl.pot -d templates/locales")


#: The packages whose messages the catalogues hold: documents, the website, the review.
SOURCES = ("render", "site", "review")
#: Modules whose messages they hold too: the titles of `ogpctl deadlines`.
MODULES = ("domain/obligations.py",)


def source_messages() -> set:
    found = set()
    for package in SOURCES:
        for _file, _line, message, _comments, _context in extract_from_dir(
                str(ROOT / "ogpctl" / package), keywords=KEYWORDS):
            found.add(message)
    for module in MODULES:
        for _line, message, _comments, _context in extract_from_file(
                "python", str(ROOT / "ogpctl" / module), keywords=KEYWORDS):
            found.add(message)
    return found


def catalogue(path: Path, locale: str | None = None):
    with path.open("rb") as stream:
        return read_po(stream, locale=locale)


def test_template_matches_the_code() -> None:
    template = {m.id for m in catalogue(LOCALES / "ogpctl.pot") if m.id}
    assert template == source_messages(), f"regenerate: {UPDATE}"


@pytest.mark.parametrize("lang", SHIPPED)
def test_language_translates_everything(lang: str) -> None:
    messages = catalogue(LOCALES / lang / "LC_MESSAGES" / "ogpctl.po", lang)
    ids = {m.id for m in messages if m.id}
    assert ids == source_messages(), f"update the catalogue: {UPDATE}"
    for message in messages:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        targets = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"\{\w+\}", " ".join(sources))) - {"{count}"}
        assert not message.fuzzy, message.id
        for target in targets:
            assert target, f"{lang}: untranslated {message.id!r}"
            found = set(re.findall(r"\{\w+\}", target))
            assert wanted <= found <= wanted | {"{count}"}, (lang, message.id, target)

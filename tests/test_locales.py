"""The gettext catalogues stay true: the template lists exactly the messages in the code,
and every shipped language translates all of them with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po

from tests.conftest import ROOT, new_plan_record, run

LOCALES = ROOT / "templates" / "locales"
SHIPPED = ("es", "fr", "pt", "ar")
KEYWORDS = {"_": None, "n_": (1, 2)}
UPDATE = ("pybabel extract -k _ -k n_:1,2 --no-location --sort-output -o "
          "templates/locales/ogpctl.pot ogpctl/render ogpctl/site ogpctl/review "
          "ogpctl/domain/obligations.py ogpctl/domain/wording.py ogpctl/domain/screens.py "
          "ogpctl/rules/wording.py && "
          "pybabel update -D ogpctl "
          "-i templates/locales/ogpctl.pot -d templates/locales")


#: The packages whose messages the catalogues hold: documents, the website, the review.
SOURCES = ("render", "site", "review")
#: Modules whose messages they hold too: what `ogpctl deadlines` and `ogpctl status` say.
MODULES = ("domain/obligations.py", "domain/wording.py", "domain/screens.py",
           "rules/wording.py")


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


def test_a_count_is_said_with_plural_forms() -> None:
    """A sentence holding {count} is a plural message (`n_`): as a singular message its one
    wording read "se cumplen 0 de los 1 requisitos" in Spanish, "0 of 1 contributions have"
    in English. Counts are named {count}, so that `n_` picks the form by them."""
    singular = sorted(m for m in source_messages() if isinstance(m, str) and "{count}" in m)
    assert singular == []


@pytest.mark.parametrize(("lang", "wording"), [
    ("en", "shows 0 of 1 minimum requirement that applies before delivery as met"),
    ("es", "se cumple 0 de 1 requisito mínimo aplicable antes de la entrega"),
    ("fr", "0 sur 1 exigence minimale applicable avant la remise du plan est respectée"),
    ("pt", "0 de 1 requisito mínimo aplicável antes da entrega foi cumprido"),
    ("ar", "استُوفي 0 من أصل متطلب واحد من متطلبات الحد الأدنى"),
])
def test_one_requirement_due_is_said_in_the_singular(tmp_path: Path, capsys, lang: str,
                                                     wording: str) -> None:
    """A plan in co-creation on 2027-01-25: one minimum requirement is due (3.1, the timeline
    published two weeks before development starts on 2027-02-04); the rest are not yet. The
    plan is made before its planning stage would start, so its stages are dated backwards
    from the due date."""
    record = new_plan_record(capsys, tmp_path, today="2026-10-01")
    code, out, err = run(capsys, "render", "action-plan", "-C", record, "--plan", "2027-2031",
                         "--lang", lang, "--format", "md", "--out", "-", "--today", "2027-01-25")
    assert code == 0, err
    assert wording in " ".join(out.split())


def test_a_plan_just_made_has_no_requirement_due_yet(tmp_path: Path, capsys) -> None:
    """Nothing is due on the day a plan is made: the document said '0 of the 1 minimum
    requirements ... as met', counting 4.1 (no contribution yet) as one that applies."""
    record = new_plan_record(capsys, tmp_path)
    code, out, err = run(capsys, "render", "action-plan", "-C", record, "--plan", "2027-2031",
                         "--lang", "en", "--format", "md", "--out", "-", "--today", "2026-12-01")
    assert code == 0, err
    assert "None of the minimum requirements that apply before delivery is due yet" in out
    assert " of 1 minimum" not in out and "Met |" not in out


#: Words of European Portuguese where the catalogue writes Brazilian Portuguese (a new
#: user's site had "contributos" beside "Contribuições", "registadas" beside "registradas"),
#: and the IRM's "mid-term review" for the four-year refresh (handbook 2.3).
PORTUGAL_WORDS = re.compile(r"\b(registad[oa]s?|registos?|registe|falhad[oa]s?|FALHAD[OA]|"
                            r"ficheiros?|contributos?|reúne-se)\b|"
                            r"meio período")


def test_portuguese_is_one_variety_and_names_the_refresh() -> None:
    with open(ROOT / "templates/locales/pt/LC_MESSAGES/ogpctl.po", "rb") as stream:
        catalogue = read_po(stream)
    found = [m.id for m in catalogue if m.id and any(
        PORTUGAL_WORDS.search(text) for text in
        (m.string if isinstance(m.string, tuple) else (m.string,)) if text)]
    assert found == []
    assert catalogue["In its four-year refresh"].string == "Em revisão do plano de quatro anos"

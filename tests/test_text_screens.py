"""The C-speed screens of the language and reading rules (issue 16): a screen may send a
document or a text to the exact reading when nothing is wrong, never the other way round.
Each screen is compared with the exact reading over generated values, and the work it
spares is counted, so a change that reads every text again fails here."""

from __future__ import annotations

import random
import sys
from types import SimpleNamespace
from typing import Any

import pytest

from ogpctl.record.kinds import Kind
from ogpctl.record.model import Document, Languages
from ogpctl.record.read import read_bytes
from ogpctl.rules import languages
from ogpctl.scaffold.guide import guide_sentences
from ogpctl.source import text as source_text
from ogpctl.source.text import FORBIDDEN_CHARS, decode
from tests.conftest import counting

LANGUAGES = Languages("es", ("en", "es", "fr"))
CONTEXT = SimpleNamespace(record=SimpleNamespace(languages=LANGUAGES))
#: What a text value may be in a record, schema findings included.
PIECES: list[Any] = ["Open contracting", "", "  ", "\u00a0", "\n", 5, None, ["a"], {"x": "y"},
                     "Datos abiertos", "What is the problem?"]


def _value(rng: random.Random) -> Any:
    """A text value: mostly complete maps, sometimes a plain string, a gap, or junk."""
    roll = rng.random()
    if roll < 0.15:
        return rng.choice(PIECES)
    langs = ["en", "es", "fr", "sp", 3]
    value = {lang: "Texto" for lang in ("en", "es", "fr")}
    for _ in range(rng.randrange(3)):
        value[rng.choice(langs)] = rng.choice(PIECES)
    for _ in range(rng.randrange(2)):
        value.pop(rng.choice(langs), None)
    return value


def _commitment(rng: random.Random) -> Document:
    """A commitment whose texts are in and out of the action plan (progress notes)."""
    milestones = [{"title": _value(rng), "output": _value(rng),
                   "progress": [{"note": _value(rng)} for _ in range(rng.randrange(3))]}
                  for _ in range(rng.randrange(4))]
    data = {"title": _value(rng), "problem": {"what": _value(rng)}, "milestones": milestones,
            "implementation-plan": {"risks": _value(rng)}}
    return Document("plans/2026-2030/commitments/01-x.yaml", Kind.COMMITMENT, data, True)


def _exact_missing(doc: Document, action_plan: bool) -> list[tuple[Any, ...]]:
    """L301/L305 without the screen: every text value read one by one."""
    needed = LANGUAGES.required if action_plan else LANGUAGES.required[1:]
    return [(path, tuple(lang for lang in needed if lang not in texts))
            for path, _value, texts, submitted in languages.texts_of(doc, LANGUAGES.default)
            if submitted == action_plan and any(lang not in texts for lang in needed)]


@pytest.mark.parametrize("seed", range(300))
def test_the_missing_translation_screen_agrees_with_reading_every_text(seed: int) -> None:
    doc = _commitment(random.Random(seed))
    for action_plan, check in ((True, languages.missing_translation),
                               (False, languages.missing_translation_elsewhere)):
        found = [f.path for f in check(doc, CONTEXT)]
        assert found == [path for path, _ in _exact_missing(doc, action_plan)]


@pytest.mark.parametrize("seed", range(300))
def test_the_unknown_language_screen_agrees_with_reading_every_key(seed: int) -> None:
    doc = _commitment(random.Random(seed))
    known = set(LANGUAGES.required)
    exact = [path + (lang,) for path, value in languages.values_of(doc, languages.TEXT)
             if isinstance(value, dict) for lang in value
             if isinstance(lang, str) and lang not in known]
    assert [f.path for f in languages.unknown_language(doc, CONTEXT)] == exact


@pytest.mark.parametrize("seed", range(100))
def test_the_guide_text_screen_agrees_with_reading_every_text(seed: int) -> None:
    from ogpctl.scaffold.guide import is_guide_text

    question = sorted(guide_sentences())[seed].capitalize()
    PIECES.append(question)
    try:
        doc = _commitment(random.Random(seed))
    finally:
        PIECES.pop()
    openings = languages._guide_openings()
    exact = [path + (lang,) if isinstance(value, dict) else path
             for path, value, texts, _ in languages.texts_of(doc, LANGUAGES.default)
             for lang, text in texts.items()
             if languages._opening(text) in openings and is_guide_text(text)]
    assert [f.path for f in languages.scaffold_text(doc, CONTEXT)] == exact


def test_complete_translations_are_not_read_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """L301 and L305 screen the whole document; before, each text value was read."""
    texts = {"en": "Open data", "es": "Datos abiertos", "fr": "Données ouvertes"}
    data = {"title": texts, "milestones": [
        {"title": texts, "output": texts, "progress": [{"note": texts}] * 5}] * 20}
    doc = Document("plans/2026-2030/commitments/01-x.yaml", Kind.COMMITMENT, data, True)
    read = counting(monkeypatch, languages, "translations")
    assert list(languages.missing_translation(doc, CONTEXT)) == []
    assert list(languages.missing_translation_elsewhere(doc, CONTEXT)) == []
    assert read[0] == 0
    data["milestones"][0] = {**data["milestones"][0], "output": {"es": "Informe"}}
    doc.memo.clear()
    assert [f.path for f in languages.missing_translation(doc, CONTEXT)] == [
        ("milestones", 0, "output")]
    assert read[0] > 0


def test_l304_reads_the_opening_of_only_the_texts_that_may_be_guide_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, every text of every document had its first words split and case-folded."""
    words = ["Open", "Budget", "Citizens", "Youth", "Datos", "Registro", "Tribunal"]
    rng = random.Random(7)
    outputs = [{"en": " ".join(rng.choice(words) for _ in range(6)),
                "es": " ".join(rng.choice(words) for _ in range(6))} for _ in range(100)]
    data = {"milestones": [{"output": output} for output in outputs]}
    doc = Document("plans/2026-2030/commitments/01-x.yaml", Kind.COMMITMENT, data, True)
    opened = counting(monkeypatch, languages, "_opening")
    assert list(languages.scaffold_text(doc, CONTEXT)) == []
    assert opened[0] < 20   # of 200 texts
    question = next(s for s in sorted(guide_sentences()) if s.isascii())
    outputs[40]["en"] = question.capitalize()
    doc.memo.clear()
    found = list(languages.scaffold_text(doc, CONTEXT))
    assert [f.path for f in found] == [("milestones", 40, "output", "en")]


def _variants(sentence: str) -> list[str]:
    words = sentence.split()
    return [sentence, sentence.capitalize(), sentence.upper(), sentence.title(),
            "  " + sentence, "\u00a0" + sentence.upper(), "\t".join(words),
            "\u3000".join(words), " ".join(words[:3]), words[0] + "\n" + " ".join(words[1:])]


def test_the_prefix_screen_lets_every_guide_opening_through() -> None:
    openings = languages._guide_openings()
    screen = languages._prefix_screen()
    sentences = sorted(guide_sentences())
    assert len(sentences) > 100
    for sentence in sentences:
        for text in _variants(sentence):
            if languages._opening(text) in openings:
                assert screen[text[:languages._PREFIX]], text


def test_case_folding_makes_no_space() -> None:
    """The prefix screen reads a text's first word before case-folding it: it relies on no
    character folding into, or out of, white space."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = char.casefold()
        if not char.isspace():
            assert not any(c.isspace() for c in folded), hex(code)


def _characters() -> list[str]:
    rng = random.Random(3)
    codes = [*range(0x3000), *range(0xFFF0, 0x10000),
             *(rng.randrange(0x3000, sys.maxunicode + 1) for _ in range(5000))]
    return [chr(c) for c in codes if not 0xD800 <= c <= 0xDFFF]


def test_the_forbidden_character_screen_agrees_with_the_search() -> None:
    for char in _characters():
        data = f"title: ¿Año {char}?\n€ «x» ’\n".encode()
        text = data.decode()
        assert decode(data).problems == source_text.forbidden_characters(text), hex(ord(char))
        assert bool(decode(data).problems) == bool(FORBIDDEN_CHARS.search(text))


def test_a_clean_file_is_not_searched_character_by_character(
        monkeypatch: pytest.MonkeyPatch) -> None:
    searched = counting(monkeypatch, source_text, "forbidden_characters")
    assert decode("título: ¿Qué? «Sí» — ’ ￼\n".encode()).problems == []
    assert searched[0] == 0
    assert [p.code for p in decode(b"title: a\x07b\n").problems] == ["R003"]
    assert [p.code for p in decode("title: a\u0085b\u0086\n".encode()).problems] == ["R003"]
    assert searched[0] == 2


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize("char", list(BIDI))
def test_r013_is_found_however_the_character_is_written(char: str) -> None:
    code = f"{ord(char):04x}"
    for written in (char, f"\\u{code}", f"\\u{code.upper()}", f"\\U0000{code}"):
        for line in (f'title: "a {written} b"\n', f'"k{written}": x\n'):
            raw = line.encode()
            problems = [p for p in read_bytes(raw, Kind.PLAN)[5] if p[0] == "R013"]
            assert problems, line


@pytest.mark.parametrize("seed", range(50))
def test_translations_and_has_text_read_every_shape_of_value(seed: int) -> None:
    from ogpctl.record.text import has_text, translations

    rng = random.Random(seed)
    for _ in range(40):
        value = rng.choice([rng.choice(PIECES), {rng.choice(["en", "es", 3, None]):
                                                 rng.choice(PIECES) for _ in range(4)}])
        if isinstance(value, str):
            expected = {"es": value} if value.strip() else {}
        elif isinstance(value, dict):
            expected = {lang: text for lang, text in value.items() if isinstance(lang, str)
                        and isinstance(text, str) and text.strip()}
        else:
            expected = {}
        assert translations(value, "es") == expected
        assert has_text(value) == bool(expected)

"""A reasoned response that says the opposite of its decision (newuser5: "Not included"
under `decision: include`; newuser4: a rejection answered "partly included"): the words
read in en, es, fr and pt, and the texts that must not be taken for a contradiction."""

from __future__ import annotations

import pytest

from ogpctl.domain.responses import WORDS, contradiction

CONTRADICTIONS = [
    ("include", "en", "Not included.", ("not included",)),
    ("include", "en", "Rejected: outside the executive's remit.", ("rejected",)),
    ("reject", "en", "We have included it in commitment 2.", ("we have included",)),
    ("reject", "en", "Partly included as milestone 1.4.", ("partly included",)),
    ("include", "es", "No se incluyó en el plan.", ("no se incluyó",)),
    ("reject", "es", "Incluida como compromiso 1.", ("incluida",)),
    ("include", "pt", "Não incluída.", ("não incluída",)),
    ("reject", "pt", "Foi incluída como marco 1.4.", ("foi incluída",)),
    ("include", "fr", "Cette proposition n'a pas été retenue.", ("n'a pas été retenue",)),
    ("reject", "fr", "La proposition a été retenue dans l'engagement 2.", ("a été retenue",)),
]

AGREEMENTS = [
    ("include", "en", "Included as commitment 1."),
    ("include", "en", "Included as commitment 1. Proposals that were not included are "
                      "answered separately."),
    ("reject", "en", "The proposal was not included because it is outside the remit."),
    ("reject", "en", "Outside the executive's remit; referred to parliament."),
    ("amend", "en", "Not included as proposed; merged into commitment 1."),
    ("include", "es", "Incluida como compromiso 1."),
    ("reject", "es", "La propuesta incluye ideas valiosas, pero está fuera del mandato."),
    ("reject", "es", "Todos los aportes, incluido el suyo, se analizaron; no se incluye."),
    ("reject", "es", "Se rechaza; se incluyó una versión en el compromiso 2."),
    ("include", "pt", "Incluída como marco 1.4."),
    ("reject", "fr", "Cette proposition a retenu notre attention mais sort du mandat."),
    ("reject", "fr", "Rejetée : hors du mandat."),
    ("pending", "en", "Not included yet."),
    ("include", "ar", "لم يُدرج"),               # a language with no words: not read
]


@pytest.mark.parametrize(("decision", "language", "text", "words"), CONTRADICTIONS)
def test_a_response_saying_the_opposite_is_found_with_its_words(
        decision: str, language: str, text: str, words: tuple[str, ...]) -> None:
    found = contradiction(decision, language, text)
    assert found is not None and found.words == words and found.language == language


@pytest.mark.parametrize(("decision", "language", "text"), AGREEMENTS)
def test_a_response_that_agrees_or_cannot_be_read_is_not(decision: str, language: str,
                                                         text: str) -> None:
    assert contradiction(decision, language, text) is None


def test_the_languages_read_are_those_the_rule_names() -> None:
    from ogpctl.rules import catalogue

    explained = catalogue()["M712"].explanation
    assert set(WORDS) == {"en", "es", "fr", "pt"}
    assert "English, Spanish, French and Portuguese only" in " ".join(explained.split())

"""S211's vague verbs: the lookahead that passes over words at C speed (the letters the
verbs open with) finds every vague verb the plain pattern finds, whatever the case."""

from __future__ import annotations

import random
import re

import pytest

from ogpctl.rules import lexicon

#: Words a text may hold besides the verbs, casings the engine folds (ſ is s, K is k).
OTHERS = ["the", "portal", "Data", "ſupport", "İmprove", "ımprove", "KELVIN", "ÉNHANCE",
          "amélioRer", "PROMOÇÃO", "publique", "25", "work", "towards", "raise", "public"]


def _examples(words: str, rng: random.Random) -> list[str]:
    """Texts made of each verb's literal opening, other words and changed case."""
    openings = [re.split(r"[\\(\[]", alternative)[0] for alternative in words.split("|")]
    texts = []
    for _ in range(400):
        picked = rng.sample(openings + OTHERS, 4)
        text = " ".join(word + rng.choice(["", "ing", "s", "ed"]) for word in picked)
        texts.append("".join(c.upper() if rng.random() < 0.3 else c for c in text))
    return texts + openings + [o.upper() for o in openings]


@pytest.mark.parametrize("language", sorted(lexicon._VAGUE_WORDS))
def test_the_lookahead_loses_no_vague_verb(language: str) -> None:
    words = lexicon._VAGUE_WORDS[language]
    plain = re.compile(rf"\b({words})\b", re.IGNORECASE | re.UNICODE)
    texts = _examples(words, random.Random(language))
    found = [bool(plain.search(text)) for text in texts]
    assert [bool(lexicon.VAGUE[language].search(text)) for text in texts] == found
    assert sum(found) > 100


def test_a_vague_word_opens_with_a_letter() -> None:
    with pytest.raises(ValueError):
        lexicon._vague(r"promot\w*|(?:raise|build) capacity")

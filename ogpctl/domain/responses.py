"""Whether a reasoned response's words say the opposite of its decision (handbook 2.1.d:
the response says "whether the input was included/not included and why").

Only words read with certainty are used, in the languages listed in `WORDS` (English,
Spanish, French, Portuguese); a response in another language is not read. A response
contradicts `include` when it says the input was not included (or was rejected) and nowhere
that it was included; it contradicts `reject` when it says the input was included and
nowhere that it was not. An `amend` decision is never judged: an amended input is "considered
in drafting or finalizing commitments, but with some modifications", and its response
rightly says both. The phrases are verbal ("was included", "se incluyó"), not a bare word
that also means "including", and a negated phrase is taken out before the other is sought,
so "not included" is never read as "included".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

#: What an input's fate is called: included (or taken up) and not included (or rejected).
_EN_VERBS = r"(?:included|incorporated|accepted|adopted|taken up)"
_ES_VERBS = r"(?:inclu|incorpor|acept|acog|integr|adopt)\w*"
_PT_VERBS = r"(?:inclu|incorpor|aceit|acolhid|integr|adotad)\w*"
_FR_VERBS = r"(?:inclu|intégr|incorpor|accept|adopt)\w*"
_START = r"(?:^|[.;:!?¡¿]\s*)"     # the first word of a sentence

#: language -> (phrases saying "not included", phrases saying "included")
WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": ((rf"\b(?:was|were|is|are|has|have|had|will|could|can|would|cannot)\s*(?:not|n't)\s+"
            rf"(?:be\s+|been\s+)?{_EN_VERBS}",
            rf"\bnot\s+(?:be\s+|been\s+)?{_EN_VERBS}",
            r"\b(?:was|were|is|are|has been|have been)\s+rejected\b", r"\bwe\s+(?:have\s+)?"
            r"rejected\b", rf"{_START}rejected\b"),
           (rf"\b(?:was|were|is|are|has been|have been|had been|will be)\s+(?:(?:partly|"
            rf"partially|fully)\s+)?{_EN_VERBS}",
            r"\bwe\s+(?:have\s+)?(?:included|incorporated|accepted|adopted|took up)\b",
            rf"{_START}(?:(?:partly|partially)\s+)?{_EN_VERBS}",
            r"\b(?:merged|integrated)\s+into\b")),
    "es": ((rf"\bno\s+(?:se\s+(?:ha\s+|han\s+)?|fue\s+|fueron\s+|ha\s+sido\s+|han\s+sido\s+|"
            rf"será\s+|serán\s+|quedó\s+|queda\s+)?{_ES_VERBS}",
            r"\b(?:rechazad[oa]s?|se\s+rechaz[aó]|rechazamos|descartad[oa]s?|"
            r"se\s+descart[aó])\b"),
           (rf"\b(?:se\s+(?:ha\s+|han\s+)?|fue\s+|fueron\s+|ha\s+sido\s+|han\s+sido\s+|"
            rf"quedó\s+|queda\s+|parcialmente\s+){_ES_VERBS}",
            r"\b(?:incluimos|incorporamos|aceptamos|acogimos|integramos|adoptamos)\b",
            rf"{_START}(?:incluid|incorporad|aceptad|acogid)[oa]s?\b")),
    "pt": ((rf"\bnão\s+(?:foi\s+|foram\s+|será\s+|serão\s+|é\s+|são\s+|ficou\s+)?{_PT_VERBS}",
            r"\b(?:rejeitad[oa]s?|rejeitamos|descartad[oa]s?)\b"),
           (rf"\b(?:foi\s+|foram\s+|ficou\s+|será\s+|serão\s+|parcialmente\s+){_PT_VERBS}",
            r"\b(?:incluímos|incorporamos|aceitamos|acolhemos|integramos|adotamos)\b",
            rf"{_START}(?:incluíd|incorporad|aceit|acolhid)[oa]s?\b")),
    "fr": ((rf"\bn'\s*(?:a|ont|est|sont)\s+pas\s+(?:été\s+)?(?:retenu\w*|{_FR_VERBS})",
            rf"\bne\s+(?:sera|seront|peut|pourra|pourront|fut)\s+pas\s+(?:être\s+)?"
            rf"(?:retenu\w*|{_FR_VERBS})",
            rf"\bnon\s+(?:retenu\w*|{_FR_VERBS})", r"\b(?:rejetée?s?|écartée?s?)\b"),
           (rf"\b(?:a|ont)\s+été\s+(?:(?:partiellement|en partie)\s+)?(?:retenu\w*|"
            rf"{_FR_VERBS})",
            rf"\b(?:est|sont)\s+(?:(?:partiellement|en partie)\s+)?{_FR_VERBS}",
            r"\bnous\s+avons\s+(?:inclu|intégr|incorpor|adopt|accept|retenu)\w*",
            rf"{_START}(?:retenue?s?|incluse?s?|intégrée?s?|acceptée?s?)\b")),
}


@dataclass(frozen=True)
class Contradiction:
    """A response in `language` whose `words` say the opposite of its decision."""

    language: str
    words: tuple[str, ...]


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    negative, positive = WORDS[language]
    return (re.compile("|".join(f"(?:{p})" for p in negative)),
            re.compile("|".join(f"(?:{p})" for p in positive)))


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(text.replace("’", "'").replace("`", "'").split())


def said(language: str, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(phrases saying not included, phrases saying included) in `text`: the second sought
    with the first taken out, so a negated phrase is never read as its opposite."""
    negative, positive = _patterns(language)
    text = _normal(text)
    denied = tuple(match.group(0).strip(" .;:!?¡¿") for match in negative.finditer(text))
    rest = negative.sub(" | ", text)
    granted = tuple(match.group(0).strip(" .;:!?¡¿") for match in positive.finditer(rest))
    return denied, granted


def contradiction(decision: object, language: str, text: str) -> Contradiction | None:
    """Whether the response `text` in `language` says the opposite of `decision` (include
    or reject); None when it does not, or the language or decision is not judged."""
    if decision not in ("include", "reject") or language not in WORDS:
        return None
    denied, granted = said(language, text)
    if decision == "include" and denied and not granted:
        return Contradiction(language, denied)
    if decision == "reject" and granted and not denied:
        return Contradiction(language, granted)
    return None

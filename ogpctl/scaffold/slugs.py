"""Ids made from names: lowercase ASCII words joined by hyphens, in any script.

A commitment's id is the slug of its file name, and contributions and the self-assessment
name commitments by it, so two commitments must never get the same one. Titles in Arabic,
Chinese or Russian are transliterated (anyascii) rather than dropped; a title with nothing
to transliterate falls back to `commitment-N`, unique in its plan by its number.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

from ogpctl.record.kinds import MAX_SLUG

#: Slugs stop at a whole word before this length, well under the record's MAX_SLUG.
WORDS_LENGTH = 48


def slugify(text: str, fallback: str) -> str:
    """An id of lowercase ASCII letters, digits and hyphens made from `text`, `fallback`
    when `text` has no letter or digit in any script."""
    words = re.findall(r"[a-z0-9]+", _ascii(text).lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > WORDS_LENGTH:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug[:MAX_SLUG] or fallback


def commitment_slug(title: str, number: int) -> str:
    """The id of commitment `number` titled `title`: `commitment-N` when the title gives
    no word, so that two such commitments of a plan never share an id."""
    return slugify(title, f"commitment-{number}")


def _ascii(text: str) -> str:
    """`text` in ASCII letters: accents dropped, other scripts transliterated, symbols
    (emoji, punctuation) left out. Chinese and Japanese characters, written without spaces,
    become one word each."""
    parts: list[str] = []
    for char in unicodedata.normalize("NFKC", text):
        if char.isascii():
            parts.append(char)
        elif unicodedata.category(char)[0] in "LMN":   # Thai vowels and signs are marks
            latin = anyascii(char)
            wide = unicodedata.east_asian_width(char) in "WF" and latin[:1].isupper()
            parts.append(f" {latin} " if wide else latin)
        else:
            parts.append(" ")
    return "".join(parts)

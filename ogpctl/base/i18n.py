"""Labels, fixed sentences, dates and numbers in the document's language.

Labels come from gettext catalogues (`templates/locales/<lang>/LC_MESSAGES/ogpctl.po`); a
language without a catalogue gets English labels. `make` compiles each into an `ogpctl.mo`
beside it (`python -m ogpctl.base.i18n`, git-ignored) that holds the SHA-256 of the .po it
was made from and Babel's version; a command reads the .mo only when that digest is the
.po's as it is now, and otherwise compiles the .po in memory with Babel (25 ms a
catalogue), so a stale, damaged or missing .mo is never used and nothing is written at
run time. Dates and numbers follow the locale's CLDR conventions (Babel), and the script
direction comes from CLDR too, so Arabic, Hebrew or Urdu documents run right to left.
CLDR has no ordinal for the first day of a month, which French writes: `FIRST_DAY` adds
it ("1er avril 2027").
"""

from __future__ import annotations

import gettext
import hashlib
import io
import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

import babel
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from ogpctl.base.errors import UsageError
from ogpctl.base.resources import data_dir

DOMAIN = "ogpctl"
#: The message of a compiled catalogue that holds the SHA-256 of its .po (hex), under a
#: context no label uses: `compiled_catalogue`, `_compiled`.
SOURCE_DIGEST = ("ogpctl-compiled", "po-sha256")

#: What a language writes after the first day of a month, by language: French "1er avril
#: 2027" (CLDR's patterns, and so Babel, write "1 avril 2027").
FIRST_DAY = {"fr": "er"}
#: The comma a language puts between the items of a list, where it is not ", ": the
#: Arabic comma for the languages written in Arabic script, the ideographic comma for
#: Chinese and Japanese (CLDR's list patterns join with a word, "و", in Arabic).
LIST_SEPARATOR = {"ar": "، ", "fa": "، ", "ur": "، ", "ps": "، ", "zh": "、", "ja": "、"}
#: The semicolon a language puts between groups of items that hold commas themselves
#: ("2.2; 5.2", a status; a date), where it is not "; ": the Arabic semicolon, the
#: full-width one in Chinese.
GROUP_SEPARATOR = {"ar": "؛ ", "fa": "؛ ", "ur": "؛ ", "ps": "؛ ", "zh": "；"}
_PATTERN_DAY = re.compile(r"'(?:[^']|'')*'|d+")


@cache
def catalogue_languages() -> tuple[str, ...]:
    base = data_dir("templates") / "locales"
    return tuple(sorted(p.parent.parent.name for p in base.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


def label_languages() -> tuple[str, ...]:
    """The languages ogpctl writes its labels in: English and every message catalogue."""
    return tuple(sorted({"en", *catalogue_languages()}))


def has_catalogue(lang: str) -> bool:
    """Whether ogpctl writes its labels in `lang` or in its base language (fr-CA has
    French labels)."""
    return lang in label_languages() or lang.split("-")[0] in label_languages()


def usable_language(lang: str, written: Sequence[str], *, readers: bool = False,
                    what: str = "--lang") -> str:
    """`lang` when a command may use it for a record written in `written`; else a
    UsageError saying which it may. The one convention of every `--lang`: a command that
    writes texts into the record (progress, import, translate) takes a language the record
    is written in; a command that writes for readers (render, deadlines, status, review) also takes
    one ogpctl has labels in (`has_catalogue`): labels, dates and numbers in it, the
    record's texts in English and marked as such."""
    if lang in written or (readers and has_catalogue(lang)):
        return lang
    refused = f"{what} {lang}: not a language of this record (ogp.yaml: {', '.join(written)})"
    if not readers:
        raise UsageError(f"{refused}; add it to ogp.yaml languages first")
    raise UsageError(f"{refused}, nor one ogpctl has labels in "
                     f"({', '.join(label_languages())})")


def catalogue_path(lang: str, suffix: str = ".po") -> Path:
    """Where the catalogue of `lang` is (its .po), or its compiled .mo with `suffix`."""
    return data_dir("templates") / "locales" / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@cache
def labels_language(lang: str) -> str:
    """The language ogpctl's own words are in for a reader of `lang`: `lang` when ogpctl
    has labels in it, else English; dates, numbers and language names follow it, so that
    no sentence is English with Georgian dates in it."""
    return lang if has_catalogue(lang) else "en"


@cache
def _translations(lang: str) -> gettext.NullTranslations:
    for candidate in (lang, lang.split("-")[0]):
        path = catalogue_path(candidate)
        if path.is_file():
            return load_catalogue(path, catalogue_path(candidate, ".mo"), candidate)
    return gettext.NullTranslations()


def load_catalogue(po: Path, mo: Path, lang: str) -> gettext.GNUTranslations:
    """The catalogue `po` of `lang`: from `mo` when that was compiled from `po` as it is
    now, else compiled from `po` here."""
    source = po.read_bytes()
    found = _compiled(mo, source)
    if found is None:
        found = gettext.GNUTranslations(io.BytesIO(_mo_bytes(source, lang, with_digest=False)))
    return found


def _compiled(path: Path, source: bytes) -> gettext.GNUTranslations | None:
    """The .mo `make` compiled from `source`, None when there is none, it cannot be read,
    or it was compiled from another .po (its `SOURCE_DIGEST` is not the digest of
    `source`)."""
    try:
        translations = gettext.GNUTranslations(io.BytesIO(path.read_bytes()))
    except (OSError, ValueError, LookupError, struct.error):
        return None
    if translations.pgettext(*SOURCE_DIGEST) != _digest(source):
        return None
    return translations


def _mo_bytes(source: bytes, lang: str, *, with_digest: bool) -> bytes:
    """The .po `source` compiled by Babel; `with_digest`, holding its SHA-256."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(source), locale=lang, domain=DOMAIN)
    if with_digest:
        context, message = SOURCE_DIGEST
        catalog.add(message, _digest(source), context=context)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    return compiled.getvalue()


def _digest(source: bytes) -> str:
    """What a compiled catalogue holds of the .po it was made from: the SHA-256 of the
    .po with the version of Babel that compiled it."""
    return hashlib.sha256(f"babel {babel.__version__}\n".encode() + source).hexdigest()


def compiled_catalogue(po: Path, lang: str) -> bytes:
    """The .mo of the catalogue `po` of `lang` as `make` writes it: with the digest of
    `po`."""
    return _mo_bytes(po.read_bytes(), lang, with_digest=True)


def compile_catalogues() -> list[Path]:
    """Write the .mo beside every catalogue whose .mo is missing or not its own (`make`);
    the files written."""
    from ogpctl.base.confined import open_folder

    written = []
    for lang in catalogue_languages():
        path = catalogue_path(lang, ".mo")
        if _compiled(path, catalogue_path(lang).read_bytes()) is not None:
            continue
        data = compiled_catalogue(catalogue_path(lang), lang)
        with open_folder(path.parents[2], (lang, "LC_MESSAGES")) as folder:
            folder.replace(folder.temporary(path.name, data, 0o644), path.name)
        written.append(path)
    return written


@cache
def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


@cache
def long_date_pattern(locale: Locale, first_day: bool = False) -> str:
    """The CLDR pattern of a long date in `locale`; for the first day of a month, with the
    ordinal of `FIRST_DAY` after the day ("d'er' MMMM y" in French). Importers read dates
    with the same patterns."""
    pattern: str = locale.date_formats["long"].pattern
    suffix = FIRST_DAY.get(locale.language) if first_day else None
    if suffix is None:
        return pattern
    return _PATTERN_DAY.sub(lambda part: part.group() + f"'{suffix}'"
                            if part.group() == "d" else part.group(), pattern)


@lru_cache(maxsize=8192)
def _long_date(code: str, day: date) -> str:
    """A date in full in the language: Babel takes 0.1 ms a call and a website shows the
    same few hundred dates thousands of times."""
    locale = _locale(code)
    return format_date(day, format=long_date_pattern(locale, day.day == 1), locale=locale)


@lru_cache(maxsize=8192, typed=True)
def _decimal(code: str, value: float) -> str:
    """A number in the language's digits and separators (Babel, cached as dates are)."""
    return format_decimal(value, locale=_locale(code))


@dataclass(frozen=True)
class Language:
    """Everything a builder needs to say things in one language."""

    code: str

    def _(self, message: str, **values: object) -> str:
        text = _translations(self.code).gettext(message)
        return text.format(**values) if values else text

    def n_(self, singular: str, plural: str, count: int, **values: object) -> str:
        text = _translations(self.code).ngettext(singular, plural, count)
        return text.format(count=self.number(count), **values)

    def date(self, day: date | None) -> str:
        """A day as the language writes it in running text: "1er avril 2027", "April 1,
        2027"; "" for None. Every date a document, the site or a review writes in words
        comes from here."""
        return _long_date(labels_language(self.code), day) if day else ""

    def join(self, items: Iterable[str], *, semicolon: bool = False) -> str:
        """Items as the language lists them: "Transparence, Participation", "الشفافية،
        المساءلة"; with `semicolon`, groups that hold commas themselves ("2.2؛ 5.2" in
        Arabic). Every list or pair of pieces a document, the site, a screen or a review
        writes in running text is joined here."""
        return self.separator(semicolon=semicolon).join(items)

    def separator(self, *, semicolon: bool = False) -> str:
        """What `join` puts between two pieces, with its space: ", " or "; " in English."""
        base = self.code.split("-")[0]
        return GROUP_SEPARATOR.get(base, "; ") if semicolon else LIST_SEPARATOR.get(base, ", ")

    def number(self, value: float) -> str:
        return _decimal(labels_language(self.code), value)

    def percent(self, value: float) -> str:
        return format_percent(value, locale=_locale(labels_language(self.code)))

    @property
    def locale(self) -> Locale:
        """Babel's locale for the language (English for a code Babel does not know): every
        Babel call takes it from here, so no record value reaches Babel unchecked."""
        return _locale(self.code)

    @property
    def rtl(self) -> bool:
        return _locale(self.code).character_order == "right-to-left"

    def isolate(self, text: str) -> str:
        """`text` held in its own direction inside this language's lines: between a
        first-strong isolate and its closing mark (U+2068 … U+2069) in a right-to-left
        language, so an English message, a path or "MR 2.2, 5.3.a" keeps its order in an
        Arabic line; as it is in a left-to-right language."""
        return f"\u2068{text}\u2069" if text and self.rtl else text

    @property
    def name(self) -> str:
        """The language's own name for itself, such as español or ქართული (what its
        reader looks for in a language switcher, labels or not)."""
        return _locale(self.code).get_display_name(_locale(self.code)) or self.code

    def name_in(self, other: str) -> str:
        """The language's name in another language: English in Spanish is inglés."""
        return _locale(self.code).get_display_name(_locale(labels_language(other))) or self.code


if __name__ == "__main__":   # `make locales`
    for made in compile_catalogues():
        print(f"  compiled  {made}")

"""The words sources use for statuses and dates, read into the record's codes and ISO
dates, or refused with the reason.

A status is one of the record's codes (`not-started`, `in-progress`, `completed`,
`withdrawn`) or a word of `STATUS_WORDS`; a mapping file's `statuses` adds its own. A date
is ISO (2027-06-30), or numeric with the order the source states (a mapping's
`date-format`, or day first in a document written in Spanish, French or Portuguese), or a
day and month written in words (30 June 2027, 30 de junio de 2027). Written dates follow
the CLDR patterns and month names (Babel) of every language ogpctl writes documents in and
of the source's own language (Georgian, when a record is written in it), the same ones
`Language.date` formats with, so whatever ogpctl writes it reads back; the note ogpctl
writes after an amended date ("Originally 31 October 2028 (amended)", in every catalogue
language) is not part of it. A month alone ("June 2027") or a quarter ("Q3 2027") is its
last day as a due date or an end, its first day as a start, and said so. A mapping's
`date-format` decides numeric text only: ISO dates (and real spreadsheet dates), and dates
in words, are read without it. Words saying a task has no date ("ongoing", "permanent")
are `Undated`. Anything else is reported, never guessed.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, datetime
from functools import cache

from ogpctl.base.i18n import Language, catalogue_languages, long_date_pattern
from ogpctl.importers.contribution_columns import key

STATUSES = ("not-started", "in-progress", "completed", "withdrawn")
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "not-started": ("not started", "pending", "planned", "no iniciado", "sin iniciar",
                    "pendiente", "por iniciar", "no iniciada", "non commence", "non demarre",
                    "a venir", "nao iniciado", "nao iniciada", "pendente"),
    "in-progress": ("in progress", "ongoing", "started", "underway", "under way", "on track",
                    "delayed", "behind schedule", "en curso", "en progreso", "en proceso",
                    "en ejecucion", "iniciado", "iniciada", "en desarrollo", "retrasado",
                    "en cours", "commence", "en retard", "em andamento", "em curso",
                    "iniciado", "atrasado", "em execucao"),
    "completed": ("complete", "completed", "done", "finished", "achieved", "completado",
                  "completada", "cumplido", "cumplida", "finalizado", "finalizada",
                  "terminado", "terminada", "acheve", "termine", "realise", "complete e",
                  "concluido", "concluida", "cumprido", "finalizado"),
    "withdrawn": ("withdrawn", "cancelled", "canceled", "dropped", "retirado", "retirada",
                  "cancelado", "cancelada", "eliminado", "abandonne", "annule", "retire",
                  "cancelado", "retirado"),
}
#: Month names some sources write that CLDR does not list.
_OTHER_MONTHS = {"sept": 9, "setiembre": 9}
#: Languages whose numeric dates put the day first.
DAY_FIRST = frozenset({"es", "fr", "pt", "it", "de", "ar", "ru"})

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?")
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_WORDS = re.compile(r"(?:(\d{1,2}) )?(?:de )?([^\W\d_]+)\.? (?:de |of )?(\d{4})")
_QUARTER = re.compile(r"(?:q|t|tr|trim|trimestre|quarter) ?([1-4]) ?(\d{4})"
                      r"|(\d{4}) ?(?:q|t) ?([1-4])"
                      r"|([1-4]) ?(?:o|a|do|er|re|e|eme|ieme|nd|st|rd|th)? ?"
                      r"(?:q|t|tr|trim|trimestre|quarter) (?:(?:de|of|du) )?(\d{4})"
                      r"|([1-4]) ?(?:q|t)(\d{4})")
#: Quarters written in words or Roman numerals: "segundo trimestre de 2026", "third
#: quarter of 2026", "II trimestre 2026".
_QUARTER_WORDS = re.compile(
    r"(primer|primero|primeiro|premier|first|segundo|deuxieme|second|tercer|tercero|"
    r"terceiro|troisieme|third|cuarto|quarto|quatrieme|fourth|i|ii|iii|iv) "
    r"(?:o |er |do |e |eme )?(?:trimestre|quarter) "
    r"(?:(?:de|of|du) )?(\d{4})")
_ORDINALS = {"primer": 1, "primero": 1, "primeiro": 1, "premier": 1, "first": 1,
             "segundo": 2, "deuxieme": 2, "second": 2, "tercer": 3, "tercero": 3,
             "terceiro": 3, "troisieme": 3, "third": 3, "cuarto": 4, "quarto": 4,
             "quatrieme": 4, "fourth": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4}
#: Words a source writes for a task without a date of its own (as `plain_key` writes them).
NO_DATE_WORDS = frozenset({
    "ongoing", "on going", "continuous", "continuing", "permanent", "throughout",
    "tbd", "tba", "to be determined", "to be defined", "to be confirmed", "n a", "na",
    "en curso", "continuo", "continua", "permanente", "por definir", "a definir",
    "a determinar", "por determinar", "en continu", "continu", "en cours", "a determiner",
    "a preciser", "em curso", "em andamento",
    "მიმდინარე", "მუდმივი", "მუდმივად"})
_WORDS_US = re.compile(r"([^\W\d_]+)\.? (\d{1,2}),? (\d{4})")
#: A CLDR date pattern's parts: a quoted literal, a run of one field letter, any other sign.
_PATTERN_PART = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|\s+|.")


def shipped_languages() -> tuple[str, ...]:
    """The languages ogpctl writes documents in: English and every message catalogue."""
    return tuple(dict.fromkeys(("en", *catalogue_languages())))


@cache
def months(lang: str) -> dict[str, int]:
    """Month names in `lang` (wide and abbreviated, in a date and standing alone, as
    `plain_key` writes them) and their numbers."""
    from babel.dates import get_month_names

    locale = Language(lang).locale
    found: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale).items():
                found.setdefault(plain_key(name), number)
    return found


@cache
def any_month() -> dict[str, int]:
    """Month names of every shipped language, and the first three letters of each."""
    found = dict(_OTHER_MONTHS)
    for lang in shipped_languages():
        for name, number in months(lang).items():
            found.setdefault(name, number)
    for name, number in list(found.items()):
        if len(name) > 3:
            found.setdefault(name[:3], number)
    return found


@cache
def _written_dates(lang: str) -> tuple[re.Pattern[str], ...]:
    """The locale's long (with the first day's ordinal too: "1er avril 2027"), full and
    medium date patterns as regular expressions."""
    from babel.dates import get_day_names

    locale = Language(lang).locale
    days = sorted({name for width in ("wide", "abbreviated")
                   for name in get_day_names(width, "format", locale).values()}, key=len)
    weekday = "(?:" + "|".join(re.escape(d) for d in reversed(days)) + r")\.?"
    patterns = dict.fromkeys((long_date_pattern(locale), long_date_pattern(locale, True),
                              *(locale.date_formats[width].pattern
                                for width in ("full", "medium"))))
    return tuple(_pattern(pattern, weekday) for pattern in patterns)


def _pattern(cldr: str, weekday: str) -> re.Pattern[str]:
    parts = []
    for found in _PATTERN_PART.finditer(cldr):
        part, letter = found.group(0), found.group(1)
        if part.startswith("'"):
            parts.append(re.escape(part[1:-1].replace("''", "'") or "'"))
        elif letter in ("d",):
            parts.append(r"(?P<day>\d{1,2})")
        elif letter in ("M", "L"):
            parts.append(r"(?P<month>\d{1,2})" if len(part) <= 2 else
                         r"(?P<name>[^\W\d_][^\d,]*?)\.?")
        elif letter in ("y", "u"):
            parts.append(r"(?P<year>\d{4})")
        elif letter in ("E", "c"):
            parts.append(weekday)                   # said, and not read
        elif letter:
            parts.append(r"[^\W\d_]+\.?")           # an era
        elif part.isspace():
            parts.append(r"\s+")
        else:
            parts.append(r"\s*" + re.escape(part) + r"\s*")
    return re.compile("".join(parts), re.IGNORECASE)


class Unreadable(ValueError):
    """A value a source writes that cannot be read as what it should be."""


class Undated(Unreadable):
    """A date cell that says, in words, that there is no date ("ongoing")."""


def status_of(text: str, extra: dict[str, str] | None = None) -> str:
    """The record's status code for a status cell; Unreadable when it is none."""
    wanted = key(text)
    for word, code in (extra or {}).items():
        if key(word) == wanted:
            return code
    for code, words in STATUS_WORDS.items():
        if wanted == key(code) or wanted in (key(w) for w in words):
            return code
    raise Unreadable(f"{text!r} is not a status this importer knows (known: "
                     f"{', '.join(STATUSES)} and their usual words); name it in the "
                     "mapping's statuses")


def date_of(text: str, lang: str | None = None, date_format: str | None = None, *,
            start: bool = False) -> tuple[str, str | None]:
    """The ISO date a cell writes, and a note when only its month or quarter was given (its
    first day when `start`, else its last); Unreadable when it is no date or its order is
    ambiguous, Undated when it says there is none."""
    text = without_notes(" ".join("".join(ch for ch in text
                                          if unicodedata.category(ch) != "Cf").split()))
    found = _ISO.fullmatch(text)
    if found:
        return _day(text, *map(int, found.groups())), None
    if plain_key(text) in NO_DATE_WORDS:
        raise Undated(f"{text!r} gives no date")
    numeric = _NUMERIC.fullmatch(text)
    if date_format and (numeric or not _has_letters(text)):
        try:
            return datetime.strptime(text, date_format).date().isoformat(), None
        except ValueError:
            raise Unreadable(f"{text!r} does not match the date format "
                             f"{date_format!r}") from None
    if numeric:
        first, second, year = map(int, numeric.groups())
        return _numeric(text, first, second, year, lang=lang), None
    written = _as_written(text, lang)
    if written:
        return written, None
    try:
        return _in_words(text, lang, start)
    except Unreadable:
        if date_format:
            try:
                return datetime.strptime(text, date_format).date().isoformat(), None
            except ValueError:
                pass
        raise


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


@cache
def _amended_notes() -> tuple[re.Pattern[str], ...]:
    """What ogpctl writes after an amended milestone's date, in every catalogue language:
    "Originally {date} (amended)"."""
    found = []
    for lang in shipped_languages():
        said = Language(lang)._("Originally {date} (amended)", date="\x00")
        before, _, after = said.partition("\x00")
        if not before.strip():
            continue        # a note opening with the date: no word tells it from the date
        found.append(re.compile(r"\s*" + r"\s*".join(re.escape(w) for w in before.split())
                                + r"\s*\S.*?\s*" +
                                r"\s*".join(re.escape(w) for w in after.split()) + r"\s*$",
                                re.IGNORECASE | re.DOTALL))
    return tuple(found)


def without_notes(text: str) -> str:
    """A date cell without the note ogpctl writes after an amended date."""
    for note in _amended_notes():
        found = note.search(text)
        if found and found.start() > 0:
            return text[:found.start()].strip()
    return text


def _as_written(text: str, lang: str | None) -> str | None:
    """The date `text` writes in a CLDR pattern of `lang` (of any shipped language when
    the source's language is not known), as `Language.date` writes dates."""
    for language in (lang,) if lang else shipped_languages():
        names = months(language)
        for pattern in _written_dates(language):
            found = pattern.fullmatch(text)
            if not found:
                continue
            parts = found.groupdict()
            month = int(parts["month"]) if parts.get("month") else \
                names.get(plain_key(parts.get("name") or ""))
            if month and parts.get("day") and parts.get("year"):
                return _day(text, int(parts["year"]), month, int(parts["day"]))
    return None


def _numeric(text: str, first: int, second: int, year: int, lang: str | None) -> str:
    if first > 12:
        return _day(text, year, second, first)
    if second > 12:
        return _day(text, year, first, second)
    if first == second:
        return _day(text, year, first, first)
    if lang is None:
        raise Unreadable(f"{text!r} can be read day first or month first; give the "
                         "mapping's date-format (such as %d/%m/%Y)")
    day_first = lang.split("-")[0] in DAY_FIRST
    return _day(text, year, second, first) if day_first else _day(text, year, first, second)


def _in_words(text: str, lang: str | None, start: bool) -> tuple[str, str | None]:
    plain = plain_key(text)
    month_of = {**(months(lang) if lang else {}), **any_month()}
    found = _WORDS.fullmatch(plain)
    if found and found.group(2) in month_of:
        day, month, year = found.group(1), month_of[found.group(2)], int(found.group(3))
        if day:
            return _day(text, year, month, int(day)), None
        return _span(text, "a month", year, month, month, start)
    quarter = _QUARTER.fullmatch(plain)
    worded = None if quarter else _QUARTER_WORDS.fullmatch(plain)
    if quarter or worded:
        number, year = _quarter_parts(quarter.groups()) if quarter else \
            (_ORDINALS[worded.group(1)], int(worded.group(2)))   # type: ignore[union-attr]
        return _span(text, "a quarter", year, 3 * number - 2, 3 * number, start)
    found = _WORDS_US.fullmatch(plain)
    if found and found.group(1) in month_of:
        return _day(text, int(found.group(3)), month_of[found.group(1)],
                    int(found.group(2))), None
    raise Unreadable(f"{text!r} is not a date (such as 2027-06-30 or 30 June 2027)")


def _quarter_parts(groups: tuple[str | None, ...]) -> tuple[int, int]:
    """(quarter, year) of "Q3 2027", "2027 Q3", "3T 2027", "2.º trimestre 2027" or
    "3T2027"."""
    pairs = [(groups[0], groups[1]), (groups[3], groups[2]), (groups[4], groups[5]),
             (groups[6], groups[7])]
    number, year = next(pair for pair in pairs if pair[0])
    return int(number or 0), int(year or 0)


def _span(text: str, what: str, year: int, first: int, last: int, start: bool
          ) -> tuple[str, str]:
    """The first day of month `first` (a start) or the last of month `last` (a due date, an
    end) of a month or quarter a cell names, and the note saying so."""
    if not 1 <= year <= 9999:
        raise Unreadable(f"{text!r} is not a day of the calendar")
    if start:
        day = _day(text, year, first, 1)
        return day, f"{text!r} names {what}: read as its first day, {day} (a start)"
    day = _day(text, year, last, calendar.monthrange(year, last)[1])
    return day, f"{text!r} names {what}: read as its last day, {day}"


def _day(text: str, year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise Unreadable(f"{text!r} is not a day of the calendar") from None


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})


def plain_key(text: str) -> str:
    """Words compared without case, accents or punctuation, in any script: "Données
    d'appui" -> "donnees d appui", "المُلتزِم" -> "الملتزم"."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def label_key(text: str) -> str:
    """A label compared without case, accents, punctuation, numbering or a hint in
    brackets: "4.1. **Commitment Lead** (ministry)" -> "commitment lead"."""
    text = re.sub(r"[(（][^)）]*[)）]?", " ", text)
    words = plain_key(text)
    return re.sub(r"^(?:(?:[0-9]+|[ivx]+|[a-h])\s)+", "", words).strip()

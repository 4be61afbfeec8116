"""The words sources use for statuses and dates, in English, Spanish, French and
Portuguese, read into the record's codes and ISO dates, or refused with the reason.

A status is one of the record's codes (`not-started`, `in-progress`, `completed`,
`withdrawn`) or a word of `STATUS_WORDS`; a mapping file's `statuses` adds its own. A date
is ISO (2027-06-30), or numeric with the order the source states (a mapping's
`date-format`, or day first in a document written in Spanish, French or Portuguese), or a
day and month written in words (30 June 2027, 30 de junio de 2027). A month alone ("June
2027") is the last day of that month, and said so. Anything else is reported, never guessed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

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
_MONTHS = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "fr": ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
           "septembre", "octobre", "novembre", "decembre"),
    "pt": ("janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
}
MONTH = {name: number for names in _MONTHS.values() for number, name in enumerate(names, 1)}
MONTH.update({"sept": 9, "setiembre": 9})
MONTH.update({name[:3]: number for name, number in list(MONTH.items()) if len(name) > 3
              and name[:3] not in MONTH})
#: Languages whose numeric dates put the day first.
DAY_FIRST = frozenset({"es", "fr", "pt", "it", "de", "ar", "ru"})

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?")
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_WORDS = re.compile(r"(?:(\d{1,2}) )?(?:de )?([a-z]+)\.? (?:de |of )?(\d{4})")
_WORDS_US = re.compile(r"([a-z]+)\.? (\d{1,2}),? (\d{4})")


class Unreadable(ValueError):
    """A value a source writes that cannot be read as what it should be."""


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


def date_of(text: str, lang: str | None = None, date_format: str | None = None
            ) -> tuple[str, str | None]:
    """The ISO date a cell writes, and a note when only its month was given; Unreadable
    when it is no date or its order is ambiguous."""
    text = text.strip()
    if date_format:
        try:
            return datetime.strptime(text, date_format).date().isoformat(), None
        except ValueError:
            raise Unreadable(f"{text!r} does not match the date format "
                             f"{date_format!r}") from None
    found = _ISO.fullmatch(text)
    if found:
        return _day(text, *map(int, found.groups())), None
    found = _NUMERIC.fullmatch(text)
    if found:
        first, second, year = map(int, found.groups())
        return _numeric(text, first, second, year, lang=lang), None
    return _in_words(text)


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


def _in_words(text: str) -> tuple[str, str | None]:
    plain = key(text)
    found = _WORDS.fullmatch(plain)
    if found and found.group(2) in MONTH:
        day, month, year = found.group(1), MONTH[found.group(2)], int(found.group(3))
        if day:
            return _day(text, year, month, int(day)), None
        last = calendar.monthrange(year, month)[1]
        return _day(text, year, month, last), (f"{text!r} names a month: read as its last "
                                               f"day, {year}-{month:02d}-{last:02d}")
    found = _WORDS_US.fullmatch(plain)
    if found and found.group(1) in MONTH:
        return _day(text, int(found.group(3)), MONTH[found.group(1)], int(found.group(2))), None
    raise Unreadable(f"{text!r} is not a date (such as 2027-06-30 or 30 June 2027)")


def _day(text: str, year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise Unreadable(f"{text!r} is not a day of the calendar") from None


def label_key(text: str) -> str:
    """A label compared without case, accents, punctuation, numbering or a hint in
    brackets: "4.1. **Commitment Lead** (ministry)" -> "commitment lead"."""
    text = re.sub(r"\([^)]*\)?", " ", text)
    words = key(text)
    return re.sub(r"^(?:(?:[0-9]+|[ivx]+|[a-h])\s)+", "", words).strip()

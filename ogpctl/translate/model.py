"""What travels between a record and a translator: entries going out, units coming back,
and the context string that names the place of a text in the record.

A text field's context is `<file>#<path>`, the path's keys and list indices joined by `/`
(`plans/2026-2030/commitments/01-x.yaml#milestones/0/title`); a plan section's context is
the path of the section file in the target language
(`plans/2026-2030/sections/introduction.es.md`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ogpctl.base.errors import UsageError
from ogpctl.record.model import Record
from ogpctl.record.text import language_name


class MalformedTranslations(UsageError):
    """A translation file with a malformed entry, named by file and line: a finding in the
    file (exit 1), where a file that is not one at all is a usage error (exit 2)."""

    exit_code = 1


UNTRANSLATED = "untranslated"
CHANGED = "changed"

_INDEX = re.compile(r"[0-9]{1,9}")   # ASCII digits only: int() takes "٣" and refuses "²"

#: A language code as the schemas allow it (and so safe in a file name).
LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class Entry:
    """One text to translate, as exported."""

    context: str
    file: str           # the record file holding the source text, for the location comment
    line: int
    field: str          # the field's name, for the translator
    source: str
    source_lang: str
    target: str         # the current translation ("" when untranslated)
    state: str          # UNTRANSLATED or CHANGED

    @property
    def note(self) -> str:
        """Said to the translator: that the source changed since it was translated, and
        which language the source is in when it is not English."""
        source = "" if self.source_lang == "en" else \
            f"The source is the {language_name(self.source_lang)} text"
        if self.state == CHANGED:
            changed = "The source text changed since it was translated: check the " \
                "translation against it."
            return f"{changed} {source}." if source else changed
        return f"{source}: this entry has no English text yet." if source else ""


@dataclass(frozen=True)
class Unit:
    """One translation read back from a PO or XLIFF file."""

    context: str
    source: str
    target: str
    fuzzy: bool         # marked for review: not imported
    line: int           # where the entry starts in the PO or XLIFF file


@dataclass(frozen=True)
class Translations:
    lang: str | None
    units: list[Unit]


def field_context(file: str, path: tuple[Any, ...]) -> str:
    return f"{file}#" + "/".join(str(step) for step in path)


def parse_field_context(context: str) -> tuple[str, tuple[str | int, ...]] | None:
    """(file, path) of a text field's context, or None when it is not one."""
    file, sep, rest = context.partition("#")
    if not sep or not file or not rest:
        return None
    steps = rest.split("/")
    if any(not step for step in steps):
        return None
    return file, tuple(int(step) if _INDEX.fullmatch(step) else step for step in steps)


def record_languages(record: Record) -> tuple[str, ...]:
    """English, the administrative languages, and the default language."""
    return record.languages.written


def check_language(record: Record, lang: str | None, what: str = "--lang") -> str:
    """`lang` when it is a language of the record; else a UsageError saying which are."""
    known = record_languages(record)
    if not lang:
        raise UsageError(f"{what}: no language given; the record's languages are "
                         f"{', '.join(known)}")
    if not LANGUAGE.fullmatch(lang):
        raise UsageError(f"{what} {lang!r}: not a language code such as es")
    from ogpctl.base.i18n import usable_language

    return usable_language(lang, known, what=what)


def source_language(record: Record, target: str) -> str:
    """The language translations into `target` start from: English, or the record's default
    language for English itself."""
    source = "en" if target != "en" else record.languages.default
    if source == target:
        raise UsageError(f"{language_name(target)} is the source language of this record; "
                         "choose a language to translate into")
    return source


def language_rank(record: Record):
    """A sort key putting languages in the record's order (English first)."""
    order = {lang: i for i, lang in enumerate(record_languages(record))}
    return lambda lang: (order.get(lang, len(order)), lang)

"""Saying the facts of `deadlines` and `status` in a reader's language.

The convention of every reader's command (docs/cli.md): labels, dates and numbers in the
language; a record text the record has not in it is shown in another, marked "(in
English)" as the documents and the review mark it. English with ISO dates is what
`ogpctl check` quotes, so English says dates as YYYY-MM-DD and loads no catalogue.

Messages are marked with `_` (or `n_`) for the gettext catalogues (`templates/locales/`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ogpctl.record.text import translations


def _(message: str) -> str:
    """Marks a message for the gettext catalogues; `say` translates it."""
    return message


def say(lang: str, message: str, **values: object) -> str:
    """A marked message in `lang`, with `values` put in its {placeholders}. English is the
    language messages are written in, so it loads no catalogue."""
    if lang == "en":
        return message.format(**values) if values else message
    from ogpctl.base.i18n import Language

    return Language(lang)._(message, **values)


def say_count(lang: str, singular: str, plural: str, count: int, **values: object) -> str:
    """A marked plural message (`n_`) in `lang`, the form chosen by `count`."""
    if lang == "en":
        return (singular if count == 1 else plural).format(count=count, **values)
    from ogpctl.base.i18n import Language

    return Language(lang).n_(singular, plural, count, **values)


def n_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a plural message for the gettext catalogues."""
    return singular, plural


class Label(str):
    """A marked message given as the value of another message: said in the language too."""

    __slots__ = ()


def day_in(lang: str, day: date) -> str:
    """A date as a reader of `lang` reads it: ISO in English (what check quotes), in words
    in any other language ("21 janvier 2027")."""
    if lang == "en":
        return day.isoformat()
    from ogpctl.base.i18n import Language

    return Language(lang).date(day)


def number_in(lang: str, value: int) -> str:
    if lang == "en":
        return str(value)
    from ogpctl.base.i18n import Language

    return Language(lang).number(value)


def join_in(lang: str, items: list[str], *, semicolon: bool = False) -> str:
    """Items listed as `lang` lists them ("، " between them in Arabic; "؛ " between groups
    with `semicolon`)."""
    if lang == "en":
        return ("; " if semicolon else ", ").join(items)
    from ogpctl.base.i18n import Language

    return Language(lang).join(items, semicolon=semicolon)


def value_in(lang: str, value: object) -> str:
    """A value of a message in `lang`: dates and numbers as the language writes them,
    labels translated, lists of dates joined."""
    if isinstance(value, Label):
        return say(lang, value)
    if isinstance(value, Said):
        return value.text(lang)
    if isinstance(value, date):
        return day_in(lang, value)
    if isinstance(value, int) and not isinstance(value, bool):
        return number_in(lang, value)
    if isinstance(value, tuple):
        return join_in(lang, [value_in(lang, v) for v in value])
    return str(value)


@dataclass(frozen=True)
class Said:
    """A sentence about the record with its values, to say in any language; with
    `plural`, a plural message whose form `values["count"]` chooses."""

    message: str
    values: tuple[tuple[str, object], ...] = ()
    plural: str = ""

    @classmethod
    def of(cls, message: str, **values: object) -> Said:
        return cls(message, tuple(values.items()))

    @classmethod
    def counted(cls, forms: tuple[str, str], count: int, **values: object) -> Said:
        return cls(forms[0], (("count", count), *values.items()), forms[1])

    def text(self, lang: str) -> str:
        values = {key: value_in(lang, value) for key, value in self.values if key != "count"}
        if not self.plural:
            return say(lang, self.message, **values)
        count = dict(self.values)["count"]
        assert isinstance(count, int)
        return say_count(lang, self.message, self.plural, count, **values)


#: A handbook reference that is a minimum requirement: its number follows these words.
REQUIREMENT = "minimum requirement "


def handbook_in(lang: str, section: str) -> str:
    """A handbook reference ("3.1", "minimum requirement 1.1", the guidance) in `lang`;
    a list of sections ("3.1, 3.1.a", "2.2; 5.2") with the language's comma and
    semicolon."""
    if isinstance(section, Label):
        return say(lang, section)
    if section.startswith(REQUIREMENT):
        return say(lang, _("minimum requirement {section}"),
                   section=sections_in(lang, section.removeprefix(REQUIREMENT)))
    return sections_in(lang, section)


def sections_in(lang: str, sections: str) -> str:
    """Handbook section numbers written "2.2; 5.2" or "3.1, 3.1.a" in the code, joined as
    `lang` joins lists."""
    if lang == "en":
        return sections
    groups = [join_in(lang, group.split(", ")) for group in sections.split("; ")]
    return join_in(lang, groups, semicolon=True)


def record_text(value: Any, lang: str, default: str) -> str:
    """A record text (a title) in `lang`, else in English, else in the record's default
    language (`default`), else in any it has; one in another language than `lang` is
    marked "(in English)" in `lang`, and held between direction marks where its direction
    differs (English in an Arabic line), as the review marks it. "" when there is none."""
    texts = translations(value, default)
    for candidate in (lang, "en", default, *sorted(texts)):
        if candidate in texts:
            text = " ".join(texts[candidate].split())
            return text if candidate == lang else _marked(text, candidate, lang)
    return ""


def _marked(text: str, source: str, lang: str) -> str:
    from ogpctl.base.i18n import Language

    note = say(lang, _("in {language}"), language=Language(source).name_in(lang))
    if Language(source).rtl != Language(lang).rtl:
        mark = "\u200f" if Language(source).rtl else "\u200e"
        text = f"{mark}{text}{mark}"
    return f"{text} ({note})"

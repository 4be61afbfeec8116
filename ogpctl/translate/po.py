"""gettext PO files (Poedit, Weblate, Lokalize, OmegaT...), written and read by Babel.

Each entry: `msgctxt` the context, `msgid` the source, `msgstr` the translation; `#:` the
file and line of the source, `#.` the field's name, `#` a note when the source is not
English, and the flag `fuzzy` when the source changed since the translation was made.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime

from ogpctl.base.errors import UsageError
from ogpctl.record.text import language_name
from ogpctl.translate.model import (
    CHANGED,
    LANGUAGE,
    Entry,
    MalformedTranslations,
    Translations,
    Unit,
)

_LANGUAGE_HEADER = re.compile(rb'^"Language:[ \t]*([^"\\]*)', re.M)

#: Flags Babel guesses from `%s` or `{}` in a text; record texts are not format strings, and
#: a tool checking them as such would complain about ordinary prose ("41% of").
_GUESSED_FLAGS = ("python-format", "python-brace-format")

HEADER = """{language} translations of the OGP record {name}.
Exported by ogpctl. Write each translation in msgstr; an empty
msgstr is skipped. Entries marked fuzzy changed in the source
since they were translated: check them, then remove the mark.
Import with: ogpctl translate import FILE"""


def write_po(entries: list[Entry], lang: str, name: str, today: date) -> bytes:
    from babel.messages.catalog import Catalog, Message
    from babel.messages.pofile import write_po as babel_write

    moment = datetime(today.year, today.month, today.day, tzinfo=UTC)
    try:
        catalog = Catalog(locale=lang.replace("-", "_"), project=f"OGP record {name}",
                          version=today.isoformat(), creation_date=moment, revision_date=moment,
                          fuzzy=False, header_comment=_comment(HEADER.format(
                              language=language_name(lang), name=name)))
    except ValueError:   # a record code Babel cannot read as a locale (ix-VkZ0)
        raise UsageError(f"a PO file cannot name the language {lang!r} (Babel reads no "
                         "locale from it); export it with -f xliff") from None
    for entry in entries:
        message = Message(entry.source, entry.target, locations=[(entry.file, entry.line)],
                          flags=("fuzzy",) if entry.state == CHANGED else (),
                          auto_comments=[f"field: {entry.field}"],
                          user_comments=[entry.note] if entry.note else [],
                          context=entry.context)
        message.flags.difference_update(_GUESSED_FLAGS)
        catalog[entry.source] = message
    stream = io.BytesIO()
    babel_write(stream, catalog, width=76)
    return stream.getvalue()


def _comment(text: str) -> str:
    return "\n".join(f"# {line}" for line in text.splitlines())


_STRING = r'"(?:[^"\\]|\\.)*"'
_LINE = re.compile(rf"(?:(?P<keyword>msgctxt|msgid_plural|msgid|msgstr(?:\[[0-9]+\])?)"
                   rf"[ \t]+)?{_STRING}[ \t]*")
#: The keyword each keyword may follow within an entry (None: it starts one).
_AFTER = {"msgctxt": (None,), "msgid": (None, "msgctxt"), "msgid_plural": ("msgid",),
          "msgstr": ("msgid",), "msgstr[]": ("msgid_plural", "msgstr[]")}


def check_syntax(data: bytes, name: str) -> None:
    """Refuse a malformed entry, naming its line. Babel reads such lines leniently, taking
    a string's first and last characters for quotes: `msgstr "Datos` would import "Dato"."""
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    last: tuple[str | None, int] = (None, 0)    # the entry's last keyword, and its line
    for number, line in enumerate(text.split("\n"), 1):   # as Babel counts lines
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _LINE.fullmatch(stripped)
        if match is None:
            raise MalformedTranslations(f"{name}:{number}: not a PO line (a keyword such as "
                                        "msgstr and a text in double quotes, with \\\" for a "
                                        "quote inside it)")
        last = _follow(last, match["keyword"], name, number)
    if last[0] in _NEXT:
        raise MalformedTranslations(f"{name}:{last[1]}: {last[0]} without {_NEXT[last[0]]} "
                                    "after it")


#: What must follow a keyword that does not end an entry.
_NEXT = {"msgctxt": "msgid", "msgid": "msgstr", "msgid_plural": "msgstr[0]"}


def _follow(last: tuple[str | None, int], keyword: str | None, name: str, number: int
            ) -> tuple[str | None, int]:
    """The entry's last keyword after this line, or MalformedTranslations when the line's
    keyword cannot come here."""
    if keyword is None:
        if last[0] is None:
            raise MalformedTranslations(f"{name}:{number}: a quoted line that continues no "
                                        "msgid or msgstr")
        return last
    key = "msgstr[]" if keyword.startswith("msgstr[") else keyword
    if last[0] in _AFTER[key] or (last[0] not in _NEXT and None in _AFTER[key]):
        return key, number
    if last[0] in _NEXT:
        raise MalformedTranslations(f"{name}:{last[1]}: {last[0]} without {_NEXT[last[0]]} "
                                    "after it")
    raise MalformedTranslations(f"{name}:{number}: {keyword} where msgctxt or msgid was "
                                "expected")


def read_po(data: bytes, name: str) -> Translations:
    """The translations of a PO file; a file Babel cannot read is a UsageError, a malformed
    entry a MalformedTranslations naming its line."""
    from babel.messages.pofile import PoFileError
    from babel.messages.pofile import read_po as babel_read

    header = re.split(rb"\r?\n[ \t]*\r?\n", data.lstrip(), maxsplit=1)[0]
    declared = _LANGUAGE_HEADER.search(header)
    if declared:   # checked first: Babel's own complaint about a bad one says little
        code = declared.group(1).decode("utf-8", "replace").strip().replace("_", "-")
        if code and not LANGUAGE.fullmatch(code):
            raise UsageError(f"{name}: the Language header {code!r} is not a language code")
    if not re.search(rb"^[ \t]*msgid[ \t]", data, re.M):
        raise UsageError(f"{name} is not a PO file ogpctl can read: it has no msgid")
    check_syntax(data, name)
    try:
        catalog = babel_read(io.BytesIO(data), abort_invalid=True)
        messages = list(catalog)
    except (PoFileError, ValueError, LookupError) as error:   # LookupError: bad charset
        raise UsageError(f"{name} is not a PO file ogpctl can read: {error}") from None
    units = []
    for message in messages:
        if not message.id:
            continue   # the header
        if not isinstance(message.id, str) or not isinstance(message.string, str):
            raise UsageError(f"{name}:{message.lineno}: plural entries (msgid_plural) are not "
                             "record texts")
        units.append(Unit(message.context or "", message.id, message.string,
                          message.fuzzy, message.lineno or 1))
    if len(re.findall(rb"^msgctxt\b", data, re.M)) > sum(bool(u.context) for u in units):
        # Babel merges entries with the same context and source, keeping the first.
        raise UsageError(f"{name} holds the same entry (msgctxt and msgid) twice; keep one")
    lang = catalog.locale_identifier
    return Translations(lang.replace("_", "-") if lang else None, units)

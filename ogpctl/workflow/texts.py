"""What every command that writes texts into the record refuses before writing: a text
`check` would report (R003 control characters, R013 reordering directional characters) and
a language the record does not have (L303)."""

from __future__ import annotations

from ogpctl.record.model import Record
from ogpctl.source.bidi import bidi_problem
from ogpctl.source.text import FORBIDDEN_CHARS, describe_char


def text_problem(text: str) -> str | None:
    """Why `text` cannot be written into the record, or None."""
    if not text.strip():
        return "needs a text"
    bad = FORBIDDEN_CHARS.search(text)
    if bad:
        return f"holds {describe_char(bad.group())}, which no record text may hold; remove it"
    bidi = bidi_problem(text)
    if bidi:
        return f"holds {bidi[1]}"
    return None


def record_language(record: Record, lang: str) -> str:
    """`lang` when it is one of the record's languages; a usage error naming them if not
    (the convention of every --lang: `ogpctl.base.i18n.usable_language`)."""
    from ogpctl.base.i18n import usable_language

    return usable_language(lang, record.languages.written)

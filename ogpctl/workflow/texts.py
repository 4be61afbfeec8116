"""What every command that writes texts into the record refuses before writing: a text
`check` would report (R003 control characters, R013 reordering directional characters) and
a language the record does not have (L303)."""

from __future__ import annotations

from ogpctl.record.model import Record
from ogpctl.source.bidi import text_fault


def text_problem(text: str) -> str | None:
    """Why `text` cannot be written into the record, or None."""
    if not text.strip():
        return "needs a text"
    return text_fault(text)


def record_language(record: Record, lang: str) -> str:
    """`lang` when it is one of the record's languages; a usage error naming them if not
    (the convention of every --lang: `ogpctl.base.i18n.usable_language`)."""
    from ogpctl.base.i18n import usable_language

    return usable_language(lang, record.languages.written)

"""`translate export`: the texts still to translate into a language, as PO or XLIFF."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ogpctl.record.model import Record
from ogpctl.record.text import first_text
from ogpctl.translate import state
from ogpctl.translate.entries import collect
from ogpctl.translate.model import CHANGED, Entry, check_language, source_language

FORMATS = ("po", "xliff")


@dataclass(frozen=True)
class Export:
    lang: str
    entries: list[Entry]
    data: bytes

    @property
    def changed(self) -> int:
        return sum(entry.state == CHANGED for entry in self.entries)


def record_name(record: Record) -> str:
    """The country's name on one line (it goes into file headers), else the folder's."""
    fields = record.ogp.fields if record.ogp else {}
    name = first_text(fields.get("country")) or record.root.name
    return " ".join(name.split())


def export(record: Record, lang: str, fmt: str, today: date) -> Export:
    lang = check_language(record, lang)
    source_language(record, lang)   # refuses translating the only source into itself
    entries = collect(record, lang, state.load(record.root, lang))
    if fmt == "xliff":
        from ogpctl.translate.xliff import write_xliff

        data = write_xliff(entries, lang, today)
    else:
        from ogpctl.translate.po import write_po

        data = write_po(entries, lang, record_name(record), today)
    return Export(lang, entries, data)

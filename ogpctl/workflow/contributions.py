"""Importing contributions from a survey or consultation export (handbook 2.1.b-d).

One row is one input. The file is read as form tools and spreadsheets write it
(`ogpctl.base.csvfiles`); columns are found by their headings or `--map field=Column`
(`ogpctl.importers.contribution_columns`). New inputs get new ids and a `pending` decision,
one entry a block and one field a line. A row is refused, with its line and column, when its text is
empty, its date cannot be read or a cell holds a control character; a channel or sector
that is not one of the record's words is left out and said so. An input already in
contributions.yaml (same source, same text) or earlier in the file is skipped, naming the
first. Existing entries and comments are never touched (`ogpctl.edit`), and nothing is
written that the loader would refuse (over 2 MiB).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from ogpctl.base.csvfiles import date_reader, read_rows, read_table, shown
from ogpctl.base.errors import RecordWriteError, UsageError
from ogpctl.importers.contribution_columns import (
    CHANNEL_OF,
    CHANNELS,
    DAY_FIRST,
    NO_NAME,
    SECTOR_OF,
    SECTORS,
    columns,
    key,
)
from ogpctl.record.kinds import Kind
from ogpctl.record.model import Plan, Record, listed
from ogpctl.record.text import translations
from ogpctl.source.bidi import text_fault
from ogpctl.source.text import MAX_FILE_BYTES
from ogpctl.workflow.guard import refuse_errors
from ogpctl.workflow.texts import record_language

__all__ = ["CHANNELS", "SECTORS", "ImportOptions", "ImportResult", "Note", "plan_import",
           "read_rows", "write_import"]


class Note(NamedTuple):
    """Something said about one row: its first line, the heading of the column concerned
    (None for the whole row) and what."""

    line: int
    column: str | None
    text: str


@dataclass
class ImportResult:
    added: list[dict] = field(default_factory=list)
    duplicates: list[Note] = field(default_factory=list)   # skipped: already there
    refused: list[Note] = field(default_factory=list)      # rows that cannot be imported
    notes: list[Note] = field(default_factory=list)        # values left out of added rows
    columns: dict[str, str] = field(default_factory=dict)  # field -> heading read
    unused: list[str] = field(default_factory=list)        # headings not imported
    reading: tuple[str, ...] = ()                          # how the file was read
    #: every channel or sector written other than as the record's word, and how it was
    #: read: (field, the cell as compared) -> [the cell as first written, the record's
    #: word, rows]
    mapped: dict[tuple[str, str], list[Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportOptions:
    mapping: dict[str, str] = field(default_factory=dict)
    lang: str | None = None             # the language of the texts; default: the record's
    channel: str | None = None          # when the file has no channel column (or cell)
    prefix: str = "input"               # new ids: input-001, input-002 ...
    date_format: str | None = None
    #: A contribution is received by today: a later date is noted (most often the year is
    #: wrong).
    today: date | None = None


def _same(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _source_key(value: Any) -> str:
    if isinstance(value, dict):
        return _same(" ".join(str(value.get(k) or "") for k in ("name", "person")))
    return _same(str(value or ""))


def _stakeholder(record: Record, name: str) -> str | None:
    """The id of the organisation of stakeholders.yaml that `name` is (or names)."""
    wanted = _same(name)
    items = (record.stakeholders.fields.get("stakeholders") or []) if record.stakeholders \
        else []
    for item in items:
        if isinstance(item, dict):
            names = translations(item.get("name"), record.languages.default).values()
            if wanted in {_same(str(item.get("id") or "")), *(_same(n) for n in names)}:
                return item.get("id")
    return None


def _source(record: Record, cell: dict[str, str], sector: str | None) -> Any:
    """`from`: an organisation of stakeholders.yaml by its id, else {name, person, sector}
    with what the row gives: the organisation as `name`, the person's name as `person`
    (kept in the record, never published: `ogpctl.domain.contributors`)."""
    organisation = _named(cell.get("organisation", ""))
    person = _named(" ".join(filter(None, (_named(cell.get("name", "")),
                                           _named(cell.get("surname", ""))))))
    known = _stakeholder(record, organisation or person) if organisation or person else None
    if known:
        return known
    found = {"name": organisation, "person": person, "sector": sector}
    return {k: v for k, v in found.items() if v} or None


def _named(text: str) -> str:
    """`text`, or "" when it is what forms write for no name ("anonymous", "N/A")."""
    return "" if key(text) in NO_NAME else text


def _next_ids(taken: set[str], prefix: str):
    number = 0
    while True:
        number += 1
        ident = f"{prefix}-{number:03d}"
        if ident not in taken:
            yield ident


def plan_import(record: Record, plan: Plan, data: bytes, options: ImportOptions) -> ImportResult:
    """What importing `data` would add to `plan`'s contributions, nothing written."""
    if options.channel is not None and options.channel not in CHANNELS:
        raise UsageError(f"--channel {options.channel!r}: choose one of {', '.join(CHANNELS)}")
    if options.lang is not None:
        record_language(record, options.lang)
    table = read_table(data)
    where = columns(table.header, options.mapping)
    heading = {name: table.header[index] for name, index in sorted(where.items(),
                                                                   key=lambda n: n[1])}
    result = ImportResult(columns=heading, reading=table.notes, unused=[
        h for i, h in enumerate(table.header) if h and i not in where.values()])
    rows = [(line, {name: _cell(row, index) for name, index in where.items()})
            for line, row in table.rows]
    received = heading.get("received", "")
    reader = _RowReader(record, options, heading, date_reader(
        [cell["received"] for _, cell in rows if cell.get("received")], options.date_format,
        True if key(received) in DAY_FIRST else None, received), result.mapped)
    current = listed(plan.contributions, "contributions")
    seen = {(_source_key(c.get("from")), _same(t)): f"are already recorded as {c.get('id')}"
            for c in current
            for t in translations(c.get("summary"), record.languages.default).values()}
    ids = _next_ids({str(c.get("id")) for c in current}, options.prefix)
    for line, cell in rows:
        entry, notes = reader.entry(line, cell)
        if entry is None:
            result.refused.extend(notes)
            continue
        found = (_source_key(entry.get("from")), _same(cell["summary"]))
        if found in seen:
            result.duplicates.append(Note(line, None, f"the same source and text "
                                                      f"{seen[found]}"))
            continue
        seen[found] = f"as line {line}"
        result.added.append({"id": next(ids), **entry})
        result.notes.extend(notes)
    return result


def _cell(row: list[str], index: int) -> str:
    return unicodedata.normalize("NFC", row[index].strip()) if index < len(row) else ""


@dataclass(frozen=True)
class _RowReader:
    record: Record
    options: ImportOptions
    heading: dict[str, str]                 # field -> the heading of its column
    read_day: Callable[[str], date]
    mapped: dict[tuple[str, str], list[Any]]   # ImportResult.mapped, filled as rows are read

    def entry(self, line: int, cell: dict[str, str]) -> tuple[dict | None, list[Note]]:
        """The entry for one row (without its id) and what to say about it; no entry, and
        why, when the row is refused."""
        for name, text in cell.items():
            fault = text_fault(text)
            if fault:
                return None, [self._note(line, name, f"the cell {fault}")]
        if not cell["summary"]:
            return None, [self._note(line, "summary", "the contribution's text is empty")]
        entry: dict[str, Any] = {}
        if cell.get("received"):
            try:
                received = self.read_day(cell["received"])
            except ValueError as error:
                return None, [self._note(line, "received", str(error))]
            entry["received"] = received.isoformat()
        notes: list[Note] = []
        today = self.options.today
        if "received" in entry and today is not None and received > today:
            notes.append(self._note(line, "received", f"{received} is after today ({today}): "
                                    "a contribution is received before it is imported; "
                                    "check the year"))
        sector = self._word(line, cell, "sector", SECTOR_OF, SECTORS, notes)
        channel = self._word(line, cell, "channel", CHANNEL_OF, CHANNELS, notes)
        source = _source(self.record, cell, sector)
        if source is not None:
            entry["from"] = source
        if channel or self.options.channel:
            entry["channel"] = channel or self.options.channel
        entry["summary"] = {self.options.lang or self.record.languages.default:
                            cell["summary"]}
        entry["decision"] = "pending"
        return entry, notes

    def _note(self, line: int, name: str, text: str) -> Note:
        return Note(line, self.heading[name], text)

    def _word(self, line: int, cell: dict[str, str], name: str, vocabulary: dict[str, str],
              allowed: tuple[str, ...], notes: list[Note]) -> str | None:
        """The record's word for a channel or sector cell; an unknown one is noted and left
        out."""
        text = cell.get(name, "")
        word = vocabulary.get(key(text)) if text else None
        if text and word is None:
            notes.append(self._note(line, name, f"{shown(text)} is not a {name} "
                                    f"({', '.join(allowed)}); left out"))
        elif word is not None and key(text) != key(word):   # a synonym: said how it was read
            self.mapped.setdefault((name, key(text)), [text, word, 0])[2] += 1
        return word


def write_import(record: Record, plan: Plan, result: ImportResult) -> str:
    """Append the new contributions to contributions.yaml (created when missing)."""
    from ogpctl.edit.files import replace_file
    from ogpctl.scaffold.files import write_new

    path, data, before = prepare_import(record, plan, result)
    if before is None:
        write_new(path, data, inside=record.root)
    else:
        replace_file(path, data, record.root, expected=before)
    return path.relative_to(record.root).as_posix()


def prepare_import(record: Record, plan: Plan, result: ImportResult
                   ) -> tuple[Path, bytes, bytes | None]:
    """(the file, its new bytes, its bytes before or None when it is new): every refusal a
    write makes (size, errors `check` would report) is made here, so `--dry-run` makes it
    too."""
    from ogpctl.edit.yamlrender import mapping_lines
    from ogpctl.edit.yamltext import Change, TooLargeError, apply

    path = record.root / plan.folder / "contributions.yaml"
    rel = path.relative_to(record.root).as_posix()
    if not path.exists():
        data = (mapping_lines({"contributions": result.added}, 0) + "\n").encode("utf-8")
        if len(data) > MAX_FILE_BYTES:
            raise _too_large(rel, 0, len(data), len(result.added))
        refuse_errors(rel, Kind.CONTRIBUTIONS, data.decode("utf-8"))
        return path, data, None
    before = path.read_bytes()
    count = len(_existing(before))
    changes = [Change(("contributions", count + i), item) for i, item in enumerate(result.added)]
    try:
        text = apply(before.decode("utf-8"), changes)
    except TooLargeError as error:
        raise _too_large(rel, len(before), error.size, len(result.added)) from None
    refuse_errors(rel, Kind.CONTRIBUTIONS, text, before.decode("utf-8"))
    return path, text.encode("utf-8"), before


def _too_large(rel: str, before: int, after: int, added: int) -> RecordWriteError:
    """What to do when the new contributions do not fit in one record file."""
    room = (MAX_FILE_BYTES - before) * added // max(1, after - before)
    return RecordWriteError(
        f"nothing was written: with {added:,} more contributions {rel} would be {after:,} "
        f"bytes, and record files are limited to {MAX_FILE_BYTES:,} (R008); about "
        f"{max(0, room):,} of them fit. Group similar inputs into one contribution each (a "
        "summary per theme, saying how many inputs it stands for), import those, and keep "
        "the full export as evidence in the plan's evidence/process/ folder")


def _existing(data: bytes) -> list:
    from ogpctl.source.yaml import parse_yaml

    parsed = parse_yaml(data.decode("utf-8"))
    items = parsed.data.get("contributions") if isinstance(parsed.data, dict) else None
    if not parsed.ok or parsed.problems or not isinstance(items, list):
        raise UsageError("contributions.yaml has problems (`ogpctl check` lists them); fix "
                         "them before importing")
    return items

"""Importing contributions from a survey or consultation export (handbook 2.1.b-d).

One row is one input. Columns are found by name (common English and Spanish headings, or
`--map field=Column`); UTF-8 with or without a byte-order mark; comma, semicolon or tab.
New inputs get new ids and a `pending` decision; an input already in contributions.yaml
(same source, same text) or twice in the file is skipped and reported. Existing entries and
comments are never touched: new entries are appended in place (`ogpctl.edit`).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ogpctl.errors import UsageError
from ogpctl.record.model import Plan, Record, listed
from ogpctl.record.text import translations

#: Column headings recognised for each field, compared without case, accents or spaces.
HEADINGS = {
    "summary": ("summary", "contribution", "comment", "comments", "text", "proposal", "idea",
                "input", "message", "aporte", "comentario", "propuesta", "idee", "proposition"),
    "from": ("from", "organisation", "organization", "name", "author", "source", "submitter",
             "organizacion", "nombre", "autor", "organisation name"),
    "received": ("received", "date", "timestamp", "submitted", "submitted at", "created",
                 "fecha", "marca temporal"),
    "channel": ("channel", "canal", "via"),
    "sector": ("sector",),
}
CHANNELS = ("survey", "workshop", "online-consultation", "email", "meeting", "other")
SECTORS = ("government", "civil-society", "parliament", "judiciary", "local-government",
           "private-sector", "academia", "international")
MAX_BYTES = 20 * 1024 * 1024


def _key(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().replace("_", " ").split())


@dataclass
class ImportResult:
    added: list[dict] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)   # (line, why)
    errors: list[tuple[int, str]] = field(default_factory=list)       # (line, what)


def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the rows (with their line numbers) of a CSV export."""
    if len(data) > MAX_BYTES:
        raise UsageError("the file is larger than 20 MB; split it")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UsageError(f"the file is not UTF-8 text (byte {error.start}); export it as "
                         "UTF-8 CSV") from None
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as error:
        raise UsageError(f"the CSV cannot be read at line {reader.line_num}: {error}") from None
    if not rows:
        raise UsageError("the file is empty")
    return [h.strip() for h in rows[0][1]], [(n, r) for n, r in rows[1:] if any(c.strip()
                                                                              for c in r)]


def columns(header: list[str], mapping: dict[str, str]) -> dict[str, int]:
    """The column index of each field: `mapping` (field -> heading) first, then HEADINGS."""
    keys = [_key(h) for h in header]
    found = {}
    for name, heading in mapping.items():
        if name not in HEADINGS:
            raise UsageError(f"--map {name}=...: the fields are {', '.join(HEADINGS)}")
        if _key(heading) not in keys:
            raise UsageError(f"--map {name}={heading}: the file has no column {heading!r} "
                             f"(columns: {', '.join(header)})")
        found[name] = keys.index(_key(heading))
    for name, names in HEADINGS.items():
        if name not in found:
            index = next((keys.index(n) for n in names if n in keys), None)
            if index is not None:
                found[name] = index
    if "summary" not in found:
        raise UsageError("no column holds the contributions' text; name it with "
                         f"--map summary=COLUMN (columns: {', '.join(header)})")
    return found


def parse_day(text: str, date_format: str | None) -> date | None:
    text = text.strip()
    if not text:
        return None
    if date_format:
        return datetime.strptime(text, date_format).date()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        return date(*map(int, match.groups()))
    raise ValueError(f"{text!r} is not a date written YYYY-MM-DD (give --date-format)")


def _same(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _source_key(value: Any) -> str:
    if isinstance(value, dict):
        return _same(str(value.get("name") or ""))
    return _same(str(value or ""))


def _who(record: Record, name: str, sector: str) -> Any:
    """A stakeholder id when the name is one (or names one), else {name, sector}."""
    wanted = _same(name)
    for item in (record.stakeholders.fields.get("stakeholders") or []) \
            if record.stakeholders else []:
        if not isinstance(item, dict):
            continue
        names = translations(item.get("name"), record.languages.default).values()
        if wanted in {_same(str(item.get("id") or "")), *(_same(n) for n in names)}:
            return item.get("id")
    person: dict[str, Any] = {"name": name}
    if sector in SECTORS:
        person["sector"] = sector
    return person


def existing(plan: Plan) -> list[dict]:
    return listed(plan.contributions, "contributions")


@dataclass(frozen=True)
class ImportOptions:
    mapping: dict[str, str] = field(default_factory=dict)
    lang: str | None = None             # the language of the texts; default: the record's
    channel: str | None = None          # when the file has no channel column
    prefix: str = "input"               # new ids: input-001, input-002 ...
    date_format: str | None = None


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
    header, rows = read_rows(data)
    where = columns(header, options.mapping)
    lang = options.lang or record.languages.default
    current = existing(plan)
    seen = {(_source_key(c.get("from")), _same(t)) for c in current
            for t in translations(c.get("summary"), record.languages.default).values()}
    ids = _next_ids({str(c.get("id")) for c in current}, options.prefix)
    result = ImportResult()
    for line, row in rows:
        cell = {name: row[index].strip() if index < len(row) else ""
                for name, index in where.items()}
        if not cell["summary"]:
            result.errors.append((line, "the contribution's text is empty"))
            continue
        try:
            received = parse_day(cell.get("received", ""), options.date_format)
        except ValueError as error:
            result.errors.append((line, str(error)))
            continue
        source = _who(record, cell["from"], cell.get("sector", "")) if cell.get("from") \
            else None
        key = (_source_key(source), _same(cell["summary"]))
        if key in seen:
            result.duplicates.append((line, "the same source and text are already recorded"))
            continue
        seen.add(key)
        result.added.append(_entry(next(ids), received, source, cell, lang, options))
    return result


def _entry(ident: str, received: date | None, source: Any, cell: dict, lang: str,
           options: ImportOptions) -> dict:
    item: dict[str, Any] = {"id": ident}
    if received:
        item["received"] = received.isoformat()
    if source is not None:
        item["from"] = source
    channel = cell.get("channel", "").lower().replace(" ", "-") or options.channel
    if channel in CHANNELS:
        item["channel"] = channel
    item["summary"] = {lang: cell["summary"]}
    item["decision"] = "pending"
    return item


def write_import(record: Record, plan: Plan, result: ImportResult) -> str:
    """Append the new contributions to contributions.yaml (created when missing)."""
    from ogpctl.edit.files import replace_file
    from ogpctl.edit.yamltext import Change, apply

    from ogpctl.edit.yamlrender import mapping_lines

    path = record.root / plan.folder / "contributions.yaml"
    if not path.exists():
        from ogpctl.scaffold.files import write_new

        text = mapping_lines({"contributions": result.added}, 0)
        write_new(path, text.encode("utf-8"), inside=record.root)
        return path.relative_to(record.root).as_posix()
    before = path.read_bytes()
    count = len(existing_list(before))
    changes = [Change(("contributions", count + i), item) for i, item in enumerate(result.added)]
    text = apply(before.decode("utf-8"), changes)
    replace_file(path, text.encode("utf-8"), record.root, expected=before)
    return path.relative_to(record.root).as_posix()


def existing_list(data: bytes) -> list:
    from ogpctl.source.yaml import parse_yaml

    parsed = parse_yaml(data.decode("utf-8"))
    items = parsed.data.get("contributions") if isinstance(parsed.data, dict) else None
    if not parsed.ok or parsed.problems or not isinstance(items, list):
        raise UsageError("contributions.yaml has problems (`ogpctl check` lists them); fix "
                         "them before importing")
    return items

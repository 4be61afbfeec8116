"""A tracker spreadsheet (.csv or .xlsx) read with a mapping: one row per commitment or per
milestone, texts one column a language, statuses through a value map, and progress either
as one group of columns per reporting date or as a sheet with one row per update.

A row whose commitment number cell is empty belongs to the commitment above it (trackers
merge those cells). Workbooks are read with openpyxl, values only (no formulas run), and a
date cell is a date whatever its display format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ogpctl.base.csvfiles import read_table
from ogpctl.base.errors import UsageError
from ogpctl.importers.contribution_columns import key
from ogpctl.importers.fields import (
    cell_text,
    fill_commitment,
    fill_milestone,
    number_of,
    update_from,
)
from ogpctl.importers.mapping import Mapping
from ogpctl.importers.model import Place, Source
from ogpctl.importers.words import Unreadable, date_of

MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Table:
    name: str                       # the file, or file and sheet, for places
    header: list[str]
    rows: list[tuple[int, list[Any]]]
    place: Place


@dataclass
class SheetRow:
    table: Table
    line: int
    cells: list[Any]
    lang: str

    def _index(self, name: str) -> int | None:
        wanted = key(name)
        return next((i for i, h in enumerate(self.table.header) if key(h) == wanted), None)

    def value(self, name: str) -> Any:
        index = self._index(name) if name else None
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def where(self, name: str | None) -> Place:
        index = self._index(name) if name else None
        column = self.table.header[index] if index is not None else None
        return self.table.place.at(row=self.line, column=column)


def read_tracker(path: Path, mapping: Mapping, lang: str) -> Source:
    source = Source(path.name)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(f"{path}: {error.strerror}") from None
    if len(data) > MAX_BYTES:
        raise UsageError(f"{path}: larger than 50 MB")
    main = _table(source, path, data, mapping.get("sheet"), mapping.get("header-row") or 1)
    if main is None:
        return source
    if not _columns_exist(source, mapping, main, ("commitment", "milestone",
                                                  "progress-columns")):
        return source
    _read_rows(source, mapping, main, lang)
    rows = mapping.get("progress-rows")
    if isinstance(rows, dict):
        _read_progress_rows(source, path, mapping, rows, lang)
    return source


def _table(source: Source, path: Path, data: bytes, sheet: str | None, header_row: int
           ) -> Table | None:
    if path.suffix.lower() == ".xlsx":
        return _xlsx(source, path, data, sheet, header_row)
    if sheet:
        source.warn(Place(path.name), "a .csv file has no sheets; the mapping's sheet is "
                    "let go")
    table = read_table(data)
    source.notes.extend(table.notes)
    rows = [(line, cells) for line, cells in table.rows]
    header, rows = (table.header, rows) if header_row == 1 else _reheader(table, header_row)
    return Table(path.name, header, rows, Place(path.name))


def _reheader(table: Any, header_row: int) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    rows = [(1, table.header)] + list(table.rows)
    index = next((i for i, (line, _) in enumerate(rows) if line >= header_row), 0)
    return [str(c) for c in rows[index][1]], rows[index + 1:]


def _xlsx(source: Source, path: Path, data: bytes, sheet: str | None, header_row: int
          ) -> Table | None:
    import io
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        source.error(Place(path.name), f"cannot read the workbook: {error}")
        return None
    names = book.sheetnames
    name = sheet or names[0]
    if name not in names:
        source.error(Place(path.name), f"the workbook has no sheet {name!r} (sheets: "
                     f"{', '.join(names)})")
        return None
    rows = [(number, [_xlsx_value(v) for v in values]) for number, values in
            enumerate(book[name].iter_rows(values_only=True), 1)]
    book.close()
    head = next((cells for number, cells in rows if number == header_row), [])
    header = [cell_text(c) for c in head]
    body = [(n, cells) for n, cells in rows if n > header_row]
    table = Table(f"{path.name}", header, body, Place(path.name, sheet=name))
    if any(cell is None for _, cells in body for cell in cells):
        _unsaved_formulas(source, data, table)
    return table


def _unsaved_formulas(source: Source, data: bytes, table: Table) -> None:
    """Warn of each cell holding a formula whose value the workbook does not hold (a file
    written by a program, not saved by a spreadsheet): it is read as empty."""
    import io

    from openpyxl import load_workbook

    sheet = table.place.sheet or ""
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        formulas = dict(enumerate(book[sheet].iter_rows(values_only=True), 1))
    finally:
        book.close()
    for line, cells in table.rows:
        for index, cell in enumerate(cells):
            formula = (formulas.get(line) or ())[index:index + 1]
            if cell is None and formula and isinstance(formula[0], str) and \
                    formula[0].startswith("="):
                column = table.header[index] if index < len(table.header) else None
                source.warn(table.place.at(row=line, column=column or None),
                            f"a formula with no value saved ({formula[0][:40]!r}) is read "
                            "as empty; open and save the workbook, or type the value")


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


#: Keys of a mapping part that name something other than a column.
_NOT_COLUMNS = frozenset({"body", "sheet", "file", "key"})


def _columns(spec: Any) -> list[tuple[tuple, str]]:
    """(path in the mapping, column) of every column a part of the mapping names."""
    if isinstance(spec, list):       # progress-columns: one group a reporting date
        return [((index, *path), column) for index, group in enumerate(spec)
                for path, column in _columns({k: v for k, v in group.items() if k != "date"})]
    found: list[tuple[tuple, str]] = []
    for name, value in (spec or {}).items() if isinstance(spec, dict) else ():
        if name in _NOT_COLUMNS:
            continue
        if name == "links":
            found += [((name, index, "column"), link["column"]) for index, link in
                      enumerate(value)]
        elif isinstance(value, str):
            found.append(((name,), value))
        elif isinstance(value, dict):
            found += [((name, lang), column) for lang, column in value.items()]
    return found


def _columns_exist(source: Source, mapping: Mapping, table: Table, parts: tuple[str, ...]
                   ) -> bool:
    """Whether every column the mapping's `parts` name is in `table`; an error at the
    mapping's line for each one that is not."""
    have = {key(h) for h in table.header}
    ok = True
    for part in parts:
        for path, column in _columns(mapping.get(part)):
            if key(column) not in have:
                shown = ", ".join(repr(h) for h in table.header if h)
                source.error(mapping.place(part, *path), f"{table.place} has no column "
                             f"{column!r} (columns: {shown})")
                ok = False
    return ok


def _read_rows(source: Source, mapping: Mapping, table: Table, lang: str) -> None:
    spec_c = mapping.get("commitment") or {}
    spec_m = mapping.get("milestone") or {}
    statuses = mapping.get("statuses") or {}
    date_format = mapping.get("date-format")
    current = None
    for line, cells in table.rows:
        if not any(cell_text(c) for c in cells):
            continue
        row = SheetRow(table, line, cells, lang)
        number = number_of(cell_text(row.value(spec_c["number"])))[0]
        if number is not None:
            current = number
        if current is None:
            source.error(row.where(spec_c["number"]), "the row names no commitment number "
                         "and no row above it does; left out")
            continue
        commitment = source.commitment(current, row.where(spec_c["number"]))
        fill_commitment(source, commitment, row, spec_c)
        if spec_m.get("number"):
            _milestone(source, commitment, row, spec_m, statuses, date_format, mapping)


def _milestone(source: Source, commitment: Any, row: SheetRow, spec: dict, statuses: dict,
               date_format: str | None, mapping: Mapping) -> None:
    raw = cell_text(row.value(spec["number"]))
    if not raw:
        return
    first, second = number_of(raw)
    number = second if second is not None else first
    if number is None or (second is not None and first != commitment.number):
        source.error(row.where(spec["number"]), f"{raw!r} is not a milestone number of "
                     f"commitment {commitment.number}; left out")
        return
    if any(m.number == number for m in commitment.milestones):
        source.error(row.where(spec["number"]), f"milestone {commitment.number}.{number} "
                     "is written twice; this row left out")
        return
    from ogpctl.importers.model import Milestone

    milestone = Milestone(number, row.where(spec["number"]))
    if not fill_milestone(source, milestone, row, spec, statuses, date_format):
        return
    for group in mapping.get("progress-columns") or []:
        update = update_from(source, row, group, group["date"], statuses)
        if update is False:
            return
        if update:
            milestone.progress.append(update)
    commitment.milestones.append(milestone)


def _read_progress_rows(source: Source, path: Path, mapping: Mapping, spec: dict, lang: str
                        ) -> None:
    if spec.get("file"):
        other = path.parent / spec["file"]
        try:
            data = other.read_bytes()
        except OSError as error:
            source.error(mapping.place("progress-rows", "file"), f"cannot read {other}: "
                         f"{error.strerror}")
            return
        table = _table(source, other, data, None, 1)
    else:
        table = _table(source, path, path.read_bytes(), spec.get("sheet"), 1)
    if table is None or not _columns_exist(source, mapping, table, ("progress-rows",)):
        return
    statuses = mapping.get("statuses") or {}
    for line, cells in table.rows:
        if any(cell_text(c) for c in cells):
            _progress_row(source, SheetRow(table, line, cells, lang), spec, statuses,
                          mapping.get("date-format"))


def _progress_row(source: Source, row: SheetRow, spec: dict, statuses: dict,
                  date_format: str | None) -> None:
    first, second = number_of(cell_text(row.value(spec["milestone"])))
    number = first if second is None else second
    commitment_no = first if second is not None else \
        number_of(cell_text(row.value(spec.get("commitment") or "")))[0]
    target = next((m for c in source.commitments if c.number == commitment_no
                   for m in c.milestones if m.number == number), None)
    if target is None:
        source.error(row.where(spec["milestone"]), f"no milestone {commitment_no}.{number} "
                     "was read from the tracker; this update left out")
        return
    raw = cell_text(row.value(spec["date"]))
    try:
        when, _ = date_of(raw[:10] if raw[:4].isdigit() else raw, row.lang, date_format)
    except Unreadable as error:
        source.error(row.where(spec["date"]), f"{error}; this update left out")
        return
    update = update_from(source, row, spec, when, statuses)
    if update:
        target.progress.append(update)

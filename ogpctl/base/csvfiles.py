"""Reading CSV files as spreadsheets and form tools export them, without asking first.

Google Forms, Microsoft Forms (through Excel), SurveyMonkey and spreadsheets write CSV in
several ways: UTF-8 with or without a byte-order mark, Excel's plain "CSV" (Windows-1252 on
Windows) or "Unicode text" (UTF-16 with tabs), a first line `sep=;`, commas, semicolons or
tabs, quoted cells holding line breaks, SurveyMonkey's second heading row, and dates with a
time ("15/03/2027 14:22:05", "3/15/27 2:22 PM", "2027-03-15T14:22:05Z"). `read_table` reads
them all and keeps the line each row starts on, for messages; `date_reader` finds how a
column writes its dates from all of its cells.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from ogpctl.base.errors import UsageError

MAX_BYTES = 20 * 1024 * 1024
_DELIMITERS = (",", ";", "\t")
_SEP_LINE = re.compile(r"sep=(.)\n")
#: SurveyMonkey's second heading row names the kind of answer under each question.
_SUBHEADINGS = frozenset({"response", "open-ended response", "open ended response",
                          "respuesta", "respuesta abierta", "respuesta de texto abierto"})
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](.*))?")
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:,?[T ](.*))?")
_TIME = re.compile(r"\s*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?\s?m\.?)?\s*"
                   r"(?:z|utc|gmt)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?\s*", re.IGNORECASE)
_TIME_DIRECTIVES = re.compile(r"%[HIMSpfzZXc]")


@dataclass(frozen=True)
class Table:
    """A CSV file's headings, its rows with the line each starts on, and notes on how it
    was read."""

    header: list[str]
    rows: list[tuple[int, list[str]]]
    notes: tuple[str, ...] = ()


def shown(text: str) -> str:
    """`text` safe to print on a terminal, in quotes: control characters (and other
    characters that do not print) written as escapes."""
    return "'" + "".join(c if c.isprintable() else repr(c)[1:-1] for c in text) + "'"


def read_table(data: bytes) -> Table:
    """The table in a CSV export, however the exporting program wrote it."""
    if len(data) > MAX_BYTES:
        raise UsageError("the file is larger than 20 MB; split it")
    text, notes = _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    offset, sep = 0, _SEP_LINE.match(text)
    if sep and sep.group(1) in _DELIMITERS:        # Excel's hint for its own delimiter
        offset, text, delimiter = 1, text[sep.end():], sep.group(1)
    else:
        delimiter = _delimiter(text)
    rows = _records(text, delimiter, offset)
    if not rows:
        raise UsageError("the file is empty")
    header = [cell.strip() for cell in rows[0][1]]
    body = [(line, row) for line, row in rows[1:] if any(cell.strip() for cell in row)]
    if body and _is_subheading(body[0][1]):
        header = [h or s.strip() for h, s in zip(header, body[0][1] + [""] * len(header),
                                                         strict=False)]
        body = body[1:]
        notes.append("the second line names the kind of each answer (SurveyMonkey); it was "
                     "read as part of the headings")
    return Table(header, body, tuple(notes))


def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The headings and the rows (with their first line numbers) of a CSV export."""
    table = read_table(data)
    return table.header, table.rows


def _decode(data: bytes) -> tuple[str, list[str]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            raise UsageError("the file starts as UTF-16 text but is damaged; export it "
                             "again as CSV UTF-8") from None
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        try:
            return data.decode("cp1252"), [
                "the file is not UTF-8; it was read as Windows-1252, the encoding of Excel's "
                "plain \"CSV\" format. If accents look wrong, save it as \"CSV UTF-8\""]
        except UnicodeDecodeError:
            raise UsageError(f"the file is not UTF-8 text (byte {error.start}); export it "
                             "as CSV UTF-8") from None


def _delimiter(text: str) -> str:
    """The delimiter that splits the heading line into the most columns (comma on a tie):
    unlike guessing from the whole sample, commas inside the texts of a file separated by
    semicolons do not mislead it."""
    def width(delimiter: str) -> int:
        reader = csv.reader(io.StringIO(text[:65536], newline=""), delimiter=delimiter)
        try:
            return len(next(reader, []))
        except csv.Error:
            return 0
    return max(_DELIMITERS, key=lambda d: (width(d), -_DELIMITERS.index(d)))


def _records(text: str, delimiter: str, offset: int) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, start = [], 1
    try:
        for row in reader:
            rows.append((start + offset, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise UsageError(f"the CSV cannot be read at line {reader.line_num + offset}: "
                         f"{error}") from None
    return rows


def _is_subheading(row: list[str]) -> bool:
    return any(" ".join(cell.lower().split()) in _SUBHEADINGS for cell in row)


# -- dates ----------------------------------------------------------------------------------

def date_reader(cells: Iterable[str], date_format: str | None, day_first: bool | None,
                heading: str) -> Callable[[str], date]:
    """A function reading the date at the start of a cell of the column `heading`. Without
    `date_format`, dates written 03/04/2027 are read day first or month first as the column
    shows (a first number above 12 means day first, a second one month first); when no cell
    shows it, `day_first` decides (from the headings' language), else UsageError."""
    if date_format:
        return lambda text: _formatted(text, date_format)
    order = _order([_NUMERIC.fullmatch(cell.strip()) for cell in cells], day_first, heading)
    return lambda text: _any_date(text, order)


def _order(found: list[re.Match[str] | None], day_first: bool | None, heading: str) -> bool:
    numeric = [m for m in found if m]
    days = any(int(m.group(1)) > 12 for m in numeric)
    months = any(int(m.group(2)) > 12 for m in numeric)
    example = numeric[0].group(0) if numeric else ""
    if days and months:
        raise UsageError(f"the column {shown(heading)} writes some dates day first and "
                         "others month first; give --date-format (such as %d/%m/%Y)")
    if days or months or not numeric:
        return days
    if day_first is None:
        raise UsageError(f"the dates of column {shown(heading)} (such as {example}) can be "
                         "read day first or month first; give --date-format %d/%m/%Y or "
                         "--date-format %m/%d/%Y")
    return day_first


def _any_date(text: str, day_first: bool) -> date:
    text = text.strip()
    iso, numeric = _ISO.fullmatch(text), _NUMERIC.fullmatch(text)
    match = iso or numeric
    if not match or (match.group(4) is not None and not _TIME.fullmatch(match.group(4))):
        raise ValueError(f"{shown(text)} is not a date (such as 2027-03-15, or 15/03/2027 "
                         "14:22:05); give --date-format")
    first, second, third = map(int, match.groups()[:3])
    if iso:
        year, month, day = first, second, third
    else:
        year = third + (2000 if third < 100 else 0)
        day, month = (first, second) if day_first else (second, first)
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{shown(text)} is not a day of the calendar") from None


def _formatted(text: str, date_format: str) -> date:
    """`text` read with `date_format`; a time after the date is let go when the format
    has none."""
    text = text.strip()
    try:
        return datetime.strptime(text, date_format).date()
    except ValueError:
        pass
    if not _TIME_DIRECTIVES.search(date_format):
        words = len(date_format.split())
        head = " ".join(re.split(r"\s+|(?<=\d)T(?=\d)", text)[:words])
        try:
            return datetime.strptime(head, date_format).date()
        except ValueError:
            pass
    raise ValueError(f"{shown(text)} does not match --date-format {shown(date_format)}")

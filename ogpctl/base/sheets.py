"""Spreadsheet cells from record text: nothing a spreadsheet program would run."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

#: What makes Excel, LibreOffice or Google Sheets read a cell as a formula (also the
#: full-width forms some programs accept).
FORMULA_START = tuple("=+-@\t\r") + ("＝", "＋", "－", "＠")


def neutralise(value: object) -> str:
    """The text of a cell, with a leading apostrophe when a spreadsheet would read a text
    as a formula ("=HYPERLINK(...)", "+1", "-2", "@SUM(...)"), also after leading blanks
    (" @SUM(1)": some programs trim a cell before they read it; OWASP's CSV injection).
    Numbers stay numbers. Every CSV ogpctl writes passes here (`csv_bytes`)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    return "'" + value if is_formula(value) else value


def is_formula(text: str) -> bool:
    """Whether a spreadsheet could run `text` as a formula."""
    return text.startswith(FORMULA_START) or text.lstrip().startswith(FORMULA_START)


def restore(cell: str) -> str:
    """A cell as the record keeps it: the apostrophe `neutralise` added removed."""
    cell = cell.strip()
    return cell[1:].strip() if cell.startswith("'") and is_formula(cell[1:]) else cell


def csv_bytes(head: Iterable[object], rows: Iterable[Iterable[object]], *,
              spreadsheet: bool = True) -> bytes:
    """A CSV file of neutralised cells. For spreadsheets (the default): every cell quoted
    and a byte-order mark, so Excel reads UTF-8; otherwise plain UTF-8 open data."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL if spreadsheet else csv.QUOTE_MINIMAL,
                        lineterminator="\r\n")
    writer.writerow(head)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8-sig" if spreadsheet else "utf-8")

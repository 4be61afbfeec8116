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
    as a formula ("=HYPERLINK(...)", "+1", "-2", "@SUM(...)"). Numbers stay numbers."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def restore(cell: str) -> str:
    """A cell as the record keeps it: the apostrophe `neutralise` added removed."""
    cell = cell.strip()
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


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

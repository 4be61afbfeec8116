"""Spreadsheet cells from record text: nothing a spreadsheet program would run."""

from __future__ import annotations

#: What makes Excel, LibreOffice or Google Sheets read a cell as a formula (also the
#: full-width forms some programs accept).
FORMULA_START = tuple("=+-@\t\r") + ("＝", "＋", "－", "＠")


def neutralise(value: object) -> str:
    """The text of a cell, with a leading apostrophe when a spreadsheet would read it as
    a formula ("=HYPERLINK(...)", "+1", "-2", "@SUM(...)")."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def restore(cell: str) -> str:
    """A cell as the record keeps it: the apostrophe `neutralise` added removed."""
    cell = cell.strip()
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell

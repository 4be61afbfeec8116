"""The OGP calendar as pure date arithmetic (no I/O). Each function cites its handbook section."""

from __future__ import annotations

import calendar as _calendar
from datetime import date
from typing import Literal

Window = Literal["june", "december"]


def due_date(window: Window, year: int) -> date:
    """A plan is due on June 30 or December 31 of its due year (handbook 3.1)."""
    return date(year, 6, 30) if window == "june" else date(year, 12, 31)


def window_opens(window: Window, year: int) -> date:
    """June plans may be delivered from January 1, December plans from July 1 (handbook 3.1)."""
    return date(year, 1, 1) if window == "june" else date(year, 7, 1)


def window_closes(window: Window, year: int) -> date:
    """June plans until August 31; December plans until the end of February of the next year
    (February 29 in leap years) (handbook 3.1)."""
    if window == "june":
        return date(year, 8, 31)
    return date(year + 1, 2, _calendar.monthrange(year + 1, 2)[1])


def plan_end(window: Window, due_year: int, length: int) -> date:
    """A plan ends on the same day and month two or four years after its due date
    (handbook 3.1)."""
    return due_date(window, due_year + length)

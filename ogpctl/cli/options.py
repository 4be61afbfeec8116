"""Option parsing shared by commands."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone

from ogpctl.errors import UsageError


def parse_today(value: str | None) -> date:
    """--today YYYY-MM-DD, else SOURCE_DATE_EPOCH, else the real date."""
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise UsageError(f"--today {value!r} is not a date written YYYY-MM-DD") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from None
    return date.today()

"""Numbers a record cannot hold, and the YAML words for a value in a message.

A record is published as open data (JSON), and every value ends up in documents, so a
number must be one that JSON keeps exactly and that prints: `.nan`, `.inf` (or `1e999`,
which overflows to it) and whole numbers beyond 2^53 - 1 are findings. The loader keeps
such a value as the text written in the file, so no command meets it as a number.
"""

from __future__ import annotations

import math
import re
from typing import Any

#: The largest whole number every JSON reader keeps exactly (2^53 - 1).
MAX_WHOLE = 2 ** 53 - 1
#: Decimal digits Python turns into a number without its quadratic-time guard tripping.
MAX_DIGITS = 4000

_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_DIGITS = re.compile(r"[-+]?[0-9]+")


def is_odd_number(value: Any) -> bool:
    """A number a record cannot hold: not finite, or a whole number JSON cannot keep."""
    kind = type(value)
    if kind is float:
        return not math.isfinite(value)
    return kind is int and not -MAX_WHOLE <= value <= MAX_WHOLE


def number_problem(value: Any, written: str) -> str | None:
    """What is wrong with the number `value`, written `written` in the file, or None."""
    if not is_odd_number(value):
        return None
    fix = "write a number, or quote it if it is text"
    if isinstance(value, float) and math.isnan(value):
        return f'is {written} ("not a number"); {fix}'
    if isinstance(value, float) and _INFINITY.fullmatch(written):
        return f"is {written} (infinity); {fix}"
    if len(written) <= 24:
        shown = written
    elif _DIGITS.fullmatch(written):
        shown = f"a number of {len(written.lstrip('+-')):,} digits"
    else:
        shown = f"a number {len(written):,} characters long"
    return (f"is {shown}, too large for a record (numbers go up to {MAX_WHOLE:,}, the "
            f"largest whole number every JSON reader keeps exactly); write a smaller number, "
            "or quote it if it is text, such as an "
            "identifier")


def yaml_words(value: Any, limit: int = 60) -> str:
    """`value` as it would be written in YAML flow style (for keys in messages and for
    a non-text key kept as text): null, true, 2026, [a, b], {a: 1}."""
    words = _words(value)
    return words if len(words) <= limit else words[:limit - 3] + "..."


def _words(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")
    if isinstance(value, (int, float)):
        return repr(value) if not is_odd_number(value) else "a very large number"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_words(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_words(k)}: {_words(v)}" for k, v in value.items()) + "}"
    return str(value)

"""One-line YAML scalars as the record writes them: plain when that reads back as the same
text, double-quoted otherwise. The scaffold's templates and the YAML editor both use them."""

from __future__ import annotations

import json
import re
from typing import Any

from ogpctl.source.yaml import parse_yaml

#: Words a plain YAML scalar would turn into something other than a string.
_SPECIAL = re.compile(r"(?i:~|null|true|false|yes|no|on|off|y|n|[-+]?(\.inf|\.nan)|"
                      r"[-+]?[0-9][0-9_.:eExXoObB+-]*)")
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n#]*(?<=[^\s:])")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

def scalar(value: Any) -> str:
    """`value` as one YAML flow scalar: plain when that reads back as the same string."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _DATE.fullmatch(text):     # YAML 1.2 core reads it as text, as the record writes dates
        return text
    if (_PLAIN.fullmatch(text) and ": " not in text and " #" not in text
            and not _SPECIAL.fullmatch(text) and text.isprintable() and _reads_back(text)):
        return text
    return double_quoted(text)


def _reads_back(text: str) -> bool:
    """The record's own parser reads the plain word as this text (its fast path reads `_0`
    as a number, for one)."""
    parsed = parse_yaml(f"k: {text}\n")
    return parsed.ok and not parsed.problems and parsed.data == {"k": text}


def value(item: Any) -> str:
    """What follows a key's colon: " value", or nothing for an empty value."""
    text = scalar(item)
    return f" {text}" if text else ""


def double_quoted(text: str) -> str:
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(c if c.isprintable() else _escape(c) for c in quoted)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"

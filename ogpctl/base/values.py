"""Typed reads of parsed YAML mappings: a field of the expected kind, else an empty one.

Record data comes from pull requests, so any field may hold any YAML value. These read it as
the kind the caller can use (a mapping, a list, a text) and fall back to an empty one, so a
`timeline: 3` or a `point-of-contact: [a]` is a finding for `check`, never a crash here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def dict_at(fields: Mapping[str, Any], key: str) -> dict[str, Any]:
    """`fields[key]` when it is a mapping, else an empty one."""
    value = fields.get(key)
    return value if isinstance(value, dict) else {}


def list_at(fields: Mapping[str, Any], key: str) -> list[Any]:
    """`fields[key]` when it is a list, else an empty one."""
    value = fields.get(key)
    return value if isinstance(value, list) else []


def str_at(fields: Mapping[str, Any], key: str) -> str:
    """`fields[key]` when it is a text, else the empty text."""
    value = fields.get(key)
    return value if isinstance(value, str) else ""

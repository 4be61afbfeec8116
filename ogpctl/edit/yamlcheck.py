"""The self-check of every YAML edit: the edited text must read back as the data intended."""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from typing import Any

from ogpctl.base.errors import RecordWriteError
from ogpctl.edit.yamlrender import resolve
from ogpctl.source.text import MAX_FILE_BYTES
from ogpctl.source.yaml import parse_yaml


class SelfCheckError(RuntimeError):
    """The edited text does not read back as intended: a bug in ogpctl, never bad input."""


class TooLargeError(RecordWriteError):
    """The edited file would be larger than the loader reads (R008): it is not written."""

    def __init__(self, size: int) -> None:
        self.size = size
        super().__init__(f"nothing was written: the edited file would be {size:,} bytes, and "
                         f"record files are limited to {MAX_FILE_BYTES:,} (R008)")


def expected_data(data: Any, changes: Sequence[Any]) -> Any:
    """The data the edited text must read as: `data` with the changes made."""
    result = copy.deepcopy(data)
    for change in changes:
        parent = result
        for step in change.path[:-1]:
            parent = parent[step]
        last = change.path[-1]
        present = last in parent if isinstance(parent, dict) else last < len(parent)
        new = resolve(change.value, parent[last] if present else None)
        if isinstance(parent, list) and not present:
            parent.append(new)
        else:
            parent[last] = new
    return result


def check(text: str, expected: Any) -> None:
    """TooLargeError when the loader would refuse the text for its size; SelfCheckError when
    it does not read back as `expected`."""
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        raise TooLargeError(size)
    parsed = parse_yaml(text)
    if not parsed.ok or parsed.problems or not same(parsed.data, expected):
        raise SelfCheckError("an edit did not read back as intended; nothing was written. "
                             "This is a bug in ogpctl's YAML editor")


def same(a: Any, b: Any) -> bool:
    """Equal data, also in type (True is not 1) and with NaN equal to itself."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)

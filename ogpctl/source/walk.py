"""Parsed YAML data as the record reads it (`Parsed`), and the one walk over it that finds
what YAML readers disagree on or a reader cannot see (`inspect`): text that is not NFC,
escaped control characters, keys that are not text, data nested too deep. The fast path
(`ogpctl.source.yaml`) and the precise path (`ogpctl.source.precise`) both use it."""

from __future__ import annotations

import unicodedata
from typing import Any, NamedTuple

from ogpctl.base.diagnostics import DocPath
from ogpctl.source.numbers import is_odd_number, yaml_words
from ogpctl.source.problems import Problem
from ogpctl.source.text import FORBIDDEN_CHARS, describe_char

#: Deeper than any record file needs; bounds every walk over parsed data.
MAX_DEPTH = 64


class Parsed(NamedTuple):
    data: Any
    problems: list[Problem]
    ok: bool
    #: Read on the precise path, ~30 times the fast path's cost a byte: the check cache
    #: keeps such a file's result (`ogpctl.record.load`).
    precise: bool = False



def inspect(data: Any, *, check_escapes: bool, check_nfc: bool) -> list[Problem] | None:
    """Walk the containers of parsed data once (iteratively). Returns the problems found,
    or None when the precise path must read the text: the data is too deep to walk safely,
    has a key that is not text, or a number a record cannot hold; that path reports them
    with a position. Paths are only built for the rare containers that have a problem."""
    if is_odd_number(data):
        return None
    flagged: list[Any] = []
    stack: list[tuple[Any, int]] = [(data, 0)] if type(data) in _CONTAINERS else []
    pop, push = stack.pop, stack.append
    while stack:
        node, depth = pop()
        if depth > MAX_DEPTH:
            return None
        if type(node) is dict:
            if not _STR.issuperset(map(type, node)):
                return None
            if check_nfc and _nfc_twins(node):
                flagged.append(node)
            values = node.values()
        else:
            values = node
        types = set(map(type, values))   # one C-speed pass answers the next three tests
        if not _NUMBERS.isdisjoint(types) and any(map(is_odd_number, values)):
            return None
        if check_escapes and str in types and any(
                type(v) is str and FORBIDDEN_CHARS.search(v) for v in values):
            flagged.append(node)
        if not _CONTAINER_TYPES.isdisjoint(types):
            depth += 1
            for value in values:
                if type(value) in _CONTAINER_TYPES:
                    push((value, depth))
    if not flagged and not (check_escapes and isinstance(data, str)):
        return []
    return _problems_at(data, {id(node) for node in flagged}, check_escapes, check_nfc)


_STR = {str}
_NUMBERS = {int, float}
_CONTAINERS = (dict, list)
_CONTAINER_TYPES = frozenset(_CONTAINERS)


def repaired(data: Any, problems: list[Problem]) -> Any:
    """After R003 is reported, a copy with forbidden characters replaced by U+FFFD, so the
    rest of the document can still be validated and checked. (Keys are text by then: the
    precise path writes a key that is not text in YAML words, R009.)"""
    if not any(p.code == "R003" for p in problems):
        return data
    return _repair(data)


def _repair(data: Any) -> Any:
    if isinstance(data, dict):
        return {_repair(key): _repair(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_repair(item) for item in data]
    if isinstance(data, str):
        return FORBIDDEN_CHARS.sub("\ufffd", data)
    return data


def _nfc_twins(mapping: dict[Any, Any]) -> bool:
    """Two text keys equal once NFC-normalised (C-speed when every key is ASCII)."""
    if all(map(str.isascii, mapping)):
        return False
    return len({unicodedata.normalize("NFC", key) for key in mapping}) < len(mapping)


def _problems_at(data: Any, flagged: set[int], check_escapes: bool, check_nfc: bool
                 ) -> list[Problem]:
    problems: list[Problem] = []
    stack: list[tuple[Any, DocPath]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, str):
            problem = _string_problem(node, path) if check_escapes else None
            problems.extend([problem] if problem else [])
            continue
        if not isinstance(node, (dict, list)):
            continue
        if id(node) in flagged and isinstance(node, dict):
            problems.extend(_key_problems(node, path, check_nfc))
        items = node.items() if isinstance(node, dict) else enumerate(node)
        stack.extend((value, path + (key,)) for key, value in items)
    return sorted(problems, key=lambda p: str(p.path))


def _key_problems(mapping: dict[Any, Any], path: DocPath, check_nfc: bool) -> list[Problem]:
    """Keys equal once NFC-normalised (keys that are not text take the precise path)."""
    problems = []
    if check_nfc:
        seen: dict[str, str] = {}
        for key in mapping:
            if isinstance(key, str):
                normal = unicodedata.normalize("NFC", key)
                if normal in seen:
                    problems.append(Problem(
                        "R004", f"the key {key!r} appears twice (it is the same text as "
                        f"{seen[normal]!r} once Unicode is normalised)", path=path + (key,),
                        key=True))
                seen[normal] = key
    return problems


def describe_key(key: Any, words: str = "") -> str:
    """A key that is not text, in YAML words (`words`, else its own) and what YAML reads
    it as."""
    if isinstance(key, bool):
        what = "a yes/no value"
    elif key is None:
        what = "an empty value"
    elif isinstance(key, (int, float)):
        what = "a number"
    else:
        what = "a list" if isinstance(key, (list, tuple)) else "a mapping"
    return f"{words or yaml_words(key)} ({what})"


def _string_problem(value: str, path: DocPath) -> Problem | None:
    match = FORBIDDEN_CHARS.search(value)
    if match:
        return Problem("R003", f"the text contains {describe_char(match.group())} "
                       "(written as an escape); remove it", path=path)
    return None

"""Parsed YAML data as the record reads it (`Parsed`), and the one walk over it that finds
what YAML readers disagree on or a reader cannot see (`inspect`): text that is not NFC,
escaped control characters, keys that are not text, data nested too deep. The fast path
(`ogpctl.source.yaml`) and the precise path (`ogpctl.source.precise`) both use it."""

from __future__ import annotations

import unicodedata
from itertools import chain
from math import isfinite
from typing import Any, NamedTuple

from ogpctl.base.diagnostics import DocPath
from ogpctl.source.numbers import MAX_WHOLE, is_odd_number, yaml_words
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
    #: The data passed the reader's `proof` (`parse_yaml`) instead of the walk.
    proven: bool = False



def inspect(data: Any, *, check_escapes: bool, check_nfc: bool) -> list[Problem] | None:
    """Walk the containers of parsed data once, a level of nesting at a time. Returns the
    problems found, or None when the precise path must read the text: the data is too deep
    to walk safely, has a key that is not text, or a number a record cannot hold; that path
    reports them with a position. Paths are only built when a problem was found.

    A level is screened as a whole, by C-speed passes over all its keys and all its values,
    rather than container by container: walking the values is most of the cost, and each
    is touched by three passes (listed, typed, picked if a container)."""
    if is_odd_number(data):
        return None
    level = [data] if type(data) in _CONTAINERS else []
    flagged = check_escapes and type(data) is str
    for _depth in range(MAX_DEPTH + 1):
        if not level:
            return _problems_at(data, check_escapes, check_nfc) if flagged else []
        dicts = [node for node in level if type(node) is dict]
        try:   # joining the keys of the level tests that they are text, and gives them
            keys = "".join(chain.from_iterable(dicts))
        except TypeError:
            return None
        if check_nfc and not keys.isascii() and any(map(_nfc_twins, dicts)):
            flagged = True
        values = list(chain.from_iterable(map(dict.values, dicts)))
        if len(dicts) < len(level):
            values += chain.from_iterable([node for node in level if type(node) is list])
        kinds = set(map(type, values))
        if not _NUMBERS.isdisjoint(kinds) and _odd_numbers(values, kinds):
            return None
        if check_escapes and str in kinds and any(
                map(FORBIDDEN_CHARS.search, [v for v in values if type(v) is str])):
            flagged = True
        level = [v for v in values if type(v) is dict or type(v) is list] \
            if not _CONTAINERS_SET.isdisjoint(kinds) else []
    return None if level else (_problems_at(data, check_escapes, check_nfc) if flagged else [])


_NUMBERS = {int, float}
_CONTAINERS = (dict, list)
_CONTAINERS_SET = set(_CONTAINERS)


def _odd_numbers(values: list[Any], kinds: set[type]) -> bool:
    """Whether a number among `values` is one a record cannot hold (`is_odd_number`),
    tested a type at a time (`bool` is a type of its own, not `int`)."""
    if float in kinds and not all(map(isfinite, [v for v in values if type(v) is float])):
        return True
    if int in kinds:
        whole = [v for v in values if type(v) is int]
        return max(whole) > MAX_WHOLE or min(whole) < -MAX_WHOLE
    return False


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


def _problems_at(data: Any, check_escapes: bool, check_nfc: bool) -> list[Problem]:
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
        if check_nfc and isinstance(node, dict) and _nfc_twins(node):
            problems.extend(_key_problems(node, path))
        items = node.items() if isinstance(node, dict) else enumerate(node)
        stack.extend((value, path + (key,)) for key, value in items)
    return sorted(problems, key=lambda p: str(p.path))


def _key_problems(mapping: dict[Any, Any], path: DocPath) -> list[Problem]:
    """Keys equal once NFC-normalised (keys that are not text take the precise path)."""
    problems = []
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

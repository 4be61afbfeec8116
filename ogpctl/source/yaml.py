"""The one YAML module: every loading decision is made here.

Record files are read with YAML 1.2 core-schema meaning whatever `%YAML` directive they
carry (`no` stays a word, `010` is ten, `12:30` is text; another version is a warning),
dates stay ISO strings, and tags, aliases, duplicate keys (also keys equal after NFC
normalisation), non-text keys, numbers a record cannot hold (see `numbers`), multiple
documents and deep nesting are findings with a position, never exceptions.

Two paths give the same data. The fast path is yaml_rs (Rust, no aliases allowed) behind
a pre-scan that sends anything unusual to the precise path: ruamel.yaml's pure-Python event
parser, which never recurses and carries a position on every event. Positions for
clean files are recovered later, and only for files with findings (see `positions`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, NamedTuple

import yaml_rs

from ogpctl.diagnostics import DocPath
from ogpctl.source.numbers import is_odd_number, yaml_words
from ogpctl.source.problems import Problem
from ogpctl.source.text import FORBIDDEN_CHARS, describe_char

#: Deeper than any record file needs; bounds every walk over parsed data.
MAX_DEPTH = 64

_NO_ALIASES = yaml_rs.AliasLimits(0, 0, 0)
# Tags (`!x`), directives (`%YAML`, `%TAG`) and document markers take the precise path.
_TAG = re.compile(r"(?:^|[\s\[{,])!", re.M)
_MARKERS = ("\n%", "\n---", "\n...")


# yaml_rs reads `_0`, `1_000` or `0x_1` as numbers, as YAML 1.1 did; in YAML 1.2 core they
# are text. A plain word of digits (or hex digits) holding "_" takes the precise path, as
# a value or as a key (`1_000: x` was read as 1000; tests/test_fuzz_yaml.py found it).
_UNDERSCORED = re.compile(r"(?m)(?:^|[\s\[{,:-])[-+]?(?:0[xXoObB])?[0-9a-fA-F.]*_[0-9a-fA-F_.]*"
                          r"(?:[eE][-+]?[0-9_]+)?[ \t]*(?:$|[,\]}#:])")
# Likewise a signed hexadecimal or octal word (`+0x1`), or one with a capital X or O, is
# text in YAML 1.2 core.
_SIGNED_BASE = re.compile(r"(?m)(?:^|[\s\[{,:])(?:[-+]0[xXoO]|0[XO])")
# An alias (`*name`) takes the precise path, which refuses every one: yaml_rs reads an
# alias to a collection that holds it (`&m [a, *m]`) as null without a word.
_ALIAS = re.compile(r"(?m)(?:^|[\s\[{,])\*[^\s\[\]{},]")


# Found by tests/test_fuzz_yaml.py: yaml_rs reads `[x, >y]` as the word ">y" (in YAML 1.2
# no plain word starts with | or >), and a block scalar left empty at the end of the text
# (`description: |`) as a line break instead of "".
_FLOW_BLOCK_INDICATOR = re.compile(r"[\[{,][ \t]*[|>]")
_EMPTY_BLOCK_AT_END = re.compile(r"[|>][-+1-9]*[ \t]*(?:#[^\n]*)?\s*\Z")


def _suspicious(text: str) -> bool:
    """Cheap substring tests first: the regexes only run on texts holding "!" or "_"."""
    if text.startswith(("%", "---", "...")) or any(m in text for m in _MARKERS):
        return True
    if ("|" in text or ">" in text) and (_FLOW_BLOCK_INDICATOR.search(text) is not None or
                                         _EMPTY_BLOCK_AT_END.search(text[-200:]) is not None):
        return True
    if "_" in text and _UNDERSCORED.search(text) is not None:
        return True
    if "*" in text and _ALIAS.search(text) is not None:
        return True
    if ("0x" in text or "0o" in text or "0X" in text or "0O" in text) \
            and _SIGNED_BASE.search(text) is not None:
        return True
    return "!" in text and _TAG.search(text) is not None


class Parsed(NamedTuple):
    data: Any
    problems: list[Problem]
    ok: bool


def parse_yaml(text: str) -> Parsed:
    """Parse one YAML document from `text`; `ok` is False when no data could be read."""
    if not _suspicious(text):
        data = _fast(text)
        if data is not _FAILED:
            problems = inspect(data, check_escapes="\\" in text, check_nfc=not text.isascii())
            if problems is not None:
                return Parsed(repaired(data, problems), problems, True)
    return parse_precise(text)


def parse_precise(text: str) -> Parsed:
    """The precise path (see `ogpctl.source.precise`)."""
    from ogpctl.source.precise import parse_precise as precise

    return precise(text)


_FAILED = object()


def _fast(text: str) -> Any:
    try:
        return yaml_rs.loads(text, parse_datetime=False, alias_limits=_NO_ALIASES)
    except BaseException as error:  # a Rust panic surfaces as a BaseException subclass
        if isinstance(error, (KeyboardInterrupt, SystemExit, MemoryError)):
            raise
        return _FAILED


def inspect(data: Any, *, check_escapes: bool, check_nfc: bool) -> list[Problem] | None:
    """Walk the containers of parsed data once (iteratively). Returns the problems found,
    or None when the precise path must read the text: the data is too deep to walk safely,
    has a key that is not text, or a number a record cannot hold; that path reports them
    with a position. Paths are only built for the rare containers that have a problem."""
    if is_odd_number(data):
        return None
    flagged: list[Any] = []
    stack: list[tuple[Any, int]] = [(data, 0)] if type(data) in _CONTAINERS else []
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return None
        values = node.values() if isinstance(node, dict) else node
        if isinstance(node, dict) and _odd_keys(node, check_nfc):
            if not set(map(type, node)) <= _STR:
                return None
            flagged.append(node)
        if not _NUMBERS.isdisjoint(map(type, values)) and any(map(is_odd_number, values)):
            return None   # C-speed type test first: most containers hold no number
        if check_escapes and any(type(v) is str and FORBIDDEN_CHARS.search(v) for v in values):
            flagged.append(node)
        stack.extend((v, depth + 1) for v in values if type(v) in _CONTAINERS)
    if not flagged and not (check_escapes and isinstance(data, str)):
        return []
    return _problems_at(data, {id(node) for node in flagged}, check_escapes, check_nfc)


_STR = {str}
_NUMBERS = {int, float}
_CONTAINERS = (dict, list)


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


def _odd_keys(mapping: dict, check_nfc: bool) -> bool:
    """A key that is not text, or two keys equal once NFC-normalised (C-speed when ASCII)."""
    if not set(map(type, mapping)) <= _STR:
        return True
    if not check_nfc or all(map(str.isascii, mapping)):
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


def _key_problems(mapping: dict, path: DocPath, check_nfc: bool) -> list[Problem]:
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

"""The one YAML module: every loading decision is made here.

Record files are read with YAML 1.2 core-schema meaning whatever `%YAML` directive they
carry (`no` stays a word, `010` is ten, `12:30` is text), dates stay ISO strings, and tags,
aliases, duplicate keys (also keys equal after NFC normalisation), non-text keys,
multiple documents and deep nesting are findings with a position, never exceptions.

Two paths give the same data. The fast path is yaml_rs (Rust, no aliases allowed) behind
a pre-scan that sends anything unusual to the precise path: ruamel.yaml's pure-Python event
parser, which never recurses and carries a position on every event. Positions for
clean files are recovered later, and only for files with findings (see `positions`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any, NamedTuple

import yaml_rs

from ogpctl.diagnostics import DocPath
from ogpctl.source.problems import Problem, line_col
from ogpctl.source.text import FORBIDDEN_CHARS, describe_char

#: Deeper than any record file needs; bounds every walk over parsed data.
MAX_DEPTH = 64

_NO_ALIASES = yaml_rs.AliasLimits(0, 0, 0)
# Tags (`!x`), directives (`%YAML`, `%TAG`) and document markers take the precise path.
_TAG = re.compile(r"(?:^|[\s\[{,])!", re.M)
_MARKERS = ("\n%", "\n---", "\n...")


def _suspicious(text: str) -> bool:
    """Cheap substring tests first: the regex only runs on texts holding a "!"."""
    if text.startswith(("%", "---", "...")) or any(m in text for m in _MARKERS):
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
                return Parsed(_repaired(data, problems), problems, True)
    return parse_precise(text)


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
    or None when the data is too deep to walk safely, which the precise path reports with
    a position. Paths are only built for the rare containers that have a problem."""
    flagged: list[Any] = []
    stack: list[tuple[Any, int]] = [(data, 0)] if type(data) in _CONTAINERS else []
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return None
        values = node.values() if isinstance(node, dict) else node
        if isinstance(node, dict) and _odd_keys(node, check_nfc):
            flagged.append(node)
        if check_escapes and any(type(v) is str and FORBIDDEN_CHARS.search(v) for v in values):
            flagged.append(node)
        stack.extend((v, depth + 1) for v in values if type(v) in _CONTAINERS)
    if not flagged and not (check_escapes and isinstance(data, str)):
        return []
    return _problems_at(data, {id(node) for node in flagged}, check_escapes, check_nfc)


_STR = {str}
_CONTAINERS = (dict, list)


def _repaired(data: Any, problems: list[Problem]) -> Any:
    """After R003 or R009 is reported, a copy with keys as text and forbidden characters
    replaced by U+FFFD, so the rest of the document can still be validated and checked."""
    if not any(p.code in ("R003", "R009") for p in problems):
        return data
    return _repair(data)


def _repair(data: Any) -> Any:
    if isinstance(data, dict):
        return {_repair(str(key)): _repair(value) for key, value in data.items()}
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
    problems = []
    for key in mapping:
        if not isinstance(key, str):
            problems.append(Problem("R009", f"the key {describe_key(key)} is not text; "
                                    "write keys as words, quoting them if needed",
                                    path=path + (key,), key=True))
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


def describe_key(key: Any) -> str:
    if isinstance(key, bool):
        return f"{str(key).lower()} (a yes/no value)"
    if key is None:
        return "null (an empty value)"
    if isinstance(key, (int, float)):
        return f"{key} (a number)"
    return f"{key!r} (a list or mapping)"


def _string_problem(value: str, path: DocPath) -> Problem | None:
    match = FORBIDDEN_CHARS.search(value)
    if match:
        return Problem("R003", f"the text contains {describe_char(match.group())} "
                       "(written as an escape); remove it", path=path)
    return None


# --- the precise path -----------------------------------------------------------------


def parse_precise(text: str) -> Parsed:
    """Build the data from ruamel.yaml's event stream, checking everything on the way."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    too_deep = _flow_too_deep(text)
    if too_deep:
        return Parsed(None, [too_deep], False)
    builder = _Builder()
    try:
        builder.run(text)
    except _Stop as stop:
        return Parsed(None, [stop.problem], False)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "the YAML could not be read"
        return Parsed(None, [Problem("R001", f"YAML syntax error: {what}", line, column)], False)
    except (YAMLError, ValueError, UnicodeError) as error:
        return Parsed(None, [Problem("R001", f"YAML syntax error: {error}", 1, 1)], False)
    problems = builder.problems
    problems.extend(inspect(builder.result, check_escapes=True, check_nfc=False) or [])
    return Parsed(_repaired(builder.result, problems), problems, True)


_BRACKETS = re.compile(r"[\[\]{}]")


def _flow_too_deep(text: str) -> Problem | None:
    """ruamel's scanner reads ahead through a whole flow collection, which is quadratic
    in its depth; count brackets first (an estimate that only ever over-counts)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            line, column = line_col(text, match.start())
            return Problem("R007", f"the data is nested more than {MAX_DEPTH} levels deep", line, column)
    return None


class _Stop(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Frame:
    __slots__ = ("container", "pending", "keys", "has_key")

    def __init__(self, container: dict | list) -> None:
        self.container = container
        self.pending: Any = None
        self.has_key = False
        self.keys: dict[str, str] = {}


class _Builder:
    def __init__(self) -> None:
        self.stack: list[_Frame] = []
        self.result: Any = None
        self.problems: list[Problem] = []
        self.documents = 0

    def run(self, text: str) -> None:
        from ruamel.yaml import YAML

        for event in YAML(typ="safe", pure=True).parse(text):
            self.event(event)

    def event(self, event: Any) -> None:
        name = type(event).__name__
        mark = event.start_mark
        if name == "DocumentStartEvent":
            self.documents += 1
            if self.documents > 1:
                self.stop("R001", "the file holds more than one YAML document; keep one", mark)
        elif name == "AliasEvent":
            self.stop("R006", f"YAML aliases (*{event.anchor}) are not allowed in a record; "
                      "write the value out", mark)
        elif name in ("ScalarEvent", "MappingStartEvent", "SequenceStartEvent"):
            if event.tag is not None:
                self.stop("R005", f"YAML tags ({_tag_text(event.tag)}) are not allowed in a "
                          "record; remove the tag", mark)
            if name == "ScalarEvent":
                self.add(resolve_scalar(event.value, event.style, event.implicit), mark)
            else:
                self.open({} if name == "MappingStartEvent" else [], mark)
        elif name in ("MappingEndEvent", "SequenceEndEvent"):
            frame = self.stack.pop()
            if not self.stack:
                self.result = frame.container
            else:
                self.add(frame.container, mark)

    def open(self, container: dict | list, mark: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self.stop("R007", f"the data is nested more than {MAX_DEPTH} levels deep", mark)
        if self.stack and isinstance(self.stack[-1].container, dict) and not self.stack[-1].has_key:
            self.stop("R009", "a key is a list or mapping; write keys as words", mark)
        self.stack.append(_Frame(container))

    def add(self, value: Any, mark: Any) -> None:
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            frame.container.append(value)
        elif not frame.has_key:
            self.key(frame, value, mark)
        else:
            frame.container[frame.pending] = value
            frame.has_key = False

    def key(self, frame: _Frame, key: Any, mark: Any) -> None:
        if not isinstance(key, str):
            self.problems.append(Problem(
                "R009", f"the key {describe_key(key)} is not text; write keys as words, "
                "quoting them if needed", mark.line + 1, mark.column + 1))
            key = str(key)
        normal = unicodedata.normalize("NFC", key)
        if normal in frame.keys:
            same = "" if frame.keys[normal] == key else " once Unicode is normalised"
            self.problems.append(Problem(
                "R004", f"the key {key!r} appears twice in this mapping{same}; keep one",
                mark.line + 1, mark.column + 1))
        frame.keys[normal] = key
        frame.pending, frame.has_key = key, True

    def stop(self, code: str, message: str, mark: Any) -> None:
        raise _Stop(Problem(code, message, mark.line + 1, mark.column + 1))


def _tag_text(tag: Any) -> str:
    return str(getattr(tag, "value", tag))


# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
_NULL = re.compile(r"null|Null|NULL|~|")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
         "FALSE": False}
_INT10 = re.compile(r"[-+]?[0-9]+")
_INT8 = re.compile(r"0o[0-7]+")
_INT16 = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")


def resolve_scalar(value: str, style: Any, implicit: Any) -> Any:
    """The value of a scalar under the YAML 1.2 core schema; quoted scalars are text."""
    if style is not None or not (implicit and implicit[0]):
        return value
    if _NULL.fullmatch(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT10.fullmatch(value):
        return int(value)
    if _INT8.fullmatch(value):
        return int(value[2:], 8)
    if _INT16.fullmatch(value):
        return int(value[2:], 16)
    if _FLOAT.fullmatch(value):
        return float(value)
    if _INF.fullmatch(value):
        return -math.inf if value.startswith("-") else math.inf
    if _NAN.fullmatch(value):
        return math.nan
    return value

"""The precise YAML path: data built from ruamel.yaml's pure-Python event stream.

It never recurses (deep nesting is refused at a bounded depth), carries a position on
every event, and reports tags, aliases, duplicate keys, non-text keys and several
documents as findings. Scalars are resolved with the YAML 1.2 core schema, whatever
`%YAML` directive the file carries. `ogpctl.source.yaml.parse_yaml` sends files here when
the fast path fails or the pre-scan finds something unusual.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from ogpctl.source.problems import Problem, line_col
from ogpctl.source.yaml import MAX_DEPTH, Parsed, describe_key, inspect, repaired

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
        return Parsed(None, [syntax_problem(error, builder.last_scalar)], False)
    except (YAMLError, ValueError, UnicodeError) as error:
        return Parsed(None, [Problem("R001", f"YAML syntax error: {error}", 1, 1)], False)
    problems = builder.problems
    problems.extend(inspect(builder.result, check_escapes=True, check_nfc=False) or [])
    return Parsed(repaired(builder.result, problems), problems, True)


def syntax_problem(error: Any, last_scalar: Any = None) -> Problem:
    """R001 placed where the mistake was made. The parser notices an unclosed quote or
    bracket only where the file ends or the next key begins, which can be far below; when
    the error is of that kind, point at the quote or bracket that was opened instead."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = error.problem or error.context or "the YAML could not be read"
    opened = _unclosed(error) or _closed_late(error, last_scalar)
    if opened is None:
        return Problem("R001", f"YAML syntax error: {what}", line, column)
    start, message = opened
    return Problem("R001", f"YAML syntax error: {message} (the parser stopped at line {line}, "
                   f"column {column}: {what})", start.line + 1, start.column + 1)


_CLOSER = {'"': '"', "'": "'", "[": "]", "{": "}"}
_ENDS = ("found unexpected end of stream", "found unexpected document separator")
_FLOWS = ("while parsing a flow sequence", "while parsing a flow mapping")


def _char(mark: Any, offset: int = 0) -> str:
    """The character at a mark, read from the parser's own buffer (its line breaks)."""
    buffer = getattr(mark, "buffer", None) or ""
    at = getattr(mark, "index", -1) + offset
    return buffer[at] if 0 <= at < len(buffer) else ""


def _indent(mark: Any) -> int:
    """The indentation of the line a mark is on."""
    spaces = 0
    while _char(mark, spaces - mark.column) == " " and spaces < mark.column:
        spaces += 1
    return spaces


def _unclosed(error: Any) -> tuple[Any, str] | None:
    """A quote the file ends inside, or a flow list or mapping that the file leaves (it
    ends, or goes back to the indentation of the line that opened it) without closing."""
    start, stop, context = error.context_mark, error.problem_mark, error.context or ""
    opener = _char(start) if start is not None and stop is not None else ""
    if opener not in _CLOSER:
        return None
    problem = str(error.problem)
    if context.startswith("while scanning a quoted scalar") and problem in _ENDS:
        return start, f"the text quoted with {opener} here is never closed; add the closing " \
            f"{opener}"
    left = "<stream end>" in problem or (stop.line > start.line
                                         and _indent(stop) <= _indent(start))
    if context in _FLOWS and problem.startswith("expected ','") and left:
        what = "list" if opener == "[" else "mapping"
        return start, f"the {what} opened here with {opener} is never closed; add the " \
            f"closing {_CLOSER[opener]}"
    return None


def _closed_late(error: Any, scalar: Any) -> tuple[Any, str] | None:
    """A quote closed by the opening quote of a later text: the quoted text runs over
    several lines and the error comes on the line where it ends."""
    stop = error.problem_mark
    if scalar is None or stop is None or scalar.style not in ('"', "'"):
        return None
    start, end = scalar.start_mark, scalar.end_mark
    if end.line == start.line or stop.line != end.line:
        return None
    quote = scalar.style
    return start, (f"the text quoted with {quote} here runs on to line {end.line + 1}; is the "
                   f"closing {quote} missing on this line?")


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
        self.last_scalar: Any = None   # to explain a syntax error just after it

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
                self.last_scalar = event
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

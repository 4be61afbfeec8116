"""The precise YAML path: data built from ruamel.yaml's pure-Python event stream.

It never recurses (deep nesting is refused at a bounded depth), carries a position on
every event, and reports tags, aliases, duplicate keys, non-text keys, numbers a record
cannot hold and several documents as findings. Scalars are resolved with the YAML 1.2
core schema, whatever `%YAML` directive the file carries (another version is a warning).
`ogpctl.source.yaml.parse_yaml` sends files here when the fast path fails or the pre-scan
finds something unusual.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from ogpctl.base.diagnostics import DocPath
from ogpctl.source.numbers import MAX_DIGITS, number_problem, yaml_words
from ogpctl.source.problems import Problem, line_col
from ogpctl.source.walk import MAX_DEPTH, Parsed, describe_key, inspect, repaired


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
    except (YAMLError, ValueError, UnicodeError, AssertionError) as error:
        # ruamel asserts on some directives (`%YAML 1.3`): a syntax error all the same
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
        return Problem("R001", f"YAML syntax error: {what}{_quote_hint(error, what)}", line,
                       column)
    start, message = opened
    return Problem("R001", f"YAML syntax error: {message} (the parser stopped at line {line}, "
                   f"column {column}: {what})", start.line + 1, start.column + 1)


#: A key, then a text that holds ": " itself (French typography puts a space before a colon:
#: `fr: Défi : justice`), which YAML reads as a second key on the line.
_TEXT_WITH_COLON = re.compile(r"(\s*(?:-\s+)?)([^\s#'\"{}\[\],&*!|>%@`-][^:#]*?):\s+(.*\S)\s*")


def _quote_hint(error: Any, what: str) -> str:
    """For "mapping values are not allowed here" on a line `key: text: more`, how to
    write it: the text in quotes (the commonest cause, and the message says nothing of it)."""
    mark = error.problem_mark
    if mark is None or not what.startswith("mapping values are not allowed"):
        return ""
    buffer = getattr(mark, "buffer", None) or ""
    start = getattr(mark, "index", 0) - mark.column
    end = buffer.find("\n", start)
    line = buffer[start:end if end >= 0 else len(buffer)].rstrip("\r\0")
    found = _TEXT_WITH_COLON.fullmatch(line)
    if found is None or len(found[1]) + len(found[2]) + 2 > mark.column:
        return ""
    text = found[3]
    if len(text) > 60 or " #" in text:
        return "; the text after the key holds ': ': put the text in quotes"
    quoted = f'"{text}"' if '"' not in text and "\\" not in text \
        else "'" + text.replace("'", "''") + "'"
    return f"; the text after the key holds ': ': put the text in quotes ({found[2]}: {quoted})"


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
_DIRECTIVE = re.compile(r"^%YAML", re.M)


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
            return Problem("R007", f"the data is nested more than {MAX_DEPTH} levels deep",
                           line, column)
    return None


class _Stop(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Frame:
    __slots__ = ("container", "pending", "keys", "has_key", "start", "path")

    def __init__(self, container: dict[Any, Any] | list[Any], start: Any, path: DocPath) -> None:
        self.container = container
        self.pending: Any = None
        self.has_key = False
        self.keys: dict[str, str] = {}
        self.start = start      # the mark of the collection's first character
        self.path = path        # where the collection sits in the document

    def step(self) -> str | int | None:
        """The path step of the next value added to this collection (None for a key)."""
        if isinstance(self.container, list):
            return len(self.container)
        return self.pending if self.has_key else None


class _Builder:
    def __init__(self) -> None:
        self.stack: list[_Frame] = []
        self.result: Any = None
        self.problems: list[Problem] = []
        self.documents = 0
        self.last_scalar: Any = None   # to explain a syntax error just after it
        self.text = ""

    def run(self, text: str) -> None:
        from ruamel.yaml import YAML

        self.text = text
        for event in YAML(typ="safe", pure=True).parse(text):
            self.event(event)

    def event(self, event: Any) -> None:
        name = type(event).__name__
        mark = event.start_mark
        if name == "DocumentStartEvent":
            self.document(event)
        elif name == "AliasEvent":
            self.stop("R006", f"YAML aliases (*{event.anchor}) are not allowed in a record; "
                      "write the value out", mark)
        elif name in ("ScalarEvent", "MappingStartEvent", "SequenceStartEvent"):
            if event.tag is not None:
                self.stop("R005", f"YAML tags ({_tag_text(event.tag)}) are not allowed in a "
                          "record; remove the tag", mark)
            if name == "ScalarEvent":
                self.last_scalar = event
                value = resolve_scalar(event.value, event.style, event.implicit)
                self.add(value, mark, event.value)
            else:
                self.open({} if name == "MappingStartEvent" else [], mark)
        elif name in ("MappingEndEvent", "SequenceEndEvent"):
            frame = self.stack.pop()
            if not self.stack:
                self.result = frame.container
            else:
                self.add(frame.container, frame.start)

    def document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            self.stop("R001", "the file holds more than one YAML document; keep one",
                      event.start_mark)
        version = getattr(event, "version", None)
        if version and tuple(version) != (1, 2):
            written = ".".join(str(part) for part in version)
            directive = _DIRECTIVE.search(self.text)
            line, column = line_col(self.text, directive.start()) if directive else (1, 1)
            self.problems.append(Problem(
                "R011", f"the file declares %YAML {written}, but record files are read as "
                "YAML 1.2 (no stays a word, 010 is ten); remove the %YAML line", line, column))

    def open(self, container: dict[Any, Any] | list[Any], mark: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self.stop("R007", f"the data is nested more than {MAX_DEPTH} levels deep", mark)
        path = self.here() if self.stack else ()
        self.stack.append(_Frame(container, mark, path))

    def here(self) -> DocPath:
        """The path of the next value added (its mapping's, for a key)."""
        frame = self.stack[-1]
        step = frame.step()
        return frame.path if step is None else frame.path + (step,)

    def add(self, value: Any, mark: Any, written: str = "") -> None:
        if not self.stack:
            self.result = self.checked(value, mark, written)
            return
        frame = self.stack[-1]
        if isinstance(frame.container, dict) and not frame.has_key:
            self.key(frame, value, mark, written)
            return
        value = self.checked(value, mark, written)
        if isinstance(frame.container, list):
            frame.container.append(value)
        else:
            frame.container[frame.pending] = value
            frame.has_key = False

    def checked(self, value: Any, mark: Any, written: str) -> Any:
        """`value`, or the text written for it when it is a number a record cannot hold."""
        wrong = number_problem(value, written)
        if wrong is None:
            return value
        path = self.here() if self.stack else ()
        subject = next((f'"{s}"' for s in reversed(path) if isinstance(s, str)), "the value")
        self.problems.append(Problem("F103", f"{subject} {wrong}", mark.line + 1,
                                     mark.column + 1, path))
        return written

    def key(self, frame: _Frame, key: Any, mark: Any, written: str = "") -> None:
        if not isinstance(key, str):
            words = yaml_words(written or key)   # a scalar key as written: ~, 2026, 1e999
            self.problems.append(Problem(
                "R009", f"the key {describe_key(key, words)} is not text; write keys as words, "
                "quoting them if needed", mark.line + 1, mark.column + 1,
                frame.path + (words,), True))
            key = words
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
    if _INT10.fullmatch(value):   # a longer one is past any limit: as a float, infinity
        return int(value) if len(value) <= MAX_DIGITS else float(value)
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

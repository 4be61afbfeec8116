"""The promise of every command that edits the record (README): a bad value is refused
before anything is written. The text a command is about to write is read back as `check`
reads a record file (encoding, characters, YAML, the file's JSON Schema), and what `check`
would call an error there stops the write with the findings, placed by line and column."""

from __future__ import annotations

from typing import NamedTuple

from ogpctl.base.diagnostics import Severity
from ogpctl.base.errors import RecordWriteError
from ogpctl.record.kinds import Kind
from ogpctl.record.read import read_bytes, to_document
from ogpctl.rules import lookup
from ogpctl.source.positions import Locator, compose
from ogpctl.source.problems import Problem


class FileError(NamedTuple):
    line: int
    column: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column} error {self.code} {self.message}"


def file_errors(rel: str, kind: Kind, text: str) -> list[FileError]:
    """Every error `check` reports on reading `text` as the record file `rel` of `kind`."""
    doc, problems = to_document(rel, read_bytes(text.encode("utf-8"), kind))
    errors = [p for p in problems if _is_error(p)]
    if not errors:
        return []
    locator = Locator(compose(text)) if doc.ok and not kind.markdown else None
    return [FileError(*_place(p, locator), p.code, p.message) for p in errors]


def refuse_errors(rel: str, kind: Kind, after: str, before: str | None = None,
                  why: str = "nothing was written") -> None:
    """Refuse to write `after` into `rel` when it would have an error; given the file as it
    is (`before`), only errors it does not already have: an edit answers for what it adds."""
    errors = file_errors(rel, kind, after)
    if before is not None and errors:
        known = {(e.code, e.message) for e in file_errors(rel, kind, before)}
        errors = [e for e in errors if (e.code, e.message) not in known]
    if errors:
        raise RecordWriteError(f"{rel} would not pass `ogpctl check` ({why}):\n  " +
                               "\n  ".join(f"{rel}:{error}" for error in errors))


def _is_error(problem: Problem) -> bool:
    rule = lookup(problem.code)
    return rule is None or rule.severity is Severity.ERROR


def _place(problem: Problem, locator: Locator | None) -> tuple[int, int]:
    if problem.line:
        return problem.line, problem.column
    if locator is None or problem.path is None:
        return 1, 1
    return locator.locate(problem.path, problem.key)

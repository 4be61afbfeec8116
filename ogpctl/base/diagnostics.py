"""The one finding type every check produces."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

#: Where a value sits inside a parsed document: mapping keys and list indexes.
DocPath = tuple["str | int", ...]
#: A finding as a plain tuple (the cache's form): the fields of `Diagnostic` in order.
DiagnosticRow = tuple[str, int, str, str, int, int, str, "DocPath | None", bool]


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, word: str) -> Severity:
        return cls[word.upper()]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: a rule code, a message and where it is.

    `line` and `column` are 1-based; 0 means "the whole file". A rule may give a `path`
    inside the document instead; `ogpctl.source.positions` turns it into a line and column
    only for files that have findings, so clean files are never re-read.
    """

    code: str
    severity: Severity
    message: str
    file: str
    line: int = 0
    column: int = 0
    handbook: str = ""
    path: DocPath | None = None
    key: bool = False

    @property
    def located(self) -> bool:
        return self.path is None

    def at(self, line: int, column: int) -> Diagnostic:
        return replace(self, line=line, column=column, path=None, key=False)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "handbook": self.handbook,
        }

    def to_tuple(self) -> DiagnosticRow:
        """A plain tuple for the cache (marshal cannot store dataclasses)."""
        return (self.code, int(self.severity), self.message, self.file, self.line,
                self.column, self.handbook, self.path, self.key)

    @classmethod
    def from_tuple(cls, row: DiagnosticRow) -> Diagnostic:
        code, severity, message, file, line, column, handbook, path, key = row
        return cls(code, Severity(severity), message, file, line, column, handbook,
                   None if path is None else tuple(path), key)

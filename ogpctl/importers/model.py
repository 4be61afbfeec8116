"""What an importer read from a source, before it becomes record files: commitments with
their milestones and dated progress, the plan's narrative sections, and findings with the
place in the source each one is about.

Texts are maps from language code to Markdown. Stakeholders are the names the source writes
(`ogpctl.importers.target` turns them into ids of stakeholders.yaml). Statuses are the
record's codes and dates ISO strings: a reader reports what it cannot read, it never
guesses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

#: A multilingual text: language code -> Markdown.
Text = dict[str, str]
ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Place:
    """Where something sits in a source: a file, and in it a sheet, row and column, or a
    table and row, or a line."""

    file: str
    sheet: str | None = None
    table: int | None = None
    row: int | None = None
    column: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet!r}")
        if self.table is not None:
            parts.append(f"table {self.table}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        text = ", ".join(parts)
        return f"{text}:{self.line}" if self.line is not None else text

    def at(self, **changes: Any) -> Place:
        values = {**self.__dict__, **changes}
        return Place(**values)


@dataclass(frozen=True)
class Finding:
    """Something the importer says about a place in the source. Errors stop the import
    (unless --skip-bad leaves their row, table or file out); warnings are said and the
    rest is imported."""

    place: Place
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        return f"{self.place}: {self.severity}: {self.message}"


@dataclass
class Update:
    """A dated progress update of a milestone (handbook 5.2)."""

    date: str
    place: Place
    status: str | None = None
    note: Text = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)   # {title?, url}
    delay_reason: Text = field(default_factory=dict)
    next_steps: Text = field(default_factory=dict)


@dataclass
class Milestone:
    number: int
    place: Place
    title: Text = field(default_factory=dict)
    output: Text = field(default_factory=dict)
    due: str | None = None
    lead: str | None = None                                  # a name
    supporting: dict[str, list[str]] = field(default_factory=dict)   # sector -> names
    roles: dict[str, Text] = field(default_factory=dict)             # name -> role
    status: str | None = None
    progress: list[Update] = field(default_factory=list)


#: The commitment texts a source can give, as paths in the commitment file.
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title",), "brief-description": ("brief-description",), "theme": ("theme",),
    "problem": ("problem", "what"), "causes": ("problem", "causes"),
    "done-so-far": ("description", "done-so-far"), "solution": ("description", "solution"),
    "results": ("description", "results"), "relevance": ("relevance",),
}
#: The texts only a Word plan of ogpctl's gives: a challenge (3.4) or local (6.3)
#: commitment's questions, and the implementation plan.
DOCUMENT_FIELDS: dict[str, tuple[str, ...]] = {
    "priority": ("challenge", "priority"), "co-creation": ("challenge", "co-creation"),
    "reasoned-response": ("challenge", "reasoned-response"),
    "jurisdiction": ("local", "jurisdiction"), "national-policy": ("local", "national-policy"),
    "resources": ("implementation-plan", "resources"),
    "responsibilities": ("implementation-plan", "responsibilities"),
    "risks": ("implementation-plan", "risks"),
}


@dataclass
class Commitment:
    number: int
    place: Place
    texts: dict[str, Text] = field(default_factory=dict)    # TEXT_FIELDS name -> text
    lead: str | None = None
    supporting: dict[str, list[str]] = field(default_factory=dict)
    roles: dict[str, Text] = field(default_factory=dict)    # supporting name -> its role
    start: str | None = None
    end: str | None = None
    values: list[str] = field(default_factory=list)
    ogp_id: str | None = None
    links: list[dict[str, Any]] = field(default_factory=list)   # {title?: Text, url}
    milestones: list[Milestone] = field(default_factory=list)
    kind: str | None = None                                 # regular, challenge or local
    added: str | None = None                                # a challenge commitment's date
    activities: list[Text] = field(default_factory=list)    # of the implementation plan

    def text(self, name: str) -> Text:
        return self.texts.setdefault(name, {})

    def milestone(self, number: int, place: Place) -> Milestone:
        """The milestone `number`, added when the commitment does not have it yet."""
        return _numbered(self.milestones, number, lambda: Milestone(number, place))


class Supported(Protocol):
    """A commitment or a milestone: a lead and supporting stakeholders with roles."""

    lead: str | None
    supporting: dict[str, list[str]]
    roles: dict[str, Text]


@dataclass
class Source:
    """Everything read from one source."""

    name: str
    commitments: list[Commitment] = field(default_factory=list)
    sections: dict[tuple[str, str], str] = field(default_factory=dict)  # (section, lang)
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)      # how the source was read
    #: The language each organisation's name is written in, when the source says it (a
    #: Word plan: the document's, or the one ogpctl marked a name with).
    name_languages: dict[str, str] = field(default_factory=dict)

    def commitment(self, number: int, place: Place) -> Commitment:
        """The commitment `number`, added when the source has not read it yet."""
        return _numbered(self.commitments, number, lambda: Commitment(number, place))

    def error(self, place: Place, message: str) -> None:
        self.findings.append(Finding(place, message, ERROR))

    def warn(self, place: Place, message: str) -> None:
        self.findings.append(Finding(place, message, WARNING))

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]


def _numbered(items: list[Any], number: int, make: Callable[[], Any]) -> Any:
    """The item of `items` with `number`, else a new one made and appended."""
    for item in items:
        if item.number == number:
            return item
    items.append(made := make())
    return made

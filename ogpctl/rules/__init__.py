"""The rule catalogue.

A rule is a catalogue entry (stable code, name, family, severity, handbook section, the
stage from which it applies) and, for most rules, a small function over the record
model registered with `@rule`. Its docstring is the documentation `ogpctl explain`
prints: a summary line, an explanation with the fix, then `Fails:` and `Passes:`
examples. Findings of the reading and schema layers have entries without a function.
"""

from __future__ import annotations

import importlib
import inspect
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from ogpctl.base.diagnostics import DocPath, Severity
from ogpctl.record.model import Stage

#: Families in catalogue order; each is a module of this package.
FAMILIES = ("reading", "structure", "smart", "languages", "calendar", "assessment",
            "requirements", "repository")
#: Modules that hold rules of those families besides the family's own module.
MODULES = (*FAMILIES, "amendments", "progress")


class Finding(NamedTuple):
    """What a rule function yields; the runner adds the code, severity and handbook."""

    file: str
    message: str
    path: DocPath | None = None
    key: bool = False
    line: int = 0
    column: int = 0
    handbook: str = ""     # the section this finding cites, when not the rule's
    settled: bool = False  # a failure in the past nothing can fix now: a warning, never an error


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    family: str
    severity: Severity
    handbook: str
    summary: str
    explanation: str
    fails: str = ""
    passes: str = ""
    applies_from: Stage = Stage.CO_CREATION
    error_from: Stage | None = None   # a warning before this stage, an error from it
    subject: str | None = None        # "record", "plan", "commitment" or a file kind
    check: Callable[..., Iterable[Finding]] | None = field(default=None, compare=False)

    def severity_at(self, stage: Stage) -> Severity | None:
        """The severity at a stage, or None when the rule does not apply yet."""
        if stage < self.applies_from:
            return None
        if self.error_from is not None:
            return Severity.ERROR if stage >= self.error_from else Severity.WARNING
        return self.severity


_REGISTRY: dict[str, Rule] = {}


def parse_doc(doc: str) -> tuple[str, str, str, str]:
    """Split a rule docstring into summary, explanation, failing and passing example."""
    text = inspect.cleandoc(doc or "")
    sections: dict[str, list[str]] = {"": [], "Fails:": [], "Passes:": []}
    current = ""
    for line in text.splitlines():
        if line.strip() in ("Fails:", "Passes:"):
            current = line.strip()
            continue
        sections[current].append(line)
    body = "\n".join(sections[""]).strip()
    summary, _, explanation = body.partition("\n\n")
    examples = [textwrap.dedent("\n".join(sections[k])).strip("\n") for k in ("Fails:", "Passes:")]
    return " ".join(summary.split()), explanation.strip(), examples[0], examples[1]


def entry(code: str, name: str, *, family: str, severity: Severity, handbook: str, doc: str,
          applies_from: Stage = Stage.CO_CREATION, error_from: Stage | None = None) -> Rule:
    """Register a catalogue entry whose findings come from the reading or schema layers."""
    summary, explanation, fails, passes = parse_doc(doc)
    return _register(Rule(code, name, family, severity, handbook, summary, explanation, fails,
                          passes, applies_from, error_from))


def rule(code: str, name: str, *, family: str, severity: Severity, handbook: str, subject: str,
         applies_from: Stage = Stage.CO_CREATION, error_from: Stage | None = None
         ) -> Callable[[Callable[..., Iterable[Finding]]], Callable[..., Iterable[Finding]]]:
    """Register a rule function: `check(subject, context) -> Iterable[Finding]`."""
    def decorate(check: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        summary, explanation, fails, passes = parse_doc(check.__doc__ or "")
        _register(Rule(code, name, family, severity, handbook, summary, explanation, fails,
                       passes, applies_from, error_from, subject, check))
        return check
    return decorate


def _register(new: Rule) -> Rule:
    if new.code in _REGISTRY:
        raise ValueError(f"rule code {new.code} is registered twice")
    _REGISTRY[new.code] = new
    return new


@cache
def catalogue() -> dict[str, Rule]:
    """Every rule, by code, in catalogue order (importing the families registers them)."""
    for module in MODULES:
        importlib.import_module(f"ogpctl.rules.{module}")
    return dict(sorted(_REGISTRY.items(), key=lambda item: (
        FAMILIES.index(item[1].family) if item[1].family in FAMILIES else 99, item[0])))


def lookup(code: str) -> Rule | None:
    return catalogue().get(code.upper())


def checks_for(subject: str) -> tuple[Rule, ...]:
    return _by_subject().get(subject, ())


@cache
def _by_subject() -> dict[str, tuple[Rule, ...]]:
    found: dict[str, list[Rule]] = {}
    for item in catalogue().values():
        if item.check is not None and item.subject:
            found.setdefault(item.subject, []).append(item)
    return {subject: tuple(items) for subject, items in found.items()}


def run_check(item: Rule, subject: Any, context: Any) -> list[Finding]:
    return list(item.check(subject, context)) if item.check else []

"""Running the catalogue over a record and turning findings into Diagnostics."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ogpctl.base.diagnostics import Diagnostic, Severity
from ogpctl.domain.document_repository import Files, evidence_files, listed_files
from ogpctl.domain.stage import plan_stage
from ogpctl.record.model import Plan, Record, Stage
from ogpctl.rules import Finding, Rule, catalogue, checks_for
from ogpctl.rules.languages import screens_of
from ogpctl.source.problems import Problem

if TYPE_CHECKING:
    from ogpctl.base.vcs import History, Place

T = TypeVar("T")


@dataclass
class RuleContext:
    """What every rule may read besides its subject."""

    record: Record
    today: date
    stage: Stage | None = None          # --for: judge every plan as if at this stage
    memo: dict[str, Any] = field(default_factory=dict)
    #: Where git tells which plans were delivered (their `submitted/<plan>` tags and the
    #: trees they hold): the record's folder in a checkout. None: the record's own root;
    #: `ogpctl review` checks copies in scratch folders and names the checkout they came from.
    deliveries: Path | None = None

    def shared(self, key: str, make: Callable[[], T]) -> T:
        """What `make` computes, once per check: a fact several rules read (the evidence
        folders, the obligations, the evidence references) is made by the first to ask."""
        if key not in self.memo:
            self.memo[key] = make()
        value: T = self.memo[key]
        return value

    def evidence_files(self) -> dict[str, dict[str, Files]]:
        """Every plan's evidence folders as listed on disk (`scan_evidence`), once per check:
        the evidence rules and the repository index read the same listing."""
        return self._evidence()[0]

    def evidence_links(self) -> list[str]:
        """The symbolic links in the evidence folders (found by the same listing): R012."""
        return self._evidence()[1]

    def _evidence(self) -> tuple[dict[str, dict[str, Files]], list[str]]:
        def scan() -> tuple[dict[str, dict[str, Files]], list[str]]:
            links: list[str] = []
            return evidence_files(self.record, links), sorted(links)
        return self.shared("evidence-files", scan)

    def listed_files(self) -> dict[str, int]:
        """Every file of `evidence_files`, with its size."""
        return self.shared("listed-files", lambda: listed_files(self.evidence_files()))

    def plan_stage(self, plan: Plan) -> Stage:
        """The stage `plan` is judged at: --for, else the one `ogpctl.domain.stage` derives from
        the record and the calendar as of today (`status:` is checked against it, C415)."""
        if self.stage is not None:
            return self.stage
        stages: dict[str, Stage] = self.memo.setdefault("stages", {})
        if plan.id not in stages:
            stages[plan.id] = plan_stage(plan, self.today).stage
        return stages[plan.id]

    def stage_of(self, file: str) -> Stage:
        files: dict[str, Stage] = self.memo.setdefault("file-stages", {})   # once a finding
        if file not in files:
            files[file] = self._stage_of(file)
        return files[file]

    def _stage_of(self, file: str) -> Stage:
        plan = self.record.plan_of(file)
        if plan is not None:
            return self.plan_stage(plan)
        if "record-stage" not in self.memo:
            self.memo["record-stage"] = max(
                (self.plan_stage(p) for p in self.record.plans),
                default=self.stage if self.stage is not None else Stage.CO_CREATION)
        stage: Stage = self.memo["record-stage"]
        return stage

    def history(self) -> History:
        """The record's git history, read on first use: once per check, and never when no
        rule needs it (a `git log` costs more than every other rule together)."""
        if "history" not in self.memo:
            from ogpctl.base import vcs
            place = self.git_place()
            self.memo["history"] = vcs.History(vcs.NOT_A_REPOSITORY) \
                if place is None else vcs.read_history(self.record.root, place)
        history: History = self.memo["history"]
        return history

    def delivery_root(self) -> Path:
        """The folder whose git repository holds the plans' `submitted/<plan>` tags."""
        return self.deliveries or self.record.root

    def submission_tags(self) -> dict[str, date]:
        """The day of each `submitted/<plan>` git tag, by plan id, read on first use (and
        only when git said that such a tag exists)."""
        if "submission-tags" not in self.memo:
            from ogpctl.base import vcs
            root = self.delivery_root()
            if self.deliveries is None:   # the record's own repository: its place is shared
                place = self.git_place()
                found = {} if place is None else vcs.submission_tags(root, place)
            else:
                found = {} if outside_git(root) else vcs.submission_tags(root)
            self.memo["submission-tags"] = found
        tags: dict[str, date] = self.memo["submission-tags"]
        return tags

    def git_place(self) -> Place | None:
        """Where the record sits in git (one `git rev-parse` the history and the tags
        share), None without starting git when it is surely in no repository."""
        if "git-place" not in self.memo:
            from ogpctl.base import vcs
            self.memo["git-place"] = None if outside_git(self.record.root) \
                else vcs.find_place(self.record.root)
        place: Place | None = self.memo["git-place"]
        return place


def outside_git(root: Path) -> bool:
    """Whether git would surely find no repository for `root`, found without starting it
    (a record that is not in git, such as a folder of generated records): no GIT_DIR, and
    neither a `.git` nor a bare repository's HEAD in the record's folder or above it."""
    if "GIT_DIR" in os.environ:
        return False
    folder = root.absolute()
    return not any((place / ".git").exists() or (place / "HEAD").is_file()
                   for place in (folder, *folder.parents))


#: How the schemas' titles show a text in several languages; a finding says it with the
#: record's own languages (`{en: …, fr: …}` in a French record), English first.
LANGUAGE_EXAMPLE = "{en: …, es: …}"


def diagnostic(item: Rule, context: RuleContext, finding: Finding) -> Diagnostic | None:
    severity = item.severity_at(context.stage_of(finding.file))
    if severity is None:
        return None
    if finding.settled and severity is Severity.ERROR:
        severity = Severity.WARNING   # no change can undo it: it must not fail every change
    message = finding.message
    if LANGUAGE_EXAMPLE in message:
        written = context.record.languages.written
        message = message.replace(LANGUAGE_EXAMPLE,
                                  "{" + ", ".join(f"{lang}: …" for lang in written) + "}")
    return Diagnostic(item.code, severity, message, finding.file, finding.line,
                      finding.column, finding.handbook or item.handbook,
                      None if finding.line else tuple(finding.path or ()), finding.key)


def from_problems(problems: Iterable[tuple[str, Problem]], context: RuleContext
                  ) -> list[Diagnostic]:
    rules = catalogue()
    found = []
    for file, problem in problems:
        finding = Finding(file, problem.message, problem.path, problem.key, problem.line,
                          problem.column, problem.handbook)
        made = diagnostic(rules[problem.code], context, finding)
        if made is not None:
            found.append(made)
    return found


def run_rules(context: RuleContext) -> list[Diagnostic]:
    record = context.record
    for doc in record.documents.values():   # each document read in turn: see screens_of
        if doc.ok:
            screens_of(doc, record.languages)
    subjects: list[tuple[str, Any]] = [("record", record)]
    for plan in record.plans:
        subjects.append(("plan", plan))
        subjects.extend(("commitment", c) for c in plan.commitments
                        if c.doc.ok and isinstance(c.doc.data, dict))
    subjects.extend(("document", d) for d in record.documents.values() if d.ok)
    found = []
    for name, subject in subjects:
        for item in checks_for(name):
            if item.check is None:          # checks_for gives only rules with a check
                continue
            for finding in item.check(subject, context):
                made = diagnostic(item, context, finding)
                if made is not None:
                    found.append(made)
    return found

"""What the commands that show the record do with a file `check` reports as unreadable or
invalid: the errors found while the files are read (R001 YAML syntax, R004 a duplicate
key, R010 front matter, the schema's F101-F104, ...; `check` reports the same findings).

Such a file is not the record its author meant: a plan.yaml with one bad indent reads as an
empty plan (in co-creation, no dates, no ratings), a duplicate key keeps one of two values,
an invalid `status:` is a word no rule knows. Publishing it would change what the public
sees into something false, so:

- the public outputs (`site`, `render`, `index`, `deadlines --format ics`) refuse: exit 1,
  each finding on its own line as `check` prints it (file:line:col, code, message), and
  nothing written. The site already published stays as it was (a CI deploy step fails
  and the last good build stays online) until the file is fixed;
- the point of contact's screens (`status`, `deadlines`) list the findings first and
  leave out each plan whose plan.yaml cannot be used, saying so, rather than show it in
  a stage, or with dates, it does not have.

Publishing the last good version of a file from git instead would mix files of different
days into a record that never existed and that `check` never saw."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ogpctl.base.diagnostics import Diagnostic
    from ogpctl.record.load import FileCache
    from ogpctl.record.model import Plan
    from ogpctl.record.model import Record as RecordModel


#: What makes a file not the record its author meant, besides the R codes (a file that
#: cannot be read as text or YAML): a field missing, unknown (a misspelt `delivred:`), of
#: the wrong value or shape, an impossible date, a required file missing, a milestone date
#: that is not a date. Not F105: a field still empty is said as empty, not misread.
INVALID = frozenset({"F101", "F102", "F103", "F104", "F119", "S240"})


#: Read as written all the same: a bidirectional control (R013) is dropped by every output
#: (`ogpctl.source.bidi.shown`), so the text published is the one the author wrote.
SHOWN_SAFELY = frozenset({"R013"})


def _misreading(code: str) -> bool:
    return code not in SHOWN_SAFELY and (code.startswith("R") or code in INVALID)


def _misread(item: Diagnostic) -> bool:
    from ogpctl.base.diagnostics import Severity

    return item.severity is Severity.ERROR and _misreading(item.code)


@dataclass
class Checked:
    """A record as read, with the errors found while reading its files."""

    record: RecordModel
    unusable: list[Diagnostic] = field(default_factory=list)

    def about(self, plan: str | None = None) -> list[Diagnostic]:
        """The findings about the files an output of `plan` reads (every file without a
        plan): the record's own files and that plan's."""
        if plan is None:
            return self.unusable
        return [d for d in self.unusable
                if not d.file.startswith("plans/") or d.file.startswith(f"plans/{plan}/")]

    def unusable_plans(self) -> dict[str, list[Diagnostic]]:
        """Each plan whose plan.yaml cannot be used, with the findings that say why."""
        found: dict[str, list[Diagnostic]] = {}
        for plan in self.record.plans:
            said = [d for d in self.unusable if d.file == plan.path]
            if said or not _plan_usable(plan):
                found[plan.id] = said
        return found


def _plan_usable(plan: Plan) -> bool:
    return plan.readable


def load_checked(path: Path, today: date, editing: bool = False,
                 cache: FileCache | None = None) -> Checked:
    """The record holding `path` (as `ogpctl.cli.options.record_at` finds it), read once,
    with the errors its files have as `check` reports them (suppressions applied); each
    file's parse kept in `cache` (`ogpctl site`: its store)."""
    from ogpctl.cli.options import record_root
    from ogpctl.record.discover import discover
    from ogpctl.record.load import load_documents
    from ogpctl.record.model import build_record

    root = record_root(path, editing)
    layout = discover(root)
    documents, problems = load_documents(root, layout, cache, keep_all=cache is not None)
    record = build_record(root, documents, layout.plan_ids)
    said = [(file, p) for file, p in layout.problems + problems if _misreading(p.code)]
    if not said:   # the usual case: the rule catalogue is not even imported
        return Checked(record)
    from ogpctl.check.locate import finish
    from ogpctl.rules.runner import RuleContext, from_problems

    found = finish(record, from_problems(said, RuleContext(record, today, None)))
    return Checked(record, [d for d in found if _misread(d)])


def line(item: Diagnostic) -> str:
    """A finding as `check` names it: file:line:col, code, message."""
    from ogpctl.check.report import printable

    where = f"{item.file}:{item.line}:{item.column}" if item.line else item.file
    return f"{printable(where)}  {item.code}  {printable(item.message)}"


def refuse(checked: Checked, what: str, plan: str | None = None) -> bool:
    """Say why `what` is not written and return True when a file it reads cannot be used
    (the command then exits 1); False, saying nothing, otherwise."""
    from ogpctl.cli.options import counted

    found = checked.about(plan)
    if not found:
        return False
    files = sorted({d.file for d in found})
    typer.echo(f"ogpctl: {what} was not written: {counted(len(files), 'file')}"
               " of the record cannot be read as written, and publishing "
               f"{'it' if len(files) == 1 else 'them'} would show something the record does "
               "not say; fix these (`ogpctl check` reports them too):", err=True)
    for item in found:
        typer.echo(f"  error  {line(item)}", err=True)
    return True


def warn(checked: Checked, lang: str = "en", err: bool = True) -> None:
    """The findings, for a screen in `lang` that goes on without those files (on standard
    output when they are part of the screen, not `err`)."""
    from ogpctl.domain import screens

    left_out = checked.unusable_plans()
    for item in checked.unusable:
        typer.echo(screens.invalid_line(lang, line(item)), err=err)
    plan_files = {f"plans/{plan}/plan.yaml" for plan in left_out}
    if any(item.file not in plan_files for item in checked.unusable):
        typer.echo(screens.invalid_note(lang), err=err)
    for plan, said in left_out.items():
        codes = ", ".join(dict.fromkeys(d.code for d in said))
        typer.echo(screens.left_out_line(lang, plan, codes), err=err)

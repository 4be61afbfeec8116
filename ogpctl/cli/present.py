"""Terminal presentation: the only module that imports rich. Record text is passed as
`Text` objects, never as markup, so a finding quoting "[red]" prints as written."""

from __future__ import annotations

import io
import os
from collections import defaultdict
from datetime import date

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ogpctl.base.diagnostics import Severity
from ogpctl.check.report import printable, text_lines
from ogpctl.check.run import CheckResult
from ogpctl.domain import screens
from ogpctl.domain.obligations import FAILED, Obligation
from ogpctl.domain.rollup import Totals
from ogpctl.domain.status import PlanStatus
from ogpctl.rules import Rule

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


#: Columns for output that is not a terminal (a pipe, a file): wide enough that no table
#: cell folds, so each row stays on one line for grep, sort and diff.
_PIPE_WIDTH = 4096


def _console() -> Console:
    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = _PIPE_WIDTH   # rich would take 80 columns, folding cells to ~15
    return console


def print_check(result: CheckResult) -> None:
    """The text report (`ogpctl.check.report.text_lines`) on a terminal, in colour: one
    `print` of one `Text` (rich's cost is per call). A pipe or a file gets
    `ogpctl.check.report.to_text` without rich (`ogpctl.cli.check`)."""
    _console().print(Text("\n").join(Text.assemble(*((text, _REPORT_STYLE.get(style, ""))
                                                   for text, style in line))
                                   for line in text_lines(result)))


#: The styles of the text report's pieces on a terminal.
_REPORT_STYLE = {"file": "bold underline", "error": "bold red", "warning": "yellow",
                 "info": "cyan", "code": "bold", "dim": "dim", "failed": "bold red",
                 "warned": "bold yellow", "passed": "bold green"}


def print_rules(items: list[Rule]) -> None:
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("code", "severity", "family", "handbook", "name", "summary"):
        table.add_column(column, overflow="fold")
    for item in items:
        severity = str(item.severity) if item.error_from is None else "warning→error"
        table.add_row(item.code, Text(severity, style=_STYLE[item.severity]), item.family,
                      item.handbook, item.name, item.summary)
    _console().print(table)


def print_rule(item: Rule) -> None:
    console = _console()
    console.print(Text(f"{item.code} {item.name}", style="bold"))
    console.print(Text(item.summary))
    console.print()
    if item.explanation:
        console.print(Text(item.explanation))
        console.print()
    console.print(Text(f"Handbook section: {item.handbook}" if item.handbook else
                       "Handbook section: none (a format and integrity rule of ogpctl's own)"))
    console.print(Text(f"Family: {item.family}"))
    console.print(Text(_severity_words(item)))
    for label, example in (("Fails:", item.fails), ("Passes:", item.passes)):
        if example:
            console.print()
            console.print(Text(label, style="bold"))
            console.print(Text("\n".join("    " + line for line in example.splitlines())))


def _severity_words(item: Rule) -> str:
    applies = f"Applies from the {item.applies_from.label} stage"
    if item.error_from is not None:
        return f"{applies}: a warning before {item.error_from.label}, an error from then on."
    return f"{applies}, as {'an' if item.severity is Severity.ERROR else 'a'} {item.severity}."


_STATE = {"met": "green", "due": "yellow", "overdue": "bold red", "missed": "bold red",
          "early": "bold red", "n/a": "dim"}


def deadlines_text(items: list[Obligation], today: date, lang: str = "en") -> str:
    """The deadlines screen as plain text, for a file (`deadlines -o FILE`)."""
    console = Console(highlight=False, soft_wrap=True, record=True, file=io.StringIO(),
                      width=_PIPE_WIDTH, color_system=None)
    print_deadlines(items, today, lang, console)
    return "".join(line.rstrip() + "\n" for line in console.export_text().splitlines())


def print_deadlines(items: list[Obligation], today: date, lang: str = "en",
                    console: Console | None = None) -> None:
    """One table a plan: date, state, obligation, handbook section, what it rests on; every
    word in `lang` (`ogpctl.domain.screens`)."""
    console = console or _console()
    plans: dict[str, list[Obligation]] = defaultdict(list)
    for item in items:
        plans[item.plan].append(item)
    for plan, rows in plans.items():
        table = Table(title=screens.plan_heading(lang, plan), title_justify="left", box=None,
                      pad_edge=False, header_style="bold")
        for column in screens.deadline_columns(lang):
            table.add_column(column, overflow="fold")
        for item in rows:
            day, state, title, handbook, basis = screens.deadline_row(lang, item)
            table.add_row(day, Text(state, style=_STATE[item.state]), Text(title), handbook,
                          Text(basis, style="dim"))
        console.print(table)
        console.print()
    failed = any(item.state in FAILED for item in items)
    console.print(Text(screens.deadlines_summary(lang, items, today),
                       style="bold red" if failed else "bold"))


_COLOUR = {"green": "green", "amber": "yellow", "red": "bold red", "grey": "dim",
           "withdrawn": "magenta"}
_VERDICT = {"met": "green", "not-met": "bold red", "not-yet-due": "dim", "unknown": "yellow"}
_NOTE = {"failed": "bold red", "dim": "dim", "warning": "yellow"}


def _bar(share: float | None, width: int = 20) -> str:
    if share is None:
        return "·" * width
    filled = round(share * width)
    return "█" * filled + "░" * (width - filled)


def _status_console() -> Console:
    return _console()


def _plan_head(plan: PlanStatus, lang: str) -> list[Text]:
    head = Text(f"{plan.plan}  ", style="bold")
    head.append(Text(plan.title))
    head.append(f"  {screens.plan_dates(lang, plan)}", style="dim")
    return [head, *(Text(f"  {line}", style=_NOTE[kind])
                    for line, kind in screens.plan_notes(lang, plan))]


def _totals(totals: Totals, lang: str) -> Text:
    """The documents' sentence ("1 of 1 commitment complete", not "commitments")."""
    from ogpctl.base.i18n import Language
    from ogpctl.render.self_assessment import totals_sentence

    return Text("  " + totals_sentence(Language(lang), totals).removesuffix("."), style="bold")


def _commitments(plan: PlanStatus, lang: str) -> Table:
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in screens.commitment_columns(lang):
        table.add_column(column, overflow="fold")
    for c in plan.commitments:
        table.add_row(str(c.number), Text(c.title), _bar(c.share),
                      screens.share_words(lang, c.share),
                      Text(screens.colour_word(lang, c.colour), style=_COLOUR[c.colour]),
                      screens.milestone_counts(lang, c))
    return table


def print_status(plans: list[PlanStatus], today: date, lang: str = "en",
                 unread: bool = False) -> None:
    """Each plan's screen, every word in `lang` (`ogpctl.domain.screens`); with no plan, how
    to start one, or, when the record's plans could not be read (`unread`), to fix them."""
    console = _status_console()
    if not plans:
        console.print(Text(screens.no_plan_read(lang) if unread else screens.no_plan(lang)))
    for plan in plans:
        for line in _plan_head(plan, lang):
            console.print(line)
        for item in plan.overdue:     # what is overdue first, then what comes next
            console.print(Text(screens.failed_line(lang, item), style="bold red"))
        for item in plan.next:
            console.print(Text(screens.next_line(lang, item)))
        if plan.commitments or plan.unreadable:   # "0 of 0 commitments" says nothing
            console.print(_totals(plan.totals, lang))
        for path in plan.unreadable:
            console.print(Text(screens.unread_line(lang, printable(path)), style="bold red"))
        if plan.commitments:
            console.print(_commitments(plan, lang))
        for c in plan.commitments:
            if c.set_aside:
                console.print(Text(screens.set_aside_line(lang, c), style="dim"))
            if c.colour == "withdrawn":
                console.print(Text(screens.withdrawn_line(lang, c), style="dim"))
        _requirements(console, plan, lang)
        console.print()
    console.print(Text(screens.as_of(lang, today), style="dim"))


def _requirements(console: Console, plan: PlanStatus, lang: str) -> None:
    """The minimum requirements under a heading of their own."""
    console.print(Text(screens.requirements_heading(lang), style="bold"))
    width = screens.requirement_width(lang)
    for r in plan.requirements:
        line = Text(f"  {r.code:<4} {screens.requirement_label(lang, r.code):<{width}} ")
        line.append(f"{screens.verdict(lang, r):<27} ", style=_VERDICT.get(r.state, ""))
        line.append(screens.facts(lang, r), style="dim")
        console.print(line)

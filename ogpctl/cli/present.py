"""Terminal presentation: the only module that imports rich. Record text is passed as
`Text` objects, never as markup, so a finding quoting "[red]" prints as written."""

from __future__ import annotations

import os
from collections import defaultdict

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ogpctl.base.diagnostics import Severity
from ogpctl.check.report import printable, text_lines
from ogpctl.check.run import CheckResult
from ogpctl.domain.obligations import Obligation
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


_STATE = {"met": "green", "due": "yellow", "overdue": "bold red", "n/a": "dim"}


def print_deadlines(items: list[Obligation], today: object) -> None:
    """One table a plan: date, state, obligation, handbook section, what it rests on."""
    console = _console()
    plans: dict[str, list[Obligation]] = defaultdict(list)
    for item in items:
        plans[item.plan].append(item)
    for plan, rows in plans.items():
        table = Table(title=f"plan {plan}", title_justify="left", box=None, pad_edge=False,
                      header_style="bold")
        for column in ("date", "state", "obligation", "handbook", "on the record"):
            table.add_column(column, overflow="fold")
        for item in rows:
            table.add_row(item.date.isoformat(), Text(item.state, style=_STATE[item.state]),
                          Text(item.title), item.handbook, Text(item.basis, style="dim"))
        console.print(table)
        console.print()
    overdue = sum(1 for item in items if item.state == "overdue")
    due = [item for item in items if item.state == "due"]
    summary = f"as of {today}: {overdue} overdue, {len(due)} due"
    if due:
        first = min(due, key=lambda d: (d.date, d.plan))
        summary += f"; next: {first.title} ({first.plan}) on {first.date}"
    console.print(Text(summary, style="bold red" if overdue else "bold"))


_COLOUR = {"green": "green", "amber": "yellow", "red": "bold red", "grey": "dim"}
_COLOUR_WORDS = {"grey": "not started yet"}
_VERDICT = {"met": "green", "not-met": "bold red", "not-yet-due": "dim", "unknown": "yellow"}
_VERDICT_WORDS = {"met": "met", "not-met": "not met", "not-yet-due": "not yet due",
                  "unknown": "cannot tell"}
_REQUIREMENTS = {
    "1.1": "forum meets every six months, rules public", "2.1": "OGP website",
    "2.2": "repository of evidence", "3.1": "timeline published two weeks ahead",
    "3.2": "outreach", "3.3": "input mechanism", "4.1": "reasoned response to every input",
    "5.1": "two results meetings a year with civil society"}
#: Each fact a verdict rests on, said in words with its unit.
_FACTS = {"gap": "longest gap {} days", "rules": "rules public: {}",
          "government": "government: {}", "civil_society": "civil society: {}",
          "url": "{}", "published": "published {}", "development": "development starts {}",
          "deadline": "publish by {}", "days": "open up to {} days",
          "answered": "{} answered", "met": "{} with two meetings"}
#: Counted facts: (one, many).
_COUNTS = {"meetings": ("meeting", "meetings"), "files": ("file", "files"),
           "activities": ("activity", "activities"),
           "participants": ("participant", "participants"),
           "mechanisms": ("mechanism", "mechanisms"),
           "contributions": ("contribution", "contributions"),
           "years": ("implementation year", "implementation years")}
def _bar(share: float | None, width: int = 20) -> str:
    if share is None:
        return "·" * width
    filled = round(share * width)
    return "█" * filled + "░" * (width - filled)


def _word(value: object) -> str:
    """A value in the status screen's words: the one place a value becomes text there, so
    an unknown one (None) reads "not known", never Python's None."""
    if value is None:
        return "not known"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _fact(key: str, value: object) -> str:
    if key in _COUNTS:
        return f"{value} {_COUNTS[key][0 if value == 1 else 1]}"
    return _FACTS.get(key, key.replace("_", " ") + ": {}").format(_word(value))


def _facts(facts: dict[str, object]) -> str:
    shown = {k: v for k, v in facts.items() if v not in ("", None) and k != "due"}
    first = []
    if shown.get("meetings") == 0 and "gap" in shown:   # no meeting: no gap between two
        first = [f"no meeting in {shown.pop('gap')} days"]
        del shown["meetings"]
    return ", ".join(first + [_fact(k, v) for k, v in shown.items()])


def _verdict(state: str, facts: dict[str, object]) -> str:
    words = _VERDICT_WORDS.get(state, state)
    return f"{words} (by {facts['due']})" if state == "not-yet-due" and facts.get("due") \
        else words


def _status_console() -> Console:
    return _console()


def _plan_head(plan: PlanStatus) -> list[Text]:
    head = Text(f"{plan.plan}  ", style="bold")
    head.append(Text(plan.title))
    head.append(f"  [{plan.stage}; due {_word(plan.due)}, ends {_word(plan.end)}]", style="dim")
    lines = [head]
    if plan.late:
        lines.append(Text(f"  LATE  no delivery is recorded and the window has closed; "
                          f"record it with `ogpctl tag-submission {plan.plan}`",
                          style="bold red"))
    elif plan.stage == "co-creation":
        lines.append(Text("  in co-creation: commitments are rated once implementation "
                          "begins", style="dim"))
    if not plan.agrees:
        lines.append(Text(f"  status: {plan.status or '(none)'} in plan.yaml, but the record "
                          f"gives {plan.stage} (C415)", style="yellow"))
    return lines


def _totals(totals: Totals) -> Text:
    """The documents' sentence, in English ("1 of 1 commitment complete", not "commitments")."""
    from ogpctl.base.i18n import Language
    from ogpctl.render.self_assessment import totals_sentence

    return Text("  " + totals_sentence(Language("en"), totals).removesuffix("."), style="bold")


def _commitments(plan: PlanStatus) -> Table:
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("#", "commitment", "progress", "", "colour", "milestones"):
        table.add_column(column, overflow="fold")
    for c in plan.commitments:
        share = f"{c.share:.0%}" if c.share is not None else "-"
        milestones = ", ".join(f"{n} {s.replace('-', ' ')}" for s, n in c.milestones.items())
        table.add_row(str(c.number), Text(c.title), _bar(c.share), share,
                      Text(_COLOUR_WORDS.get(c.colour, c.colour), style=_COLOUR[c.colour]),
                      milestones)
    return table


def print_status(plans: list[PlanStatus], today: object) -> None:
    console = _status_console()
    for plan in plans:
        for line in _plan_head(plan):
            console.print(line)
        for item in plan.next:
            console.print(Text(f"  next  {item.date}  {item.title} ({item.handbook})"))
        for item in plan.overdue:
            console.print(Text(f"  OVERDUE  {item.date}  {item.title} ({item.handbook}): "
                               f"{item.basis}", style="bold red"))
        console.print(_totals(plan.totals))
        for path in plan.unreadable:
            console.print(Text(f"  NOT READ  {printable(path)}: holds no commitment, so it is "
                               "left out of the totals, the documents and the site "
                               "(`ogpctl check` says why)", style="bold red"))
        console.print(_commitments(plan))
        for r in plan.requirements:
            line = Text(f"  {r.code:<4} {_REQUIREMENTS[r.code]:<48} ")
            line.append(f"{_verdict(r.state, r.facts):<27} ", style=_VERDICT.get(r.state, ""))
            line.append(_facts(r.facts), style="dim")
            console.print(line)
        console.print()
    console.print(Text(f"as of {today}", style="dim"))

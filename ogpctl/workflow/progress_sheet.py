"""The progress spreadsheet: `ogpctl progress export` writes every milestone with its current
status and empty columns for a new update; `ogpctl progress import` applies the rows
someone filled in. Every row is checked before any file is written."""

from __future__ import annotations

from datetime import date

from ogpctl.base.errors import UsageError
from ogpctl.base.sheets import csv_bytes, restore
from ogpctl.record.model import Plan, Record, as_date
from ogpctl.record.text import translations
from ogpctl.workflow.contributions import read_rows
from ogpctl.workflow.guard import refuse_errors
from ogpctl.workflow.progress import Update, changes_for, find_milestone, in_plan, validate
from ogpctl.workflow.texts import record_language

HEAD = ("plan", "milestone", "commitment", "milestone title", "due", "status",
        "last update", "new date", "new status", "note", "evidence", "delay reason",
        "next steps")
NEW = HEAD[7:]
#: The columns of a row's update, as messages name them.
COLUMNS = {"date": "column 'new date':", "status": "column 'new status':",
           "note": "column 'note':", "delay-reason": "column 'delay reason':",
           "next-steps": "column 'next steps':", "evidence": "column 'evidence':"}


def export_rows(record: Record, plans: list[Plan], lang: str, today: date) -> bytes:
    """A row a milestone: its status and last update as of `today` (a completion or an
    update dated later is not made yet, as `status` and the site read it)."""
    from ogpctl.domain.rollup import status_on

    record_language(record, lang)     # the sheet comes back with `progress import --lang`
    default = record.languages.default

    def text(value: object) -> str:
        texts = translations(value, default)
        return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")

    def row(plan: Plan, commitment, milestone) -> list[object]:
        fields = milestone.fields
        days = [as_date(u.get("date")) for u in fields.get("progress") or []
                if isinstance(u, dict)]
        last = max((d for d in days if d and d <= today), default=None)
        return [plan.id, f"{commitment.number}.{fields.get('number')}",
                text(commitment.fields.get("title")), text(fields.get("title")),
                fields.get("due") or "", str(status_on(milestone, today) or "not-started"),
                last.isoformat() if last else "", "", "", "", "", "", ""]

    return csv_bytes(HEAD, (row(plan, commitment, milestone) for plan in plans
                            for commitment in plan.commitments
                            for milestone in commitment.milestones))


def sheet_updates(record: Record, data: bytes, today: date, lang: str, *, force: bool = False
                  ) -> list[tuple[int, Plan, str, Update]]:
    """(line, plan, milestone, update) for each filled-in row, all checked; UsageError
    listing every problem when any row is wrong."""
    record_language(record, lang)
    header, rows = read_rows(data)
    keys = [h.strip().lower() for h in header]
    missing = [name for name in ("plan", "milestone", *NEW) if name not in keys]
    if missing:
        raise UsageError(f"the sheet has no column {', '.join(missing)}; start from "
                         "`ogpctl progress export`")
    plans = {p.id: p for p in record.plans}
    found, problems = [], []
    seen: set[tuple[str, str]] = set()
    for line, row in rows:
        cell = {k: restore(row[i]) if i < len(row) else "" for i, k in enumerate(keys)}
        if not (cell["new status"] or cell["note"]):
            continue
        try:
            found.append((line, *_update(record, plans, cell, today, lang, seen, force)))
        except (UsageError, ValueError) as error:
            problems.append(f"line {line}: {error}")
    if problems:
        raise UsageError("nothing was written; the sheet has problems:\n  " +
                         "\n  ".join(problems))
    return found


def _update(record: Record, plans: dict, cell: dict, today: date, lang: str, seen: set,
            force: bool) -> tuple[Plan, str, Update]:
    plan = plans.get(cell["plan"])
    if plan is None:
        raise UsageError(f"there is no plan {cell['plan']!r}")
    target = cell["milestone"]
    _, milestone = find_milestone(plan, target)
    if (plan.id, target) in seen:
        raise UsageError(f"milestone {target} has two rows; keep one")
    seen.add((plan.id, target))
    day, wrong_day = _day(cell["new date"], today)
    evidence = tuple(p.strip() for p in cell["evidence"].replace("\n", ";").split(";")
                     if p.strip())
    try:
        status = _status(cell["new status"]) if cell["new status"].strip() else \
            str(milestone.fields.get("status") or "not-started")
    except UsageError as error:   # every problem of the row at once
        raise UsageError(f"{wrong_day}; {error}" if wrong_day else str(error)) from None
    evidence = tuple(in_plan(record, plan, item) for item in evidence)   # or from the root
    update = Update(day, status, _in(lang, cell["note"]), evidence,
                    _in(lang, cell["delay reason"]), _in(lang, cell["next steps"]))
    if not update.note:
        raise UsageError(f"milestone {target}: write a note on the progress")
    try:
        validate(record, plan, milestone, update, today, force=force, names=COLUMNS)
    except UsageError as error:   # every problem of the row at once
        raise UsageError(f"{wrong_day}; {error}" if wrong_day else str(error)) from None
    if wrong_day:
        raise UsageError(wrong_day)
    return plan, target, update


def _status(written: str) -> str:
    """The `new status` cell's status: a record code, or a usual word for one in any
    language ogpctl reads (completado, en curso, achevé), as `import plan` reads them."""
    from ogpctl.importers.words import STATUSES, Unreadable, status_of

    try:
        return status_of(written)
    except Unreadable:
        raise UsageError(f"column 'new status': {written.strip()!r} is not a status: write "
                         f"one of {', '.join(STATUSES)}, or a usual word for one (such as "
                         "completado, en curso)") from None


def _day(written: str, today: date) -> tuple[date, str]:
    """The `new date` cell's day (today when empty), and what is wrong with it, if anything:
    a spreadsheet saved in a local format rewrites 2026-12-01 as 01/12/2026."""
    from ogpctl.record.kinds import parse_day

    if not written.strip():
        return today, ""
    day = parse_day(written.strip())
    if day is None:
        return today, (f"column 'new date': {written!r} is not a date written YYYY-MM-DD "
                       "(a spreadsheet may have rewritten it in its own format: format the "
                       "column as text, or write 2026-12-01)")
    return day, ""


def apply_sheet(record: Record, updates: list[tuple[int, Plan, str, Update]]) -> list[str]:
    """Write every update, one edit per commitment file; returns the files changed."""
    from ogpctl.edit.files import replace_file
    from ogpctl.edit.yamltext import apply

    by_file: dict[str, list] = {}
    kinds = {}
    for _line, plan, target, update in updates:
        commitment, milestone = find_milestone(plan, target)
        by_file.setdefault(commitment.doc.path, []).extend(changes_for(milestone, update))
        kinds[commitment.doc.path] = commitment.doc.kind
    edits = []
    for rel, changes in by_file.items():   # every file checked before the first is written
        before = (record.root / rel).read_bytes()
        text = apply(before.decode("utf-8"), changes)
        refuse_errors(rel, kinds[rel], text, before.decode("utf-8"))
        edits.append((rel, before, text))
    for rel, before, text in edits:
        replace_file(record.root / rel, text.encode("utf-8"), record.root, expected=before)
    return sorted(by_file)


def _in(lang: str, text: str) -> dict[str, str]:
    """A cell's text in the sheet's language; nothing for an empty cell."""
    return {lang: text} if text else {}

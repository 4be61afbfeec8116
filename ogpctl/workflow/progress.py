"""Progress updates (handbook 5.2): appended to a milestone in place, keeping every other
byte of the commitment file; and a spreadsheet round trip for people who work in one.

An update carries the date, the milestone's status, a note on progress, evidence, the
reasons for a delay and the next steps. Every value is checked before anything is written.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from ogpctl.base.errors import UsageError
from ogpctl.domain.stage import plan_stage
from ogpctl.record import evidence
from ogpctl.record.model import Commitment, Milestone, Plan, Record, as_date
from ogpctl.workflow.guard import refuse_errors
from ogpctl.workflow.texts import record_language, text_problem

T = TypeVar("T")

STATUSES = ("not-started", "in-progress", "completed", "withdrawn")


#: A text of an update by language, such as {"pt": "...", "en": "..."}.
Texts = dict[str, str]

#: An update's fields that hold a text in each record language, and the Update attribute.
TEXT_FIELDS = (("note", "note"), ("delay-reason", "delay_reason"), ("next-steps", "next_steps"))


@dataclass(frozen=True)
class Update:
    day: date
    status: str
    note: Texts
    evidence: tuple[str, ...] = ()
    delay_reason: Texts = field(default_factory=dict)
    next_steps: Texts = field(default_factory=dict)

    def texts(self) -> list[tuple[str, Texts]]:
        """(YAML field, its texts by language) of each text field given."""
        return [(name, getattr(self, attr)) for name, attr in TEXT_FIELDS
                if getattr(self, attr)]

    def languages(self) -> set[str]:
        return {lang for _name, texts in self.texts() for lang in texts}

    def to_yaml(self) -> dict[str, Any]:
        item: dict[str, Any] = {"date": self.day.isoformat(), "status": self.status,
                                "note": dict(self.note)}
        if self.evidence:
            item["evidence"] = list(self.evidence)
        for name, texts in self.texts():
            if name != "note":
                item[name] = dict(texts)
        return item


def texts_by_language(values: list[str], option: str, default: str,
                      languages: list[str]) -> Texts:
    """A text option's values by language: `pt=TEXT` gives the text in a record language
    (the form `init --country` takes), anything else is the text in `default`. One language
    given twice is refused."""
    texts: Texts = {}
    for value in values:
        match = _NAMED.fullmatch(value)
        lang, text = (match[1], match[2]) if match and match[1] in languages \
            else (default, value)
        if lang in texts:
            raise UsageError(f"{option} gives the text in {lang} twice: give it once in "
                             "each language, as LANG=TEXT (such as "
                             f"{option} {languages[0]}=...)")
        texts[lang] = text
    return texts


_NAMED = re.compile(r"([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)=(.*)", re.S)


def find_milestone(plan: Plan, target: str) -> tuple[Commitment, Milestone]:
    """COMMITMENT.MILESTONE (such as 2.3), or COMMITMENT alone when it has one milestone.
    A number two commitments (F112) or two milestones (F113) share names neither: refused,
    so that an update never lands on the wrong one."""
    match = re.fullmatch(r"(\d{1,3})(?:\.(\d{1,3}))?", target)
    if not match:
        raise UsageError(f"{target!r}: name a milestone as COMMITMENT.MILESTONE, such as 2.3")
    commitment = _only(plan.commitments, lambda c: c.number == int(match[1]),
                       f"plan {plan.id}", ("commitment", match[1]),
                       lambda c: c.doc.path.rsplit("/", 1)[1])
    milestones = commitment.milestones
    if match[2] is None:
        if len(milestones) != 1:
            raise UsageError(f"commitment {match[1]} has {len(milestones)} milestones: name "
                             f"one, such as {match[1]}.1")
        return commitment, milestones[0]
    return commitment, _only(milestones, lambda m: m.fields.get("number") == int(match[2]),
                             f"commitment {match[1]}", ("milestone", match[2]),
                             lambda m: f"the {_ordinal(m.index)} in its list")


def _only(items: list[T], wanted: Callable[[T], bool], owner: str, name: tuple[str, str],
          describe: Callable[[T], str]) -> T:
    """The one item `wanted` picks; a usage error when there is none, or more than one."""
    found = [item for item in items if wanted(item)]
    if not found:
        raise UsageError(f"{owner} has no {name[0]} {name[1]}")
    if len(found) > 1:
        raise UsageError(f"{owner} has {len(found)} {name[0]}s numbered {name[1]} "
                         f"({', '.join(describe(item) for item in found)}), so it is not "
                         "known which one is meant; give each its own number first")
    return found[0]


def _ordinal(index: int) -> str:
    number = index + 1
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10,
                                                                                    "th")
    return f"{number}{suffix}"


#: What the user wrote each field of an update in, named in messages: `progress add`'s
#: options (the progress spreadsheet passes its columns).
OPTIONS = {"date": "--date", "status": "--status", "note": "--note",
           "delay-reason": "--delay-reason", "next-steps": "--next-steps",
           "evidence": "--evidence"}


def validate(record: Record, plan: Plan, milestone: Milestone, update: Update, today: date,
             *, force: bool = False, names: dict[str, str] = OPTIONS) -> None:
    """Refuse, before anything is written, an update that cannot be right. An update reports
    progress already made, so one dated after today is a typo (most often the year) unless
    `force` says it is meant. Messages name each field as the user wrote it (`names`)."""
    if update.day > today and not force:
        raise UsageError(f"the date {update.day} is after today ({today}): an update reports "
                         "progress already made; check the year, or give --force")
    if update.status not in STATUSES:
        raise UsageError(f"{names['status']} {update.status!r}: choose one of "
                         f"{', '.join(STATUSES)}")
    for lang in sorted(update.languages()):
        record_language(record, lang)
    for name, texts in update.texts():
        for text in texts.values():
            wrong = text_problem(text)
            if wrong:
                raise UsageError(f"{names[name]} {wrong}")
    for item in update.evidence:
        problem = evidence.check_path(record.root, plan.folder, item)
        if problem is not None:
            raise UsageError(f"{names['evidence']} {item!r}: " + (
                f"no such file in the plan's folder {plan.folder}/ (nor from the record's "
                f"folder): name a file in {plan.folder}/evidence/, "
                f"such as evidence/minutes-2026-03-12.pdf" if problem[0] == "F115"
                and not item.endswith("/") else problem[1]))
    history = [as_date(u.get("date")) for u in milestone.fields.get("progress") or []
               if isinstance(u, dict)]
    latest = max((d for d in history if d), default=None)
    if latest is not None and update.day < latest:
        raise UsageError(f"{names['date']} {update.day}: the milestone already has an update of "
                         f"{latest}; an update is appended after the others, never sorted "
                         "into place: enter older updates first, or write this one into the "
                         "commitment file by hand")


def timing_notes(plan: Plan, update: Update, today: date) -> list[str]:
    """What to tell the user of an update the plan's result does not count: one dated
    while the plan is not delivered, or before its delivery (implementation begins with
    delivery, handbook 3.1: check's P609), or after the plan's end (its result is its
    result at the end, 3.2.c: P610). The update is still recorded: the history is true."""
    notes = []
    delivered = plan_stage(plan, today).delivered
    if delivered is None:
        notes.append(f"plan {plan.id} is not delivered yet (no delivery recorded): progress "
                     "is reported from delivery, when implementation begins (handbook 3.1), "
                     "and no milestone counts as completed in the plan's result until then "
                     "(check: P609)")
    elif update.day < delivered:
        notes.append(f"the update is dated {update.day}, before plan {plan.id} was delivered "
                     f"on {delivered}: progress is reported from the start of implementation "
                     "(handbook 3.1; check: P609)")
    dates = plan.dates()
    if dates is not None and update.day > dates.end:
        notes.append(f"the update is dated {update.day}, after plan {plan.id} ended on "
                     f"{dates.end}: the plan's result is its result at its end, and this "
                     "update does not count in it; report later progress with the next plan "
                     "(check: P610)")
    return notes


def same_update(milestone: Milestone, update: Update) -> int | None:
    """The index of the update `update` completes: the milestone's last update, when it has
    the same date and status and none of `update`'s texts in their languages (its other
    language, given in a second call). None when `update` is a new one."""
    progress = milestone.fields.get("progress")
    if not isinstance(progress, list) or not progress or not isinstance(progress[-1], dict):
        return None
    last = progress[-1]
    if as_date(last.get("date")) != update.day or last.get("status") != update.status:
        return None
    for name, texts in update.texts():
        there = last.get(name)
        if there is not None and not (isinstance(there, dict) and texts.keys().isdisjoint(there)):
            return None
    return len(progress) - 1


def changes_for(milestone: Milestone, update: Update) -> list:
    """The edits to the commitment file: the update appended (or its texts and evidence
    added to the update it completes, `same_update`), the status set."""
    from ogpctl.edit.yamltext import Change

    base = ("milestones", milestone.index)
    progress = milestone.fields.get("progress")
    index = same_update(milestone, update)
    if index is not None and isinstance(progress, list):
        changes = _completion(base + ("progress", index), progress[index], update)
    elif isinstance(progress, list):
        changes = [Change(base + ("progress", len(progress)), update.to_yaml())]
    else:
        changes = [Change(base + ("progress",), [update.to_yaml()])]
    if milestone.fields.get("status") == update.status:
        return changes
    return [*changes, Change(base + ("status",), update.status)]


def _completion(at: tuple[Any, ...], there: dict[str, Any], update: Update) -> list:
    """The edits giving the update `there` (at `at`) the texts and evidence of `update`."""
    from ogpctl.edit.yamltext import Change

    changes = []
    for name, texts in update.texts():
        if isinstance(there.get(name), dict):
            changes += [Change(at + (name, lang), text) for lang, text in texts.items()]
        else:
            changes.append(Change(at + (name,), dict(texts)))
    listed = there.get("evidence")
    known = list(listed) if isinstance(listed, list) else []
    new = [item for item in update.evidence if item not in known]
    if new and isinstance(listed, list):
        changes += [Change(at + ("evidence", len(known) + n), item) for n, item in enumerate(new)]
    elif new and listed is None:
        changes.append(Change(at + ("evidence",), new))
    return changes


def in_plan(record: Record, plan: Plan, raw: str, here: Path | None = None) -> str:
    """An evidence path as the plan stores it, from the plan's folder. One given from the
    record's folder ("plans/2025-2029/evidence/…", what a shell in the record completes) or
    from the folder `here` (the current one) is taken when it names a file in the plan's
    evidence folder; anything else is left as given, for `validate` to judge (a path is
    never resolved through a link: `evidence.check_path` walks it without following any)."""
    if evidence.is_link(raw) or evidence.check_path(record.root, plan.folder, raw) is None:
        return raw
    for start in _starts(record, here):
        given = posixpath.normpath(posixpath.join(start, raw))
        inside = given.removeprefix(plan.folder + "/")
        if inside != given and inside.startswith("evidence/"):
            problem = evidence.check_path(record.root, plan.folder, inside)
            if problem is None or problem[0] != "F115":   # there, if refused (a link)
                return inside
    return raw


def _starts(record: Record, here: Path | None) -> list[str]:
    """The folders, from the record's root, a path given on the command line may start in:
    the root, and `here` when it is inside the record."""
    starts = [""]
    if here is not None:
        below = os.path.relpath(here.resolve(), record.root.resolve()).replace(os.sep, "/")
        if below != "." and below != ".." and not below.startswith("../"):
            starts.append(below)
    return starts


def record_update(record: Record, plan: Plan, target: str, update: Update, today: date,
                  *, force: bool = False, here: Path | None = None) -> tuple[str, bool]:
    """Append `update` to the milestone `target`, or complete the update of its day it gives
    other languages of (`same_update`); returns the file edited and whether an update was
    completed. Evidence paths given from the record's folder or from `here` are stored from
    the plan's (`in_plan`)."""
    from ogpctl.edit.files import replace_file
    from ogpctl.edit.yamltext import apply

    update = replace(update, evidence=tuple(in_plan(record, plan, item, here)
                                            for item in update.evidence))
    commitment, milestone = find_milestone(plan, target)
    validate(record, plan, milestone, update, today, force=force)
    path = record.root / commitment.doc.path
    before = path.read_bytes()
    text = apply(before.decode("utf-8"), changes_for(milestone, update))
    refuse_errors(commitment.doc.path, commitment.doc.kind, text, before.decode("utf-8"))
    replace_file(path, text.encode("utf-8"), record.root, expected=before)
    return commitment.doc.path, same_update(milestone, update) is not None


@dataclass
class SheetResult:
    applied: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)

"""Machine-readable exports beside the pages (handbook 5.1, Openness): the whole record as
JSON, and commitments, milestones, progress updates and the evidence index as CSV.

CSV follows RFC 4180 in UTF-8 with one column a language for each text. A text cell that
a spreadsheet would run as a formula (starting with = + - @) gets a leading apostrophe.
JSON is UTF-8 text too. Both show every text as the pages do (`open_text`): without the
directional formatting characters that would reorder it (R013, Trojan Source), which a
record `check` reports still carries into its build; balanced isolates and embeddings of
right-to-left writing, and the marks, are kept as written.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import Any

from ogpctl import __version__
from ogpctl.base.sheets import csv_bytes
from ogpctl.domain.contributors import public_source
from ogpctl.record.evidence import public_address
from ogpctl.record.kinds import Kind
from ogpctl.record.model import Commitment, Document, Plan, Record
from ogpctl.record.text import translations
from ogpctl.render.prose import COMMENT
from ogpctl.site.progress import STATUSES, CommitmentState, Update, all_updates, plan_states
from ogpctl.source import bidi

EXPORTS = (("record_json", "record.json"), ("commitments_csv", "commitments.csv"),
           ("milestones_csv", "milestones.csv"), ("updates_csv", "updates.csv"),
           ("evidence_csv", "evidence.csv"))


#: A fenced code block: its text is shown as written, `<!--` included.
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[^\n]*$|\Z)", re.M | re.S)

#: Keeps a file's part of record.json between builds: (document, make it) -> its JSON,
#: escaped and encoded (`_file_part`).
Kept = Callable[[Document, Callable[[], bytes]], bytes]


#: Keeps a commitment's lines of updates.csv between builds: (commitment, make them) ->
#: the lines of its updates, in their order in the file (`updates_csv`).
KeptLines = Callable[[Commitment, Callable[[], list[bytes]]], list[bytes]]

#: Each commitment's state in a plan today (`progress.plan_states`).
States = Callable[[Plan], list[CommitmentState]]


def exports(record: Record, index: Any, today: date, kept: Kept | None = None, *,
            states: States | None = None, updates: list[Update] | None = None,
            kept_lines: KeptLines | None = None) -> dict[str, bytes]:
    """{file name: bytes} of every export; `states` and `updates` (`progress.all_updates`)
    are what the pages computed already, when they come from a site's build; `kept` and
    `kept_lines` keep the parts a site's build makes again only for what changed."""
    found = states or partial(plan_states, today=today)
    return {"record.json": record_json(record, today, kept),
            "commitments.csv": commitments_csv(record, today, found),
            "milestones.csv": milestones_csv(record, today, found),
            "updates.csv": updates_csv(record, updates, kept_lines),
            "evidence.csv": evidence_csv(index)}


def open_text(text: str) -> str:
    """A text of the open data as the pages show it (`source.bidi.shown`): the one rule of
    record.json and every CSV for the directional characters."""
    return bidi.shown(text)


def _public(value: Any) -> Any:
    """A document's data as JSON may hold it: no infinite number, every key and text
    through `open_text`, no user name or password in a web address (`public_address`)."""
    if isinstance(value, str):
        return open_text(public_address(value) if "@" in value else value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {open_text(str(k)): _public(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_public(v) for v in value]
    return value


def record_json(record: Record, today: date, kept: Kept | None = None) -> bytes:
    """The record as JSON, one-space indents: what json.dumps(indent=1) writes, made one
    file at a time (indenting is pure Python and slow) so that `kept` can keep each
    file's part between builds, encoded: UTF-8 text, every text as the pages show it
    (`open_text`)."""
    parts = []
    for path in sorted(record.documents):
        doc = record.documents[path]
        if doc.kind is Kind.SECTION or doc.kind is Kind.MEETING or doc.ok:
            part = kept(doc, partial(_file_part, doc)) if kept else _file_part(doc)
            parts.append(f"  {json.dumps(open_text(path), ensure_ascii=False)}: "
                         .encode() + part)
    files = b"{\n" + b",\n".join(parts) + b"\n }" if parts else b"{}"
    head = json.dumps({"generator": f"ogpctl {__version__}", "as-of": today.isoformat(),
                       "languages": list(record.languages.required), "files": 0},
                      ensure_ascii=False, indent=1)
    return head[:-len("0\n}")].encode("utf-8") + files + b"\n}\n"


def _file_part(doc: Document) -> bytes:
    """One file's JSON in record.json, encoded."""
    return _file_json(doc).encode("utf-8")


def _file_json(doc: Document) -> str:
    """One file of record.json, indented as the value of a key two levels down (JSON
    escapes every newline inside a string, so each line break is the layout's)."""
    if doc.kind is Kind.SECTION:
        value: Any = open_text(shown(doc.body or ""))
    elif doc.kind is Kind.MEETING:
        value = {"front-matter": _public(doc.data), "minutes": open_text(shown(doc.body or ""))}
    elif doc.kind is Kind.CONTRIBUTIONS:
        value = _public_contributions(_public(doc.data))
    else:
        value = _public(doc.data)
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n  ")


def _public_contributions(data: Any) -> Any:
    """contributions.yaml as open data: who contributed as every public output says it
    (`ogpctl.domain.contributors`: no private person's name)."""
    items = data.get("contributions") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return data
    public = [{**item, "from": public_source(item["from"])}
              if isinstance(item, dict) and "from" in item else item for item in items]
    return {**data, "contributions": public}


def shown(markdown: str) -> str:
    """Markdown without its HTML comments (writers' notes, the handbook's guide questions,
    suppressions), which no document or page shows either; code blocks kept as written."""
    parts, start = [], 0
    for fence in FENCE.finditer(markdown):
        parts += [COMMENT.sub("", markdown[start:fence.start()]), fence.group()]
        start = fence.end()
    return "".join([*parts, COMMENT.sub("", markdown[start:])])


def _csv(head: list[str], rows: Iterable[list[Any]]) -> bytes:
    """Open data for spreadsheets, which show a text as the pages do: without a directional
    override that would reorder it (`source.bidi.shown`, as every page's escaping)."""
    return csv_bytes(head, ([open_text(cell) if isinstance(cell, str) else cell
                             for cell in row] for row in rows), spreadsheet=False)


def _texts(record: Record, value: Any) -> list[str]:
    found = translations(value, record.languages.default)
    return [" ".join(found.get(lang, "").split()) for lang in record.languages.required]


def _columns(record: Record, name: str) -> list[str]:
    return [f"{name}.{lang}" for lang in record.languages.required]


def commitments_csv(record: Record, today: date, states: States | None = None) -> bytes:
    head = ["plan", "number", "id", *_columns(record, "title"), "kind", "lead", "milestones",
            *STATUSES, "share", "completion", "colour", "severely-delayed", "last-update"]
    rows = []
    for plan in record.plans:
        for state in (states or partial(plan_states, today=today))(plan):
            c, counts = state.commitment, state.counts()
            share = state.rollup.share
            rows.append([plan.id, c.number, c.id, *_texts(record, c.fields.get("title")),
                         c.kind, c.fields.get("lead"), len(state.milestones),
                         *(counts[s] for s in STATUSES),
                         "" if share is None else f"{share:.3f}", state.rollup.completion,
                         state.rollup.colour, " ".join(map(str, state.rollup.delayed)),
                         state.last.isoformat() if state.last else ""])
    return _csv(head, rows)


def milestones_csv(record: Record, today: date, states: States | None = None) -> bytes:
    """One row a milestone; `original-due` is the completion date a milestone re-dated by
    an amendment had when its plan was delivered (handbook 2.2), else empty."""
    from ogpctl.render.history import original_dues

    head = ["plan", "commitment", "milestone", *_columns(record, "title"), "due",
            "original-due", "status", "lead", "days-late", "severely-delayed", "last-update"]
    rows = []
    for plan in record.plans:
        original = original_dues(record, plan)
        for state in (states or partial(plan_states, today=today))(plan):
            for m in state.milestones:
                was = original.get((state.commitment.number, m.number or 0))
                rows.append([plan.id, state.commitment.number, m.number,
                             *_texts(record, m.milestone.fields.get("title")),
                             m.due.isoformat() if m.due else "",
                             was.isoformat() if was else "", m.status,
                             m.milestone.fields.get("lead"), m.days_late,
                             "yes" if m.severe else "no", m.last.isoformat() if m.last else ""])
    return _csv(head, rows)


def _evidence(items: Any) -> str:
    if not isinstance(items, list):
        return ""
    found = [i if isinstance(i, str) else (i.get("url") or i.get("path"))
             for i in items if isinstance(i, (str, dict))]
    return " | ".join(public_address(x) for x in found if isinstance(x, str))


def updates_csv(record: Record, updates: list[Update] | None = None,
                kept: KeptLines | None = None) -> bytes:
    """One row an update, newest first. With `kept`, each commitment's rows are made (or
    kept) together, as lines: a commitment's updates keep their order among themselves
    whatever the others' (`progress.all_updates` sorts by date, then by plan, commitment
    and milestone), and the file is the head and each update's line in that order."""
    head = ["plan", "commitment", "milestone", "date", "status", *_columns(record, "note"),
            *_columns(record, "delay-reason"), *_columns(record, "next-steps"), "evidence"]
    found = all_updates(record.plans) if updates is None else updates
    if kept is None:
        return _csv(head, (_update_row(record, u) for u in found))
    groups: dict[tuple[str, int], list[Update]] = {}
    for u in found:
        groups.setdefault((u.plan.id, u.commitment.number), []).append(u)
    lines = {name: iter(_kept_lines(record, group, kept)) for name, group in groups.items()}
    return _csv(head, []) + b"".join(next(lines[u.plan.id, u.commitment.number])
                                     for u in found)


def _kept_lines(record: Record, updates: list[Update], kept: KeptLines) -> list[bytes]:
    """The lines of one commitment's `updates`, kept by `kept` (made again when what was
    kept is not a line an update)."""
    found = kept(updates[0].commitment, partial(_update_lines, record, updates))
    return found if len(found) == len(updates) else _update_lines(record, updates)


def _update_lines(record: Record, updates: list[Update]) -> list[bytes]:
    """Each update's line of updates.csv (the CSV of its row alone, after an empty head)."""
    return [_csv([], [_update_row(record, u)])[len(_csv([], [])):] for u in updates]


def _update_row(record: Record, u: Update) -> list[Any]:
    number = u.milestone.fields.get("number")
    return [u.plan.id, u.commitment.number, number if isinstance(number, int) else "",
            u.day.isoformat(), u.status, *_texts(record, u.fields.get("note")),
            *_texts(record, u.fields.get("delay-reason")),
            *_texts(record, u.fields.get("next-steps")),
            _evidence(u.fields.get("evidence"))]


def evidence_csv(index: Any) -> bytes:
    head = ["plan", "folder", "path", "url", "title", "kind", "size", "last-change", "commit",
            "cited-by"]
    rows = []
    for plan in index.plans if index else []:
        items = [item for folder in plan.folders for item in folder.items]
        listed = {item.path for item in items}
        items += [item for item in plan.uncited if item.path not in listed]
        for item in items:
            change = item.last_change
            rows.append([plan.plan, item.folder, item.path, item.url, item.title, item.kind,
                         item.size, change.day.isoformat() if change else "",
                         change.commit if change else "", "; ".join(item.cited_by)])
    return _csv(head, rows)

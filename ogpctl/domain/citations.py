"""What the record cites as evidence (handbook 5.2): every evidence reference of every
document, resolved as F115/F116 resolve it (paths relative to the plan folder in plan files,
to the root elsewhere; http and https links), with the text that cites it and its label.

Part of the repository index (ogpctl.domain.document_repository); reads only `lstat` of cited
paths."""

from __future__ import annotations

import os
import stat
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ogpctl.base.diagnostics import DocPath
from ogpctl.record import evidence
from ogpctl.record.fields import EVIDENCE, values_of
from ogpctl.record.kinds import Kind
from ogpctl.record.model import Commitment, Document, Plan, Record, as_date
from ogpctl.record.text import first_text

PROCESS = "process"


@dataclass(frozen=True)
class Citation:
    """One evidence reference in the record, resolved: a safe existing file or a link."""

    plan: str | None            # the plan of the text that cites it
    folder: str                 # that text's folder: process, or its commitment's
    label: str
    path: str | None
    url: str | None
    title: str


def folder_name(commitment: Commitment) -> str:
    """The evidence folder of a commitment: its file name without .yaml (NN-slug)."""
    return commitment.doc.path.rsplit("/", 1)[-1].removesuffix(".yaml")


def citations(record: Record, on_disk: Collection[str] = (), labels: bool = True
              ) -> list[Citation]:
    """Every evidence reference that F115/F116 accept, in file order, then in document
    order. Paths are relative to the plan folder in plan files and to the root elsewhere.
    A plain path to a file in `on_disk` (found by scan_evidence) is not looked up again.
    Without `labels`, labels and titles are left empty (the rules need neither) and a text
    citing a target many times gives one citation of it (all of them would be equal)."""
    found: list[Citation] = []
    seen: dict[str, int | None] = {}
    resolved: dict[tuple[str, str], tuple[str | None, str | None] | None] = {}
    commitments = {c.doc.path: c for c in record.commitments()}
    for path in sorted(record.documents):
        doc = record.documents[path]
        refs = values_of(doc, EVIDENCE) if doc.ok else []
        if not refs:
            continue
        base = "/".join(path.split("/")[:2]) if path.startswith("plans/") else ""
        plan = record.plan_of(path)
        plan_id = plan.id if plan else _meeting_plan(record, doc)
        # Without labels, every reference of a document but a self-assessment's has the
        # same folder and label: one Citation a target tells all they would.
        same = None if labels or doc.kind is Kind.SELF_ASSESSMENT \
            else _context(record, plan, doc, (), commitments, False)
        made: set[tuple[str | None, str | None]] = set()
        for where, value in refs if same is not None else _in_order(refs):
            raw = value.get("url") or value.get("path") if isinstance(value, dict) else value
            if not isinstance(raw, str):
                continue
            key = (base, raw)
            if key not in resolved:   # the same file is often cited many times
                resolved[key] = _target(record.root, base, raw, on_disk, seen)
            target = resolved[key]
            if target is None:
                continue
            if same is not None:
                if target not in made:
                    made.add(target)
                    found.append(Citation(plan_id, *same, *target, ""))
                continue
            folder, label = _context(record, plan, doc, where, commitments, labels)
            title = first_text(value.get("title")) if labels and isinstance(value, dict) else ""
            found.append(Citation(plan_id, folder, label, *target, " ".join(title.split())))
    return found


def _in_order(refs: list[tuple[DocPath, Any]]) -> list[tuple[DocPath, Any]]:
    """References in document order. Paths from one schema compare step by step (a key
    with a key, an index with an index); mixed steps fall back to a typed key."""
    try:
        return sorted(refs, key=lambda ref: ref[0])
    except TypeError:
        return sorted(refs, key=lambda ref: tuple(
            (0, step, "") if isinstance(step, int) else (1, 0, step) for step in ref[0]))


def listed_file(base: str, raw: str, on_disk: Collection[str]) -> str | None:
    """The record-relative path of a plain reference to a file in `on_disk` (listed by
    scan_evidence, which follows no link: the file is real, regular and inside the record,
    so F115, F116 and F117 have nothing to say about it); None for any other reference."""
    parts = [part for part in raw.split("/") if part not in ("", ".")]
    path = "/".join([base, *parts] if base else parts)
    return path if path in on_disk and _plain(raw) else None


def _target(root: Path, base: str, raw: str, on_disk: Collection[str],
            seen: dict[str, int | None]) -> tuple[str | None, str | None] | None:
    """(path, None) for an existing regular file, (None, url) for a link; None otherwise."""
    listed = listed_file(base, raw, on_disk)
    if listed is not None:
        return listed, None               # a listed file: known to be safe and real
    if evidence.check_path(root, base, raw, seen) is not None:
        return None                       # F115 or F116 reports it
    if raw.lower().startswith(evidence.SAFE_SCHEMES):
        return None, raw.strip()
    parts = [part for part in raw.split("/") if part not in ("", ".")]
    path = "/".join([base, *parts] if base else parts)
    mode = seen.get(os.path.join(str(root), *path.split("/")))
    return (path, None) if mode is not None and stat.S_ISREG(mode) else None


@lru_cache(maxsize=1 << 16)
def _plain(raw: str) -> bool:
    """A relative path that F116 and F117 cannot object to (no "..", .git, backslash or
    scheme; plain names). Kept for the process: the evidence rules and the index ask about
    the same references."""
    return not raw.startswith("/") and "\\" not in raw and not evidence.is_link(raw) \
        and not any(part == ".." or part.lower() == ".git" for part in raw.split("/")) \
        and evidence.name_problem(raw) is None


def _context(record: Record, plan: Plan | None, doc: Document, where: DocPath,
             commitments: dict[str, Commitment], labels: bool) -> tuple[str, str]:
    """(folder, label) of the text holding an evidence reference."""
    if doc.kind is Kind.COMMITMENT and doc.path in commitments:
        commitment = commitments[doc.path]
        return folder_name(commitment), _commitment_label(commitment, where) if labels else ""
    if doc.kind is Kind.SELF_ASSESSMENT and plan is not None:
        entry = _item(doc.fields, "commitments", where)
        assessed = next((c for c in plan.commitments if c.id == entry.get("commitment")), None)
        if assessed is not None:
            return folder_name(assessed), f"self-assessment, commitment {assessed.number}"
        return PROCESS, "self-assessment"
    if doc.kind is Kind.CO_CREATION:
        return PROCESS, _dated("outreach", _item(doc.fields, "outreach", where)) \
            if labels else ""
    if doc.kind is Kind.MEETING:
        return PROCESS, _dated("meeting", doc.fields) if labels else ""
    return PROCESS, doc.kind.value


def _meeting_plan(record: Record, doc: Document) -> str | None:
    """A meeting belongs to the plan it names (links it cites are listed there)."""
    named = doc.fields.get("plan") if doc.kind is Kind.MEETING else None
    return named if any(p.id == named for p in record.plans) else None


def _item(fields: dict[str, Any], key: str, where: DocPath) -> dict[str, Any]:
    items = fields.get(key)
    index = where[1] if len(where) > 1 else None
    if isinstance(items, list) and isinstance(index, int) and 0 <= index < len(items) \
            and isinstance(items[index], dict):
        item: dict[str, Any] = items[index]
        return item
    return {}


def _dated(word: str, fields: dict[str, Any]) -> str:
    day = as_date(fields.get("date"))
    return f"{word} {day}" if day else word


def _commitment_label(commitment: Commitment, where: DocPath) -> str:
    if where[:1] != ("milestones",) or len(where) < 5:
        return f"commitment {commitment.number}"
    milestone = _item(commitment.fields, "milestones", where)
    number = milestone.get("number")
    label = f"milestone {commitment.number}.{number if isinstance(number, int) else '?'}"
    update = _item(milestone, "progress", where[2:])
    return f"{label}, {_dated('progress', update)}"

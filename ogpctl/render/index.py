"""The repository index (`ogpctl index`) as Markdown, HTML, JSON or CSV.

Markdown and HTML are built in the render document model and written by its writers, so
record text is escaped in one place. The CSV is the tracking spreadsheet of handbook 5.3.a:
UTF-8 with a byte-order mark for Excel, every cell quoted, and no cell that a spreadsheet
program would read as a formula. The same record and history give the same bytes.
"""

from __future__ import annotations

import json
import posixpath
from typing import Any
from urllib.parse import quote

from ogpctl.base.sheets import csv_bytes
from ogpctl.base.vcs import Change
from ogpctl.domain.document_repository import (
    PROCESS,
    EvidenceItem,
    FolderIndex,
    Index,
    PlanIndex,
    folder_name,
)
from ogpctl.record.model import Record
from ogpctl.record.text import first_text
from ogpctl.render.blocks import (
    Block,
    Code,
    Document,
    Emphasis,
    Heading,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    Strong,
    Table,
    Text,
    text,
)
from ogpctl.render.prose import safe_href

FORMATS = ("md", "html", "json", "csv")
#: What a spreadsheet program may read as the start of a formula (with the full-width
#: forms some of them accept too); such a cell gets a leading apostrophe.
CSV_HEAD = ("plan", "commitment", "folder", "title", "path or link", "type", "size (bytes)",
            "last change", "last change by", "commit", "cited by")


def write_index(record: Record, index: Index, fmt: str, links_from: str | None = None
                ) -> bytes:
    """The index in `fmt`. With `links_from` (the record-relative folder the file will be
    written to), Markdown and HTML link each file relative to it; without, paths are shown."""
    if fmt == "json":
        return (json.dumps(to_json(index), ensure_ascii=False, indent=2, sort_keys=True)
                + "\n").encode("utf-8")
    if fmt == "csv":
        return to_csv(index)
    doc = document(record, index, links_from)
    if fmt == "md":
        from ogpctl.render.markdown import write_markdown

        return write_markdown(doc)
    from ogpctl.render.html import write_html

    return write_html(doc)


# -- JSON ---------------------------------------------------------------------------------

def _change_json(change: Change | None) -> dict[str, str] | None:
    if change is None:
        return None
    return {"commit": change.commit, "author": change.author, "date": change.day.isoformat(),
            "time": change.when.isoformat()}


def _item_json(item: EvidenceItem) -> dict[str, Any]:
    return {"plan": item.plan, "folder": item.folder, "path": item.path, "url": item.url,
            "title": item.title, "kind": item.kind, "size": item.size,
            "last_change": _change_json(item.last_change), "cited_by": list(item.cited_by)}


def to_json(index: Index) -> dict[str, Any]:
    return {"history": index.history, "plans": [{
        "plan": plan.plan,
        "folders": [{"name": f.name, "commitment": f.commitment, "exists": f.exists,
                     "items": [_item_json(i) for i in f.items]} for f in plan.folders],
        "uncited": [_item_json(i) for i in plan.uncited],
        "without_evidence": plan.without_evidence} for plan in index.plans]}


# -- CSV ----------------------------------------------------------------------------------

def _row(item: EvidenceItem | None, folder: FolderIndex | None, plan: str, name: str
         ) -> list[object]:
    number = folder.commitment if folder else None
    if item is None:
        return [plan, number, name, "", "", "none", "", "", "", "", ""]
    change = item.last_change
    return [plan, number, name, item.title, item.path or item.url, item.kind, item.size,
            change.day.isoformat() if change else "", change.author if change else "",
            change.commit if change else "", "; ".join(item.cited_by)]


def _rows(plan: PlanIndex) -> list[list[object]]:
    rows = []
    for folder in plan.folders:
        rows += [_row(i, folder, plan.plan, folder.name) for i in folder.items] \
            or [_row(None, folder, plan.plan, folder.name)]
    listed = {folder.name for folder in plan.folders}
    rows += [_row(i, None, plan.plan, i.folder) for i in plan.uncited if i.folder not in listed]
    return rows


def to_csv(index: Index) -> bytes:
    return csv_bytes(CSV_HEAD, (row for plan in index.plans for row in _rows(plan)))


# -- Markdown and HTML --------------------------------------------------------------------

def _line(text: str) -> str:
    """One line: a title or file name must not break a table row or a heading."""
    return " ".join(text.split())


def _size(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1000:
        return f"{size} B"
    return f"{size / 1000:.1f} kB" if size < 1_000_000 else f"{size / 1_000_000:.1f} MB"


def _href(path: str, links_from: str | None) -> str | None:
    if links_from is None:
        return None
    relative = posixpath.relpath(path, links_from or ".")
    return safe_href(quote(relative, safe="/"))


def _evidence_cell(item: EvidenceItem, links_from: str | None) -> tuple[Block, ...]:
    title: tuple[Inline, ...] = (Text(_line(item.title)),)
    if item.url is not None:
        href = safe_href(item.url)
        return (Paragraph((Link(href, title),) if href else title),)
    assert item.path is not None
    href = _href(item.path, links_from)
    path: tuple[Inline, ...] = (Code(_line(item.path)),)
    if item.title == item.path.rsplit("/", 1)[-1]:    # no title given: the path says it all
        return (Paragraph((Link(href, path),) if href else path),)
    return (Paragraph((Link(href, title),) if href else title), Paragraph(path))


def _change_cell(item: EvidenceItem) -> str:
    change = item.last_change
    if change is None:
        return "" if item.url else "unknown"
    return f"{change.day.isoformat()}, {_line(change.author)} ({change.commit[:10]})"


def _table(items: list[EvidenceItem], caption: str, links_from: str | None) -> Table:
    head = tuple((Paragraph((Text(word),)),) for word in
                 ("Evidence", "Type", "Size", "Last change", "Cited by"))
    rows = []
    for item in items:
        cited = (Text(_line("; ".join(item.cited_by))),) if item.cited_by \
            else (Emphasis((Text("cited by nothing"),)),)
        rows.append((_evidence_cell(item, links_from), (Paragraph((Text(item.kind),)),),
                     (Paragraph((Text(_size(item.size)),)),),
                     (Paragraph((Text(_change_cell(item)),)),),
                     (Paragraph(cited),)))
    return Table(head, tuple(rows), caption=(Text(_line(caption)),))


def _names(record: Record) -> dict[tuple[str, str], str]:
    """(plan, folder) -> its heading: the process, or the commitment's number and title."""
    names = {}
    for plan in record.plans:
        names[(plan.id, "")] = _line(first_text(plan.fields.get("title")))
        names[(plan.id, PROCESS)] = "Co-creation and process"
        for c in plan.commitments:
            title = _line(first_text(c.fields.get("title")))
            names[(plan.id, folder_name(c))] = f"Commitment {c.number}: {title}".rstrip(": ")
    return names


def _folder_blocks(folder: FolderIndex, heading: str, links_from: str | None) -> list[Block]:
    where = f"plans/{folder.plan}/evidence/{folder.name}/"
    state = "" if folder.exists else " (the folder does not exist)"
    blocks: list[Block] = [Heading(3, (Text(heading),)),
                           Paragraph((Text("Folder "), Code(where), Text(state)))]
    if folder.items:
        blocks.append(_table(folder.items, f"Evidence: {heading}", links_from))
    else:
        blocks.append(Paragraph((Emphasis((Text("No evidence yet."),)),)))
    return blocks


def _plan_blocks(plan: PlanIndex, names: dict[tuple[str, str], str],
                 links_from: str | None) -> list[Block]:
    title = names.get((plan.plan, ""), "")
    count = sum(len(f.items) for f in plan.folders)
    summary = (f"{count} evidence item{'s' if count != 1 else ''} in {len(plan.folders)} "
               f"folder{'s' if len(plan.folders) != 1 else ''}; "
               f"{len(plan.without_evidence)} commitment(s) without evidence; "
               f"{len(plan.uncited)} file(s) cited by nothing.")
    blocks: list[Block] = [Heading(2, (Text(f"Plan {plan.plan}" + (f": {title}" if title
                                                                    else "")),)),
                           Paragraph((Text(summary),))]
    for folder in plan.folders:
        heading = names.get((plan.plan, folder.name), folder.name)
        blocks += _folder_blocks(folder, heading, links_from)
    if plan.without_evidence:
        blocks += [Heading(3, (Text("Commitments without evidence"),)), ListBlock(tuple(
            (Paragraph((Text(f"Commitment {n}"),)),) for n in plan.without_evidence))]
    if plan.uncited:
        blocks += [Heading(3, (Text("Evidence cited by nothing"),)),
                   ListBlock(tuple(_evidence_cell(i, links_from) for i in plan.uncited))]
    return blocks


def document(record: Record, index: Index, links_from: str | None = None) -> Document:
    """The index in the render document model (English)."""
    country = _line(first_text(record.ogp.fields.get("country"))) if record.ogp else ""
    doc = Document(text(f"Document repository{': ' + country if country else ''}"), "en", False,
                   subtitle=text("Evidence of the co-creation process and of each commitment "
                                 "(OGP National Handbook 5.2, 5.3.a)"))
    if index.history:
        doc.blocks.append(Paragraph((Strong((Text("Dates of change:"),)),
                                     Text(" " + index.history))))
    names = _names(record)
    for plan in index.plans:
        doc.blocks += _plan_blocks(plan, names, links_from)
    return doc

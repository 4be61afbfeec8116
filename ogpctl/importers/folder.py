"""A folder of Markdown files with YAML front matter (a Jekyll or Hugo collection) read with
a mapping: which keys hold which fields, how a file says whether it is a commitment or a
milestone and which commitment a milestone belongs to, and which key lists dated progress
notes. HTML in texts becomes Markdown (`html`), and links in notes become evidence.

Files are read below the folder only: links are not followed, and files larger than the
record's limit (2 MiB) are reported and left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ogpctl.importers.fields import (
    cell_text,
    fill_commitment,
    fill_milestone,
    number_of,
    update_from,
)
from ogpctl.importers.html import to_markdown
from ogpctl.importers.mapping import Mapping
from ogpctl.importers.model import TEXT_FIELDS, Commitment, Place, Source
from ogpctl.importers.words import Unreadable, date_of
from ogpctl.source.text import MAX_FILE_BYTES, decode


@dataclass
class FileRow:
    """One file's front matter (or one item of a list in it), as a row."""

    values: dict[str, Any]
    lang: str
    file: str
    text: str            # the front matter, for positions
    offset: int          # lines before it in the file
    path: tuple = ()     # where `values` sits in the front matter

    def value(self, name: str) -> Any:
        return self.values.get(name) if name else None

    def where(self, name: str | None) -> Place:
        from ogpctl.source.positions import compose, locate

        line, _ = locate(compose(self.text), self.path + ((name,) if name else ()))
        return Place(self.file, line=line + self.offset)


def read_folder(folder: Path, mapping: Mapping, lang: str) -> Source:
    source = Source(folder.name)
    milestones: list[tuple[FileRow, str]] = []
    for path in _files(folder, mapping.get("files")):
        rel = path.relative_to(folder).as_posix()
        row, body = _read(source, path, rel, mapping, lang)
        if row is None:
            continue
        if _is_milestone(row, mapping):
            milestones.append((row, body))
        else:
            _commitment(source, row, body, mapping)
    for row, body in milestones:      # after every commitment, whatever the file order
        _milestone(source, row, body, mapping)
    return source


def _files(folder: Path, pattern: str | None) -> list[Path]:
    found = folder.glob(pattern) if pattern else folder.rglob("*.md")
    return sorted(p for p in found if p.is_file() and not p.is_symlink()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _read(source: Source, path: Path, rel: str, mapping: Mapping, lang: str
          ) -> tuple[FileRow | None, str]:
    from ogpctl.source.frontmatter import split
    from ogpctl.source.yaml import parse_yaml

    data = path.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        source.error(Place(rel), "larger than 2 MiB; left out")
        return None, ""
    decoded = decode(data)
    if decoded.text is None:
        source.error(Place(rel), "; ".join(p.message for p in decoded.problems))
        return None, ""
    parts = split(decoded.text)
    if parts.yaml is None:
        source.warn(Place(rel, line=1), "no front matter (--- lines); left out")
        return None, ""
    parsed = parse_yaml(parts.yaml)
    if not parsed.ok or parsed.problems or not isinstance(parsed.data, dict):
        problem = parsed.problems[0] if parsed.problems else None
        source.error(Place(rel, line=(problem.line + 1) if problem and problem.line else 1),
                     f"the front matter cannot be read: "
                     f"{problem.message if problem else 'not a mapping'}; left out")
        return None, ""
    key = mapping.get("language")
    file_lang = str(parsed.data.get(key)) if key and parsed.data.get(key) else lang
    return FileRow(parsed.data, file_lang, rel, parts.yaml, parts.line_offset), parts.body


def _is_milestone(row: FileRow, mapping: Mapping) -> bool:
    kind = mapping.get("kind") or {}
    if kind.get("key"):
        return str(row.value(kind["key"])) == kind.get("milestone", "milestone")
    owner = mapping.get("milestone", "commitment")
    return bool(owner) and row.value(owner) is not None


def _commitment(source: Source, row: FileRow, body: str, mapping: Mapping) -> None:
    spec = mapping.get("commitment") or {}
    number = number_of(cell_text(row.value(spec["number"])))[0]
    if number is None:
        source.error(row.where(spec["number"]), f"no commitment number under "
                     f"{spec['number']!r}; file left out")
        return
    commitment = source.commitment(number, row.where(spec["number"]))
    fill_commitment(source, commitment, row, spec)
    _body(commitment.text(spec["body"]) if spec.get("body") in TEXT_FIELDS else None,
          body, row.lang)


def _body(field: dict | None, body: str, lang: str) -> None:
    if field is not None and body.strip():
        field.setdefault(lang, to_markdown(body)[0])


def _milestone(source: Source, row: FileRow, body: str, mapping: Mapping) -> None:
    spec = mapping.get("milestone") or {}
    first, second = number_of(cell_text(row.value(spec["number"])))
    owner = number_of(cell_text(row.value(spec.get("commitment") or "")))[0]
    owner = owner if owner is not None else (first if second is not None else None)
    number = second if second is not None else first
    commitment = next((c for c in source.commitments if c.number == owner), None)
    if number is None or commitment is None:
        source.error(row.where(spec.get("commitment") or spec["number"]),
                     f"the milestone names no commitment that was read (commitment {owner}, "
                     f"milestone {number}); file left out")
        return
    fresh = not any(m.number == number for m in commitment.milestones)
    milestone = commitment.milestone(number, row.where(spec["number"]))
    if not fill_milestone(source, milestone, row, spec, mapping.get("statuses") or {},
                          mapping.get("date-format")):
        if fresh:
            commitment.milestones.remove(milestone)
        return
    if spec.get("body") in ("title", "output") and body.strip():
        getattr(milestone, spec["body"]).setdefault(row.lang, to_markdown(body)[0])
    _notes(source, commitment, milestone, row, mapping)


def _notes(source: Source, commitment: Commitment, milestone: Any, row: FileRow,
           mapping: Mapping) -> None:
    spec = mapping.get("progress-notes")
    if not isinstance(spec, dict):
        return
    items = row.value(spec["key"])
    if items is None:
        return
    if not isinstance(items, list):
        source.error(row.where(spec["key"]), f"{spec['key']!r} should list the notes")
        return
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        note = FileRow(item, row.lang, row.file, row.text, row.offset, (spec["key"], index))
        raw = cell_text(item.get(spec["date"]))
        try:
            when, _ = date_of(raw[:10] if raw[:4].isdigit() else raw, row.lang,
                              mapping.get("date-format"))
        except Unreadable as error:
            source.error(note.where(spec["date"]), f"{error}; this note left out")
            continue
        update = update_from(source, note, spec, when, mapping.get("statuses") or {})
        if update:
            milestone.progress.append(update)

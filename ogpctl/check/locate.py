"""Finishing diagnostics: lines and columns for findings given as document paths, and
suppressions (ogp.yaml `check.ignore`, `per-file-ignores`, and inline comments)."""

from __future__ import annotations

import fnmatch
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from ogpctl.base.diagnostics import Diagnostic
from ogpctl.record.model import Record
from ogpctl.source import frontmatter
from ogpctl.source.positions import Locator, compose
from ogpctl.source.problems import MORE, more
from ogpctl.source.text import decode

_INLINE = re.compile(r"ogpctl:\s*ignore(-file)?\[([A-Za-z0-9,\s]+)\]")


def finish(record: Record, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Locate, drop suppressed findings, and sort."""
    ignored, per_file = _config(record)
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for item in diagnostics:
        if item.code in ignored or any(item.code in codes and fnmatch.fnmatch(item.file, glob)
                                       for glob, codes in per_file):
            continue
        by_file[item.file].append(item)
    kept: list[Diagnostic] = []
    for file, items in by_file.items():
        doc = record.documents.get(file)
        text = _text(record.root / file) if doc is not None else None
        items = list(dict.fromkeys(items))
        if text is not None and "ogpctl:" in text:   # inline suppressions need every line
            items = sorted(_not_suppressed(text, _located(file, text, doc, items)),
                           key=Diagnostic.sort_key)
        kept.extend(dict.fromkeys(_located(file, text, doc, _bounded(items))))
    return sorted(kept, key=Diagnostic.sort_key)


def _located(file: str, text: str | None, doc: Any, items: list[Diagnostic]
             ) -> list[Diagnostic]:
    # Only documents that parsed are composed again: their depth is known to be bounded.
    if text is not None and doc.ok:
        return _locate(file, text, items)
    return [d if d.located else d.at(1 if doc is not None else 0, 1 if doc is not None else 0)
            for d in items]


#: Findings of one rule listed for one file; the rest are counted in one more finding.
PER_FILE = 100


def _bounded(items: list[Diagnostic]) -> list[Diagnostic]:
    """The first PER_FILE findings of each code, then one saying how many more there are:
    a file of 200,000 unknown keys is one mistake repeated, and listing every one would
    bury the rest of the report (and cost time in every format)."""
    by_code: dict[str, list[Diagnostic]] = defaultdict(list)
    kept = []
    for item in items:
        (kept if item.message.startswith(MORE) else by_code[item.code]).append(item)
    for code, found in by_code.items():
        kept.extend(found[:PER_FILE])
        rest = found[PER_FILE:]
        if rest:
            kept.append(replace(rest[0], severity=max(d.severity for d in rest),
                                message=more(len(rest), f"{code} findings in this file") +
                                "; fix the ones above and check again"))
    return kept


def _config(record: Record) -> tuple[set[str], list[tuple[str, set[str]]]]:
    check = record.ogp.fields.get("check") if record.ogp else None
    check = check if isinstance(check, dict) else {}
    ignored = {c.upper() for c in check.get("ignore") or [] if isinstance(c, str)}
    per_file = check.get("per-file-ignores") or {}
    pairs = [(glob, {c.upper() for c in codes if isinstance(c, str)})
             for glob, codes in (per_file.items() if isinstance(per_file, dict) else [])
             if isinstance(glob, str) and isinstance(codes, list)]
    return ignored, pairs


def _text(path: Path) -> str | None:
    try:
        return decode(path.read_bytes()).text
    except OSError:
        return None


def _locate(file: str, text: str, items: list[Diagnostic]) -> list[Diagnostic]:
    if all(item.located for item in items):
        return items
    yaml_text, offset = text, 0
    if file.endswith(".md"):
        split = frontmatter.split(text)
        yaml_text, offset = split.yaml, split.line_offset
    root: Any = compose(yaml_text) if yaml_text is not None else None
    where = Locator(root)
    out = []
    for item in items:
        if item.located:
            out.append(item)
        elif root is None:
            out.append(item.at(1, 1))
        else:
            line, column = where.locate(item.path or (), item.key)
            out.append(item.at(line + offset, column))
    return out


def _not_suppressed(text: str | None, items: list[Diagnostic]) -> list[Diagnostic]:
    if text is None or "ogpctl:" not in text:
        return items
    lines = text.splitlines()
    whole_file = {code for m in _INLINE.finditer(text) if m.group(1)
                  for code in _codes(m.group(2))}
    return [item for item in items
            if item.code not in whole_file and item.code not in _line_codes(lines, item.line)]


def _line_codes(lines: list[str], line: int) -> set[str]:
    codes: set[str] = set()
    if 1 <= line <= len(lines):
        codes |= _comment_codes(lines[line - 1])
    if 2 <= line <= len(lines) + 1:
        above = lines[line - 2].strip()
        if above.startswith(("#", "<!--")):
            codes |= _comment_codes(above)
    return codes


def _comment_codes(line: str) -> set[str]:
    marker = line.find("#") if "#" in line else line.find("<!--")
    if marker < 0:
        return set()
    match = _INLINE.search(line, marker)
    return _codes(match.group(2)) if match and not match.group(1) else set()


def _codes(text: str) -> set[str]:
    return {code.strip().upper() for code in text.split(",") if code.strip()}

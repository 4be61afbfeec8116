"""Finishing diagnostics: lines and columns for findings given as document paths, and
suppressions (ogp.yaml `check.ignore`, `per-file-ignores`, and inline comments)."""

from __future__ import annotations

import fnmatch
import os
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from ogpctl.base.diagnostics import Diagnostic, DocPath
from ogpctl.record.model import Record
from ogpctl.rules import catalogue
from ogpctl.source import frontmatter
from ogpctl.source.positions import Locator, compose
from ogpctl.source.problems import MORE, more
from ogpctl.source.text import decode

_INLINE = re.compile(r"ogpctl:\s*ignore(-file)?\[([A-Za-z0-9,\s]+)\]")
_CODE = re.compile(r"[A-Za-z0-9]+")
OGP = "ogp.yaml"
_LOOKALIKE = str.maketrans("OI", "01")


class Suppression(NamedTuple):
    """One rule code switched off, where it is written and what it covers: the whole record
    (`check.ignore`), the files a pattern matches (`per-file-ignores`), one file
    (`ignore-file[...]`) or some lines of one (`ignore[...]`). (A named tuple: a frozen
    dataclass costs every check's start half a millisecond more to make.)"""

    code: str
    file: str                       # where it is written
    line: int = 0                   # a comment's place; 0 for ogp.yaml (see path)
    column: int = 0
    path: DocPath | None = None     # the code's place in ogp.yaml
    glob: str | None = None         # per-file-ignores: the files it covers
    lines: frozenset[int] | None = None   # an inline comment: the lines it covers

    @property
    def inline(self) -> bool:
        return self.path is None

    def covers(self, item: Diagnostic) -> bool:
        if item.code != self.code:
            return False
        if not self.inline:
            return self.glob is None or fnmatch.fnmatch(item.file, self.glob)
        return item.file == self.file and (self.lines is None or item.line in self.lines)

    def finding(self, code: str, message: str) -> Diagnostic:
        rule = catalogue()[code]
        return Diagnostic(code, rule.severity, message, self.file, self.line, self.column,
                          rule.handbook, self.path)


def finish(record: Record, diagnostics: list[Diagnostic], unused: bool = False,
           suppress: bool = True) -> list[Diagnostic]:
    """Locate, drop suppressed findings (unless not `suppress`: `ogpctl review` weighs
    them itself), and sort. A suppression of a code no rule has is F120; with `unused`
    (--strict), one that suppressed nothing is F121."""
    texts = _commented(record)
    config = _config(record)
    inline = {file: _inline(file, text) for file, text in texts.items()}
    found = [*diagnostics, *_unknown([*config, *(s for items in inline.values() for s in items)])]
    if not suppress:
        config, inline, unused = [], {}, False
    used: set[Suppression] = set()
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for item in found:
        matched = {s for s in config if s.covers(item)}
        used.update(matched)
        if matched and not unused:   # dropped before it costs a location
            continue
        by_file[item.file].append(item)
    kept: list[Diagnostic] = []
    for file, items in by_file.items():
        located = _place(record, file, texts, list(dict.fromkeys(items)))
        kept.extend(dict.fromkeys(_bounded(_kept(located, config, inline.get(file, []), used))))
    if unused:
        kept.extend(_unused(record, texts, config, inline, used))
    return sorted(kept, key=Diagnostic.sort_key)


def _kept(items: list[Diagnostic], config: list[Suppression], inline: list[Suppression],
          used: set[Suppression]) -> list[Diagnostic]:
    """The findings no suppression covers; those that cover one are marked used."""
    kept = []
    for item in sorted(items, key=Diagnostic.sort_key):
        matched = {s for s in inline if s.covers(item)}
        used.update(matched)
        if not matched and not any(s.covers(item) for s in config):
            kept.append(item)
    return kept


def _place(record: Record, file: str, texts: dict[str, str], items: list[Diagnostic]
           ) -> list[Diagnostic]:
    doc = record.documents.get(file)
    if all(item.located for item in items):
        return items
    text = texts.get(file) or (_text(record.root / file) if doc is not None else None)
    return _located(file, text, doc, items)


def _unknown(suppressions: list[Suppression]) -> list[Diagnostic]:
    rules = catalogue()
    found = []
    for item in suppressions:
        if item.code in rules:
            continue
        typed = item.code.translate(_LOOKALIKE)   # F1O3: a letter O typed for a zero
        if typed in rules:
            near = [typed]
        else:
            import difflib  # only for a suppression of an unknown code

            near = difflib.get_close_matches(item.code, list(rules), n=1)
        hint = f"; did you mean {near[0]}?" if near else "; `ogpctl rules` lists the codes"
        found.append(item.finding("F120", f"{item.code} is not a rule code of ogpctl, so "
                                          f"this suppression switches nothing off{hint}"))
    return found


def _unused(record: Record, texts: dict[str, str], config: list[Suppression],
            inline: dict[str, list[Suppression]], used: set[Suppression]) -> list[Diagnostic]:
    rules = catalogue()
    idle = [s for s in [*config, *(s for items in inline.values() for s in items)]
            if s not in used and s.code in rules and s.code != "F121"]
    found = [s.finding("F121", _idle_message(s)) for s in idle]
    found = [d for d in found if not any(s.covers(d) for s in config)]
    return [*_place(record, OGP, texts, [d for d in found if not d.located]),
            *(d for d in found if d.located)]


def _idle_message(item: Suppression) -> str:
    if item.glob is not None:
        where = f"in the files {item.glob!r} matches"
    elif not item.inline:
        where = "anywhere in the record"
    else:
        where = ("in this file" if item.lines is None else
                 "on this line or the next" if len(item.lines) > 1 else "on this line")
    return f"{item.code} is switched off here but reports nothing {where}; remove it"


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
    kept: list[Diagnostic] = []
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


def suppressions(record: Record) -> list[Suppression]:
    """Every suppression the record writes: ogp.yaml's, then each file's comments."""
    texts = _commented(record)
    return [*_config(record), *(s for file in sorted(texts) for s in _inline(file, texts[file]))]


def _config(record: Record) -> list[Suppression]:
    """The codes of ogp.yaml's `check.ignore` and `check.per-file-ignores`."""
    check = record.ogp.fields.get("check") if record.ogp else None
    check = check if isinstance(check, dict) else {}
    ignore = check.get("ignore")
    found = [Suppression(code.upper(), OGP, path=("check", "ignore", index))
             for index, code in enumerate(ignore if isinstance(ignore, list) else [])
             if isinstance(code, str)]
    per_file = check.get("per-file-ignores")
    for glob, codes in (per_file.items() if isinstance(per_file, dict) else []):
        if isinstance(glob, str) and isinstance(codes, list):
            found.extend(Suppression(code.upper(), OGP, glob=glob,
                                     path=("check", "per-file-ignores", glob, index))
                         for index, code in enumerate(codes) if isinstance(code, str))
    return found


def _commented(record: Record) -> dict[str, str]:
    """The text of every document that holds an `ogpctl:` comment, by path. Only the files
    the loader saw the mark in are read again (`Document.suppressions`)."""
    texts = {}
    root = str(record.root)
    for file, doc in record.documents.items():
        if not doc.suppressions:
            continue
        data = _bytes(os.path.join(root, file))
        if data is not None and b"ogpctl:" in data:
            text = decode(data).text
            if text is not None and "ogpctl:" in text:
                texts[file] = text
    return texts


def _bytes(path: str) -> bytes | None:
    """A file's bytes in one read when its size holds still (a third less CPU than
    Path.read_bytes); None when it cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        want = os.fstat(fd).st_size + 1
        data = os.read(fd, want)
        if len(data) == want:   # the file grew since: read on to its end
            parts = [data]
            while part := os.read(fd, 1 << 16):
                parts.append(part)
            data = b"".join(parts)
        return data
    except OSError:
        return None
    finally:
        os.close(fd)


def _inline(file: str, text: str) -> list[Suppression]:
    """The `ogpctl: ignore[...]` comments of a text (each covers its line, and the next when
    it stands alone on its line) and its `ogpctl: ignore-file[...]` ones (anywhere)."""
    found = []
    body = frontmatter.split(text).body_line if file.endswith(".md") else 0
    # str.splitlines breaks where the YAML composer does (U+2028 too), so a comment's line
    # is the line the composer gives its findings
    for number, line in enumerate(text.splitlines(), start=1):
        if "ogpctl:" not in line:
            continue
        marker = line.find("#") if "#" in line else line.find("<!--")
        # alone on its line: a YAML comment, or an HTML one (in Markdown "#" is a heading)
        alone = line.strip().startswith("<!--" if 0 < body <= number else ("#", "<!--"))
        lines = frozenset((number, number + 1) if alone else (number,))
        for match in _INLINE.finditer(line):
            whole = bool(match.group(1))
            if not whole and (marker < 0 or match.start() < marker):
                continue
            for code in _CODE.finditer(match.group(2)):
                found.append(Suppression(code.group().upper(), file, number,
                                         match.start(2) + code.start() + 1,
                                         lines=None if whole else lines))
    return found


def _text(path: Path) -> str | None:
    try:
        return decode(path.read_bytes()).text
    except OSError:
        return None


def _locate(file: str, text: str, items: list[Diagnostic]) -> list[Diagnostic]:
    if all(item.located for item in items):
        return items
    yaml_text: str | None = text
    offset = 0
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

"""One record file to a Document and its problems. Runs in worker processes too, so it
takes and returns plain values (tuples that `marshal` can store in the cache)."""

from __future__ import annotations

from typing import Any

from ogpctl.base.diagnostics import DocPath
from ogpctl.record.kinds import Kind
from ogpctl.record.model import Document, language_problems
from ogpctl.source import frontmatter
from ogpctl.source.bidi import bidi_problems, may_hold_bidi
from ogpctl.source.problems import Problem
from ogpctl.source.text import MAX_MARKDOWN, decode, long_texts, mixed_line_endings
from ogpctl.source.yaml import parse_yaml

#: (kind, ok, data, body, body_line, problems as tuples, read on the precise YAML path)
FileResult = tuple[str, bool, Any, "str | None", int, list[tuple[Any, ...]], bool]


def read_bytes(raw: bytes, kind: Kind, closed: bool = False) -> FileResult:
    """A record file's bytes read. `closed`: data its schema's closed twin accepts is
    neither walked nor validated (`ogpctl.record.closed`): the same result, for less work
    a file once the twins are made, which costs more than a small record's walks."""
    decoded = decode(raw)
    if decoded.text is None:
        return _result(kind, False, None, None, 1, decoded.problems)
    result = _read_text(decoded.text, decoded.problems, kind, closed)
    # Warnings: the file is read all the same.
    found = [p for p in [mixed_line_endings(decoded.text)] if p is not None]
    if len(decoded.text) > MAX_MARKDOWN:
        found += long_texts(result[2], result[3], result[4])
    if result[1] and may_hold_bidi(raw):   # R013: a file that was read, screened by its bytes
        found += bidi_problems(result[2], result[3], result[4])
    return (*result[:5], result[5] + [tuple(p) for p in found], result[6]) if found else result


def _read_text(text: str, found: list[Problem], kind: Kind, closed: bool) -> FileResult:
    problems = list(found)
    if kind is Kind.SECTION:
        return _result(kind, True, None, text, 1, problems)
    body, body_line, yaml_text, offset = None, 1, text, 0
    if kind.markdown:
        split = frontmatter.split(text)
        if split.yaml is None:
            message = ("the front matter opened on line 1 is never closed: end it with a '---' "
                       "line" if text.startswith("---") else "the meeting file has no "
                       "front matter: start it with a block between two '---' lines holding "
                       "date and kind")
            problems.append(Problem("R010", message, 1, 1))
            return _result(kind, False, None, text, 1, problems)
        yaml_text, body, body_line, offset = split.yaml, split.body, split.body_line, 1
    if problems:  # forbidden characters: the text is not parsed further
        return _result(kind, False, None, body, body_line, problems)
    from ogpctl.record.schema import default_schemas

    schemas = default_schemas()
    # Data the closed twin accepts is valid, and holds nothing the loader's walk finds.
    parsed = parse_yaml(yaml_text, (lambda data: schemas.accepts(kind, data)) if closed
                        else None)
    problems.extend(p._replace(line=p.line + offset) if p.line else p for p in parsed.problems)
    if parsed.ok and not parsed.proven:
        said = {p.path for p in parsed.problems if p.path}
        problems.extend(p for p in schemas.validate(kind, parsed.data)
                        if not _under(p.path, said))
        if kind is Kind.OGP:   # one field against another, which the schema cannot say
            problems.extend(language_problems(parsed.data))
    return _result(kind, parsed.ok, parsed.data, body, body_line, problems, parsed.precise)


def _under(path: DocPath | None, said: set[DocPath]) -> bool:
    """A schema finding about a value the loader already reported (a key that is not text,
    a number kept as its text) would say the same thing again, less precisely."""
    return path is not None and any(path[:n] in said for n in range(len(path) + 1))


def _result(kind: Kind, ok: bool, data: Any, body: str | None, body_line: int,
            problems: list[Problem], precise: bool = False) -> FileResult:
    return (kind.value, ok, data, body, body_line, [tuple(p) for p in problems], precise)


def to_document(path: str, result: FileResult) -> tuple[Document, list[Problem]]:
    kind, ok, data, body, body_line, problems, _ = result
    doc = Document(path, Kind(kind), data, ok, body, body_line)
    return doc, [Problem._make((*p[:4], tuple(p[4]) if p[4] is not None else None, *p[5:]))
                 for p in problems]

"""Finding values in documents by what their schema says they are (text, evidence,
stakeholder references), so the schemas stay the single source of the record's shape."""

from __future__ import annotations

from typing import Any, Iterator

from ogpctl.diagnostics import DocPath
from ogpctl.record.model import Document

TEXT = ("text", "optional-text")
EVIDENCE = ("evidence-item",)
STAKEHOLDER = ("stakeholder-ref",)


def values_at(data: Any, pattern: tuple[str, ...], path: DocPath = ()
              ) -> Iterator[tuple[DocPath, Any]]:
    """Values under a path pattern; `*` matches every item of a list."""
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from values_at(item, rest, path + (index,))
    elif isinstance(data, dict) and head in data:
        yield from values_at(data[head], rest, path + (head,))


def values_of(doc: Document, targets: tuple[str, ...]) -> Iterator[tuple[DocPath, Any]]:
    """Every value in `doc` whose schema is one of the common definitions `targets`."""
    if doc.data is None or doc.kind.schema is None:
        return
    from ogpctl.schema import default_schemas

    for pattern in default_schemas().field_paths(doc.kind, targets):
        yield from values_at(doc.data, pattern)

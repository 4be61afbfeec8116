"""The one walk of a document that finds its texts, evidence and stakeholder references
(record/fields.py, compiled from the schemas once a kind) finds exactly what a walk of
each schema path finds, in documents of every kind, whatever the shape of their values."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from ogpctl.record.fields import KNOWN, values_at, values_of
from ogpctl.record.kinds import Kind
from ogpctl.record.model import Document
from ogpctl.record.schema import default_schemas

SAMPLE = Path(__file__).resolve().parent.parent / "sample-country"
#: What a value may be where the schema wants something else (a schema finding).
JUNK: list[Any] = ["text", 3, None, [], {}, ["a", {"en": "b"}], {"en": "c"}]


def _by_path(found: list[tuple[Any, Any]]) -> list[tuple[str, int]]:
    return sorted((repr(path), id(value)) for path, value in found)


def _exact(doc: Document, targets: tuple[str, ...]) -> list[tuple[Any, Any]]:
    """The values of every schema path of `targets`, one path at a time."""
    found: list[tuple[Any, Any]] = []
    for pattern in default_schemas().field_paths(doc.kind, targets):
        found += values_at(doc.data, pattern)
    return found


def _grow(data: dict[str, Any], pattern: tuple[str, ...], rng: random.Random) -> None:
    """Put values along `pattern` in `data`: lists of up to three items, junk at times."""
    node: Any = data
    for step, after in zip(pattern, pattern[1:] + ("",), strict=True):
        fresh: Any = [] if after == "*" else {} if after else rng.choice(JUNK)
        if step == "*":
            if not isinstance(node, list):
                return
            while len(node) < rng.randrange(1, 4):
                node.append(rng.choice(JUNK) if rng.random() < 0.2 else
                            ([] if after == "*" else {} if after else rng.choice(JUNK)))
            node = rng.choice(node)
        elif isinstance(node, dict):
            node = node.setdefault(step, fresh if rng.random() > 0.1 else rng.choice(JUNK))
        else:
            return


@pytest.mark.parametrize("kind", [k for k in Kind if k.schema is not None])
def test_the_walk_finds_what_each_schema_path_holds(kind: Kind) -> None:
    rng = random.Random(kind.value)
    patterns = sorted({p for targets in KNOWN
                       for p in default_schemas().field_paths(kind, targets)})
    assert patterns, f"{kind.value} has no texts, evidence or stakeholders to find"
    for _ in range(40):
        data: dict[str, Any] = {}
        for pattern in patterns:
            for _ in range(rng.randrange(3)):
                _grow(data, pattern, rng)
        doc = Document(f"x.{kind.value}", kind, data, True)
        for targets in KNOWN:
            assert _by_path(values_of(doc, targets)) == _by_path(_exact(doc, targets))


def test_the_walk_finds_what_each_schema_path_holds_in_the_sample_record() -> None:
    from ogpctl.record.discover import discover
    from ogpctl.record.load import load_documents
    from ogpctl.record.model import build_record

    layout = discover(SAMPLE)
    documents, _problems = load_documents(SAMPLE, layout, None, None)
    record = build_record(SAMPLE, documents, layout.plan_ids)
    counted = 0
    for doc in record.documents.values():
        if doc.data is None or doc.kind.schema is None:
            continue
        for targets in KNOWN:
            found = values_of(doc, targets)
            assert _by_path(found) == _by_path(_exact(doc, targets)), (doc.path, targets)
            counted += len(found)
    assert counted > 500

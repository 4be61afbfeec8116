"""The one walk of a document that finds its texts, evidence and stakeholder references
(record/fields.py, compiled from the schemas once a kind) finds exactly what a walk of
each schema path finds, in documents of every kind, whatever the shape of their values."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from ogpctl.record.fields import KNOWN, LATER, TEXT, texts_apart, values_at, values_in, values_of
from ogpctl.record.kinds import Kind
from ogpctl.record.model import Document
from ogpctl.record.schema import default_schemas

SAMPLE = Path(__file__).resolve().parent.parent / "sample-country"
#: What a value may be where the schema wants something else (a schema finding).
JUNK: list[Any] = ["text", 3, None, [], {}, ["a", {"en": "b"}], {"en": "c"}]


def _by_path(found: list[tuple[Any, Any]]) -> list[tuple[str, int]]:
    return sorted((repr(path), id(value)) for path, value in found)


def _at(node: Any, pattern: tuple[str, ...], path: tuple[Any, ...] = ()
        ) -> list[tuple[Any, Any]]:
    """The values under `pattern`, found plainly: last item of a list first."""
    if not pattern:
        return [(path, node)]
    step, rest = pattern[0], pattern[1:]
    if step == "*":
        if type(node) is not list:
            return []
        return [found for index in reversed(range(len(node)))
                for found in _at(node[index], rest, path + (index,))]
    return _at(node[step], rest, path + (step,)) if type(node) is dict and step in node else []


def _exact(doc: Document, targets: tuple[str, ...]) -> list[tuple[Any, Any]]:
    """The values of every schema path of `targets`, one path at a time."""
    found: list[tuple[Any, Any]] = []
    for pattern in default_schemas().field_paths(doc.kind, targets):
        found += _at(doc.data, pattern)
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
        _assert_bare_values_agree(doc)
        for pattern in patterns:
            assert _ids(values_at(data, pattern)) == _ids(_at(data, pattern)), pattern
            assert _ids(values_at(data, pattern, ("x",))) == \
                _ids(_at(data, pattern, ("x",))), pattern


def _ids(found: list[tuple[Any, Any]]) -> list[tuple[Any, int]]:
    return [(path, id(value)) for path, value in found]


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
        _assert_bare_values_agree(doc)
    assert counted > 500


def _assert_bare_values_agree(doc: Document) -> None:
    """The values without their paths are those of `values_of`, in its order; the texts
    apart are those under a LATER key."""
    with_paths = {targets: values_of(doc, targets) for targets in KNOWN}
    doc.memo.clear()
    for targets in KNOWN:
        if targets != TEXT:
            assert [id(v) for v in values_in(doc, targets)] == \
                [id(v) for _, v in with_paths[targets]]
    later, others = texts_apart(doc)
    assert [id(v) for v in later] == \
        [id(v) for p, v in with_paths[TEXT] if not LATER.isdisjoint(p)]
    assert [id(v) for v in others] == [id(v) for p, v in with_paths[TEXT] if LATER.isdisjoint(p)]
    assert sorted(map(id, values_in(doc, TEXT))) == sorted(id(v) for _, v in with_paths[TEXT])


def test_a_check_makes_the_paths_only_of_documents_it_reports_on() -> None:
    """The rules screen every value without its path: the paths of a document's values
    are made (a walk as long again) only when a rule reports one of them, or when a
    screen sends the document to the exact reading (here L304's, for co-creation.yaml)."""
    from datetime import date

    from ogpctl.check.run import CheckOptions, check_record
    from ogpctl.record import model

    made: list[Document] = []
    screened: list[Document] = []
    released = model.release

    def keep(record: Any) -> None:
        made.extend(doc for doc in record.documents.values()
                    if any(targets in doc.memo for targets in KNOWN))
        screened.extend(doc for doc in record.documents.values() if "bare-values" in doc.memo)
        released(record)

    model.release = keep
    try:
        found, _files = check_record(SAMPLE, CheckOptions(today=date(2026, 11, 23),
                                                          use_cache=False, jobs=1))
    finally:
        model.release = released
    assert not found
    assert len(screened) > 40
    assert [doc.path for doc in made] == ["plans/2023-2025/co-creation.yaml"]

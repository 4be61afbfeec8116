"""Finding values in documents by what their schema says they are (text, evidence,
stakeholder references), so the schemas stay the single source of the record's shape.

The schema paths of a kind are compiled into a trie; the kinds of value rules ask for
(KNOWN) are found together, in one walk of a document by a function written from the trie
once a kind of document (`record.walkers`). Most documents are only screened (`values_in`,
`texts_apart`: the values without their paths); their paths (`values_of`) are made when a
rule reports one. Both are kept on the document, since several rules ask for them."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from ogpctl.base.diagnostics import DocPath
from ogpctl.record.kinds import Kind
from ogpctl.record.model import Document
from ogpctl.record.walkers import Trie, Walk, write_walk

TEXT = ("text", "optional-text")
EVIDENCE = ("evidence-item",)
STAKEHOLDER = ("stakeholder-ref",)

_END = object()


def values_at(data: Any, pattern: tuple[str, ...], path: DocPath = ()
              ) -> list[tuple[DocPath, Any]]:
    """Values under a path pattern; `*` matches every item of a list."""
    found: list[tuple[DocPath, Any]] = []
    _pattern_walker(pattern)(data, found)
    return [(path + where, value) for where, value in found] if path else found


@lru_cache(maxsize=256)
def _pattern_walker(pattern: tuple[str, ...]) -> Walk:
    return write_walk(_frozen(_trie((pattern,))), 1, lambda _targets, _later: 0,
                      name="values at a path")


#: The kinds of value rules look up; one walk of a document finds all of them.
KNOWN = (TEXT, EVIDENCE, STAKEHOLDER)


def values_of(doc: Document, targets: tuple[str, ...]) -> list[tuple[DocPath, Any]]:
    """Every value in `doc` whose schema is one of the common definitions `targets`."""
    if doc.data is None or doc.kind.schema is None:
        return []
    if targets not in doc.memo:
        if targets in KNOWN:
            lists: tuple[list[tuple[DocPath, Any]], ...] = tuple([] for _ in KNOWN)
            _walker(doc.kind, True)(doc.data, *lists)
            doc.memo.update(zip(KNOWN, lists, strict=True))
        else:
            doc.memo[targets] = []
            _targets_walker(doc.kind, targets)(doc.data, doc.memo[targets])
    found: list[tuple[DocPath, Any]] = doc.memo[targets]
    return found


#: Keys under which a commitment's texts are written during implementation, after its
#: action plan was submitted: the progress updates and the implementation plan.
LATER = frozenset({"progress", "implementation-plan"})


def values_in(doc: Document, targets: tuple[str, ...]) -> list[Any]:
    """The values of `values_of(doc, targets)` (a KNOWN kind) without their paths, in the
    same order (for TEXT: the texts not under a LATER key, then those under one): for the
    screens that look at every value and want a path only when one is wrong, so that
    hardly any document has its paths made."""
    if targets == TEXT:
        apart = texts_apart(doc)
        return [*apart[1], *apart[0]]
    return _bare(doc)[KNOWN.index(targets)]


def texts_apart(doc: Document) -> tuple[list[Any], list[Any]]:
    """The text values of `doc` without their paths: (those under a LATER key, the
    others), each in the order of `values_of(doc, TEXT)`."""
    lists = _bare(doc)
    return lists[len(KNOWN)], lists[0]


def _bare(doc: Document) -> tuple[list[Any], ...]:
    """The values of the KNOWN kinds by channel (`_channel`), found in one walk."""
    if "bare-values" not in doc.memo:
        lists: tuple[list[Any], ...] = tuple([] for _ in range(len(KNOWN) + 1))
        if doc.data is not None and doc.kind.schema is not None:
            _walker(doc.kind, False)(doc.data, *lists)
        doc.memo["bare-values"] = lists
    found: tuple[list[Any], ...] = doc.memo["bare-values"]
    return found


def _channel(targets: tuple[str, ...], later: bool) -> int:
    """A KNOWN kind's list, and for TEXT one more for the texts under a LATER key."""
    return len(KNOWN) if later and targets == TEXT else KNOWN.index(targets)


def _kind_channel(targets: tuple[str, ...], _later: bool) -> int:
    return KNOWN.index(targets)


@cache
def _walker(kind: Kind, paths: bool) -> Walk:
    """The walk of documents of `kind` for every KNOWN kind of value: with paths, a list
    of (path, value) a kind; without, the values in the lists of `_channel`."""
    if paths:
        return write_walk(_combined_trie(kind), len(KNOWN), _kind_channel,
                          name=f"walk of {kind.value} documents")
    return write_walk(_combined_trie(kind), len(KNOWN) + 1, _channel, LATER, paths=False,
                      name=f"values of {kind.value} documents")


@cache
def _targets_walker(kind: Kind, targets: tuple[str, ...]) -> Walk:
    """The walk of documents of `kind` for one kind of value that is not KNOWN."""
    from ogpctl.record.schema import default_schemas

    return write_walk(_frozen(_trie(default_schemas().field_paths(kind, targets))), 1,
                      lambda _targets, _later: 0, name=f"{targets} in {kind.value} documents")


@cache
def _combined_trie(kind: Kind) -> Trie:
    """The paths of every KNOWN kind of value in one trie; each end is tagged with its
    kind of value, which the walk appends to the path it reports."""
    from ogpctl.record.schema import default_schemas

    root: dict[Any, Any] = {}
    for targets in KNOWN:
        for pattern in default_schemas().field_paths(kind, targets):
            node = root
            for step in pattern:
                node = node.setdefault(step, {})
            node[_END] = node.get(_END, ()) + (targets,)
    return _frozen(root)


def _frozen(trie: dict[Any, Any]) -> Trie:
    """A trie as `record.walkers` writes a walk from: (kinds of value ending here, list
    step or None, ((key, sub-trie, leaf ends or None), ...)), its keys in reverse order
    (the last key of a schema is walked first)."""
    ends = trie.get(_END, ())
    star = _frozen(trie["*"]) if "*" in trie else None
    keys = []
    for step, child in trie.items():
        if step is not _END and step != "*":
            sub = _frozen(child)
            keys.append((step, sub, sub[0] if sub[1] is None and not sub[2] else None))
    return ends, star, tuple(reversed(keys))


def _trie(patterns: Iterable[tuple[str, ...]]) -> dict[Any, Any]:
    """The patterns as a trie of dicts, each end tagged with its pattern."""
    root: dict[Any, Any] = {}
    for pattern in patterns:
        node = root
        for step in pattern:
            node = node.setdefault(step, {})
        node[_END] = (pattern,)
    return root

"""Finding values in documents by what their schema says they are (text, evidence,
stakeholder references), so the schemas stay the single source of the record's shape.

The schema paths of a kind are compiled into a trie and each document is walked once per
kind of value; the result is kept on the document, since several rules ask for it."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from ogpctl.base.diagnostics import DocPath
from ogpctl.record.kinds import Kind
from ogpctl.record.model import Document

TEXT = ("text", "optional-text")
EVIDENCE = ("evidence-item",)
STAKEHOLDER = ("stakeholder-ref",)

_END = object()


def values_at(data: Any, pattern: tuple[str, ...], path: DocPath = ()
              ) -> Iterator[tuple[DocPath, Any]]:
    """Values under a path pattern; `*` matches every item of a list."""
    yield from _walk(data, _trie((pattern,)), path)


#: The kinds of value rules look up; one walk of a document finds all of them.
KNOWN = (TEXT, EVIDENCE, STAKEHOLDER)


def values_of(doc: Document, targets: tuple[str, ...]) -> list[tuple[DocPath, Any]]:
    """Every value in `doc` whose schema is one of the common definitions `targets`."""
    if doc.data is None or doc.kind.schema is None:
        return []
    if targets not in doc.memo:
        if targets in KNOWN:
            _walk_known(doc)
        else:
            doc.memo[targets] = _walk(doc.data, _kind_trie(doc.kind, targets), ())
    found: list[tuple[DocPath, Any]] = doc.memo[targets]
    return found


def _walk_known(doc: Document) -> None:
    lists: dict[tuple[str, ...], list[tuple[DocPath, Any]]] = {targets: [] for targets in KNOWN}
    _collect(doc.data, _combined_trie(doc.kind), (), lists)
    doc.memo.update(lists)


@cache
def _kind_trie(kind: Kind, targets: tuple[str, ...]) -> dict[Any, Any]:
    from ogpctl.record.schema import default_schemas

    return _trie(tuple(default_schemas().field_paths(kind, targets)))


#: A frozen trie: (kinds of value ending here, the list step's trie or None, the keys'
#: steps). A step is (key, sub-trie, the kinds of value ending at a sub-trie that has no
#: step of its own, else None): most values found are such leaves (a text under a key),
#: and the walk reports them without descending.
Trie = tuple[tuple[Any, ...], Any, tuple[tuple[Any, Any, Any], ...]]


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
    """A trie as (kinds of value ending here, list step or None, ((key, sub-trie, leaf
    ends or None), ...)), its keys in reverse order: the walk then reads tuples instead of
    testing every step of a dict, in the order of `_walk`'s stack."""
    ends = trie.get(_END, ())
    star = _frozen(trie["*"]) if "*" in trie else None
    keys = []
    for step, child in trie.items():
        if step is not _END and step != "*":
            sub = _frozen(child)
            keys.append((step, sub, sub[0] if sub[1] is None and not sub[2] else None))
    return ends, star, tuple(reversed(keys))


def _trie(patterns: tuple[tuple[str, ...], ...]) -> dict[Any, Any]:
    root: dict[Any, Any] = {}
    for pattern in patterns:
        node = root
        for step in pattern:
            node = node.setdefault(step, {})
        node[_END] = True
    return root


def _collect(node: Any, trie: Trie, where: DocPath, lists: dict[Any, list[Any]]) -> None:
    """The walk of a combined trie: each value found goes to the list of its kind of
    value, in the order `_walk` would report it (depth first, last key and last item
    first). Recursive: its depth is the trie's (the schema's nesting), not the data's."""
    ends, star, keys = trie
    for targets in ends:
        lists[targets].append((where, node))
    if keys and type(node) is dict:
        for step, child, leaf in keys:
            if step in node:
                if leaf is None:
                    _collect(node[step], child, where + (step,), lists)
                else:
                    found = (where + (step,), node[step])
                    for targets in leaf:
                        lists[targets].append(found)
    elif star is not None and type(node) is list:
        if star[1] is None and not star[2]:     # a list of leaves: report each item
            for index in range(len(node) - 1, -1, -1):
                found = (where + (index,), node[index])
                for targets in star[0]:
                    lists[targets].append(found)
            return
        for index in range(len(node) - 1, -1, -1):
            _collect(node[index], star, where + (index,), lists)


def _walk(data: Any, trie: dict[Any, Any], path: DocPath) -> list[tuple[DocPath, Any]]:
    """Iterative (this runs for every document): the values at the trie's ends."""
    found: list[tuple[DocPath, Any]] = []
    stack = [(data, trie, path)]
    while stack:
        node, sub, where = stack.pop()
        for step, child in sub.items():
            if step is _END:
                if child is True:
                    found.append((where, node))
                else:   # a combined trie: one report per kind of value ending here
                    found.extend((where + (targets,), node) for targets in child)
            elif step == "*":
                if type(node) is list:
                    stack.extend((item, child, where + (index,))
                                 for index, item in enumerate(node))
            elif type(node) is dict and step in node:
                stack.append((node[step], child, where + (step,)))
    return found

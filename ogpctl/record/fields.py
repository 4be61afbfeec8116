"""Finding values in documents by what their schema says they are (text, evidence,
stakeholder references), so the schemas stay the single source of the record's shape.

The schema paths of a kind are compiled into a trie; the kinds of value rules ask for
(KNOWN) are found together, in one walk of a document by a function written from the trie
once a kind of document (`_known_walker`). The result is kept on the document, since
several rules ask for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
    lists: tuple[list[tuple[DocPath, Any]], ...] = tuple([] for _ in KNOWN)
    _known_walker(doc.kind)(doc.data, *lists)
    doc.memo.update(zip(KNOWN, lists, strict=True))


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


@cache
def _known_walker(kind: Kind) -> Callable[..., None]:
    """`_combined_trie(kind)` as a function of its own, compiled once a process: the walk
    every document of the kind takes, with the schema's keys written into it, so that a
    document costs a test of each key it may hold and nothing else. It appends each value
    found to the list of its kind of value (its arguments, in the order of KNOWN), in the
    order `_walk` reports them: depth first, last key and last item first."""
    lines = ["def walk(node, " + ", ".join(f"found{i}" for i in range(len(KNOWN))) + "):"]
    lines += [f"    add{i} = found{i}.append" for i in range(len(KNOWN))]
    _emit(_combined_trie(kind), "node", ("", ()), 1, lines)
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), f"<walk of {kind.value} documents>", "exec"), namespace)
    walk: Callable[..., None] = namespace["walk"]
    return walk


#: A path as the walker's source writes it: a variable holding a path (or "") and the
#: steps below it, as source (a key's literal, a list position's variable).
Where = tuple[str, tuple[str, ...]]


def _emit(trie: Trie, node: str, where: Where, depth: int, lines: list[str]) -> None:
    """The source that walks `node` (a variable) through `trie`, indented `depth` levels."""
    ends, star, keys = trie
    pad = "    " * depth
    lines += [f"{pad}add{KNOWN.index(targets)}(({_path(where)}, {node}))" for targets in ends]
    if keys:
        lines.append(f"{pad}if type({node}) is dict:")
        for step, child, leaf in keys:
            lines.append(f"{pad}    if {step!r} in {node}:")
            below = (where[0], where[1] + (repr(step),))
            if leaf is None:
                value = f"v{len(lines)}"
                lines.append(f"{pad}        {value} = {node}[{step!r}]")
                _emit(child, value, below, depth + 2, lines)
                continue
            lines.append(f"{pad}        found = ({_path(below)}, {node}[{step!r}])")
            lines += [f"{pad}        add{KNOWN.index(targets)}(found)" for targets in leaf]
    if star is not None:
        lines.append(f"{pad}{'elif' if keys else 'if'} type({node}) is list:")
        _emit_items(star, node, where, depth + 1, lines)


def _emit_items(star: Trie, node: str, where: Where, depth: int, lines: list[str]) -> None:
    """The source that walks each item of the list `node`, last item first."""
    pad = "    " * depth
    index = f"i{len(lines)}"
    lines.append(f"{pad}for {index} in range(len({node}) - 1, -1, -1):")
    item = (where[0], where[1] + (index,))
    if star[1] is None and not star[2]:     # a list of leaves: report each item
        lines.append(f"{pad}    found = ({_path(item)}, {node}[{index}])")
        lines += [f"{pad}    add{KNOWN.index(targets)}(found)" for targets in star[0]]
        return
    path, value = f"w{len(lines)}", f"v{len(lines)}"
    lines += [f"{pad}    {path} = {_path(item)}", f"{pad}    {value} = {node}[{index}]"]
    _emit(star, value, (path, ()), depth + 1, lines)


def _path(where: Where) -> str:
    """The expression of a path."""
    variable, steps = where
    literal = f"({', '.join(steps)},)" if steps else "()"
    if not variable:
        return literal
    return f"{variable} + {literal}" if steps else variable


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

"""From a path inside parsed data back to a line and column in the file.

Only files with findings come here. The text is composed again into nodes that carry
marks (built from libyaml's events when ruamel.yaml's C extension is there, else by
ruamel's pure-Python composer), and the path is followed as far as it exists: a finding
about a missing field points at the mapping that should hold it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ogpctl.base.collector import collection_paused
from ogpctl.base.diagnostics import DocPath


def compose(text: str) -> Any:
    """The node tree of a YAML text that already parsed cleanly (so depth is bounded)."""
    parser = _c_parser()
    if parser is None:  # no C extension: the pure composer is slower but equivalent
        return _compose_pure(text)
    try:
        with collection_paused():   # nodes hold no cycles
            return _compose_events(parser(text))
    except Exception:  # noqa: BLE001 - libyaml disagreeing with the fast parser; use ruamel's
        return _compose_pure(text)


@cache
def _c_parser() -> Any:
    try:
        from _ruamel_yaml import CParser
    except ImportError:
        return None
    return CParser


class SequenceNode:
    __slots__ = ("value", "start_mark")

    def __init__(self, start_mark: Any) -> None:
        self.value: list[Any] = []
        self.start_mark = start_mark


class MappingNode(SequenceNode):
    """`value` holds (key node, value node) pairs, as in ruamel.yaml's nodes."""


#: The kinds of scalar node: ruamel's own, and libyaml's scalar event, which has all a scalar
#: node needs here (value, style, start mark), so `_compose_events` keeps it as the node.
_SCALARS = frozenset({"ScalarNode", "ScalarEvent"})


_NO_KEY = object()


def _compose_events(parser: Any) -> Any:
    """Nodes with only what positions need (value, style, start mark), built from libyaml's
    events: ruamel's own nodes resolve tags and cost twice as much on a large file.
    Iterative, and an alias is its anchor's node, as ruamel composes it. This loop runs for
    every key and value of a file with findings, so an event's kind is told by its class
    itself, a scalar's event is its node, and a node is attached where it is made."""
    scalar, mapping_start, sequence_start, mapping_end, sequence_end, alias = _event_classes()
    open_nodes: list[list[Any]] = []   # [container, pending key] of each unclosed container
    anchors: dict[str, Any] = {}
    node: Any
    get_event = parser.get_event
    while (event := get_event()) is not None:
        kind = type(event)
        if kind is scalar:
            node = event
            if event.anchor is not None:
                anchors[event.anchor] = node
        elif kind is mapping_start or kind is sequence_start:
            node = (MappingNode if kind is mapping_start else SequenceNode)(event.start_mark)
            if event.anchor is not None:
                anchors[event.anchor] = node
            open_nodes.append([node, _NO_KEY])
            continue
        elif kind is mapping_end or kind is sequence_end:
            node = open_nodes.pop()[0]
        elif kind is alias:
            node = anchors[event.anchor]
        else:
            continue
        if not open_nodes:
            return node
        parent = open_nodes[-1]
        container = parent[0]
        if type(container) is SequenceNode:
            container.value.append(node)
        elif parent[1] is _NO_KEY:
            parent[1] = node
        else:
            container.value.append((parent[1], node))
            parent[1] = _NO_KEY
    return None


@cache
def _event_classes() -> tuple[type, ...]:
    from ruamel.yaml.events import (
        AliasEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    return (ScalarEvent, MappingStartEvent, SequenceStartEvent, MappingEndEvent,
            SequenceEndEvent, AliasEvent)


def _compose_pure(text: str) -> Any:
    from ruamel.yaml import YAML

    try:
        return YAML(typ="safe", pure=True).compose(text)
    except Exception:  # noqa: BLE001 - positions are best effort; the finding still stands
        return None


def locate(root: Any, path: DocPath, key: bool = False) -> tuple[int, int]:
    """1-based line and column of `path` in the node tree `root` (nearest existing node)."""
    return Locator(root).locate(path, key)


class Locator:
    """Locates many paths in one node tree, in time linear in the tree's size however many
    paths there are (a file of many findings must not cost findings times keys)."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self._keys: dict[int, tuple[dict[str, tuple[Any, Any]], list[int]]] = {}

    def locate(self, path: DocPath, key: bool = False) -> tuple[int, int]:
        node, key_node = self.root, None
        for step in path:
            child = self._child(node, step)
            if child is None:
                break
            key_node, node = child
        target = key_node if key and key_node is not None else node
        if key_node is not None and _empty(target):
            target = key_node   # an empty value has no text of its own: point at its key
        if target is None:
            return 1, 1
        mark = target.start_mark
        return mark.line + 1, mark.column + 1

    def _child(self, node: Any, step: str | int) -> tuple[Any, Any] | None:
        kind = type(node).__name__
        if kind == "MappingNode":
            return self._index(node, str(step))
        if kind == "SequenceNode" and isinstance(step, int) and 0 <= step < len(node.value):
            return None, node.value[step]
        return None

    def _index(self, node: Any, key: str) -> tuple[Any, Any] | None:
        """The pair of `key` in a mapping node. Keys are indexed as far as the search went,
        so every key of a mapping is read at most once, and the first keys cost little."""
        found, read = self._keys.setdefault(id(node), ({}, [0]))
        pairs = node.value
        while key not in found and read[0] < len(pairs):
            pair = pairs[read[0]]
            key_node = pair[0]
            read[0] += 1
            if type(key_node).__name__ in _SCALARS:
                found.setdefault(key_node.value, pair)
        return found.get(key)


def _empty(node: Any) -> bool:
    return type(node).__name__ in _SCALARS and node.value == "" and not node.style

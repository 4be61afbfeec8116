"""Finding a path's place in ruamel.yaml's node tree (character offsets into the text)."""

from __future__ import annotations

from typing import Any, NamedTuple, TypeAlias

from ogpctl.base.errors import RecordWriteError

Step: TypeAlias = str | int
Path = tuple[Step, ...]


class UneditableError(RecordWriteError):
    """The YAML is written in a way this editor does not change (anchors, explicit keys,
    replacing a whole list or mapping), or it has problems to fix first."""


class Spot(NamedTuple):
    parent: Any
    key: Any      # the key node when the parent is a mapping
    node: Any     # the value node; None when the key or index is not there yet
    step: Step


def kind(node: Any) -> str:
    return type(node).__name__


def is_empty(node: Any) -> bool:
    return kind(node) == "ScalarNode" and node.start_mark.index == node.end_mark.index


def find(root: Any, path: Path) -> Spot:
    if not path:
        raise ValueError("a change needs a path")
    node = root
    for depth, step in enumerate(path):
        _refuse_anchor(node)
        key, child = _child(node, step, path[:depth + 1])
        if depth == len(path) - 1:
            if child is not None:
                _refuse_anchor(child)
            return Spot(node, key, child, step)
        if child is None:
            raise ValueError(f"there is no value at {path[:depth + 1]}")
        node = child
    raise AssertionError("unreachable")


def _refuse_anchor(node: Any) -> None:
    if getattr(node, "anchor", None):
        raise UneditableError(f"the value uses the YAML anchor &{node.anchor}; ogpctl does "
                              "not edit anchored or aliased values")


def _child(node: Any, step: Step, where: Path) -> tuple[Any, Any]:
    shape = kind(node)
    if shape == "MappingNode" and isinstance(step, str):
        found = [(k, v) for k, v in node.value if kind(k) == "ScalarNode" and k.value == step]
        if len(found) > 1:
            raise UneditableError(f"the key {step!r} appears twice; keep one")
        return found[0] if found else (None, None)
    if shape == "SequenceNode" and isinstance(step, int) and not isinstance(step, bool):
        return (None, node.value[step]) if 0 <= step < len(node.value) else (None, None)
    raise ValueError(f"{where} does not lead into a mapping or list")

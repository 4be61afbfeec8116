"""From a path inside parsed data back to a line and column in the file.

Only files with findings come here. The text is composed again into nodes that carry
marks (ruamel.yaml's C composer when available, else its pure-Python one), and the path
is followed as far as it exists: a finding about a missing field points at the mapping
that should hold it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ogpctl.diagnostics import DocPath


def compose(text: str) -> Any:
    """The node tree of a YAML text that already parsed cleanly (so depth is bounded)."""
    composer = _c_composer()
    if composer is None:  # no C extension: the pure composer is slower but equivalent
        return _compose_pure(text)
    try:
        return composer(text).get_single_node()
    except Exception:  # noqa: BLE001 - libyaml disagreeing with the fast parser; use ruamel's
        return _compose_pure(text)


@cache
def _c_composer() -> Any:
    try:
        from _ruamel_yaml import CParser
    except ImportError:
        return None

    class _Composer(CParser):  # type: ignore[misc,valid-type]
        """libyaml's composer; tags are never needed for positions, so none are resolved."""

        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            return "tag:yaml.org,2002:str"

        def descend_resolver(self, parent: Any, index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

    return _Composer


def _compose_pure(text: str) -> Any:
    from ruamel.yaml import YAML

    try:
        return YAML(typ="safe", pure=True).compose(text)
    except Exception:  # noqa: BLE001 - positions are best effort; the finding still stands
        return None


def locate(root: Any, path: DocPath, key: bool = False) -> tuple[int, int]:
    """1-based line and column of `path` in the node tree `root` (nearest existing node)."""
    node, key_node = root, None
    for step in path:
        child = _child(node, step)
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


def _empty(node: Any) -> bool:
    return type(node).__name__ == "ScalarNode" and node.value == "" and not node.style


def _child(node: Any, step: str | int) -> tuple[Any, Any] | None:
    kind = type(node).__name__
    if kind == "MappingNode":
        for key_node, value_node in node.value:
            if type(key_node).__name__ == "ScalarNode" and key_node.value == str(step):
                return key_node, value_node
        return None
    if kind == "SequenceNode" and isinstance(step, int) and 0 <= step < len(node.value):
        return None, node.value[step]
    return None

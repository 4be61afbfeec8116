"""Bounds on the work of explaining schema errors (`ogpctl.record.schema`).

jsonschema-rs decides validity in microseconds whatever the size of a document, but it
builds every error of `iter_errors` before the first is read: 20 microseconds each, so a
list of 200,000 broken milestones costs seconds, and a `oneOf` over a mapping of n keys
costs n² (a title with 4,000 language keys takes six seconds, 150,000 exhaust memory).
So errors are explained on a shortened copy: every list cut to its first LIMIT items,
every mapping below the top one cut to its first LIMIT keys. A cut mapping is a finding
of its own, and no finding is made inside it, since a key it lost could be the one a
finding says is missing.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ogpctl.base.diagnostics import DocPath
from ogpctl.source.problems import MORE, Problem

#: Items of a list and keys of a mapping whose errors are explained; more than any record
#: needs (a consultation of 1,000 contributions is checked past them when they are fine).
LIMIT = 1000


class Shortened(NamedTuple):
    data: Any
    lists: list[DocPath]                  # the first item cut from each long list
    mappings: list[tuple[DocPath, int]]   # each long mapping and how many keys it has


def shortened(data: Any, lists: bool = True) -> Shortened:
    """`data` itself when nothing is too long, else a copy cut as the module says (lists
    only when `lists`)."""
    if not _too_long(data, lists):
        return Shortened(data, [], [])
    cut = Shortened(None, [], [])
    return cut._replace(data=_copy(data, (), lists, cut))


def _too_long(data: Any, lists: bool) -> bool:
    stack = [(data, True)]
    while stack:
        node, top = stack.pop()
        if isinstance(node, dict):
            if not top and len(node) > LIMIT:
                return True
            stack.extend((v, False) for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            if lists and len(node) > LIMIT:
                return True
            stack.extend((v, False) for v in node if isinstance(v, (dict, list)))
    return False


def _copy(node: Any, path: DocPath, lists: bool, cut: Shortened) -> Any:
    # Recursion is bounded: parsed documents are at most MAX_DEPTH deep (ogpctl.source.yaml).
    if isinstance(node, dict):
        items = list(node.items())
        if path and len(items) > LIMIT:
            cut.mappings.append((path, len(items)))
            items = items[:LIMIT]
        return {key: _copy(value, path + (key,), lists, cut) for key, value in items}
    if isinstance(node, list):
        if lists and len(node) > LIMIT:
            cut.lists.append(path + (LIMIT,))
            node = node[:LIMIT]
        return [_copy(item, path + (index,), lists, cut) for index, item in enumerate(node)]
    return node


def bounded(problems: list[Problem], cut: Shortened) -> list[Problem]:
    """The problems found in a shortened copy, less those inside a cut mapping, plus one
    finding a cut mapping and one saying that a list's later items were not explained."""
    inside = [path for path, _ in cut.mappings]
    kept = [p for p in problems
            if p.path is None or not any(_below(p.path, where) for where in inside)]
    kept += [Problem("F103", f"this mapping has {count:,} keys, more than ogpctl checks "
                     f"({LIMIT:,}); no record field holds that many: shorten it",
                     path=path, key=True) for path, count in cut.mappings]
    if cut.lists:
        kept.append(Problem("F103", f"{MORE}maybe more mistakes after the first {LIMIT:,} "
                            "items of this list, not listed; fix the ones above and check "
                            "again", path=cut.lists[0]))
    return kept


def _below(path: DocPath, where: DocPath) -> bool:
    return len(path) > len(where) and path[:len(where)] == where

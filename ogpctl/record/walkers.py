"""The walks of `record.fields` written as Python functions, one a trie of schema paths.

A document of a kind is walked by a function whose source is written once a process from
the kind's trie, with the schema's keys in it: a document then costs a test of each key it
may hold and nothing else. Each value found is appended to the list of its channel (the
function's arguments), in one order: depth first, last key and last item first. A walk
with paths reports (path, value); one without reports the bare value, for the screens that
look at every value and at a path only when something is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: A frozen trie: (kinds of value ending here, the list step's trie or None, the keys'
#: steps, last key first). A step is (key, sub-trie, the kinds of value ending at a
#: sub-trie that has no step of its own, else None): most values are such leaves (a text
#: under a key), reported without descending.
Trie = tuple[tuple[Any, ...], Any, tuple[tuple[Any, Any, Any], ...]]

#: The channel a value goes to: from its kind of value, and whether a key of `apart`
#: (a walk's argument) is on its path.
Channel = Callable[[Any, bool], int]

#: A walk: the document's data, then one list a channel.
Walk = Callable[..., None]


def write_walk(trie: Trie, channels: int, channel: Channel, apart: frozenset[str] = frozenset(),
               paths: bool = True, name: str = "walk") -> Walk:
    """The walk of `trie` as a function of (data, list of channel 0, list of channel 1, ...)."""
    source = _Source(channel, apart, paths)
    source.lines.append("def walk(node, " + ", ".join(f"found{i}" for i in range(channels))
                        + "):")
    source.lines += [f"    add{i} = found{i}.append" for i in range(channels)]
    source.node(trie, "node", ("", ()), False, 1)
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(source.lines), f"<{name}>", "exec"), namespace)
    walk: Walk = namespace["walk"]
    return walk


#: A path as the source writes it: a variable holding a path (or "") and the steps below
#: it, as source (a key's literal, a list position's variable).
Where = tuple[str, tuple[str, ...]]


@dataclass
class _Source:
    channel: Channel
    apart: frozenset[str]
    paths: bool
    lines: list[str] = field(default_factory=list)

    def node(self, trie: Trie, node: str, where: Where, apart: bool, depth: int) -> None:
        """The source that walks the value of the variable `node` through `trie`."""
        ends, star, keys = trie
        pad = "    " * depth
        self.lines += [f"{pad}{self.report(targets, apart, self.found(where, node))}"
                       for targets in ends]
        if keys:
            self.lines.append(f"{pad}if type({node}) is dict:")
            for step, child, leaf in keys:
                self.step(step, child, leaf, node, where, apart, depth + 1)
        if star is not None:
            self.lines.append(f"{pad}{'elif' if keys else 'if'} type({node}) is list:")
            self.items(star, node, where, apart, depth + 1)

    def step(self, step: str, child: Trie, leaf: tuple[Any, ...] | None, node: str,
             where: Where, apart: bool, depth: int) -> None:
        pad = "    " * depth
        self.lines.append(f"{pad}if {step!r} in {node}:")
        below, apart = (where[0], where[1] + (repr(step),)), apart or step in self.apart
        if leaf is None:
            value = f"v{len(self.lines)}"
            self.lines.append(f"{pad}    {value} = {node}[{step!r}]")
            self.node(child, value, below, apart, depth + 1)
            return
        self.reports(leaf, apart, self.found(below, f"{node}[{step!r}]"), depth + 1)

    def items(self, star: Trie, node: str, where: Where, apart: bool, depth: int) -> None:
        """The source that walks each item of the list `node`, last item first."""
        pad = "    " * depth
        index, value = f"i{len(self.lines)}", f"v{len(self.lines)}"
        if self.paths:
            self.lines += [f"{pad}for {index} in range(len({node}) - 1, -1, -1):",
                           f"{pad}    {value} = {node}[{index}]"]
        else:
            self.lines.append(f"{pad}for {value} in reversed({node}):")
        item = (where[0], where[1] + (index,))
        if star[1] is None and not star[2]:     # a list of leaves: report each item
            self.reports(star[0], apart, self.found(item, value), depth + 1)
            return
        path = f"w{len(self.lines)}"
        if self.paths:
            self.lines.append(f"{pad}    {path} = {_path(item)}")
        self.node(star, value, (path, ()), apart, depth + 1)

    def reports(self, ends: tuple[Any, ...], apart: bool, found: str, depth: int) -> None:
        pad = "    " * depth
        if len(ends) == 1:
            self.lines.append(f"{pad}{self.report(ends[0], apart, found)}")
            return
        self.lines.append(f"{pad}found = {found}")
        self.lines += [f"{pad}{self.report(targets, apart, 'found')}" for targets in ends]

    def report(self, targets: Any, apart: bool, found: str) -> str:
        return f"add{self.channel(targets, apart)}({found})"

    def found(self, where: Where, value: str) -> str:
        """What is reported of a value: (path, value), or the value."""
        return f"({_path(where)}, {value})" if self.paths else value


def _path(where: Where) -> str:
    """The expression of a path."""
    variable, steps = where
    literal = f"({', '.join(steps)},)" if steps else "()"
    if not variable:
        return literal
    return f"{variable} + {literal}" if steps else variable

"""Editing YAML text in place: every byte outside the edited values stays as it was.

A `Change` sets the value at a path (keys and list indices). It may

* fill a key left empty (`es:`, `es: ~`) or replace a scalar of any style (plain, quoted,
  `|` or `>` block), keeping the comment that follows it;
* add a key to a block mapping (after its last key, at its indentation) or to a flow
  mapping (`{en: x}` -> `{en: x, es: y}`), or append an item to a list; entries with fields
  added to an empty `[]` or `{}` under a block key turn it into a block list or mapping
  (`contributions: []` -> `contributions:` / `  - id: c001` / `    summary: ...`);
* turn a scalar into a mapping (`title: Open data` -> `title:` / `en: Open data` /
  `es: Datos abiertos`): `CURRENT` in the new mapping stands for the old value, kept as
  it is written, with its comment.

Positions come from ruamel.yaml's pure-Python composer (character offsets, not bytes).
After editing, the text is parsed again and its data must equal the data intended; when
it does not, `SelfCheckError` is raised rather than anything written (a bug, not bad input).
A text larger than the loader reads (2 MiB) raises `TooLargeError` before that.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from ogpctl.edit import yamlrender as render
from ogpctl.edit.yamlcheck import SelfCheckError, TooLargeError, check, expected_data
from ogpctl.edit.yamlnodes import Path, Spot, Step, UneditableError, find, is_empty, kind
from ogpctl.edit.yamlrender import CURRENT, Written, resolve, uses_current
from ogpctl.source.bidi import text_fault
from ogpctl.source.yaml import parse_yaml

__all__ = ["CURRENT", "Change", "Path", "SelfCheckError", "Step", "TooLargeError",
           "UneditableError", "apply", "set_value"]

_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")


def _header(text: str) -> re.Match[str]:
    """The header (`|`, `>-`, `|2+`) of the block scalar `text` starts with."""
    match = _BLOCK_HEADER.match(text)
    if match is None:
        raise UneditableError("a block scalar without its | or > header; ogpctl cannot edit it")
    return match


@dataclass(frozen=True)
class Change:
    """Set the value at `path`: str, int, bool, None, or lists and mappings of those."""

    path: Path
    value: Any


class _Splice(NamedTuple):
    start: int
    end: int
    text: str
    order: tuple[int, int]   # at one place, deeper values first, then in change order


def set_value(text: str, path: Path, value: Any) -> str:
    return apply(text, [Change(tuple(path), value)])


def apply(text: str, changes: Sequence[Change]) -> str:
    """`text` with every change made; the changes must touch different values."""
    if not changes:
        return text
    for change in changes:
        _check_value(change.value)
    before = parse_yaml(text)
    if not before.ok or before.problems:
        raise UneditableError("the YAML has problems (`ogpctl check` lists them); fix them "
                              "before ogpctl edits the file")
    editor = _Editor(text, _compose(text), before.data)
    # Values added where a nested list or mapping ends and where its parent goes on share
    # one place in the text: the nested ones go first, so they stay inside.
    splices = [editor.splice(change, (-len(change.path), order))
               for order, change in enumerate(changes)]
    result = _join(text, splices)
    check(result, expected_data(before.data, changes))
    return result


def _check_value(value: Any) -> None:
    if isinstance(value, dict):
        for item in value.values():
            _check_value(item)
    elif isinstance(value, list):
        for item in value:
            _check_value(item)
    elif isinstance(value, str) and (fault := text_fault(value)):
        raise ValueError(f"a record text {fault}")


def _compose(text: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe", pure=True).compose(text)
    except (YAMLError, RecursionError) as error:
        raise UneditableError(f"the YAML cannot be edited: {error}") from None


def _join(text: str, splices: list[_Splice]) -> str:
    ordered = sorted(splices, key=lambda s: (s.start, s.end, s.order))
    parts, at = [], 0
    for splice in ordered:
        if splice.start < at:
            raise ValueError("two changes edit the same part of the YAML text")
        parts += [text[at:splice.start], splice.text]
        at = splice.end
    return "".join(parts + [text[at:]])


class _Editor:
    def __init__(self, text: str, root: Any, data: Any) -> None:
        self.text, self.root, self.data = text, root, data
        self.nl = "\n"   # the line break of the change being made: see `splice`
        self.added: dict[int, int] = {}   # values added so far, by list or mapping node
        # By empty flow node: where its block form starts, its column, and whether the
        # first entry continues a line; None when it stays in flow.
        self.block_of: dict[int, tuple[int, int, bool] | None] = {}

    def splice(self, change: Change, order: tuple[int, int]) -> _Splice:
        spot = find(self.root, change.path)
        # A file may mix line breaks (CRLF here, LF there): each line keeps its own, and
        # new lines take the break of the line they are written next to.
        near = spot.node.start_mark.index if spot.node is not None \
            else self.node_end(spot.parent)
        self.nl = self.break_after(near)
        if spot.node is None:
            return _Splice(*self._add(change, spot), order)
        if kind(spot.node) != "ScalarNode":
            raise UneditableError("replacing a whole list or mapping is not supported")
        if spot.parent.flow_style:
            return _Splice(*self._replace_flow(spot, change.value), order)
        return _Splice(*self._replace_block(spot, change), order)

    # -- positions ------------------------------------------------------------------------

    def line_end(self, index: int) -> int:
        """Where the line holding `index` ends (before its line break)."""
        found = self.text.find("\n", index)
        if found < 0:
            return len(self.text)
        return found - 1 if found and self.text[found - 1] == "\r" else found

    def break_after(self, index: int) -> str:
        """The line break ending the line that holds `index`; on a last line without one,
        the break of the line before; LF in a one-line text."""
        found = self.text.find("\n", index)
        if found < 0:
            found = self.text.rfind("\n", 0, index)
        return "\r\n" if found > 0 and self.text[found - 1] == "\r" else "\n"

    def colon(self, key: Any) -> int:
        at: int = key.end_mark.index
        while at < len(self.text) and self.text[at] in " \t":
            at += 1
        if at >= len(self.text) or self.text[at] != ":":
            raise UneditableError(f"the key {key.value!r} is written as an explicit key "
                                  "(`? key`); ogpctl does not edit those")
        return at

    def extent(self, node: Any) -> tuple[int, int, str]:
        """Where a scalar's own text ends, where an edit replacing it to the end of its line
        ends, and the text that follows the new value there. After a block scalar, blank
        lines are left alone; lines of spaces (which a block scalar may read as text) are
        taken in and emptied, so the new value cannot take them in."""
        start, end = node.start_mark.index, node.end_mark.index
        if node.style not in ("|", ">"):
            return end, self.line_end(end), ""
        last = start + len(self.text[start:end].rstrip(" \t\r\n"))
        content_end = max(self.line_end(start), self.line_end(last))
        tail = self.text[content_end:end]
        if not tail.strip("\r\n"):
            return content_end, content_end, ""
        return content_end, end, self.nl * tail.count("\n")

    def node_end(self, node: Any) -> int:
        """The end of a node's own text: a new key or item goes on the line after it."""
        shape = kind(node)
        if shape == "ScalarNode":
            return self.extent(node)[0]
        if node.flow_style:
            end: int = node.end_mark.index
            return end
        if shape == "MappingNode":
            key, value = node.value[-1]
            return self.colon(key) + 1 if is_empty(value) else self.node_end(value)
        if is_empty(node.value[-1]):
            raise UneditableError("the list ends with an empty item; ogpctl cannot add after it")
        return self.node_end(node.value[-1])

    def column(self, spot: Spot) -> int:
        """The column of the key (or list dash) that owns the value."""
        owner = spot.key if spot.key is not None else spot.parent
        column: int = owner.start_mark.column
        return column

    # -- edits ----------------------------------------------------------------------------

    def _add(self, change: Change, spot: Spot) -> tuple[int, int, str]:
        parent, step = spot.parent, spot.step
        value = resolve(change.value, None)
        mapping = kind(parent) == "MappingNode"
        earlier = self._count_add(parent, step, mapping)
        if parent.flow_style and not parent.value:
            return self._add_to_empty_flow(change.path, parent, value, earlier)
        if parent.flow_style:
            last = parent.value[-1][1] if mapping else parent.value[-1]
            at = last.end_mark.index
            return at, at, ", " + render.flow_entry(mapping, step, value)
        at = self.line_end(self.node_end(parent))
        column = parent.value[0][0].start_mark.column if mapping else parent.start_mark.column
        return at, at, self.nl + render.block_entry(mapping, step, value, column, self.nl)

    def _count_add(self, parent: Any, step: Step, mapping: bool) -> int:
        """How many values were added to `parent` before this one; appends to one list must
        come in order, each after the one before."""
        earlier = self.added.get(id(parent), 0)
        if not mapping and step != len(parent.value) + earlier:
            raise ValueError(f"list index {step} is not the next one "
                             f"({len(parent.value) + earlier})")
        self.added[id(parent)] = earlier + 1
        return earlier

    def _add_to_empty_flow(self, path: Path, parent: Any, value: Any, earlier: int
                           ) -> tuple[int, int, str]:
        """A value added to `[]` or `{}`. Under a block key or list dash, a container value
        (an entry with fields) turns the empty flow into a block list or mapping, one entry
        a block and one field a line, as people write record files; scalars, and anything
        inside flow, stay in flow. Every value added to the same parent follows the first."""
        mapping, step = kind(parent) == "MappingNode", path[-1]
        if id(parent) not in self.block_of:
            self.block_of[id(parent)] = self._block_at(path, parent) \
                if isinstance(value, (dict, list)) else None
        block = self.block_of[id(parent)]
        if block is None:
            at = parent.start_mark.index + 1
            return at, at, (", " if earlier else "") + render.flow_entry(mapping, step, value)
        start, column, inline = block
        end = self.line_end(parent.end_mark.index)
        if earlier:
            return end, end, self.nl + render.block_entry(mapping, step, value, column, self.nl)
        first = render.block_entry(mapping, step, value, column, self.nl, inline)
        comment = self.text[parent.end_mark.index:end]
        if inline:
            return start, end, _with_comment(first, comment, self.nl)
        return start, end, comment + self.nl + first

    def _block_at(self, path: Path, parent: Any) -> tuple[int, int, bool] | None:
        """Where block entries replacing the empty flow `parent` start, their column, and
        whether the first continues the line (after a dash, or on the flow's own line); None
        when the flow cannot become block (inside flow, at the top, after a tag)."""
        if len(path) < 2:
            return None
        holder = find(self.root, path[:-1])
        if holder.parent.flow_style:
            return None
        start = parent.start_mark.index
        if holder.key is not None:
            colon = self.colon(holder.key)
            between = self.text[colon + 1:start]
            if not between.strip(" \t"):
                return colon + 1, holder.key.start_mark.column + 2, False
        line_start = self.text.rfind("\n", 0, start) + 1
        lead = self.text[line_start:start]
        if lead.strip(" \t") not in ("", "-"):
            return None
        return start, parent.start_mark.column, True

    def _replace_flow(self, spot: Spot, value: Any) -> tuple[int, int, str]:
        node = spot.node
        if is_empty(node):
            at = self.colon(spot.key) + 1 if spot.key is not None else node.start_mark.index
            return at, at, " " + render.flow_value(resolve(value, None))
        kept = Written(self.text[node.start_mark.index:node.end_mark.index])
        return node.start_mark.index, node.end_mark.index, render.flow_value(
            resolve(value, kept))

    def _replace_block(self, spot: Spot, change: Change) -> tuple[int, int, str]:
        node, column, value = spot.node, self.column(spot), change.value
        if is_empty(node):
            if spot.key is None:
                raise UneditableError("the list holds an empty item; ogpctl cannot fill it in")
            at = self.colon(spot.key) + 1
            end = self.line_end(at)
            rest = self.text[at:end]
            comment = rest if "#" in rest else ""
            return at, end, _with_comment(render.after_key(resolve(value, None), column,
                                                           self.nl), comment, self.nl)
        if isinstance(value, (dict, list)):
            return self._to_container(spot, value, column, _value_at(self.data, change.path))
        start = node.start_mark.index
        new = render.scalar_text(value, column + 2, self.nl)
        if node.style not in ("|", ">") and self.nl not in new:
            return start, node.end_mark.index, new
        _, end, tail = self.extent(node)
        return start, end, _with_comment(new, self._comment(node), self.nl) + tail

    def _comment(self, node: Any) -> str:
        """The comment on a scalar's line: after it, or after a block scalar's header."""
        start = node.start_mark.index
        if node.style in ("|", ">"):
            header = self.text[start:self.line_end(start)]
            rest = header[_header(header).end():]
        else:
            rest = self.text[node.end_mark.index:self.line_end(node.end_mark.index)]
        return rest if "#" in rest else ""

    def _to_container(self, spot: Spot, value: Any, column: int, old: Any
                      ) -> tuple[int, int, str]:
        """A scalar becomes a mapping or list, `CURRENT` keeping the old text."""
        node, block = spot.node, spot.node.style in ("|", ">")
        start = node.start_mark.index
        own_end, end, tail = self.extent(node)
        comment = "" if block else self._comment(node)   # a block's is in its header
        # The old text is re-rendered from its value when it cannot move as written: an
        # explicit indentation indicator counts from the parent, which moves, and trailing
        # lines of spaces may be part of the value.
        movable = not tail and not (block and any(
            c.isdigit() for c in _header(self.text[start:]).group()))
        kept = Written(self.text[start:own_end], comment) if movable else None
        new = resolve(value, kept if kept is not None else old)
        key_comment = comment if kept is None or not uses_current(value) else ""
        if spot.key is not None and self.nl not in self.text[self.colon(spot.key):start]:
            at = self.colon(spot.key) + 1
            return at, end, key_comment + render.after_key(new, column, self.nl) + tail
        lines = render.mapping_lines(new, node.start_mark.column, self.nl, inline=True) \
            if isinstance(new, dict) else \
            render.sequence_lines(new, node.start_mark.column, self.nl, inline=True)
        return start, end, _with_comment(lines, key_comment, self.nl) + tail


def _with_comment(rendered: str, comment: str, nl: str) -> str:
    """`comment` at the end of the first line of `rendered`."""
    head, sep, tail = rendered.partition(nl)
    return head + comment + sep + tail


def _value_at(data: Any, path: Path) -> Any:
    for step in path:
        data = data[step]
    return data

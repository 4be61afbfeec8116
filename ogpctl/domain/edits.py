"""What changed inside one record document, field by field, for any kind of document
(the country profile, stakeholders, the forum and its meetings, the self-assessment, the
co-creation record, a plan's sections, a progress update): values changed, texts rewritten
or translated, entries of a list added or removed. `ogpctl.domain.diff` turns these into
the changes a reviewer reads, so that no edit to the record goes unseen."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

#: Keys that name an entry of a list, in the order they are tried: entries pair by the
#: first key every entry on both sides holds, with no two alike.
IDENTITIES = ("id", "commitment", "number", "date", "url", "file", "path", "name")
#: How alike (0 to 1) two entries of a list must be to be told as one entry edited.
SIMILAR = 0.5
#: A plain string this long (or of more than one line) is a text: shown as a word diff.
TEXT_LENGTH = 80

Step = str | int


@dataclass(frozen=True)
class Edit:
    """One edit: `kind` is "changed" (a value), "text" (a text, in any language),
    "added" or "removed" (a field or an entry of a list), or "items" (a list of plain
    values: names, codes); `path` is where in the document."""

    kind: str
    path: tuple[Step, ...]
    old: Any = None
    new: Any = None


def edits(old: Any, new: Any, languages: Iterable[str], path: tuple[Step, ...] = ()
          ) -> Iterator[Edit]:
    """Every edit from `old` to `new` (parsed YAML), `languages` the record's: a mapping
    whose keys are all among them is one text in several languages."""
    codes = frozenset(languages) | {"en"}
    yield from _walk(old, new, codes, path)


def _walk(old: Any, new: Any, codes: frozenset[str], path: tuple[Step, ...]
          ) -> Iterator[Edit]:
    if old == new:
        return
    if is_text(old, codes) or is_text(new, codes):
        yield Edit("text", path, old, new)
    elif isinstance(old, dict) and isinstance(new, dict):
        yield from _mappings(old, new, codes, path)
    elif isinstance(old, list) and isinstance(new, list):
        yield from _lists(old, new, codes, path)
    else:
        yield Edit("changed", path, old, new)


def is_text(value: Any, codes: frozenset[str]) -> bool:
    """A text: a string of several lines or a long one, or a mapping of languages."""
    if isinstance(value, str):
        return "\n" in value.strip() or len(value) > TEXT_LENGTH
    return isinstance(value, dict) and bool(value) and all(
        isinstance(key, str) and key in codes and isinstance(text, str | None)
        for key, text in value.items())


def _mappings(old: dict[Any, Any], new: dict[Any, Any], codes: frozenset[str],
              path: tuple[Step, ...]) -> Iterator[Edit]:
    for key in [*new, *(key for key in old if key not in new)]:
        step = (*path, str(key))
        if key not in old:
            yield Edit("added", step, None, new[key])
        elif key not in new:
            yield Edit("removed", step, old[key], None)
        else:
            yield from _walk(old[key], new[key], codes, step)


def _lists(old: list[Any], new: list[Any], codes: frozenset[str], path: tuple[Step, ...]
           ) -> Iterator[Edit]:
    if not any(isinstance(item, dict | list) for item in (*old, *new)):
        yield Edit("items", path, old, new)
        return
    for before, after, step in pairs(old, new):
        where = (*path, step)
        if before is None:
            yield Edit("added", where, None, after)
        elif after is None:
            yield Edit("removed", where, before, None)
        else:
            yield from _walk(before, after, codes, where)


def pairs(old: list[Any], new: list[Any], by_identity: bool = True
          ) -> list[tuple[Any, Any, Step]]:
    """(old entry or None, new entry or None, its name) for each entry of two lists that
    differs: by an identity key when the entries have one, else aligned as a diff aligns
    lines (an entry inserted in the middle does not shift the others); the name is the
    identity, else the entry's place (from 1) in the new list (the old one if removed)."""
    key = _identity(old, new) if by_identity else None
    if key is not None:
        before = {str(item[key]): item for item in old}
        after = {str(item[key]): item for item in new}
        return [(before.get(name), after.get(name), name)
                for name in [*after, *(name for name in before if name not in after)]
                if before.get(name) != after.get(name)]
    found: list[tuple[Any, Any, Step]] = []
    keys = [_hashable(i) for i in old], [_hashable(i) for i in new]
    matcher = difflib.SequenceMatcher(None, *keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            found += _closest(old, new, keys, range(i1, i2), range(j1, j2))
    return found


def _closest(old: list[Any], new: list[Any], keys: tuple[list[str], list[str]],
             olds: range, news: range) -> list[tuple[Any, Any, Step]]:
    """Entries of one differing stretch of two lists, each old one paired with the most
    alike new one (an entry edited, not one removed and one added), the rest alone."""
    scores = sorted(((difflib.SequenceMatcher(None, keys[0][i], keys[1][j]).ratio(), i, j)
                     for i in olds for j in news), reverse=True)
    paired: dict[int, int] = {}
    for score, i, j in scores:
        if score >= SIMILAR and i not in paired and j not in paired.values():
            paired[i] = j
    found: list[tuple[Any, Any, Step]] = []
    back = {j: i for i, j in paired.items()}
    for j in news:
        found.append((old[back[j]] if j in back else None, new[j], j + 1))
    found += [(old[i], None, i + 1) for i in olds if i not in paired]
    return found


def _identity(old: list[Any], new: list[Any]) -> str | None:
    items = [*old, *new]
    if not items or not all(isinstance(item, dict) for item in items):
        return None
    for key in IDENTITIES:
        if all(isinstance(item.get(key), str | int) for item in items) and all(
                len({str(i[key]) for i in side}) == len(side) for side in (old, new)):
            return key
    return None


def _hashable(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)

"""Suppressions in a review: a change that switches a rule off does not fix what the rule
reports, it hides it.

Both sides are checked with every finding kept (`CheckOptions.suppress` off); each side's
own suppressions then decide what that side shows, as `ogpctl check` would. A finding the
base showed and the head still has, only covered now, is *hidden* by the change, never
*fixed*; and every suppression the change adds or removes is listed with what it covers
(the whole record, the files a pattern matches, one file, some lines), whatever rule it is
of: a minimum requirement (C411) or a delivered plan's amendment (C418) switched off stays
in sight of the reviewer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ogpctl.base.diagnostics import Diagnostic
from ogpctl.check.locate import Suppression

#: What a suppression covers, as the review names it.
RECORD, PATTERN, FILE, LINES = "record", "pattern", "file", "lines"


@dataclass(frozen=True, order=True)
class SuppressionChange:
    """A suppression the change adds or removes: the rule, where it is written, what it
    covers (`scope`: record, pattern, file or lines; `pattern` for per-file-ignores)."""

    kind: str          # added | removed
    code: str
    file: str
    scope: str
    pattern: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "code": self.code, "file": self.file,
                "scope": self.scope, "pattern": self.pattern}


def scope(item: Suppression) -> tuple[str, str, str, str | None]:
    """(code, file, scope, pattern): a suppression's identity across the two sides (a
    comment's line moves with the text above it)."""
    if not item.inline:
        return item.code, item.file, RECORD if item.glob is None else PATTERN, item.glob
    return item.code, item.file, FILE if item.lines is None else LINES, None


def changed_suppressions(before: Iterable[Suppression], after: Iterable[Suppression]
                         ) -> list[SuppressionChange]:
    """The suppressions only one side writes, added first, each sorted by code and file."""
    old, new = Counter(map(scope, before)), Counter(map(scope, after))
    found = [SuppressionChange("added", *key) for key in sorted((new - old).elements(),
                                                                 key=_order)]
    found += [SuppressionChange("removed", *key) for key in sorted((old - new).elements(),
                                                                    key=_order)]
    return found


def _order(key: tuple[str, str, str, str | None]) -> tuple[str, str, str, str]:
    return key[0], key[1], key[2], key[3] or ""


def shown(found: list[Diagnostic], suppressions: list[Suppression]) -> list[Diagnostic]:
    """The findings a side shows: those none of its own suppressions covers."""
    return [item for item in found if not any(s.covers(item) for s in suppressions)]


def key(item: Diagnostic) -> tuple[str, str, str]:
    """A finding's identity across the two sides: its line may move with the text above."""
    return item.code, item.file, item.message


def still_there(fixed: list[Diagnostic], head: list[Diagnostic]) -> tuple[
        list[Diagnostic], list[Diagnostic]]:
    """(really fixed, hidden): of the findings the head no longer shows, those the head
    no longer has at all, and, as the head has them (its line), those it has still,
    covered by a suppression."""
    left: dict[tuple[str, str, str], list[Diagnostic]] = {}
    for item in head:
        left.setdefault(key(item), []).append(item)
    gone, hidden = [], []
    for item in fixed:
        same = left.get(key(item))
        if same:
            hidden.append(same.pop(0))
        else:
            gone.append(item)
    return gone, hidden


__all__ = ["SuppressionChange", "changed_suppressions", "key", "scope", "shown", "still_there"]

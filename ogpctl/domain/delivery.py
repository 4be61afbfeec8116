"""What the changes to a delivered plan are (handbook 2.2): the one answer that C418, the
amendment note, the website's account of the amendments and the review all read.

A change since the plan's delivery (`ogpctl.domain.diff`, from its submitted/<plan> tag) is:

- an **amendment** (handbook 2.2: "amend any part of their action plan") when it changes
  what the plan says: a commitment or milestone added, removed, renumbered or re-dated, a
  withdrawal, its texts, lead, kind, values, supporting stakeholders, implementation plan
  (every field of its file but those recorded after publication), the plan's title, and
  the plan's sections (a section added, removed, or its text rewritten). It must be
  recorded in plan.yaml's `amendments:` and sent to OGP (C418), and the implementation
  guidance allows it only until the plan's end (C404);
- a **correction** of a translation when a text changed only in a language it is
  translated into, its source left as delivered. The source is the English text, else the
  record's default language's (as `ogpctl translate` has it): the plan OGP holds in
  English is unchanged. A correction is listed in the amendment note, but needs no
  amendment and may be made after the plan's end;
- a change to the **reasoned response** (handbook 2.1.d: it "must occur before the action
  plan is finalized"): a contribution's decision or response rewritten, or the
  contribution removed, after the plan was delivered on it (a warning, C419);
- none of these: progress (statuses, updates), the plan's other fields, the co-creation
  record, a translation added to (or dropped from) a text that is otherwise the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ogpctl.domain.diff import AFTER_PUBLICATION, Change
from ogpctl.record.model import Plan
from ogpctl.record.text import translations

AMENDMENT = "amendment"
CORRECTION = "correction"
RESPONSE = "response"

#: A plan section's file: `plans/<plan>/sections/<name>.<language>.md`.
SECTION_FILE = re.compile(r"^plans/[^/]+/sections/([^/.]+)\.([A-Za-z0-9-]+)\.md$")


@dataclass(frozen=True)
class Delivered:
    """A change to a delivered plan and what it is (AMENDMENT, CORRECTION or RESPONSE)."""

    nature: str
    change: Change


def after_delivery(changes: Iterable[Change], plan: Plan, default: str) -> list[Delivered]:
    """The changes to `plan` since its delivery that are an amendment, a correction or a
    change to the reasoned response, in their order; `plan` is the plan now (its section
    files), `default` the record's default language."""
    changes = [change for change in changes if change.plan == plan.id]
    sections = _Sections(changes, plan, default)
    found = []
    for change in changes:
        nature = sections.nature(change) if sections.holds(change) else \
            nature_of(change, default)
        if nature is not None:
            found.append(Delivered(nature, change))
    return found


def amendments(changes: Iterable[Change], plan: Plan, default: str) -> list[Change]:
    """The changes that amend the plan (C418 asks that they be recorded)."""
    return [item.change for item in after_delivery(changes, plan, default)
            if item.nature == AMENDMENT]


def nature_of(change: Change, default: str) -> str | None:
    """What a change outside the plan's sections is (module docstring)."""
    if change.subject is not None or (change.document or "").endswith("/contributions.yaml"):
        return _response(change, default)
    if change.kind == "field-text" and change.part is None and change.field == "title" \
            and (change.document or "").endswith("/plan.yaml"):
        return text_nature(change, default)
    if change.kind.startswith("field-") and change.part is not None:
        if change.field is None or change.field.split("/", 1)[0] in AFTER_PUBLICATION:
            return None
        return text_nature(change, default) if change.kind == "field-text" else AMENDMENT
    if change.commitment is None or change.kind == "unreadable" or \
            change.kind.startswith(("progress", "field-", "document-")):
        return None   # a file that cannot be read is the check's to report
    if change.field == "status":
        return AMENDMENT if "withdrawn" in (change.old, change.new) else None
    return text_nature(change, default) if change.kind == "text" else AMENDMENT


def _response(change: Change, default: str) -> str | None:
    """A contribution's decision or response rewritten, or the contribution removed."""
    if change.kind == "changed" and change.field == "contribution/decision":
        return RESPONSE
    if change.kind == "text" and change.field == "contribution/response":
        return RESPONSE if text_nature(change, default) == AMENDMENT else None
    if change.kind == "field-removed" and (change.field or "").count("/") == 1:
        return RESPONSE
    return None


def text_nature(change: Change, default: str) -> str | None:
    """AMENDMENT when a text's source changed (or the text was written where there was
    none, or emptied), CORRECTION when only a language translated from it changed, None
    when a translation was only added or dropped."""
    if change.values is None:
        return AMENDMENT
    old, new = (translations(value, default) for value in change.values)
    if not old or not new:
        return AMENDMENT if old != new else None
    source = next((lang for lang in ("en", default) if lang in old and lang in new), None)
    rewritten = any(lang in new and new[lang] != text for lang, text in old.items())
    if source is None:
        return AMENDMENT if rewritten else None
    if old[source] != new[source]:
        return AMENDMENT
    return CORRECTION if rewritten else None


def section_of(change: Change) -> tuple[str, str] | None:
    """(section name, language) of a change in a plan section's file."""
    found = SECTION_FILE.match(change.document or "")
    return (found[1], found[2]) if found else None


class _Sections:
    """The plan's section files before and after, to tell a section rewritten (its source
    language's file changed) from a translation of it corrected, added or dropped."""

    def __init__(self, changes: list[Change], plan: Plan, default: str) -> None:
        self.default = default
        self.added = {ch.document for ch in changes if ch.kind == "document-added"}
        self.removed = {ch.document for ch in changes if ch.kind == "document-removed"}
        self.touched = {ch.document for ch in changes if section_of(ch) is not None}
        now = {doc.path for doc in plan.sections}
        self.now = _languages(now)
        self.before = _languages((now - self.added) | self.removed)
        self.folder = f"plans/{plan.id}/sections/"

    def holds(self, change: Change) -> bool:
        return section_of(change) is not None

    def nature(self, change: Change) -> str | None:
        section, lang = section_of(change) or ("", "")
        before, now = self.before.get(section, set()), self.now.get(section, set())
        if change.document in self.added:
            return AMENDMENT if not before and change.kind == "document-added" else None
        if change.document in self.removed:
            return AMENDMENT if not now or lang == self._source(before) else None
        source = self._source(before)
        if lang == source or f"{self.folder}{section}.{source}.md" in self.touched:
            return AMENDMENT
        return CORRECTION

    def _source(self, languages: set[str]) -> str | None:
        for lang in ("en", self.default, *sorted(languages)):
            if lang in languages:
                return lang
        return None


def _languages(paths: Iterable[str | None]) -> dict[str, set[str]]:
    """Section name -> the languages it has a file in."""
    found: dict[str, set[str]] = {}
    for path in paths:
        match = SECTION_FILE.match(path or "")
        if match:
            found.setdefault(match[1], set()).add(match[2])
    return found

"""What changed in a record between two states, as meaning rather than lines: commitments
and milestones added or removed, milestones re-dated, leads and statuses changed, texts
changed (with a short word diff). The basis of `ogpctl diff` and of the amendment note
(handbook 2.2, 2.3: the amended plan "clearly outlines all changes")."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ogpctl.base.values import list_at
from ogpctl.domain.edits import Edit, edits, pairs
from ogpctl.record.kinds import Kind
from ogpctl.record.load import load_record
from ogpctl.record.model import Commitment, Document, Plan, Record, listed
from ogpctl.record.text import translations

#: Commitment fields compared as text, in the order of the commitment template (3.2.c).
TEXTS = (("title",), ("brief-description",), ("problem", "what"), ("problem", "causes"),
         ("description", "done-so-far"), ("description", "solution"),
         ("description", "results"), ("relevance",))
MILESTONE_TEXTS = (("title",), ("output",))
#: Milestone fields told above by their meaning; the others (its supporting stakeholders,
#: its weight) are told one by one.
MILESTONE_TOLD = frozenset({"number", "due", "status", "lead", "progress",
                            *(path[0] for path in MILESTONE_TEXTS)})
PLAN_FIELDS = ("status", "delivered", "window", "due-year", "length")
#: Commitment fields that record what happened to the commitment after the plan was
#: published (the OGP's id, links, evidence, the IRM's verdicts), not what the plan says.
AFTER_PUBLICATION = frozenset({"ogp-id", "links", "evidence", "irm"})
#: Top-level fields of the documents whose change the sections above tell by its meaning;
#: their other fields, and every field of the other documents, are told one by one.
TOLD = {Kind.PLAN: frozenset({*PLAN_FIELDS, "amendments"}),
        Kind.COMMITMENT: frozenset({path[0] for path in TEXTS} | {
            "lead", "kind", "period", "values", "milestones"}),
        Kind.CONTRIBUTIONS: frozenset({"contributions"})}
#: The language of a plan section's file, `sections/<name>.<language>.md`.
SECTION_LANGUAGE = re.compile(r"\.([a-z]{2,3})\.md$")


@dataclass(frozen=True)
class Change:
    kind: str
    plan: str
    commitment: int | None = None
    milestone: int | None = None
    field: str | None = None
    old: Any = None
    new: Any = None
    detail: str = ""          # a short word diff for texts
    #: the text's values before and after, all languages (for an added or removed commitment
    #: or milestone: its title, None on the side where it does not exist)
    values: tuple[Any, Any] | None = None
    #: the id of the contribution a change is about (field "contribution...")
    subject: str | None = None
    #: (language, its source) of a text whose source changed while it stayed as it was
    #: (`stale_translations`): a translation the change leaves behind
    stale: tuple[tuple[str, str], ...] = ()
    #: the file the change is in (every change `compare` finds says it)
    document: str | None = None
    #: the progress update a "progress-*" change is of: its date (the old one if it moved)
    entry: str | None = None
    #: the commitment whose file a "field-" change is in (a field the sections above do
    #: not tell by its meaning: its supporting stakeholders, its implementation plan...)
    part: int | None = None
    #: the steps of `field` (a "field-" or "progress-" change): a step may hold a "/" (an
    #: entry of a list named by its web address), so `field` is never split to find them
    steps: tuple[str, ...] = ()

    def where(self) -> str:
        if self.kind.startswith(("document-", "field-")) or self.kind == "undescribed":
            if self.milestone is not None and self.part is not None:
                return f"{self.document or ''} milestone {self.part}.{self.milestone}"
            return self.document or ""
        if self.subject is not None:
            return f"contribution {self.subject}"
        if self.milestone is not None:
            return f"milestone {self.commitment}.{self.milestone}"
        if self.commitment is not None:
            return f"commitment {self.commitment}"
        return f"plan {self.plan}"

    def message(self) -> str:
        if self.kind.startswith(("progress", "document-", "field-")) or \
                self.kind == "undescribed":
            return self._edit_message()
        subject, field = self.where(), self.field or ""
        summary = self.detail or "no summary"
        old, new = _said(self.old), _said(self.new)
        return {
            "added": f"{subject} added: {new}",
            "removed": f"{subject} removed: {old}",
            "renumbered": f"{subject} was commitment {self.old}",
            "redated": f"{subject} {'due date' if self.field == 'due' else field} moved from "
                       f"{old} to {new}",
            "changed": f"{subject} {field} changed from {old} to {new}",
            "text": f"{subject} {field} changed: {self.detail}",
            "answered": f"{subject} answered: {self.new}",
            "amendment-added": f"{subject} {_amendment(self.new)} recorded: {summary}",
            "amendment-removed": f"{subject} {_amendment(self.old)} removed: {summary}",
            "amendment-changed": f"{subject} {_amendment(self.new)} changed: {summary}",
            "unreadable": f"{self.field} cannot be read on one side: what its change means "
                          "is not known",
        }[self.kind]

    def _edit_message(self) -> str:
        """The message of a change found field by field (a progress update, a document)."""
        subject, field = self.where(), self.field or ""
        old, new = _brief(self.old), _brief(self.new)
        kind = self.kind
        if kind == "field-items":
            return f"{subject}: {field}: {_items(self.old, self.new)}"
        if kind == "field-added":
            return f"{subject}: {field} added: {_brief(self.new)}"
        if kind == "field-removed":
            return f"{subject}: {field} removed: {_brief(self.old)}"
        if kind == "progress-added":
            return f"{subject}: progress update dated {self.entry} added{_update(self.values)}"
        return {
            "progress-removed": f"{subject}: progress update dated {self.entry} removed",
            "progress-changed": f"{subject}: progress update dated {self.entry}: {field} "
                                f"changed from {old} to {new}",
            "progress-text": f"{subject}: progress update dated {self.entry}: {field} "
                             f"changed: {self.detail}",
            "document-added": f"{subject} added",
            "document-removed": f"{subject} removed",
            "field-changed": f"{subject}: {field} changed from {old} to {new}",
            "field-text": f"{subject}: {field} changed: {self.detail}",
            "undescribed": f"{subject} {self.field or 'changed'}: what the change means is "
                           "not described; read the file",
        }[kind]

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "plan": self.plan, "commitment": commitment_of(self),
                "milestone": self.milestone, "contribution": self.subject,
                "file": self.document, "update": self.entry,
                "field": self.field, "old": _plain(self.old),
                "new": _plain(self.new), "message": self.message(),
                **({"stale-translations": [{"language": lang, "source": source}
                                           for lang, source in self.stale]}
                   if self.stale else {})}


def _said(value: Any) -> Any:
    """A field's value in a change's message: an empty one is "nothing", never None."""
    return "nothing" if value in (None, "") else value


def _update(values: tuple[Any, Any] | None) -> str:
    """A progress update added, said in English: its fields one after the other."""
    update = values[1] if values else None
    if not isinstance(update, dict):
        return ""
    return ": " + "; ".join(f"{key} {_brief(value)}" for key, value in update.items()
                            if key != "date")


def _brief(value: Any, limit: int = 200) -> str:
    """A value in a message: a text in English (else its first language), a list joined;
    at most `limit` characters (a whole list of entries is no sentence)."""
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        said = str(value.get("en") or next(iter(value.values()), ""))
    elif isinstance(value, list):
        said = ", ".join(_brief(item, limit) for item in value)
    else:
        said = str(_said(value))
    return said if len(said) <= limit else said[:limit].rstrip() + " …"


def _items(old: Any, new: Any) -> str:
    """A list of plain values that changed: the values it lost and those it gained."""
    before, after = [str(v) for v in old or []], [str(v) for v in new or []]
    removed = [v for v in before if v not in after]
    added = [v for v in after if v not in before]
    said = ([f"removed {', '.join(removed)}"] if removed else []) + \
        ([f"added {', '.join(added)}"] if added else [])
    return "; ".join(said) or "reordered"


def _amendment(day: Any) -> str:
    return "amendment with no date" if day in (None, "") else f"amendment dated {day}"


def _plain(value: Any) -> Any:
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)


def commitment_of(change: Change) -> int | None:
    """The commitment a change is of: its own, or the one whose file it is in."""
    return change.commitment if change.commitment is not None else change.part


#: A word that ends a sentence (a full stop, question or exclamation mark, perhaps quoted).
SENTENCE_END = re.compile(r"[.!?。！？][\"'”’»)\]]*$")
#: The most words of unchanged text shown on either side of a change: the rest of its
#: sentence, unless the sentence is longer than this.
SENTENCE_WORDS = 30
#: A comment a reader does not see: the scaffold's guide questions in a plan section.
COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def visible(text: str) -> str:
    """A section's text as its reader sees it: without its comments."""
    return COMMENT.sub(" ", text) if "<!--" in text else text


def word_diff(old: str, new: str, context: int = 4) -> str:
    """The changed words of two texts, as `… kept [-removed-] {+added+} kept …`: around a
    change, the rest of its sentence (or `context` words of a very long one)."""
    a, b = old.split(), new.split()
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    parts: list[str] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "equal":
            if i2 > i1:
                parts.append("[-" + " ".join(a[i1:i2]) + "-]")
            if j2 > j1:
                parts.append("{+" + " ".join(b[j1:j2]) + "+}")
            continue
        first, last = index == 0, index == len(ops) - 1
        parts.extend(_kept(a[i1:i2], first, last, context))
    return " ".join(parts)


def _kept(words: list[str], first: bool, last: bool, context: int) -> list[str]:
    """The unchanged words shown between changes: the end of the sentence a change is in
    (before it) and its rest (after it)."""
    before = [] if first else _sentence_rest(words, context)
    after = [] if last else _sentence_start(words, context)
    if len(before) + len(after) >= len(words):
        return words
    return [*before, "…", *after]


def _sentence_start(words: list[str], context: int) -> list[str]:
    """The words of the sentence that ends `words` (those before a change)."""
    start = len(words)
    while start > 0 and not SENTENCE_END.search(words[start - 1]):
        start -= 1
    return words[start:] if len(words) - start <= SENTENCE_WORDS else words[-context:]


def _sentence_rest(words: list[str], context: int) -> list[str]:
    """The words that finish the sentence `words` starts in (those after a change)."""
    end = next((i + 1 for i, word in enumerate(words) if SENTENCE_END.search(word)),
               len(words))
    return words[:end] if end <= SENTENCE_WORDS else words[:context]


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _text(value: Any, lang: str, default: str) -> str:
    """The text in `lang`, else in the default language, else in any: a name for messages."""
    texts = translations(value, default)
    return texts.get(lang) or texts.get(default) or next(iter(texts.values()), "")


def compare(old: Record, new: Record) -> list[Change]:
    """Every change from `old` to `new`: first those of the record's own documents (the
    country profile, stakeholders, forum, meetings), then plan by plan, in the order of
    the template."""
    changes: list[Change] = list(_record_documents(old, new))
    before = {p.id: p for p in old.plans}
    after = {p.id: p for p in new.plans}
    for plan_id in sorted(before.keys() | after.keys()):
        a, b = before.get(plan_id), after.get(plan_id)
        if a is None or b is None:
            present = a or b
            title = present.fields.get("title") if present is not None else None
            name = translations(title, new.languages.default).get("en") or plan_id
            changes.append(Change("removed", plan_id, old=name) if b is None
                           else Change("added", plan_id, new=name))
            continue
        changes.extend(_plan(a, b, new))
    return changes


def _unreadable(a: Document | None, b: Document | None) -> str | None:
    """The file of a document that one side could not parse: nothing can be said about
    what its change means (everything in it would look removed or added)."""
    for doc in (b, a):
        if doc is not None and not doc.ok:
            return doc.path
    return None


def _plan(a: Plan, b: Plan, record: Record) -> Iterator[Change]:
    broken = _unreadable(a.doc, b.doc)
    if broken:
        yield Change("unreadable", b.id, field=broken, document=broken)
    if not broken:
        yield from _in(b.doc, _amendments(a, b, record))
    for name in PLAN_FIELDS if not broken else ():
        if a.fields.get(name) != b.fields.get(name):
            yield Change("changed", b.id, field=name, old=a.fields.get(name),
                         new=b.fields.get(name), document=b.doc.path if b.doc else None)
    old = {c.id: c for c in a.commitment_files}     # files: one may turn unreadable
    new = {c.id: c for c in b.commitment_files}
    for commitment in b.commitment_files:
        if commitment.id not in old:
            title = commitment.fields.get("title")
            yield Change("added", b.id, commitment.number,
                         new=_text(title, "en", record.languages.default) or commitment.id,
                         values=(None, title), document=commitment.doc.path)
        else:
            yield from _in(commitment.doc, _commitment(old[commitment.id], commitment, record))
    for commitment in a.commitment_files:
        if commitment.id not in new:
            title = commitment.fields.get("title")
            yield Change("removed", b.id, commitment.number,
                         old=_text(title, "en", record.languages.default) or commitment.id,
                         values=(title, None), document=commitment.doc.path)
    yield from _in(b.contributions or a.contributions, _contributions(a, b, record))
    yield from _plan_documents(a, b, record)


def _in(doc: Document | None, changes: Iterator[Change]) -> Iterator[Change]:
    """The changes, each saying it is in `doc`'s file."""
    for change in changes:
        yield change if change.document or doc is None else replace(change, document=doc.path)


def _record_documents(old: Record, new: Record) -> Iterator[Change]:
    """The country profile, stakeholders, forum and meetings: changes field by field."""
    for name in ("ogp", "stakeholders", "forum"):
        yield from _document(getattr(old, name), getattr(new, name), "", new)
    before = {doc.path: doc for doc in old.meetings}
    after = {doc.path: doc for doc in new.meetings}
    for path in sorted(before.keys() | after.keys()):
        yield from _document(before.get(path), after.get(path), "", new)


def _plan_documents(a: Plan, b: Plan, record: Record) -> Iterator[Change]:
    """The plan's documents other than its commitments' meaning: the rest of plan.yaml,
    the co-creation record, the self-assessment, the sections (handbook 3.2)."""
    before = {doc.path: doc for doc in a.documents()}
    after = {doc.path: doc for doc in b.documents()}
    parts = {c.doc.path: c.number for plan in (a, b) for c in plan.commitment_files}
    for path in [*after, *(path for path in before if path not in after)]:
        changes = _document(before.get(path), after.get(path), b.id, record)
        part = parts.get(path)
        yield from changes if part is None else (
            replace(change, part=part) if change.kind.startswith("field-") else change
            for change in changes)


def _document(a: Document | None, b: Document | None, plan: str, record: Record
              ) -> Iterator[Change]:
    doc = b or a
    if doc is None or (a is not None and b is not None and a.data == b.data
                       and a.body == b.body):
        return
    told = TOLD.get(doc.kind)
    if a is None or b is None:
        if told is None:   # a plan, commitment or contributions: told above
            yield Change(f"document-{'added' if a is None else 'removed'}", plan,
                         field=doc.kind.value, document=doc.path,
                         values=(a.data if a else None, b.data if b else None))
            if b is not None:   # one removed is told by what it was (its values)
                yield from _fields(a, b, plan, record, frozenset())
        return
    if not a.ok or not b.ok:
        if told is None:
            yield Change("unreadable", plan, field=doc.path, document=doc.path)
        return
    yield from _fields(a, b, plan, record, told or frozenset())


def _fields(a: Document | None, b: Document | None, plan: str, record: Record,
            told: frozenset[str]) -> Iterator[Change]:
    """The edits from `a` to `b` (either may be None: a document added or removed, whose
    fields are then each told), leaving out the fields in `told`."""
    default, doc = record.languages.default, b or a
    if doc is None:
        return
    old = {k: v for k, v in (a.fields if a else {}).items() if k not in told}
    new = {k: v for k, v in (b.fields if b else {}).items() if k not in told}
    blank = {key: _blank(value) for key, value in (new if a is None else old).items()}
    old, new = (blank, new) if a is None else (old, blank) if b is None else (old, new)
    for edit in edits(old, new, record.languages.written):
        yield _edit(edit, "field-", plan, default, document=doc.path)
    before, after = (a.body if a else None) or "", (b.body if b else None) or ""
    if visible(before).split() != visible(after).split():
        before, after = visible(before).strip(), visible(after).strip()
    if before.split() != after.split():
        found = SECTION_LANGUAGE.search(doc.path)
        lang = found[1] if found else default
        yield _edit(Edit("text", ("text",), {lang: before} if before else None,
                         {lang: after} if after else None), "field-", plan, default,
                    document=doc.path)


def _blank(value: Any) -> Any:
    """The empty value of a field's kind: what a document added is compared from, so that
    each of its entries is told."""
    return [] if isinstance(value, list) else None


def _commitment(a: Commitment, b: Commitment, record: Record) -> Iterator[Change]:
    plan, number = b.plan.id, b.number
    if a.number != b.number:
        yield Change("renumbered", plan, number, old=a.number, new=b.number)
    broken = _unreadable(a.doc, b.doc)
    if broken:
        yield Change("unreadable", plan, number, field=broken)
        return
    if a.fields.get("lead") != b.fields.get("lead"):
        yield Change("changed", plan, number, field="lead", old=a.fields.get("lead"),
                     new=b.fields.get("lead"))
    if a.kind != b.kind:   # no kind is a regular commitment
        yield Change("changed", plan, number, field="kind", old=a.kind, new=b.kind)
    yield from _period_and_values(a.fields, b.fields, plan, number)
    yield from _texts(a.fields, b.fields, TEXTS, record, plan, number, None)
    old = {m.fields.get("number"): m for m in a.milestones}
    new = {m.fields.get("number"): m for m in b.milestones}
    for key, milestone in new.items():
        if key not in old:
            title = milestone.fields.get("title")
            yield Change("added", plan, number, key, new=_text(
                title, "en", record.languages.default), values=(None, title))
            continue
        yield from _milestone(old[key].fields, milestone.fields, record, plan, number, key)
    for key, milestone in old.items():
        if key not in new:
            title = milestone.fields.get("title")
            yield Change("removed", plan, number, key, old=_text(
                title, "en", record.languages.default), values=(title, None))


def _period_and_values(a: dict[str, Any], b: dict[str, Any], plan: str, number: int
                       ) -> Iterator[Change]:
    """The commitment's start and end dates, and its open government values (3.2.c)."""
    for end in ("start", "end"):
        old, new = _get(a, ("period", end)), _get(b, ("period", end))
        if old != new:
            yield Change("redated", plan, number, field=f"period/{end}", old=old, new=new)
    old_values, new_values = _listed(a.get("values")), _listed(b.get("values"))
    if old_values != new_values:
        yield Change("changed", plan, number, field="values", old=", ".join(old_values),
                     new=", ".join(new_values))


def _listed(value: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def _milestone(a: dict[str, Any], b: dict[str, Any], record: Record, plan: str, number: int,
               key: Any) -> Iterator[Change]:
    if a.get("due") != b.get("due"):
        yield Change("redated", plan, number, key, field="due", old=a.get("due"),
                     new=b.get("due"))
    for name in ("status", "lead"):
        if a.get(name) != b.get(name):
            yield Change("changed", plan, number, key, field=name, old=a.get(name),
                         new=b.get(name))
    yield from _texts(a, b, MILESTONE_TEXTS, record, plan, number, key)
    yield from _progress(a, b, record, plan, number, key)
    rest = [{k: v for k, v in fields.items() if k not in MILESTONE_TOLD} for fields in (a, b)]
    for edit in edits(rest[0], rest[1], record.languages.written):
        yield _edit(edit, "field-", plan, record.languages.default, milestone=key, part=number)


def _progress(a: dict[str, Any], b: dict[str, Any], record: Record, plan: str, number: int,
              key: Any) -> Iterator[Change]:
    """Progress updates added, removed or edited (its date, status, note, evidence): an
    update already published that is rewritten or back-dated is the reviewer's to see."""
    old, new = list_at(a, "progress"), list_at(b, "progress")
    if old == new:
        return
    languages = record.languages.written
    for before, after, _ in pairs(old, new, by_identity=False):
        entry = before if isinstance(before, dict) else after
        day = _said(entry.get("date") if isinstance(entry, dict) else None)
        if before is None or after is None:
            yield Change("progress-added" if before is None else "progress-removed", plan,
                         number, key, field="progress", entry=str(day),
                         values=(before, after))
            continue
        for edit in edits(before, after, languages):
            yield _edit(edit, "progress-", plan, record.languages.default,
                        commitment=number, milestone=key, entry=str(day))


def _edit(edit: Edit, prefix: str, plan: str, default: str, **where: Any) -> Change:
    """A change from an edit of a document (`prefix`: "field-", or "progress-" for an
    edit of a progress update, whose field is then the update's own)."""
    steps = tuple(str(step) for step in edit.path)
    field = "/".join(steps)
    where = {"steps": steps, **where}
    if edit.kind == "text":
        old, new = translations(edit.old, default), translations(edit.new, default)
        lang = next((code for code in ("en", default, *sorted(old.keys() | new.keys()))
                     if old.get(code) != new.get(code)), default)
        return Change(prefix + "text", plan, field=field, old=old.get(lang),
                      new=new.get(lang), detail=word_diff(old.get(lang, ""),
                                                          new.get(lang, "")),
                      values=(edit.old, edit.new),
                      stale=stale_translations(edit.old, edit.new, default), **where)
    kind = edit.kind if prefix == "field-" else "changed"
    return Change(prefix + kind, plan, field=field, old=edit.old, new=edit.new,
                  values=(edit.old, edit.new), **where)


def _texts(a: dict[str, Any], b: dict[str, Any], paths: tuple[tuple[str, ...], ...],
           record: Record, plan: str, number: int | None, milestone: Any) -> Iterator[Change]:
    default = record.languages.default
    for path in paths:
        old = translations(_get(a, path), default)
        new = translations(_get(b, path), default)
        if old == new:
            continue
        lang = "en" if "en" in old or "en" in new else default
        changed = sorted(code for code in set(old) | set(new) if old.get(code) != new.get(code))
        detail = word_diff(old.get(lang, ""), new.get(lang, "")) if old.get(lang) != \
            new.get(lang) else f"{', '.join(changed)} translation changed"
        yield Change("text", plan, number, milestone, field="/".join(path),
                     old=old.get(lang), new=new.get(lang), detail=detail,
                     values=(_get(a, path), _get(b, path)),
                     stale=stale_translations(_get(a, path), _get(b, path), default))


def stale_translations(old: Any, new: Any, default: str) -> tuple[tuple[str, str], ...]:
    """(language, source) for each language whose text a change leaves as it was while the
    text it is translated from changed: a translation left behind (handbook 2.2: an amended
    plan is sent "in English and in the administrative language"). The source is English,
    and for English the record's default language, as `ogpctl translate` has it; texts
    compare by their words, so that a line wrapped anew is no change."""
    before, after = translations(old, default), translations(new, default)
    found = []
    for lang in sorted(before.keys() & after.keys()):
        source = "en" if lang != "en" else default
        if source == lang or source not in before or source not in after:
            continue
        if before[lang].split() == after[lang].split() and \
                before[source].split() != after[source].split():
            found.append((lang, source))
    return tuple(found)


def _amendments(a: Plan, b: Plan, record: Record) -> Iterator[Change]:
    """The amendments plan.yaml records (handbook 2.2: the date the amended plan was sent,
    and a summary that outlines the changes) that the change adds, removes or edits. An
    entry alike on both sides is no change; the others pair by their date, then in order."""
    default = record.languages.default
    old, new = _entries(a), _entries(b)
    for entry in list(new):
        if entry in old:
            old.remove(entry)
            new.remove(entry)
    pairs = []
    for entry in list(new):
        match = next((item for item in old if item.get("date") == entry.get("date")), None)
        if match is not None:
            old.remove(match)
            new.remove(entry)
            pairs.append((match, entry))
    pairs += zip(old, new, strict=False)
    count = min(len(old), len(new))
    for before, after in pairs:
        yield Change("amendment-changed", b.id, field="amendments", old=before.get("date"),
                     new=after.get("date"), detail=word_diff(
                         _text(before.get("summary"), "en", default),
                         _text(after.get("summary"), "en", default)),
                     values=(before.get("summary"), after.get("summary")),
                     stale=stale_translations(before.get("summary"), after.get("summary"),
                                              default))
    for entry in new[count:]:
        yield Change("amendment-added", b.id, field="amendments", new=entry.get("date"),
                     detail=_text(entry.get("summary"), "en", default),
                     values=(None, entry.get("summary")))
    for entry in old[count:]:
        yield Change("amendment-removed", b.id, field="amendments", old=entry.get("date"),
                     detail=_text(entry.get("summary"), "en", default),
                     values=(entry.get("summary"), None))


def _entries(plan: Plan) -> list[dict[str, Any]]:
    """The amendments plan.yaml lists (an entry that is not a mapping is the check's)."""
    return [item for item in list_at(plan.fields, "amendments") if isinstance(item, dict)]


def _contributions(a: Plan, b: Plan, record: Record) -> Iterator[Change]:
    """Contributions received, answered (a reasoned response where there was none),
    decided otherwise, or answered anew (handbook 2.1.d, minimum requirement 4.1)."""
    default = record.languages.default
    broken = _unreadable(a.contributions, b.contributions)
    if broken:
        yield Change("unreadable", b.id, field=broken, subject="")
        return
    old = {str(item.get("id")): item for item in listed(a.contributions, "contributions")}
    for item in listed(b.contributions, "contributions"):
        ident = str(item.get("id"))
        before, summary = old.get(ident), item.get("summary")
        if before is None:
            yield Change("added", b.id, field="contribution", subject=ident,
                         new=_text(summary, "en", default) or ident, values=(None, summary))
        answered = bool(translations(item.get("response"), default))
        if answered and (before is None or not translations(before.get("response"), default)):
            yield Change("answered", b.id, field="contribution", subject=ident,
                         new=item.get("decision"), values=(None, item.get("response")))
        elif before is not None:
            if before.get("decision") != item.get("decision"):
                yield Change("changed", b.id, field="contribution/decision", subject=ident,
                             old=before.get("decision"), new=item.get("decision"))
            yield from (replace(change, subject=ident, field="contribution/response")
                        for change in _texts(before, item, (("response",),), record, b.id,
                                             None, None))
        if before is not None:   # an answer given now is told with its date
            yield from _contribution_fields(before, item, b.id, ident, record, answered and
                                            not translations(before.get("response"), default))
    new = {str(item.get("id")) for item in listed(b.contributions, "contributions")}
    for ident, item in old.items():
        if ident not in new:   # civil society's input gone from the record: told
            yield Change("field-removed", b.id, field=f"contributions/{ident}", old=item,
                         values=(item, None))


def _contribution_fields(before: dict[str, Any], after: dict[str, Any], plan: str,
                         ident: str, record: Record, answered: bool) -> Iterator[Change]:
    """A contribution's other fields (its summary, who made it, when, how): one by one;
    the date of an answer given now (`answered`) is the answer's."""
    told = ("id", "decision", "response", *(("responded",) if answered else ()))
    old = {k: v for k, v in before.items() if k not in told}
    new = {k: v for k, v in after.items() if k not in told}
    for edit in edits(old, new, record.languages.written, ("contributions", ident)):
        yield _edit(edit, "field-", plan, record.languages.default)


def record_from_files(files: dict[str, bytes], folder: Path) -> Record:
    """A record from files read out of git, written into `folder` and loaded from there."""
    from ogpctl.base.confined import write_scratch

    for name, data in files.items():   # a crafted git tree may name `..`: refused
        write_scratch(folder / name, data, inside=folder)
    return load_record(folder)


def compare_revisions(root: Path, old_commit: str, new_commit: str | None) -> list[Change]:
    """Changes from `old_commit` to `new_commit`, or to the working tree when None."""
    import tempfile  # not at the top: `check` imports this module through its rules

    from ogpctl.base.vcs import files_at

    with tempfile.TemporaryDirectory(prefix="ogpctl-diff-") as tmp:
        old = record_from_files(files_at(root, old_commit), Path(tmp) / "old")
        if new_commit is None:
            new = load_record(root)
        else:
            new = record_from_files(files_at(root, new_commit), Path(tmp) / "new")
        return compare(old, new)


def compare_files(root: Path, old_commit: str, new_commit: str | None) -> list[Change]:
    """`compare_revisions`, and after its changes one for each file they do not tell of
    (`undescribed`): every file the change touches is named."""
    old, new, files = revision_records(root, old_commit, new_commit)
    changes = compare(old, new)
    return changes + undescribed(changes, files)


def revision_records(root: Path, old_commit: str, new_commit: str | None
                     ) -> tuple[Record, Record, list[tuple[str, str]]]:
    """The record at `old_commit` and at `new_commit` (None: the working tree as the next
    commit would take it), and the files that differ (`changed_files`)."""
    import tempfile

    from ogpctl.base.vcs import files_at, tree_at

    before, after = files_at(root, old_commit), tree_at(root, new_commit)[0]
    with tempfile.TemporaryDirectory(prefix="ogpctl-diff-") as tmp:
        old = record_from_files(before, Path(tmp) / "old")
        new = record_from_files(after, Path(tmp) / "new")
    return old, new, changed_files(before, after)


def changed_files(old: dict[str, bytes], new: dict[str, bytes]) -> list[tuple[str, str]]:
    """(path, added|removed|changed) of every file that differs, sorted."""
    return [(name, "added" if name not in old else "removed" if name not in new else "changed")
            for name in sorted(old.keys() | new.keys()) if old.get(name) != new.get(name)]


def undescribed(changes: list[Change], files: list[tuple[str, str]]) -> list[Change]:
    """A change for each file (path, added|removed|changed) that no change in `changes` is
    in: an evidence file replaced, a comment edited, a file ogpctl does not read. It is
    named and said not described, never left out: nothing the change does goes unseen."""
    told = {change.document for change in changes}
    return [Change("undescribed", "", field=state, document=path)
            for path, state in files if path not in told]

"""`translate import`: translations from a PO or XLIFF file written back into the record.

Every entry is judged before anything is written: its context must name a text that
`export` offers in the file's language (a text field of a record file, or a section of a
plan), and its translation must be text a record can hold. A text already written in the
language is replaced only when it came from an earlier export (its source's digest is
known) or with `force`: a file from outside never overwrites a translation someone wrote
in the record. One bad entry refuses the whole file (a file from outside is not half
applied). Empty and fuzzy translations are skipped and counted. Then every file is
edited in memory and, only when all could be, written (see `writing`); last the digests
of the sources translated (see `state`), so `export` can tell when a source changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ogpctl.base.errors import UsageError
from ogpctl.record.fields import TEXT, values_of
from ogpctl.record.kinds import SECTIONS, Kind
from ogpctl.record.model import Record
from ogpctl.record.text import language_name, translations
from ogpctl.rules.languages import has_prose
from ogpctl.source.bidi import text_fault
from ogpctl.source.text import MAX_FILE_BYTES
from ogpctl.translate import state
from ogpctl.translate.entries import collect, pick_source, shown_in
from ogpctl.translate.model import (
    CHANGED,
    Translations,
    Unit,
    check_language,
    parse_field_context,
)
from ogpctl.translate.sections import with_guide, without_guide
from ogpctl.translate.writing import Edit, FieldEdit, SectionEdit, prepare, section_text, write

_SECTION = re.compile(r"plans/(?P<plan>[^/]+)/sections/(?P<section>[a-z-]+)\.(?P<lang>[^/]+)\.md")
_CHANGED_SOURCE = ("the source text changed since this file was exported; the translation "
                   "is imported and will be exported again for review")


@dataclass(frozen=True)
class Skip:
    line: int
    context: str
    reason: str


@dataclass
class ImportResult:
    lang: str
    applied: int = 0
    unchanged: int = 0
    skipped: list[Skip] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)     # file:line: something to know
    changed: list[str] = field(default_factory=list)   # record files edited
    created: list[str] = field(default_factory=list)   # section files written anew
    state_file: str | None = None                      # the digests file, when updated
    dry_run: bool = False


class InvalidTranslations(UsageError):
    """Entries that cannot be imported; `problems` lists them as `file:line: reason`."""

    def __init__(self, name: str, problems: list[str]) -> None:
        self.problems = problems
        count = len(problems)
        super().__init__(f"{name}: {count} {'entry' if count == 1 else 'entries'} cannot be "
                         "imported; nothing was written")


@dataclass
class _Judge:
    """What every entry is judged against."""

    record: Record
    lang: str
    known: dict[str, str]     # the digests before this import: contexts exported before
    force: bool
    _stale: set[str] | None = None

    def replaces_written_text(self, context: str, current: str, new: str) -> str:
        """A problem when `new` would replace a text written in the record rather than
        translated from an export; "" when it may: a translation export offers again
        because its source changed, however it was written, may be replaced."""
        if self.force or not current.strip() or current == new or context in self.known \
                or context in self.stale():
            return ""
        return (f"the record has a {language_name(self.lang)} text here already, which was "
                "not exported for translation; give --force to replace it")


    def stale(self) -> set[str]:
        """The translations `translate export` offers as changed (asked once, and only
        for a text written in the record that no earlier import wrote)."""
        if self._stale is None:
            self._stale = {entry.context for entry in collect(self.record, self.lang,
                                                              self.known)
                           if entry.state == CHANGED}
        return self._stale


@dataclass
class _Verdict:
    problem: str = ""
    skip: str = ""
    edit: Edit | None = None     # None without problem or skip: the text is already so
    note: str = ""


def read_translations(data: bytes, name: str) -> Translations:
    """PO or XLIFF, told apart by content: XML starts with `<`."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        from ogpctl.translate.xliff import read_xliff

        return read_xliff(data, name)
    from ogpctl.translate.po import read_po

    return read_po(data, name)


def import_translations(record: Record, data: bytes, name: str, dry_run: bool = False,
                        force: bool = False) -> ImportResult:
    """Judge every unit of the PO or XLIFF file `data`, then write the translations (unless
    `dry_run`); `name` names the file in messages. `force` imports texts `export` did not
    offer, replacing what the record holds."""
    found = read_translations(data, name)
    lang = check_language(record, found.lang, f"{name}: the language")
    result = ImportResult(lang, dry_run=dry_run)
    before = state.load(record.root, lang)
    hashes = dict(before)
    edits = _judge_all(_Judge(record, lang, before, force), found.units, name, result, hashes)
    files = prepare(record, lang, edits)
    result.applied = len(edits)
    result.changed = [f.rel for f in files if not f.new]
    result.created = [f.rel for f in files if f.new]
    if hashes != before:
        result.state_file = state.state_file(record.root, lang).relative_to(
            record.root).as_posix()
    if not dry_run:
        write(record.root, files)
        if hashes != before:
            state.save(record.root, lang, hashes)
    return result


def _judge_all(judge: _Judge, units: list[Unit], name: str, result: ImportResult,
               hashes: dict[str, str]) -> list[Edit]:
    """The edits to make; skips, notes and counts go into `result`, and the digest of each
    source translated into `hashes`. Raises InvalidTranslations listing every bad unit."""
    edits, problems, seen = [], [], set()
    for unit in units:
        where = f"{name}:{unit.line}"
        verdict = _Verdict(problem="the context appears twice in the file") \
            if unit.context in seen else _judge(judge, unit)
        seen.add(unit.context)
        if verdict.problem:
            problems.append(f"{where}: {verdict.problem}")
        elif verdict.skip:
            result.skipped.append(Skip(unit.line, unit.context, verdict.skip))
        else:
            hashes[unit.context] = state.digest(unit.source)
            if verdict.edit is None:
                result.unchanged += 1
            else:
                edits.append(verdict.edit)
            if verdict.note:
                result.notes.append(f"{where}: {verdict.note}")
    if problems:
        raise InvalidTranslations(name, problems)
    return edits


def _judge(judge: _Judge, unit: Unit) -> _Verdict:
    """What to do with one unit: refuse it, skip it, leave the text, or edit it."""
    text = unit.target.replace("\r\n", "\n").replace("\r", "\n")
    if not unit.context:
        return _Verdict("the entry has no context (msgctxt or trans-unit id); it does not "
                        "come from `ogpctl translate export`")
    fault = text_fault(text)
    if fault:
        return _Verdict(f"the translation {fault}")
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        return _Verdict("the translation is larger than a record file may be")
    if parse_field_context(unit.context):
        return _judge_field(judge, unit, text)
    if _SECTION.fullmatch(unit.context):
        return _judge_section(judge, unit, text)
    return _Verdict(f"{unit.context!r} names no text of this record (contexts are "
                    "<file>#<field path> or plans/<plan>/sections/<section>.<lang>.md)")


def _skip(unit: Unit, text: str) -> str:
    if unit.fuzzy:
        return "marked for review (fuzzy, or needs-review in XLIFF); check it and clear the "\
            "mark to import it"
    return "" if text.strip() else "no translation written"


def _judge_field(judge: _Judge, unit: Unit, text: str) -> _Verdict:
    record, lang = judge.record, judge.lang
    file, path = parse_field_context(unit.context) or ("", ())
    doc = record.documents.get(file)
    if doc is None or doc.kind is Kind.SECTION:
        return _Verdict(f"{file!r} is not a YAML file of this record")
    if not doc.ok:
        return _Verdict(f"{file} cannot be read; fix what `ogpctl check` reports first")
    value = next((v for p, v in values_of(doc, TEXT) if p == path), _MISSING)
    if value is _MISSING:
        return _Verdict(f"{file} has no text field {'/'.join(map(str, path))}")
    if not judge.force and not shown_in(record, value, lang):
        return _Verdict(f"`translate export` offers no {language_name(lang)} text here (no "
                        "document or page shows one); give --force to import it anyway")
    if _skip(unit, text):
        return _Verdict(skip=_skip(unit, text))
    default = record.languages.default
    texts = translations(value, default)
    source = pick_source(texts, lang, default)
    if source is None:
        return _Verdict(skip="the field has no text to translate from any more")
    problem = judge.replaces_written_text(unit.context, texts.get(lang, ""), text)
    if problem:
        return _Verdict(problem)
    note = _CHANGED_SOURCE if source[1] != unit.source else ""
    if texts.get(lang, "") == text:
        return _Verdict(note=note)
    return _Verdict(edit=FieldEdit(file, path, value, text), note=note)


_MISSING = object()


def _judge_section(judge: _Judge, unit: Unit, text: str) -> _Verdict:
    record, lang = judge.record, judge.lang
    match = _SECTION.fullmatch(unit.context)
    assert match is not None
    plan = next((p for p in record.plans if p.id == match["plan"]), None)
    if plan is None or match["section"] not in SECTIONS:
        return _Verdict(f"{unit.context!r} is not a section of a plan of this record")
    if match["lang"] != lang:
        return _Verdict(f"the section is in {match['lang']!r}, not the file's language "
                        f"{lang!r}")
    if _skip(unit, text):
        return _Verdict(skip=_skip(unit, text))
    folder, section = f"{plan.folder}/sections", match["section"]
    bodies = {doc.path: doc.body or "" for doc in plan.sections}
    texts = {code: bodies[f"{folder}/{section}.{code}.md"] for code in
             ("en", record.languages.default)
             if has_prose(bodies.get(f"{folder}/{section}.{code}.md", ""))}
    source = pick_source(texts, lang, record.languages.default)
    if source is None:
        return _Verdict(skip="the section has no text to translate from any more")
    current = bodies.get(unit.context, "")
    text = section_text(with_guide(text, current))
    problem = judge.replaces_written_text(
        unit.context, current if has_prose(current) else "", text)
    if problem:
        return _Verdict(problem)
    note = _CHANGED_SOURCE if without_guide(source[1]) != unit.source else ""
    if bodies.get(unit.context) == text:
        return _Verdict(note=note)
    return _Verdict(edit=SectionEdit(unit.context, text), note=note)

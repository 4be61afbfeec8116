"""Finding what to translate into a language: every text field (and plan section) with no
text in that language, or whose source changed since its translation was imported.

A text is offered in every language documents and pages are made in: English and each
administrative language (`render --lang all` and the site), since they show every text of
the record, falling back to another language, marked, where one is missing. So progress
notes, contributions and reasoned responses, forum texts and stakeholders' names are
offered in English too, though the handbook asks for them only in the administrative
languages (5.1)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from ogpctl.record.fields import TEXT, values_of
from ogpctl.record.kinds import SECTIONS, Kind
from ogpctl.record.model import Document, Plan, Record
from ogpctl.record.text import translations
from ogpctl.rules.languages import has_prose
from ogpctl.source import frontmatter
from ogpctl.source.positions import Locator, compose
from ogpctl.source.text import decode
from ogpctl.translate.basis import History
from ogpctl.translate.model import CHANGED, UNTRANSLATED, Entry, field_context
from ogpctl.translate.sections import without_guide


def collect(record: Record, lang: str, hashes: dict[str, str]) -> list[Entry]:
    """The entries to translate into `lang`, in file order. `hashes` maps contexts to the
    digest of the source each translation was imported from (see `state`); a translation
    with none is judged by git history (`ogpctl.translate.basis`)."""
    history = History(record.root, record.languages.default, hashes)
    entries: list[Entry] = []
    for path in sorted(record.documents):
        doc = record.documents[path]
        if doc.kind is not Kind.SECTION and doc.ok:
            entries.extend(_field_entries(record, doc, lang, history))
    for plan in record.plans:
        entries.extend(_section_entries(record, plan, lang, history))
    return entries


def shown_in(record: Record, value: Any, lang: str) -> bool:
    """Whether documents or pages show the text `value` in `lang` (so it is offered for
    translation into it): every text, in English and each administrative language; in
    another language of the record, a text already written in it."""
    return lang in record.languages.required or (isinstance(value, dict) and lang in value)


def pick_source(texts: dict[str, str], target: str, default: str) -> tuple[str, str] | None:
    """English when it is written, else the default language's text (never the target's)."""
    for lang in ("en", default):
        if lang != target and lang in texts:
            return lang, texts[lang]
    return None


def state_of(context: str, source: str, current: str, history: History,
             basis: Callable[[], str | None]) -> str | None:
    """UNTRANSLATED, CHANGED (the source changed since the translation was made, however
    it arrived: `History.changed`, git's `basis` asked only when needed), or None when the
    translation is current."""
    if not current:
        return UNTRANSLATED
    return CHANGED if history.changed(context, source, basis) else None


def field_name(path: tuple[Any, ...]) -> str:
    """`milestones 1 › title` for ("milestones", 0, "title"): list items counted from 1."""
    parts: list[str] = []
    for step in path:
        if isinstance(step, int) and parts:
            parts[-1] += f" {step + 1}"
        else:
            parts.append(str(step))
    return " › ".join(parts)


def _field_entries(record: Record, doc: Document, lang: str, history: History
                   ) -> list[Entry]:
    default = record.languages.default
    found = []
    for path, value in values_of(doc, TEXT):
        texts = translations(value, default)
        source = pick_source(texts, lang, default) if shown_in(record, value, lang) else None
        if source is None:
            continue
        context = field_context(doc.path, path)
        current = texts.get(lang, "")
        state = state_of(context, source[1], current, history, partial(
            history.field_basis, doc.path, path, lang, source[0], (current, source[1])))
        if state is not None:
            found.append((path, context, source, current, state))
    if not found:
        return []
    lines = _Lines(record.root, doc)
    entries = [Entry(context, doc.path, lines.line(path), field_name(path), source[1],
                     source[0], current, state)
               for path, context, source, current, state in found]
    return sorted(entries, key=lambda entry: entry.line)    # as the file reads, top down


class _Lines:
    """Line numbers of paths in one file, composed only when a file has entries."""

    def __init__(self, root: Path, doc: Document) -> None:
        try:
            text = decode((root / doc.path).read_bytes()).text or ""
        except OSError:   # gone since the record was read: the entries stay, at line 1
            text = ""
        self.offset = 0
        if doc.kind.markdown:
            split = frontmatter.split(text)
            text, self.offset = split.yaml or "", split.line_offset
        tree = compose(text)
        self.where = Locator(tree) if tree is not None else None

    def line(self, path: tuple[Any, ...]) -> int:
        return (self.where.locate(path)[0] if self.where is not None else 1) + self.offset


def _section_entries(record: Record, plan: Plan, lang: str, history: History
                     ) -> Iterator[Entry]:
    bodies = {doc.path.rsplit("/", 1)[1]: doc.body or "" for doc in plan.sections}
    default = record.languages.default
    for section in SECTIONS:
        texts = {code: bodies[f"{section}.{code}.md"] for code in ("en", default, lang)
                 if has_prose(bodies.get(f"{section}.{code}.md", ""))}
        source = pick_source(texts, lang, default)
        if source is None:
            continue
        source = source[0], without_guide(source[1])
        context = f"{plan.folder}/sections/{section}.{lang}.md"
        current = texts.get(lang, "")
        origin = f"{plan.folder}/sections/{section}.{source[0]}.md"
        state = state_of(context, source[1], current, history,
                         partial(history.section_basis, context, origin))
        if state is not None:
            yield Entry(context, origin, 1,
                        f"section {section}", source[1], source[0], current, state)

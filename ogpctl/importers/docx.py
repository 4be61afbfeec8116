"""A Word action plan in the OGP template (handbook 3.2.b, 3.2.c), read without a mapping.

The document is walked in order. A heading naming a section of the plan (introduction,
efforts to date, development process) starts that section, whose paragraphs become its
Markdown; the commitments follow. A table whose first column holds the template's row
labels is a commitment's header table; a table whose first row holds the milestone
columns is its milestone table (`docx_tables`). A template question, as a row or as a
paragraph, is followed by its answer. Labels are recognised in every language ogpctl
writes documents in (its own words, from the same catalogues) and in the variants other
plans use, numbered or bold or not, and the document's language is the one its labels are
written in (unless --lang says otherwise). What ogpctl writes where the record has no text
("Not stated.") and its notes on untranslated texts are not texts, and are skipped; the
minimum requirements it adds to the development process are its own summary, not the
plan's text, and are skipped too.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

from ogpctl.base.errors import UsageError
from ogpctl.base.i18n import Language
from ogpctl.importers.docx_tables import TableReader, markdown_table, table_kind, values_of
from ogpctl.importers.docx_text import (
    cell_markdown,
    cell_text,
    is_note_only,
    marked_language,
    paragraph_markdown,
    paragraph_text,
    style_name,
    text_language,
)
from ogpctl.importers.labels import (
    document_parts,
    header,
    match,
    milestone_columns,
    parts,
    placeholder_keys,
    questions,
    sections,
    value_of,
)
from ogpctl.importers.model import Place, Source
from ogpctl.importers.words import Unreadable, date_of, plain_key

MAX_BYTES = 50 * 1024 * 1024
PLAN_SECTIONS = ("introduction", "efforts-to-date", "development-process")

#: The commas a list is written with: Latin, Arabic (ogpctl writes "، " in Arabic) and
#: ideographic.
LIST_COMMAS = r"[,،、]"


def read_docx(path: Path, lang: str | None) -> Source:
    from docx import Document
    from docx.exceptions import InvalidXmlError
    from docx.opc.exceptions import PackageNotFoundError

    source = Source(path.name)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UsageError(f"{path}: larger than 50 MB")
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        source.error(Place(path.name), f"not a Word document (.docx) ogpctl can read: {error}")
        return source
    except OSError as error:
        raise UsageError(f"{path}: {error.strerror}") from None
    try:
        _read(source, path.name, list(document.iter_inner_content()),
              lang or declared_language(document))
    except (InvalidXmlError, KeyError, ValueError) as error:
        # a value Word's schema does not allow (<w:i w:val="maybe"/>): python-docx refuses it
        source = Source(path.name)
        source.error(Place(path.name), f"not a Word document (.docx) ogpctl can read: {error}")
    return source


def declared_language(document: Any) -> str | None:
    """The language a document ogpctl wrote says it is in (its core properties), when
    ogpctl has no labels in it: its labels are then English, its texts and dates in that
    language (a Georgian plan). A document with labels in its own language needs none."""
    from ogpctl.base.i18n import has_catalogue
    from ogpctl.record.kinds import LANGUAGE

    properties = document.core_properties
    said = (properties.language or "").strip()
    if properties.author != "ogpctl" or not LANGUAGE.fullmatch(said) or \
            has_catalogue(said):
        return None
    return said


def _read(source: Source, name: str, blocks: list[Any], lang: str | None) -> None:
    labels = _language(blocks)
    if labels is None:
        source.error(Place(name), "no label of the OGP commitment template was found "
                     "(such as 'Number and Name of the Commitment' or 'Commitment Lead'); "
                     "is this an action plan in the OGP template?")
        return
    language = lang or labels
    if language != labels:
        source.notes.append(f"{name}: written in {language} (the document says so), with "
                            f"the template's labels in {labels}; its texts and dates are "
                            "read as that language (--lang to say otherwise)")
    elif lang is None:
        source.notes.append(f"{name}: the template's labels are in {language}; its "
                            "texts are read as that language (--lang to say otherwise)")
    _Walk(source, language).run(blocks)


def _language(blocks: list[Any]) -> str | None:
    """The language most of the document's template labels are written in."""
    votes: Counter[str] = Counter()
    for block in blocks:
        texts = [paragraph_text(block)] if _is_paragraph(block) else \
            [cell_text(row.cells[0]) for row in block.rows if row.cells] + \
            [cell_text(c) for c in (block.rows[0].cells if block.rows else [])]
        for text in texts:
            for labels in (header(), questions(), milestone_columns()):
                found = match(labels, text)
                if found:
                    votes[found[1]] += 1
    return max(sorted(votes), key=votes.__getitem__) if votes else None


def _is_paragraph(block: Any) -> bool:
    return hasattr(block, "runs")


class _Walk:
    def __init__(self, source: Source, lang: str) -> None:
        self.source = source
        self.lang = lang
        self.tables = TableReader(source, lang)
        self.section: str | None = None
        self.parts: dict[tuple[str, str], list[str]] = {}   # (section, language)
        self.question: str | None = None
        self.hint = False           # the paragraph after a question may be its hint
        self.values = False         # the next bold paragraph may name the OGP values
        self.level = 0              # the heading level of the question (0: not a heading)
        self.marked = False         # ogpctl noted that the text below is in another language
        self.table = 0

    def _part(self, text: str, heading: int) -> bool:
        """Whether a heading is one of the template's parts (the values and their relevance
        follow "Open government values") or of ogpctl's documents (a challenge or local
        commitment's questions, the implementation plan's parts)."""
        if self.tables.commitment is None:
            return False        # a heading of the plan's own sections, such as Activities
        part = match(parts(), text, exact=True) or match(document_parts(), text, exact=True)
        if part is None:
            return False
        name = part[0]
        self.values = name == "values"
        self.question = "relevance" if self.values else None if name in (
            "problem-definition", "description", "planning", "heading", "challenge", "local",
            "implementation-plan") else name
        self.hint, self.level, self.marked = self.values, heading, False
        commitment = self.tables.commitment
        if name in ("challenge", "local") and commitment is not None:
            commitment.kind = name
        return True

    def _added(self, text: str) -> bool:
        """Whether the paragraph is "Added on {date}." of a challenge commitment."""
        from ogpctl.render.commitment import added_text

        commitment = self.tables.commitment
        if commitment is None or commitment.kind != "challenge" or commitment.added:
            return False
        before, _, after = added_text(Language(self.lang), "\x00").partition("\x00")
        found = re.fullmatch(re.escape(before.strip()) + r"\s*(.+?)\s*" +
                             re.escape(after.strip()), text, re.IGNORECASE)
        if not found:
            return False
        try:
            commitment.added = date_of(found.group(1), self.lang)[0]
        except Unreadable as error:
            self.source.warn(Place(self.source.name), f"the challenge commitment's date: "
                             f"{error}")
        return True

    def _values(self, paragraph: Any, text: str) -> bool:
        """Whether the paragraph is the bold list of OGP values under their heading."""
        was, self.values = self.values, False
        commitment = self.tables.commitment
        if not was or commitment is None or not _bold(paragraph) or not all(
                value_of(p) for p in re.split(LIST_COMMAS, text) if p.strip()):
            return False
        values_of(self.source, commitment, text, Place(self.source.name))
        return True

    def run(self, blocks: list[Any]) -> None:
        for block in blocks:
            if _is_paragraph(block):
                self.paragraph(block)
            else:
                self.table += 1
                self.table_block(block)
        for (section, lang), paragraphs in self.parts.items():
            text = "\n\n".join(p for p in paragraphs if p).strip()
            if text:
                self.source.sections[(section, lang)] = text

    def table_block(self, table: Any) -> None:
        """A commitment's table; a table of a narrative section is part of its text; the
        minimum requirements ogpctl adds to the development process are skipped."""
        if table_kind(table) is None and self.section in PLAN_SECTIONS:
            paragraphs = [p for row in table.rows for c in row.cells for p in c.paragraphs]
            lang = (text_language(paragraphs) if self.marked else None) or self.lang
            self.parts.setdefault((self.section, lang), []).append(markdown_table(table))
        elif table_kind(table) is None and self.section == "requirements":
            return
        else:
            self.question = self.tables.read(table, self.table)
            if self.tables.commitment is not None and self.section in PLAN_SECTIONS:
                self.section = "commitments"    # the narrative sections end at the first

    def paragraph(self, paragraph: Any) -> None:
        if is_note_only(paragraph):
            self.marked = True
            return
        text = paragraph_text(paragraph)
        if not text or plain_key(text) in placeholder_keys():
            return
        heading = _heading_level(paragraph)
        section = match(sections(), text, exact=True) if heading or len(text) < 80 else None
        if section:
            self.section, self.question, self.marked = section[0], None, False
            return
        if heading and self.question and (not self.level or heading <= self.level):
            self.question = None        # a heading of the document's own ends an answer
        question = match(questions(), text)
        if question and (heading or _bold(paragraph) or text.endswith("?")):
            self.question, self.hint, self.level = question[0], True, heading
            self.marked = False
            return
        if heading and self._part(text, heading):
            return
        if self._values(paragraph, text) or self._added(text):
            return
        if self.question and self.hint and _italic(paragraph):
            return      # the template's hint under its question, kept by many plans
        self.hint = False
        if self.question == "activities" and self.tables.commitment is not None:
            self.tables.commitment.activities.append(
                {marked_language([paragraph]) or self.lang:
                 re.sub(r"^(?:- |1\. )", "", paragraph_markdown(paragraph))})
            return
        lang = (text_language([paragraph]) if self.marked else None) or self.lang
        if self.question and self.tables.commitment is not None:
            field = self.tables.commitment.text(self.question)
            field[lang] = (field.get(lang, "") + "\n\n" +
                           paragraph_markdown(paragraph)).strip()
            return
        if self.section in PLAN_SECTIONS:
            level = heading
            line = paragraph_markdown(paragraph)
            self.parts.setdefault((self.section, lang), []).append(
                f"{'#' * min(6, level + 1)} {text}" if level else line)


def _heading_level(paragraph: Any) -> int:
    """The heading level of a paragraph styled as a heading (Heading 2, Título 2, Titre 2),
    0 for body text."""
    name = style_name(paragraph)
    words = name.split()
    if words and words[0].lower() in ("heading", "titulo", "título", "titre", "title",
                                      "überschrift"):
        return int(words[-1]) if words[-1].isdigit() else 1
    return 0


def _italic(paragraph: Any) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(r.italic for r in runs)


def _bold(paragraph: Any) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


__all__ = ["read_docx", "cell_markdown"]

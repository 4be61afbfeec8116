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

import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

from ogpctl.base.errors import UsageError
from ogpctl.importers.docx_tables import TableReader, values_of
from ogpctl.importers.docx_text import cell_markdown, cell_text, paragraph_markdown, paragraph_text
from ogpctl.importers.labels import (
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
from ogpctl.importers.words import plain_key

MAX_BYTES = 50 * 1024 * 1024
PLAN_SECTIONS = ("introduction", "efforts-to-date", "development-process")


def read_docx(path: Path, lang: str | None) -> Source:
    from docx import Document
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
    blocks = list(document.iter_inner_content())
    language = lang or _language(blocks)
    if language is None:
        source.error(Place(path.name), "no label of the OGP commitment template was found "
                     "(such as 'Number and Name of the Commitment' or 'Commitment Lead'); "
                     "is this an action plan in the OGP template?")
        return source
    if lang is None:
        source.notes.append(f"{path.name}: the template's labels are in {language}; its "
                            "texts are read as that language (--lang to say otherwise)")
    _Walk(source, language).run(blocks)
    return source


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
        self.parts: dict[str, list[str]] = {}
        self.question: str | None = None
        self.hint = False           # the paragraph after a question may be its hint
        self.values = False         # the next bold paragraph may name the OGP values
        self.table = 0

    def _values(self, paragraph: Any, text: str) -> bool:
        """Whether the paragraph is the bold list of OGP values under their heading."""
        was, self.values = self.values, False
        commitment = self.tables.commitment
        if not was or commitment is None or not _bold(paragraph) or not all(
                value_of(p) for p in text.split(",") if p.strip()):
            return False
        values_of(self.source, commitment, text, Place(self.source.name))
        return True

    def run(self, blocks: list[Any]) -> None:
        for block in blocks:
            if _is_paragraph(block):
                self.paragraph(block)
            else:
                self.table += 1
                self.question = self.tables.read(block, self.table)
        for section, paragraphs in self.parts.items():
            text = "\n\n".join(p for p in paragraphs if p).strip()
            if text:
                self.source.sections[(section, self.lang)] = text

    def paragraph(self, paragraph: Any) -> None:
        text = paragraph_text(paragraph)
        if not text or plain_key(text) in placeholder_keys():
            return
        heading = _heading_level(paragraph)
        section = match(sections(), text, exact=True) if heading or len(text) < 80 else None
        if section:
            self.section, self.question = section[0], None
            return
        question = match(questions(), text)
        if question and (heading or _bold(paragraph) or text.endswith("?")):
            self.question, self.hint = question[0], True
            return
        part = match(parts(), text, exact=True) if heading else None
        if part:
            self.question = "relevance" if part[0] == "values" else None
            self.values = self.hint = part[0] == "values"
            return
        if self._values(paragraph, text):
            return
        if self.question and self.hint and _italic(paragraph):
            return      # the template's hint under its question, kept by many plans
        self.hint = False
        if self.question and self.tables.commitment is not None:
            field = self.tables.commitment.text(self.question)
            field[self.lang] = (field.get(self.lang, "") + "\n\n" +
                                paragraph_markdown(paragraph)).strip()
            return
        if self.section in PLAN_SECTIONS:
            level = heading
            line = paragraph_markdown(paragraph)
            self.parts.setdefault(self.section, []).append(
                f"{'#' * min(6, level + 1)} {text}" if level else line)


def _heading_level(paragraph: Any) -> int:
    """The heading level of a paragraph styled as a heading (Heading 2, Título 2, Titre 2),
    0 for body text."""
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
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

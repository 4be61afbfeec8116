"""The document model as a Word document (python-docx): real Word headings, lists and
tables, so a government can edit and submit it. Right-to-left documents set `bidi` on
paragraphs and tables and `rtl` on runs; content in another language (a missing
translation shown in the source language) takes that language's direction and `w:lang`,
so an English fallback in an Arabic document keeps its punctuation where English puts it. The file is byte-identical for the same record:
fixed core properties and fixed dates inside the zip."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

from docx import Document as new_document
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from ogpctl.render.blocks import (
    Block,
    Break,
    Code,
    CodeBlock,
    Document,
    Emphasis,
    Foreign,
    ForeignBlock,
    Heading,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Strong,
    Table,
    Text,
    plain,
    rtl,
)

#: Zip entries carry this date (the earliest a zip can hold) instead of the time of writing.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
NOTE_COLOUR = RGBColor(0x5C, 0x44, 0x00)
FIELD_WIDTHS = (Cm(5), Cm(11.5))


#: Word's limit on a core property (python-docx refuses longer values).
PROPERTY_LIMIT = 255


def _property(text: str) -> str:
    """A core property value: a title too long for the properties is cut there (the
    document itself shows it whole)."""
    return text if len(text) <= PROPERTY_LIMIT else text[:PROPERTY_LIMIT - 1] + "…"


class _Writer:
    def __init__(self, doc: Document, day: date) -> None:
        self.doc = doc
        self.word = new_document()
        self.rtl = doc.rtl      # the direction of what is being written now
        self.foreign = ""       # the language of what is being written, when not the doc's
        self.style_ids = {style.name: style.style_id for style in self.word.styles}
        self._properties(day)
        self._language()

    def _properties(self, day: date) -> None:
        props = self.word.core_properties
        moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
        props.title, props.language = _property(self.doc.title), _property(self.doc.lang)
        props.author = props.last_modified_by = "ogpctl"
        props.created = props.modified = moment
        props.revision = 1
        props.comments = ""

    def _language(self) -> None:
        """The document language on the Normal style, so spelling and hyphenation and the
        bidi layout follow it."""
        style = self.word.styles["Normal"]
        properties = style.element.get_or_add_rPr()
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), self.doc.lang)
        lang.set(qn("w:bidi"), self.doc.lang)
        properties.append(lang)
        style.font.size = Pt(11)

    # -- blocks ---------------------------------------------------------------------------
    def write(self) -> bytes:
        self.inlines(self._add(self.word, "Title"), (Text(self.doc.title),))
        if self.doc.subtitle:
            self.inlines(self._add(self.word, "Subtitle"), (Text(self.doc.subtitle),))
        for item in self.doc.blocks:
            self.block(item, self.word)
        buffer = io.BytesIO()
        self.word.save(buffer)
        return _fixed_zip(buffer.getvalue())

    def block(self, item: Block, parent, style: str | None = None) -> None:
        if isinstance(item, Heading):
            paragraph = self._add(parent, f"Heading {min(max(item.level - 1, 1), 9)}")
            self.inlines(paragraph, item.children)
        elif isinstance(item, Paragraph):
            self.inlines(self._add(parent, style), item.children)
        elif isinstance(item, ListBlock):
            self._list(item, parent)
        elif isinstance(item, Quote):
            for child in item.children:
                self.block(child, parent, "Quote")
        elif isinstance(item, CodeBlock):
            run = self._paragraph_rtl(self._add(parent, style)).add_run(item.text)
            run.font.name = "Consolas"
        elif isinstance(item, Rule):
            parent.add_paragraph("―" * 12)
        elif isinstance(item, Table):
            self._table(item, parent)
        elif isinstance(item, ForeignBlock):
            note = self._paragraph_rtl(self._add(parent, style))
            self._note(self._run(note.add_run(item.note), False, False))
            with self._writing_in(item.lang):
                for child in item.children:
                    self.block(child, parent, style)
        else:
            raise TypeError(f"unknown block {item!r}")

    def _add(self, parent, style: str | None):
        """A new paragraph in `style`, set by id: python-docx's lookup by name scans every
        style each time (most of the time spent writing a large plan)."""
        paragraph = parent.add_paragraph()
        if style:
            paragraph._p.style = self.style_ids[style]
        return paragraph

    def _list(self, item: ListBlock, parent) -> None:
        for number, entry in enumerate(item.items, start=item.start):
            for index, child in enumerate(entry):
                if isinstance(child, Paragraph) and index == 0:
                    if item.ordered:   # Word's numbering would run on across lists
                        paragraph = self._add(parent, "List Paragraph")
                        paragraph.add_run(f"{number}. ")
                    else:
                        paragraph = self._add(parent, "List Bullet")
                    self.inlines(paragraph, child.children)
                else:
                    self.block(child, parent, "List Paragraph")

    def _table(self, item: Table, parent) -> None:
        width = max([len(item.head)] + [len(row) for row in item.rows] + [1])
        rows = ([item.head] if item.head else []) + list(item.rows)
        table = parent.add_table(rows=len(rows), cols=width)
        table._tbl.tblPr.style = self.style_ids["Table Grid"]
        if self.rtl:
            table._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
        if item.fields and width == 2:   # LibreOffice reads the grid, Word the cells
            for column, size in zip(table.columns, FIELD_WIDTHS):
                column.width = size
        for r, (row, tr) in enumerate(zip(rows, table._tbl.tr_lst)):
            header = bool(item.head) and r == 0
            if header:
                _repeat_header(table.rows[0])
            for col, tc in enumerate(tr.tc_lst):   # no merged cells: the grid is plain
                content = row[col] if col < len(row) else ()
                cell = _Cell(tc, table)
                if item.fields:   # a narrow label column, as in the handbook's template
                    cell.width = FIELD_WIDTHS[min(col, 1)]
                self._cell(cell, content, header or (item.fields and col == 0))
        if parent is self.word:    # Word runs two adjacent tables together
            parent.add_paragraph()

    def _cell(self, cell, content: tuple[Block, ...], bold: bool) -> None:
        first = cell.paragraphs[0]
        blocks = list(content)
        if blocks and isinstance(blocks[0], Paragraph):
            self.inlines(first, blocks.pop(0).children, bold=bold)
        for item in blocks:
            self.block(item, cell)

    # -- inlines --------------------------------------------------------------------------
    @contextmanager
    def _writing_in(self, lang: str) -> Iterator[None]:
        """Write in `lang` and its direction, then go back."""
        before = self.rtl, self.foreign
        self.rtl, self.foreign = rtl(lang), lang
        try:
            yield
        finally:
            self.rtl, self.foreign = before

    def inlines(self, paragraph, items: tuple[Inline, ...], bold: bool = False,
                italic: bool = False) -> None:
        self._paragraph_rtl(paragraph)
        self._runs(paragraph, items, bold, italic)

    def _runs(self, paragraph, items: tuple[Inline, ...], bold: bool, italic: bool) -> None:
        for item in items:
            if isinstance(item, Text):
                self._run(paragraph.add_run(item.text), bold, italic)
            elif isinstance(item, Strong):
                self._runs(paragraph, item.children, True, italic)
            elif isinstance(item, Emphasis):
                self._runs(paragraph, item.children, bold, True)
            elif isinstance(item, Code):
                self._run(paragraph.add_run(item.text), bold, italic).font.name = "Consolas"
            elif isinstance(item, Link):
                self._link(paragraph, item)
            elif isinstance(item, Break):
                paragraph.add_run().add_break()
            elif isinstance(item, Foreign):
                with self._writing_in(item.lang):
                    self._runs(paragraph, item.children, bold, italic)
                self._note(self._run(paragraph.add_run(f" ({item.note})"), False, False))

    def _run(self, run, bold: bool, italic: bool):
        run.bold, run.italic = bold or None, italic or None
        self._run_language(run._r.get_or_add_rPr() if self.rtl or self.foreign else None)
        return run

    def _run_language(self, properties) -> None:
        """`w:rtl` and, in another language than the document's, `w:lang` (in the order
        OOXML wants: both after colour and underline, `rtl` before `lang`)."""
        if properties is None:
            return
        if self.rtl:
            properties.append(OxmlElement("w:rtl"))
        if self.foreign:
            lang = OxmlElement("w:lang")
            lang.set(qn("w:val"), self.foreign)
            if self.rtl:
                lang.set(qn("w:bidi"), self.foreign)
            properties.append(lang)

    def _note(self, run) -> None:
        run.italic = True
        run.font.color.rgb = NOTE_COLOUR
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW

    def _link(self, paragraph, item: Link) -> None:
        """A real Word hyperlink (python-docx has no API for it: built from OOXML)."""
        part = paragraph.part
        ident = part.relate_to(item.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), ident)
        run = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        style = OxmlElement("w:u")
        style.set(qn("w:val"), "single")
        colour = OxmlElement("w:color")
        colour.set(qn("w:val"), "0B4F8A")
        properties.extend([colour, style])
        self._run_language(properties)
        run.append(properties)
        text = OxmlElement("w:t")
        text.text = plain(item.children)
        text.set(qn("xml:space"), "preserve")
        run.append(text)
        link.append(run)
        paragraph._p.append(link)

    def _paragraph_rtl(self, paragraph):
        """`w:bidi` on a paragraph in a right-to-left language, once."""
        properties = paragraph._p.get_or_add_pPr() if self.rtl else None
        if properties is not None and properties.find(qn("w:bidi")) is None:
            properties.append(OxmlElement("w:bidi"))
        return paragraph


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated ZIP_DATE, so equal documents are equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def write_docx(doc: Document, day: date) -> bytes:
    return _Writer(doc, day).write()

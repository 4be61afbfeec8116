"""The document model as a Word document: real Word headings, lists and tables, so a
government can edit and submit it. The body is written as WordprocessingML text into
python-docx's default template (`wordml`, built once a process): the same XML python-docx
made element by element, with about a thirtieth of the CPU. Right-to-left documents set
`bidi` on paragraphs and tables and `rtl` on runs; content in another language (a missing
translation shown in the source language) takes that language's direction and `w:lang`,
so an English fallback in an Arabic document keeps its punctuation where English puts it.
The file is byte-identical for the same record: fixed core properties and fixed dates
inside the zip."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

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
    address,
    plain,
    rtl,
)
from ogpctl.render.wordml import ZIP_DATE, attribute, package, template, text

__all__ = ["ZIP_DATE", "write_docx"]

EMU_PER_TWIP = 635
#: The body's width in the template: Letter less 1.25-inch margins (12240 - 2 × 1800 twips).
BODY_WIDTH = 8640 * EMU_PER_TWIP
#: The label and value columns of a `fields` table: 5 cm and 11.5 cm, in twips.
FIELD_WIDTHS = (round(5 * 360000 / EMU_PER_TWIP), round(11.5 * 360000 / EMU_PER_TWIP))
CODE_FONT = '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/>'
NOTE_LOOK = '<w:color w:val="5C4400"/><w:highlight w:val="yellow"/>'
LINK_LOOK = '<w:color w:val="0B4F8A"/><w:u w:val="single"/>'
TABLE_LOOK = ('<w:tblW w:type="auto" w:w="0"/><w:tblLook w:firstColumn="1" w:firstRow="1" '
              'w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/>')
RULE = "<w:p><w:r><w:t>" + "―" * 12 + "</w:t></w:r></w:p>"
EMPTY = "<w:p/>"
_BREAKS = re.compile(r"([\t\r\n])")


def _content(value: str) -> str:
    """A run's text: `w:t` pieces, a tab as `w:tab`, a line end as `w:br` (as python-docx's
    `Run.text`), spaces kept where they start or end a piece."""
    if "\t" not in value and "\n" not in value and "\r" not in value:   # one piece
        clean = text(value)
        if not clean:
            return ""
        keep = ' xml:space="preserve"' if len(value.strip()) < len(value) else ""
        return f"<w:t{keep}>{clean}</w:t>"
    out = []
    for piece in _BREAKS.split(value):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            out.append("<w:br/>")
        elif clean := text(piece):
            keep = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            out.append(f"<w:t{keep}>{clean}</w:t>")
    return "".join(out)


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.rtl = doc.rtl      # the direction of what is being written now
        self.foreign = ""       # the language of what is being written, when not the doc's
        self.style_ids = template().style_ids
        self.links: dict[str, str] = {}     # address -> relationship id
        self.out: list[str] = []

    def write(self, day: date) -> bytes:
        self._paragraph("Title", self._runs(self.doc.title))
        if self.doc.subtitle:
            self._paragraph("Subtitle", self._runs(self.doc.subtitle))
        for item in self.doc.blocks:
            self.block(item, BODY_WIDTH)
        return package("".join(self.out), self.links, self.doc.title_text, self.doc.lang, day)

    # -- blocks ---------------------------------------------------------------------------
    def block(self, item: Block, width: int, style: str | None = None) -> None:
        """`item` into a container `width` EMU wide (the body or a table cell)."""
        if isinstance(item, Heading):
            level = min(max(item.level - 1, 1), 9)
            self._paragraph(f"Heading {level}", self._runs(item.children))
        elif isinstance(item, Paragraph):
            self._paragraph(style, self._runs(item.children))
        elif isinstance(item, ListBlock):
            self._list(item, width)
        elif isinstance(item, Quote):
            for child in item.children:
                self.block(child, width, "Quote")
        elif isinstance(item, CodeBlock):
            self._paragraph(style, f"<w:r><w:rPr>{CODE_FONT}</w:rPr>"
                                   f"{_content(item.text)}</w:r>")
        elif isinstance(item, Rule):
            self.out.append(RULE)
        elif isinstance(item, Table):
            self._table(item, width)
        elif isinstance(item, ForeignBlock):
            self._paragraph(style, self._run(item.note, note=True))
            with self._writing_in(item.lang):
                for child in item.children:
                    self.block(child, width, style)
        else:
            raise TypeError(f"unknown block {item!r}")

    def _paragraph(self, style: str | None, runs: str) -> None:
        """A paragraph in `style` (a name), `bidi` when written right to left."""
        properties = (f'<w:pStyle w:val="{self.style_ids[style]}"/>' if style else "") \
            + ("<w:bidi/>" if self.rtl else "")
        if properties:
            self.out.append(f"<w:p><w:pPr>{properties}</w:pPr>{runs}</w:p>")
        else:
            self.out.append(f"<w:p>{runs}</w:p>" if runs else EMPTY)

    def _list(self, item: ListBlock, width: int) -> None:
        for number, entry in enumerate(item.items, start=item.start):
            for index, child in enumerate(entry):
                if isinstance(child, Paragraph) and index == 0:
                    if item.ordered:   # Word's numbering would run on across lists
                        label = f'<w:r><w:t xml:space="preserve">{number}. </w:t></w:r>'
                        self._paragraph("List Paragraph", label + self._runs(child.children))
                    else:
                        self._paragraph("List Bullet", self._runs(child.children))
                else:
                    self.block(child, width, "List Paragraph")

    def _table(self, item: Table, width: int) -> None:
        """A Word table, its columns sharing `width`, and the empty paragraph after it
        (Word runs two adjacent tables together; a cell must end with a paragraph)."""
        count = max([len(item.head)] + [len(row) for row in item.rows] + [1])
        column = round(width // count / EMU_PER_TWIP)
        rows = ([item.head] if item.head else []) + list(item.rows)
        grid = FIELD_WIDTHS if item.fields and count == 2 else (column,) * count
        direction = "<w:bidiVisual/>" if self.rtl else ""    # after the style (OOXML order)
        self.out.append(f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.style_ids["Table Grid"]}"/>'
                        f'{direction}{TABLE_LOOK}</w:tblPr><w:tblGrid>'
                        + "".join(f'<w:gridCol w:w="{w}"/>' for w in grid) + "</w:tblGrid>")
        for r, row in enumerate(rows):
            header = bool(item.head) and r == 0
            self.out.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>" if header else "<w:tr>")
            for col in range(count):   # no merged cells: the grid is plain
                cell = FIELD_WIDTHS[min(col, 1)] if item.fields else column
                self.out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{cell}"/></w:tcPr>')
                content = row[col] if col < len(row) else ()
                self._cell(content, cell * EMU_PER_TWIP, header or (item.fields and col == 0))
                self.out.append("</w:tc>")
            self.out.append("</w:tr>")
        self.out.append("</w:tbl>" + EMPTY)

    def _cell(self, content: tuple[Block, ...], width: int, bold: bool) -> None:
        first = content[0] if content else None
        if isinstance(first, Paragraph):
            self._paragraph(None, self._runs(first.children, bold))
            content = content[1:]
        else:
            self.out.append(EMPTY)
        for item in content:
            self.block(item, width)

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

    @contextmanager
    def _left_to_right(self, really: bool = True) -> Iterator[None]:
        """Write a path or an address, which reads left to right in any document: its run
        without `w:rtl` (an Arabic document reordered "evidence/01-…" around its hyphens)."""
        before = self.rtl
        self.rtl = self.rtl and not really
        try:
            yield
        finally:
            self.rtl = before

    def _runs(self, items: tuple[Inline, ...], bold: bool = False,
              italic: bool = False) -> str:
        out = []
        for item in items:
            if isinstance(item, Text):
                out.append(self._run(item.text, bold, italic))
            elif isinstance(item, Strong):
                out.append(self._runs(item.children, True, italic))
            elif isinstance(item, Emphasis):
                out.append(self._runs(item.children, bold, True))
            elif isinstance(item, Code):
                with self._left_to_right():
                    out.append(self._run(item.text, bold, italic, CODE_FONT))
            elif isinstance(item, Link):
                out.append(self._link(item))
            elif isinstance(item, Break):
                out.append("<w:r><w:br/></w:r>")
            elif isinstance(item, Foreign):
                with self._writing_in(item.lang):
                    out.append(self._runs(item.children, bold, italic))
                out.append(self._run(f" ({item.note})", note=True))
        return "".join(out)

    def _run(self, value: str, bold: bool = False, italic: bool = False, font: str = "",
             note: bool = False) -> str:
        """A run of text; a note (that a text is untranslated) is italic and highlighted."""
        properties = font + ("<w:b/>" if bold else "") + ("<w:i/>" if italic or note else "") \
            + (NOTE_LOOK if note else "") + self._language()
        start = f"<w:r><w:rPr>{properties}</w:rPr>" if properties else "<w:r><w:rPr/>"
        return start + _content(value) + "</w:r>"

    def _language(self) -> str:
        """`w:rtl` and, in another language than the document's, `w:lang` (last in a run's
        properties, as OOXML orders them: `rtl` before `lang`)."""
        found = "<w:rtl/>" if self.rtl else ""
        if self.foreign:
            lang = attribute(self.foreign)
            found += f'<w:lang w:val="{lang}" w:bidi="{lang}"/>' if self.rtl \
                else f'<w:lang w:val="{lang}"/>'
        return found

    def _link(self, item: Link) -> str:
        """A Word hyperlink: one relationship an address, however often it is linked."""
        ident = self.links.get(item.href)
        if ident is None:
            ident = self.links[item.href] = f"rId{template().first_link + len(self.links)}"
        with self._left_to_right(address(item)):
            language = self._language()
        return (f'<w:hyperlink r:id="{ident}"><w:r><w:rPr>{LINK_LOOK}{language}'
                f'</w:rPr><w:t xml:space="preserve">{text(plain(item.children))}</w:t></w:r>'
                "</w:hyperlink>")


def write_docx(doc: Document, day: date) -> bytes:
    return _Writer(doc).write(day)

"""The Word writer (`ogpctl.render.docx` on `ogpctl.render.wordml`): a document with every
block and inline kind, in a left-to-right and a right-to-left language, read back with
python-docx; every element's properties in the order the OOXML schema gives them (Word
refuses a file that breaks it, python-docx does not notice); text that XML cannot hold;
hyperlinks; the same bytes in another process."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from datetime import date

import docx
import pytest
from lxml import etree

from ogpctl.render.blocks import (
    Break,
    Code,
    CodeBlock,
    Document,
    Emphasis,
    Foreign,
    ForeignBlock,
    Heading,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Strong,
    Table,
    Text,
    text,
)
from ogpctl.render.docx import write_docx
from tests.conftest import ROOT

DAY = date(2026, 12, 2)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
#: The sequences of CT_PPr, CT_RPr, CT_TblPr and CT_TrPr (ECMA-376 part 1, 17.3.1.26,
#: 17.3.2.28, 17.4.60, 17.4.82), as far as the writer uses them.
SCHEMA_ORDER = {
    "pPr": ("pStyle", "keepNext", "numPr", "bidi", "jc"),
    "rPr": ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "color", "sz", "highlight", "u",
            "rtl", "cs", "lang"),
    "tblPr": ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
              "tblStyleColBandSize", "tblW", "jc", "tblLayout", "tblLook"),
    "trPr": ("cantSplit", "trHeight", "tblHeader"),
    "tcPr": ("tcW", "gridSpan", "vMerge"),
}


def words(value: str) -> tuple[Text, ...]:
    return (Text(value),)


INLINES = (Text(" Lead & <b>\"quoted\" "), Strong((Text("bold "), Emphasis(words("both")))),
           Code("a\tb"), Break(), Link("https://example.org/?a=1&b=\"2\"", words("link <1>")),
           Link("https://example.org/?a=1&b=\"2\"", words("again")), Link("mailto:a@b.example", ()),
           Foreign("en", (Text("fallback "), Link("https://example.org/f", words("in"))),
                   "English"),
           Text("two\nlines\tand a tab"))


def every_kind(lang: str, rtl: bool) -> Document:
    cell = (Paragraph(words("cell")), ListBlock(((Paragraph(words("item")),),)))
    inner = Table(head=((Paragraph(words("inner")),),), rows=(((Paragraph(words("x")),),),))
    blocks = [
        Heading(2, INLINES), Heading(9, words("deep")), Paragraph(INLINES), Paragraph(()),
        ListBlock(((Paragraph(INLINES), CodeBlock("x\ny")), (Paragraph(words("b")),)),
                  ordered=True, start=7),
        ListBlock(((Paragraph(words("bullet")),), ())),
        Quote((Paragraph(words("quoted")), ForeignBlock("en", (Paragraph(words("q")),), "note"))),
        Rule(), CodeBlock(" code "),
        Table(head=((Paragraph(words("one")),), (Paragraph(words("two")),)),
              rows=((cell, (inner,)), ((Paragraph(INLINES),), ())), caption=words("caption")),
        Table(head=(), rows=(((Paragraph(words("label")),), (Paragraph(words("value")),)),),
              fields=True),
        ForeignBlock("en", (Paragraph(INLINES),), "Shown in English"),
    ]
    return Document(title=text("Plan & <plan>"), lang=lang, rtl=rtl, blocks=blocks,
                    subtitle=text("2027-2031"))


def part(data: bytes, name: str = "word/document.xml") -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


@pytest.mark.parametrize("lang, rtl", [("es", False), ("ar", True)])
def test_properties_follow_the_schema_order(lang: str, rtl: bool) -> None:
    xml = part(write_docx(every_kind(lang, rtl), DAY))
    for name, order in SCHEMA_ORDER.items():
        found = list(xml.iter(W + name))
        assert found, name
        for element in found:
            children = [etree.QName(child).localname for child in element]
            assert all(child in order for child in children), (name, children)
            assert children == sorted(children, key=order.index), (name, children)


def test_python_docx_reads_every_kind_back() -> None:
    data = write_docx(every_kind("ar", True), DAY)
    word = docx.Document(io.BytesIO(data))
    styles = [p.style.name for p in word.paragraphs if p.text.strip()]
    assert styles[:3] == ["Title", "Subtitle", "Heading 1"]
    assert {"Heading 8", "List Paragraph", "List Bullet", "Quote"} <= set(styles)
    first = word.paragraphs[4]
    assert first.text.startswith(' Lead & <b>"quoted" bold both')
    assert "two\nlines\tand a tab" in first.text and "fallback in (English)" in first.text
    assert word.paragraphs[6].text.startswith("7. ")
    assert len(word.tables) == 2 and word.tables[0].table_direction == 1   # RTL
    assert [c.text for c in word.tables[0].rows[0].cells] == ["one", "two"]
    assert word.tables[0].rows[1].cells[1].tables[0].rows[1].cells[0].text == "x"
    links = {rel.rId: rel.target_ref for rel in word.part.rels.values() if rel.is_external}
    assert sorted(links.values()) == ["https://example.org/?a=1&b=\"2\"",
                                      "https://example.org/f", "mailto:a@b.example"]
    used = [a.get(R + "id") for a in part(data).iter(W + "hyperlink")]
    assert set(used) == set(links) and len(used) > len(links)   # one relationship an address
    assert word.core_properties.title == "Plan & <plan>"
    assert word.core_properties.language == "ar"
    assert word.core_properties.created.date() == DAY


def test_text_xml_cannot_hold_is_dropped() -> None:
    doc = Document(title=text("Plan\x01"), lang="en", rtl=False,
                   blocks=[Paragraph((Text("a\x00b\x0bc\ufffe"),)), CodeBlock("d\x1be")])
    word = docx.Document(io.BytesIO(write_docx(doc, DAY)))
    assert [p.text for p in word.paragraphs] == ["Plan", "abc", "de"]


def test_a_title_holding_the_templates_markers_stays_as_it_is() -> None:
    from ogpctl.render import wordml

    title = f"{wordml._LANG} {wordml._STAMP} {wordml._TITLE}"
    doc = Document(title=text(title), lang="fr", rtl=False)
    word = docx.Document(io.BytesIO(write_docx(doc, DAY)))
    assert word.core_properties.title == title
    assert word.core_properties.language == "fr"


def test_same_bytes_in_another_process() -> None:
    here = write_docx(every_kind("ar", True), DAY)
    script = ("import sys; from tests.test_docx import every_kind, DAY; "
              "from ogpctl.render.docx import write_docx; "
              "sys.stdout.buffer.write(write_docx(every_kind('ar', True), DAY))")
    there = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                           check=True).stdout
    assert there == here
    names = zipfile.ZipFile(io.BytesIO(here)).infolist()
    assert {info.date_time for info in names} == {(1980, 1, 1, 0, 0, 0)}
    assert zipfile.ZipFile(io.BytesIO(here)).testzip() is None


def test_french_labels_take_a_no_break_space_before_the_colon(tmp_path, capsys) -> None:
    """newuser6 K17: the French milestone table said "Responsable: …"; French typography
    puts a no-break space before the colon, in every format, in the labels ogpctl writes
    (one place: the catalogue's ":"), never in the record's own texts."""
    from tests.conftest import SAMPLE, run

    for fmt in ("md", "html", "docx"):
        code, _, err = run(capsys, "render", "action-plan", "--plan", "2026-2030", "-C", SAMPLE,
                           "--lang", "fr", "-f", fmt, "-o", tmp_path, "--today", "2026-12-01")
        assert code == 0, err
    [name] = [p for p in tmp_path.iterdir() if p.suffix == ".docx"]
    read = docx.Document(str(name))
    cells = "\n".join(cell.text for table in read.tables for row in table.rows
                      for cell in row.cells)
    assert "Responsable\u00a0: " in cells and "Responsable: " not in cells
    for fmt in ("md", "html"):
        [page] = [p for p in tmp_path.iterdir() if p.suffix == f".{fmt}"]
        text = page.read_text(encoding="utf-8")
        assert "Responsable" in text and not any(
            f"Responsable{end}: " in text for end in ("", "**", "</strong>")), fmt

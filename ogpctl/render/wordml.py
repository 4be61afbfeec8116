"""The Word package around a document's body: python-docx's default template (styles,
numbering, fonts, theme, settings) saved once a process with markers where a document puts
its own values (title, language, date, hyperlinks), and the zip written from those parts,
the unchanging ones compressed once. Only `document.xml` is new for each document.

Every value goes in through `text` or `attribute`, which escape it (and drop the
characters XML 1.0 cannot hold, such as control characters from a YAML escape): no record
value reaches the package as markup."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date
from functools import cache

from ogpctl.source.bidi import shown

#: Zip entries carry this date (the earliest a zip can hold) instead of the time of writing.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
#: Word's limit on a core property (python-docx refuses longer values).
PROPERTY_LIMIT = 255

_TITLE, _LANG, _DAY = "OGPCTL-TITLE-MARK", "x-ogpctl-lang", date(1999, 9, 9)
_STAMP = "1999-09-09T00:00:00Z"
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def text(value: str) -> str:
    """`value` as XML character data (escaped as lxml does, which python-docx used; with
    `str.replace`, a quarter of the CPU of `str.translate` on a Georgian run)."""
    value = _NOT_XML.sub("", shown(value))
    if "&" in value or "<" in value or ">" in value or "\r" in value:
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
            .replace("\r", "&#13;")
    return value


def attribute(value: str) -> str:
    """`value` inside a double-quoted XML attribute."""
    return _NOT_XML.sub("", value).translate(_ATTRIBUTE)


def core_property(value: str) -> str:
    """A core property value: a title too long for the properties is cut there (the
    document itself shows it whole)."""
    return value if len(value) <= PROPERTY_LIMIT else value[:PROPERTY_LIMIT - 1] + "…"


@dataclass(frozen=True)
class Template:
    """python-docx's default document, saved once, cut where each document differs."""

    parts: tuple[tuple[str, bytes], ...]   # every part, in python-docx's order
    document: tuple[str, str]              # document.xml before and after the body
    relationships: tuple[str, str]         # document.xml.rels before and after the links
    first_link: int                        # the first free rId number
    core: str                              # docProps/core.xml with the markers
    styles: tuple[str, str]                # styles.xml before and after the language
    style_ids: dict[str, str]              # style name -> id ("Heading 1" -> "Heading1")


def _cut(data: str, marker: str, keep: bool = False) -> tuple[str, str]:
    """`data` before and after the one `marker` in it (`keep`: the marker starts the
    second half)."""
    if data.count(marker) != 1:
        raise RuntimeError(f"python-docx's template changed: {marker!r} is not there once")
    before, after = data.split(marker)
    return before, (marker + after if keep else after)


def _saved_template() -> tuple[dict[str, str], bytes]:
    """The default document with the markers, as python-docx writes it."""
    from datetime import UTC, datetime

    from docx import Document as new_document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    word = new_document()
    style = word.styles["Normal"]
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), _LANG)
    lang.set(qn("w:bidi"), _LANG)
    style.element.get_or_add_rPr().append(lang)
    style.font.size = Pt(11)
    props = word.core_properties
    props.title, props.language = _TITLE, _LANG
    props.author = props.last_modified_by = "ogpctl"
    props.created = props.modified = datetime(_DAY.year, _DAY.month, _DAY.day, tzinfo=UTC)
    props.revision = 1
    props.comments = ""
    buffer = io.BytesIO()
    word.save(buffer)
    return {s.name: s.style_id for s in word.styles}, buffer.getvalue()


@cache
def template() -> Template:
    style_ids, data = _saved_template()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = tuple((name, package.read(name)) for name in package.namelist())
    found = {name: blob.decode("utf-8") for name, blob in parts if name.endswith((".xml",
                                                                                 ".rels"))}
    head, rest = _cut(found["word/document.xml"], "<w:body>")
    body, tail = _cut(rest, "<w:sectPr", keep=True)
    if body:
        raise RuntimeError("python-docx's template changed: its body is not empty")
    rels = found["word/_rels/document.xml.rels"]
    used = {int(n) for n in re.findall(r'Id="rId(\d+)"', rels)}
    return Template(
        parts=parts, document=(head + "<w:body>", tail),
        relationships=_cut(rels, "</Relationships>", keep=True),
        first_link=min(n for n in range(1, len(used) + 2) if n not in used),
        core=found["docProps/core.xml"],
        styles=_cut(found["word/styles.xml"], f'w:val="{_LANG}" w:bidi="{_LANG}"'),
        style_ids=style_ids)


_MARKERS = re.compile("|".join(re.escape(m) for m in (_TITLE, _LANG, _STAMP)))


def _core(title: str, lang: str, day: date) -> bytes:
    """The core properties: the markers replaced in one pass, so a title that happens to
    hold a marker's text stays as it is."""
    values = {_TITLE: text(core_property(title)), _LANG: text(core_property(lang)),
              _STAMP: day.isoformat() + "T00:00:00Z"}
    return _MARKERS.sub(lambda found: values[found.group(0)], template().core).encode()


def _relationships(links: dict[str, str]) -> bytes:
    before, after = template().relationships
    added = "".join(f'<Relationship Id="{ident}" Type="{HYPERLINK}" Target="{attribute(href)}"'
                    f' TargetMode="External"/>' for href, ident in links.items())
    return (before + added + after).encode()


def _styles(lang: str) -> bytes:
    before, after = template().styles
    value = attribute(lang)
    return f'{before}w:val="{value}" w:bidi="{value}"{after}'.encode()


def package(body: str, links: dict[str, str], title: str, lang: str, day: date) -> bytes:
    """The .docx file of `body` (the paragraphs and tables of document.xml) and its
    hyperlinks (address -> rId)."""
    head, tail = template().document
    changed = {"word/document.xml": _entry("word/document.xml",
                                           (head + body + tail).encode()),
               "docProps/core.xml": _entry("docProps/core.xml", _core(title, lang, day)),
               "word/styles.xml": _compressed_styles(lang)}
    if links:
        name = "word/_rels/document.xml.rels"
        changed[name] = _entry(name, _relationships(links))
    return _zip([changed.get(name) or _fixed_entry(name) for name, _ in template().parts])


# -- the zip -------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Entry:
    name: bytes
    crc: int
    size: int
    data: bytes      # deflated


def _entry(name: str, blob: bytes) -> _Entry:
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    data = compressor.compress(blob) + compressor.flush()
    return _Entry(name.encode("ascii"), zlib.crc32(blob), len(blob), data)


@cache
def _fixed_entry(name: str) -> _Entry:
    return _entry(name, dict(template().parts)[name])


@cache
def _compressed_styles(lang: str) -> _Entry:
    return _entry("word/styles.xml", _styles(lang))


_DOS_TIME = (ZIP_DATE[3] << 11) | (ZIP_DATE[4] << 5) | (ZIP_DATE[5] // 2)
_DOS_DATE = ((ZIP_DATE[0] - 1980) << 9) | (ZIP_DATE[1] << 5) | ZIP_DATE[2]
_VERSION, _UNIX, _DEFLATED, _MODE = 20, 3, 8, 0o644 << 16


def _zip(entries: list[_Entry]) -> bytes:
    """A zip of deflated entries, each dated ZIP_DATE with mode 0644: the same bytes
    Python's zipfile writes on Unix for these entries, without compressing again what
    never changes."""
    out, directory = io.BytesIO(), []
    for entry in entries:
        common = (_DEFLATED, _DOS_TIME, _DOS_DATE, entry.crc, len(entry.data), entry.size,
                  len(entry.name), 0)
        directory.append(struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", _VERSION, _UNIX,
                                     _VERSION, 0, 0, *common, 0, 0, 0, _MODE, out.tell()))
        out.write(struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", _VERSION, 0, 0, *common))
        out.write(entry.name + entry.data)
    start = out.tell()
    for header, entry in zip(directory, entries, strict=True):
        out.write(header + entry.name)
    size = out.tell() - start
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), size,
                          start, 0))
    return out.getvalue()

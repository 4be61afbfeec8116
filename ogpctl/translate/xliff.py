"""XLIFF 1.2 files (Trados, memoQ, Phrase, OmegaT, Okapi...), written as text and read
with defusedxml, since a file from a translator is untrusted input: no entity expansion
(billion laughs), no external entities or DTDs fetched.

One `<file>` per record file and source language (`source-language` is English, or the
language a text has when it has no English); each `<trans-unit id>` is the context,
`<source>` and `<target>` carry `xml:lang`. A changed entry's target has
state="needs-review-translation"; targets still in a needs-review state are not imported
(like fuzzy PO entries).
"""

from __future__ import annotations

from datetime import date
from itertools import groupby
from typing import Any
from xml.sax import SAXException
from xml.sax.handler import ContentHandler, feature_namespaces
from xml.sax.saxutils import escape, quoteattr

from ogpctl.base.errors import UsageError
from ogpctl.translate.model import CHANGED, Entry, Translations, Unit

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_REVIEW_STATES = ("needs-review-translation", "needs-review-l10n", "needs-review-adaptation")

_NOTICE = ("<!-- Translations of an OGP record, exported by ogpctl. Write each translation in "
           "<target>;\n     an empty target is skipped. Targets in state needs-review-translation "
           "changed in\n     the source since they were translated: check them and mark them "
           "translated.\n     Import with: ogpctl translate import FILE -->")


def _text(value: str) -> str:
    # A carriage return would be read back as a line feed unless written as a reference.
    return escape(value).replace("\r", "&#13;")


def write_xliff(entries: list[Entry], lang: str, today: date) -> bytes:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', _NOTICE,
             f'<xliff version="1.2" xmlns="{NS}">']
    for (file, source), group in groupby(_by_source(entries), key=lambda e: (e.file,
                                                                           e.source_lang)):
        lines.append(f'  <file original={quoteattr(file)} source-language={quoteattr(source)} '
                     f'target-language={quoteattr(lang)} datatype="plaintext" '
                     f'date="{today.isoformat()}T00:00:00Z">')
        lines.append("    <body>")
        lines.extend(_unit(entry, lang) for entry in group)
        lines += ["    </body>", "  </file>"]
    lines.append("</xliff>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _by_source(entries: list[Entry]) -> list[Entry]:
    """In file order, a file's entries grouped by the language of their source: a `<file>`
    says its source language once, so a file with texts from two sources is two `<file>`s."""
    order = {file: index for index, file in enumerate(dict.fromkeys(e.file for e in entries))}
    return sorted(entries, key=lambda e: (order[e.file], e.source_lang != "en", e.source_lang))


def _unit(entry: Entry, lang: str) -> str:
    state = "needs-review-translation" if entry.state == CHANGED else "needs-translation"
    parts = [f'      <trans-unit id={quoteattr(entry.context)} xml:space="preserve">',
             f'        <source xml:lang={quoteattr(entry.source_lang)}>'
             f'{_text(entry.source)}</source>',
             f'        <target xml:lang={quoteattr(lang)} state="{state}">'
             f'{_text(entry.target)}</target>',
             f'        <note from="ogpctl">field: {_text(entry.field)}</note>']
    if entry.note:
        parts.append(f'        <note from="ogpctl">{_text(entry.note)}</note>')
    parts += ['        <context-group purpose="location">',
              f'          <context context-type="sourcefile">{_text(entry.file)}</context>',
              f'          <context context-type="linenumber">{entry.line}</context>',
              "        </context-group>", "      </trans-unit>"]
    return "\n".join(parts)


def read_xliff(data: bytes, name: str) -> Translations:
    """The translations of an XLIFF 1.2 file; anything else is a UsageError."""
    import io

    from defusedxml import DefusedXmlException
    from defusedxml.sax import make_parser

    handler = _Handler(name)
    parser = make_parser()
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    try:
        parser.parse(io.BytesIO(data))
    except DefusedXmlException as error:
        raise UsageError(f"{name} is refused: it declares XML entities or external "
                         f"references ({type(error).__name__}); XLIFF files need none") from None
    except SAXException as error:
        raise UsageError(f"{name} is not well-formed XML: {error}") from None
    if not handler.seen_root:
        raise UsageError(f"{name} is not an XLIFF file (no <xliff> element)")
    langs = handler.langs or handler.target_langs   # target-language is optional in 1.2
    if len(langs) > 1:
        raise UsageError(f"{name} holds several target languages "
                         f"({', '.join(sorted(langs))}); import one at a time")
    return Translations(next(iter(langs), None), handler.units)


class _Handler(ContentHandler):
    """SAX events to units. Only `<source>` and `<target>` directly in a `<trans-unit>`
    count: `alt-trans` suggestions, `seg-source` and notes are ignored."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.units: list[Unit] = []
        self.langs: set[str] = set()          # <file target-language>
        self.target_langs: set[str] = set()   # <target xml:lang>
        self.seen_root = False
        self.locator: Any = None
        self.unit: dict[str, Any] | None = None
        self.field: str | None = None     # "source" or "target" while inside one
        self.depth = 0                    # elements open inside the unit

    def setDocumentLocator(self, locator: Any) -> None:  # noqa: N802 - SAX's name
        self.locator = locator

    def _line(self) -> int:
        return self.locator.getLineNumber() if self.locator is not None else 1

    def _fail(self, message: str) -> None:
        raise UsageError(f"{self.name}:{self._line()}: {message}")

    def startElementNS(self, name: tuple[str | None, str], qname: Any,  # noqa: N802
                       attrs: Any) -> None:
        uri, local = name
        if not self.seen_root:
            self._root(uri, local, attrs)
        elif self.unit is not None:
            self.depth += 1
            if self.field is not None:
                self._fail(f"<{local}> inside <{self.field}>: inline XLIFF markup is not "
                           "supported in record texts")
            if self.depth == 1 and local in ("source", "target"):
                self.field = local
                self.unit[local] = ""
                if local == "target":
                    self.unit["state"] = attrs.get((None, "state"), "")
                    if attrs.get((XML_NS, "lang")):
                        self.target_langs.add(attrs.get((XML_NS, "lang")))
        elif local == "file":
            lang = attrs.get((None, "target-language"))
            if lang:
                self.langs.add(lang)
        elif local == "trans-unit":
            self.unit = {"id": attrs.get((None, "id"), ""), "line": self._line(),
                         "translate": attrs.get((None, "translate"), "yes")}

    def _root(self, uri: str | None, local: str, attrs: Any) -> None:
        if local != "xliff":
            self._fail(f"the root element is <{local}>: this is not XLIFF")
        version = attrs.get((None, "version"), "")
        if version != "1.2" or uri not in (NS, None):
            self._fail(f"XLIFF version {version or '?'} is not supported; export XLIFF 1.2")
        self.seen_root = True

    def characters(self, content: str) -> None:
        if self.unit is not None and self.field is not None:
            self.unit[self.field] += content

    def endElementNS(self, name: tuple[str | None, str], qname: Any) -> None:  # noqa: N802
        if self.unit is None:
            return
        if self.depth == 0:   # the trans-unit itself
            self._finish(self.unit)
            self.unit = None
            return
        if self.depth == 1:
            self.field = None
        self.depth -= 1

    def _finish(self, unit: dict[str, Any]) -> None:
        if unit["translate"] == "no":
            return
        review = unit.get("state", "") in _REVIEW_STATES
        self.units.append(Unit(unit["id"], unit.get("source", ""), unit.get("target", ""),
                               review, unit["line"]))

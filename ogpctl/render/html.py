"""The document model as one self-contained, accessible HTML file (print-ready on A4 and
Letter), and as HTML fragments for the website. Every record text is escaped; links are
only those `prose.safe_href` allowed.

This is the one place record text becomes HTML, and the one way to build it: the writer
appends pieces to one list, each piece either a tag literal of this module or a record
value passed through `escape` exactly once (markupsafe's escaping, as plain text: a
`Markup` a value was most of the cost), and the list becomes one `Markup` at the end: no
text is escaped twice and no intermediate Markup is made per element.
Written HTML is never changed afterwards with string methods: `Markup.replace` and
`Markup.format` escape their arguments (new tags become visible text), and `str` methods
or f-strings turn Markup back into text that Jinja escapes a second time. What a page
needs differently (tables that scroll, headings that search can link to) is an option of
the `Writer`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import jinja2
from markupsafe import Markup
from markupsafe import escape as _markupsafe_escape

from ogpctl.base.resources import data_dir
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
    direction,
)
from ogpctl.source.bidi import shown


def escape(value: str) -> str:
    """`value` escaped for HTML text and attribute values as markupsafe escapes it (the same
    five characters, the same entities), as a plain `str` piece for the list; anything but
    a plain `str` (a value with `__html__`) goes through markupsafe itself."""
    if type(value) is not str:
        return str(_markupsafe_escape(value))
    value = shown(value)
    return value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;") \
        .replace("'", "&#39;").replace('"', "&#34;")


def _html(pieces: list[str]) -> Markup:
    """The pieces as one Markup: the one place this module trusts text it computed, because
    only the functions below append to such a list, each piece a tag literal of theirs or a
    value through `escape`."""
    return Markup("".join(pieces))


def plain(text: str) -> Markup:
    """A text as HTML: escaped once (`escape`), so `Markup("...%s...") % ` keeps it."""
    return _html([escape(text)])


def inlines(items: tuple[Inline, ...]) -> Markup:
    out: list[str] = []
    _inlines(items, out)
    return _html(out)


def _inlines(items: tuple[Inline, ...], out: list[str]) -> None:
    """Append the HTML of `items` to `out`: literals, and values through `escape` once."""
    for item in items:
        if isinstance(item, Text):
            out.append(escape(item.text))
        elif isinstance(item, Strong):
            out.append("<strong>")
            _inlines(item.children, out)
            out.append("</strong>")
        elif isinstance(item, Emphasis):
            out.append("<em>")
            _inlines(item.children, out)
            out.append("</em>")
        elif isinstance(item, Code):   # a path, a rule code: left to right in any page
            out += ('<code dir="ltr">', escape(item.text), "</code>")
        elif isinstance(item, Link):
            out += ('<a href="', escape(item.href), '" rel="noopener noreferrer"',
                    ' dir="ltr">' if address(item) else ">")
            _inlines(item.children, out)
            out.append("</a>")
        elif isinstance(item, Break):
            out.append("<br>")
        elif isinstance(item, Foreign):   # its own language and direction, isolated
            out += ('<span lang="', escape(item.lang), '" dir="', direction(item.lang),
                    '" class="untranslated">')
            _inlines(item.children, out)
            out += ('</span> <small class="untranslated-note">(', escape(item.note),
                    ")</small>")


@dataclass
class Writer:
    """Blocks into HTML. `scrolling`: each table in a box that scrolls sideways on a narrow
    screen (the website). `anchors`: headings get the ids `<anchors>-1`, `<anchors>-2`...,
    so a page can link to them and Pagefind files the text under each one under its own
    heading; one writer a page part, each part with its own prefix. `mixed`: a text written
    in languages the record does not say (a meeting's minutes, in several languages in one
    file): each paragraph, heading, list item and cell takes its direction from its own
    first letter (`dir="auto"`), not the page's (French minutes on the Arabic site read
    ".Le forum a discuté du plan")."""

    scrolling: bool = False
    anchors: str = ""
    mixed: bool = False
    _headings: int = field(default=0, init=False, repr=False)

    def blocks(self, items: tuple[Block, ...] | list[Block]) -> Markup:
        out: list[str] = []
        self._blocks(items, out)
        return _html(out)

    def block(self, item: Block) -> Markup:
        out: list[str] = []
        self._block(item, out)
        return _html(out)

    def _blocks(self, items: tuple[Block, ...] | list[Block], out: list[str]) -> None:
        for index, item in enumerate(items):
            if index:
                out.append("\n")
            self._block(item, out)

    def _block(self, item: Block, out: list[str]) -> None:
        if isinstance(item, Heading):
            self._heading(item, out)
        elif isinstance(item, Paragraph):
            out.append(self._open("p"))
            _inlines(item.children, out)
            out.append("</p>")
        elif isinstance(item, ListBlock):
            self._list(item, out)
        elif isinstance(item, Quote):
            out.append("<blockquote>")
            self._blocks(item.children, out)
            out.append("</blockquote>")
        elif isinstance(item, CodeBlock):
            out += ("<pre><code>", escape(item.text), "</code></pre>")
        elif isinstance(item, Rule):
            out.append("<hr>")
        elif isinstance(item, Table):
            self._table(item, out)
        elif isinstance(item, ForeignBlock):   # the note in the page's language, then the text
            out += ('<div class="untranslated"><p class="untranslated-note">',
                    escape(item.note), '</p><div lang="', escape(item.lang), '" dir="',
                    direction(item.lang), '">')
            self._blocks(item.children, out)
            out.append("</div></div>")
        else:
            raise TypeError(f"unknown block {item!r}")

    def _open(self, tag: str) -> str:
        """The opening tag `tag` (a literal of this module), with `dir="auto"` in a mixed
        text."""
        return f"<{tag}{self._direction()}>"

    def _direction(self) -> str:
        return ' dir="auto"' if self.mixed else ""

    def _list(self, item: ListBlock, out: list[str]) -> None:
        tag = "ol" if item.ordered else "ul"
        start = f' start="{int(item.start)}"' if item.ordered and item.start != 1 else ""
        out.append(f"<{tag}{start}{self._direction()}>")
        for entry in item.items:
            out.append(self._open("li"))
            self._blocks(entry, out)
            out.append("</li>")
        out.append(f"</{tag}>")

    def heading(self, item: Heading) -> Markup:
        out: list[str] = []
        self._heading(item, out)
        return _html(out)

    def _heading(self, item: Heading, out: list[str]) -> None:
        level = min(max(int(item.level), 1), 6)
        if self.anchors:
            self._headings += 1
            out += (f"<h{level} id=\"", escape(self.anchors), f'-{self._headings}"',
                    self._direction(), ">")
        else:
            out.append(self._open(f"h{level}"))
        _inlines(item.children, out)
        out.append(f"</h{level}>")

    def cell(self, tag: Markup, content: tuple[Block, ...], scope: str = "") -> Markup:
        out: list[str] = []
        self._cell(str(tag), content, scope, out)
        return _html(out)

    def _cell(self, tag: str, content: tuple[Block, ...], scope: str, out: list[str]) -> None:
        """`tag` is "th" or "td", a literal of this module."""
        out.append(f"<{tag}")
        if scope:
            out += (' scope="', escape(scope), '"')
        out += (self._direction(), ">")
        self._blocks(content, out)
        out.append(f"</{tag}>")

    def table(self, item: Table) -> Markup:
        out: list[str] = []
        self._table(item, out)
        return _html(out)

    def _table(self, item: Table, out: list[str]) -> None:
        if self.scrolling:
            out.append('<div class="table-wrap" tabindex="0">')
        out.append('<table class="fields">' if item.fields else "<table>")
        if item.caption:
            out.append("<caption>")
            _inlines(item.caption, out)
            out.append("</caption>")
        if item.head:
            out.append("<thead><tr>")
            for content in item.head:
                self._cell("th", content, "col", out)
            out.append("</tr></thead>\n")
        out.append("<tbody>")
        for index, row in enumerate(item.rows):
            out.append("\n<tr>" if index else "<tr>")
            if item.fields and row:
                self._cell("th", row[0], "row", out)
            for content in row[1:] if item.fields else row:
                self._cell("td", content, "", out)
            out.append("</tr>")
        out.append("</tbody></table>")
        if self.scrolling:
            out.append("</div>")


def block(item: Block) -> Markup:
    return Writer().block(item)


def blocks(items: tuple[Block, ...] | list[Block]) -> Markup:
    return Writer().blocks(items)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates") / "render")),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
        auto_reload=False)   # ogpctl's own template: no stat a document


@cache
def _stylesheet() -> Markup:
    """The documents' CSS, a file of ogpctl's own (no record text), set in a <style>."""
    css = (data_dir("templates") / "render" / "document.css").read_text(encoding="utf-8")
    return Markup(css)


def write_html(doc: Document) -> bytes:
    page = _environment().get_template("document.html.j2").render(
        doc=doc, heading=inlines(doc.title), subtitle=inlines(doc.subtitle),
        body=blocks(doc.blocks), css=_stylesheet(), dir="rtl" if doc.rtl else "ltr")
    return page.encode("utf-8")

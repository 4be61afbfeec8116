"""The document model as one self-contained, accessible HTML file (print-ready on A4 and
Letter), and as HTML fragments for the website. Every record text is escaped; links are
only those `prose.safe_href` allowed.

This is the one place record text becomes HTML, and the one way to build it: every piece
is `Markup("literal") % values` (or `+`, `Markup.join`), which escapes each value exactly
once. Written HTML is never changed afterwards with string methods: `Markup.replace` and
`Markup.format` escape their arguments (new tags become visible text), and `str` methods
or f-strings turn Markup back into text that Jinja escapes a second time. What a page
needs differently (tables that scroll, headings that search can link to) is an option of
the `Writer`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import jinja2
from markupsafe import Markup, escape

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
    direction,
)


def inlines(items: tuple[Inline, ...]) -> Markup:
    out = Markup()
    for item in items:
        if isinstance(item, Text):
            out += escape(item.text)
        elif isinstance(item, Strong):
            out += Markup("<strong>%s</strong>") % inlines(item.children)
        elif isinstance(item, Emphasis):
            out += Markup("<em>%s</em>") % inlines(item.children)
        elif isinstance(item, Code):
            out += Markup("<code>%s</code>") % item.text
        elif isinstance(item, Link):
            out += Markup('<a href="%s" rel="noopener noreferrer">%s</a>') % (
                item.href, inlines(item.children))
        elif isinstance(item, Break):
            out += Markup("<br>")
        elif isinstance(item, Foreign):   # its own language and direction, isolated
            out += Markup('<span lang="%s" dir="%s" class="untranslated">%s</span> '
                          '<small class="untranslated-note">(%s)</small>') % (
                item.lang, direction(item.lang), inlines(item.children), item.note)
    return out


@dataclass
class Writer:
    """Blocks into HTML. `scrolling`: each table in a box that scrolls sideways on a narrow
    screen (the website). `anchors`: headings get the ids `<anchors>-1`, `<anchors>-2`...,
    so a page can link to them and Pagefind files the text under each one under its own
    heading; one writer a page part, each part with its own prefix."""

    scrolling: bool = False
    anchors: str = ""
    _headings: int = field(default=0, init=False, repr=False)

    def blocks(self, items: tuple[Block, ...] | list[Block]) -> Markup:
        return Markup("\n").join(self.block(item) for item in items)

    def block(self, item: Block) -> Markup:
        if isinstance(item, Heading):
            return self.heading(item)
        if isinstance(item, Paragraph):
            return Markup("<p>%s</p>") % inlines(item.children)
        if isinstance(item, ListBlock):
            tag = Markup("ol") if item.ordered else Markup("ul")
            start = Markup(' start="%d"') % item.start if item.ordered and item.start != 1 \
                else Markup("")
            body = Markup("").join(Markup("<li>%s</li>") % self.blocks(entry)
                                   for entry in item.items)
            return Markup("<%s%s>%s</%s>") % (tag, start, body, tag)
        if isinstance(item, Quote):
            return Markup("<blockquote>%s</blockquote>") % self.blocks(item.children)
        if isinstance(item, CodeBlock):
            return Markup("<pre><code>%s</code></pre>") % item.text
        if isinstance(item, Rule):
            return Markup("<hr>")
        if isinstance(item, Table):
            return self.table(item)
        if isinstance(item, ForeignBlock):   # the note in the page's language, then the text
            return Markup('<div class="untranslated"><p class="untranslated-note">%s</p>'
                          '<div lang="%s" dir="%s">%s</div></div>') % (
                item.note, item.lang, direction(item.lang), self.blocks(item.children))
        raise TypeError(f"unknown block {item!r}")

    def heading(self, item: Heading) -> Markup:
        level = min(max(item.level, 1), 6)
        if not self.anchors:
            return Markup("<h%d>%s</h%d>") % (level, inlines(item.children), level)
        self._headings += 1
        return Markup('<h%d id="%s-%d">%s</h%d>') % (
            level, self.anchors, self._headings, inlines(item.children), level)

    def cell(self, tag: Markup, content: tuple[Block, ...], scope: str = "") -> Markup:
        attribute = Markup(' scope="%s"') % scope if scope else Markup("")
        return Markup("<%s%s>%s</%s>") % (tag, attribute, self.blocks(content), tag)

    def table(self, item: Table) -> Markup:
        rows = []
        if item.head:
            rows.append(Markup("<thead><tr>%s</tr></thead>") % Markup("").join(
                self.cell(Markup("th"), c, "col") for c in item.head))
        body = []
        for row in item.rows:
            cells = [self.cell(Markup("th"), row[0], "row")] if item.fields and row else []
            cells += [self.cell(Markup("td"), c) for c in (row[1:] if item.fields else row)]
            body.append(Markup("<tr>%s</tr>") % Markup("").join(cells))
        rows.append(Markup("<tbody>%s</tbody>") % Markup("\n").join(body))
        kind = Markup(' class="fields"') if item.fields else Markup("")
        caption = Markup("<caption>%s</caption>") % inlines(item.caption) if item.caption \
            else Markup("")
        out = Markup("<table%s>%s%s</table>") % (kind, caption, Markup("\n").join(rows))
        if self.scrolling:
            return Markup('<div class="table-wrap" tabindex="0">%s</div>') % out
        return out


def block(item: Block) -> Markup:
    return Writer().block(item)


def blocks(items: tuple[Block, ...] | list[Block]) -> Markup:
    return Writer().blocks(items)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates") / "render")),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


@cache
def _stylesheet() -> Markup:
    """The documents' CSS, a file of ogpctl's own (no record text), set in a <style>."""
    css = (data_dir("templates") / "render" / "document.css").read_text(encoding="utf-8")
    return Markup(css)


def write_html(doc: Document) -> bytes:
    page = _environment().get_template("document.html.j2").render(
        doc=doc, body=blocks(doc.blocks), css=_stylesheet(), dir="rtl" if doc.rtl else "ltr")
    return page.encode("utf-8")

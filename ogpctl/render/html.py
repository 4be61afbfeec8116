"""The document model as one self-contained, accessible HTML file (print-ready on A4 and
Letter). Every record text is escaped; links are only those `prose.safe_href` allowed."""

from __future__ import annotations

from functools import cache

import jinja2
from markupsafe import Markup, escape

from ogpctl.render.blocks import (Block, Break, Code, CodeBlock, Document, Emphasis, Foreign,
                                  ForeignBlock, Heading, Inline, Link, ListBlock, Paragraph,
                                  Quote, Rule, Strong, Table, Text)
from ogpctl.resources import data_dir


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
        elif isinstance(item, Foreign):
            out += Markup('<span lang="%s" class="untranslated">%s</span> '
                          '<small class="untranslated-note">(%s)</small>') % (
                item.lang, inlines(item.children), item.note)
    return out


def block(item: Block) -> Markup:
    if isinstance(item, Heading):
        level = min(max(item.level, 1), 6)
        return Markup("<h%d>%s</h%d>") % (level, inlines(item.children), level)
    if isinstance(item, Paragraph):
        return Markup("<p>%s</p>") % inlines(item.children)
    if isinstance(item, ListBlock):
        tag = "ol" if item.ordered else "ul"
        start = Markup(' start="%d"') % item.start if item.ordered and item.start != 1 else ""
        body = Markup("").join(Markup("<li>%s</li>") % blocks(entry) for entry in item.items)
        return Markup("<%s%s>%s</%s>") % (Markup(tag), start, body, Markup(tag))
    if isinstance(item, Quote):
        return Markup("<blockquote>%s</blockquote>") % blocks(item.children)
    if isinstance(item, CodeBlock):
        return Markup("<pre><code>%s</code></pre>") % item.text
    if isinstance(item, Rule):
        return Markup("<hr>")
    if isinstance(item, Table):
        return table(item)
    if isinstance(item, ForeignBlock):
        return Markup('<div lang="%s" class="untranslated"><p class="untranslated-note">'
                      '%s</p>%s</div>') % (item.lang, item.note, blocks(item.children))
    raise TypeError(f"unknown block {item!r}")


def blocks(items: tuple[Block, ...] | list[Block]) -> Markup:
    return Markup("\n").join(block(item) for item in items)


def _cell(tag: str, content: tuple[Block, ...], scope: str = "") -> Markup:
    attribute = Markup(' scope="%s"') % scope if scope else Markup("")
    return Markup("<%s%s>%s</%s>") % (Markup(tag), attribute, blocks(content), Markup(tag))


def table(item: Table) -> Markup:
    rows = []
    if item.head:
        rows.append(Markup("<thead><tr>%s</tr></thead>") % Markup("").join(
            _cell("th", c, "col") for c in item.head))
    body = []
    for row in item.rows:
        cells = [_cell("th", row[0], "row")] if item.fields and row else []
        cells += [_cell("td", c) for c in (row[1:] if item.fields else row)]
        body.append(Markup("<tr>%s</tr>") % Markup("").join(cells))
    rows.append(Markup("<tbody>%s</tbody>") % Markup("\n").join(body))
    kind = Markup(' class="fields"') if item.fields else Markup("")
    caption = Markup("<caption>%s</caption>") % inlines(item.caption) if item.caption else ""
    return Markup("<table%s>%s%s</table>") % (kind, caption, Markup("\n").join(rows))


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates") / "render")),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def write_html(doc: Document) -> bytes:
    env = _environment()
    css = (data_dir("templates") / "render" / "document.css").read_text(encoding="utf-8")
    page = env.get_template("document.html.j2").render(
        doc=doc, body=blocks(doc.blocks), css=Markup(css), dir="rtl" if doc.rtl else "ltr")
    return page.encode("utf-8")

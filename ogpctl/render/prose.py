"""Record Markdown (long fields and plan sections) into the document model.

markdown-it-py parses CommonMark with GitHub tables and strikethrough; raw HTML is off, so
`<script>` stays text. Only http, https, mailto and relative links survive; an image becomes
a link to it, so no document loads anything by itself.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ogpctl.render.blocks import (Block, Break, Code, CodeBlock, Emphasis, Heading, Inline,
                                  Link, ListBlock, Paragraph, Quote, Rule, Strong, Table, Text)

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def safe_href(url: str) -> str | None:
    """`url` when it is http(s), mailto or a relative path; None otherwise."""
    url = url.strip()
    if not url or any(c.isspace() or not c.isprintable() for c in url) or "\\" in url:
        return None
    scheme = _SCHEME.match(url)
    if scheme:
        return url if scheme.group(1).lower() in SAFE_SCHEMES else None
    return None if url.startswith("//") else url


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable(["table", "strikethrough"])
    parser.validateLink = lambda url: True   # every link is judged by safe_href instead
    return parser


def parse(markdown: str, base_level: int = 2) -> list[Block]:
    """Blocks of `markdown`; its headings start at `base_level` (a `#` becomes that level)."""
    from markdown_it.tree import SyntaxTreeNode

    tree = SyntaxTreeNode(_parser().parse(markdown))
    return _blocks(tree.children, base_level)


def _blocks(nodes: list, base: int) -> list[Block]:
    out: list[Block] = []
    for node in nodes:
        block = _block(node, base)
        if block is not None:
            out.append(block)
    return out


def _block(node: Any, base: int) -> Block | None:
    kind = node.type
    if kind == "heading":
        level = min(6, base + int(node.tag[1]) - 1)
        return Heading(level, _inlines_of(node))
    if kind == "paragraph":
        return Paragraph(_inlines_of(node))
    if kind in ("bullet_list", "ordered_list"):
        start = int(node.attrs.get("start", 1) or 1)
        items = tuple(tuple(_item_blocks(item, base)) for item in node.children)
        return ListBlock(items, ordered=kind == "ordered_list", start=start)
    if kind == "blockquote":
        return Quote(tuple(_blocks(node.children, base)))
    if kind in ("fence", "code_block"):
        return CodeBlock(node.content.rstrip("\n"))
    if kind == "hr":
        return Rule()
    if kind == "table":
        return _table(node)
    if kind == "html_block":   # unreachable with html off; kept as text to be safe
        return Paragraph((Text(node.content),))
    return None


def _item_blocks(item: Any, base: int) -> list[Block]:
    blocks = []
    for child in item.children:
        if child.type == "paragraph":   # tight lists hide their paragraphs
            blocks.append(Paragraph(_inlines_of(child)))
        else:
            block = _block(child, base)
            if block is not None:
                blocks.append(block)
    return blocks


def _table(node: Any) -> Table:
    head: tuple = ()
    rows = []
    for section in node.children:
        for row in section.children:
            cells = tuple((Paragraph(_inlines_of(cell)),) for cell in row.children)
            if section.type == "thead":
                head = cells
            else:
                rows.append(cells)
    return Table(head, tuple(rows))


def _inlines_of(node: Any) -> tuple[Inline, ...]:
    inline = node.children[0] if node.children and node.children[0].type == "inline" else node
    return tuple(_inlines(inline.children))


def _inlines(nodes: list) -> list[Inline]:
    out: list[Inline] = []
    for node in nodes:
        kind = node.type
        if kind == "text":
            _append_text(out, node.content)
        elif kind in ("softbreak",):
            _append_text(out, " ")
        elif kind == "hardbreak":
            out.append(Break())
        elif kind == "code_inline":
            out.append(Code(node.content))
        elif kind == "strong":
            out.append(Strong(tuple(_inlines(node.children))))
        elif kind in ("em", "s"):
            out.append(Emphasis(tuple(_inlines(node.children))))
        elif kind == "link":
            out.extend(_link(node.attrs.get("href", ""), tuple(_inlines(node.children))))
        elif kind == "image":
            alt = tuple(_inlines(node.children)) or (Text(node.attrs.get("src", "")),)
            out.extend(_link(node.attrs.get("src", ""), alt))
        elif kind in ("html_inline",):
            _append_text(out, node.content)
    return out


def _link(href: str, children: tuple[Inline, ...]) -> list[Inline]:
    target = safe_href(str(href))
    return [Link(target, children)] if target else list(children)


def _append_text(out: list[Inline], value: str) -> None:
    if out and isinstance(out[-1], Text):
        out[-1] = Text(out[-1].text + value)
    else:
        out.append(Text(value))

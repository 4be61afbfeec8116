"""Record Markdown (long fields and plan sections) into the document model.

markdown-it-py parses CommonMark with GitHub tables and strikethrough. HTML comments are
notes to the writers (the guide questions `ogpctl new-plan` writes into each section): they
are dropped, so no document or web page shows them. Any other raw HTML stays text, so
`<script>` is shown, never run. Only http, https, mailto and relative links survive; an image
becomes a link to it, so no document loads anything by itself.

The work is bounded: markdown-it-py takes up to 10 microseconds a character on
pathological input (650 KB of brackets or table rows took 9 s to render), so a text
longer than MAX_MARKDOWN characters is shown as plain paragraphs, and `check` says so
(R015). Inline marks nested deeper than MAX_NESTING (`*` 1,000 times on each side of a
word) are dropped, keeping their text: the syntax tree is built by recursion.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from ogpctl.record.evidence import address_problem
from ogpctl.render.blocks import (
    Block,
    Break,
    Code,
    CodeBlock,
    Emphasis,
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
)
from ogpctl.source.text import MAX_MARKDOWN

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
#: An HTML comment, or one left open up to the end of its block (as has_prose reads it).
COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
#: Inline marks kept inside one another (block nesting is bounded by the parser's own
#: maxNesting, 20 in the CommonMark preset).
MAX_NESTING = 20
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def safe_href(url: str) -> str | None:
    """`url` when it is http(s), mailto or a relative path; None otherwise."""
    url = url.strip()
    if not url or any(c.isspace() or not c.isprintable() for c in url) or "\\" in url:
        return None
    scheme = _SCHEME.match(url)
    if scheme:
        name = scheme.group(1).lower()
        if name in ("http", "https"):   # one judgement of web addresses, check's too (F116)
            return url if address_problem(url) is None else None
        return url if name in SAFE_SCHEMES else None
    return None if url.startswith("//") else url


@cache
def _parser(html: bool) -> Any:
    """The Markdown parser; with `html` it tells raw HTML (and so comments) from text."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": html, "linkify": False, "typographer": False})
    parser.enable(["table", "strikethrough"])
    # every link is judged by safe_href instead (validateLink is markdown-it's hook for it)
    parser.validateLink = lambda url: True   # type: ignore[method-assign]
    return parser


def parse(markdown: str, base_level: int = 2) -> list[Block]:
    """Blocks of `markdown` without its HTML comments; its headings start at `base_level`
    (a `#` becomes that level). Past MAX_MARKDOWN characters, plain paragraphs."""
    if len(markdown) > MAX_MARKDOWN:
        return plain(markdown)
    return list(_parsed(markdown, base_level))


@lru_cache(maxsize=32768)
def _parsed(markdown: str, base_level: int) -> tuple[Block, ...]:
    """Parsed once a process: the website shows each text on a page, in the commitment's
    document and in the action plan. Blocks are immutable, so they are shared."""
    return _plain_paragraph(markdown) or tuple(_parse(markdown, base_level, html=True))


#: What can make Markdown of text: inline marks, escapes, entities, HTML, tables, and the
#: characters CommonMark reads apart (tab, carriage return, NUL, form feed).
_MARKS = re.compile(r"[\\`*_\[\]<>!&|~\r\t\x00\x0b\x0c]")


def _plain_paragraph(markdown: str) -> tuple[Block, ...] | None:
    """The one paragraph of a text that holds no Markdown (most record texts: four in five
    in the benchmark corpus), made without the parser, as it makes it: lines with no
    space at either end, none blank, none that could open a block (`#`, `-`, `+`, `=`, a
    digit), joined by spaces. None for any other text."""
    if _MARKS.search(markdown):
        return None
    lines = markdown.split("\n")
    for line in lines:
        if not line or line != line.strip() or line[0] in "#-+=" or line[0].isdigit():
            return None
    return (Paragraph((Text(" ".join(lines)),)),)


def plain(markdown: str) -> list[Block]:
    """The text without its comments, as paragraphs split at blank lines: no formatting,
    and work linear in the length at C speed."""
    parts = _BLANK_LINE.split(COMMENT.sub("", markdown))
    return [Paragraph((Text(" ".join(part.split())),)) for part in parts if part.strip()]


def _parse(markdown: str, base_level: int, html: bool) -> list[Block]:
    from markdown_it.tree import SyntaxTreeNode

    tokens = _parser(html).parse(markdown)
    for token in tokens:
        if token.type == "inline" and token.children:
            token.children = _shallow(token.children)
    return _blocks(SyntaxTreeNode(tokens).children, base_level)


def _shallow(tokens: list) -> list:
    """Inline tokens without the opening and closing marks nested past MAX_NESTING."""
    kept, depth = [], 0
    for token in tokens:
        if token.nesting == 1:
            depth += 1
            if depth > MAX_NESTING:
                continue
        elif token.nesting == -1:
            depth -= 1
            if depth >= MAX_NESTING:
                continue
        kept.append(token)
    return kept


def _blocks(nodes: list, base: int) -> list[Block]:
    out: list[Block] = []
    for node in nodes:
        if node.type == "html_block":
            out.extend(_html_block(node.content, base))
            continue
        block = _block(node, base)
        if block is not None:
            out.append(block)
    return out


def _html_block(content: str, base: int) -> list[Block]:
    """A raw HTML block less its comments, the rest read as Markdown with HTML off (so it is
    text): `<div>**b**</div>` shows the tags and a bold b, as before comments were known."""
    rest = COMMENT.sub("", content)
    return _parse(rest, base, html=False) if rest.strip() else []


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
    return None


def _item_blocks(item: Any, base: int) -> list[Block]:
    blocks: list[Block] = []
    for child in item.children:
        if child.type == "paragraph":   # tight lists hide their paragraphs
            blocks.append(Paragraph(_inlines_of(child)))
        else:
            blocks.extend(_blocks([child], base))
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
    """Inlines with each run of text joined once (joining as they come was quadratic in a
    paragraph of many lines)."""
    out: list[Inline | str] = []
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
        elif kind == "html_inline" and not node.content.startswith("<!--"):
            _append_text(out, node.content)     # a tag is shown as text; a comment is dropped
    return _joined(out)


def _link(href: str, children: tuple[Inline, ...]) -> list[Inline]:
    target = safe_href(str(href))
    return [Link(target, children)] if target else list(children)


def _append_text(out: list[Inline | str], value: str) -> None:
    out.append(value)   # joined with its neighbours by _joined


def _joined(items: list[Inline | str]) -> list[Inline]:
    out: list[Inline] = []
    run: list[str] = []
    for item in items + [Break()]:
        if isinstance(item, str):
            run.append(item)
            continue
        text = "".join(run)
        if text:
            out.append(Text(text))
        run = []
        out.append(item)
    return out[:-1]

"""The document model as the JSON tree the PDF template walks (`templates/render/document.typ`).

No record text is ever spliced into Typst markup: the tree travels as one JSON string in
Typst's `sys.inputs`, and the one fixed template places each string as content, which Typst
shows letter for letter (`*`, `#`, `$`, `@`, `<` stay what they are). A node is a list whose
first item names its kind (the template's table of kinds); the short names keep the JSON of
a long plan small. Links keep only the addresses `prose.safe_href` allows (http, https,
mailto, a relative path), as the HTML and DOCX writers link them; any other stays its text.
"""

from __future__ import annotations

import json
from typing import Any

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
from ogpctl.render.prose import safe_href
from ogpctl.source.bidi import shown

Node = list[Any]


def tree(doc: Document, fonts: tuple[str, ...], mono: tuple[str, ...]) -> str:
    """The JSON the template reads: the document, and the font families to lay it out in
    (`fonts` for its text, `mono` for code), in the order they are looked for."""
    return json.dumps({
        "title": inlines(doc.title), "title-text": shown(doc.title_text),
        "subtitle": inlines(doc.subtitle), "lang": language(doc.lang), "rtl": doc.rtl,
        "fonts": list(fonts), "mono": list(mono),
        "blocks": [block(item) for item in doc.blocks]},
        ensure_ascii=False, separators=(",", ":"))


def language(code: str) -> dict[str, str]:
    """Typst's `lang` and `region` of a language code (`pt-BR` -> pt and BR; a script
    such as `zh-Hant` is not one of Typst's settings): nothing Typst would refuse, none
    for a code it cannot take."""
    parts = code.replace("_", "-").split("-")
    if not (2 <= len(parts[0]) <= 3 and parts[0].isascii() and parts[0].isalpha()):
        return {}
    found = {"lang": parts[0].lower()}
    region = next((part for part in parts[1:] if len(part) == 2 and part.isascii()
                   and part.isalpha()), None)
    if region is not None:
        found["region"] = region.upper()
    return found


def inlines(items: tuple[Inline, ...]) -> list[Node]:
    return [inline(item) for item in items]


def inline(item: Inline) -> Node:
    if isinstance(item, Text):
        return ["t", shown(item.text)]
    if isinstance(item, Strong):
        return ["b", inlines(item.children)]
    if isinstance(item, Emphasis):
        return ["i", inlines(item.children)]
    if isinstance(item, Code):
        return ["c", shown(item.text)]
    if isinstance(item, Link):
        href = safe_href(item.href)
        if href is None:
            return ["t", shown(plain(item.children))]
        return ["a", href, inlines(item.children), address(item)]
    if isinstance(item, Break):
        return ["br"]
    if isinstance(item, Foreign):
        return ["f", language(item.lang), rtl(item.lang), inlines(item.children),
                shown(item.note)]
    raise TypeError(f"unknown inline {item!r}")


def blocks(items: tuple[Block, ...] | list[Block]) -> list[Node]:
    return [block(item) for item in items]


def block(item: Block) -> Node:
    if isinstance(item, Heading):
        return ["h", max(int(item.level), 1), inlines(item.children)]
    if isinstance(item, Paragraph):
        return ["p", inlines(item.children)]
    if isinstance(item, ListBlock):
        return ["l", item.ordered, int(item.start), [blocks(entry) for entry in item.items]]
    if isinstance(item, Quote):
        return ["q", blocks(item.children)]
    if isinstance(item, CodeBlock):
        return ["pre", shown(item.text)]
    if isinstance(item, Rule):
        return ["hr"]
    if isinstance(item, Table):
        return ["tbl", [blocks(cell) for cell in item.head],
                [[blocks(cell) for cell in row] for row in item.rows],
                inlines(item.caption), item.fields]
    if isinstance(item, ForeignBlock):
        return ["fb", language(item.lang), rtl(item.lang), blocks(item.children),
                shown(item.note)]
    raise TypeError(f"unknown block {item!r}")

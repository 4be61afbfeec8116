"""The Markdown writer: every block of the document model, wherever a list puts it, reads
back in CommonMark as the block it is (a newuser3 G4: a fallback note after a field's label
showed a literal ">")."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ogpctl.render.blocks import (
    Block,
    CodeBlock,
    Document,
    ForeignBlock,
    Heading,
    ListBlock,
    Quote,
    Rule,
    Table,
    paragraph,
    text,
)
from ogpctl.render.markdown import write_markdown

#: Each block kind and the token CommonMark opens it with.
KINDS: dict[str, tuple[Block, str]] = {
    "fallback": (ForeignBlock("es", (paragraph("Hola"),), "Not yet translated"),
                 "blockquote_open"),
    "quote": (Quote((paragraph("quoted"),)), "blockquote_open"),
    "list": (ListBlock(((paragraph("one"),), (paragraph("two"),))), "bullet_list_open"),
    "ordered list": (ListBlock(((paragraph("one"),),), ordered=True, start=3),
                     "ordered_list_open"),
    "table": (Table(((paragraph("head"),),), (((paragraph("cell"),),),)), "table_open"),
    "fields": (Table((), (((paragraph("Inner"),), (paragraph("value"),)),), fields=True),
               "bullet_list_open"),
    "code": (CodeBlock("x = 1"), "fence"),
    "heading": (Heading(3, text("Head")), "heading_open"),
    "rule": (Rule(), "hr"),
}


def tokens(doc: Document) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(write_markdown(doc).decode())


def items(found: list[Token]) -> list[list[Token]]:
    """The tokens inside each top-level list item."""
    out: list[list[Token]] = []
    depth = 0
    for token in found:
        if token.type == "list_item_open":
            depth += 1
            if depth == 1:
                out.append([])
                continue
        elif token.type == "list_item_close":
            depth -= 1
        if depth >= 1:
            out[-1].append(token)
    return out


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_block_opening_a_field_or_a_list_item_stays_that_block(kind: str) -> None:
    block, opening = KINDS[kind]
    doc = Document(text("T"), "en", False, [
        Table((), (((paragraph("What was received"),), (block,)),), fields=True),
        ListBlock(((block,),)),
    ])
    found = tokens(doc)
    top = [t for t in found if t.level == 0 and t.type.endswith("list_open")]
    assert len(top) == 2, "the field list and the list that follows it ran together"
    field, entry = items(found)
    assert opening in [t.type for t in field], f"{kind} after a field's label"
    assert opening in [t.type for t in entry], f"{kind} opening a list item"
    shown = " ".join(c.content for t in found for c in t.children or [])
    assert ">" not in shown and "|" not in shown and "---" not in shown


def test_lists_one_after_another_stay_apart() -> None:
    lists = [ListBlock(((paragraph("a"),),)), ListBlock(((paragraph("b"),),)),
             ListBlock(((paragraph("c"),),)), ListBlock(((paragraph("1"),),), ordered=True),
             ListBlock(((paragraph("2"),),), ordered=True)]
    found = tokens(Document(text("T"), "en", False, list(lists)))
    assert len([t for t in found if t.level == 0 and t.type.endswith("list_open")]) == 5

"""The document model every format is written from: a small tree of blocks and inlines.

Builders (one a document) turn the record into this tree in one language; writers (one a
format) turn the tree into bytes. So Markdown, HTML and DOCX cannot drift apart, and every
record value reaches a writer as text to escape, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class Link:
    """A link whose address was checked: http, https, mailto or a relative path."""

    href: str
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Break:
    pass


@dataclass(frozen=True)
class Foreign:
    """Content shown in another language than the document's (a missing translation),
    marked visibly by every writer with `note`."""

    lang: str
    children: tuple[Inline, ...]
    note: str


Inline: TypeAlias = Text | Strong | Emphasis | Code | Link | Break | Foreign


def address(link: Link) -> bool:
    """Whether a link is shown as its own address (an evidence URL), which reads left to
    right in any document, as a path (`Code`) does: an Arabic PDF wrapped one with its
    slashes at the wrong end."""
    return len(link.children) == 1 and isinstance(link.children[0], Text) \
        and link.children[0].text.startswith(("http://", "https://", "mailto:"))


@dataclass(frozen=True)
class Heading:
    level: int                    # 1 for the document title; 2.. for sections
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Paragraph:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class ListBlock:
    items: tuple[tuple[Block, ...], ...]
    ordered: bool = False
    start: int = 1


@dataclass(frozen=True)
class Quote:
    children: tuple[Block, ...]


@dataclass(frozen=True)
class CodeBlock:
    text: str


@dataclass(frozen=True)
class Rule:
    pass


Cell = tuple["Block", ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row; `fields` tables have a header column instead (label,
    value), like the header table of the commitment template."""

    head: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: tuple[Inline, ...] = ()
    fields: bool = False


@dataclass(frozen=True)
class ForeignBlock:
    """Blocks shown in another language than the document's (a missing translation)."""

    lang: str
    children: tuple[Block, ...]
    note: str


Block: TypeAlias = (Heading | Paragraph | ListBlock | Quote | CodeBlock | Rule | Table
                    | ForeignBlock)


@dataclass
class Document:
    """One rendered document in one language."""

    #: The heading, as inlines: a record text shown in another language (a plan title not
    #: yet translated) keeps its language, direction and note, as in the body.
    title: tuple[Inline, ...]
    lang: str
    rtl: bool
    blocks: list[Block] = field(default_factory=list)
    subtitle: tuple[Inline, ...] = ()

    @property
    def title_text(self) -> str:
        """The title as plain text, for metadata (an HTML <title>, Word's properties)."""
        return plain(self.title)


def text(value: str) -> tuple[Inline, ...]:
    return (Text(value),) if value else ()


def paragraph(value: str) -> Paragraph:
    return Paragraph(text(value))


def rtl(lang: str) -> bool:
    """Whether `lang` is written right to left (CLDR, through Babel): each writer gives
    content in another language than the document's (`Foreign`, `ForeignBlock`) its own
    direction, so an English fallback in an Arabic document keeps its punctuation."""
    from ogpctl.base.i18n import Language

    return Language(lang).rtl


def direction(lang: str) -> str:
    """HTML's `dir` of `lang`: "rtl" or "ltr"."""
    return "rtl" if rtl(lang) else "ltr"


def plain(inlines: tuple[Inline, ...]) -> str:
    """The text of inlines, without markup (for titles and alt texts)."""
    parts = []
    for item in inlines:
        if isinstance(item, (Text, Code)):
            parts.append(item.text)
        elif isinstance(item, Break):
            parts.append(" ")
        elif isinstance(item, (Strong, Emphasis, Link, Foreign)):
            parts.append(plain(item.children))
    return "".join(parts)

"""The document model as GitHub-flavoured Markdown, readable in a pull request.

Every record text is escaped, so a value cannot become a heading, a list, a link or HTML;
the only markup is the document's own.
"""

from __future__ import annotations

import re
from dataclasses import replace

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
    rtl,
)
from ogpctl.source.bidi import shown

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~!#])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])(?=\s|$)")


#: Line breaks inside a text: a record value (a date that is not one, quoted with "\n")
#: would otherwise start a list item, a heading or a quote on the next line.
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x85\u2028\u2029]+")


def escape(text: str) -> str:
    """A text as Markdown that shows it as written, on one line: only the document's own
    blocks (and `Break`) start lines."""
    return _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", shown(text))))


def guard_start(text: str) -> str:
    """A paragraph must not start like a list item, a quote or a heading underline."""
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1],
                           text)


def _code(text: str) -> str:
    text = _LINE_BREAKS.sub(" ", text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def inlines(items: tuple[Inline, ...], table: bool = False) -> str:
    out = []
    for item in items:
        if isinstance(item, Text):
            out.append(escape(item.text))
        elif isinstance(item, Strong):
            out.append(f"**{inlines(item.children, table)}**")
        elif isinstance(item, Emphasis):
            out.append(f"*{inlines(item.children, table)}*")
        elif isinstance(item, Code):
            out.append(_code(item.text.replace("|", "\\|") if table else item.text))
        elif isinstance(item, Link):
            href = item.href.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
            out.append(f"[{inlines(item.children, table)}](<{href}>)"
                       if ">" not in href else inlines(item.children, table))
        elif isinstance(item, Break):
            out.append("<br>" if table else "\\\n")
        elif isinstance(item, Foreign):
            out.append(f"{inlines(item.children, table)} *({escape(item.note)})*")
    return "".join(out)


def block(item: Block) -> str:
    if isinstance(item, Heading):
        return f"{'#' * item.level} {inlines(item.children)}"
    if isinstance(item, Paragraph):
        return guard_start(inlines(item.children))
    if isinstance(item, ListBlock):
        return _list(item)
    if isinstance(item, Quote):
        return "\n".join(f"> {line}" if line else ">" for line in blocks(item.children)
                         .splitlines())
    if isinstance(item, CodeBlock):
        fence = "`" * max(3, max((len(r) for r in re.findall(r"`+", item.text)), default=0) + 1)
        return f"{fence}\n{item.text}\n{fence}"
    if isinstance(item, Rule):
        return "---"
    if isinstance(item, Table):
        return _fields(item) if item.fields else _table(item)
    if isinstance(item, ForeignBlock):
        return f"> *{escape(item.note)}*\n>\n" + "\n".join(
            f"> {line}" if line else ">" for line in blocks(item.children).splitlines())
    raise TypeError(f"unknown block {item!r}")


def _list_kind(item: Block) -> str:
    """"ordered" or "bullet" for a block written as a Markdown list, else ""."""
    if isinstance(item, ListBlock):
        return "ordered" if item.ordered else "bullet"
    return "bullet" if isinstance(item, Table) and item.fields else ""


def blocks(items: tuple[Block, ...] | list[Block]) -> str:
    """Blocks one after another; a list right after a list of its kind takes the other
    marker, or CommonMark would read the two as one list."""
    out: list[str] = []
    previous, other = "", False
    for item in items:
        kind = _list_kind(item)
        other = bool(kind) and kind == previous and not other
        if isinstance(item, ListBlock):
            out.append(_list(item, other))
        elif isinstance(item, Table) and kind:
            out.append(_fields(item, other))
        else:
            out.append(block(item))
        previous = kind
    return "\n\n".join(out)


def _list(item: ListBlock, other: bool = False) -> str:
    lines = []
    for number, entry in enumerate(item.items, start=item.start):
        marker = (f"{number}{')' if other else '.'} " if item.ordered
                  else ("* " if other else "- "))
        text = blocks(entry).splitlines() or [""]
        if text[0] == "---":   # "- ---" would be a rule, not an item holding one
            text[0] = "___"
        pad = " " * len(marker)
        lines.append(marker + text[0])
        lines.extend(pad + line if line else "" for line in text[1:])
    return "\n".join(lines)


def cell(items: tuple[Block, ...]) -> str:
    """A cell on one line: paragraphs joined by line breaks, lists as bullets."""
    parts: list[str] = []
    for item in items:
        if isinstance(item, ListBlock):
            parts.extend("• " + cell(entry) for entry in item.items)
        elif isinstance(item, (Paragraph, Heading)):
            parts.append(inlines(item.children, table=True))
        elif isinstance(item, ForeignBlock):
            parts.append(f"*({escape(item.note)})* " + cell(item.children))
        elif isinstance(item, Table):
            parts.extend(cell(c) for row in item.rows for c in row)
        else:
            parts.append(escape(" ".join(block(item).split())))
    return "<br>".join(p for p in parts if p)


def _table(item: Table) -> str:
    width = max([len(item.head)] + [len(r) for r in item.rows])
    head = list(item.head) + [()] * (width - len(item.head))
    lines = ["| " + " | ".join(cell(c) for c in head) + " |",
             "|" + "---|" * width]
    for row in item.rows:
        cells = list(row) + [()] * (width - len(row))
        lines.append("| " + " | ".join(cell(c) for c in cells) + " |")
    return "\n".join(lines)


def _fields(item: Table, other: bool = False) -> str:
    """Label and value pairs as a list: easier to read in a diff than a two-column table."""
    entries = []
    for row in item.rows:
        label = cell(row[0]) if row else ""
        content = list(row[1]) if len(row) > 1 else []
        opening = content[0] if content else None
        lead = ""
        if isinstance(opening, Paragraph):   # after the label, a paragraph cannot be a list
            lead = inlines(opening.children)
            content = content[1:]
        value = "\n\n".join(p for p in (lead, blocks(content)) if p) or "—"
        if not lead and content:   # a block (a quote, a list, a table) starts its own line
            value = "\n\n" + value
        first, _, rest = value.partition("\n")
        entry = f"{'*' if other else '-'} **{label}:** {first}".rstrip()
        if rest:
            entry += "\n" + "\n".join("  " + line if line else "" for line in rest.splitlines())
        entries.append(entry)
    return "\n".join(entries)


# -- direction ------------------------------------------------------------------------------
# Markdown has no `dir`: text in another direction than its surroundings (an English
# fallback in an Arabic document) is held together by a direction mark on each side, so
# its punctuation stays with it; a fallback paragraph starting with its mark is also laid
# out in its own direction where paragraphs take the direction of their first letter
# (GitHub). Marks, not isolates: they hold no state that could spill into the next text.

def _marked(items: tuple[Inline, ...], lang: str) -> tuple[Inline, ...]:
    mark = Text("\u200f" if rtl(lang) else "\u200e")
    return (mark, *items, mark) if items else items


def _directed_inlines(items: tuple[Inline, ...], right: bool) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for item in items:
        if isinstance(item, Foreign):
            children = _directed_inlines(item.children, rtl(item.lang))
            if rtl(item.lang) != right:
                children = _marked(children, item.lang)
            out.append(replace(item, children=children))
        elif isinstance(item, (Strong, Emphasis, Link)):
            out.append(replace(item, children=_directed_inlines(item.children, right)))
        else:
            out.append(item)
    return tuple(out)


def directed(items: tuple[Block, ...], right: bool, lang: str = "") -> tuple[Block, ...]:
    """The blocks with direction marks where text changes direction; `right`: the
    surrounding text runs right to left; `lang`: inside a fallback in that language whose
    direction differs, each paragraph is marked whole."""
    out: list[Block] = []
    for item in items:
        if isinstance(item, (Paragraph, Heading)):
            children = _directed_inlines(item.children, right)
            out.append(replace(item, children=_marked(children, lang) if lang else children))
        elif isinstance(item, ListBlock):
            out.append(replace(item, items=tuple(directed(e, right, lang) for e in item.items)))
        elif isinstance(item, Quote):
            out.append(replace(item, children=directed(item.children, right, lang)))
        elif isinstance(item, Table):
            out.append(replace(
                item, head=tuple(directed(c, right, lang) for c in item.head),
                rows=tuple(tuple(directed(c, right, lang) for c in row) for row in item.rows)))
        elif isinstance(item, ForeignBlock):
            other = item.lang if rtl(item.lang) != right else ""
            out.append(replace(item, children=directed(item.children, rtl(item.lang), other)))
        else:
            out.append(item)
    return tuple(out)


def write_markdown(doc: Document) -> bytes:
    parts = [f"# {inlines(_directed_inlines(doc.title, doc.rtl))}"]
    if doc.subtitle:
        parts.append(f"*{inlines(_directed_inlines(doc.subtitle, doc.rtl))}*")
    parts.append(blocks(directed(tuple(doc.blocks), doc.rtl)))
    return ("\n\n".join(parts).rstrip() + "\n").encode("utf-8")

"""Word paragraphs as Markdown: bold and italic runs, safe hyperlinks, list items.

The notes ogpctl's own documents add to a text shown in another language ("(in English)",
"Not yet translated into French; shown in English.": italic runs highlighted in yellow) are
not part of any text and are left out; the text they mark is in the language its runs say
(`w:lang`), which `marked_language` gives. Without such a note a run's `w:lang` is not
trusted: Word sets it from the author's keyboard."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from ogpctl.render.prose import safe_href

#: Each document's paragraph style names by style id, None naming the default style.
_STYLE_NAMES: WeakKeyDictionary[Any, dict[str | None, str]] = WeakKeyDictionary()


def style_name(paragraph: Any) -> str:
    """The name of a paragraph's style ("Heading 2", "List Bullet"), "" for none. python-docx's
    `paragraph.style` scans every style of the document for each paragraph (and the default
    style again when it has none): a 70-table plan took 9 s. The names are read once a
    document here."""
    from docx.enum.style import WD_STYLE_TYPE

    part = paragraph.part
    document = getattr(part, "_document_part", part)
    names = _STYLE_NAMES.get(document)
    if names is None:
        styles = document.styles
        names = {style.style_id: style.name or "" for style in styles
                 if style.type == WD_STYLE_TYPE.PARAGRAPH}
        default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
        names[None] = (default.name or "") if default is not None else ""
        _STYLE_NAMES[document] = names
    style_id = paragraph._p.style
    return names.get(style_id, names[None])


def is_note(run: Any) -> bool:
    """Whether a run is a note ogpctl wrote about a text's language (italic, highlighted)."""
    from docx.oxml.ns import qn

    properties = run._r.rPr if hasattr(run, "_r") else None
    if properties is None or properties.find(qn("w:highlight")) is None:
        return False
    italic = properties.find(qn("w:i"))
    return italic is not None and italic.get(qn("w:val"), "1") not in ("0", "false", "off")


def run_language(run: Any) -> str | None:
    """The language a run says it is written in (`w:lang`), if any."""
    from docx.oxml.ns import qn

    properties = run._r.rPr
    said = properties.find(qn("w:lang")) if properties is not None else None
    return said.get(qn("w:val")) if said is not None else None


def text_language(paragraphs: list[Any]) -> str | None:
    """The one language the text runs of `paragraphs` (notes aside) say they are in."""
    said = {run_language(r) for p in paragraphs for r in p.runs
            if r.text.strip() and not is_note(r)}
    said.discard(None)
    return said.pop() if len(said) == 1 else None


def is_note_only(paragraph: Any) -> bool:
    """Whether a paragraph is only a note ("Not yet translated into …; shown in …")."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(is_note(r) for r in runs)


def marked_language(paragraphs: list[Any]) -> str | None:
    """The language of a text ogpctl marked as shown in another language than the
    document's (a note beside it or above it), else None."""
    if not any(is_note(r) for p in paragraphs for r in p.runs if r.text.strip()):
        return None
    return text_language(paragraphs)


def part_languages(paragraph: Any, separator: str = ": ") -> tuple[str | None, str | None]:
    """The languages ogpctl marked the two parts of "Name: role" with (None: the
    document's), each part's own: a French name may have an English role."""
    if not any(is_note(r) for r in paragraph.runs if r.text.strip()):
        return None, None
    runs = [(r.text, run_language(r)) for r in paragraph.runs if not is_note(r)]
    cut = "".join(text for text, _ in runs).find(separator)
    sides: tuple[set[str], set[str]] = (set(), set())
    at = 0
    for text, lang in runs:
        if text.strip() and lang:
            sides[0 if cut < 0 or at < cut else 1].add(lang)
        at += len(text)
    name, role = sides
    return (name.pop() if len(name) == 1 else None), (role.pop() if len(role) == 1 else None)


def paragraph_text(paragraph: Any) -> str:
    """A paragraph's plain text, without notes."""
    return "".join(item.text for item in paragraph.iter_inner_content()
                   if not is_note(item)).strip()


def cell_text(cell: Any) -> str:
    """A cell's plain text, a line a paragraph, without notes."""
    return "\n".join(paragraph_text(p) for p in cell.paragraphs).strip()


def is_list_item(paragraph: Any) -> bool:
    return "list" in style_name(paragraph).lower()


def paragraph_markdown(paragraph: Any) -> str:
    parts = []
    for item in paragraph.iter_inner_content():
        if hasattr(item, "address"):          # a hyperlink
            href = safe_href(item.address or "")
            text = item.text
            parts.append(f"[{text}]({href})" if href and text.strip() else text)
            continue
        if is_note(item):
            continue
        text = item.text
        if not text.strip():
            parts.append(text)
            continue
        lead, core, tail = _split_space(text)
        if item.bold and item.italic:
            core = f"***{core}***"
        elif item.bold:
            core = f"**{core}**"
        elif item.italic:
            core = f"*{core}*"
        parts.append(lead + core + tail)
    line = "".join(parts).strip()
    line = line.replace("****", "")   # two bold runs side by side are one
    style = style_name(paragraph)
    if is_list_item(paragraph) and line:
        return ("1. " if "number" in style.lower() else "- ") + line
    return line


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    start = text.index(core)
    return text[:start], core, text[start + len(core):]


def cell_markdown(cell: Any) -> str:
    """A table cell's paragraphs as Markdown, list items kept together."""
    lines = [paragraph_markdown(p) for p in cell.paragraphs]
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        joined = out and out[-1].startswith(("- ", "1. ")) and line.startswith(("- ", "1. "))
        out.append(("\n" if joined else "\n\n") + line if out else line)
    return "".join(out).strip()

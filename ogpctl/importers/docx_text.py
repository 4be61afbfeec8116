"""Word paragraphs as Markdown: bold and italic runs, safe hyperlinks, list items.

The notes ogpctl's own documents add to a text shown in another language ("(in English)",
"Not yet translated into French; shown in English.": italic runs highlighted in yellow) are
not part of any text and are left out."""

from __future__ import annotations

from typing import Any

from ogpctl.render.prose import safe_href


def is_note(run: Any) -> bool:
    """Whether a run is a note ogpctl wrote about a text's language (italic, highlighted)."""
    font = getattr(run, "font", None)
    return font is not None and bool(run.italic) and font.highlight_color is not None


def paragraph_text(paragraph: Any) -> str:
    """A paragraph's plain text, without notes."""
    return "".join(item.text for item in paragraph.iter_inner_content()
                   if not is_note(item)).strip()


def cell_text(cell: Any) -> str:
    """A cell's plain text, a line a paragraph, without notes."""
    return "\n".join(paragraph_text(p) for p in cell.paragraphs).strip()


def is_list_item(paragraph: Any) -> bool:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    return "list" in style.lower()


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
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
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

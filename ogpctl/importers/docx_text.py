"""Word paragraphs as Markdown: bold and italic runs, safe hyperlinks, list items."""

from __future__ import annotations

from typing import Any

from ogpctl.render.prose import safe_href


def paragraph_markdown(paragraph: Any) -> str:
    parts = []
    for item in paragraph.iter_inner_content():
        if hasattr(item, "address"):          # a hyperlink
            href = safe_href(item.address or "")
            text = item.text
            parts.append(f"[{text}]({href})" if href and text.strip() else text)
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
    if "list" in style.lower() and line:
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

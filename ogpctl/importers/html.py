"""HTML in a source's texts as record Markdown, under the rules every record text follows:
no raw HTML (a tag that has no Markdown form leaves only its text; scripts, styles and
their content go), and only http, https, mailto and relative links (any other link keeps
its text and loses its address). The links kept are also returned, as evidence.

markdownify does the conversion (it walks the HTML with BeautifulSoup's standard-library
parser); ogpctl decides which links survive and escapes what Markdown would read as HTML.
"""

from __future__ import annotations

import re
from typing import Any

from ogpctl.render.prose import safe_href

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
_LOOKS_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|&[a-zA-Z]+;|&#\d+;")


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_HTML.search(text))


def to_markdown(text: str) -> tuple[str, list[dict[str, Any]]]:
    """`text` (HTML or Markdown with HTML in it) as safe Markdown, and the safe links in it
    as evidence items ({title, url})."""
    if not looks_like_html(text):
        return text.strip(), _markdown_links(text)
    converter = _converter()
    links: list[dict[str, Any]] = []
    markdown = converter(links).convert(text)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip()
    return _no_html(markdown), links


def _no_html(markdown: str) -> str:
    """Any `<` that Markdown could read as the start of a tag, escaped."""
    return _TAG.sub(lambda m: "\\" + m.group(0), markdown)


_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")


def _markdown_links(text: str) -> list[dict[str, Any]]:
    found = []
    for title, url in _MD_LINK.findall(text):
        href = safe_href(url)
        if href and re.match(r"https?://", href):
            found.append({"title": title.strip(), "url": href} if title.strip()
                         else {"url": href})
    return found


def _converter() -> Any:
    from markdownify import MarkdownConverter

    class SafeConverter(MarkdownConverter):
        def __init__(self, links: list[dict[str, Any]]) -> None:
            super().__init__(heading_style="ATX", bullets="-", strip=["img"],
                             escape_misc=False)
            self.links = links

        def convert_a(self, el: Any, text: str, parent_tags: Any = None) -> str:
            href = safe_href(str(el.get("href") or ""))
            label = text.strip()
            if href is None or not label:
                return text
            if re.match(r"https?://", href):
                self.links.append({"title": label, "url": href} if label != href
                                  else {"url": href})
            return f"[{label}]({href})"

        def convert_script(self, el: Any, text: str, parent_tags: Any = None) -> str:
            return ""

        convert_style = convert_script
        convert_iframe = convert_script
        convert_object = convert_script

    return SafeConverter

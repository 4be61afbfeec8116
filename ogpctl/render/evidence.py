"""Evidence items (file paths in the record or web addresses) as inlines."""

from __future__ import annotations

from typing import Any

from ogpctl.record.evidence import public_address
from ogpctl.render.blocks import Code, Inline, Link, Text
from ogpctl.render.context import RenderContext
from ogpctl.render.prose import safe_href


def evidence_inlines(c: RenderContext, item: Any) -> tuple[Inline, ...]:
    """A path is shown as written (documents travel without the repository); an address
    is a link when its scheme is safe."""
    if isinstance(item, str):
        return _target(item, ())
    if isinstance(item, dict):
        title = c.inline(item.get("title"))
        target = item.get("url") or item.get("path")
        return _target(target, title) if isinstance(target, str) else title
    return ()


def _target(target: str, title: tuple[Inline, ...]) -> tuple[Inline, ...]:
    if target.startswith(("http://", "https://")):
        href = safe_href(target)
        label = title or (Text(public_address(target)),)
        return (Link(href, label),) if href else label
    return (*title, Text(" ("), Code(target), Text(")")) if title else (Code(target),)

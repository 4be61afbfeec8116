"""Documents from the record (handbook 2.1.d, 3.2.b, 3.2.c, 3.3) in every language and in
Markdown, HTML and DOCX: `build` makes the document tree, a writer makes the bytes."""

from __future__ import annotations

from datetime import date

from ogpctl.record.model import Record
from ogpctl.render.documents import DOCUMENTS, Request, build

FORMATS = ("md", "html", "docx")


def render_bytes(record: Record, request: Request, fmt: str, today: date) -> bytes:
    doc = build(record, request, today)
    if fmt == "md":
        from ogpctl.render.markdown import write_markdown

        return write_markdown(doc)
    if fmt == "html":
        from ogpctl.render.html import write_html

        return write_html(doc)
    from ogpctl.render.docx import write_docx

    return write_docx(doc, today)


def file_name(request: Request, fmt: str) -> str:
    number = f"-{request.commitment:02d}" if request.document == "commitment" else ""
    return f"{request.plan}-{request.document}{number}.{request.lang}.{fmt}"


__all__ = ["DOCUMENTS", "FORMATS", "Request", "build", "file_name", "render_bytes"]

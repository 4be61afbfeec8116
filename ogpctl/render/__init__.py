"""Documents from the record (handbook 2.1.d, 3.2.b, 3.2.c, 3.3) in every language and in
Markdown, HTML, DOCX and PDF: `build` makes the document tree, a writer makes the bytes."""

from __future__ import annotations

from datetime import date

from ogpctl.record.model import Record
from ogpctl.render.blocks import Document
from ogpctl.render.documents import DOCUMENTS, Request, build

FORMATS = ("md", "html", "docx", "pdf")


def write(doc: Document, fmt: str, today: date) -> bytes:
    """The bytes of a built document in one of `FORMATS`. Writers are imported when used:
    DOCX and PDF bring large libraries (PDF also system ones) that most commands never need."""
    if fmt == "md":
        from ogpctl.render.markdown import write_markdown

        return write_markdown(doc)
    if fmt == "html":
        from ogpctl.render.html import write_html

        return write_html(doc)
    if fmt == "docx":
        from ogpctl.render.docx import write_docx

        return write_docx(doc, today)
    if fmt == "pdf":
        from ogpctl.render.pdf import write_pdf

        return write_pdf(doc, today)
    raise ValueError(f"unknown document format {fmt!r}; choose from {', '.join(FORMATS)}")


def render_bytes(record: Record, request: Request, fmt: str, today: date) -> bytes:
    return write(build(record, request, today), fmt, today)


def file_name(request: Request, fmt: str) -> str:
    number = f"-{request.commitment:02d}" if request.document == "commitment" else ""
    return f"{request.plan}-{request.document}{number}.{request.lang}.{fmt}"


__all__ = ["DOCUMENTS", "FORMATS", "Request", "build", "file_name", "render_bytes", "write"]

"""The one registry of document writers: each `Format` a document can be written in, and
the writer that turns a built document (`blocks.Document`) into its bytes. The `render`
command and the website's downloads both write through `write`; a new format is a writer
module and one entry in `WRITERS`.

Writers are imported when used: DOCX and PDF bring large libraries (PDF also system ones)
that most commands never need, and the command line reads this module at start-up for
its choices."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ogpctl.render.blocks import Document


class Format(StrEnum):
    """A format documents are written in; its value is the file extension."""

    md = "md"
    html = "html"
    docx = "docx"
    pdf = "pdf"

    @property
    def text(self) -> bool:
        """Whether the document is text a terminal or a pipe can take (not a Word or PDF
        file)."""
        return self in (Format.md, Format.html)


class DocumentKind(StrEnum):
    """The documents of a plan ogpctl renders (handbook 2.1.d, 3.2.b, 3.2.c, 3.3)."""

    action_plan = "action-plan"
    commitment = "commitment"
    self_assessment = "self-assessment"
    reasoned_response = "reasoned-response"
    amendment_note = "amendment-note"


DOCUMENTS: tuple[DocumentKind, ...] = tuple(DocumentKind)

Writer = Callable[["Document", date], bytes]


def _markdown(doc: Document, today: date) -> bytes:
    from ogpctl.render.markdown import write_markdown

    return write_markdown(doc)


def _html(doc: Document, today: date) -> bytes:
    from ogpctl.render.html import write_html

    return write_html(doc)


def _docx(doc: Document, today: date) -> bytes:
    from ogpctl.render.docx import write_docx

    return write_docx(doc, today)


def _pdf(doc: Document, today: date) -> bytes:
    from ogpctl.render.pdf import write_pdf

    return write_pdf(doc, today)


WRITERS: dict[Format, Writer] = {Format.md: _markdown, Format.html: _html,
                                 Format.docx: _docx, Format.pdf: _pdf}


def write(doc: Document, fmt: Format | str, today: date) -> bytes:
    """The bytes of a built document in `fmt` (a `Format` or its name)."""
    try:
        writer = WRITERS[Format(fmt)]
    except ValueError:
        raise ValueError(f"unknown document format {fmt!r}; choose from "
                         f"{', '.join(Format)}") from None
    return writer(doc, today)

"""Documents from the record (handbook 2.1.d, 3.2.b, 3.2.c, 3.3) in every language and in
every `Format`: `build` makes the document tree, the writer `formats.WRITERS` holds for the
format makes the bytes.

This module is light on purpose (the command line reads `Format` at start-up): `build`,
`Request` and the document model are loaded when first used."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ogpctl.render.formats import DOCUMENTS, DocumentKind, Format, write

if TYPE_CHECKING:
    from ogpctl.record.model import Record
    from ogpctl.render.documents import Request, build

#: The format names, in the registry's order.
FORMATS = tuple(Format)


def render_bytes(record: Record, request: Request, fmt: Format | str, today: date) -> bytes:
    from ogpctl.render.documents import build

    return write(build(record, request, today), fmt, today)


def render_files(record: Record, requests: list[Request], fmt: Format | str, today: date
                 ) -> dict[str, bytes]:
    """Each requested document in `fmt`, by its file name (`file_name`). PDFs are laid out
    side by side, and a missing font is said once naming the files (`pdf.write_pdfs`)."""
    from ogpctl.render.documents import build

    chosen = Format(fmt)
    built = [(request, build(record, request, today)) for request in requests]
    if chosen != Format.pdf:
        return {file_name(request, chosen): write(doc, chosen, today) for request, doc in built}
    from ogpctl.render.pdf import write_pdfs

    return write_pdfs({file_name(request, chosen): doc for request, doc in built}, today)


def file_name(request: Request, fmt: Format | str) -> str:
    number = f"-{request.commitment:02d}" if request.document == "commitment" else \
        f"-{request.prepared}" if request.document == "self-assessment" and request.prepared \
        else ""
    return f"{request.plan}-{request.document}{number}.{request.lang}.{fmt}"


def __getattr__(name: str) -> Any:
    """`Request` and `build`, imported on first use (PEP 562)."""
    if name in ("Request", "build"):
        from ogpctl.render import documents

        return getattr(documents, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["DOCUMENTS", "FORMATS", "DocumentKind", "Format", "Request", "build", "file_name",
           "render_bytes", "render_files", "write"]

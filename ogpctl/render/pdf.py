"""The document as PDF, the format OGP publishes plans in: the document model laid out by
Typst (the `typst` wheel: no system library) on A4 with one fixed template
(`templates/render/document.typ`): running title, page numbers "n / N", headings kept
with what follows, tables whose header row repeats on each page, tagged for screen readers
(PDF/UA-1 unless a text has no font), in the document's language and direction. Fonts are
embedded (subset); text in a script no font has comes out as empty boxes, so it is said
(`ogpctl.render.fonts`).

The record never becomes Typst markup: the document travels as JSON (`render.typst.tree`)
and the template places its strings as text. Typst's root is an empty folder and the
template reads nothing, so a record cannot make the writer read a file or a URL.

The same document and date give the same bytes: the PDF's dates are the day rendered, at
00:00 UTC. One Typst compiler a process: the fonts are found and loaded once, and the
template parsed once. Several documents (`write_pdfs`, `pdfs_and_fonts`) are laid out one
after the other: a document takes Typst tens of milliseconds, less than a worker process
costs to start.
"""

from __future__ import annotations

import atexit
import os
import tempfile
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from functools import cache
from importlib.util import find_spec
from itertools import repeat
from types import ModuleType
from typing import Any

from ogpctl.base.errors import OgpctlError
from ogpctl.base.resources import data_dir
from ogpctl.render.blocks import Document
from ogpctl.render.fonts import fonts_of, fonts_used, scripts_in, typst_families
from ogpctl.render.typst import tree

#: The PDF standard every document is written to: PDF/UA-1, tagged and accessible.
STANDARD = "ua-1"
#: Font families in the order they are looked for (those installed), then Typst's own.
SANS = ("Noto Sans", "Liberation Sans", "DejaVu Sans", "Libertinus Serif")
ARABIC = ("Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", "Libertinus Serif")
HEBREW = ("Noto Sans Hebrew", "DejaVu Sans", "Libertinus Serif")
#: Right-to-left languages written in the Hebrew script (the others: Arabic script).
HEBREW_LANGUAGES = frozenset({"he", "iw", "yi", "lad"})
MONO = ("Noto Sans Mono", "DejaVu Sans Mono", "Liberation Mono")


class PdfUnavailable(OgpctlError, RuntimeError):
    """PDF was asked for but the Typst wheel is missing."""


class PdfLayoutError(OgpctlError, RuntimeError):
    """Typst refused a document (a fault of ogpctl's template, said in one line)."""


def pdf_missing() -> str | None:
    """Why PDF cannot be written (one line), or None when it can."""
    if find_spec("typst") is None:
        return "PDF needs the typst package, which is not installed: pip install 'typst>=0.15'"
    return None


@cache
def _typst() -> ModuleType:
    """The typst module, or `PdfUnavailable` saying what is missing."""
    missing = pdf_missing()
    if missing is not None:
        raise PdfUnavailable(missing)
    import typst

    return typst


@cache
def _template() -> bytes:
    return (data_dir("templates") / "render" / "document.typ").read_bytes()


@cache
def _root() -> str:
    """An empty folder of this process's own (removed at exit): Typst's root, so that no
    path could name a file of the record or the working folder."""
    root = tempfile.mkdtemp(prefix="ogpctl-typst-")
    atexit.register(os.rmdir, root)
    return root


@cache
def _compiler() -> Any:
    """One compiler a process: fonts found and loaded once, the template parsed once."""
    return _typst().Compiler(root=_root())


def _families(doc: Document) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The families a document's text and code are laid out in: of those wanted for its
    script, the ones Typst finds, in order (naming a missing one makes Typst warn)."""
    hebrew = doc.lang.split("-")[0].lower() in HEBREW_LANGUAGES
    wanted = (HEBREW if hebrew else ARABIC) if doc.rtl else SANS
    found = typst_families()
    return (tuple(f for f in wanted if f in found) or ("Libertinus Serif",),
            tuple(f for f in MONO if f in found) or ("DejaVu Sans Mono",))


def source(doc: Document) -> str:
    """What the template reads of `doc` (`render.typst.tree`, with this machine's fonts)."""
    return tree(doc, *_families(doc))


#: Whether this process has laid a PDF out (`forkable`).
_started = [False]


def forkable() -> bool:
    """Whether a process forked from this one can lay PDFs out: not once this one has.
    Typst lays out with a pool of threads that a fork does not copy, so a child would
    wait for them for ever."""
    return not _started[0]


def laid_out(data: str, today: date) -> bytes:
    """Typst's layout and PDF of a document's `source`, dated `today` at 00:00 UTC."""
    _started[0] = True
    failed = _typst().TypstError
    try:
        return _compiled(data, today, [STANDARD])
    except failed:
        pass    # PDF/UA-1 refuses a text no font can show (`fonts` said which script)
    try:        # the PDF is still tagged, in its language, without claiming the standard
        return _compiled(data, today, [])
    except failed as error:
        raise PdfLayoutError(f"Typst could not lay the PDF out: {error.message}") from None


def _compiled(data: str, today: date, standards: list[str]) -> bytes:
    made = _compiler().compile(_template(), format="pdf", sys_inputs={"doc": data},
                               timestamp=datetime.combine(today, time(), UTC),
                               pdf_standards=standards)
    assert isinstance(made, bytes)
    return made


def write_pdf(doc: Document, today: date) -> bytes:
    return pdf_and_fonts(doc, today)[0]


def pdf_and_fonts(doc: Document, today: date) -> tuple[bytes, str]:
    """The document as PDF, and the fonts it was laid out with (`fonts.fonts_used`): what
    a stored copy depends on besides the document (`ogpctl.site.downloads`). A script of
    its text that no font has is said once (`fonts.MissingFontWarning`)."""
    _typst()
    data = source(doc)
    return laid_out(data, today), fonts_used(scripts_in(data))


def write_pdfs(docs: Mapping[str, Document], today: date, jobs: int = 0
               ) -> dict[str, bytes]:
    """Documents (file name -> document) as PDFs, by file name (`pdfs_and_fonts`)."""
    return {name: pdf for name, (pdf, _) in pdfs_and_fonts(docs, today, jobs).items()}


def pdfs_and_fonts(docs: Mapping[str, Document], today: date, jobs: int = 0
                   ) -> dict[str, tuple[bytes, str]]:
    """`pdf_and_fonts` of several documents (file name -> document), by file name: a
    missing font is said once, naming the files that hold its script (the JSON a
    document is laid out from holds every letter of it as it is)."""
    _typst()
    data = {name: source(doc) for name, doc in docs.items()}
    used = fonts_of(data)
    pdfs = _each_laid_out(list(data.values()), today, jobs)
    return {name: (pdf, used[name]) for name, pdf in zip(data, pdfs, strict=True)}


def _workers(documents: int, jobs: int) -> int:
    """How many processes lay out `documents`: at most one a document and a processor,
    and one where this system cannot fork or this process has laid out (`forkable`)."""
    import multiprocessing

    if not forkable() or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    processors = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else os.cpu_count() or 1
    return max(1, min(documents, jobs or processors))


def _each_laid_out(data: list[str], today: date, jobs: int) -> list[bytes]:
    """`laid_out` of each source, in order; in worker processes forked for the call when
    there are several documents and processors (the longest first, so that the workers
    finish together). A worker that dies costs time only: its documents are laid out
    here."""
    workers = _workers(len(data), jobs)
    if workers < 2:
        return [laid_out(text, today) for text in data]
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    longest_first = sorted(range(len(data)), key=lambda index: -len(data[index]))
    gc.freeze()   # the parent's objects stay shared with the workers, not copied
    try:
        with ProcessPoolExecutor(workers, multiprocessing.get_context("fork"),
                                 initializer=_compiler.cache_clear) as pool:
            made = pool.map(laid_out, [data[index] for index in longest_first],
                            repeat(today))
            by_index = dict(zip(longest_first, made, strict=True))
    except BrokenProcessPool:
        return [laid_out(text, today) for text in data]
    finally:
        gc.unfreeze()
    return [by_index[index] for index in range(len(data))]

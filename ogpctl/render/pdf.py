"""The document as PDF, the format OGP publishes plans in: the HTML writer's page laid out
by WeasyPrint on A4 with the print stylesheet (running title, page numbers, headings kept
with what follows), tagged for screen readers, in the document's language. Fonts are
embedded (subset); text in a script no installed font has comes out as empty boxes, so it
is said (`ogpctl.render.fonts`). Nothing is fetched, so a record's links stay links and
cannot make the writer read a file or a URL.

WeasyPrint needs Pango (Debian libpango-1.0-0, libpangoft2-1.0-0) and is imported only
when a PDF is really written: importing it takes about a second, which a website whose PDFs
all come from its store (`ogpctl.site.store`) need not pay. The same document and date give
the same bytes: the PDF's dates are the day rendered and its identifier is a digest of the
page.

Documents are independent: several (`write_pdfs`, `pdfs_and_fonts`) are laid out in worker
processes, one a processor, forked once WeasyPrint is imported; the fonts are asked and any
missing one said here, before, naming the files (`fonts.fonts_of`). A worker's PDF is the
bytes this process would have written."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import io
import os
import sys
from collections.abc import Mapping
from datetime import date
from functools import cache
from importlib.util import find_spec
from itertools import repeat
from types import ModuleType
from typing import Any

from ogpctl.base.collector import collection_paused
from ogpctl.base.errors import OgpctlError
from ogpctl.base.resources import data_dir
from ogpctl.render.blocks import Document
from ogpctl.render.fonts import FONTCONFIG, fonts_of, fonts_used, scripts_in
from ogpctl.render.html import write_html

SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"

#: The libraries WeasyPrint loads (gobject, pango, harfbuzz, fontconfig, pangoft2), by the
#: names the dynamic loader finds without a search on each platform.
LIBRARIES = {
    "linux": ("libgobject-2.0.so.0", "libpango-1.0.so.0", "libharfbuzz.so.0",
              FONTCONFIG["linux"], "libpangoft2-1.0.so.0"),
    "darwin": ("libgobject-2.0.0.dylib", "libpango-1.0.dylib", "libharfbuzz.0.dylib",
               FONTCONFIG["darwin"], "libpangoft2-1.0.dylib"),
}


class PdfUnavailable(OgpctlError, RuntimeError):
    """PDF was asked for but WeasyPrint or the system libraries it needs are missing."""


@cache
def weasyprint() -> ModuleType:
    """WeasyPrint, or `PdfUnavailable` saying what is missing."""
    try:
        # When Pango is missing WeasyPrint prints a banner to stdout before raising, which
        # would end up in the middle of a command's output.
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint as module
    except ImportError as error:
        raise PdfUnavailable(f"PDF needs WeasyPrint, which is not installed ({error.name}): "
                             "pip install 'weasyprint>=68'") from None
    except OSError as error:
        # cffi's dlopen failed: Pango or one of its libraries is not on the system.
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise PdfUnavailable(f"PDF needs the Pango library, which WeasyPrint could not load "
                             f"({first_line}); Debian: apt-get install {SYSTEM_PACKAGES}"
                             ) from None
    return module


def pdf_missing() -> str | None:
    """Why PDF cannot be written (one line), or None when it can. When WeasyPrint and the
    libraries it loads are found, it is not imported here (see the module's docstring); the
    rare machine where it still fails to import learns it from the first PDF written
    (`PdfUnavailable`). Otherwise it is imported, to say exactly what is missing."""
    if _found():
        return None
    try:
        weasyprint()
    except PdfUnavailable as error:
        return str(error)
    return None


@cache
def _found() -> bool:
    """WeasyPrint is installed and each library it loads is on the system (loaded lazily,
    by name: a few milliseconds, where WeasyPrint's own import searches with gcc and
    ldconfig for the names it tries first)."""
    names = LIBRARIES.get(sys.platform)
    if names is None or find_spec("weasyprint") is None:
        return False
    try:
        for name in names:
            ctypes.CDLL(name, mode=os.RTLD_LAZY)
    except OSError:
        return False
    return True


@cache
def print_css() -> str:
    return (data_dir("templates") / "render" / "print.css").read_text(encoding="utf-8")


@cache
def _fetcher() -> Any:
    """WeasyPrint's fetcher with no protocol allowed: nothing a page names is loaded."""
    return weasyprint().urls.URLFetcher(allowed_protocols=())


@cache
def _print_sheet() -> Any:
    """The print stylesheet, parsed once a process."""
    return weasyprint().CSS(string=print_css(), url_fetcher=_fetcher())


@cache
def _fonts() -> Any:
    """One font configuration a process: Pango's font map (fontconfig's lookups, the fonts
    it opened) is set up once, not for every document. The documents declare no
    `@font-face`, so nothing one adds can change another. A forked worker makes its own
    (`_each_laid_out`): Pango's is not shared across a fork."""
    from weasyprint.text.fonts import FontConfiguration  # type: ignore[import-untyped]

    weasyprint()
    return FontConfiguration()


def write_pdf(doc: Document, today: date) -> bytes:
    return pdf_of_page(write_html(doc), today)


def pdf_and_fonts(doc: Document, today: date) -> tuple[bytes, str]:
    """The document as PDF, and the fonts it was laid out with (`fonts.fonts_used`): what
    a stored copy depends on besides the document (`ogpctl.site.downloads`)."""
    return laid_out(write_html(doc), today)


def write_pdfs(docs: Mapping[str, Document], today: date, jobs: int = 0
               ) -> dict[str, bytes]:
    """Documents (file name -> document) as PDFs, by file name, laid out side by side
    (`laid_out_all`)."""
    return {name: pdf for name, (pdf, _) in pdfs_and_fonts(docs, today, jobs).items()}


def pdfs_and_fonts(docs: Mapping[str, Document], today: date, jobs: int = 0
                   ) -> dict[str, tuple[bytes, str]]:
    """`pdf_and_fonts` of several documents (file name -> document), by file name, laid
    out side by side (`laid_out_all`): a missing font is said once, naming the files."""
    return laid_out_all({name: write_html(doc) for name, doc in docs.items()}, today, jobs)


def pdf_of_page(page: bytes, today: date) -> bytes:
    """An HTML page of ogpctl's as PDF, dated `today` (see `laid_out`)."""
    return laid_out(page, today)[0]


def laid_out(page: bytes, today: date) -> tuple[bytes, str]:
    """An HTML page of ogpctl's as PDF, dated `today`, and the fonts it was laid out with
    (`fonts.fonts_used`). Nothing it names is loaded: no protocol is allowed to
    WeasyPrint's fetcher (a document is self-contained). A script of its text that no
    installed font has is said once (`fonts.MissingFontWarning`)."""
    used = fonts_used(scripts_in(page.decode("utf-8")))
    return _pdf(page, today), used


def laid_out_all(pages: Mapping[str, bytes], today: date, jobs: int = 0
                 ) -> dict[str, tuple[bytes, str]]:
    """HTML pages of ogpctl's (file name -> page) as `laid_out` makes each, by file name.
    A script no installed font has is said once, naming the files that hold it. With
    several pages and processors they are laid out in `jobs` worker processes (0: one a
    processor), the longest first, so that the workers finish together."""
    used = fonts_of({name: page.decode("utf-8") for name, page in pages.items()})
    pdfs = _each_laid_out(list(pages.values()), today, _workers(len(pages), jobs))
    return {name: (pdf, used[name]) for name, pdf in zip(pages, pdfs, strict=True)}


def _workers(pages: int, jobs: int) -> int:
    """How many processes lay out `pages` pages: at most one a page and a processor, and
    one where this system cannot fork (a worker would import WeasyPrint again)."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    processors = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else os.cpu_count() or 1
    return max(1, min(pages, jobs or processors))


def _each_laid_out(pages: list[bytes], today: date, workers: int) -> list[bytes]:
    if workers < 2:
        return [_pdf(page, today) for page in pages]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    weasyprint()    # imported once, here: the workers inherit it
    longest_first = sorted(range(len(pages)), key=lambda index: -len(pages[index]))
    # What this process holds (a record, its documents) is out of the collector's sight
    # while the workers run: a collection in a worker would touch each of its objects and
    # so copy the memory the worker shares with this process (a second of system time
    # for the largest plan).
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers, multiprocessing.get_context("fork"),
                                 initializer=_fonts.cache_clear) as pool:
            made = pool.map(_pdf, [pages[index] for index in longest_first], repeat(today))
            by_index = dict(zip(longest_first, made, strict=True))
    except BrokenProcessPool:
        # A worker died (killed, out of memory): the time is lost, not the PDFs.
        return [_pdf(page, today) for page in pages]
    finally:
        gc.unfreeze()
    return [by_index[index] for index in range(len(pages))]


def _pdf(page: bytes, today: date) -> bytes:
    """WeasyPrint's layout and PDF of `page`. The collector is paused meanwhile: the
    boxes of a layout are hundreds of thousands of objects alive until the PDF is
    written, which each collection would scan again (a third of the layout's CPU)."""
    with collection_paused():
        html = weasyprint().HTML(string=page.decode("utf-8"), url_fetcher=_fetcher(),
                                 media_type="print")
        rendered = html.render(stylesheets=[_print_sheet()], font_config=_fonts(),
                               pdf_tags=True)
        stamp = today.isoformat()
        rendered.metadata.created = rendered.metadata.modified = stamp
        identifier = hashlib.sha256(page + stamp.encode()).hexdigest()[:32].encode()
        # Tagged: screen readers follow headings, lists and tables, in reading order.
        return rendered.write_pdf(pdf_identifier=identifier, pdf_tags=True)

"""The bytes of the documents offered for download, made at most once per document model.

Two levels of reuse, both in the record's store (`ogpctl.site.store`):
* by what the document reads (`ogpctl.site.inputs`): its model is not even built again;
* by the model itself (its digest, with the format and today's date the writers print):
  an action plan whose files changed but whose document did not (a comment, a field the
  document does not show) is not laid out again in Word or PDF.

A PDF also depends on the machine's fonts (`ogpctl.render.fonts`): it is stored with the
fonts it was laid out with and reused only while they are still those installed, so a PDF
of empty boxes is laid out again once the missing font is installed, and one reused while
the font is still missing says so again.

The documents are made in a forked process while this one makes the pages, unless this
process has laid a PDF out already: Typst's threads do not survive a fork.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import date
from typing import Any

from ogpctl.record.model import Record
from ogpctl.render import Request, write
from ogpctl.render.blocks import Document
from ogpctl.render.documents import build
from ogpctl.render.fonts import fonts_unchanged
from ogpctl.render.formats import Format
from ogpctl.render.pdf import forkable, pdf_and_fonts
from ogpctl.site.inputs import Inputs, digest_of_model, output_key
from ogpctl.site.store import Store
from ogpctl.site.view import Download


class Documents:
    """`download_files` made in a forked process while this one makes the pages (with
    `fork`, where the system can fork and has a second processor), else by `finish`.
    The child can make one language's pages first (`pages`, given the store to use):
    this process takes them with `take_pages` and makes the other languages. A child
    that fails to report (killed, an error that cannot be sent) costs time only: what
    it did not give is then made here."""

    def __init__(self, record: Record, downloads: list[Download], today: date,
                 inputs: Inputs, store: Store | None, fork: bool,
                 pages: Callable[[Store | None], dict[str, bytes]] | None = None) -> None:
        self.args = (record, downloads, today, inputs, store)
        self.store = store
        self.pages = pages
        self.child: Any = None
        context = _fork_context(any(d.fmt == "pdf" for d in downloads)) \
            if fork and (downloads or pages) else None
        if context is not None:
            self.receive, send = context.Pipe(duplex=False)
            self.child = context.Process(target=_made_in_child,
                                         args=(send, *self.args, pages), daemon=True)
            self.child.start()
            send.close()
        #: the child makes the pages: `take_pages` must be called before `finish`
        self.takes_pages = self.child is not None and pages is not None

    def take_pages(self, wait: bool) -> dict[str, bytes] | None:
        """The pages the child made; None while it is making them, unless `wait`. Made
        here when the child cannot give them (and then the documents too, by `finish`)."""
        assert self.pages is not None
        if self.child is not None:
            try:
                if not wait and not self.receive.poll():
                    return None
                message = self.receive.recv()
            except (EOFError, OSError):
                message = None
            if message is not None and message[0] == "pages":
                self._keep(message[2], message[3])
                return message[1]
            self.cancel()
            if message is not None and message[0] == "error":
                raise message[1]
        return self.pages(self.store)

    def finish(self) -> dict[str, bytes]:
        if self.child is None:
            return download_files(*self.args)
        try:
            result = self.receive.recv()
        except (EOFError, OSError):
            result = None
        finally:
            self.cancel()
        if result is None:
            return download_files(*self.args)
        if result[0] == "error":
            raise result[1]
        files, new, used = result[1]
        self._keep(new, used)
        return files

    def _keep(self, new: list, used: list) -> None:
        """What the child read from and would add to the store."""
        if self.store is not None:
            self.store.new += new
            self.store.used += used

    def cancel(self) -> None:
        """Stop the child (if still running) and wait for it; safe to call again."""
        if self.child is not None:
            if self.child.is_alive():
                self.child.terminate()
            self.child.join()
            self.receive.close()
            self.child = None


def _fork_context(pdfs: bool) -> Any:
    """The fork context, or None where a child cannot help: one processor, no fork, or a
    child that would lay out `pdfs` while this process has laid one out already (it could
    not: `pdf.forkable`)."""
    import multiprocessing

    if (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods() \
            or (pdfs and not forkable()):
        return None
    return multiprocessing.get_context("fork")


def _made_in_child(send: Any, record: Record, downloads: list[Download], today: date,
                   inputs: Inputs, store: Store | None,
                   pages: Callable[[Store | None], dict[str, bytes]] | None = None) -> None:
    """The child's work: the pages, then the files, each with what it read from and
    would add to the store."""
    try:
        own = store.reader() if store is not None else None
        if pages is not None:
            made = pages(own)
            send.send(("pages", made, *_taken(own)))
        files = download_files(record, downloads, today, inputs, own)
        send.send(("done", (files, *_taken(own))))
    except BaseException as error:   # noqa: BLE001 - reported to the parent, raised there
        with contextlib.suppress(Exception):
            send.send(("error", error))
    finally:
        send.close()


def _taken(store: Store | None) -> tuple[list, list]:
    """The store's new and used entries so far, which it then forgets."""
    if store is None:
        return [], []
    found = store.new, store.used
    store.new, store.used = [], []
    return found


def download_files(record: Record, downloads: list[Download], today: date, inputs: Inputs,
                   store: Store | None) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    built: dict[Request, tuple[Document, bytes]] = {}
    for item in downloads:
        key = output_key(_reads(record, item, inputs), item.path)
        found = _by_model(store, key)
        if found is None:
            request = Request(item.document, item.plan, item.lang, item.commitment,
                              prepared=item.prepared)
            if request not in built:   # the model and its digest, once for every format
                doc = build(record, request, today)
                built[request] = doc, digest_of_model(doc, today)
            doc, digest = built[request]
            model = output_key(digest, item.fmt)
            found = _written(store, model, doc, item.fmt, today)
            if store is not None:
                store.put(key, b"", model.hex())
        files[item.path] = found
    return files


def _reads(record: Record, item: Download, inputs: Inputs) -> bytes:
    plan = record.plan_named(item.plan)
    if item.commitment is None:
        return inputs.plan_documents(plan)
    commitment = next((c for c in plan.commitments if c.number == item.commitment), None)
    return inputs.commitment_document(commitment) if commitment is not None \
        else inputs.plan_documents(plan)


def _by_model(store: Store | None, key: bytes) -> bytes | None:
    """The file stored for the model that the download's inputs made last time."""
    if store is None:
        return None
    found = store.get(key)
    if found is None:
        return None
    try:
        model = bytes.fromhex(found[1])
    except ValueError:
        return None
    return _reusable(store, model)


def _reusable(store: Store, model: bytes) -> bytes | None:
    """The file stored for a document model, if it was written with the fonts installed
    now (its note: `fonts.fonts_used` for a PDF, empty for the other formats)."""
    found = store.get(model)
    return found[0] if found is not None and fonts_unchanged(found[1]) else None


def _written(store: Store | None, key: bytes, doc: Document, fmt: str, today: date
             ) -> bytes:
    found = _reusable(store, key) if store is not None else None
    if found is not None:
        return found
    if fmt == Format.pdf:
        data, used = pdf_and_fonts(doc, today)
    else:
        data, used = write(doc, fmt, today), ""
    if store is not None:
        store.put(key, data, used)
    return data


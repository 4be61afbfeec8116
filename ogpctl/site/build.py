"""Building the whole site in memory: {path from the site root: bytes}.

Each page is planned with the key of what it reads (`ogpctl.site.inputs`) and made only
when the store (`ogpctl.site.store`) has no file under that key, so a rebuild after one
commitment changed makes again that commitment's pages, its plan's pages and documents,
and the pages that list everything; the bytes are those a full build makes."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from ogpctl.base.collector import collection_paused
from ogpctl.base.resources import data_dir
from ogpctl.base.vcs import History
from ogpctl.record.model import Commitment, Document, Record
from ogpctl.render.formats import Format
from ogpctl.site import urls
from ogpctl.site.about import contacts, forum, home
from ogpctl.site.comments import comments_of
from ogpctl.site.compiled import load_templates
from ogpctl.site.contributions import contributions_page, contributions_path
from ogpctl.site.dashboard import dashboard_page
from ogpctl.site.documents import DEFAULT_FORMATS, documents_page, planned
from ogpctl.site.downloads import Documents
from ogpctl.site.evidence import evidence_page, publish_files
from ogpctl.site.exports import exports
from ogpctl.site.files import Files, file_digest
from ogpctl.site.inputs import Inputs, digest_of_files, output_key
from ogpctl.site.layout import environment, render_page, render_root
from ogpctl.site.meetings import meeting_page, meetings_index
from ogpctl.site.participate import participate
from ogpctl.site.plans import commitment_page, plan_page, plans_index
from ogpctl.site.search import MAIN, Indexing, by_bundle, merge, merged_part, search_page
from ogpctl.site.store import Store
from ogpctl.site.updates import updates_page
from ogpctl.site.view import Page, Site, View

ASSET_FILES = ("site.css", "search.js")


@dataclass(frozen=True)
class Planned:
    """A page to make: its path in the language folder, the key of what it reads, and
    how to make it."""

    path: str
    reads: bytes
    make: Callable[[], Page]


def language_pages(v: View, inputs: Inputs) -> list[Planned]:
    """Every page of one language but the search page, in the order of the site."""
    record = v.site.record
    every, outline = inputs.everything(), inputs.outline()
    pages = [Planned("index.html", every, lambda: home(v)),
             Planned("contacts.html", every, lambda: contacts(v)),
             Planned("forum.html", outline, lambda: forum(v)),
             Planned("participate.html", outline, lambda: participate(v)),
             Planned("meetings/index.html", outline, lambda: meetings_index(v))]
    pages += [Planned(urls.meeting_page(m.path), outline, partial(meeting_page, v, m))
              for m in record.meetings]
    pages.append(Planned("plans/index.html", every, lambda: plans_index(v)))
    for plan in record.plans:
        reads = inputs.plan_pages(plan)
        pages += [Planned(urls.plan_page(plan.id), reads, partial(plan_page, v, plan)),
                  Planned(urls.plan_page(plan.id, "dashboard.html"), reads,
                          partial(dashboard_page, v, plan)),
                  Planned(urls.plan_page(plan.id, "evidence.html"), reads,
                          partial(evidence_page, v, plan)),
                  Planned(contributions_path(plan), reads, partial(contributions_page, v, plan))]
        pages += [Planned(urls.commitment_page(plan.id, c.number, c.id),
                          inputs.commitment_page(c), partial(commitment_page, v, c))
                  for c in plan.commitments]
    return pages + [Planned("updates.html", every, lambda: updates_page(v)),
                    Planned("documents.html", outline, lambda: documents_page(v))]


def open_store(root: Path) -> tuple[History, Store | None]:
    """The record's history and its store (None when it cannot be used), opened before
    the record is read (`ogpctl site`): the reading takes the parse of each unchanged
    file from the store (`store.ParsedFiles`), and `build_site(..., history, store=...)`
    uses it and closes it."""
    from ogpctl.base.vcs import read_history

    history = read_history(root)
    return history, Store.open(root, history)


def build_site(record: Record, today: date, history: History | None = None,
               formats: tuple[str, ...] = DEFAULT_FORMATS, search: bool = True,
               reuse: bool = False, without_pdf: Callable[[str], None] | None = None,
               fork: bool = False, store: Store | None = None) -> dict[str, bytes]:
    """Every file of the site. `history` defaults to the record's git history; `formats`
    are those of the documents offered for download (none: no documents). With `reuse`
    (`ogpctl site`) and the record's own history, files of earlier builds are reused from
    the record's store when nothing they read has changed; otherwise nothing is written
    into the record. With `without_pdf`, a PDF that cannot be written here (the typst
    package is missing: `PdfUnavailable`) makes a site without PDF downloads, and `without_pdf`
    is told why; without it the error is raised. With `fork` (`ogpctl site`), the
    documents are made in a second process while the pages are made. A `store` opened by
    `open_store` (with its `history`) is used as with `reuse`, and closed.

    Python's cycle collector is off while the site is made: a build makes millions of
    small objects that are freed as soon as they are no longer used (a page, its model),
    and the collector walked the whole record again and again to find no cycle (a tenth
    of the build's CPU); what cycles there are go at the next collection after it."""
    from ogpctl.base.vcs import read_history
    from ogpctl.render.pdf import PdfUnavailable

    if history is None:
        history = read_history(record.root)
        store = Store.open(record.root, history) if reuse else None
    try:
        with collection_paused():   # see the docstring
            try:
                return _build(record, today, history, formats, search, store, fork)
            except PdfUnavailable as error:
                if without_pdf is None or Format.pdf not in formats:
                    raise
                without_pdf(str(error))
                return _build(record, today, history,
                              tuple(f for f in formats if f != Format.pdf), search, store, fork)
    finally:
        if store is not None:
            store.close()


def _build(record: Record, today: date, history: History, formats: tuple[str, ...],
           search: bool, store: Store | None, fork: bool) -> dict[str, bytes]:
    from ogpctl.domain.document_repository import build_index

    index = build_index(record, history)
    evidence, published = publish_files(record.root, index)
    files = Files(evidence)
    downloads = planned(record, formats, today)
    site = Site(record, today, index, published, downloads, comments_of(record))
    inputs = Inputs.of(record, today, formats, search, index, published)
    site.inputs, site.store = inputs, store
    load_templates(environment(), store)   # before the fork: the second process has them
    # the front door names the site in each language: the country and the languages only
    root = _made(store, output_key(inputs.pages_common, "index.html"), lambda: _root(site))
    languages = site.languages
    last = _pages_of(site, languages[-1], inputs) if len(languages) > 1 else None
    documents = Documents(record, downloads, today, inputs, store, fork, last)
    searching = _SearchIndex(store) if search else None

    def made(code: str, pages: dict[str, bytes]) -> None:
        files.add(pages)
        if searching is not None:   # the front door, not indexed, goes with the first
            searching.add(code, {**pages, "index.html": root} if code == languages[0]
                          else pages, files.digests())

    # Pagefind indexes each language while the next and the documents are made; the
    # second process makes the last language's pages, then the documents
    away = languages[-1] if documents.takes_pages else None
    waiting = away is not None

    def take(wait: bool = False) -> None:
        """The second process's pages as soon as they are there: looked for after each
        page made here, since it makes the documents only once they are taken (a pipe
        holds little), and Pagefind starts on them."""
        nonlocal waiting
        if waiting:
            taken = documents.take_pages(wait=wait)
            if taken is not None:
                waiting = False
                made(languages[-1], taken)

    try:
        for code in languages:
            if code != away:
                made(code, _language(View.of(site, code), inputs, store, take))
            take(wait=code == languages[-1])
        files["index.html"] = root
        # the open data while the second process may still be making the documents
        files.update(_reused(store, output_key(inputs.everything(), urls.DATA),
                             _exports(site, store, inputs)))
        files.update(documents.finish())
        if searching is not None:
            if store is not None:   # what is made so far goes in while Pagefind works
                store.flush()
            files.update(searching.finish())
    finally:
        documents.cancel()
        if searching is not None:
            searching.cancel()
    for name in ASSET_FILES:
        files[f"{urls.ASSETS}/{name}"] = (data_dir("templates") / "site" / name).read_bytes()
    return Files(dict(sorted(files.items())), files.known)


def _pages_of(site: Site, code: str, inputs: Inputs) -> Callable[[Store | None],
                                                                  dict[str, bytes]]:
    """Making one language's pages with a given store (in the second process, its own)."""
    def make(store: Store | None) -> dict[str, bytes]:
        site.store = store     # the updates page keeps its entries there
        return _language(View.of(site, code), inputs, store)

    return make


class _SearchIndex:
    """The Pagefind bundles of the site (`search.bundle_of`): one run a bundle and
    language, the main bundle's runs made into one (`search.merge`: Pagefind indexes each
    language apart), each run kept in the store under the digest of its pages, so an
    edit indexes again only the bundles whose pages it changed. A language's runs start
    as soon as its pages are made (`add`) and work meanwhile; `finish` waits for them."""

    def __init__(self, store: Store | None) -> None:
        self.store = store
        self.found: dict[tuple[str, str], dict[str, bytes]] = {}
        self.runs: dict[tuple[str, str], tuple[bytes, Indexing | None]] = {}

    def add(self, code: str, pages: dict[str, bytes], known: dict[str, str]) -> None:
        for bundle, group in sorted(by_bundle(pages).items()):
            key = output_key(digest_of_files(group, known),
                             f"{urls.PAGEFIND}/{bundle or code}")
            kept = self.store.get(key) if self.store is not None else None
            found = _unpack(kept[0]) if kept is not None else None
            if found is not None:
                self.found[bundle, code] = found
            self.runs[bundle, code] = (key, Indexing(group) if found is None else None)

    def finish(self) -> dict[str, bytes]:
        """The bundles' files; a merged bundle's run is kept as `search.merged_part`
        keeps it (without its copies of Pagefind's scripts)."""
        for (bundle, code), (key, run) in self.runs.items():
            if run is not None:
                found = run.finish()
                self.found[bundle, code] = found = found if bundle == MAIN \
                    else merged_part(found, bundle)
                if self.store is not None:
                    self.store.put(key, _pack(found))
        files = merge([found for (bundle, _), found in sorted(self.found.items())
                       if bundle == MAIN])
        for (bundle, _), found in sorted(self.found.items()):
            if bundle != MAIN:
                files.update(found)
        return files

    def cancel(self) -> None:
        for _, run in self.runs.values():
            if run is not None:
                run.cancel()


def _language(view: View, inputs: Inputs, store: Store | None,
              between: Callable[[], None] | None = None) -> Files:
    """The pages of one language, each made or taken from the store, then the search
    page, which lists them all; with their digests (`files.Files`). `between` is called
    after each page."""
    made = Files()
    listed: list[Page] = []
    for item in language_pages(view, inputs):
        path = urls.in_language(view.code, item.path)
        listed.append(_page(view, item, path, store, made))
        if between is not None:
            between()
    search = Planned("search.html", inputs.everything(), lambda: search_page(view, listed))
    _page(view, search, path=urls.in_language(view.code, search.path), store=store, made=made)
    return made


def _page(view: View, item: Planned, path: str, store: Store | None, made: Files) -> Page:
    """The page's bytes and digest into `made`; a Page that holds what the search page
    lists (path, title, indexed). The store keeps the digest with the page."""
    key = output_key(item.reads, path)
    found = store.get(key) if store is not None else None
    if found is not None:
        try:
            title, indexed, digest = json.loads(found[1])
            if isinstance(title, str) and isinstance(indexed, bool) and \
                    isinstance(digest, str):
                made[path], made.known[path] = found[0], (found[0], digest)
                return Page(item.path, title, "", indexed=indexed)
        except (ValueError, TypeError):
            pass
    page = item.make()
    data = render_page(view, page)
    digest = file_digest(data)
    made[path], made.known[path] = data, (data, digest)
    if store is not None:
        store.put(key, data, json.dumps([page.title, page.indexed, digest]))
    return page


def _made(store: Store | None, key: bytes, make: Callable[[], bytes]) -> bytes:
    found = store.get(key) if store is not None else None
    if found is not None:
        return found[0]
    data = make()
    if store is not None:
        store.put(key, data)
    return data


def _reused(store: Store | None, key: bytes, make: Callable[[], dict[str, bytes]]
            ) -> dict[str, bytes]:
    """A group of files ({path: bytes}) made together, stored as one entry."""
    found = store.get(key) if store is not None else None
    files = _unpack(found[0]) if found is not None else None
    if files is None:
        files = make()
        if store is not None:
            store.put(key, _pack(files))
    return files


def _pack(files: dict[str, bytes]) -> bytes:
    parts = [len(files).to_bytes(4, "big")]
    for name, data in files.items():
        encoded = name.encode("utf-8")
        parts += [len(encoded).to_bytes(4, "big"), encoded, len(data).to_bytes(8, "big"), data]
    return b"".join(parts)


def _unpack(packed: bytes) -> dict[str, bytes] | None:
    """The files of `_pack`; None when the bytes are not a whole pack."""
    count, at, files = int.from_bytes(packed[:4], "big"), 4, {}
    try:
        for _ in range(count):
            size = int.from_bytes(packed[at:at + 4], "big")
            name = packed[at + 4:at + 4 + size].decode("utf-8")
            length = int.from_bytes(packed[at + 4 + size:at + 12 + size], "big")
            at += 12 + size
            files[name] = packed[at:at + length]
            if len(files[name]) != length:
                return None
            at += length
    except UnicodeDecodeError:
        return None
    return files if at == len(packed) else None


def _exports(site: Site, store: Store | None, inputs: Inputs) -> Callable[[], dict[str, bytes]]:
    """The open data, from the states and updates the pages computed already."""
    def kept(doc: Document, make: Callable[[], bytes]) -> bytes:
        return _made(store, output_key(inputs.file(doc), "record.json|escaped"), make)

    record = site.record
    languages = f"{record.languages.default}|{','.join(record.languages.required)}"

    def lines(c: Commitment, make: Callable[[], list[bytes]]) -> list[bytes]:
        """A commitment's lines of updates.csv, kept by its file, its place and the
        columns (the record's languages)."""
        key = output_key(inputs.file(c.doc), f"updates.csv|{c.plan.id}|{c.number}|{languages}")
        return list(_reused(store, key, lambda: {str(i): line for i, line
                                                  in enumerate(make())}).values())

    return lambda: {f"{urls.DATA}/{name}": data for name, data in exports(
        site.record, site.index, site.today, kept if store is not None else None,
        states=site.plan_states, updates=site.updates(),
        kept_lines=lines if store is not None else None).items()}


def _root(site: Site) -> bytes:
    return render_root(View.of(site, site.languages[0]))



"""What each file of the site reads, as one digest a file (its key): the dependency graph
that lets a rebuild reuse every page and document whose inputs did not change.

The graph is coarse on purpose, so that no input is ever missed:

* the whole site reads ogpctl itself (its code, templates and translations, the versions
  of the libraries that write the files), today, the formats offered, the record's
  folder name (the country's name when ogp.yaml gives none), languages and structure
  (which plans, documents and commitments exist: the downloads and navigation are made
  from it), and every file of the record outside the plans (ogp.yaml, stakeholders,
  forum and meetings);
* the front door reads only that (the country and the languages);
* a plan's documents read that and the plan's own files (plan.yaml, co-creation,
  contributions, self-assessment, sections) and all its commitments; a commitment's
  document reads only its own commitment besides the plan's own files;
* pages read what the documents read and also the evidence index: a commitment page the
  folder of its commitment, a plan's pages the plan's whole index and every plan's
  plan.yaml (its obligations end when the next plan is delivered), and which evidence
  files are published;
* the forum, meetings, participation and documents pages read the plans' own files only
  (titles, co-creation; which documents exist is in the structure);
* every other page (home, updates, contacts, search, ...) and the open data read it all.

A key is a digest of the parsed record values (what the pages are made from), so an
edit that changes only layout or comments of a YAML file changes no key.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from ogpctl.base.cache import salt
from ogpctl.base.resources import data_dir
from ogpctl.record.model import Commitment, Document, Plan, Record
from ogpctl.site.files import file_digest

#: Libraries whose version changes the bytes of a page or document.
LIBRARIES = ("jinja2", "markupsafe", "markdown-it-py", "babel", "python-docx", "typst",
             "pagefind")


def _hash(*parts: Any) -> bytes:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big") + data)
    return h.digest()


@cache
def code_digest() -> bytes:
    """ogpctl's code and schemas (`base.cache.salt`), every file of templates/ (pages,
    styles, translations) and the library versions. Not the compiled catalogues (.mo):
    they say what their .po says or are not read (`base.i18n`), so `make` compiling them
    makes no page again."""
    templates = data_dir("templates")
    files = sorted(p for p in templates.rglob("*") if p.is_file() and p.suffix != ".mo")
    versions = [(name, library_version(name)) for name in LIBRARIES]
    return _hash(salt(), versions,
                 *(_hash(p.relative_to(templates).as_posix(), p.read_bytes()) for p in files))


def library_version(name: str) -> str | None:
    """The installed version of a library, None when it is not installed: from the name
    of its `<name>-<version>.dist-info` folder, the first on the import path, as
    `importlib.metadata` finds it, without importing that (15 ms of every rebuild, for
    its email parser); from `importlib.metadata` when the library was installed another
    way (an .egg-info folder)."""
    wanted = _distribution(name)
    for folder in sys.path:
        for entry in _entries(folder or "."):
            stem, dot, kind = entry.rpartition(".")
            if not dot or kind not in ("dist-info", "egg-info"):
                continue
            distribution, _, version = stem.partition("-")
            if _distribution(distribution) != wanted:
                continue
            if kind == "dist-info" and version:
                return version.split("-")[0]
            from importlib import metadata

            try:
                return metadata.version(name)
            except metadata.PackageNotFoundError:
                return None
    return None


@cache
def _entries(folder: str) -> tuple[str, ...]:
    try:
        return tuple(os.listdir(folder))
    except OSError:
        return ()


def _distribution(name: str) -> str:
    """A distribution's name as its folders spell it (PEP 503 normalisation, "_")."""
    return re.sub(r"[-_.]+", "_", name).lower()


def document_digest(doc: Document | None) -> bytes:
    if doc is None:
        return b""
    return _hash(doc.path, doc.ok, doc.data, doc.body)


def output_key(reads: bytes, path: str) -> bytes:
    """The key of one output: what it reads and where it goes (its language and format
    are in the path)."""
    return _hash(reads, path)


def digest_of_model(model: Any, today: date) -> bytes:
    """A document model (`render.blocks.Document`, its repr holds every block) as the
    writers see it, with the date they print."""
    return _hash(code_digest(), today, model)


def digest_of_files(files: dict[str, bytes], known: dict[str, str] | None = None) -> bytes:
    """Files by name and content (their SHA-256: `known` by name, else computed), with
    ogpctl's version: what the search index reads."""
    found = known or {}
    return _hash(code_digest(), *(_hash(name, found.get(name) or file_digest(data))
                                  for name, data in sorted(files.items())))


@dataclass
class Inputs:
    """The keys of one build (see the module's docstring)."""

    record: Record
    common: bytes                                    # what every document reads
    pages_common: bytes                              # ... and what every page reads
    index: Any = None                                # domain.document_repository.Index
    _memo: dict[tuple, bytes] = field(default_factory=dict, repr=False)
    #: Each file's digest (`document_digest`), by path: a commitment's is in its page's,
    #: its document's, its plan's and the open data's keys, and computed once.
    _files: dict[str, bytes] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, record: Record, today: date, formats: tuple[str, ...], search: bool,
           index: Any, published: dict[str, str]) -> Inputs:
        made = cls(record, b"", b"", index)
        planned = {c.doc.path for c in record.commitments()} | {
            d.path for p in record.plans for d in _own(p)}
        outside = [made.document(d) for path, d in sorted(record.documents.items())
                   if path not in planned]
        structure = [(p.id, [d.path for d in _own(p)],
                      [(c.number, c.id, c.doc.path) for c in p.commitments])
                     for p in record.plans]
        # the folder's name: the country's when ogp.yaml does not give one
        common = _hash(code_digest(), today, record.root.name, record.languages, structure,
                       *outside)
        # by value: `Format.html` and "html" are the same format to a caller
        pages = _hash(common, [str(f) for f in formats], search, sorted(published.items()),
                      index.history if index is not None else None)
        made.common, made.pages_common = common, pages
        return made

    def document(self, doc: Document | None) -> bytes:
        """`document_digest(doc)`, computed once a build."""
        if doc is None:
            return b""
        found = self._files.get(doc.path)
        if found is None:
            found = self._files[doc.path] = document_digest(doc)
        return found

    def file(self, doc: Document) -> bytes:
        """One file of the record with ogpctl's version (for what is made from it alone)."""
        return _hash(code_digest(), self.document(doc))

    # -- documents ---------------------------------------------------------------------
    def plan_own(self, plan: Plan) -> bytes:
        return self._once(("own", plan.id), lambda: _hash(
            self.common, plan.id, *(self.document(d) for d in _own(plan))))

    def plan_documents(self, plan: Plan) -> bytes:
        return self._once(("plan", plan.id), lambda: _hash(
            self.plan_own(plan), *(self.document(c.doc) for c in plan.commitments)))

    def commitment_document(self, commitment: Commitment) -> bytes:
        return self._once(("commitment", commitment.plan.id, commitment.number),
                          lambda: _hash(self.plan_own(commitment.plan), commitment.number,
                                        self.document(commitment.doc)))

    # -- pages -------------------------------------------------------------------------
    def plan_pages(self, plan: Plan) -> bytes:
        """The plan's documents and evidence index, and every plan's plan.yaml: what the
        plan has failed reads when the next plan was delivered (`domain.obligations`)."""
        return self._once(("plan pages", plan.id), lambda: _hash(
            self.pages_common, self.plan_documents(plan), self._plan_index(plan.id),
            *(self.document(p.doc) for p in self.record.plans)))

    def commitment_page(self, commitment: Commitment) -> bytes:
        plan = commitment.plan
        found = self._plan_index(plan.id)
        folders = [f for f in found.folders if f.commitment == commitment.number] \
            if found is not None else []
        return self._once(("commitment page", plan.id, commitment.number), lambda: _hash(
            self.pages_common, self.commitment_document(commitment), folders))

    def outline(self) -> bytes:
        """Every plan's own files, not their commitments nor evidence: what the meeting
        and participation pages read of the plans (titles, co-creation)."""
        return self._once(("outline",), lambda: _hash(
            self.pages_common, *(self.plan_own(p) for p in self.record.plans)))

    def everything(self) -> bytes:
        return self._once(("everything",), lambda: _hash(
            self.pages_common, *(self.plan_pages(p) for p in self.record.plans)))

    def _plan_index(self, plan_id: str) -> Any:
        """The plan's part of the evidence index (a PlanIndex), None without one."""
        if self.index is None:
            return None
        return next((p for p in self.index.plans if p.plan == plan_id), None)

    def _once(self, key: tuple, make: Any) -> bytes:
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]


def _own(plan: Plan) -> list[Document]:
    """The plan's own files: all but its commitments."""
    found = [d for d in (plan.doc, plan.co_creation, plan.contributions) if d is not None]
    return found + list(plan.self_assessments) + list(plan.sections)

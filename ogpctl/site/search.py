"""Full-text search (handbook 5.1: the website is searchable) with Pagefind, the static
search index installed from PyPI (`pagefind[bin]`): it indexes the pages once at build
time, one index a language (from each page's `lang`), and the browser downloads only the
fragments a query needs, so search works offline from the built folder once it is
served over http. Opened straight from a folder (file://), browsers refuse to fetch the
index; the search page says so and lists every page instead.

The index is in bundles (`bundle_of`): a plan's pages in one language are a bundle of
their own, `pagefind/<lang>/plans/<plan>/`, so are the meetings' (`pagefind/<lang>/
meetings/`), and the pages of the language folder itself are in the main bundle,
`pagefind/`, which holds Pagefind's scripts. The search page merges its language's
bundles into the main one in the browser (Pagefind's `mergeIndex`), so an edit of one
commitment indexes again only its plan's pages and the few that list everything, in the
languages it changed, not the site.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import tempfile
import threading
from functools import cache
from pathlib import Path
from typing import Any

from ogpctl.base.errors import OgpctlError, RecordWriteError
from ogpctl.site import urls
from ogpctl.site.view import Page, View

TIMEOUT = 300
#: The main bundle, "" in `bundle_of`: the pages of the language folders themselves.
MAIN = ""
#: What a merged bundle needs (the browser searches it with the main bundle's scripts):
#: its entry file, its metadata and its index, fragment and filter chunks.
MERGED_PARTS = ("index/", "fragment/", "filter/")


class SearchIndexError(OgpctlError, RuntimeError):
    """Pagefind is missing or failed."""


def search_page(v: View, pages: list[Page]) -> Page:
    v = v.at("search.html")
    listed = sorted((p for p in pages if p.indexed), key=lambda p: p.path)
    bundles = sorted({bundle_of(urls.in_language(v.code, p.path)) for p in listed} - {MAIN})
    return Page("search.html", v.L["search"], "search.html.j2", {
        "pages": [{"title": p.title, "href": v.href(p.path)} for p in listed],
        # each a folder: Pagefind appends its file names to the address as it is
        "bundles": " ".join(v.root_href(f"{urls.PAGEFIND}/{b}") + "/" for b in bundles),
        "ui_css": v.root_href(f"{urls.PAGEFIND}/pagefind-ui.css"),
        "ui_js": v.root_href(f"{urls.PAGEFIND}/pagefind-ui.js"),
        "script": v.root_href(f"{urls.ASSETS}/search.js"),
    }, section="search", indexed=False)


@cache
def executable() -> Path:
    """The Pagefind program, found as `pagefind.service.get_executable` finds it (that
    module imports asyncio: a tenth of a second of a rebuild): $PAGEFIND_BINARY_PATH,
    then the binary in the pagefind_bin_extended or pagefind_bin package, then the PATH."""
    if importlib.util.find_spec("pagefind") is None:
        raise SearchIndexError("Pagefind is not installed: pip install 'pagefind[bin]' "
                               "(or build without search: --no-search)")
    found = _program()
    if found is None:
        raise SearchIndexError("the Pagefind program is missing: pip install "
                               "'pagefind[bin]' (or build without search: --no-search)")
    return found


def _program() -> Path | None:
    named = os.environ.get("PAGEFIND_BINARY_PATH")
    if named is not None:
        return Path(named)
    suffixes = ("", ".exe") if os.name == "nt" else ("",)
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        spec = importlib.util.find_spec(package)
        folders = list(spec.submodule_search_locations or []) if spec is not None else []
        for name in ("pagefind_extended", "pagefind"):
            for folder in folders:
                for suffix in suffixes:
                    candidate = Path(folder) / (name + suffix)
                    if candidate.is_file():
                        return candidate
    found = shutil.which("pagefind_extended") or shutil.which("pagefind")
    return Path(found) if found else None


def bundle_of(path: str) -> str:
    """The bundle that indexes the page at `path` (from the site root): a page in a folder
    of a language folder is in that folder's bundle (`<lang>/meetings`), a plan's page in
    its plan's (`<lang>/plans/<plan>`), any other page in the main one (`MAIN`). Bundle
    folders cannot meet Pagefind's own (`index`, `fragment`, `filter`): a language code
    has 2 or 3 letters and the folders below it are the site's."""
    parts = path.split("/")
    if len(parts) < 3 or (parts[1] == "plans" and len(parts) < 4):
        return MAIN
    return "/".join(parts[:3] if parts[1] == "plans" else parts[:2])


def by_bundle(pages: dict[str, bytes]) -> dict[str, dict[str, bytes]]:
    """The pages by the bundle that indexes them ({bundle: pages}, `bundle_of`)."""
    groups: dict[str, dict[str, bytes]] = {}
    for name, data in pages.items():
        groups.setdefault(bundle_of(name), {})[name] = data
    return groups


def merged_part(bundle: dict[str, bytes], folder: str) -> dict[str, bytes]:
    """The files of a Pagefind run that a merged bundle needs (`MERGED_PARTS`), under
    `pagefind/<folder>/`: its own copies of Pagefind's scripts and WebAssembly would
    never be loaded."""
    start = f"{urls.PAGEFIND}/"
    part = {}
    for name, data in bundle.items():
        inside = name.removeprefix(start)
        if inside == "pagefind-entry.json" or inside.endswith(".pf_meta") \
                or inside.startswith(MERGED_PARTS):
            part[f"{start}{folder}/{inside}"] = data
    return part


class Indexing:
    """Pagefind running on some pages, in the background from its start: the pages are
    written to a scratch folder and Pagefind is started in a thread of its own, and the
    site goes on with its other files meanwhile. `finish` waits and gives the bundle;
    `cancel` (safe to call after `finish`) stops it and removes its scratch folder."""

    def __init__(self, pages: dict[str, bytes]) -> None:
        program = executable()
        self.tmp = tempfile.TemporaryDirectory(prefix="ogpctl-site-")
        self.out = Path(self.tmp.name) / "bundle"
        self.process: subprocess.Popen[str] | None = None
        self.failure: BaseException | None = None
        self.starting = threading.Thread(target=self._start, args=(program, pages),
                                         name="ogpctl-pagefind", daemon=True)
        self.starting.start()

    def _start(self, program: Path, pages: dict[str, bytes]) -> None:
        try:
            site = Path(self.tmp.name) / "site"
            _scratch(site, pages)
            self.process = subprocess.Popen(
                [str(program), "--site", str(site), "--output-path", str(self.out),
                 "--keep-index-url", "--silent"], cwd=self.tmp.name, text=True,
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except BaseException as error:   # raised in the caller's thread by `finish`
            self.failure = error

    def _started(self) -> subprocess.Popen[str]:
        """The running Pagefind, once the thread has started it (or why it could not)."""
        self.starting.join()
        if isinstance(self.failure, OSError) and \
                not isinstance(self.failure, RecordWriteError):
            raise SearchIndexError(f"Pagefind could not run: {self.failure}") from None
        if self.failure is not None:
            raise self.failure
        if self.process is None:
            raise SearchIndexError("Pagefind was stopped")
        return self.process

    def finish(self) -> dict[str, bytes]:
        try:
            process = self._started()
            stdout, stderr = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired as error:
            raise SearchIndexError(f"Pagefind could not run: {error}") from None
        finally:
            if self.process is None or self.process.returncode is None:
                self.cancel()
        try:
            if process.returncode != 0:
                why = (stderr or stdout).strip().splitlines()[-1:] or ["no output"]
                raise SearchIndexError(f"Pagefind failed (exit {process.returncode}): "
                                       f"{why[0]}")
            return {f"{urls.PAGEFIND}/{path.relative_to(self.out).as_posix()}": stable(path)
                    for path in sorted(self.out.rglob("*")) if path.is_file()}
        finally:
            self.cancel()

    def cancel(self) -> None:
        self.starting.join()
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
        self.tmp.cleanup()


def _scratch(site: Path, pages: dict[str, bytes]) -> None:
    """The pages as new files below `site` (ogpctl's own scratch folder), never through
    a link: each folder opened once for all its pages (`write_scratch` opens the way down
    for each file, a tenth of a second of a rebuild's way to Pagefind)."""
    from ogpctl.base.confined import open_folder, parts_of

    folders: dict[tuple[str, ...], list[tuple[str, bytes]]] = {}
    for name, data in pages.items():
        parts = parts_of(name)
        folders.setdefault(parts[:-1], []).append((parts[-1], data))
    for parts, files in folders.items():
        try:
            with open_folder(site, parts, create=True) as folder:
                for file, data in files:
                    if not folder.create(file, data, 0o600):
                        raise RecordWriteError(f"{folder.path / file} is there already")
        except OSError as error:
            if isinstance(error, RecordWriteError):
                raise
            raise RecordWriteError(f"cannot write in {site}: {error.strerror or error}"
                                   ) from None


def merge(bundles: list[dict[str, bytes]]) -> dict[str, bytes]:
    """The bundles of Pagefind runs over different languages as one run over them all
    makes it: their files together (a file two runs share, the script or the stemmer of
    a language, is the same in each) and one entry file listing every language."""
    entry_name = f"{urls.PAGEFIND}/pagefind-entry.json"
    merged: dict[str, bytes] = {}
    entry: dict[str, Any] | None = None
    for bundle in bundles:
        merged.update(bundle)
        if entry_name in bundle:
            found = json.loads(bundle[entry_name])
            if entry is None:
                entry = found
            elif isinstance(entry.get("languages"), dict) and \
                    isinstance(found.get("languages"), dict):
                entry["languages"].update(found["languages"])
    if entry is not None:
        merged[entry_name] = _entry_bytes(entry)
    return dict(sorted(merged.items()))


def stable(path: Path) -> bytes:
    """The file's bytes; Pagefind lists the languages of its entry file in hash-map order,
    so that list is sorted to keep the same record building the same bytes."""
    data = path.read_bytes()
    if path.name != "pagefind-entry.json":
        return data
    return _entry_bytes(json.loads(data))


def _entry_bytes(entry: dict[str, Any]) -> bytes:
    if isinstance(entry.get("languages"), dict):
        entry["languages"] = dict(sorted(entry["languages"].items()))
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

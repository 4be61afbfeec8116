"""Full-text search (handbook 5.1: the website is searchable) with Pagefind, the static
search index installed from PyPI (`pagefind[bin]`): it indexes the pages once at build
time, one index a language (from each page's `lang`), and the browser downloads only the
fragments a query needs, so search works offline from the built folder once it is
served over http. Opened straight from a folder (file://), browsers refuse to fetch the
index; the search page says so and lists every page instead.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from ogpctl.base.errors import OgpctlError
from ogpctl.site import urls
from ogpctl.site.view import Page, View

TIMEOUT = 300


class SearchIndexError(OgpctlError, RuntimeError):
    """Pagefind is missing or failed."""


def search_page(v: View, pages: list[Page]) -> Page:
    v = v.at("search.html")
    listed = sorted((p for p in pages if p.indexed), key=lambda p: p.path)
    return Page("search.html", v.L["search"], "search.html.j2", {
        "pages": [{"title": p.title, "href": v.href(p.path)} for p in listed],
        "ui_css": v.root_href(f"{urls.PAGEFIND}/pagefind-ui.css"),
        "ui_js": v.root_href(f"{urls.PAGEFIND}/pagefind-ui.js"),
        "script": v.root_href(f"{urls.ASSETS}/search.js"),
    }, section="search", indexed=False)


def executable() -> Path:
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise SearchIndexError("Pagefind is not installed: pip install 'pagefind[bin]' "
                               "(or build without search: --no-search)") from None
    found = get_executable()
    if found is None:
        raise SearchIndexError("the Pagefind program is missing: pip install "
                               "'pagefind[bin]' (or build without search: --no-search)")
    return found


def index_pages(pages: dict[str, bytes]) -> dict[str, bytes]:
    """Pagefind's bundle ({site path: bytes}) for the HTML `pages` ({site path: bytes})."""
    from ogpctl.base.confined import write_scratch

    program = executable()
    with tempfile.TemporaryDirectory(prefix="ogpctl-site-") as tmp:
        site, out = Path(tmp) / "site", Path(tmp) / "bundle"
        for name, data in pages.items():
            write_scratch(site / name, data, inside=site)
        try:
            done = subprocess.run(
                [str(program), "--site", str(site), "--output-path", str(out),
                 "--keep-index-url", "--silent"],
                cwd=tmp, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SearchIndexError(f"Pagefind could not run: {error}") from None
        if done.returncode != 0:
            why = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            raise SearchIndexError(f"Pagefind failed (exit {done.returncode}): {why[0]}")
        return {f"{urls.PAGEFIND}/{path.relative_to(out).as_posix()}": stable(path)
                for path in sorted(out.rglob("*")) if path.is_file()}


def stable(path: Path) -> bytes:
    """The file's bytes; Pagefind lists the languages of its entry file in hash-map order,
    so that list is sorted to keep the same record building the same bytes."""
    data = path.read_bytes()
    if path.name != "pagefind-entry.json":
        return data
    entry = json.loads(data)
    if isinstance(entry.get("languages"), dict):
        entry["languages"] = dict(sorted(entry["languages"].items()))
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

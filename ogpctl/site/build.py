"""Building the whole site in memory: {path from the site root: bytes}."""

from __future__ import annotations

from datetime import date

from ogpctl.base.resources import data_dir
from ogpctl.base.vcs import History
from ogpctl.record.model import Record
from ogpctl.site import urls
from ogpctl.site.about import contacts, forum, home
from ogpctl.site.comments import comments_of
from ogpctl.site.dashboard import dashboard_page
from ogpctl.site.documents import DEFAULT_FORMATS, documents_page, planned, render_documents
from ogpctl.site.evidence import evidence_page, publish_files
from ogpctl.site.exports import exports
from ogpctl.site.layout import render_page, render_root
from ogpctl.site.meetings import meeting_page, meetings_index
from ogpctl.site.participate import participate
from ogpctl.site.plans import commitment_page, plan_page, plans_index
from ogpctl.site.search import index_pages, search_page
from ogpctl.site.updates import updates_page
from ogpctl.site.view import Page, Site, View

ASSET_FILES = ("site.css", "search.js")


def language_pages(v: View) -> list[Page]:
    record = v.site.record
    pages = [home(v), contacts(v), forum(v), participate(v), meetings_index(v),
             *(meeting_page(v, m) for m in record.meetings), plans_index(v)]
    for plan in record.plans:
        pages += [plan_page(v, plan), dashboard_page(v, plan), evidence_page(v, plan),
                  *(commitment_page(v, c) for c in plan.commitments)]
    pages += [updates_page(v), documents_page(v)]
    return pages + [search_page(v, pages)]


def build_site(record: Record, today: date, history: History | None = None,
               formats: tuple[str, ...] = DEFAULT_FORMATS, search: bool = True
               ) -> dict[str, bytes]:
    """Every file of the site. `history` defaults to the record's git history; `formats`
    are those of the documents offered for download (none: no documents)."""
    from ogpctl.base.vcs import read_history
    from ogpctl.domain.document_repository import build_index

    index = build_index(record, history if history is not None else read_history(record.root))
    files, published = publish_files(record.root, index)
    downloads = planned(record, formats)
    site = Site(record, today, index, published, downloads, comments_of(record))
    files.update(render_documents(record, downloads, today))
    files.update({f"{urls.DATA}/{name}": data
                  for name, data in exports(record, index, today).items()})
    pages: dict[str, bytes] = {}
    for code in site.languages:
        view = View.of(site, code)
        for page in language_pages(view):
            pages[urls.in_language(code, page.path)] = render_page(view, page)
    pages["index.html"] = render_root(View.of(site, site.languages[0]))
    files.update(pages)
    for name in ASSET_FILES:
        files[f"{urls.ASSETS}/{name}"] = (data_dir("templates") / "site" / name).read_bytes()
    if search:
        files.update(index_pages(pages))
    return dict(sorted(files.items()))

"""Pages into HTML: one Jinja environment (autoescaping, StrictUndefined) over
templates/site/, a layout with landmarks, a skip link, the main navigation and the
language switch, and relative links only."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from ogpctl.base.i18n import Language
from ogpctl.base.resources import data_dir
from ogpctl.render.blocks import direction
from ogpctl.site import urls
from ogpctl.site.compiled import StoredCode
from ogpctl.site.view import Page, View
from ogpctl.source.bidi import shown

#: (key, label key, page) of the main navigation, in order.
NAVIGATION = (
    ("home", "home", "index.html"), ("plans", "plans", "plans/index.html"),
    ("updates", "updates", "updates.html"), ("forum", "forum", "forum.html"),
    ("meetings", "meetings", "meetings/index.html"),
    ("participate", "participate", "participate.html"),
    ("contacts", "contacts", "contacts.html"), ("documents", "documents", "documents.html"),
    ("search", "search", "search.html"),
)


#: What a dict has as attributes: `x.items` in a template is the method, as Jinja has it.
_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """Jinja's environment, with `x.key` on a plain dict (the pages' data) looked up as
    the key at once: Jinja tries the attribute first, and the AttributeError it raises
    and catches for each of half a million lookups was a tenth of a page's time. The
    result is Jinja's own: a dict has no attribute but its methods."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def _shown(value: object) -> object:
    """Every `{{ }}` value of a page: a record text without the directional characters
    that could reorder it (R013: `source.bidi.shown`); Markup, made by render/html, has
    been through it already."""
    return shown(value) if type(value) is str else value


@cache
def environment() -> jinja2.Environment:
    return _Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates") / "site")),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
        lstrip_blocks=True, keep_trailing_newline=True, finalize=_shown,
        auto_reload=False,   # ogpctl's own files, not changed while it runs: no stat a page
        bytecode_cache=StoredCode())   # filled from the record's store: `site.compiled`


def render_page(view: View, page: Page) -> bytes:
    v = view.at(page.path)
    lang = Language(v.code)
    context = {
        "v": v, "L": v.L, "page": page, "lang": v.code, "dir": "rtl" if lang.rtl else "ltr",
        "site_name": site_name(v), "nav": navigation(v, page), "switch": switch(v, page),
        "plan_nav": plan_navigation(v, page), "comment": comment_href(v, page),
        "css": v.root_href(f"{urls.ASSETS}/site.css"),
        "footer": v._("Published from the OGP record of {country} on {date}.",
                      country=v.c.country(), date=v.date(v.site.today)),
    }
    return environment().get_template(page.template).render(**context, **page.data) \
        .encode("utf-8")


def site_name(v: View) -> str:
    return v._("Open Government Partnership in {country}", country=v.c.country())


def navigation(v: View, page: Page) -> list[dict]:
    return [{"label": v.L[label], "href": v.href(path), "current": key == page.section}
            for key, label, path in NAVIGATION]


def switch(v: View, page: Page) -> list[dict]:
    """The same page in every language, each named in itself."""
    return [{"code": code, "name": Language(code).name, "dir": direction(code),
             "href": urls.relative(v.here, urls.in_language(code, page.path)),
             "current": code == v.code} for code in v.site.languages]


def plan_navigation(v: View, page: Page) -> list[dict]:
    if page.plan is None:
        return []
    items = (("overview", urls.plan_page(page.plan)),
             ("dashboard", urls.plan_page(page.plan, "dashboard.html")),
             ("repository", urls.plan_page(page.plan, "evidence.html")),
             ("contributions", urls.plan_page(page.plan, "contributions.html")))
    return [{"label": v.L[key], "href": v.href(path), "current": path == page.path}
            for key, path in items]


def comment_href(v: View, page: Page) -> dict | None:
    comments = v.site.comments
    if comments is None or not page.indexed:
        return None
    href = comments.href(title=f"{page.title} ({v.c.country()})",
                         path=urls.in_language(v.code, page.path), lang=v.code)
    return {"href": href, "label": comments.label(v) or v.L["comment"]} if href else None


def render_root(view: View) -> bytes:
    """The site's front door: each language named in itself, no redirect."""
    entries = []
    for code in view.site.languages:
        own = View.of(view.site, code)
        entries.append({"code": code, "name": Language(code).name,
                        "dir": direction(code),
                        "title": site_name(own), "href": f"{code}/index.html",
                        "choose": own.L["choose_language"]})
    first = Language(view.code)
    return environment().get_template("root.html.j2").render(
        entries=entries, lang=first.code, dir="rtl" if first.rtl else "ltr",
        title=site_name(view), css=f"{urls.ASSETS}/site.css").encode("utf-8")

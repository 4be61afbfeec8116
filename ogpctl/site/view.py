"""What a page builder works with: the record and shared parts of the site (`Site`), and
one language (`View`), which turns record values into escaped HTML.

Record text reaches a page only through here: as a `str` that Jinja escapes, or as
`Markup` made by the document writer (`ogpctl.render.html`), which escapes every text and
keeps only links that `safe_href` allowed. That Markup is final: it is never changed with
string methods (`Markup.replace` escapes its arguments, `str` methods and f-strings make
text that Jinja escapes again); what the website needs (tables that scroll sideways,
headings with ids) the writer makes itself (`html.Writer`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from markupsafe import Markup

from ogpctl.base.i18n import Language
from ogpctl.domain.obligations import FAILED, Obligation, plan_calendar
from ogpctl.record.evidence import public_address
from ogpctl.record.model import Plan, Record, as_date, as_email
from ogpctl.render import html
from ogpctl.render.blocks import Block, Code, Inline, Link, Text
from ogpctl.render.context import RenderContext
from ogpctl.render.prose import safe_href
from ogpctl.site import urls
from ogpctl.site.labels import labels
from ogpctl.site.progress import CommitmentState, Update, all_updates, plan_states

if TYPE_CHECKING:
    from ogpctl.domain.document_repository import Index
    from ogpctl.site.inputs import Inputs
    from ogpctl.site.store import Store


@dataclass(frozen=True)
class Download:
    """A rendered document offered for download."""

    plan: str
    document: str
    lang: str
    fmt: str
    path: str           # from the site root
    commitment: int | None = None
    prepared: str | None = None   # a self-assessment report but the current one: its day


@dataclass
class Page:
    path: str                        # inside the language folder
    title: str
    template: str
    data: dict[str, Any] = field(default_factory=dict)
    section: str = ""                # the main navigation entry it belongs to
    plan: str | None = None          # the plan whose navigation it shows
    indexed: bool = True             # searchable (Pagefind)
    heading: Markup | None = None    # the <h1> when it is not `title` as text (marked parts)


@dataclass
class Site:
    """What every language of the site shares."""

    record: Record
    today: date
    index: Index | None
    published: dict[str, str] = field(default_factory=dict)   # record path -> site path
    downloads: list[Download] = field(default_factory=list)
    comments: Any = None                                       # site.comments.Comments
    #: Record texts already made into HTML, by (kind, page language, text language, text,
    #: level): the same text is on a commitment page, the updates page and the dashboard,
    #: and is escaped once. Markup is immutable, so sharing it is safe.
    html: dict[tuple, Markup] = field(default_factory=dict, repr=False)
    dates: dict[tuple, str] = field(default_factory=dict, repr=False)   # formatted, by language
    #: What each page reads and the files of earlier builds (`site.inputs`, `site.store`),
    #: for parts of a page that are kept on their own (the updates page's entries).
    inputs: Inputs | None = None
    store: Store | None = None

    _states: dict[str, list[CommitmentState]] = field(default_factory=dict, repr=False)
    _updates: list[Update] | None = field(default=None, repr=False)
    _failed: dict[tuple[str, str], list[Obligation]] = field(default_factory=dict, repr=False)
    #: (failed count, refresh due) by (plan, language): `overdue.failed_summary`
    summaries: dict[tuple[str, str], tuple[int, date | None]] = field(default_factory=dict,
                                                                       repr=False)

    @property
    def languages(self) -> tuple[str, ...]:
        return self.record.languages.required

    def plan_states(self, plan: Plan) -> list[CommitmentState]:
        """Each commitment's state today, computed once for every language and page."""
        if plan.id not in self._states:
            self._states[plan.id] = plan_states(plan, self.today)
        return self._states[plan.id]

    def failed(self, plan: Plan, lang: str) -> list[Obligation]:
        """What the plan has failed today (overdue, missed, early: `FAILED`), from the one
        list `ogpctl deadlines` and `ogpctl status` read, by date, titles in `lang`."""
        key = (plan.id, lang)
        if key not in self._failed:
            items = plan_calendar(self.record, plan, self.today, lang)
            self._failed[key] = sorted((o for o in items if o.state in FAILED),
                                       key=lambda o: (o.date, o.id))
        return self._failed[key]

    def updates(self) -> list[Update]:
        """Every update of every plan, newest first (`progress.all_updates`), gathered
        once for the home page and the updates page of every language."""
        if self._updates is None:
            self._updates = all_updates(self.record.plans)
        return self._updates


@dataclass
class View:
    """One language of the site, at one page (`here`, from the site root)."""

    site: Site
    c: RenderContext
    here: str = ""

    @classmethod
    def of(cls, site: Site, code: str) -> View:
        return cls(site, RenderContext(site.record, Language(code), site.today))

    def at(self, path: str) -> View:
        return replace(self, here=urls.in_language(self.code, path))

    @property
    def code(self) -> str:
        return self.c.lang.code

    @property
    def L(self) -> dict[str, str]:   # noqa: N802 - the templates' name for labels
        return labels(self.code)

    def _(self, message: str, **values: object) -> str:
        return self.c.lang._(message, **values)

    # -- addresses -------------------------------------------------------------------
    def href(self, path: str) -> str:
        """A page of this language, relative to the current page."""
        return urls.relative(self.here, urls.in_language(self.code, path))

    def root_href(self, path: str) -> str:
        """A file beside the language folders (assets/, files/, documents/, data/)."""
        return urls.relative(self.here, path)

    def file_href(self, path: str) -> str:
        """A published evidence file: its name came from the record, so every character
        that means something in an address (# ? % spaces) is percent-encoded."""
        return quote(urls.relative(self.here, path), safe="/")

    # -- record values ---------------------------------------------------------------
    def inline(self, value: Any) -> Markup:
        found = self.c.resolve(value)
        if found is None:
            return Markup("")
        key = ("inline", self.code, *found)
        made = self.site.html.get(key)
        if made is None:
            made = self.site.html[key] = html.inlines(self.c.inline(value))
        return made

    def text(self, value: Any) -> str:
        return self.c.string(value)

    def blocks(self, value: Any, level: int = 3) -> Markup:
        found = self.c.resolve(value)
        if found is None:
            return Markup("")
        key = ("blocks", self.code, *found, level)
        made = self.site.html.get(key)
        if made is None:
            made = self.site.html[key] = self.markup(self.c.blocks(value, base_level=level))
        return made

    @staticmethod
    def markup(items: tuple[Block, ...] | list[Block], anchors: str = "") -> Markup:
        """Blocks as the website shows them: each table in a box that scrolls sideways on
        a narrow screen; with `anchors`, headings with ids `<anchors>-N` (for links and
        for Pagefind, which files text under the nearest heading with an id)."""
        return html.Writer(scrolling=True, anchors=anchors).blocks(items)

    def stakeholder(self, ident: Any) -> Markup:
        if not isinstance(ident, str):
            return Markup("")
        key = ("stakeholder", self.code, ident)
        made = self.site.html.get(key)
        if made is None:
            made = self.site.html[key] = html.inlines(self.c.stakeholder(ident))
        return made

    def date(self, value: Any) -> str:
        day = value if isinstance(value, date) else as_date(value)
        if not day:
            return ""
        key = ("date", self.code, day)
        made = self.site.dates.get(key)
        if made is None:
            made = self.site.dates[key] = self.c.lang.date(day)
        return made

    def number(self, value: float) -> str:
        return self.c.lang.number(value)

    def plan_title(self, plan: Plan) -> str:
        """The plan's title as plain text, for <title> and other attributes."""
        return self.c.plan_title(plan)

    def plan_heading(self, plan: Plan) -> Markup:
        """The plan's title for headings and links: a title shown in another language is
        marked, with its own language and direction, isolated (`RenderContext.plan_heading`)."""
        key = ("plan", self.code, plan.id)
        made = self.site.html.get(key)
        if made is None:
            made = self.site.html[key] = html.inlines(self.c.plan_heading(plan))
        return made

    @staticmethod
    def url(value: Any) -> str | None:
        return safe_href(value) if isinstance(value, str) else None

    @staticmethod
    def mailto(value: Any) -> str | None:
        """A `mailto:` link made from an email address the schema accepts, and from
        nothing else: no `?bcc=`, no other part (`as_email`); None for any other value."""
        address = as_email(value)
        return f"mailto:{address}" if address else None

    # -- evidence --------------------------------------------------------------------
    def evidence(self, item: Any, base: str = "") -> Markup:
        """An evidence reference from the record: a link to the published copy of the
        file, or to its web address; shown as written when it is neither."""
        if isinstance(item, str):
            return html.inlines(self._evidence_target(item, base, ()))
        if isinstance(item, dict):
            title = self.c.inline(item.get("title"))
            target = item.get("url") or item.get("path")
            if isinstance(target, str):
                return html.inlines(self._evidence_target(target, base, title))
            return html.inlines(title)
        return Markup("")

    def _evidence_target(self, target: str, base: str, title: tuple[Inline, ...]
                         ) -> tuple[Inline, ...]:
        if target.lower().startswith(("http://", "https://")):
            href = safe_href(target)
            label = title or (Text(public_address(target)),)
            return (Link(href, label),) if href else label
        path = posixpath.normpath(posixpath.join(base, target)) if base else target
        published = self.site.published.get(path)
        label = title or (Code(posixpath.basename(target)),)
        if published:
            return (Link(self.file_href(published), label),)
        return (*title, Text(" ("), Code(target), Text(")")) if title else (Code(target),)

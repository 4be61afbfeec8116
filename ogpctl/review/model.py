"""A change to the record as a reviewer needs it: what it means (`ogpctl.domain.diff`), the
findings it introduces or fixes, the deadlines it moves, and the website pages it touches.

Both sides are read out of git's object database (the head may be the working tree) into
scratch folders, and both are checked and built there in the same way: a finding present
on both sides is not news, and nothing that depends on where a side was read from (the
git history of the checkout) can look like a change. What git says of the plans'
deliveries (the `submitted/<plan>` tags) is the checkout's, the same for both sides: a
change to a delivered plan shows C418 as `ogpctl check` shows it. The core of `ogpctl
review`; it prints nothing and reads only.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ogpctl.base.confined import link_scratch
from ogpctl.base.diagnostics import Diagnostic, Severity
from ogpctl.domain.diff import Change, compare, record_from_files, undescribed
from ogpctl.domain.obligations import Obligation, obligations
from ogpctl.record.model import Record


@dataclass(frozen=True)
class Finding:
    """A finding of one side: `commit` is that side's commit (None: the working tree),
    `path` the file's path inside the repository."""

    diagnostic: Diagnostic
    commit: str | None
    path: str

    def link(self, template: str | None) -> str | None:
        """The address of the file at the finding's line, from a template with {commit},
        {path} and {line}; None without a template or a commit."""
        if not template or self.commit is None:
            return None
        line = self.diagnostic.line or 1
        return template.format(commit=self.commit, path=self.path, line=line)

    def to_json(self, template: str | None = None) -> dict[str, Any]:
        return {**self.diagnostic.to_json(), "path": self.path, "commit": self.commit,
                "url": self.link(template)}


@dataclass(frozen=True)
class MovedDeadline:
    """An obligation of the calendar whose date the change moves, adds or removes."""

    plan: str
    id: str
    subject: str
    title: str
    old: date | None
    new: date | None

    def to_json(self) -> dict[str, Any]:
        return {"plan": self.plan, "id": self.id, "subject": self.subject or None,
                "title": self.title, "old": self.old.isoformat() if self.old else None,
                "new": self.new.isoformat() if self.new else None}


@dataclass
class Review:
    base: str
    head: str | None            # None: the working tree
    described: str              # the range as the user named it
    prefix: str                 # the record's folder inside the repository ("" at the top)
    today: date
    old: Record
    new: Record
    changes: list[Change]
    introduced: list[Finding]
    fixed: list[Finding]
    files: list[tuple[str, str]] = field(default_factory=list)   # (path, added|removed|changed)
    pages: list[str] = field(default_factory=list)          # site pages that change
    site: dict[str, bytes] = field(default_factory=dict)    # the head's site (a preview)

    @property
    def base_name(self) -> str:
        """The base as the user named it (a tag, a branch), else its short commit id."""
        named, dots, _ = self.described.partition(" .. ")
        return named if dots and named else self.base[:12]

    def deadlines(self, lang: str = "en") -> list[MovedDeadline]:
        return moved_deadlines(self.old, self.new, self.today, lang)

    def introduces_errors(self) -> bool:
        return any(f.diagnostic.severity is Severity.ERROR for f in self.introduced)

    def to_json(self, lang: str = "en", template: str | None = None) -> dict[str, Any]:
        return {"range": self.described, "base": self.base, "head": self.head,
                "changes": [c.to_json() for c in self.changes + undescribed(self.changes,
                                                                            self.files)],
                "findings": {"introduced": [f.to_json(template) for f in self.introduced],
                             "fixed": [f.to_json(template) for f in self.fixed]},
                "deadlines": [d.to_json() for d in self.deadlines(lang)],
                "files": [{"path": self.prefix + path, "status": status}
                          for path, status in self.files],
                "pages": self.pages}


def review_revisions(root: Path, base: str, head: str | None, described: str, today: date,
                     preview: bool = False) -> Review:
    """The review of the change from commit `base` to commit `head` (None: the working
    tree as the next commit would take it) of the record at `root`; `preview` builds the
    website of both sides to find the pages the change touches."""
    from ogpctl.base.vcs import record_prefix, tree_at

    prefix = record_prefix(root)
    old_files, old_links = tree_at(root, base)
    new_files, new_links = tree_at(root, head)
    with tempfile.TemporaryDirectory(prefix="ogpctl-review-") as tmp:
        sides = []
        for name, files, links in (("base", old_files, old_links),
                                   ("head", new_files, new_links)):
            folder = Path(tmp) / name
            folder.mkdir()
            record = record_from_files(files, folder)
            for link, target in links.items():   # so that check reports each (R012)
                link_scratch(folder / link, target, folder)
            sides.append((record, _findings(folder, today, root)))
        (old, before), (new, after) = sides
        review = Review(base, head, described, prefix, today, old, new, compare(old, new),
                        *_news(before, after, base, head, prefix),
                        files=changed_files({**old_files, **_as_files(old_links)},
                                            {**new_files, **_as_files(new_links)}))
        if preview:
            review.pages, review.site = changed_pages(old, new, today)
    return review


def _as_files(links: dict[str, str]) -> dict[str, bytes]:
    """Links as the file list compares them: a link is a file the change touches (a new
    one, another target), which no file's bytes can be mistaken for."""
    return {name: b"\0symbolic link -> " + target.encode("utf-8", "replace")
            for name, target in links.items()}


def changed_files(old: dict[str, bytes], new: dict[str, bytes]) -> list[tuple[str, str]]:
    """Every file the change adds, removes or changes, record-relative, sorted."""
    return [(name, "added" if name not in old else "removed" if name not in new else "changed")
            for name in sorted(old.keys() | new.keys()) if old.get(name) != new.get(name)]


def _findings(folder: Path, today: date, root: Path) -> list[Diagnostic]:
    """The findings of the side copied into `folder`, with the deliveries (submitted tags)
    of the repository at `root` that it came from: C418 and C417 judge both sides against
    the plans as delivered, as `ogpctl check` in the checkout does."""
    from ogpctl.check.run import CheckOptions, check_record

    options = CheckOptions(today=today, use_cache=False, jobs=1, deliveries=root)
    return check_record(folder, options)[0]


def _key(item: Diagnostic) -> tuple[str, str, str]:
    """A finding's identity across the two sides: its line may move with the text above."""
    return item.code, item.file, item.message


def _news(before: list[Diagnostic], after: list[Diagnostic], base: str, head: str | None,
          prefix: str) -> tuple[list[Finding], list[Finding]]:
    """(introduced, fixed): findings only the head has, and those only the base had. A
    finding the base had twice and the head once is fixed once."""
    return (_only(after, Counter(map(_key, before)), head, prefix),
            _only(before, Counter(map(_key, after)), base, prefix))


def _only(items: list[Diagnostic], other: Counter, commit: str | None, prefix: str
          ) -> list[Finding]:
    found = []
    for item in sorted(items, key=Diagnostic.sort_key):
        key = _key(item)
        if other[key] > 0:
            other[key] -= 1
            continue
        found.append(Finding(item, commit, prefix + item.file))
    return found


def moved_deadlines(old: Record, new: Record, today: date, lang: str = "en"
                    ) -> list[MovedDeadline]:
    """Obligations whose date differs between the two records, and those only one has
    (titles in `lang`). An obligation that repeats (a cadence) is told apart by its place
    among those of the same kind."""
    before, after = _calendar(old, today, lang), _calendar(new, today, lang)
    unknown = _unreadable(old) | _unreadable(new)
    moved = []
    for key in sorted(before.keys() | after.keys(), key=_order(before, after)):
        a, b = before.get(key), after.get(key)
        if a is not None and b is not None and a.date == b.date:
            continue
        if key[0] in unknown or (key[0], key[2].split(".")[0]) in unknown:
            continue   # a file one side cannot read: its dates are not known
        shown = b or a
        moved.append(MovedDeadline(key[0], key[1], key[2], shown.title,  # type: ignore
                                   a.date if a else None, b.date if b else None))
    return moved


def _unreadable(record: Record) -> set:
    """Plans whose plan.yaml cannot be read, and (plan, commitment number) of commitment
    files that cannot be read."""
    found: set = set()
    for plan in record.plans:
        if plan.doc is not None and not plan.doc.ok:
            found.add(plan.id)
        found.update((plan.id, str(c.number)) for c in plan.commitment_files
                     if not c.doc.ok)
    return found


def _calendar(record: Record, today: date, lang: str) -> dict[tuple, Obligation]:
    found: dict[tuple, Obligation] = {}
    seen: Counter = Counter()
    for item in obligations(record, today, lang):
        base = (item.plan, item.id, item.subject)
        found[(*base, seen[base])] = item
        seen[base] += 1
    return found


def _order(before: dict, after: dict):
    def key(item: tuple) -> tuple:
        shown = after[item] if item in after else before[item]
        return item[0], shown.date, item[1], item[2], item[3]
    return key


def changed_pages(old: Record, new: Record, today: date) -> tuple[list[str], dict[str, bytes]]:
    """(pages of the website whose content the change alters, added or removes; the
    head's whole site). Both sides are built alike, without document downloads or the
    search index, so a page differs only through the change."""
    from ogpctl.base.vcs import NOT_A_REPOSITORY, History
    from ogpctl.site import build_site

    sides = [build_site(record, today, History(NOT_A_REPOSITORY), formats=(), search=False)
             for record in (old, new)]
    before, after = sides
    pages = sorted(name for name in before.keys() | after.keys()
                   if name.endswith(".html") and before.get(name) != after.get(name))
    return pages, after


__all__ = ["Finding", "MovedDeadline", "Review", "changed_pages", "moved_deadlines",
           "review_revisions"]

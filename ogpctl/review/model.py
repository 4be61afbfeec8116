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
from ogpctl.check.locate import Suppression
from ogpctl.domain.diff import Change, compare, record_from_files, undescribed
from ogpctl.domain.obligations import Obligation, obligations
from ogpctl.record.model import Record
from ogpctl.review.history import Redated, redated, restored
from ogpctl.review.suppressed import (
    SuppressionChange,
    changed_suppressions,
    shown,
    still_there,
)
from ogpctl.review.suppressed import key as finding_key


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
    named_base: str | None = None   # the commit the user named, when `base` is its merge base
    #: findings the base showed that the head still has, covered by a suppression it adds
    hidden: list[Finding] = field(default_factory=list)
    suppressions: list[SuppressionChange] = field(default_factory=list)
    #: progress updates the change re-dates, and the findings it fixes only by doing so
    redated: list[Redated] = field(default_factory=list)
    rewritten: list[Finding] = field(default_factory=list)

    @property
    def base_name(self) -> str:
        """The base as the user named it (a tag, a branch), else its short commit id."""
        named, dots, _ = self.described.partition(" .. ")
        return named if dots and named else self.base[:12]

    @property
    def from_merge_base(self) -> bool:
        """Whether the base the user named moved on since the change branched from it, so
        the change is compared with their merge base (as `git diff BASE...HEAD`)."""
        return self.named_base is not None and self.named_base != self.base

    def deadlines(self, lang: str = "en") -> list[MovedDeadline]:
        return moved_deadlines(self.old, self.new, self.today, lang)

    def introduces_errors(self) -> bool:
        """Whether the change brings an error, or hides one with a suppression it adds:
        switching the rule off does not make the change pass."""
        return any(f.diagnostic.severity is Severity.ERROR
                   for f in (*self.introduced, *self.hidden))

    def to_json(self, lang: str = "en", template: str | None = None) -> dict[str, Any]:
        return {"range": self.described, "base": self.base, "head": self.head,
                "named_base": self.named_base,
                "changes": [c.to_json() for c in self.changes + undescribed(self.changes,
                                                                            self.files)],
                "findings": {"introduced": [f.to_json(template) for f in self.introduced],
                             "fixed": [f.to_json(template) for f in self.fixed],
                             "hidden": [f.to_json(template) for f in self.hidden],
                             "fixed-by-redating": [f.to_json(template)
                                                   for f in self.rewritten]},
                "redated-progress": [r.to_json() for r in self.redated],
                "suppressions": [s.to_json() for s in self.suppressions],
                "deadlines": [d.to_json() for d in self.deadlines(lang)],
                "files": [{"path": self.prefix + path, "status": status}
                          for path, status in self.files],
                "pages": self.pages, "removed-pages": self.removed_pages()}

    def removed_pages(self) -> list[str]:
        """The pages that change which the change deletes: not in the head's site."""
        return [page for page in self.pages if page not in self.site]


def branch_point(root: Path, base: str, head: str | None) -> str:
    """Where the change from `base` to `head` (None: the working tree, on HEAD) started:
    the merge base of the two commits, as `git diff BASE...HEAD` and GitLab take it, so
    that what was merged into `base` since the change branched off does not show as
    undone by it. `base` itself when the two share no history. In CI the base is already
    that point (GitHub's base.sha is a parent of the merge commit; GitLab gives
    CI_MERGE_REQUEST_DIFF_BASE_SHA), and the merge base of a commit and its descendant
    is that commit."""
    from ogpctl.base.vcs import head_commit, merge_base

    return merge_base(root, base, head or head_commit(root)) or base


def review_revisions(root: Path, base: str, head: str | None, described: str, today: date,
                     preview: bool = False, since_branch: bool = False) -> Review:
    """The review of the change from commit `base` to commit `head` (None: the working
    tree as the next commit would take it) of the record at `root`; `preview` builds the
    website of both sides to find the pages the change touches; `since_branch` reviews it
    from where `head` branched from `base` (`branch_point`)."""
    from ogpctl.base.vcs import record_prefix, tree_at
    from ogpctl.check.locate import suppressions

    named = base
    if since_branch:
        base = branch_point(root, base, head)

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
        (old, raw_before), (new, raw_after) = sides
        before, after = suppressions(old), suppressions(new)
        introduced, fixed = _news(shown(raw_before, before), shown(raw_after, after))
        fixed, _ = still_there(fixed, raw_after)
        fixed = _still_unread(fixed, raw_after)
        hidden = _hidden(raw_before, before, raw_after, after)
        moved = redated(old, new)
        fixed, rewritten = _rewritten(fixed, restored(new_files, moved), after, today, root,
                                      Path(tmp)) if moved else (fixed, [])
        review = Review(base, head, described, prefix, today, old, new, compare(old, new),
                        _at(introduced, head, prefix), _at(fixed, base, prefix),
                        files=changed_files({**old_files, **_as_files(old_links)},
                                            {**new_files, **_as_files(new_links)}),
                        named_base=named, hidden=_at(hidden, head, prefix),
                        suppressions=changed_suppressions(before, after),
                        redated=moved, rewritten=_at(rewritten, base, prefix))
        if preview:
            review.pages, review.site = changed_pages(old, new, today)
    return review


def _still_unread(fixed: list[Diagnostic], after: list[Diagnostic]) -> list[Diagnostic]:
    """Of the findings the head no longer shows, those on a file it could still have:
    a file behind a folder the change made a symbolic link (R012 on the folder) was not
    read, so its findings are not fixed."""
    linked = tuple(f"{item.file}/" for item in after if item.code == "R012")
    return [item for item in fixed if not item.file.startswith(linked)] if linked else fixed


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
    """The findings of the side copied into `folder`, suppressed ones too (the review
    weighs each side's suppressions itself: `ogpctl.review.suppressed`), with the
    deliveries (submitted tags) of the repository at `root` that it came from: C418 and
    C417 judge both sides against the plans as delivered, as `ogpctl check` in the
    checkout does."""
    from ogpctl.check.run import CheckOptions, check_record

    options = CheckOptions(today=today, use_cache=False, jobs=1, deliveries=root,
                           suppress=False)
    return check_record(folder, options)[0]


def _hidden(raw_before: list[Diagnostic], before: list[Suppression],
            raw_after: list[Diagnostic], after: list[Suppression]) -> list[Diagnostic]:
    """The findings the head has and hides that the base did not hide: those a
    suppression the change adds covers, whether the base showed them (not fixed, hidden)
    or the change brings them (introduced, and hidden at once)."""
    was = [item for item in raw_before if any(s.covers(item) for s in before)]
    now = [item for item in raw_after if any(s.covers(item) for s in after)]
    return _only(now, Counter(map(finding_key, was)))


def _rewritten(fixed: list[Diagnostic], files: dict[str, bytes], kept: list[Suppression],
               today: date, root: Path, tmp: Path) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """(fixed, fixed only by re-dating): the head checked again with the dates of the
    progress updates it re-dates put back; a fixed finding that comes back then was fixed
    by rewriting history, not by the work."""
    folder = tmp / "restored"
    folder.mkdir()
    record_from_files(files, folder)
    again = Counter(map(finding_key, shown(_findings(folder, today, root), kept)))
    really, rewritten = [], []
    for item in fixed:
        if again[finding_key(item)] > 0:
            again[finding_key(item)] -= 1
            rewritten.append(item)
        else:
            really.append(item)
    return really, rewritten


def _news(before: list[Diagnostic], after: list[Diagnostic]
          ) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """(introduced, fixed): findings only the head shows, and those only the base showed.
    A finding the base had twice and the head once is fixed once."""
    return (_only(after, Counter(map(finding_key, before))),
            _only(before, Counter(map(finding_key, after))))


def _only(items: list[Diagnostic], other: Counter) -> list[Diagnostic]:
    found = []
    for item in sorted(items, key=Diagnostic.sort_key):
        if other[finding_key(item)] > 0:
            other[finding_key(item)] -= 1
            continue
        found.append(item)
    return found


def _at(items: list[Diagnostic], commit: str | None, prefix: str) -> list[Finding]:
    return [Finding(item, commit, prefix + item.file)
            for item in sorted(items, key=Diagnostic.sort_key)]


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
           "branch_point", "review_revisions"]

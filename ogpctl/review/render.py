"""The review of a change as a document in one language: what the change means, plan by
plan and commitment by commitment; the deadlines it moves; the findings it introduces or
fixes, each linked to its file and line; the website pages it touches. Written as
Markdown for a pull-request comment or a CI job summary (`ogpctl review`).

Sentences about commitments and milestones are the amendment note's, so the two
documents word a change alike.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from ogpctl.base.diagnostics import Severity
from ogpctl.base.i18n import Language
from ogpctl.domain.diff import Change, commitment_of, undescribed
from ogpctl.domain.rollup import is_withdrawn
from ogpctl.record.model import Commitment, Plan, Record
from ogpctl.render.amendment_note import MARKS, compose
from ogpctl.render.amendment_note import change_item as commitment_item
from ogpctl.render.blocks import (
    Block,
    Code,
    Document,
    Foreign,
    Heading,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    Strong,
    Table,
    Text,
    plain,
    text,
)
from ogpctl.render.context import RenderContext
from ogpctl.render.self_assessment import withdrawal_sentence
from ogpctl.review.documents import (
    document_item,
    document_title,
    is_document_change,
    progress_item,
)
from ogpctl.review.items import (
    contribution_item,
    contributor,
    plan_item,
    stale_items,
    unreadable_item,
)
from ogpctl.review.model import Finding, MovedDeadline, Review
from ogpctl.review.notices import (
    base_notice,
    hidden_sentence,
    history_blocks,
    redated_sentence,
    suppression_blocks,
)
from ogpctl.rules.wording import message_in

#: Findings listed in each list of the Markdown review, errors first: a pull-request
#: comment holds 65,536 characters, and a change that breaks a whole file brings hundreds.
MAX_FINDINGS = 50


def review_document(review: Review, lang: str, source_url: str | None = None,
                    preview_url: str | None = None) -> Document:
    """The review in `lang`; `source_url` links findings to their file and line (a
    template with {commit}, {path} and {line}); `preview_url` is where the preview of the
    site is published (pages are listed by their path below it)."""
    language = Language(lang)
    c = RenderContext(review.new, language, review.today)
    _ = language._
    doc = Document(title=text(_("Review of the change")), lang=lang, rtl=language.rtl,
                   subtitle=text(review.described))
    doc.blocks = [Paragraph((Text(_summary(c, review)),)), *base_notice(c, review)]
    doc.blocks += _meaning(c, review)
    doc.blocks += _deadlines(c, review.deadlines(lang))
    doc.blocks += _findings(c, review, source_url)
    doc.blocks += suppression_blocks(c, review, lambda item: _finding(c, item, source_url))
    doc.blocks += history_blocks(c, review, lambda item: _finding(c, item, source_url))
    if review.site:
        doc.blocks += _pages(c, review, preview_url)
    doc.blocks += _files(c, review)
    return doc


def changes_document(review: Review, lang: str) -> Document:
    """What the change means alone, in `lang` (`ogpctl diff --lang`): no findings, no
    deadlines, no website."""
    language = Language(lang)
    c = RenderContext(review.new, language, review.today)
    doc = Document(title=text(language._("What the change means")), lang=lang,
                   rtl=language.rtl, subtitle=text(review.described))
    count = language.n_("The change makes {count} change to the record.",
                        "The change makes {count} changes to the record.",
                        len(_changes(review)))
    doc.blocks = [Paragraph((Text(count),)), *_meaning(c, review)[1:]]
    return doc


def _summary(c: RenderContext, review: Review) -> str:
    n_ = c.lang.n_
    return " ".join(filter(None, (n_("The change makes {count} change to the record.",
                        "The change makes {count} changes to the record.",
                        len(_changes(review))),
                     n_("It introduces {count} finding", "It introduces {count} findings",
                        len(review.introduced)),
                     n_("and fixes {count}.", "and fixes {count}.", len(review.fixed)),
                     hidden_sentence(c, review), redated_sentence(c, review))))


# -- what the change means ----------------------------------------------------------------

def _meaning(c: RenderContext, review: Review) -> list[Block]:
    _ = c.lang._
    blocks: list[Block] = [Heading(2, (Text(_("What the change means")),))]
    changes = _changes(review)
    if not changes:
        return blocks + [Paragraph((Text(_("No file of the record changes.")),))]
    told = [ch for ch in changes if ch.kind != "undescribed"]
    for plan_id, group in groupby(told, key=lambda change: change.plan):
        items = list(group)
        blocks += _plan(c, review, plan_id, items) if plan_id else [
            Heading(3, (Text(_("The country's record")),)), *_documents(c, items)]
    rest = [ch for ch in changes if ch.kind == "undescribed"]
    if rest:
        blocks += [Heading(3, (Text(_("Other files")),)),
                   _list(document_item(c, ch) for ch in rest)]
    return blocks


def _changes(review: Review) -> list[Change]:
    """The changes the review tells: those found in the record's documents first (the
    country profile, the forum...), then plan by plan, then each file none of them is in,
    named as not described: every file the change touches has its line."""
    extra = undescribed(review.changes, review.files)
    own = [ch for ch in review.changes if not ch.plan]
    return own + [ch for ch in review.changes if ch.plan] + extra


def _documents(c: RenderContext, changes: list[Change]) -> list[Block]:
    """Changes found field by field, under a heading for each document."""
    blocks: list[Block] = []
    for path, group in groupby(changes, key=lambda change: change.document or change.field):
        items = list(group)
        blocks += [Heading(4, document_title(c, path or "", items[0])), _list(
            item for ch in items for item in (
                unreadable_item(c, ch) if ch.kind == "unreadable" else document_item(c, ch),
                *stale_items(c, ch)))]
    return blocks


def _plan(c: RenderContext, review: Review, plan_id: str, changes: list[Change]
          ) -> list[Block]:
    plan = _plan_named(review.new, plan_id) or _plan_named(review.old, plan_id)
    title = c.inline(plan.fields.get("title")) if plan else ()
    if plan_id not in plain(title):
        title = (*title, Text(f" ({plan_id})")) if title else (Text(plan_id),)
    blocks: list[Block] = [Heading(3, title)]
    documents = [ch for ch in changes
                 if commitment_of(ch) is None and is_document_change(ch)]
    changes = [ch for ch in changes if ch not in documents]
    own = [ch for ch in changes if commitment_of(ch) is None and ch.subject is None]
    if own:
        blocks.append(_list(item for ch in own for item in (
            plan_item(c, ch, _fixed_at(review, ch)), *stale_items(c, ch))))
    commitments = sorted((ch for ch in changes if commitment_of(ch) is not None),
                         key=_heading)
    for (number, removed), group in groupby(commitments, key=_heading):
        blocks += _commitment(c, review, plan_id, number, removed, list(group))
    answers = [ch for ch in changes if ch.subject is not None]
    if answers:
        blocks.append(Heading(4, (Text(c.lang._("Contributions and reasoned responses")),)))
        old = _plan_named(review.old, plan_id)
        blocks.append(_list(item for ch in answers for item in (
            contribution_item(c, ch, plan, old, _fixed_at(review, ch)),
            *stale_items(c, ch, contributor(c, ch.subject or "", plan, old)))))
    return blocks + _documents(c, documents)


def _heading(change: Change) -> tuple[int, bool]:
    """A commitment removed has its own heading, with its old title, even when another
    now has its number; a change to another field of a commitment's file goes under it."""
    return commitment_of(change) or 0, change.kind == "removed" and change.milestone is None


def _commitment(c: RenderContext, review: Review, plan_id: str, number: int, removed: bool,
                changes: list[Change]) -> list[Block]:
    plan = _plan_named(review.new, plan_id)
    commitment = None
    if plan is not None and not removed:
        commitment = next((item for item in plan.commitment_files if item.number == number),
                          None)
    title = (changes[0].values or (None, None))[0] if removed else \
        commitment.fields.get("title") if commitment else None
    if not title and not removed:   # a file the head cannot read: its title as it was
        title = _old_title(review, plan_id, changes[0])
    items = [item for ch in changes for item in (
        _change_item(c, commitment, ch, _fixed_at(review, ch)),
        *stale_items(c, ch, _milestone(c, commitment, ch)))]
    if commitment is not None and _withdrawn_now(review, plan_id, commitment):
        items.insert(0, (Strong((Text(withdrawal_sentence(c, commitment)),)),))
    return [Heading(4, (Text(f"{number}. "), *c.inline(title))), _list(items)]


def _withdrawn_now(review: Review, plan_id: str, commitment: Commitment) -> bool:
    """The change withdraws the commitment: every milestone is withdrawn now, not before."""
    if not is_withdrawn(commitment):
        return False
    plan = _plan_named(review.old, plan_id)
    before = next((item for item in plan.commitments if item.id == commitment.id), None) \
        if plan is not None else None
    return before is None or not is_withdrawn(before)


def _old_title(review: Review, plan_id: str, change: Change) -> Any:
    plan = _plan_named(review.old, plan_id)
    number = change.old if change.kind == "renumbered" else change.commitment
    for commitment in plan.commitments if plan else ():
        if commitment.number == number:
            return commitment.fields.get("title")
    return None


def _milestone(c: RenderContext, commitment: Any, change: Change) -> tuple[Inline, ...]:
    """The milestone a change is of, named as the amendment note names it (by number alone
    when the change is to its title); () for a change to the commitment itself."""
    from ogpctl.render.amendment_note import milestone_name, milestone_title

    if change.milestone is None:
        return ()
    title = None if change.field == "title" else milestone_title(commitment, change)
    return milestone_name(c, change, title)


def _change_item(c: RenderContext, commitment: Any, change: Change, base: str | None
                 ) -> tuple[Inline, ...]:
    if change.kind == "unreadable":
        return unreadable_item(c, change, base)
    if change.kind.startswith("progress"):
        from ogpctl.render.amendment_note import milestone_name, milestone_title

        return progress_item(c, change, milestone_name(
            c, change, milestone_title(commitment, change)))
    return commitment_item(c, commitment, change)


def _fixed_at(review: Review, change: Change) -> str | None:
    """The base revision, when the file of an "unreadable" change could not be read there
    but can be now: it is the base that failed, not the change."""
    if change.kind != "unreadable" or change.field is None:
        return None
    before, after = review.old.documents.get(change.field), review.new.documents.get(change.field)
    if before is not None and not before.ok and (after is None or after.ok):
        return review.base_name
    return None


def _plan_named(record: Record, plan_id: str) -> Plan | None:
    return next((plan for plan in record.plans if plan.id == plan_id), None)


def _list(items: Any) -> ListBlock:
    return ListBlock(tuple((Paragraph(tuple(item)),) for item in items))


# -- deadlines ------------------------------------------------------------------------------

def _deadlines(c: RenderContext, moved: list[MovedDeadline]) -> list[Block]:
    _ = c.lang._
    blocks: list[Block] = [Heading(2, (Text(_("Deadlines the change moves")),))]
    if not moved:
        return blocks + [Paragraph((Text(_("No deadline moves.")),))]
    rows = tuple(((Paragraph((Text(item.plan),)),), (Paragraph((Text(item.title),)),),
                  (Paragraph((Text(c.lang.date(item.old) or "—"),)),),
                  (Paragraph((Text(c.lang.date(item.new) or "—"),)),)) for item in moved)
    head = tuple((Paragraph((Text(label),)),) for label in (
        _("Plan"), _("Deadline"), _("Before"), _("After")))
    return blocks + [Table(head, rows)]


# -- findings -------------------------------------------------------------------------------

def _findings(c: RenderContext, review: Review, source_url: str | None) -> list[Block]:
    _ = c.lang._
    intro = _("Only the findings this change brings or removes are listed: a finding the "
              "record had before and still has is not news. Findings are worded in English; "
              "{command} tells why a rule exists and how to meet it.",
              command=MARKS["title"]) if c.lang.code == "en" else _(
        "Only the findings this change brings or removes are listed: a finding the record "
        "had before and still has is not news. Findings are worded in {language} where "
        "ogpctl has their words, else in English, marked so; {command} tells why a rule "
        "exists and how to meet it.", command=MARKS["title"], language=c.lang.name)
    blocks: list[Block] = [Heading(2, (Text(_("Findings")),)), Paragraph(compose(
        intro, title=(Code("ogpctl explain CODE"),)))]
    for title, items, empty in (
            (_("Introduced by this change"), review.introduced,
             _("The change introduces no finding.")),
            (_("Fixed by this change"), review.fixed, _("The change fixes no finding."))):
        blocks.append(Heading(3, (Text(f"{title} ({c.lang.number(len(items))})"),)))
        if not items:
            blocks.append(Paragraph((Text(empty),)))
            continue
        shown = sorted(items, key=lambda f: -f.diagnostic.severity)[:MAX_FINDINGS]
        blocks.append(_list(_finding(c, item, source_url) for item in shown))
        if len(items) > len(shown):
            blocks.append(Paragraph(compose(c.lang.n_(
                "… and {count} more, none more severe: the review as JSON and {command} "
                "list them all.",
                "… and {count} more, none more severe: the review as JSON and {command} "
                "list them all.", len(items) - len(shown), command=MARKS["title"]),
                title=(Code("ogpctl check"),))))
    return blocks


def severity_label(c: RenderContext, severity: Severity) -> str:
    return {Severity.ERROR: c.lang._("error"), Severity.WARNING: c.lang._("warning"),
            Severity.INFO: c.lang._("note")}[severity]


def _finding(c: RenderContext, finding: Finding, source_url: str | None
             ) -> tuple[Inline, ...]:
    d = finding.diagnostic
    where = f"{finding.path}:{d.line}" if d.line else finding.path
    href = finding.link(source_url)
    where = c.lang.isolate(where)
    place: Inline = Link(href, (Code(where),)) if href else Code(where)
    parts: list[Inline] = [Strong((Text(severity_label(c, d.severity)),)), Text(" "),
                           Code(c.lang.isolate(d.code)), Text(" "), _message(c, d.code, d.message),
                           Text(" — "), place]
    if d.handbook:
        parts.append(Text(" " + c.lang._("(handbook {section})",
                                         section=c.lang.isolate(d.handbook))))
    return tuple(parts)


def _message(c: RenderContext, code: str, message: str) -> Inline:
    """A finding's message in the review's language when ogpctl has its words
    (`rules.wording`); else the English message, marked "(in English)" in a review in
    another language and isolated in a right-to-left one (newuser4 H8: its paths and
    parentheses were reordered in an Arabic review)."""
    if c.lang.code == "en":
        return Text(message)
    said = message_in(c.lang.code, code, message)
    if said is not None:
        return Text(said)
    return Foreign("en", (Text(c.lang.isolate(message)),), c.lang._(
        "in {language}", language=Language("en").name_in(c.lang.code)))


# -- the website ----------------------------------------------------------------------------

def _pages(c: RenderContext, review: Review, preview_url: str | None) -> list[Block]:
    """The pages that change, each linked to the preview; one the change deletes says so,
    with no link (newuser5 N5: a reviewer opening it found no file)."""
    _ = c.lang._
    pages, removed = review.pages, set(review.removed_pages())
    blocks: list[Block] = [Heading(2, (Text(_("Website pages the change touches")),))]
    if not pages:
        return blocks + [Paragraph((Text(_("No page of the website changes.")),))]
    own = [page for page in pages if page.startswith(c.lang.code + "/")]
    if own:
        said = c.lang.n_("{count} page changes in every language together; in this language:",
                         "{count} pages change in every language together; in this language:",
                         len(pages))
    else:   # a reader's language the site has no pages in: say which the list is in
        other = c.record.languages.default
        own = [page for page in pages if page.split("/", 1)[0] == other] or pages
        said = c.lang.n_("{count} page changes in every language together; in {language}:",
                         "{count} pages change in every language together; in {language}:",
                         len(pages), language=Language(other).name_in(c.lang.code))
    blocks.append(Paragraph((Text(said),)))
    base = (preview_url or "").rstrip("/")
    gone = " (" + _("page removed") + ")"
    blocks.append(_list((Code(page), Text(gone)) if page in removed
                        else (Link(f"{base}/{page}", (Code(page),)),) if base
                        else (Code(page),) for page in own))
    return blocks


# -- files ----------------------------------------------------------------------------------

def _files(c: RenderContext, review: Review) -> list[Block]:
    """Every file the change touches: what the sections above do not say (the profile,
    the forum, meetings, evidence) is still in sight."""
    _ = c.lang._
    blocks: list[Block] = [Heading(2, (Text(_("Files the change touches")),))]
    if not review.files:
        return blocks + [Paragraph((Text(_("No file changes.")),))]
    status = {"added": _("added"), "removed": _("removed"), "changed": _("changed")}
    return blocks + [_list((Code(review.prefix + path), Text(f" ({status[state]})"))
                           for path, state in review.files)]

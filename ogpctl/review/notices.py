"""What the review says so that a change never looks better than it is: where the change
was compared from (the merge base), the rules it switches off or on again, and the
findings it hides rather than fixes (`ogpctl.review.suppressed`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ogpctl.render.amendment_note import compose
from ogpctl.render.blocks import Block, Code, Heading, Inline, ListBlock, Paragraph, Text
from ogpctl.render.context import RenderContext
from ogpctl.review.model import Finding, Review
from ogpctl.review.suppressed import PATTERN, RECORD, SuppressionChange

_CODE, _FILE, _NAME, _PATTERN = "\x00code\x00", "\x00file\x00", "\x00name\x00", "\x00pattern\x00"


def base_notice(c: RenderContext, review: Review) -> list[Block]:
    """A paragraph saying the change is compared from where it branched, when the base
    the user named has moved on since."""
    if not review.from_merge_base:
        return []
    name = review.base_name
    return [Paragraph(compose(c.lang._(
        "{name} has commits this change does not have: the change is compared with commit "
        "{code}, where it branched from {name} (their merge base), so what those commits "
        "did does not show as undone by it.", name=_NAME, code=_CODE),
        name=(Code(name),), code=(Code(review.base[:12]),)))]


def hidden_sentence(c: RenderContext, review: Review) -> str:
    """The summary's words for the findings the change hides; empty when it hides none."""
    if not review.hidden:
        return ""
    return c.lang.n_("It hides {count} more with a suppression it adds: that one is not fixed.",
                     "It hides {count} more with suppressions it adds: those are not fixed.",
                     len(review.hidden))


def redated_sentence(c: RenderContext, review: Review) -> str:
    """The summary's words for the findings the change fixes only by re-dating progress
    updates; empty when there are none."""
    if not review.rewritten:
        return ""
    return c.lang.n_(
        "It removes {count} more only by re-dating a progress update that already existed: "
        "that one is not fixed.",
        "It removes {count} more only by re-dating progress updates that already existed: "
        "those are not fixed.", len(review.rewritten))


def history_blocks(c: RenderContext, review: Review,
                   finding: Callable[[Finding], tuple[Inline, ...]]) -> list[Block]:
    """The progress updates the change re-dates, and the findings it removes only so;
    nothing for a change that re-dates none."""
    if not review.redated:
        return []
    _ = c.lang._
    blocks: list[Block] = [
        Heading(2, (Text(_("Progress updates the change re-dates")),)),
        Paragraph((Text(_("A progress update already published is a record of the past: "
                          "check why its date changes.")),)),
        _list((Text(_("Milestone {number}: the progress update dated {old} is now dated "
                      "{new}.", number=f"{item.commitment}.{item.milestone}",
                      old=c.lang.date(item.old),
                      new=c.lang.date(item.new) if item.new else "—")),
               Text(" "), Code(review.prefix + item.file))
              for item in review.redated)]
    if review.rewritten:
        blocks += _findings(c, _("Removed only by re-dating a progress update"), _(
            "With the updates' dates put back, the record has these findings still: the "
            "change does not fix them, it rewrites when the work was reported."),
            review.rewritten, finding)
    return blocks


def suppression_blocks(c: RenderContext, review: Review,
                       finding: Callable[[Finding], tuple[Inline, ...]]) -> list[Block]:
    """The rules the change switches off or on again, and the findings it hides; nothing
    for a change that touches no suppression."""
    if not review.suppressions and not review.hidden:
        return []
    _ = c.lang._
    blocks: list[Block] = [Heading(2, (Text(_("Rules the change switches off")),))]
    if review.suppressions:
        blocks.append(_list(_said(c, item, review.prefix) for item in review.suppressions))
    if review.hidden:
        blocks += _findings(c, _("Hidden by a suppression this change adds"), _(
            "The record still has these findings: the change does not fix them, it stops "
            "the check from reporting them."), review.hidden, finding)
    return blocks


def _findings(c: RenderContext, title: str, why: str, items: Sequence[Finding],
              finding: Callable[[Finding], tuple[Inline, ...]]) -> list[Block]:
    """A heading with how many findings there are, why they are not fixed, and the list."""
    return [Heading(3, (Text(f"{title} ({c.lang.number(len(items))})"),)),
            Paragraph((Text(why),)), _list(finding(item) for item in items)]


def _said(c: RenderContext, item: SuppressionChange, prefix: str) -> tuple[Inline, ...]:
    _ = c.lang._
    off = item.kind == "added"
    if item.scope == RECORD:
        words = (_("{code} switched off for the whole record ({file})", code=_CODE, file=_FILE)
                 if off else
                 _("{code} switched on again for the whole record ({file})", code=_CODE,
                   file=_FILE))
    elif item.scope == PATTERN:
        words = (_("{code} switched off for the files {pattern} matches ({file})", code=_CODE,
                   pattern=_PATTERN, file=_FILE) if off else
                 _("{code} switched on again for the files {pattern} matches ({file})",
                   code=_CODE, pattern=_PATTERN, file=_FILE))
    else:
        words = (_("{code} switched off in the file {file}", code=_CODE, file=_FILE) if off
                 and item.scope != "lines" else
                 _("{code} switched off on some lines of {file}", code=_CODE, file=_FILE) if off
                 else _("{code} switched on again in {file}", code=_CODE, file=_FILE))
    return compose(words, code=(Code(item.code),), file=(Code(prefix + item.file),),
                    pattern=(Code(item.pattern or ""),))


def _list(items: Iterable[tuple[Inline, ...]]) -> ListBlock:
    return ListBlock(tuple((Paragraph(tuple(item)),) for item in items))

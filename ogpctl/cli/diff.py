"""`ogpctl diff`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ogpctl.cli.application import app
from ogpctl.cli.options import HERE, Record, Today, format_option, lang_option, plan_option

if TYPE_CHECKING:
    from ogpctl.domain.diff import Change


def revisions(root: Path, given: list[str]) -> tuple[str, str | None, str]:
    """(old commit, new commit or None for the working tree, a description of the range)."""
    from ogpctl.base.errors import UsageError
    from ogpctl.base.vcs import last_submission, resolve_revision

    if len(given) > 2:
        raise UsageError("give at most two revisions: OLD [NEW]")
    if given:
        old = resolve_revision(root, given[0])
        new = resolve_revision(root, given[1]) if len(given) == 2 else None
        return old, new, f"{given[0]} .. {given[1] if len(given) == 2 else 'working tree'}"
    tagged = last_submission(root)
    if tagged is not None:
        return tagged[1], None, f"{tagged[0]} .. working tree"
    return resolve_revision(root, "HEAD"), None, "HEAD .. working tree"


@app.command()
def diff(
    revs: list[str] | None = typer.Argument(None, metavar="[OLD [NEW]]",
                                            help="OLD [NEW] revisions. Default: the "
                                                 "last submitted/* tag (else HEAD) and the "
                                                 "working tree."),
    *,
    record_path: Record = HERE,
    format: str = format_option(("text", "json"), "text", "text or json."),
    plan: str | None = plan_option(),
    lang: str | None = lang_option("Tell the changes in this language, as the review does "
                                   "(Markdown). Default: one line each, in English."),
    today: Today,
) -> int:
    """What changed in the record between two git revisions, as meaning: commitments and
    milestones added or removed, milestones re-dated (saying when a milestone was already
    past its due date today: late, then moved), leads, statuses and texts changed."""
    from ogpctl.cli.options import record_at
    from ogpctl.domain.diff import compare_files

    record = record_at(record_path)
    root = record.root
    old, new, described = revisions(root, list(revs or []))
    if lang is not None:
        return _in_language(record, lang, (old, new, described), plan, today)
    changes = [c for c in compare_files(root, old, new) if plan in (None, c.plan)]
    if format == "json":
        typer.echo(json.dumps({"range": described,
                               "changes": [_json(c, today) for c in changes]},
                              ensure_ascii=False, indent=2))
        return 0
    typer.echo(f"changes {described}: {len(changes) or 'none'}")
    for change in changes:
        late = f" (already past due on {today})" if _past_due(change, today) else ""
        typer.echo(f"  {change.message()}{late}")
    return 0


def _past_due(change: Change, today: date) -> bool:
    """A milestone moved later from a due date that had passed by today: it was late."""
    from ogpctl.record.model import as_date

    old, new = as_date(change.old), as_date(change.new)
    return (change.kind == "redated" and change.field == "due" and old is not None
            and new is not None and old < today and new > old)


def _json(change: Change, today: date) -> dict[str, Any]:
    found = change.to_json()
    if change.kind == "redated":
        found["past-due"] = _past_due(change, today)
    return found


def _in_language(record: Any, lang: str, span: tuple[str, str | None, str],
                 plan: str | None, today: date) -> int:
    """The changes as the review tells them, in the reader's language (Markdown)."""
    from ogpctl.cli.options import check_language, print_bytes
    from ogpctl.domain.diff import compare, revision_records
    from ogpctl.render.markdown import write_markdown
    from ogpctl.review.model import Review
    from ogpctl.review.render import changes_document

    code = check_language(record, lang, readers=True)
    old, new, described = span
    before, after, files = revision_records(record.root, old, new)
    changes = [c for c in compare(before, after) if plan in (None, c.plan)]
    if plan is not None:   # a plan's own files only
        files = [item for item in files if item[0].startswith(f"plans/{plan}/")]
    review = Review(old, new, described, "", today, before, after, changes, [], [],
                    files=files)
    print_bytes(write_markdown(changes_document(review, code)))
    return 0

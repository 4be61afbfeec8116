"""A delivered plan changed without a recorded amendment (handbook 2.2).

The changes to a delivered plan are `ogpctl.domain.diff`'s, between the plan as its
`submitted/<plan>` tag holds it and the record now; which of them amend the plan, correct
a translation or rewrite the reasoned response is `ogpctl.domain.delivery`'s answer, the
one the amendment note, the website and the review read. The tag is read
once, on first use, through the rule context: a record outside git, or a repository
without a submitted tag, costs nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ogpctl.base.diagnostics import Severity
from ogpctl.base.values import list_at
from ogpctl.domain.delivery import RESPONSE, after_delivery, amendments, section_of
from ogpctl.domain.diff import Change, commitment_of, compare, record_from_files
from ogpctl.record.model import Plan, Record, as_date
from ogpctl.rules import Finding, rule

E, W = Severity.ERROR, Severity.WARNING
#: Picks some of a plan's changes since delivery (`amendments`, `_responses`).
Select = Callable[[list[Change], Plan, str], list[Change]]

@rule("C418", "amendment-not-recorded", family="calendar", severity=E, handbook="2.2",
      subject="plan")
def amendment_not_recorded(plan: Plan, context: Any) -> Iterator[Finding]:
    """A delivered plan was changed, and plan.yaml records no amendment that covers it.

    The handbook (2.2): "If a participating government wishes to amend any part of their
    action plan, they must do so within one year of the original due date for submission
    (June 30 or December 31). ... To make amendments to the action plan, the
    participating government must send an updated version that clearly outlines all
    changes, in English and in the administrative language (if applicable), to the OGP
    Support Unit." The implementation guidance, newer, allows amendments "at any time as
    long as the milestones end before the end date of the action plan" (C404) and does
    not lift the duty to send them: "must", so an error.

    The plan as delivered is the one its `submitted/<plan>` git tag holds (`ogpctl
    tag-submission`). Against it, an amendment is a commitment added, removed or
    renumbered, a milestone added, removed or withdrawn, a milestone's due date or a
    commitment's period moved, a change to what a commitment or milestone says (its
    texts, lead, kind, values, supporting stakeholders, implementation plan: every field
    of its file but its OGP id, links, evidence and IRM verdicts), the plan's title, and a
    section of the plan (sections/*.md) rewritten, removed, or added in no language it
    had. Progress (statuses, updates), the plan's other fields and a translation added to
    an unchanged text are not amendments; nor is a text changed only in a translation
    while its source (English, else the record's default language) is as delivered: that
    corrects the translation, and the amendment note lists it apart
    (`ogpctl.domain.delivery` says which is which for every reader). On a plan that has
    ended, when no amendment may be dated any more (C404), the finding says to record the
    amendment only if it was sent by the end, and otherwise to restore the plan's text.

    An amendment entry covers the changes made up to the commit that recorded it, not
    later ones: one amendment does not license every later rewrite. With no entry in
    `amendments:` dated on or after the delivery (its `delivered:` date, else the tag's
    day), every amendment since the tag is reported. With such entries, git's history of
    plan.yaml says which commit recorded them as they are now (the oldest of its newest
    commits that all list the same entries): every amendment made after that commit is
    reported. Entries not yet committed cover every change of the working tree. So record
    the amendment in the commit that makes the changes, or in a later one; `ogpctl
    render amendment-note` then writes the updated version for OGP.

    Fails:
      # delivered 2026-06-24 (tag submitted/2026-2030); commitment 2's file deleted since
      amendments: []
    Passes:
      amendments:
        - {date: 2026-10-01, summary: Commitment 2 withdrawn after the forum's review}
    """
    # A plan.yaml that cannot be read (R001…) records no delivery that could be told from
    # the tag's day, nor the amendments that answer the changes: nothing is guessed.
    tagged = context.submission_tags().get(plan.id) if plan.readable else None
    if tagged is None:
        return
    delivered = as_date(plan.fields.get("delivered")) or tagged
    entries = recorded_since(plan.fields, delivered)
    since = None
    if entries:
        since = _recorded_in(context, plan.id, delivered, entries)
        if since is None:
            return
    after = "with no amendment recorded since" if since is None else (
        f"made after the latest amendment (dated {max(_days(entries))}) was recorded in "
        f"commit {since[:12]}, which does not cover it")
    remedy = _remedy(plan, context.today)
    for file, path, said in _unrecorded(plan, context, since):
        yield Finding(file, f"{said}, after the plan was delivered on {delivered} (tag "
                      f"submitted/{plan.id}), {after}: {remedy}", path)


def _remedy(plan: Plan, today: date) -> str:
    """What to do about an amendment not recorded: record it and send it, or, once the
    plan has ended (no amendment may be dated after its end, C404), record it only if it
    was sent by then and otherwise restore what the plan said as delivered."""
    dates = plan.dates()
    if dates is None or today <= dates.amendment_deadline:
        return ("add one to amendments: in plan.yaml (date and summary) and send OGP the "
                "amended plan (ogpctl render amendment-note)")
    return (f"the plan ended on {dates.amendment_deadline} and the implementation guidance "
            "allows no amendment after its end (C404): if the amended plan was sent to OGP "
            "by then, add it to amendments: in plan.yaml with that date; otherwise restore "
            "what the plan said as delivered (a translation corrected while its English "
            "stays as delivered is no amendment)")


@rule("C419", "response-changed-after-delivery", family="calendar", severity=W,
      handbook="2.1.d", subject="plan")
def response_changed_after_delivery(plan: Plan, context: Any) -> Iterator[Finding]:
    """A contribution's decision or reasoned response changed after the plan was delivered.

    The handbook (2.1.d): "Reasoned response must occur before the action plan is
    finalized", and it is documented and "described in the action plan" (minimum
    requirement 4.1). The decisions and responses as they were when the plan was delivered
    (its `submitted/<plan>` tag) are what the stakeholders were told: a decision flipped
    (include to reject), a response rewritten in its source language (English, else the
    record's default language), or a contribution removed since then rewrites that
    record. It is no amendment of the plan (C418), and the handbook sets no rule for it:
    a warning. A translation of a response corrected, a response given where there was
    none, and a contribution added are not reported.

    Fails:
      # delivered 2026-06-24 (tag submitted/2026-2030) with input-001 decided include
      contributions:
        - {id: input-001, decision: reject}
    Passes:
      contributions:
        - {id: input-001, decision: include}
    """
    tagged = context.submission_tags().get(plan.id) if plan.readable else None
    if tagged is None:
        return
    delivered = as_date(plan.fields.get("delivered")) or tagged
    for change in _delivered(plan, context, None, _responses):
        ident = change.subject or (change.field or "").partition("/")[2]
        file, path = _contribution_place(plan, ident)
        yield Finding(file, f"{_response_sentence(change, ident)}, after the plan was "
                      f"delivered on {delivered} (tag submitted/{plan.id}): the reasoned "
                      "response is "
                      "given before the plan is finalized and was published with it; "
                      "restore it as delivered unless the stakeholders were told of the "
                      "change", path)


def _response_sentence(change: Change, ident: str) -> str:
    if change.kind == "changed":
        return (f"the decision on contribution {ident} changed from {change.old} to "
                f"{change.new}")
    if change.kind == "text":
        return f"the response to contribution {ident} changed: {change.detail}"
    return f"contribution {ident} removed"


def _responses(changes: list[Change], plan: Plan, default: str) -> list[Change]:
    return [item.change for item in after_delivery(changes, plan, default)
            if item.nature == RESPONSE]


def _contribution_place(plan: Plan, ident: str) -> tuple[str, tuple[str | int, ...]]:
    """contributions.yaml and the contribution's entry (the file's top when it is gone)."""
    doc = plan.contributions
    if doc is None:
        return plan.path, ()
    items = list_at(doc.fields, "contributions")
    index = next((i for i, item in enumerate(items) if isinstance(item, dict)
                  and str(item.get("id")) == ident), None)
    return doc.path, () if index is None else ("contributions", index)


def recorded_since(fields: dict[str, Any], delivered: date) -> list[dict[str, Any]]:
    """The amendments plan.yaml lists dated on or after the delivery."""
    return [item for item in list_at(fields, "amendments") if isinstance(item, dict)
            and (day := as_date(item.get("date"))) is not None and day >= delivered]


def _days(entries: list[dict[str, Any]]) -> list[date]:
    return [day for item in entries if (day := as_date(item.get("date"))) is not None]


def _recorded_in(context: Any, plan_id: str, delivered: date,
                 entries: list[dict[str, Any]]) -> str | None:
    try:
        root = context.delivery_root()
    except (OSError, ValueError):
        return None
    return recorded_in(root, plan_id, delivered, entries)


def recorded_in(root: Path, plan_id: str, delivered: date, entries: list[dict[str, Any]]
                ) -> str | None:
    """The commit that recorded the amendments plan.yaml lists now (`entries`, those dated
    on or after the delivery): the oldest of the newest commits of plan.yaml, in the
    repository of `root`, that all list the same ones. A change made in it or before it is
    covered, one made after it is not. None when git does not hold them as they are now
    (they are recorded in the change being checked, which they cover) or cannot tell."""
    from ogpctl.base import vcs
    from ogpctl.base.errors import OgpctlError
    from ogpctl.source.yaml import parse_yaml

    name = f"plans/{plan_id}/plan.yaml"
    wanted = _canonical(entries)
    found = None
    try:
        for commit in vcs.file_commits(root, name):
            data = vcs.file_at(root, commit, name)
            parsed = parse_yaml(data.decode("utf-8", "replace")) if data is not None else None
            fields = parsed.data if parsed is not None and isinstance(parsed.data, dict) else {}
            if _canonical(recorded_since(fields, delivered)) != wanted:
                break
            found = commit
    except (OgpctlError, OSError, ValueError):
        return None
    return found


def changes_after(record: Record, plan_id: str, root: Path, commit: str) -> list[Change]:
    """The amendments to the plan from `commit` (of the repository of `root`) to `record`:
    those no amendment recorded by then covers."""
    from ogpctl.base.errors import OgpctlError

    try:
        files = _plan_files(root, plan_id, commit)
    except (OgpctlError, OSError, ValueError):
        return []
    plan = next((plan for plan in record.plans if plan.id == plan_id), None)
    if plan is None:
        return []
    return amendments(_since_delivery(record, files), plan, record.languages.default)


def _canonical(entries: list[dict[str, Any]]) -> list[str]:
    import json

    return sorted(json.dumps(item, sort_keys=True, default=str) for item in entries)


def _unrecorded(plan: Plan, context: Any, since: str | None
                ) -> Iterator[tuple[str, tuple[str | int, ...], str]]:
    """(file, place, sentence) of each amendment made after `since` (None: the delivery):
    to a commitment or a milestone, the plan's title, or one of the plan's sections."""
    told: set[tuple[str, str]] = set()
    for change in _delivered(plan, context, since, amendments):
        file, path = _place(plan, change)
        said = _section_sentence(change) or replace(
            change, old="nothing" if change.old is None else change.old,
            new="nothing" if change.new is None else change.new).message()
        if (file, said) not in told:
            told.add((file, said))
            yield file, path, said


def _section_sentence(change: Change) -> str | None:
    """`section text introduction.es.md changed` and the like, for a section's file."""
    found = section_of(change)
    if found is None:
        return None
    if change.kind == "document-removed":
        return f"section text {change.document} removed"
    if change.kind == "document-added":
        return f"section {found[0]} added"
    return f"section text {(change.document or '').rsplit('/', 1)[-1]} changed"


def _delivered(plan: Plan, context: Any, since: str | None, which: Select) -> list[Change]:
    """`which` (`amendments`, or a filter of `after_delivery`) of the changes to `plan`
    since its submitted tag (or commit `since`), compared once per check."""
    found: dict[tuple[str, str | None], list[Change]] = context.memo.setdefault(
        "since-delivery", {})
    if (plan.id, since) not in found:
        files = _delivered_files(context, plan.id, since)
        found[plan.id, since] = [change for change in _since_delivery(context.record, files)
                                 if change.plan == plan.id]
    return list(which(found[plan.id, since], plan, context.record.languages.default))


def _since_delivery(record: Record, files: dict[str, bytes] | None) -> list[Change]:
    """The changes from the record as `files` hold it (ogp.yaml and the plan's texts as
    delivered) to `record`; none when git could not give that state."""
    import tempfile

    from ogpctl.base.errors import OgpctlError

    if files is None:
        return []
    try:
        with tempfile.TemporaryDirectory(prefix="ogpctl-delivered-") as tmp:
            return compare(record_from_files(files, Path(tmp) / "record"), record)
    except (OgpctlError, OSError, ValueError):
        return []


def _delivered_files(context: Any, plan_id: str, since: str | None
                     ) -> dict[str, bytes] | None:
    """ogp.yaml and the plan's texts at commit `since`, else at the plan's submitted tag,
    read once per check; None when git cannot give them."""
    from ogpctl.base import vcs
    from ogpctl.base.errors import OgpctlError

    read: dict[tuple[str, str | None], dict[str, bytes] | None] = context.memo.setdefault(
        "delivered-files", {})
    if (plan_id, since) not in read:
        root = context.delivery_root()
        try:
            commit = since or vcs.resolve_revision(root, vcs.tag_name(plan_id))
            read[plan_id, since] = _plan_files(root, plan_id, commit)
        except (OgpctlError, OSError, ValueError):
            read[plan_id, since] = None
    return read[plan_id, since]


def _plan_files(root: Path, plan_id: str, commit: str) -> dict[str, bytes]:
    """ogp.yaml and the plan's texts at `commit`."""
    from ogpctl.base import vcs

    folder = f"plans/{plan_id}/"
    return {name: data for name, data in vcs.files_at(root, commit).items()
            if name == "ogp.yaml" or (name.startswith(folder)
                                      and name.endswith((".yaml", ".yml", ".md")))}


def _place(plan: Plan, change: Change) -> tuple[str, tuple[str | int, ...]]:
    """Where a change shows in the record now: the commitment's file and the field, or
    plan.yaml's amendments for a commitment that is gone; a section's file (plan.yaml for
    one removed), plan.yaml's field for the plan's own texts."""
    if commitment_of(change) is None:
        return _plan_place(plan, change)
    commitment = None if change.kind == "removed" and change.milestone is None else next(
        (c for c in plan.commitments if c.number == commitment_of(change)), None)
    if commitment is None:
        return plan.path, ("amendments",) if "amendments" in plan.fields else ()
    field = tuple(change.field.split("/")) if change.field else ()
    if change.milestone is None:
        return commitment.doc.path, () if change.kind == "renumbered" else field
    milestone = next((m for m in commitment.milestones
                      if m.fields.get("number") == change.milestone), None)
    if milestone is None:
        return commitment.doc.path, ("milestones",)
    return commitment.doc.path, milestone.path + field


def _plan_place(plan: Plan, change: Change) -> tuple[str, tuple[str | int, ...]]:
    if section_of(change) is not None:
        gone = change.kind == "document-removed"
        return (plan.path if gone else change.document or plan.path), ()
    return plan.path, tuple(change.field.split("/")) if change.field else ()

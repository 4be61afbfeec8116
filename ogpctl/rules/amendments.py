"""A delivered plan changed without a recorded amendment (handbook 2.2).

The changes to a delivered plan are `ogpctl.domain.diff`'s, between the plan as its
`submitted/<plan>` tag holds it and the record now; which of them amend the plan is
`ogpctl.domain.diff.is_amendment`, the same test the amendment note uses. The tag is read
once, on first use, through the rule context: a record outside git, or a repository
without a submitted tag, costs nothing more.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ogpctl.base.diagnostics import Severity
from ogpctl.base.values import list_at
from ogpctl.domain.diff import Change, compare, is_amendment, record_from_files
from ogpctl.record.model import Plan, Record, as_date
from ogpctl.rules import Finding, rule

E = Severity.ERROR

@rule("C418", "amendment-not-recorded", family="calendar", severity=E, handbook="2.2",
      subject="plan")
def amendment_not_recorded(plan: Plan, context: Any) -> Iterator[Finding]:
    """A delivered plan was changed, and plan.yaml records no amendment since its delivery.

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
    commitment's period moved, and a change to what a commitment or milestone says (its
    texts, lead, kind, values). Progress (statuses, updates), the plan's own fields and a
    translation added to an unchanged text are not amendments. Each amendment is reported
    until `amendments:` in plan.yaml has an entry dated on or after the delivery (its
    `delivered:` date, else the tag's day); then
    `ogpctl render amendment-note` writes the updated version for OGP.

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
    if _recorded_since(plan, delivered):
        return
    for change in _amendments(plan, context):
        file, path = _place(plan, change)
        said = replace(change, old="nothing" if change.old is None else change.old,
                       new="nothing" if change.new is None else change.new)
        yield Finding(file, f"{said.message()}, after the plan was delivered on {delivered} "
                      f"(tag submitted/{plan.id}), with no amendment recorded since: add one "
                      "to amendments: in plan.yaml (date and summary) and send OGP the "
                      "amended plan (ogpctl render amendment-note)", path)


def _recorded_since(plan: Plan, delivered: date) -> bool:
    """Whether plan.yaml lists an amendment dated on or after the delivery."""
    return any(isinstance(item, dict) and (day := as_date(item.get("date"))) is not None
               and day >= delivered for item in list_at(plan.fields, "amendments"))


def _amendments(plan: Plan, context: Any) -> list[Change]:
    """The amendments to `plan` since its submitted tag, compared once per check."""
    found: dict[str, list[Change]] = context.memo.setdefault("amendments", {})
    if plan.id not in found:
        record = context.record
        default = record.languages.default
        found[plan.id] = [change for change in _since_delivery(record, plan.id,
                                                                context.delivery_root())
                          if change.plan == plan.id and is_amendment(change, default)]
    return found[plan.id]


def _since_delivery(record: Record, plan_id: str, root: Path) -> list[Change]:
    """The changes from the record as the plan's submitted tag holds it (ogp.yaml and the
    plan's texts; the tag of the repository of `root`, the record's folder in git) to
    `record`; none when git cannot give that state."""
    import tempfile

    from ogpctl.base import vcs
    from ogpctl.base.errors import OgpctlError

    folder = f"plans/{plan_id}/"
    try:
        commit = vcs.resolve_revision(root, vcs.tag_name(plan_id))
        files = {name: data for name, data in vcs.files_at(root, commit).items()
                 if name == "ogp.yaml" or (name.startswith(folder)
                                           and name.endswith((".yaml", ".yml", ".md")))}
        with tempfile.TemporaryDirectory(prefix="ogpctl-delivered-") as tmp:
            return compare(record_from_files(files, Path(tmp) / "record"), record)
    except (OgpctlError, OSError, ValueError):
        return []


def _place(plan: Plan, change: Change) -> tuple[str, tuple[str | int, ...]]:
    """Where a change shows in the record now: the commitment's file and the field, or
    plan.yaml's amendments for a commitment that is gone."""
    commitment = None if change.kind == "removed" and change.milestone is None else next(
        (c for c in plan.commitments if c.number == change.commitment), None)
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

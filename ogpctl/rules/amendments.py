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
from ogpctl.domain.diff import Change, commitment_of, compare, is_amendment, record_from_files
from ogpctl.record.model import Plan, Record, as_date
from ogpctl.rules import Finding, rule

E = Severity.ERROR

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
    of its file but its OGP id, links, evidence and IRM verdicts), and a section of the
    plan (sections/*.md) whose text changed, that was removed, or that was added in no
    language it had. Progress (statuses, updates), the plan's own fields and a
    translation added to an unchanged text are not amendments.

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
    for file, path, said in _unrecorded(plan, context, since):
        yield Finding(file, f"{said}, after the plan was delivered on {delivered} (tag "
                      f"submitted/{plan.id}), {after}: add one to amendments: in "
                      "plan.yaml (date and summary) and send OGP the amended plan (ogpctl "
                      "render amendment-note)", path)


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
    default = record.languages.default
    return [change for change in _since_delivery(record, files)
            if change.plan == plan_id and is_amendment(change, default)]


def _canonical(entries: list[dict[str, Any]]) -> list[str]:
    import json

    return sorted(json.dumps(item, sort_keys=True, default=str) for item in entries)


def _unrecorded(plan: Plan, context: Any, since: str | None
                ) -> Iterator[tuple[str, tuple[str | int, ...], str]]:
    """(file, place, sentence) of each amendment made after `since` (None: the delivery):
    to a commitment or a milestone, or to the text of one of the plan's sections."""
    for change in _amendments(plan, context, since):
        file, path = _place(plan, change)
        said = replace(change, old="nothing" if change.old is None else change.old,
                       new="nothing" if change.new is None else change.new)
        yield file, path, said.message()
    for file, sentence in _sections(plan, context, since):
        yield file, (), sentence


def _amendments(plan: Plan, context: Any, since: str | None) -> list[Change]:
    """The amendments to `plan` since its submitted tag (or commit `since`), compared once
    per check."""
    found: dict[str, list[Change]] = context.memo.setdefault("amendments", {})
    if plan.id not in found:
        record = context.record
        default = record.languages.default
        files = _delivered_files(context, plan.id, since)
        found[plan.id] = [change for change in _since_delivery(record, files)
                          if change.plan == plan.id and is_amendment(change, default)]
    return found[plan.id]


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


def _sections(plan: Plan, context: Any, since: str | None) -> list[tuple[str, str]]:
    """(file, sentence) of each section text of the plan changed or removed since the
    delivery (or commit `since`), and of each section added in no language it had; a
    translation added to a section is not an amendment."""
    folder = f"plans/{plan.id}/sections/"
    files = _delivered_files(context, plan.id, since)
    if files is None:
        return []
    old = {name: data for name, data in files.items() if name.startswith(folder)}
    new = {doc.path: _bytes(context.record.root / doc.path) for doc in plan.sections}
    had = {_section(name) for name in old}
    found = []
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            found.append((plan.path, f"section text {name} removed"))
        elif name not in old:
            if _section(name) not in had:
                found.append((name, f"section {_section(name)} added"))
        elif old[name] != new[name]:
            found.append((name, f"section text {name.rsplit('/', 1)[1]} changed"))
    return found


def _section(name: str) -> str:
    """A section's name without its folder and language: development-process."""
    return name.rsplit("/", 1)[1].split(".", 1)[0]


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _place(plan: Plan, change: Change) -> tuple[str, tuple[str | int, ...]]:
    """Where a change shows in the record now: the commitment's file and the field, or
    plan.yaml's amendments for a commitment that is gone."""
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

"""Recording a delivery (`ogpctl tag-submission`): the date in plan.yaml and the stage it
starts (`status: implementation`, handbook 4), committed together, and an annotated tag
`submitted/<plan>` that `ogpctl diff` and the amendment note count from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ogpctl.base.errors import RecordWriteError, UsageError
from ogpctl.base.vcs import tag_name
from ogpctl.record.model import Record, as_date
from ogpctl.workflow.guard import refuse_errors


@dataclass(frozen=True)
class Submission:
    plan: str
    day: date
    tag: str
    commit: str
    edited: bool          # plan.yaml was changed (False when it held the date and stage)
    status: str           # the status plan.yaml says after the delivery


IMPLEMENTATION = "implementation"


def tag_submission(record: Record, plan_id: str, day: date) -> Submission:
    from ogpctl.base import vcs
    from ogpctl.edit.files import replace_file
    from ogpctl.edit.yamltext import apply

    plan = record.plan_named(plan_id)
    if plan.doc is None:
        raise UsageError(f"there is no plan {plan_id!r} with a plan.yaml in plans/")
    tag = tag_name(plan_id)
    if vcs.has_tag(record.root, tag):
        raise RecordWriteError(f"the tag {tag} exists already: this plan's delivery is "
                               "recorded (an amendment is recorded by a new commit)")
    pending = vcs.uncommitted(record.root, plan.folder)
    if pending:
        listed = ", ".join(pending[:5]) + (f" and {len(pending) - 5} more" if len(pending) > 5
                                            else "")
        raise RecordWriteError(f"{listed}: not committed. The delivered plan is the one in the "
                               "commit the tag marks: commit these changes (or undo them) first")
    recorded = as_date(plan.fields.get("delivered"))
    if recorded is not None and recorded != day:
        raise RecordWriteError(f"plans/{plan_id}/plan.yaml says the plan was delivered on "
                               f"{recorded}; correct it by hand or give --date {recorded}")
    changes = _changes(plan.fields, recorded, day)
    path = record.root / plan.doc.path
    before = path.read_bytes()
    text = apply(before.decode("utf-8"), changes) if changes else before.decode("utf-8")
    # The tag is what OGP received: a plan.yaml `check` calls wrong is never delivered.
    refuse_errors(plan.doc.path, plan.doc.kind, text,
                  why=f"plan {plan_id} is not delivered: nothing was written and no tag made")
    if changes:
        replace_file(path, text.encode("utf-8"), record.root, expected=before)
        commit = vcs.commit_file(record.root, plan.doc.path,
                                 f"Record the delivery of plan {plan_id} on {day}")
    else:
        commit = vcs.head_commit(record.root)
    vcs.tag_submission(record.root, tag, f"Plan {plan_id} delivered to OGP on {day}")
    status = IMPLEMENTATION if any(c.path == ("status",) for c in changes) \
        else str(plan.fields.get("status"))
    return Submission(plan_id, day, tag, commit, bool(changes), status)


def _changes(fields: dict, recorded: date | None, day: date) -> list:
    """The delivery date when plan.yaml lacks it, and the stage the delivery starts when
    `status:` still says co-creation (or nothing): a delivered plan is in implementation
    (`ogpctl.domain.stage`). Any other status is left for C415 to judge against the calendar."""
    from ogpctl.edit.yamltext import Change

    changes = []
    if recorded is None:
        changes.append(Change(("delivered",), day.isoformat()))
    if fields.get("status") in (None, "", "co-creation"):
        changes.append(Change(("status",), IMPLEMENTATION))
    return changes

"""`ogpctl new-commitment`: a commitment in the handbook's template (3.2.c)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ogpctl.base import vcs
from ogpctl.base.errors import RecordWriteError, UsageError
from ogpctl.record.kinds import COMMITMENT_FILE
from ogpctl.record.model import Plan, Record, as_date
from ogpctl.scaffold.files import FileSet, Outcome
from ogpctl.scaffold.slugs import commitment_slug
from ogpctl.scaffold.templating import render, schema_line

KINDS = ("regular", "challenge", "local")

#: Handbook 2.2 and the implementation guidance (its "Amendments", newer: it lifts the
#: one year), word for word: a commitment added to a delivered plan amends it.
AMENDMENT_WORDS = (
    'Handbook 2.2: "If a participating government wishes to amend any part of their action '
    'plan, they must do so within one year of the original due date for submission (June '
    '30 or December 31). [...] To make amendments to the action plan, the participating '
    'government must send an updated version that clearly outlines all changes, in English '
    'and in the administrative language (if applicable), to the OGP Support Unit." The '
    'implementation guidance, newer, allows amendments "at any time as long as the '
    'milestones end before the end date of the action plan".')


@dataclass
class CommitmentResult:
    number: int
    name: str            # NN-slug
    outcome: Outcome
    #: The day the plan was delivered (plan.yaml `delivered:`, else its `submitted/<plan>`
    #: tag): the new commitment is then an amendment. None for a plan not delivered.
    delivered: date | None = None


def delivered_on(record: Record, plan: Plan) -> date | None:
    """The day `plan` was delivered: its `delivered:` date, else the day of its
    `submitted/<plan>` tag (`ogpctl tag-submission`), else None."""
    return as_date(plan.fields.get("delivered")) or vcs.submission_tags(record.root).get(plan.id)


def amendment_note(plan: str, delivered: date) -> str:
    """What a commitment added to a delivered plan is, and what to record (C418)."""
    return (f"Plan {plan} was delivered on {delivered.isoformat()}: adding a commitment to it "
            f"is an amendment. {AMENDMENT_WORDS} Record it in plans/{plan}/plan.yaml under "
            "`amendments:` (- date: YYYY-MM-DD, summary: ...), or `ogpctl check` reports "
            f"C418 (amendment-not-recorded); `ogpctl render amendment-note --plan {plan}` "
            "writes the updated version to send.")


def commitment_files_of(record: Record, plan: Plan) -> list[str]:
    """The names of `plan`'s commitment files (NN-id.yaml), sorted."""
    folder = record.root / "plans" / plan.id / "commitments"
    return sorted(entry.name for entry in folder.glob("*.yaml")
                  if COMMITMENT_FILE.fullmatch(entry.name))


def taken(record: Record, plan: Plan) -> dict[int, str]:
    """Commitment numbers in use in `plan`, with their file names."""
    used: dict[int, str] = {}
    for name in commitment_files_of(record, plan):
        used.setdefault(int(name.split("-", 1)[0]), name)
    return used


def commitment_files(record: Record, plan: Plan, name: str, number: int, title: str,
                     kind: str, schemas: str, today: date) -> FileSet:
    base = f"plans/{plan.id}"
    rel = f"{base}/commitments/{name}.yaml"
    dates = plan.dates()
    files = FileSet(record.root)
    files.add(rel, render(
        "commitment/commitment.yaml.j2", schema_line=schema_line(schemas, "commitment", rel),
        plan_id=plan.id, number=number, languages=record.languages.required, kind=kind,
        title={record.languages.default: title}, today=today,
        period={"start": period_start(record, plan), "end": dates.end if dates else None}))
    files.folder(f"{base}/evidence/{name}")
    return files


def period_start(record: Record, plan: Plan) -> date | None:
    """A new commitment's period starts when implementation does: on the day the plan was
    delivered when that is known (a plan delivered early starts before its due date), else
    on the plan's due date."""
    dates = plan.dates()
    return delivered_on(record, plan) or (dates.due if dates else None)


def new_commitment(record: Record, plan_id: str, title: str, schemas: str, today: date,
                   kind: str = "regular", number: int | None = None) -> CommitmentResult:
    """Write the next commitment of `plan_id` (or number `number`) and its evidence folder.
    Refuses a number in use and a title another commitment of the plan already has."""
    if kind not in KINDS:
        raise UsageError(f"--kind {kind!r}: give regular, challenge or local")
    plan = record.plan_named(plan_id)
    used = taken(record, plan)
    if number is None:
        number = max(used, default=0) + 1
    elif number in used:
        raise RecordWriteError(f"commitment {number} exists already "
                               f"(plans/{plan.id}/commitments/{used[number]})")
    if not 1 <= number <= 999:
        raise UsageError(f"--number {number}: commitments are numbered 1 to 999")
    slug = commitment_slug(title, number)
    twin = next((file for file in commitment_files_of(record, plan)
                 if file.split("-", 1)[1] == f"{slug}.yaml"), None)
    if twin is not None:
        raise RecordWriteError(f"plans/{plan.id}/commitments/{twin} has this name already; "
                               "nothing was written")
    name = f"{number:02d}-{slug}"
    files = commitment_files(record, plan, name, number, title, kind, schemas, today)
    return CommitmentResult(number, name, files.write(), delivered_on(record, plan))

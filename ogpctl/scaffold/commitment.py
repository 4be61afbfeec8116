"""`ogpctl new-commitment`: a commitment in the handbook's template (3.2.c)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ogpctl.base.errors import RecordWriteError, UsageError
from ogpctl.record.kinds import COMMITMENT_FILE
from ogpctl.record.model import Plan, Record
from ogpctl.scaffold.files import FileSet, Outcome
from ogpctl.scaffold.slugs import commitment_slug
from ogpctl.scaffold.templating import render, schema_line

KINDS = ("regular", "challenge", "local")


@dataclass
class CommitmentResult:
    number: int
    name: str            # NN-slug
    outcome: Outcome


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
        period={"start": dates.due if dates else None, "end": dates.end if dates else None}))
    files.folder(f"{base}/evidence/{name}")
    return files


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
    return CommitmentResult(number, name, files.write())

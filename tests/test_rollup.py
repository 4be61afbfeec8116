"""The written rules behind documents: milestone roll-up (3.3) and the minimum requirements
judged from the record (handbook 7)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from ogpctl.record.load import load_record
from ogpctl.record.model import Commitment, Document, Plan
from ogpctl.record.kinds import Kind
from ogpctl.requirements import judge
from ogpctl.rollup import rollup
from tests.conftest import SAMPLE

AS_OF = date(2027, 6, 30)


def commitment(*milestones: dict) -> Commitment:
    doc = Document("plans/p/commitments/01-x.yaml", Kind.COMMITMENT,
                   {"title": "x", "milestones": list(milestones)}, True)
    plan = Plan.__new__(Plan)
    return Commitment(doc, plan, 1, "x")


def m(number: int, status: str, due: str = "2027-06-01", weight: float | None = None) -> dict:
    item = {"number": number, "status": status, "due": due}
    if weight is not None:
        item["weight"] = weight
    return item


@pytest.mark.parametrize("milestones, share, completion, colour", [
    ((), None, "no-evidence", "red"),
    ((m(1, "completed"), m(2, "completed")), 1.0, "complete", "green"),
    ((m(1, "completed"), m(2, "withdrawn")), 1.0, "complete", "green"),
    ((m(1, "completed"), m(2, "not-started")), 0.5, "substantial", "green"),
    ((m(1, "completed"), m(2, "in-progress")), 0.75, "substantial", "green"),
    ((m(1, "completed"), m(2, "not-started", "2026-06-30")), 0.5, "substantial", "amber"),
    ((m(1, "in-progress"), m(2, "not-started")), 0.25, "limited", "amber"),
    ((m(1, "in-progress"), m(2, "not-started", "2026-12-29")), 0.25, "limited", "red"),
    ((m(1, "not-started"), m(2, "not-started")), 0.0, "not-started", "red"),
    ((m(1, "completed", weight=1), m(2, "not-started", weight=3)), 0.25, "limited", "amber"),
    ((m(1, "withdrawn"),), None, "no-evidence", "red"),
])
def test_rollup_table(milestones, share, completion, colour) -> None:
    result = rollup(commitment(*milestones), AS_OF)
    assert (result.share, result.completion, result.colour) == (share, completion, colour)


def test_severe_delay_is_six_months_after_the_due_date() -> None:
    item = commitment(m(1, "in-progress", "2026-12-30"))
    assert rollup(item, AS_OF).delayed == ()
    assert rollup(item, date(2027, 7, 1)).delayed == (1,)


def test_sample_meets_every_requirement_before_delivery() -> None:
    record = load_record(SAMPLE.resolve())
    for plan in record.plans:
        states = {r.code: r.state for r in judge(record, plan, date(2026, 12, 2))}
        assert states == {"1.1": "met", "2.1": "met", "2.2": "met", "3.1": "met",
                          "3.2": "met", "3.3": "met", "4.1": "met", "5.1": "met"}


def test_requirements_missed(tmp_path: Path) -> None:
    target = tmp_path / "record"
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    plan_dir = target / "plans/2026-2030"
    cocreation = plan_dir / "co-creation.yaml"
    cocreation.write_text(cocreation.read_text().replace("published: 2026-01-12",
                                                         "published: 2026-01-25"))
    contributions = plan_dir / "contributions.yaml"
    contributions.write_text(contributions.read_text().replace("decision: include",
                                                               "decision: pending", 1))
    ogp = target / "ogp.yaml"
    ogp.write_text(ogp.read_text().replace("website: https://gobiernoabierto.veridia.example\n",
                                           ""))
    for meeting in (target / "forum/meetings").glob("2026-0[46]*.md"):
        meeting.unlink()
    record = load_record(target)
    plan = next(p for p in record.plans if p.id == "2026-2030")
    verdicts = {r.code: r for r in judge(record, plan, date(2026, 12, 2))}
    assert verdicts["3.1"].state == "not-met"
    assert verdicts["3.1"].facts["deadline"] == date(2026, 1, 19)
    assert verdicts["4.1"].state == "not-met" and verdicts["4.1"].facts["answered"] == 13
    assert verdicts["2.1"].state == "not-met"
    assert verdicts["1.1"].state == "not-met" and verdicts["1.1"].facts["gap"] > 184

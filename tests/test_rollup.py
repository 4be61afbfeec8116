"""The written rules behind documents: milestone roll-up (3.3) and the minimum requirements
judged from the record (handbook 7)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from ogpctl.domain.requirements import judge
from ogpctl.domain.rollup import Totals, rollup, totals
from ogpctl.record.kinds import Kind
from ogpctl.record.load import load_record
from ogpctl.record.model import Commitment, Document, Plan
from tests.conftest import SAMPLE

AS_OF = date(2027, 6, 30)
DELIVERED = {"window": "june", "due-year": 2026, "length": 4, "status": "implementation",
             "delivered": "2026-06-24"}


def plan(fields: dict | None = None) -> Plan:
    return Plan("2026-2030", Document("plans/2026-2030/plan.yaml", Kind.PLAN,
                                      dict(DELIVERED if fields is None else fields), True))


def commitment(*milestones: dict, within: Plan | None = None, number: int = 1) -> Commitment:
    doc = Document(f"plans/2026-2030/commitments/{number:02d}-x.yaml", Kind.COMMITMENT,
                   {"title": "x", "milestones": list(milestones)}, True)
    item = Commitment(doc, within or plan(), number, f"x{number}")
    item.plan.commitments.append(item)
    return item


def m(number: int, status: str, due: str = "2027-06-01", weight: float | None = None) -> dict:
    item = {"number": number, "status": status, "due": due}
    if weight is not None:
        item["weight"] = weight
    return item


C, P, N = "completed", "in-progress", "not-started"


@pytest.mark.parametrize("milestones, share, completion, colour", [
    ((), None, "no-evidence", "red"),
    ((m(1, C), m(2, C)), 1.0, "complete", "green"),
    ((m(1, C), m(2, "withdrawn")), 1.0, "complete", "green"),
    # half is not most: substantial needs more than half of the milestones completed
    ((m(1, C), m(2, N)), 0.5, "limited", "amber"),
    ((m(1, C), m(2, P)), 0.5, "limited", "amber"),
    ((m(1, C), m(2, C), m(3, P)), 2 / 3, "substantial", "green"),
    ((m(1, C), m(2, C), m(3, N, "2026-06-30")), 2 / 3, "substantial", "amber"),
    # work in progress alone is limited progress, never substantial
    ((m(1, P), m(2, P)), 0.0, "limited", "amber"),
    ((m(1, P), m(2, N)), 0.0, "limited", "amber"),
    ((m(1, P), m(2, N, "2026-12-29")), 0.0, "limited", "red"),
    ((m(1, N), m(2, N)), 0.0, "not-started", "red"),
    ((m(1, C, weight=1), m(2, N, weight=3)), 0.25, "limited", "amber"),
    ((m(1, C, weight=3), m(2, N, weight=1)), 0.75, "substantial", "green"),
    ((m(1, "withdrawn"),), None, "withdrawn", "withdrawn"),
])
def test_rollup_table(milestones, share, completion, colour) -> None:
    result = rollup(commitment(*milestones), AS_OF)
    assert (result.share, result.completion, result.colour) == (share, completion, colour)


def test_nothing_is_rated_before_implementation() -> None:
    cocreation = plan({**DELIVERED, "status": "co-creation", "delivered": None})
    for milestones in ((), (m(1, N), m(2, N, "2026-01-31"))):
        result = rollup(commitment(*milestones, within=cocreation), date(2026, 5, 1))
        assert result.colour == "grey"
    # the day before the delivery recorded, the plan is still in co-creation
    assert rollup(commitment(m(1, N)), date(2026, 6, 23)).colour == "grey"
    assert rollup(commitment(m(1, N)), date(2026, 6, 24)).colour == "red"


def test_a_plan_all_in_progress_is_not_green() -> None:
    live = plan()
    for number in range(1, 6):
        commitment(m(1, P), m(2, P), m(3, P), within=live, number=number)
    assert {rollup(c, AS_OF).colour for c in live.commitments} == {"amber"}
    assert totals(live, AS_OF) == Totals(5, 0, 15, 0)


def test_a_plan_like_a_real_one_has_fourteen_complete() -> None:
    """36 commitments, 70 milestones: 33 completed, 36 in progress, 1 not started, and 14
    commitments complete (a real plan that the old half-credit rule rated 35 green)."""
    live = plan()
    shapes = [(C, C)] * 14 + [(C, P)] * 5 + [(P, P)] * 15 + [(P,), (N,)]
    for number, shape in enumerate(shapes, 1):
        commitment(*(m(i, s) for i, s in enumerate(shape, 1)), within=live, number=number)
    assert totals(live, AS_OF) == Totals(36, 14, 70, 33)
    colours = [rollup(c, AS_OF).colour for c in live.commitments]
    assert (colours.count("green"), colours.count("amber"), colours.count("red")) == (14, 21, 1)


def test_completed_milestones_with_evidence_are_counted() -> None:
    item = commitment(m(1, C), {**m(2, C), "progress": [{"date": "2027-01-10",
                                                          "evidence": ["evidence/x/a.pdf"]}]})
    result = rollup(item, AS_OF)
    assert (result.completed, result.milestones, result.evidenced) == (2, 2, 1)


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


def test_a_roll_up_reads_each_milestone_status_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The roll-up runs for every commitment a check assesses: each milestone's status on
    the day and its evidence (a scan of its updates) are read once, not again for the delay
    or the evidence (issue 16)."""
    from ogpctl.domain import rollup as module

    calls: list[int] = []
    real = module._state
    monkeypatch.setattr(module, "_state",
                        lambda milestone, as_of: calls.append(1) or real(milestone, as_of))
    monkeypatch.setattr(module, "has_evidence", lambda milestone: 1 / 0)
    item = commitment(m(1, "completed"), m(2, "in-progress", due="2026-10-01"),
                      m(3, "not-started", due="2026-09-01"), m(4, "withdrawn"))
    result = rollup(item, AS_OF)
    assert len(calls) == 4
    assert (result.completion, result.delayed) == ("limited", (2, 3))

"""A plan's stage, derived in one place (`ogpctl.domain.stage`) from the record and the calendar,
and what the website shows from it: a plan in co-creation is not red, the totals, and the
timeline's date axis."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from ogpctl.domain.stage import plan_stage
from ogpctl.record.kinds import Kind
from ogpctl.record.load import load_record
from ogpctl.record.model import Document, Plan, Stage
from ogpctl.site import build_site
from ogpctl.site.svg import year_ticks
from tests.conftest import SAMPLE

D = date
JUNE_2026 = {"window": "june", "due-year": 2026, "length": 4}


def plan(**fields: object) -> Plan:
    return Plan("2026-2030", Document("plans/2026-2030/plan.yaml", Kind.PLAN,
                                      {**JUNE_2026, **fields}, True))


@pytest.mark.parametrize("fields, today, stage, word, late", [
    ({}, D(2025, 11, 1), Stage.CO_CREATION, "co-creation", False),
    ({}, D(2026, 8, 31), Stage.CO_CREATION, "co-creation", False),      # the window's last day
    ({}, D(2026, 9, 1), Stage.SUBMISSION, "co-creation", True),         # never delivered
    ({"status": "implementation"}, D(2026, 9, 1), Stage.SUBMISSION, "co-creation", True),
    ({"delivered": "2026-06-24"}, D(2026, 6, 23), Stage.CO_CREATION, "co-creation", False),
    ({"delivered": "2026-06-24"}, D(2026, 6, 24), Stage.IMPLEMENTATION, "implementation",
     False),
    ({"delivered": "2026-06-24"}, D(2028, 7, 1), Stage.IMPLEMENTATION, "refresh", False),
    ({"delivered": "2026-06-24", "refresh": {"delivered": "2028-11-30"}}, D(2029, 1, 1),
     Stage.IMPLEMENTATION, "implementation", False),
    ({"delivered": "2026-06-24"}, D(2030, 7, 1), Stage.END_OF_TERM, "closed", False),
    ({"delivered": "2026-02-30"}, D(2026, 7, 1), Stage.CO_CREATION, "co-creation", False),
])
def test_stage_table(fields: dict, today: date, stage: Stage, word: str, late: bool) -> None:
    got = plan_stage(plan(**fields), today)
    assert (got.stage, got.status, got.late) == (stage, word, late)


@pytest.mark.parametrize("fields, today, accepted, refused", [
    ({}, D(2026, 3, 1), {"co-creation"}, {"implementation", "refresh", "closed"}),
    ({"delivered": "2026-06-24"}, D(2026, 12, 1), {"implementation", "refresh"},
     {"co-creation", "closed"}),
    ({"delivered": "2026-06-24", "length": 2}, D(2026, 12, 1), {"implementation"},
     {"refresh"}),
    ({"delivered": "2026-06-24"}, D(2031, 1, 1), {"closed"}, {"implementation"}),
])
def test_status_words_checked_against_the_stage(fields: dict, today: date, accepted: set,
                                                refused: set) -> None:
    got = plan_stage(plan(**fields), today)
    assert all(got.accepts(w) for w in accepted) and not any(got.accepts(w) for w in refused)


def test_year_ticks() -> None:
    assert year_ticks(D(2026, 6, 24), D(2030, 6, 30)) == [D(y, 1, 1) for y in range(2027, 2031)]
    assert year_ticks(D(2026, 1, 1), D(2026, 6, 30)) == [D(2026, 1, 1)]
    assert year_ticks(D(2026, 2, 1), D(2026, 6, 30)) == [D(2026, 2, 1)]


def site(record: Path, today: date) -> dict[str, bytes]:
    """The website's pages (no documents to download, no search index: the dashboard
    needs neither, and a site's PDFs took ~10 s)."""
    return build_site(load_record(record), today, formats=(), search=False)


def test_dashboard_of_a_plan_in_cocreation(tmp_path: Path) -> None:
    record = tmp_path / "record"
    shutil.copytree(SAMPLE, record, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    path = record / "plans/2026-2030/plan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "status: implementation\ndelivered: 2026-06-24\n", "status: co-creation\n"),
        encoding="utf-8")
    files = site(record, D(2026, 3, 1))
    page = files["en/plans/2026-2030/dashboard.html"].decode()
    assert "This plan is in co-creation" in page
    # the sample's three completions are dated August 2026: on 1 March not done yet (F24)
    assert "0 of 6 commitments complete; 0 of 26 milestones completed." in page
    assert "Not rated before implementation" in page and "Red: not started" not in page
    assert 'class="badge red"' not in page
    spanish = files["es/plans/2026-2030/dashboard.html"].decode()
    assert "Este plan está en cocreación" in spanish
    overview = files["en/plans/2026-2030/index.html"].decode()
    assert "In co-creation" in overview


def test_dashboard_totals_and_axis() -> None:
    page = site(SAMPLE, D(2026, 11, 23))["en/plans/2026-2030/dashboard.html"].decode()
    assert "0 of 6 commitments complete; 3 of 26 milestones completed." in page
    assert "This plan is in co-creation" not in page
    timeline = page[page.index('<svg class="timeline"'):]
    timeline = timeline[:timeline.index("</svg>")]
    years = re.findall(r'text-anchor="middle">(\d{4})</text>', timeline)
    assert years == ["2027", "2028", "2029", "2030"]


@pytest.mark.parametrize("window, year, delivered, state", [
    ("june", 2024, "2023-06-01", "early"),          # before the window opened (C401)
    ("december", 2024, "2024-03-01", "early"),      # before July 1
    ("december", 2027, "2028-02-29", "overdue"),    # "February 28 ... no extensions"
    ("december", 2027, "2028-02-28", "met"),
    ("june", 2024, "2024-01-01", "met"),
    ("june", 2024, "2024-09-01", "overdue"),
])
def test_delivery_window_has_two_ends(window: str, year: int, delivered: str,
                                      state: str) -> None:
    from ogpctl.domain.obligations import obligations
    from ogpctl.record.model import Record

    item = Plan(f"{year}-{year + 2}", Document("plan.yaml", Kind.PLAN, {
        "window": window, "due-year": year, "length": 2, "delivered": delivered}, True))
    found = {o.id: o for o in obligations(Record(Path("."), {}, plans=[item]), D(2029, 1, 1))}
    assert found["delivery-window-closes"].state == state

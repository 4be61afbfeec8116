"""Cadence obligations judged over the right windows (newuser7 Q1, Q2, Q5): requirement 5.1
each year of implementation, the repository each six months, the forum after every meeting,
and a plan never delivered settled once its window closed."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from icalendar import Calendar

from ogpctl.domain.obligations import FAILED, MISSED, plan_obligations
from ogpctl.domain.requirements import NOT_MET, results_meetings
from ogpctl.record.load import load_record
from ogpctl.site.view import Site
from tests.conftest import run

OLD = "plans/2023-2025/plan.yaml"
MEETINGS = "forum/meetings"


def _deliver_in_january(sample: Path) -> None:
    """Plan 2023-2025 (ends 2025-12-31) delivered on 2024-01-20: its second year of
    implementation is 11.4 months long."""
    plan = sample / OLD
    plan.write_text(plan.read_text(encoding="utf-8").replace("delivered: 2023-12-14",
                                                             "delivered: 2024-01-20"),
                    encoding="utf-8")


def _no_results(sample: Path, *days: str) -> None:
    for day in days:
        meeting = next((sample / MEETINGS).glob(f"{day}-*.md"))
        meeting.write_text(meeting.read_text(encoding="utf-8").replace(
            "presented-results: true", "presented-results: false"), encoding="utf-8")


def _spans(record_root: Path, today: date, ident: str, plan_id: str = "2023-2025"
           ) -> list[tuple[str, str]]:
    record = load_record(record_root)
    plan = next(p for p in record.plans if p.id == plan_id)
    return [(o.date.isoformat(), o.state) for o in plan_obligations(record, plan, today)
            if o.id == ident]


def test_each_year_of_implementation_needs_its_two_results_meetings(sample: Path,
                                                                     capsys) -> None:
    """2024-01-20..2025-01-19 held one meeting presenting results; 2025 held four. The
    11.4-month remainder used to join the first year: one window, five meetings, met."""
    _deliver_in_january(sample)
    _no_results(sample, "2024-05-22", "2024-07-10", "2024-10-09", "2024-11-13")
    assert _spans(sample, date(2026, 3, 1), "civil-society-meeting") == [
        ("2025-01-19", MISSED), ("2025-12-31", "met")]
    # a year after delivery the first year is settled, not "not yet due"
    record = load_record(sample)
    plan = next(p for p in record.plans if p.id == "2023-2025")
    verdict = results_meetings(record, plan, date(2025, 2, 1))
    assert verdict.state == NOT_MET and verdict.facts["years"] == 1
    assert verdict.facts["due"] == date(2025, 12, 31)     # the year under way
    code, out, _ = run(capsys, "check", sample, "--today", "2026-03-01", "--no-cache")
    assert "C412  plan 2023-2025: meetings presenting results from 2024-01-20 to " \
           "2025-01-19: 1 recorded, 2 needed" in out


def test_the_last_six_months_need_their_own_repository_update(sample: Path) -> None:
    """Six-month windows from 2024-01-20: the last, 2025-07-20..2025-12-31 (165 days),
    needs its update rather than joining 2025-01-20..2025-07-19 into 11.4 months."""
    _deliver_in_january(sample)
    assert [day for day, _state in _spans(sample, date(2026, 3, 1), "repository-update")] == [
        "2024-07-19", "2025-01-19", "2025-07-19", "2025-12-31"]


def _forum_gaps(sample: Path) -> None:
    """Two forum meetings removed: 2023-12-06 -> 2024-10-09 and 2024-10-09 -> 2025-09-17
    are gaps of more than six months, each closed by a later meeting."""
    for day in ("2024-04-17", "2025-03-26"):
        next((sample / MEETINGS).glob(f"{day}-*.md")).unlink()


def test_a_gap_closed_by_a_later_meeting_is_missed_and_the_chain_goes_on(sample: Path,
                                                                          capsys) -> None:
    _forum_gaps(sample)
    forum = _spans(sample, date(2026, 11, 23), "forum-meeting")
    assert [day for day, state in forum if state == MISSED] == ["2024-06-06", "2025-04-09"]
    assert "overdue" not in {state for _day, state in forum}
    # the chain follows the forum after a gap: six months after 2025-09-17, in the next
    # plan's co-creation
    later = _spans(sample, date(2026, 11, 23), "forum-meeting", "2026-2030")
    assert later[0] == ("2026-03-17", "met")
    code, out, _ = run(capsys, "deadlines", sample, "--format", "json", "--today",
                       "2026-11-23", "--lang", "en")
    assert {"plan": "2026-2030", "id": "forum-meeting", "date": "2027-04-28",
            "title": "Forum meeting", "rule": "The multi-stakeholder forum meets at least "
            "every six months.", "handbook": "minimum requirement 1.1", "state": "due"} \
        in json.loads(out)      # the next meeting is always listed


def test_deadlines_calendar_site_and_check_count_the_same_forum_gaps(sample: Path,
                                                                      capsys) -> None:
    _forum_gaps(sample)
    today = "2026-11-23"
    code, out, _ = run(capsys, "check", sample, "--today", today, "--no-cache")
    gaps = len(re.findall(r"\bC411\b", out))
    code, out, _ = run(capsys, "deadlines", sample, "--format", "json", "--today", today)
    listed = sum(1 for o in json.loads(out)
                 if o["id"] == "forum-meeting" and o["state"] in FAILED)
    code, out, _ = run(capsys, "deadlines", sample, "-f", "ics", "--today", today)
    events = [e for e in Calendar.from_ical(out.encode()).walk("VEVENT")
              if ".forum-meeting." in str(e["uid"])]
    calendar = sum(1 for e in events
                   if set(str(c) for c in e["categories"].cats) & set(FAILED))
    record = load_record(sample)
    site = Site(record, date.fromisoformat(today), None)
    pages = sum(1 for plan in record.plans for o in site.failed(plan, "en")
                if o.id == "forum-meeting")
    assert gaps == listed == calendar == pages == 2


def test_a_plan_never_delivered_owes_no_implementation_dates(sample: Path, capsys) -> None:
    """2026-2030 never delivered: its window closed on 2026-08-31. In 2031 it owes no
    amendment, refresh or next plan; its delivery is missed; status says so."""
    plan = sample / "plans/2026-2030/plan.yaml"
    plan.write_text(re.sub(r"(?m)^delivered: .*\n", "", plan.read_text(encoding="utf-8")),
                    encoding="utf-8")
    code, out, _ = run(capsys, "deadlines", sample, "--format", "json", "--today",
                       "2031-06-01", "--lang", "en")
    items = [o for o in json.loads(out) if o["plan"] == "2026-2030"]
    ids = {o["id"] for o in items}
    assert not ids & {"amendment-deadline", "refresh-due", "refresh-mark", "irm-check-in",
                      "refresh-timeline-publish-by", "next-plan-late-after"}
    assert [o["state"] for o in items if o["id"] == "delivery-window-closes"] == [MISSED]
    assert "due" not in {o["state"] for o in items if o["id"] != "forum-meeting"}
    code, out, _ = run(capsys, "status", sample, "--today", "2031-06-01", "--lang", "en")
    assert "[not delivered; due" in out and "[co-creation;" not in out


def test_a_short_last_stretch_looks_back_a_full_period() -> None:
    """The last 55 days of a plan need no local progress update of their own when one was
    reported within the quarter ending with the plan (every quarter, 6.3.b): asking one
    of a stretch shorter than a quarter would be stricter than the handbook; one reported
    earlier than a quarter before the end leaves a gap, which is missed."""
    from ogpctl.domain.obligations import cadence_windows

    windows = cadence_windows(date(2020, 1, 6), date(2020, 12, 31), 3, 1)
    assert windows[-2] == (date(2020, 7, 6), date(2020, 10, 5), 1)
    assert windows[-1] == (date(2020, 10, 1), date(2020, 12, 31), 1)   # the last quarter
    assert cadence_windows(date(2025, 1, 20), date(2026, 12, 31), 12, 2)[-1] == \
        (date(2026, 1, 1), date(2026, 12, 31), 2)
    assert cadence_windows(date(2025, 1, 20), date(2025, 4, 30), 6, 1) == \
        ((date(2025, 1, 20), date(2025, 4, 30), 1),)                   # shorter than one


def test_each_local_commitment_reports_every_quarter(sample: Path, capsys) -> None:
    """newuser8: the quarters of 6.3.b pooled every local commitment's updates, so one that
    reported hid another's silence ("1 recorded, 1 needed" for both). Commitment 6 (local)
    reported in its first quarter; commitment 3, made local here, did not."""
    path = sample / "plans/2026-2030/commitments/03-climate-finance-transparency.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: regular", "kind: local", 1),
                    encoding="utf-8")
    code, out, _ = run(capsys, "check", sample, "--today", "2026-12-01", "--no-cache",
                       "--format", "json")
    local = [(d["file"].rsplit("/", 1)[-1], d["message"]) for d in json.loads(out)["diagnostics"]
             if d["code"] == "C413"]
    assert local == [("03-climate-finance-transparency.yaml", "no progress reported: local "
                      "progress updates from 2026-06-24 to 2026-09-23: 0 recorded, 1 needed")]
    code, out, _ = run(capsys, "deadlines", "-C", sample, "--today", "2026-12-01",
                       "--format", "json", "--lang", "en")
    titles = {item["title"] for item in json.loads(out) if item["id"] == "local-progress"}
    assert titles == {"Quarterly progress on local commitment 3",
                      "Quarterly progress on local commitment 6"}

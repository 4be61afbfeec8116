"""`ogpctl deadlines`: obligations decided from the record, in text, JSON and iCalendar."""

from __future__ import annotations

import json
import re
from pathlib import Path

from icalendar import Calendar

from tests.conftest import ROOT, run

PLAN = "plans/2026-2030/plan.yaml"


def _json(capsys, record: Path, today: str = "2026-11-23", *extra: str) -> list[dict]:
    code, out, err = run(capsys, "deadlines", record, "--format", "json", "--today", today,
                         *extra)
    assert code == 0, err
    return json.loads(out)


def _state(items: list[dict], plan: str, ident: str) -> list[str]:
    return [i["state"] for i in items if i["plan"] == plan and i["id"] == ident]


def test_json_is_exactly_as_specified(capsys) -> None:
    items = _json(capsys, ROOT / "sample-country")
    assert items and all(set(i) == {"plan", "id", "date", "title", "rule", "handbook", "state"}
                         for i in items)
    assert {i["state"] for i in items} <= {"met", "due", "overdue", "n/a"}
    ids = {i["id"] for i in items}
    assert {"delivery-window-opens", "delivery-window-closes", "plan-end", "amendment-deadline",
            "refresh-mark", "refresh-due", "irm-check-in", "cocreation-timeline-publish-by",
            "next-plan-late-after", "repository-update", "forum-meeting",
            "civil-society-meeting"} <= ids


def test_sample_country_states(capsys) -> None:
    items = _json(capsys, ROOT / "sample-country")
    assert _state(items, "2026-2030", "delivery-window-closes") == ["met"]
    assert _state(items, "2026-2030", "cocreation-timeline-publish-by") == ["met"]
    assert _state(items, "2023-2025", "next-plan-late-after") == ["met"]
    assert _state(items, "2026-2030", "refresh-due") == ["due"]
    assert "overdue" not in {i["state"] for i in items}
    window = next(i for i in items if i["plan"] == "2026-2030" and i["id"] ==
                  "delivery-window-closes")
    assert window["date"] == "2026-08-31" and window["handbook"].startswith("3.1")


def test_met_is_never_assumed(sample: Path, capsys) -> None:
    plan = sample / PLAN
    plan.write_text(re.sub(r"(?m)^delivered: .*\n", "", plan.read_text(encoding="utf-8")),
                    encoding="utf-8")
    before = _json(capsys, sample, "2026-07-01")
    assert _state(before, "2026-2030", "delivery-window-closes") == ["due"]
    assert not _state(before, "2026-2030", "forum-meeting")   # no cadence before delivery
    after = _json(capsys, sample, "2026-09-01")
    assert _state(after, "2026-2030", "delivery-window-closes") == ["overdue"]


def test_late_delivery_and_missing_meetings(sample: Path, capsys) -> None:
    plan = sample / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("delivered: 2026-06-24",
                                                             "delivered: 2026-09-15"),
                    encoding="utf-8")
    for meeting in (sample / "forum" / "meetings").glob("2026-*.md"):
        meeting.unlink()
    items = _json(capsys, sample, "2027-04-01")
    assert _state(items, "2026-2030", "delivery-window-closes") == ["overdue"]
    assert _state(items, "2026-2030", "forum-meeting")[0] == "overdue"


def test_ics_is_a_real_calendar_with_stable_uids(capsys) -> None:
    code, out, _ = run(capsys, "deadlines", ROOT / "sample-country", "-f", "ics", "--today",
                       "2026-11-23")
    assert code == 0
    parsed = Calendar.from_ical(out)
    events = list(parsed.walk("VEVENT"))
    assert len(events) == len(_json(capsys, ROOT / "sample-country"))
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    first = events[0]
    assert first.decoded("DTSTART").isoformat() == "2023-06-19"
    again = run(capsys, "deadlines", ROOT / "sample-country", "-f", "ics", "--today",
                "2026-11-23")[1]
    assert again == out   # same record and --today, same bytes


def test_usage_errors(capsys, tmp_path: Path) -> None:
    assert run(capsys, "deadlines", tmp_path)[0] == 2
    assert run(capsys, "deadlines", ROOT / "sample-country", "--plan", "1999-2001")[0] == 2
    code, out, _ = run(capsys, "deadlines", ROOT / "sample-country", "--today", "2026-11-23")
    assert code == 0 and "plan 2026-2030" in out and "as of 2026-11-23" in out


def test_unusable_due_year_is_not_a_crash(sample: Path, capsys) -> None:
    plan = sample / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("due-year: 2026", "due-year: 99999"),
                    encoding="utf-8")
    items = _json(capsys, sample)
    assert not [i for i in items if i["plan"] == "2026-2030"]   # the schema reports the year
    code, out, err = run(capsys, "check", sample, "--no-cache", "--today", "2026-11-23")
    assert code == 1 and "due-year" in out and "Traceback" not in out + err

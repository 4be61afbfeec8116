"""`ogpctl deadlines`: obligations decided from the record, in text, JSON and iCalendar."""

from __future__ import annotations

import json
import re
from pathlib import Path

from icalendar import Calendar

from ogpctl.record.load import load_record
from tests.conftest import ROOT, run

#: The English screen (the sample record's default language is Spanish).
EN = ("--lang", "en")

PLAN = "plans/2026-2030/plan.yaml"


def _json(capsys, record: Path, today: str = "2026-11-23", *extra: str) -> list[dict]:
    lang = () if "--lang" in extra else EN
    code, out, err = run(capsys, "deadlines", record, "--format", "json", "--today", today,
                         *lang, *extra)
    assert code == 0, err
    return json.loads(out)


def _state(items: list[dict], plan: str, ident: str) -> list[str]:
    return [i["state"] for i in items if i["plan"] == plan and i["id"] == ident]


def test_json_is_exactly_as_specified(capsys) -> None:
    items = _json(capsys, ROOT / "sample-country")
    assert items and all(set(i) == {"plan", "id", "date", "title", "rule", "handbook", "state"}
                         for i in items)
    # DESIGN.md's four states, and the two of an obligation settled by a later stage
    assert {i["state"] for i in items} <= {"met", "due", "overdue", "missed", "early", "n/a"}
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
    assert "overdue" not in {i["state"] for i in items if i["id"] != "milestone-due"}
    window = next(i for i in items if i["plan"] == "2026-2030" and i["id"] ==
                  "delivery-window-closes")
    assert window["date"] == "2026-08-31" and window["handbook"].startswith("3.1")


def test_met_is_never_assumed(sample: Path, capsys) -> None:
    plan = sample / PLAN
    plan.write_text(re.sub(r"(?m)^delivered: .*\n", "", plan.read_text(encoding="utf-8")),
                    encoding="utf-8")
    before = _json(capsys, sample, "2026-07-01")
    assert _state(before, "2026-2030", "delivery-window-closes") == ["due"]
    # the forum meets every six months in co-creation too: the next meeting is listed
    assert _state(before, "2026-2030", "forum-meeting")[-1] == "due"
    after = _json(capsys, sample, "2026-09-01")
    # the window closed with no delivery: missed, no extension can make it met (3.1)
    assert _state(after, "2026-2030", "delivery-window-closes") == ["missed"]


def test_late_delivery_and_missing_meetings(sample: Path, capsys) -> None:
    plan = sample / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("delivered: 2026-06-24",
                                                             "delivered: 2026-09-15"),
                    encoding="utf-8")
    for meeting in (sample / "forum" / "meetings").glob("2026-*.md"):
        meeting.unlink()
    items = _json(capsys, sample, "2027-04-01")
    assert _state(items, "2026-2030", "delivery-window-closes") == ["overdue"]
    assert _state(items, "2026-2030", "forum-meeting")[-1] == "overdue"


def test_ics_is_a_real_calendar_with_stable_uids(capsys) -> None:
    code, out, _ = run(capsys, "deadlines", *EN, ROOT / "sample-country", "-f", "ics", "--today",
                       "2026-11-23")
    assert code == 0
    parsed = Calendar.from_ical(out)
    events = list(parsed.walk("VEVENT"))
    assert len(events) == len(_json(capsys, ROOT / "sample-country"))
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    first = events[0]
    assert first.decoded("DTSTART").isoformat() == "2023-06-19"
    again = run(capsys, "deadlines", *EN, ROOT / "sample-country", "-f", "ics", "--today",
                "2026-11-23")[1]
    assert again == out   # same record and --today, same bytes


def test_usage_errors(capsys, tmp_path: Path) -> None:
    assert run(capsys, "deadlines", *EN, tmp_path)[0] == 2
    assert run(capsys, "deadlines", *EN, ROOT / "sample-country", "--plan", "1999-2001")[0] == 2
    code, out, _ = run(capsys, "deadlines", *EN, ROOT / "sample-country", "--today", "2026-11-23")
    assert code == 0 and "plan 2026-2030" in out and "as of 2026-11-23" in out


def test_unusable_due_year_is_not_a_crash(sample: Path, capsys) -> None:
    plan = sample / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("due-year: 2026", "due-year: 99999"),
                    encoding="utf-8")
    items = _json(capsys, sample)
    assert {i["id"] for i in items if i["plan"] == "2026-2030"} == {"milestone-due"}
    code, out, err = run(capsys, "check", sample, "--no-cache", "--today", "2026-11-23")
    assert code == 1 and "due-year" in out and "Traceback" not in out + err


def _milestones(items: list[dict], plan: str) -> dict[str, dict]:
    """Milestone due dates by number (1.2), read from the title."""
    found = {}
    for item in items:
        if item["plan"] == plan and item["id"] == "milestone-due":
            found[re.search(r"\d+\.\d+", item["title"]).group()] = item
    return found


def test_every_milestone_due_date_is_an_obligation(capsys) -> None:
    items = _json(capsys, ROOT / "sample-country")
    due = _milestones(items, "2026-2030")
    assert due["1.1"]["date"] == "2026-09-30" and due["1.1"]["state"] == "met"   # completed
    assert due["4.1"]["state"] == "overdue"            # in progress, due 2026-09-30
    assert due["1.2"]["state"] == "due"                # due 2027-06-30
    assert due["1.2"]["title"] == "Milestone 1.2 due: Pilot in 12 entities"
    assert due["1.2"]["handbook"] and set(due["1.2"]) == set(items[0])
    plan = load_record(ROOT / "sample-country").plan_named("2026-2030")
    assert len(due) == sum(1 for c in plan.commitments for m in c.milestones
                           if m.fields.get("due"))


def test_milestone_states_follow_the_record(sample: Path, capsys) -> None:
    path = sample / "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("due: 2027-06-30", "due: 2026-10-01", 1), encoding="utf-8")
    assert _milestones(_json(capsys, sample), "2026-2030")["1.2"]["state"] == "overdue"
    code, out, _ = run(capsys, "progress", "add", "2026-2030", "1.2", "-C", sample, "--status",
                       "withdrawn", "--note", "Dropped", "--today", "2026-11-23")
    assert code == 0, out
    assert _milestones(_json(capsys, sample), "2026-2030")["1.2"]["state"] == "n/a"


def test_milestones_in_text_and_ics(capsys, monkeypatch) -> None:
    monkeypatch.delenv("COLUMNS")   # not a terminal: each row on one line
    code, out, _ = run(capsys, "deadlines", *EN, ROOT / "sample-country", "--today", "2026-11-23",
                       "--plan", "2026-2030")
    assert code == 0 and "Milestone 4.1 due: Judicial data inventory" in out
    code, out, _ = run(capsys, "deadlines", *EN, ROOT / "sample-country", "-f", "ics", "--today",
                       "2026-11-23")
    events = {str(e["UID"]): e for e in Calendar.from_ical(out).walk("VEVENT")}
    event = events["2026-2030.milestone-due.4.1@xv.ogpctl"]   # stable: the milestone's number
    assert str(event["SUMMARY"]) == "Milestone 4.1 due: Judicial data inventory (plan 2026-2030)"
    assert event.decoded("DTSTART").isoformat() == "2026-09-30"


def test_lang_writes_titles_in_a_language_of_the_record(capsys) -> None:
    items = _json(capsys, ROOT / "sample-country", "2026-11-23", "--lang", "es")
    titles = {(i["plan"], i["id"]): i["title"] for i in items}
    assert titles[("2026-2030", "delivery-window-closes")] == "Se cierra el período de entrega"
    assert _milestones(items, "2026-2030")["1.2"]["title"] == \
        "Vence el hito 1.2: Piloto en 12 entidades"
    assert [i["id"] for i in items] == [i["id"] for i in _json(capsys, ROOT / "sample-country")]
    code, out, _ = run(capsys, "deadlines", ROOT / "sample-country", "-f", "ics", "--today",
                       "2026-11-23", "--lang", "es")
    parsed = Calendar.from_ical(out)
    assert str(parsed["X-WR-CALNAME"]).startswith("Plazos de OGP: ")
    assert "Vence el hito 1.2: Piloto en 12 entidades (plan 2026-2030)" in {
        str(e["SUMMARY"]) for e in parsed.walk("VEVENT")}
    code, _, err = run(capsys, "deadlines", "-C", ROOT / "sample-country", "--lang", "de")
    assert code == 2 and "--lang de: " in err and len(err.splitlines()) == 1


def test_every_title_is_translated(capsys) -> None:
    """Each obligation title the code writes is in the catalogues (none falls back to
    English): tests/test_locales.py checks each catalogue translates what is marked."""
    english = _json(capsys, ROOT / "sample-country")
    spanish = _json(capsys, ROOT / "sample-country", "2026-11-23", "--lang", "es")
    for before, after in zip(english, spanish, strict=True):
        if before["id"] != "milestone-due":
            assert before["title"] != after["title"], before["title"]


def test_the_summary_names_the_next_obligation_with_its_own_date(capsys) -> None:
    """Plans are listed one after the other; the summary's 'next' is the earliest due
    obligation of any plan, its title with its date (it paired the first plan's first title
    with another plan's earlier date)."""
    from datetime import date

    from ogpctl.cli.present import print_deadlines
    from ogpctl.domain.obligations import Obligation

    items = [Obligation("2024-2026", "next-plan-late-after", date(2027, 12, 31),
                        "Next plan delivered", "C403", "3.1.a", "due"),
             Obligation("2027-2031", "cocreation-timeline-publish-by", date(2027, 1, 21),
                        "Publish the co-creation timeline", "C402", "2.1", "due")]
    print_deadlines(items, date(2026, 12, 4))
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert summary.endswith("next: Publish the co-creation timeline (2027-2031) on 2027-01-21")


def test_a_milestone_completed_after_its_due_date_is_met_late(sample: Path, capsys,
                                                               monkeypatch) -> None:
    """A milestone finished months after its due date read just "met … completed on", the
    same as one finished on time."""
    path = sample / "plans/2023-2025/commitments/01-open-contracting.yaml"
    text = path.read_text(encoding="utf-8")
    assert "due: 2024-06-30" in text
    path.write_text(text.replace("due: 2024-06-30", "due: 2024-05-01", 1), encoding="utf-8")
    monkeypatch.delenv("COLUMNS")   # not a terminal: each row on one line
    shown = run(capsys, "deadlines", *EN, "-C", sample, "--today", "2026-11-23",
                           "--plan", "2023-2025")
    line = next(row for row in shown[1].splitlines() if "Milestone 1.1 due" in row)
    assert "met" in line and "completed on 2024-06-12, 42 days late" in line

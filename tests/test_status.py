"""`ogpctl status`: stage, next deadlines, progress and requirements, from the record."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import SAMPLE, new_plan_record, run

#: The English screen (the sample record's default language is Spanish).
EN = ("--lang", "en")


def test_status_json(capsys) -> None:
    code, out, _ = run(capsys, "status", *EN, SAMPLE, "--format", "json", "--today", "2026-12-02")
    assert code == 0
    plans = {p["plan"]: p for p in json.loads(out)}
    live = plans["2026-2030"]
    assert live["stage"] == "implementation" and live["due"] == "2026-06-30"
    code, out, _ = run(capsys, "deadlines", *EN, SAMPLE, "--format", "json", "--today",
                       "2026-12-02")
    due = [o for o in json.loads(out) if o["plan"] == "2026-2030" and o["state"] == "due"]
    due.sort(key=lambda o: (o["date"], o["id"]))      # status and deadlines: one list
    assert [(o["id"], o["date"]) for o in live["next"]] == \
        [(o["id"], o["date"]) for o in due[:3]]
    failed = [(o["id"], o["date"]) for o in json.loads(out)
              if o["plan"] == "2026-2030" and o["state"] in ("overdue", "missed", "early")]
    assert len(live["next"]) == 3 and [(o["id"], o["date"]) for o in live["overdue"]] == failed
    assert failed     # milestones past their due date, which status used to leave out
    first = live["commitments"][0]
    assert first["number"] == 1 and first["share"] == 0.2 and first["colour"] == "amber"
    assert {r["code"]: r["state"] for r in live["requirements"]}["3.1"] == "met"
    assert live["totals"] == {"commitments": 6, "complete": 0, "milestones": 26,
                              "completed": 3, "withdrawn": 0, "milestones-withdrawn": 0}
    closed = plans["2023-2025"]
    assert closed["stage"] == "closed" and closed["status-agrees"] and not closed["late"]
    # commitment 2: two of four milestones completed is limited; the plan ended 2025-12-31,
    # when no milestone was six months late: amber at its end, whatever the day (G13), as its
    # end-of-term self-assessment rates it
    assert [c["colour"] for c in closed["commitments"]] == ["green", "amber", "green", "red"]


def test_status_shows_what_is_overdue(capsys, sample: Path) -> None:
    for meeting in (sample / "forum/meetings").glob("2026-1*.md"):
        meeting.unlink()
    code, out, _ = run(capsys, "status", *EN, sample, "--today", "2027-07-01")
    assert code == 0
    assert "OVERDUE" in out and "Two meetings presenting results" in out
    assert "5.1  two results meetings a year with civil society   not met" in out


def test_status_usage_errors(capsys, tmp_path: Path) -> None:
    assert run(capsys, "status", *EN, tmp_path)[0] == 2
    assert run(capsys, "status", *EN, SAMPLE, "--today", "tomorrow")[0] == 2


def in_cocreation(sample: Path) -> Path:
    plan = sample / "plans/2026-2030/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "status: implementation\ndelivered: 2026-06-24\n", "status: co-creation\n"),
        encoding="utf-8")
    return sample


def test_a_plan_in_cocreation_is_not_red(capsys, sample: Path) -> None:
    """Before delivery no commitment is rated, and requirements are not yet due."""
    in_cocreation(sample)
    code, out, _ = run(capsys, "status", *EN, sample, "--format", "json", "--today", "2026-01-05")
    live = {p["plan"]: p for p in json.loads(out)}["2026-2030"]
    assert live["stage"] == "co-creation" and live["status-agrees"] and not live["late"]
    assert {c["colour"] for c in live["commitments"]} == {"grey"}
    timeline = {r["code"]: r for r in live["requirements"]}["3.1"]
    assert timeline["state"] == "met"
    code, out, _ = run(capsys, "status", *EN, sample, "--today", "2026-01-05")
    second = out[out.index("2026-2030  Second"):]
    assert "not started yet" in second and " red " not in second
    assert "in co-creation" in second


def test_requirements_before_their_date_are_not_yet_due(capsys, sample: Path) -> None:
    in_cocreation(sample)
    cocreation = sample / "plans/2026-2030/co-creation.yaml"
    text = cocreation.read_text(encoding="utf-8")
    cocreation.write_text(text.replace("published: 2026-01-12", "published: null")
                          .replace("outreach:", "outreach: []\nold-outreach:", 1),
                          encoding="utf-8")
    code, out, err = run(capsys, "status", *EN, sample, "--format", "json", "--today", "2026-01-05")
    assert code == 0, err
    live = {p["plan"]: p for p in json.loads(out)}["2026-2030"]
    verdicts = {r["code"]: r for r in live["requirements"]}
    assert verdicts["3.1"]["state"] == "not-yet-due"
    assert verdicts["3.1"]["facts"]["due"] == "2026-01-19"
    code, out, _ = run(capsys, "status", *EN, sample, "--today", "2026-01-05")
    assert "not yet due (by 2026-01-19)" in out
    code, out, _ = run(capsys, "status", *EN, sample, "--format", "json", "--today", "2026-02-01")
    verdicts = {r["code"]: r for r in {p["plan"]: p for p in json.loads(out)}["2026-2030"]
                ["requirements"]}
    assert verdicts["3.1"]["state"] == "not-met"


def test_no_contribution_yet_is_not_yet_due_before_delivery(capsys, sample: Path) -> None:
    """4.1 with no contribution recorded cannot be judged; before the plan is due that is
    'not yet due', not a requirement that 'applies' and is not met (the action plan said
    '0 of the 1 minimum requirements ... as met' for a plan just started)."""
    in_cocreation(sample)
    (sample / "plans/2026-2030/contributions.yaml").write_text("contributions: []\n",
                                                              encoding="utf-8")
    code, out, err = run(capsys, "status", *EN, sample, "--format", "json", "--today", "2026-01-05")
    assert code == 0, err
    verdicts = {r["code"]: r for r in {p["plan"]: p for p in json.loads(out)}["2026-2030"]
                ["requirements"]}
    assert verdicts["4.1"]["state"] == "not-yet-due"
    assert verdicts["4.1"]["facts"]["due"] == "2026-06-30"
    code, out, _ = run(capsys, "status", *EN, sample, "--format", "json", "--today", "2026-09-01")
    verdicts = {r["code"]: r for r in {p["plan"]: p for p in json.loads(out)}["2026-2030"]
                ["requirements"]}
    assert verdicts["4.1"]["state"] == "unknown", "after the due date nothing is assumed"


def test_an_address_check_refuses_meets_no_requirement(capsys, sample: Path) -> None:
    """A website, repository or forum-rules address that is not http(s) or mailto (F103) is
    no address: 1.1, 2.1 and 2.2 read 'not met', as with the field empty (they said 'met',
    and the action plan published 'Met: No address is recorded')."""
    ogp = sample / "ogp.yaml"
    text = ogp.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^website: .*$", "website: 'javascript:alert(19)'", text)
    ogp.write_text(re.sub(r"(?m)^repository: .*$", "repository: files/here", text),
                   encoding="utf-8")
    forum = sample / "forum/forum.yaml"
    forum.write_text(re.sub(r"(?m)^rules-url: .*$", "rules-url: 'javascript:alert(21)'",
                            forum.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, err = run(capsys, "status", *EN, sample, "--format", "json", "--today", "2026-12-02")
    assert code == 0, err
    verdicts = {r["code"]: r for r in {p["plan"]: p for p in json.loads(out)}["2026-2030"]
                ["requirements"]}
    assert [verdicts[c]["state"] for c in ("1.1", "2.1", "2.2")] == ["not-met"] * 3
    assert verdicts["2.1"]["facts"]["url"] == "" and not verdicts["1.1"]["facts"]["rules"]


def test_a_file_holding_no_commitment_is_not_published_as_one(capsys, sample: Path,
                                                              tmp_path: Path) -> None:
    """A commitment file with a YAML error, an empty one and one holding a list are no
    commitments: not counted, not rated red, no page; `status` and `site` say they were left
    out (the site published each as 'N. (no milestones) Red: not started or with severe
    delays' and exited 0 without a word)."""
    folder = sample / "plans/2026-2030/commitments"
    (folder / "07-broken.yaml").write_text("title:\n  fr: Défi : justice\n", encoding="utf-8")
    (folder / "08-empty.yaml").write_text("", encoding="utf-8")
    (folder / "09-list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    code, out, err = run(capsys, "status", *EN, sample, "--format", "json", "--today", "2026-12-02")
    assert code == 0, err
    live = {p["plan"]: p for p in json.loads(out)}["2026-2030"]
    assert live["totals"]["commitments"] == 6
    assert [c["number"] for c in live["commitments"]] == [1, 2, 3, 4, 5, 6]
    assert [p.rsplit("/", 1)[1] for p in live["unreadable"]] == [
        "07-broken.yaml", "08-empty.yaml", "09-list.yaml"]
    code, out, _ = run(capsys, "status", *EN, sample, "--today", "2026-12-02")
    assert "NOT READ  plans/2026-2030/commitments/07-broken.yaml" in out
    code, out, err = run(capsys, "site", "-C", sample, "--out", tmp_path / "site", "--today",
                         "2026-12-02", "--formats", "none", "--no-search")
    # the site refuses a record it cannot read whole (tests/test_unusable_files.py)
    assert code == 1 and "commitments/07-broken.yaml:" in err and "commitments/09-list.yaml" \
        in err and not (tmp_path / "site").exists()


def test_site_says_when_ogp_yaml_cannot_be_read(capsys, sample: Path, tmp_path: Path) -> None:
    """It published the country named after the folder, in English only."""
    (sample / "ogp.yaml").write_text("country: [unclosed\n", encoding="utf-8")
    code, out, err = run(capsys, "site", "-C", sample, "--out", tmp_path / "site", "--today",
                         "2026-12-02", "--formats", "none", "--no-search")
    assert code == 1 and "  ogp.yaml:" in err and "R001" in err and not (tmp_path / "site").exists()


def test_a_plan_never_delivered_is_late(capsys, sample: Path) -> None:
    in_cocreation(sample)
    code, out, _ = run(capsys, "status", *EN, sample, "--today", "2026-09-15")
    assert "LATE" in out and "tag-submission 2026-2030" in out
    code, out, _ = run(capsys, "check", sample, "--today", "2026-09-15", "--format", "json")
    assert code == 1 and "C401" in out


def test_status_disagreeing_with_the_record_is_shown(capsys, sample: Path) -> None:
    plan = sample / "plans/2026-2030/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "status: implementation", "status: co-creation"), encoding="utf-8")
    code, out, _ = run(capsys, "status", *EN, sample, "--today", "2026-12-02")
    assert "status: co-creation in plan.yaml, but the record gives implementation (C415)" in out


def test_status_prints_words_totals_and_long_lines_in_a_pipe(capsys, monkeypatch) -> None:
    monkeypatch.delenv("COLUMNS")     # an explicit COLUMNS is honoured (test_pipe_output)
    code, out, _ = run(capsys, "status", *EN, SAMPLE, "--today", "2026-12-02")
    assert "0 of 6 commitments complete; 3 of 26 milestones completed" in out
    assert "2 of 4 commitments complete; 9 of 14 milestones completed" in out
    assert "rules public: yes" in out and "civil society: yes" in out
    assert "longest gap 133 days" in out
    for word in ("True", "False", "civil_society", "gap:"):
        assert word not in out
    # not a terminal: whole commitment titles on one line, not folded into narrow columns
    assert "Open contracting for public works, from award to completion" in out


def test_no_meeting_is_not_called_a_gap(capsys, tmp_path: Path) -> None:
    """A plan just started with no forum meeting read '0 meetings, longest gap 217 days' in
    `status` and 'The forum met 0 times …; the longest interval was 217 days' in the plan.
    The plan was made on 2026-06-01, after its planning stage would have started counted
    back from the due date (2026-05-01): its stages start on the day it was made."""
    record = new_plan_record(capsys, tmp_path, window="december", due_year="2026",
                             length="2", today="2026-06-01")
    code, out, _ = run(capsys, "status", *EN, "-C", record, "--today", "2026-12-04")
    line = next(row for row in out.splitlines() if row.lstrip().startswith("1.1"))
    assert "no meeting in the 186 days since co-creation started on 2026-06-01" in line
    assert "longest gap" not in line
    code, out, _ = run(capsys, "render", "action-plan", "-C", record, "--plan", "2026-2028",
                       *EN, "-f", "md", "-o", "-", "--today", "2026-12-04")
    assert "No forum meeting is recorded in the 186 days from the start of co-creation." in out
    assert "met 0 times" not in out


def delivered_early(capsys, tmp_path: Path, day: str = "2026-12-01") -> Path:
    """A new user's plan (june window 2027: 2027-01-01 to 2027-08-31, development from
    2027-02-04, timeline due by 2027-01-21, none published) delivered before its window."""
    record = new_plan_record(capsys, tmp_path)
    plan = record / "plans/2027-2031/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^delivered:.*$", f"delivered: {day}", text)
    plan.write_text(text.replace("status: co-creation", "status: implementation"),
                    encoding="utf-8")
    return record


def test_an_early_delivery_settles_what_came_before_it(capsys, tmp_path: Path) -> None:
    """Once delivered, nothing of co-creation is "next" or "due": the timeline never
    published is missed (minimum requirement 3.1, not met); a delivery before the window
    opened is early (C401), never "overdue" against a close nine months away."""
    record = delivered_early(capsys, tmp_path)
    code, out, _ = run(capsys, "status", *EN, "-C", record, "-f", "json", "--today", "2026-12-04")
    live = json.loads(out)[0]
    assert live["stage"] == "implementation"
    assert "cocreation-timeline-publish-by" not in {o["id"] for o in live["next"]}
    failed = {o["id"]: o["state"] for o in live["overdue"]}
    assert failed == {"cocreation-timeline-publish-by": "missed",
                      "delivery-window-closes": "early"}
    assert {r["code"]: r["state"] for r in live["requirements"]}["3.1"] == "not-met"
    code, out, _ = run(capsys, "deadlines", *EN, "-C", record, "-f", "json", "--today",
                       "2026-12-04")
    states = {(o["id"], o["state"]) for o in json.loads(out)}
    assert ("cocreation-timeline-publish-by", "missed") in states
    assert ("delivery-window-closes", "early") in states
    assert not {s for i, s in states if i in ("cocreation-timeline-publish-by",
                                                "delivery-window-closes")} & {"due", "overdue"}
    code, out, _ = run(capsys, "status", *EN, "-C", record, "--today", "2026-12-04")
    assert "OVERDUE" not in out and "next  2027-01-21" not in out
    assert "EARLY  2027-08-31  Delivery window closes" in out
    assert "the plan was delivered on 2026-12-01" in out


def test_an_early_delivery_is_reported_once_by_check(capsys, tmp_path: Path) -> None:
    """check's C401 and C410 read the same settled obligations: the early delivery, and
    the timeline that co-creation ended without."""
    record = delivered_early(capsys, tmp_path)
    code, out, _ = run(capsys, "check", "-C", record, "--today", "2026-12-04", "-f", "json")
    codes = [d["code"] for d in json.loads(out)["diagnostics"]]
    assert codes.count("C401") == 1 and codes.count("C410") == 1


def test_a_delivered_refresh_settles_its_review_timeline(capsys, tmp_path: Path) -> None:
    """The same class in the refresh (2.3): once the refreshed plan is delivered, its review
    timeline never published is missed, not due on a day still to come."""
    record = delivered_early(capsys, tmp_path, "2027-06-01")
    plan = record / "plans/2027-2031/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("  delivered:\n", "  delivered: 2029-06-10\n", 1),
                    encoding="utf-8")
    code, out, err = run(capsys, "deadlines", *EN, "-C", record, "-f", "json", "--today",
                         "2029-06-12")
    assert code == 0, err
    states = {o["id"]: o["state"] for o in json.loads(out)}
    assert states["refresh-timeline-publish-by"] == "missed"
    assert states["refresh-due"] == "met" and states["delivery-window-closes"] == "met"


def test_a_closed_plan_settles_its_unfinished_milestones(capsys) -> None:
    """Once the plan has ended, a milestone never completed is missed (implementation is
    over), not overdue as if it could still be done under the plan."""
    code, out, _ = run(capsys, "deadlines", *EN, "-C", SAMPLE, "-f", "json", "--today",
                       "2026-11-23", "--plan", "2023-2025")
    milestones = [o for o in json.loads(out) if o["id"] == "milestone-due"]
    assert {o["state"] for o in milestones} == {"met", "missed"}
    code, out, _ = run(capsys, "deadlines", *EN, "-C", SAMPLE, "-f", "json", "--today",
                       "2025-11-01", "--plan", "2023-2025")
    assert "missed" not in {o["state"] for o in json.loads(out)}

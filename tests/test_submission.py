"""`ogpctl tag-submission`: the delivery date in plan.yaml, one commit, one annotated tag."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, run
from tests.gitrecord import committed_sample, git, use_identity

PLAN = "plans/2026-2030/plan.yaml"


@pytest.fixture(autouse=True)
def _identity(monkeypatch) -> None:
    use_identity(monkeypatch)


def undelivered(tmp_path: Path) -> Path:
    record = committed_sample(SAMPLE, tmp_path / "record")
    path = record / PLAN
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: implementation\ndelivered: 2026-06-24\n",
                                 "status: co-creation\n"), encoding="utf-8")
    git(record, "commit", "-q", "-am", "Before delivery", date="2026-06-20T10:00:00+00:00")
    return record


def test_records_the_date_commits_and_tags(capsys, tmp_path: Path) -> None:
    record = undelivered(tmp_path)
    (record / "ogp.yaml").write_text((record / "ogp.yaml").read_text() + "# draft note\n")
    before = (record / PLAN).read_text(encoding="utf-8")
    code, out, err = run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-24",
                         "-C", record)
    assert code == 0, err
    assert "tagged" in out and "submitted/2026-2030" in out
    after = (record / PLAN).read_text(encoding="utf-8")
    assert "delivered: 2026-06-24" in after and "status: implementation\n" in after
    assert after.replace("delivered: 2026-06-24\n", "").replace(
        "status: implementation\n", "status: co-creation\n") == before   # nothing else moved
    assert "status: implementation" in out
    shown = git(record, "show", "--stat", "--format=%s", "submitted/2026-2030")
    assert "Record the delivery of plan 2026-2030 on 2026-06-24" in shown
    assert "plan.yaml" in shown and "ogp.yaml" not in shown          # the draft stays out
    assert "# draft note" in git(record, "diff")
    assert git(record, "cat-file", "-t", "submitted/2026-2030").strip() == "tag"


def test_refuses_twice_and_conflicting_dates(capsys, tmp_path: Path) -> None:
    record = undelivered(tmp_path)
    assert run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-24", "-C", record)[0] == 0
    code, _, err = run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-24", "-C", record)
    assert code == 2 and "exists already" in err
    other = committed_sample(SAMPLE, tmp_path / "other")
    code, _, err = run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-25", "-C", other)
    assert code == 2 and "delivered on 2026-06-24" in err
    code, out, _ = run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-24", "-C", other)
    assert code == 0 and "plan.yaml" not in out                       # already recorded


def test_usage_errors(capsys, tmp_path: Path, sample: Path) -> None:
    assert run(capsys, "tag-submission", "1999-2001", "-C", sample)[0] == 2
    assert run(capsys, "tag-submission", "2026-2030", "--date", "soon", "-C", sample)[0] == 2
    code, _, err = run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-24", "-C", sample)
    assert code == 2 and "not in a git repository" in err


def test_a_delivery_after_today_is_refused(capsys, tmp_path: Path) -> None:
    record = undelivered(tmp_path)
    before = (record / PLAN).read_bytes()
    head = git(record, "rev-parse", "HEAD")
    code, out, err = run(capsys, "tag-submission", "2026-2030", "--date", "2027-06-24",
                         "--today", "2026-06-24", "-C", record)
    assert code == 2 and "after today (2026-06-24)" in err and len(err.splitlines()) == 1
    assert (record / PLAN).read_bytes() == before and git(record, "rev-parse", "HEAD") == head
    assert not git(record, "tag", "--list")
    code, out, err = run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-24",
                         "--today", "2026-06-24", "-C", record)
    assert code == 0, err                          # the same day is today, not the future


def test_the_delivery_moves_the_stage_on(capsys, tmp_path: Path) -> None:
    """After tag-submission the plan says implementation, and check finds no C415."""
    record = undelivered(tmp_path)
    code, out, _ = run(capsys, "check", record, "--today", "2026-06-25", "--format", "json")
    assert "C415" not in out
    assert run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-24", "-C", record)[0] == 0
    text = (record / PLAN).read_text(encoding="utf-8")
    assert "status: implementation" in text and "status: co-creation" not in text
    assert git(record, "status", "--porcelain", "--", PLAN) == ""          # committed
    code, out, _ = run(capsys, "status", record, "--format", "json", "--today", "2026-06-25")
    live = {p["plan"]: p for p in json.loads(out)}["2026-2030"]
    assert live["stage"] == "implementation" and live["status-agrees"]


def test_a_delivery_outside_the_window_is_noted(capsys, tmp_path: Path) -> None:
    record = undelivered(tmp_path)
    code, _, err = run(capsys, "tag-submission", "2026-2030", "--date", "2026-09-01",
                       "-C", record)
    assert code == 0 and "2026-01-01 to 2026-08-31" in err and "C401" in err


def test_a_tag_without_a_delivery_date_is_reported(capsys, tmp_path: Path) -> None:
    """The stage follows `delivered:`; a submitted/<plan> tag with the date taken away
    leaves the plan looking undelivered, and check says so (C417)."""
    record = undelivered(tmp_path)
    assert run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-24", "-C", record,
               "--today", "2026-06-25")[0] == 0
    code, out, _ = run(capsys, "check", record, "--today", "2026-06-25", "--format", "json")
    assert "C417" not in out
    plan = record / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("delivered: 2026-06-24",
                                                             "delivered:"), encoding="utf-8")
    code, out, _ = run(capsys, "check", record, "--today", "2026-06-25", "--format", "json")
    found = [d for d in json.loads(out)["diagnostics"] if d["code"] == "C417"]
    assert len(found) == 1 and "write delivered: " in found[0]["message"], out


def test_uncommitted_files_of_the_plan_are_refused(capsys, tmp_path: Path) -> None:
    """The tag marks a commit: a commitment not committed yet was left out of the delivered
    plan, and the amendment note later called it 'added'; an unstaged edit of plan.yaml was
    swept into the delivery commit. Both are refused, nothing is written or tagged."""
    record = undelivered(tmp_path)
    extra = record / "plans/2026-2030/commitments/07-not-committed.yaml"
    extra.write_text((record / "plans/2026-2030/commitments/"
                      "01-public-works-open-contracting.yaml").read_text(encoding="utf-8"),
                     encoding="utf-8")
    plan = (record / PLAN).read_text(encoding="utf-8")
    (record / PLAN).write_text(plan + "# half-done edit\n", encoding="utf-8")
    code, _, err = run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-24",
                       "-C", record)
    assert code == 2 and "not committed" in err
    assert "plans/2026-2030/commitments/07-not-committed.yaml" in err and PLAN in err
    assert (record / PLAN).read_text(encoding="utf-8") == plan + "# half-done edit\n"
    assert "submitted/2026-2030" not in git(record, "tag")
    extra.unlink()
    (record / PLAN).write_text(plan, encoding="utf-8")
    assert run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-24", "-C", record)[0] == 0


def test_a_plan_yaml_check_calls_wrong_is_not_delivered(capsys, tmp_path: Path) -> None:
    """README: "a bad value is refused before anything is written". A delivery tags what
    OGP received; plan.yaml with schema errors is refused, with each finding placed."""
    record = undelivered(tmp_path)
    path = record / PLAN
    path.write_text(path.read_text(encoding="utf-8").replace("window: june\ndue-year: 2026\n",
                                                             "window: march\ndue-year: "
                                                             "\"2026\"\n"), encoding="utf-8")
    git(record, "commit", "-q", "-am", "Typos", date="2026-06-21T10:00:00+00:00")
    before = path.read_bytes()
    code, out, err = run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-24",
                         "-C", record)
    assert code == 2 and out == "", out
    assert "plans/2026-2030/plan.yaml would not pass `ogpctl check` (plan 2026-2030 is not " \
        "delivered: nothing was written and no tag made)" in err
    assert f"{PLAN}:5:9 error F103 " in err and f"{PLAN}:6:11 error F103 " in err, err
    assert path.read_bytes() == before
    assert git(record, "tag", "--list") == "" and "Typos" in git(record, "log", "-1")

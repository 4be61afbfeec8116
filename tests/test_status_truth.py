"""The point of contact's one screen tells the truth: one answer to "has the forum met every
six months" for requirement 1.1, the obligations, C411 and the website; a meeting after
today counts for nothing; status lists what deadlines counts (a new user's round-3
findings G1, G2, G5, G6, G9, G10)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import new_plan_record, run

PLAN = "2027-2029"


def meeting(record: Path, day: str, kind: str = "msf", *, plan: str | None = None,
            results: bool = False) -> None:
    lines = [f"date: {day}", f"kind: {kind}"] + ([f"plan: {plan}"] if plan else []) + \
        (["presented-results: true"] if results else [])
    (record / "forum" / "meetings" / f"{day}-meeting.md").write_text(
        "---\n" + "\n".join(lines) + "\n---\nMinutes.\n", encoding="utf-8")


def deliver(record: Path, day: str = "2027-06-28") -> None:
    path = record / "plans" / PLAN / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("status: co-creation", "status: implementation")
    path.write_text(re.sub(r"(?m)^delivered:.*$", f"delivered: {day}", text), encoding="utf-8")


def milestone_due(record: Path, due: str) -> None:
    path = next((record / "plans" / PLAN / "commitments").glob("*.yaml"))
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^    due:.*$", f"    due: {due}", text, count=1),
                    encoding="utf-8")


@pytest.fixture
def cycle(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """Plan 2027-2029 (planning stage scaffolded on 2026-10-29), a launch meeting about it
    before that day, forum meetings through co-creation, delivered on 2027-06-28, then only
    meetings with civil society (one scheduled ahead)."""
    record = new_plan_record(capsys, tmp_path, length="2", today="2026-09-01")
    meeting(record, "2026-10-15", plan=PLAN)
    for day in ("2027-01-20", "2027-04-25", "2027-06-15"):
        meeting(record, day)
    meeting(record, "2027-11-15", "civil-society", results=True)
    meeting(record, "2028-05-10", "civil-society", results=True)
    assert run(capsys, "new-commitment", "-C", record, PLAN, "Justicia abierta")[0] == 0
    milestone_due(record, "2028-03-31")
    deliver(record)
    return record


def status_json(capsys: pytest.CaptureFixture[str], record: Path, today: str) -> dict:
    code, out, _ = run(capsys, "status", "-C", record, "--today", today, "--format", "json")
    assert code == 0
    return json.loads(out)[0]


def requirement(plan: dict, code: str) -> dict:
    return next(r for r in plan["requirements"] if r["code"] == code)


def test_forum_requirement_agrees_with_c411_during_implementation(
        capsys: pytest.CaptureFixture[str], cycle: Path) -> None:
    """G5: ten months after the last forum meeting, 1.1 is not met, as C411 and the
    forum's overdue obligation say."""
    plan = status_json(capsys, cycle, "2028-04-15")
    forum = requirement(plan, "1.1")
    assert forum["state"] == "not-met"
    assert forum["facts"]["gap"] == 305
    assert any(o["id"] == "forum-meeting" for o in plan["overdue"])
    _, out, _ = run(capsys, "check", "-C", cycle, "--today", "2028-04-15", "--lang", "en")
    assert "C411" in out and "has not met since 2027-06-15" in out


def test_launch_meeting_before_the_scaffolded_stage_counts(
        capsys: pytest.CaptureFixture[str], cycle: Path) -> None:
    """G2: the launch meeting about the plan (2026-10-15), before the planning stage
    new-plan dated 2026-10-29, is a meeting of its co-creation."""
    forum = requirement(status_json(capsys, cycle, "2027-03-20"), "1.1")
    assert forum["facts"]["meetings"] == 2
    assert forum["facts"]["start"] == "2026-10-15"
    _, out, _ = run(capsys, "status", "-C", cycle, "--today", "2027-03-20", "--lang", "en")
    assert "2 meetings since 2026-10-15, longest gap 97 days" in out


def test_an_untagged_earlier_meeting_is_said_not_hidden(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """G2: a forum meeting before co-creation started is named, never "no meeting"."""
    record = new_plan_record(capsys, tmp_path, length="2", today="2026-09-01")
    meeting(record, "2026-10-15")
    _, out, _ = run(capsys, "status", "-C", record, "--today", "2027-03-20", "--lang", "en")
    assert ("no meeting in the 142 days since co-creation started on 2026-10-29; the last "
            "one was on 2026-10-15") in out


def test_before_co_creation_starts_no_negative_days_and_a_heading(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """G1: before the first stage, "no meeting yet"; the requirements under their own
    heading, no empty commitment table; with no plan, how to start one."""
    record = new_plan_record(capsys, tmp_path, length="2", today="2026-09-01")
    _, out, _ = run(capsys, "status", "-C", record, "--today", "2026-09-01", "--lang", "en")
    assert "no meeting yet" in out and "-58" not in out
    assert "\nMinimum requirements\n" in out
    assert not re.search(r"(?m)^#\s+commitment", out)      # no empty commitment table
    assert "0 of 0" not in out
    _, out, _ = run(capsys, "status", "-C", record, "--today", "2026-09-01", "--lang", "es")
    assert "aún no hay reuniones" in out and "Requisitos mínimos" in out
    (record / "plans" / PLAN / "plan.yaml").unlink()
    for path in sorted((record / "plans" / PLAN).rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    (record / "plans" / PLAN).rmdir()
    _, out, _ = run(capsys, "status", "-C", record, "--today", "2026-09-01", "--lang", "en")
    assert "ogpctl new-plan" in out


def test_a_meeting_after_today_counts_for_nothing(
        capsys: pytest.CaptureFixture[str], cycle: Path) -> None:
    """G6: the results meeting of 2028-05-10 has not happened on 2028-04-15."""
    code, out, _ = run(capsys, "deadlines", "-C", cycle, "--today", "2028-04-15", "-f", "json")
    first = next(o for o in json.loads(out) if o["id"] == "civil-society-meeting")
    assert (first["date"], first["state"]) == ("2028-06-27", "due")     # 1 of 2 held
    plan = status_json(capsys, cycle, "2028-04-15")
    assert requirement(plan, "5.1")["state"] == "not-yet-due"
    code, out, _ = run(capsys, "deadlines", "-C", cycle, "--today", "2028-05-10", "-f", "json")
    first = next(o for o in json.loads(out) if o["id"] == "civil-society-meeting")
    assert first["state"] == "met"                                       # held that day
    meeting(cycle, "2027-09-01")                      # the forum's next meeting ...
    meeting(cycle, "2028-06-01")                      # ... and one scheduled
    plan = status_json(capsys, cycle, "2028-04-15")
    assert requirement(plan, "1.1")["facts"]["meetings"] == 5   # the scheduled one left out


def test_site_marks_a_scheduled_meeting_and_the_take_part_page_tells_the_truth(
        capsys: pytest.CaptureFixture[str], cycle: Path, tmp_path: Path) -> None:
    """G6 and G5's addendum."""
    site = tmp_path / "site"
    assert run(capsys, "site", "-C", cycle, "--out", site, "--today", "2028-04-15")[0] == 0
    index = (site / "en" / "meetings" / "index.html").read_text(encoding="utf-8")
    row = next(line for line in index.splitlines() if "May 10, 2028" in line)
    assert "Scheduled" in row
    assert "Scheduled" not in next(line for line in index.splitlines()
                                   if "November 15, 2027" in line)
    page = (site / "en" / "participate.html").read_text(encoding="utf-8")
    assert "meets regularly" not in page
    assert "The forum last met on June 15, 2027" in page
    page = (site / "es" / "participate.html").read_text(encoding="utf-8")
    assert "El foro se reunió por última vez el 15 de junio de 2027" in page
    assert run(capsys, "site", "-C", cycle, "--out", site, "--today", "2027-06-20")[0] == 0
    page = (site / "en" / "participate.html").read_text(encoding="utf-8")
    assert "The forum meets regularly" in page


def test_status_lists_the_overdue_milestones_deadlines_counts(
        capsys: pytest.CaptureFixture[str], cycle: Path) -> None:
    """G9: one list: status's failed lines are the ones deadlines counts."""
    _, out, _ = run(capsys, "deadlines", "-C", cycle, "--today", "2028-04-15", "--lang", "en")
    summary = out.strip().splitlines()[-1]
    counted = sum(int(n) for n in re.findall(r"(\d+) (?:overdue|missed|early)", summary))
    _, out, _ = run(capsys, "status", "-C", cycle, "--today", "2028-04-15", "--lang", "en")
    failed = [line for line in out.splitlines()
              if line.lstrip().startswith(("OVERDUE", "MISSED", "EARLY"))]
    assert len(failed) == counted
    assert any("Milestone 1.1 due" in line for line in failed)


def sheet(capsys: pytest.CaptureFixture[str], record: Path, today: str) -> list[str]:
    code, out, _ = run(capsys, "progress", "export", "-C", record, "--today", today, "-o", "-")
    assert code == 0
    return out.splitlines()


def test_progress_sheet_reads_status_words_and_names_its_columns(
        capsys: pytest.CaptureFixture[str], cycle: Path, tmp_path: Path) -> None:
    """G10: a spreadsheet's `new status` column in Spanish words; its problems named by
    column, not by `progress add`'s options."""
    head, row = sheet(capsys, cycle, "2027-07-01")[:2]
    cells = row.split(",")
    cells[7:10] = ['"2027-07-01"', '"completado"', '"Hecho"']
    (tmp_path / "s.csv").write_text(head + "\n" + ",".join(cells) + "\n", encoding="utf-8")
    assert run(capsys, "progress", "import", tmp_path / "s.csv", "-C", cycle,
               "--today", "2027-07-01")[0] == 0
    assert '"completed"' in sheet(capsys, cycle, "2027-07-01")[1]
    cells[9] = '"Otra"'
    cells[8] = '"hecho a medias"'
    (tmp_path / "s.csv").write_text(head + "\n" + ",".join(cells) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "progress", "import", tmp_path / "s.csv", "-C", cycle,
                       "--today", "2027-07-02")
    assert code == 2 and "column 'new status'" in err and "--status" not in err


def test_every_dated_command_takes_today(capsys: pytest.CaptureFixture[str], cycle: Path,
                                         tmp_path: Path) -> None:
    """G10: import contributions, diff and progress export read --today as every command
    that depends on the day does."""
    git = ["git", "-C", str(cycle), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "add", "-A"], check=True, capture_output=True)
    subprocess.run([*git, "commit", "-qm", "plan"], check=True, capture_output=True)
    milestone_due(cycle, "2028-09-30")
    code, out, _ = run(capsys, "diff", "HEAD", "-C", cycle, "--today", "2028-04-15")
    assert code == 0
    assert "moved from 2028-03-31 to 2028-09-30 (already past due on 2028-04-15)" in out
    _, out, _ = run(capsys, "diff", "HEAD", "-C", cycle, "--today", "2028-03-01")
    assert "to 2028-09-30\n" in out
    csv = tmp_path / "c.csv"
    csv.write_text("Marca temporal,Comentario\n2027-02-04,Más datos\n2031-02-04,Tarde\n",
                   encoding="utf-8")
    code, out, _ = run(capsys, "import", "contributions", csv, "--plan", PLAN, "-C", cycle,
                       "--today", "2027-03-01", "--dry-run")
    assert code == 0 and "2031-02-04 is after today (2027-03-01)" in out


def test_translate_export_refuses_an_out_inside_git(
        capsys: pytest.CaptureFixture[str], cycle: Path) -> None:
    """G10 addendum: the one --out guard of every writing command."""
    hooks = cycle / ".git" / "hooks"
    hooks.mkdir(parents=True, exist_ok=True)
    code, _, err = run(capsys, "translate", "export", "--lang", "en", "--out",
                       hooks / "post-checkout", "-C", cycle)
    assert code == 2 and ".git/" in err
    assert not (hooks / "post-checkout").exists()

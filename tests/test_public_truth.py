"""What the public sees is true: a plan's colours, totals and milestone statuses come from one
place (`ogpctl.domain.rollup`: `rollup`, `counted_status`, `reckoning`) and mean what the
handbook says, on every page of the site, in `ogpctl status`, the documents and the open
data (a new user's G11, G13, G15 and G17)."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pytest

from ogpctl.domain.rollup import counted_status, rollup, totals
from ogpctl.domain.status import plan_status, to_json
from ogpctl.record.load import load_record
from ogpctl.render import Request, render_bytes
from ogpctl.site.exports import commitments_csv, milestones_csv
from tests.conftest import SAMPLE, run
from tests.test_site_truth import replace, site, text

CLOSED = "plans/2023-2025"          # december 2023, two years: ends 2025-12-31
LIVE = "plans/2026-2030"            # delivered 2026-06-24
SA = f"{CLOSED}/self-assessment.yaml"
TODAY = date(2026, 11, 23)


def copy(tmp_path: Path, *edits) -> Path:
    record = tmp_path / "record"
    shutil.copytree(SAMPLE, record, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    for edit in edits:
        edit(record)
    return record


def commitment_of(record: Path, plan: str, number: int):
    loaded = load_record(record)
    found = next(p for p in loaded.plans if p.id == plan)
    return loaded, found, next(c for c in found.commitments if c.number == number)


# -- G11: once a self-assessment rates a commitment, every public place shows its colour ---

def rate_appeals_amber(record: Path) -> None:
    """Commitment 3 of 2023-2025 has every milestone completed (green); the end-of-term
    self-assessment rates it amber, with a reason."""
    replace(record / SA, "  - commitment: access-to-information-appeals\n    rating: green\n"
            "    rating-reason:\n      en: All 3 milestones completed.\n",
            "  - commitment: access-to-information-appeals\n    rating: amber\n"
            "    rating-reason:\n      en: Appeals still take <b>too long</b> outside the "
            "capital.\n")


def test_the_self_assessments_rating_is_the_colour_every_page_shows(tmp_path: Path) -> None:
    pages = site(tmp_path, TODAY, rate_appeals_amber)
    commitment = next(name for name in pages if name.startswith(
        f"en/{CLOSED}/commitments/3-") or name.startswith(f"en/{CLOSED}/commitments/03"))
    for name in (f"en/{CLOSED}/index.html", f"en/{CLOSED}/dashboard.html", commitment):
        seen = text(pages[name])
        assert "Amber: Limited progress Rated in the self-assessment of February 20, 2026. " \
               "The milestones alone give Green: Completed or substantial progress; reason " \
               "for the difference: Appeals still take <b>too long</b> outside the capital." \
               in seen, name
        assert "<b>too long</b>" not in pages[name], name     # the reason is escaped
    spanish = text(pages[f"es/{CLOSED}/dashboard.html"])
    assert "Ámbar: avance limitado Calificación del informe de autoevaluación del 20 de " \
           "febrero de 2026." in spanish


def test_status_and_open_data_give_the_self_assessments_colour(tmp_path: Path) -> None:
    record = copy(tmp_path, rate_appeals_amber)
    loaded, plan, item = commitment_of(record, "2023-2025", 3)
    result = rollup(item, TODAY)
    assert (result.colour, result.milestone_colour, result.assessed) == \
        ("amber", "green", date(2026, 2, 20))
    rows = to_json([plan_status(loaded, plan, TODAY)])[0]["commitments"]
    assert rows[2]["colour"] == "amber"
    rows = csv.DictReader(io.StringIO(commitments_csv(loaded, TODAY).decode("utf-8")))
    appeals = [row for row in rows if (row["plan"], row["number"]) == ("2023-2025", "3")]
    assert [row["colour"] for row in appeals] == ["amber"]


def test_a_rating_prepared_after_today_is_not_shown_yet(tmp_path: Path) -> None:
    record = copy(tmp_path, rate_appeals_amber)
    _, _, item = commitment_of(record, "2023-2025", 3)
    assert rollup(item, date(2026, 2, 19)).colour == "green"
    assert rollup(item, date(2026, 2, 20)).colour == "amber"


def test_the_self_assessment_document_still_notes_the_milestones_colour(tmp_path: Path) -> None:
    record = copy(tmp_path, rate_appeals_amber)
    written = render_bytes(load_record(record), Request("self-assessment", "2023-2025", "en"),
                           "md", TODAY)
    assert b"**Amber: Limited progress**" in written
    assert b"The milestones alone give Green: Completed or substantial progress; reason for " \
           b"the difference:" in written


def test_the_withdrawn_legend_has_its_colour_square(tmp_path: Path) -> None:
    def withdraw(record: Path) -> None:
        path = next((record / LIVE / "commitments").glob("03-*.yaml"))
        replace(path, "status: not-started", "status: withdrawn")

    page = site(tmp_path, TODAY, withdraw)[f"en/{LIVE}/dashboard.html"]
    legend = page[page.index('<ul class="legend">'):]
    legend = legend[:legend.index("</ul>")]
    item = next(li for li in legend.split("<li>") if "Withdrawn" in li)
    assert '<svg class="swatch"' in item and "#5b4a8b" in item


# -- G13: a closed plan's result is its result at its end --------------------------------

def test_a_closed_plans_colours_and_delays_do_not_drift_with_the_clock(tmp_path: Path) -> None:
    """Commitment 2 of 2023-2025 (ended 2025-12-31) has milestone 3 (due 2025-10-31) in
    progress and 4 (due 2025-12-15) not started: limited, nothing severely delayed at the
    end: amber, as its self-assessment says. Six months and more later the clock made both
    "severely delayed" and the commitment red."""
    _, _, item = commitment_of(SAMPLE, "2023-2025", 2)
    at_end = rollup(item, date(2025, 12, 31))
    for day in (TODAY, date(2031, 1, 1)):
        later = rollup(item, day)
        assert (later.milestone_colour, later.delayed) == ("amber", ()) == \
            (at_end.milestone_colour, at_end.delayed), day
    for day in (TODAY, date(2031, 1, 1)):
        pages = site(tmp_path / str(day), day)
        seen = text(pages[f"en/{CLOSED}/dashboard.html"])
        assert "(61 days late)" in seen and "(1," not in seen, day
        assert "Figures as of December 31, 2025." in seen
        assert "This plan ended on December 31, 2025: its figures are its result on that " \
               "day" in seen
        assert "Red: Not started/With severe delays Rated" not in seen


def complete_after_the_end(record: Path) -> None:
    """Milestone 2.3 of 2023-2025 completed in 2026, after the plan's end."""
    path = record / CLOSED / "commitments/02-beneficial-ownership.yaml"
    replace(path, "      civil-society: [datos-abiertos-veridia]\n    status: in-progress\n",
            "      civil-society: [datos-abiertos-veridia]\n    status: completed\n")
    replace(path, "  - number: 4\n", "      - date: 2026-03-02\n        status: completed\n"
            "        note: {en: Register published.}\n  - number: 4\n")


def test_a_completion_after_the_end_does_not_change_the_plans_result(tmp_path: Path) -> None:
    record = copy(tmp_path, complete_after_the_end)
    loaded, plan, item = commitment_of(record, "2023-2025", 2)
    milestone = item.milestones[2]
    assert counted_status(milestone, TODAY) == "in-progress"
    assert totals(plan, TODAY) == totals(load_record(SAMPLE).plans[0], TODAY)
    status = to_json([plan_status(loaded, plan, TODAY)])[0]
    assert status["commitments"][1]["milestones"] == {"completed": 2, "in-progress": 1,
                                                      "not-started": 1}
    pages = site(tmp_path / "site", TODAY, complete_after_the_end)
    seen = text(pages[f"en/{CLOSED}/dashboard.html"])
    assert "Completed on March 2, 2026, after the plan's end on December 31, 2025: not " \
           "counted in the plan's result." in seen


# -- G15: a completion dated after today is in progress, in every number and badge -------

def complete_in_the_future(record: Path) -> None:
    """Milestone 3.2 of 2026-2030 recorded completed on 2027-02-01 (after today)."""
    replace(record / LIVE / "commitments/03-climate-finance-transparency.yaml",
            "    status: not-started\n",
            "    status: completed\n    progress:\n      - date: 2027-02-01\n"
            "        status: completed\n        note: {en: Published.}\n")


def test_a_future_completion_is_in_progress_in_legend_badge_timeline_and_exports(
        tmp_path: Path) -> None:
    pages = site(tmp_path, TODAY, complete_in_the_future)
    before = site(tmp_path / "before", TODAY)
    page, was = pages[f"en/{LIVE}/dashboard.html"], before[f"en/{LIVE}/dashboard.html"]
    seen, then = text(page), text(was)
    # the total did not count it before either; the legend, badge and timeline did
    assert "3 of 26 milestones completed" in seen and "3 of 26 milestones completed" in then
    count = then.split("In progress: ")[1].split()[0]
    assert f"In progress: {int(count) + 1}" in seen and "Completed: 3" in seen
    assert "Recorded as completed on February 1, 2027, after today: in progress until " \
           "then." in seen
    assert page.count('class="badge completed"') == was.count('class="badge completed"')
    assert page.count("#1b6e3a") == was.count("#1b6e3a")       # no new green dot or square
    record = copy(tmp_path / "r", complete_in_the_future)
    rows = csv.DictReader(io.StringIO(milestones_csv(load_record(record), TODAY)
                                      .decode("utf-8")))
    assert [row["status"] for row in rows if (row["plan"], row["commitment"],
                                              row["milestone"]) == ("2026-2030", "3", "2")] \
        == ["in-progress"]


# -- G17: progress on a plan not yet in implementation ----------------------------------

def test_a_completion_in_co_creation_counts_nowhere_and_progress_add_warns(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    record = tmp_path / "r"
    assert run(capsys, "init", record, "--country", "Testland", "--iso-code", "XT",
               "--languages", "es,en", "--lead-agency", "Agencia")[0] == 0
    assert run(capsys, "new-plan", "-C", record, "--window", "december", "--due-year",
               "2031", "--length", "4", "--today", "2031-03-01")[0] == 0
    assert run(capsys, "new-commitment", "-C", record, "2031-2035", "Prueba", "--today",
               "2031-03-01")[0] == 0
    path = next((record / "plans/2031-2035/commitments").glob("01-*.yaml"))
    replace(path, "    due:\n", "    due: 2032-06-30\n")
    code, _, err = run(capsys, "progress", "add", "2031-2035", "1.1", "--status", "completed",
                       "--note", "Hecho", "--date", "2031-03-05", "-C", record, "--today",
                       "2031-03-05")
    assert code == 0
    assert "plan 2031-2035 is not delivered yet" in err and "P609" in err
    loaded = load_record(record)
    plan = loaded.plans[0]
    assert totals(plan, date(2031, 3, 10)).completed == 0
    status = to_json([plan_status(loaded, plan, date(2031, 3, 10))])[0]
    assert status["totals"]["completed"] == 0
    assert status["commitments"][0]["milestones"] == {"in-progress": 1}
    code, out, _ = run(capsys, "check", "-C", record, "--today", "2031-03-10", "--no-cache")
    assert "P609" in out and "is in co-creation (no delivery recorded)" in out


def test_progress_add_after_the_plans_end_warns(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    record = copy(tmp_path)
    code, _, err = run(capsys, "progress", "add", "2023-2025", "2.4", "--status", "completed",
                       "--note", "Done late", "--date", "2026-03-02", "-C", record,
                       "--today", "2026-03-02")
    assert code == 0
    assert "after plan 2023-2025 ended on 2025-12-31" in err and "P610" in err

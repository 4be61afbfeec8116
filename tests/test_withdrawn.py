"""A commitment withdrawn by an amendment (every milestone withdrawn) and a milestone
completed late: one meaning, in `ogpctl.domain.rollup`, that every reader shows (newuser7
Q3, Q9)."""

from __future__ import annotations

from datetime import date

from ogpctl.base.i18n import Language
from ogpctl.domain.obligations import _completed
from ogpctl.domain.rollup import (
    WITHDRAWN,
    Totals,
    completion_delay,
    days_late,
    reckoning,
    rollup,
    totals,
    withdrawal,
)
from ogpctl.render.self_assessment import totals_sentence
from tests.test_rollup import AS_OF, DELIVERED, commitment, m, plan

AMENDED = {**DELIVERED, "amendments": [
    {"date": "2026-09-01", "summary": "Milestone 1.2 re-dated"},
    {"date": "2027-03-10", "summary": "Commitment 2 withdrawn for lack of funding"}]}


def withdrawn_milestone(number: int, day: str) -> dict:
    return {**m(number, "withdrawn"), "progress": [{"date": day, "status": "withdrawn"}]}


def test_a_commitment_whose_milestones_are_all_withdrawn_is_withdrawn_not_red() -> None:
    live = plan(AMENDED)
    kept = commitment(m(1, "completed"), within=live, number=1)
    gone = commitment(withdrawn_milestone(1, "2027-02-20"), withdrawn_milestone(2, "2027-03-01"),
                      within=live, number=2)
    result = rollup(gone, AS_OF)
    assert (result.completion, result.colour, result.withdrawn) == (WITHDRAWN, WITHDRAWN, True)
    assert result.dropped == 2 and result.milestones == 0
    assert not rollup(kept, AS_OF).withdrawn
    # out of the commitments as its milestones are out of the milestones; counted apart
    assert totals(live, AS_OF) == Totals(1, 1, 1, 1, withdrawn=1, dropped=2)


def test_the_withdrawal_names_the_amendment_that_recorded_it() -> None:
    live = plan(AMENDED)
    gone = commitment(withdrawn_milestone(1, "2027-02-20"), within=live, number=2)
    found = withdrawal(gone)
    assert found.date == date(2027, 3, 10)
    assert found.summary == "Commitment 2 withdrawn for lack of funding"
    assert withdrawal(commitment(withdrawn_milestone(1, "2027-02-20"), number=3)).date is None


def test_a_self_assessment_rating_does_not_colour_a_withdrawn_commitment() -> None:
    live = plan(AMENDED)
    gone = commitment(withdrawn_milestone(1, "2027-02-20"), within=live, number=2)
    from ogpctl.record.kinds import Kind
    from ogpctl.record.model import Document
    live.self_assessment = Document("plans/2026-2030/self-assessment.yaml", Kind.SELF_ASSESSMENT,
                                    {"prepared": "2027-05-01", "commitments": [
                                        {"commitment": gone.id, "rating": "red"}]}, True)
    assert rollup(gone, AS_OF).colour == WITHDRAWN


def test_the_totals_sentence_says_how_many_were_withdrawn() -> None:
    said = totals_sentence(Language("en"), Totals(34, 14, 153, 98, withdrawn=2, dropped=9))
    assert said == ("14 of 34 commitments complete (2 withdrawn); "
                    "98 of 153 milestones completed (9 withdrawn).")
    assert totals_sentence(Language("en"), Totals(36, 14, 70, 33)) == \
        "14 of 36 commitments complete; 33 of 70 milestones completed."
    assert "retirados" in totals_sentence(Language("es"), Totals(34, 14, 153, 98, 2, 9))


def late_completion() -> dict:
    return {**m(1, "completed", due="2027-01-01"), "progress": [
        {"date": "2027-02-15", "status": "completed"},
        {"date": "2027-03-01", "status": "completed"}]}


def test_days_late_of_a_late_completion_is_completion_minus_due_everywhere() -> None:
    item = commitment(late_completion())
    milestone = item.milestones[0]
    assert completion_delay(milestone) == 45
    assert days_late(milestone, reckoning(item.plan, AS_OF)) == 45
    said = dict(_completed(milestone, date(2027, 1, 1)).values)
    assert (said["count"], said["day"]) == (45, date(2027, 2, 15))


def test_status_lists_what_is_overdue_before_what_comes_next(capsys) -> None:
    from tests.conftest import SAMPLE, run

    out = run(capsys, "status", "-C", str(SAMPLE), "--today", "2025-03-01", "--lang", "en")[1]
    first_plan = out.split("\n\n")[0].splitlines()
    flags = [line.split()[0] for line in first_plan if line.startswith("  ")
             and line.split()[0] in ("OVERDUE", "next")]
    assert "OVERDUE" in flags and "next" in flags
    assert flags == sorted(flags, key=lambda flag: flag != "OVERDUE")


def test_a_new_commitment_starts_when_an_early_plan_was_delivered(capsys, tmp_path) -> None:
    from tests.conftest import run

    root = tmp_path / "rec"
    run(capsys, "init", str(root), "--country", "X", "--iso-code", "XT", "--languages",
        "es,en", "--lead-agency", "Sec")
    run(capsys, "new-plan", "-C", str(root), "--window", "june", "--due-year", "2027",
        "--length", "4")
    plan_file = root / "plans" / "2027-2031" / "plan.yaml"
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace("\ndelivered:", "\ndelivered: 2027-06-20", 1),
                         encoding="utf-8")
    run(capsys, "new-commitment", "-C", str(root), "2027-2031", "Open data",
        "--today", "2027-07-01")
    written = next((root / "plans" / "2027-2031" / "commitments").glob("01-*.yaml"))
    assert "start: 2027-06-20" in written.read_text(encoding="utf-8")


def test_a_completion_bar_is_not_read_beside_its_printed_label() -> None:
    from ogpctl.site import svg

    drawn = str(svg.bar(0.5, "Completion: 50% (limited)", "amber"))
    assert 'aria-hidden="true"' in drawn and "50% (limited)" not in drawn


def test_the_repository_row_says_which_folder_counts_and_what_else_is_there(capsys) -> None:
    from tests.conftest import SAMPLE, run

    out = run(capsys, "status", "-C", str(SAMPLE), "--today", "2027-01-01", "--lang", "en")[1]
    row = next(line for line in out.splitlines() if line.strip().startswith("2.2 "))
    assert "files in evidence/process" in row and "other evidence files, not counted" in row


def test_review_says_the_commitment_is_withdrawn_with_its_amendment(capsys, tmp_path,
                                                                    monkeypatch) -> None:
    """Q6: the review of the withdrawal listed only milestone status changes."""
    from tests.conftest import run
    from tests.gitrecord import git, use_identity
    from tests.test_amendments import edit
    from tests.test_review_amendments import COMMITMENT, PLAN, delivered

    use_identity(monkeypatch, "2027-06-20T12:00:00+00:00")
    record = delivered(capsys, tmp_path)
    git(record, "checkout", "-qb", "withdraw")
    edit(record / COMMITMENT, "    status: not-started\n", "    status: withdrawn\n")
    path = record / PLAN
    path.write_text(path.read_text(encoding="utf-8") + "amendments:\n  - date: 2027-09-03\n"
                    "    summary:\n      en: Commitment 1 withdrawn for lack of funding\n",
                    encoding="utf-8")
    git(record, "commit", "-qam", "Withdraw commitment 1", date="2027-09-03T10:00:00+00:00")
    out = run(capsys, "review", "submitted/2027-2031", "withdraw", "-C", record,
              "--today", "2027-09-10", "--lang", "en")[1]
    assert ("Withdrawn by the amendment of September 3, 2027: Commitment 1 withdrawn for "
            "lack of funding") in out, out


def test_the_commitment_text_says_it_was_withdrawn() -> None:
    """Q3: the commitment's sheet (PDF, page, action plan) did not say it was withdrawn."""
    from ogpctl.record.load import load_record
    from ogpctl.render.blocks import plain
    from ogpctl.render.commitment import commitment_blocks
    from ogpctl.render.context import RenderContext
    from tests.conftest import SAMPLE

    record = load_record(SAMPLE)
    plan = next(p for p in record.plans if p.commitments)
    gone = plan.commitments[0]
    for milestone in gone.milestones:
        milestone.fields["status"] = "withdrawn"
    assert plan.doc is not None
    plan.doc.fields["amendments"] = [{"date": "2099-01-05", "summary": "Dropped."}]
    c = RenderContext(record, Language("en"), date(2099, 2, 1))
    said = [plain(getattr(b, "children", ())) for b in commitment_blocks(c, gone)[:3]]
    assert "Withdrawn by the amendment of January 5, 2099: Dropped." in said


def test_a_withdrawn_commitment_needs_no_self_assessment_entry() -> None:
    """A502 asked an assessment of the commitments the amendment withdrew."""
    from types import SimpleNamespace

    from ogpctl.record.load import load_record
    from ogpctl.rules.assessment import assessment_incomplete
    from tests.conftest import SAMPLE

    record = load_record(SAMPLE)
    plan = next(p for p in record.plans if p.self_assessment is not None)
    gone = plan.commitment_files[0]
    assert plan.self_assessment is not None
    plan.self_assessment.fields["commitments"] = [
        item for item in plan.self_assessment.fields["commitments"]
        if item.get("commitment") != gone.id]
    context = SimpleNamespace(today=date(2099, 1, 1))
    said = [f.message for f in assessment_incomplete(plan, context)]
    assert any(f"commitment {gone.number} " in m for m in said)
    for milestone in gone.milestones:
        milestone.fields["status"] = "withdrawn"
    said = [f.message for f in assessment_incomplete(plan, context)]
    assert not any(f"commitment {gone.number} " in m for m in said)


def test_the_commitment_page_says_a_milestone_was_completed_late(capsys, tmp_path) -> None:
    """Q9: the page showed no lateness for a milestone completed after its due date."""
    import shutil

    from tests.conftest import SAMPLE, run

    record = tmp_path / "rec"
    shutil.copytree(SAMPLE, record)
    path = next((record / "plans" / "2023-2025" / "commitments").glob("01-*.yaml"))
    text = path.read_text(encoding="utf-8")
    old = "      - date: 2024-06-12\n        status: completed\n"
    assert text.count(old) == 1
    path.write_text(text.replace(old, "      - date: 2024-08-14\n        status: completed\n"),
                    encoding="utf-8")      # due 2024-06-30: 45 days late
    assert run(capsys, "site", "-C", record, "--today", "2027-01-01", "-o", tmp_path / "site",
               "--formats", "none")[0] == 0
    page = next((tmp_path / "site" / "en" / "plans" / "2023-2025" / "commitments")
                .glob("01-*.html")).read_text(encoding="utf-8")
    assert "(completed 45 days late)" in page
    rows = (tmp_path / "site" / "data" / "milestones.csv").read_text(encoding="utf-8")
    assert any(line.startswith("2023-2025,1,1,") and ",45," in line for line in rows.splitlines())


def test_status_names_the_amendment_that_withdrew_a_commitment() -> None:
    from ogpctl.domain.screens import withdrawn_line
    from ogpctl.domain.status import CommitmentStatus

    item = CommitmentStatus(35, "Youth", None, WITHDRAWN, WITHDRAWN, (), {"withdrawn": 6},
                            withdrawn_on=date(2025, 11, 28), withdrawn_why="Lack of funding.")
    assert withdrawn_line("en", item) == ("  commitment 35: Withdrawn by the amendment of "
                                          "2025-11-28: Lack of funding.")

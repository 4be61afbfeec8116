"""A plan keeps every self-assessment report it published (newuser7 Q4): a yearly report
("some countries found it helpful to prepare a yearly self-assessment report ... The report
needs to be published", implementation guidance 3.3) stays in the record, the documents and
the website once the end-of-term report is written beside it in self-assessments/; each is
titled by its kind; the headline rating is the newest report's; a review of the pull
request that adds the end-of-term report says a report was added."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from ogpctl.domain.rollup import LAPSED, rollup
from ogpctl.record.load import load_record
from ogpctl.site import build_site
from tests.conftest import SAMPLE, run
from tests.test_public_site_truth import yearly_green
from tests.test_public_truth import CLOSED, SA, TODAY, commitment_of, copy
from tests.test_site_truth import text

YEARLY = f"{CLOSED}/self-assessments/2024-09-01.yaml"


def yearly_beside(record: Path) -> None:
    """The sample's end-of-term report (2026-02-20, commitment 2 amber) stays; a yearly
    report of 1 September 2024 rating commitment 2 green is kept beside it."""
    source = (record / SA).read_text(encoding="utf-8")
    yearly = source.replace("prepared: 2026-02-20\nkind: end-of-term\n",
                            "prepared: 2024-09-01\nkind: yearly\n") \
        .replace("  - commitment: beneficial-ownership\n    rating: amber\n",
                 "  - commitment: beneficial-ownership\n    rating: green\n") \
        .replace("../../schemas/", "../../../schemas/")
    assert yearly.count("2024-09-01") == 1 and "rating: green" in yearly
    (record / YEARLY).parent.mkdir()
    (record / YEARLY).write_text(yearly, encoding="utf-8")


def test_a_plan_holds_every_report_the_newest_last(tmp_path: Path) -> None:
    record = load_record(copy(tmp_path, yearly_beside))
    plan = next(p for p in record.plans if p.id == "2023-2025")
    assert [d.path for d in plan.self_assessments] == [YEARLY, SA]
    assert plan.self_assessment is plan.self_assessments[-1]
    assert YEARLY in {d.path for d in plan.documents()}


def test_the_headline_rating_is_the_newest_report_prepared_by_the_day(tmp_path: Path) -> None:
    record = copy(tmp_path, yearly_beside)
    _, _, item = commitment_of(record, "2023-2025", 2)
    then = rollup(item, date(2025, 6, 30))      # only the yearly report was prepared
    assert (then.colour, then.rating, then.assessed, then.set_aside) == \
        ("green", "green", date(2024, 9, 1), "")
    lapsed = rollup(item, date(2025, 7, 1))     # milestone 2.2 fell due after it (yearly)
    assert (lapsed.rating, lapsed.set_aside) == ("green", LAPSED)
    now = rollup(item, TODAY)                   # the end-of-term report's
    assert (now.rating, now.assessed) == ("amber", date(2026, 2, 20))


def render(capsys: pytest.CaptureFixture[str], record: Path, *options: str
           ) -> tuple[int, str, str]:
    return run(capsys, "render", "self-assessment", "-C", record, "--plan", "2023-2025",
               "-f", "md", "-o", "-", "--today", TODAY.isoformat(), *options)


def test_each_report_renders_titled_by_its_kind(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    record = copy(tmp_path, yearly_beside)
    code, out, err = render(capsys, record, "--lang", "en", "--prepared", "2024-09-01")
    assert code == 0, err
    assert out.startswith("# Yearly self-assessment report, prepared September 1, 2024\n")
    assert "September 1, 2024" in out.split("##")[0]
    code, out, err = render(capsys, record, "--lang", "es", "--prepared", "2024-09-01")
    assert code == 0 and out.startswith(
        "# Informe anual de autoevaluación, elaborado el 1 de septiembre de 2024\n"), out[:200]
    code, out, err = render(capsys, record, "--lang", "en")     # the newest by default
    assert code == 0 and out.startswith("# End-of-term self-assessment report\n"), out[:200]
    code, out, err = render(capsys, record, "--lang", "en", "--prepared", "2024-09-02")
    assert code == 2 and "no self-assessment prepared on 2024-09-02 (prepared: 2024-09-01, " \
        "2026-02-20)" in err, err


def test_the_site_publishes_every_report(tmp_path: Path) -> None:
    files = build_site(load_record(copy(tmp_path, yearly_beside)), TODAY, formats=("md",),
                       search=False)
    earlier = files["documents/2023-2025-self-assessment-2024-09-01.en.md"].decode()
    assert earlier.startswith("# Yearly self-assessment report, prepared September 1, 2024")
    current = files["documents/2023-2025-self-assessment.en.md"].decode()
    assert current.startswith("# End-of-term self-assessment report")
    page = text(files["en/documents.html"].decode())
    assert "Yearly self-assessment report, prepared September 1, 2024" in page
    assert "End-of-term self-assessment report" in page


def git(record: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(record), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
                        "HOME": str(record), "PATH": "/usr/bin:/bin"})


def test_review_says_a_report_was_added_not_ratings_changed(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    record = copy(tmp_path, yearly_green)        # self-assessment.yaml: the yearly report
    git(record, "init", "-q", "-b", "main")
    git(record, "add", "-A")
    git(record, "commit", "-qm", "record")
    git(record, "checkout", "-q", "-b", "end-of-term")
    final = record / f"{CLOSED}/self-assessments/2026-02-20.yaml"
    final.parent.mkdir()
    final.write_text((SAMPLE / SA).read_text(encoding="utf-8").replace(
        "../../schemas/", "../../../schemas/"), encoding="utf-8")
    git(record, "add", "-A")
    git(record, "commit", "-qm", "the end-of-term report")
    code, out, err = run(capsys, "review", "-C", record, "main", "end-of-term", "--lang",
                         "en", "--today", TODAY.isoformat())
    assert code in (0, 1), err
    assert f"End-of-term self-assessment report `{CLOSED}/self-assessments/2026-02-20.yaml`" \
        in out, out
    assert "Report added: every earlier self-assessment report of the plan stays " \
           "published" in out
    assert "rating changed" not in out and "kind changed" not in out, out


def test_review_warns_when_a_report_is_written_over(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Writing the end-of-term report over the yearly one in self-assessment.yaml unpublishes
    the yearly report: the review says so and how to keep it."""
    record = copy(tmp_path, yearly_green)
    git(record, "init", "-q", "-b", "main")
    git(record, "add", "-A")
    git(record, "commit", "-qm", "record")
    git(record, "checkout", "-q", "-b", "end-of-term")
    (record / SA).write_text((SAMPLE / SA).read_text(encoding="utf-8"), encoding="utf-8")
    git(record, "commit", "-qam", "the end-of-term report over the yearly one")
    code, out, err = run(capsys, "review", "-C", record, "main", "end-of-term", "--lang",
                         "en", "--today", TODAY.isoformat())
    assert code in (0, 1), err
    assert "date prepared changed from September 1, 2024 to February 20, 2026. The report " \
           "of September 1, 2024 is written over and no longer published: to keep it, " \
           "restore this file and add the new report as self-assessments/2026-02-20.yaml " \
           "in the plan folder." in out, out


def test_a_report_not_named_by_its_day_is_f117_and_prepared_is_for_reports_only(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    record = copy(tmp_path, yearly_beside)
    (record / f"{CLOSED}/self-assessments/yearly-2024.yaml").write_text(
        "prepared: 2024-09-01\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "-C", record, "--today", TODAY.isoformat(),
                         "--no-cache")
    assert f"{CLOSED}/self-assessments/yearly-2024.yaml" in out and "F117" in out, out
    assert YEARLY not in out, out          # a report named by its day is read, not F117
    code, out, err = run(capsys, "render", "action-plan", "-C", record, "--plan", "2023-2025",
                         "--prepared", "2024-09-01", "-o", str(tmp_path / "out"),
                         "--today", TODAY.isoformat())
    assert code == 2 and "--prepared chooses a self-assessment report" in err, err


def test_the_rules_read_every_report(tmp_path: Path, capsys) -> None:
    """sayearly left it: A501 and A504 read only the newest report, so an earlier yearly
    report, still published, was no longer checked once the end-of-term one was added."""
    import json

    def careless(record: Path) -> None:
        yearly_beside(record)
        path = record / YEARLY
        text = path.read_text(encoding="utf-8").replace("lessons:", "x-lessons:", 1)
        text = text.replace("  - commitment: beneficial-ownership\n    rating: green\n"
                            "    rating-reason:", "  - commitment: beneficial-ownership\n"
                            "    rating: red\n    x-rating-reason:")
        assert "rating: red\n    x-rating-reason:" in text
        path.write_text(text, encoding="utf-8")

    record = copy(tmp_path, careless)
    code, out, _ = run(capsys, "check", record, "--today", TODAY.isoformat(), "--no-cache",
                       "--format", "json")
    found = {(d["code"], d["message"].split(" (")[0]) for d in json.loads(out)["diagnostics"]
             if d["file"] == YEARLY}
    assert ("A504", "the self-assessment does not give the lessons and insights") in found
    assert any(code == "A501" and "is rated red" in message for code, message in found), found

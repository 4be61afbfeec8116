"""`ogpctl review` sees what `ogpctl check` sees of a delivered plan: the `submitted/<plan>`
tags of the repository under review, though both sides are checked in scratch folders that
git knows nothing of. A pull request that removes or renumbers a delivered plan's
commitment shows C418 (amendment-not-recorded); a finding the base had already is no news."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, run
from tests.gitrecord import committed_sample, git, use_identity

PLAN = "plans/2026-2030/plan.yaml"
COMMITMENTS = "plans/2026-2030/commitments"
TODAY = "2026-11-23"


@pytest.fixture(autouse=True)
def _identity(monkeypatch: pytest.MonkeyPatch) -> None:
    use_identity(monkeypatch)
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "CI_PROJECT_URL"):
        monkeypatch.delenv(name, raising=False)


def delivered(capsys: pytest.CaptureFixture[str], record: Path) -> Path:
    """The sample committed undelivered, then delivered with `ogpctl tag-submission` on
    2026-06-24."""
    committed_sample(SAMPLE, record)
    path = record / PLAN
    path.write_text(path.read_text(encoding="utf-8").replace(
        "status: implementation\ndelivered: 2026-06-24\n", "status: co-creation\n"),
        encoding="utf-8")
    git(record, "commit", "-q", "-am", "Before delivery", date="2026-06-20T10:00:00+00:00")
    assert run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-24", "-C", record,
               "--today", "2026-06-24")[0] == 0
    return record


def renumber_and_remove(record: Path) -> None:
    folder = record / COMMITMENTS
    (folder / "04-justice-open-data.yaml").unlink()
    (folder / "03-climate-finance-transparency.yaml").rename(
        folder / "07-climate-finance-transparency.yaml")


def review_findings(capsys: pytest.CaptureFixture[str], record: Path, *revs: str
                    ) -> dict[str, list[dict]]:
    _, out, err = run(capsys, "review", *revs, "-C", record, "-f", "json", "--today", TODAY)
    assert out, err
    findings: dict[str, list[dict]] = json.loads(out)["findings"]
    return findings


def test_a_pull_request_renumbering_a_delivered_plan_shows_c418(capsys, tmp_path: Path
                                                                ) -> None:
    record = delivered(capsys, tmp_path / "record")
    renumber_and_remove(record)
    code, out, err = run(capsys, "review", "-C", record, "--lang", "en", "--today", TODAY)
    assert code == 1, err
    assert "C418" in out and "commitment 7 was commitment 3" in out, out
    assert "commitment 4 removed: Open justice data" in out, out
    found = review_findings(capsys, record)
    assert sorted(f["message"].split(",")[0] for f in found["introduced"]
                  if f["code"] == "C418") == ["commitment 4 removed: Open justice data",
                                              "commitment 7 was commitment 3"]
    assert not found["fixed"]


def test_the_same_in_a_repository_where_the_record_is_a_folder(capsys, tmp_path: Path
                                                               ) -> None:
    """The tag's tree holds the record below its folder: the delivered state is read
    from there, as `check` reads it."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    record = repo / "veridia"
    committed_sample(SAMPLE, record)
    (record / ".git").rename(tmp_path / "moved.git")     # one repository: the outer one
    git(repo, "add", "-A")
    path = record / PLAN
    path.write_text(path.read_text(encoding="utf-8").replace(
        "status: implementation\ndelivered: 2026-06-24\n", "status: co-creation\n"),
        encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Before delivery", date="2026-06-20T10:00:00+00:00")
    assert run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-24", "-C", record,
               "--today", "2026-06-24")[0] == 0
    renumber_and_remove(record)
    found = review_findings(capsys, record)
    assert sorted(f["path"] for f in found["introduced"] if f["code"] == "C418") == [
        f"veridia/{COMMITMENTS}/07-climate-finance-transparency.yaml", f"veridia/{PLAN}"]


def test_an_unrecorded_amendment_the_base_had_is_no_news(capsys, tmp_path: Path) -> None:
    """Both sides see the same tags: a finding the base has already is neither introduced
    nor fixed by a change that does not touch it; recording the amendment fixes it."""
    record = delivered(capsys, tmp_path / "record")
    renumber_and_remove(record)
    git(record, "add", "-A")
    git(record, "commit", "-q", "-m", "Commitments renumbered", date="2026-10-01T10:00:00+00:00")
    git(record, "tag", "renumbered")
    works = record / COMMITMENTS / "01-public-works-open-contracting.yaml"
    works.write_text(works.read_text(encoding="utf-8").replace(
        "due: 2027-06-30", "due: 2028-06-30", 1), encoding="utf-8")
    found = review_findings(capsys, record, "renumbered")
    assert [f["message"].split(",")[0] for f in found["introduced"] if f["code"] == "C418"] \
        == ["milestone 1.2 due date moved from 2027-06-30 to 2028-06-30"], found
    path = record / PLAN
    path.write_text(path.read_text(encoding="utf-8") + "amendments:\n  - {date: 2026-10-01, "
                    "summary: {en: Commitments 3 and 4, es: Compromisos 3 y 4}}\n",
                    encoding="utf-8")
    found = review_findings(capsys, record, "renumbered")
    assert not [f for f in found["introduced"] if f["code"] == "C418"], found
    assert len([f for f in found["fixed"] if f["code"] == "C418"]) == 2, found

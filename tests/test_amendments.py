"""C418: a delivered plan (tag submitted/<plan>) changed without an amendment recorded since
(handbook 2.2), on real repositories; and the roll-up of a completion dated in the future."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from ogpctl.domain.rollup import rollup
from ogpctl.record.load import load_record
from tests.conftest import SAMPLE, run
from tests.gitrecord import committed_sample, use_identity
from tests.test_submission import PLAN, undelivered

COMMITMENTS = Path("plans/2026-2030/commitments")
TODAY = "2026-11-23"


@pytest.fixture(autouse=True)
def _identity(monkeypatch) -> None:
    use_identity(monkeypatch)


def delivered(tmp_path: Path, capsys) -> Path:
    record = undelivered(tmp_path)
    assert run(capsys, "tag-submission", "2026-2030", "--date", "2026-06-24", "-C", record,
               "--today", "2026-06-24")[0] == 0
    return record


def c418(capsys, record: Path) -> list[dict]:
    _, out, err = run(capsys, "check", record, "--today", TODAY, "--no-cache", "--format",
                      "json")
    assert out, err
    return [d for d in json.loads(out)["diagnostics"] if d["code"] == "C418"]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_delivered_plan_as_delivered_passes(capsys, tmp_path: Path) -> None:
    assert c418(capsys, delivered(tmp_path, capsys)) == []


def test_removing_renumbering_and_redating_need_an_amendment(capsys, tmp_path: Path) -> None:
    """F29: a pull request deletes commitment 4, renumbers 3 as 7 and moves a milestone's
    due date; each change is a finding at its place until plan.yaml records an amendment
    dated on or after the delivery."""
    record = delivered(tmp_path, capsys)
    folder = record / COMMITMENTS
    (folder / "04-justice-open-data.yaml").unlink()
    (folder / "03-climate-finance-transparency.yaml").rename(
        folder / "07-climate-finance-transparency.yaml")
    edit(folder / "01-public-works-open-contracting.yaml", "due: 2027-06-30", "due: 2028-06-30")
    found = c418(capsys, record)
    messages = sorted(d["message"].split(",")[0] for d in found)
    assert messages == ["commitment 4 removed: Open justice data",
                        "commitment 7 was commitment 3",
                        "milestone 1.2 due date moved from 2027-06-30 to 2028-06-30"], found
    assert all(d["severity"] == "error" and "delivered on 2026-06-24" in d["message"]
               and "submitted/2026-2030" in d["message"] for d in found)
    places = {d["message"].split(",")[0]: d["file"] for d in found}
    assert places["commitment 4 removed: Open justice data"] == PLAN
    assert places["commitment 7 was commitment 3"].endswith("07-climate-finance-transparency.yaml")
    plan = record / PLAN
    plan.write_text(plan.read_text(encoding="utf-8")
                    + "amendments:\n  - {date: 2026-06-01, summary: {en: Before, es: Antes}}\n",
                    encoding="utf-8")
    assert len(c418(capsys, record)) == 3          # dated before the delivery: not this one
    edit(plan, "date: 2026-06-01", "date: 2026-10-01")
    assert c418(capsys, record) == []


def test_progress_is_not_an_amendment(capsys, tmp_path: Path) -> None:
    record = delivered(tmp_path, capsys)
    path = record / COMMITMENTS / "01-public-works-open-contracting.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: in-progress", "status: completed", 1),
                    encoding="utf-8")
    assert c418(capsys, record) == []


def test_supporting_stakeholders_and_resources_are_amendments(capsys, tmp_path: Path) -> None:
    """newuser5 N12: a civil-society partner swapped for the chamber of commerce and the
    resources cut tenfold are changes to "any part of their action plan" (2.2): C418 at
    each field, and the amendment note lists both under the commitment."""
    record = delivered(tmp_path, capsys)
    path = record / COMMITMENTS / "01-public-works-open-contracting.yaml"
    edit(path, "    - datos-abiertos-veridia\n    - women",
         "    - chamber-of-commerce\n    - women")
    edit(path, "      320,000 VRD in the DNCP", "      32,000 VRD in the DNCP")
    edit(path, "civil-society: [datos-abiertos-veridia, women-leaders-network]",
         "civil-society: [women-leaders-network]")
    found = c418(capsys, record)
    said = " ".join(d["message"] for d in found)
    assert "supporting/civil-society" in said and "implementation-plan/resources" in said
    assert "milestone 1.4: supporting/civil-society: removed datos-abiertos" in said, said
    assert all(d["file"].endswith("01-public-works-open-contracting.yaml") for d in found)
    code, out, err = run(capsys, "render", "amendment-note", "--plan", "2026-2030", "-C",
                         record, "--lang", "en", "-f", "md", "-o", "-", "--today", TODAY)
    assert code == 0, err
    assert "Supporting stakeholders › Civil society" in out and "{+32,000+}" in out, out
    assert "Milestone 1.4" in out, out


def test_a_translation_and_the_ogp_id_are_not_amendments(capsys, tmp_path: Path) -> None:
    """A translation added to an unchanged field, and what is recorded about a commitment
    after the plan is published (its OGP id, links), leave the plan as it was."""
    record = delivered(tmp_path, capsys)
    path = record / COMMITMENTS / "01-public-works-open-contracting.yaml"
    edit(path, "  responsibilities:\n", "  responsibilities:\n    fr: Direction de la DNCP\n")
    edit(path, "kind: regular\n", "kind: regular\nogp-id: XT0042\n"
         "links: [{url: 'https://example.org/xt0042'}]\n")
    assert c418(capsys, record) == []


def test_no_submitted_tag_reads_no_delivered_state(capsys, tmp_path: Path, monkeypatch) -> None:
    """Without a tag the rule asks git for nothing but the tags (once), and never for a
    tree; outside git it asks for nothing."""
    from ogpctl.base import vcs

    def refuse(*_: object) -> dict:
        raise AssertionError("a tree was read with no submitted tag")

    monkeypatch.setattr(vcs, "files_at", refuse)
    record = committed_sample(SAMPLE, tmp_path / "record")
    shutil.rmtree(record / COMMITMENTS.parent / "evidence", ignore_errors=True)
    assert c418(capsys, record) == []
    calls: list[Path] = []
    monkeypatch.setattr(vcs, "submission_tags", lambda root, *_: calls.append(root) or {})
    outside = tmp_path / "outside"
    shutil.copytree(SAMPLE, outside, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    assert c418(capsys, outside) == [] and calls == []


def test_a_completion_dated_after_the_day_does_not_count() -> None:
    """F24: status completed on the strength of an update dated 2027-05-01 is not complete
    on 2026-12-04; it is from that day."""
    commitment = next(c for c in load_record(SAMPLE).plans[-1].commitments if c.number == 5)
    milestone = commitment.milestones[0]
    milestone.fields["status"] = "completed"
    milestone.fields["progress"] = [{"date": "2027-05-01", "status": "completed"}]
    now, then = rollup(commitment, date(2026, 12, 4)), rollup(commitment, date(2027, 5, 1))
    assert then.completed == now.completed + 1


def test_git_is_not_asked_for_the_tag_twice(capsys, tmp_path: Path, monkeypatch) -> None:
    from ogpctl.base import vcs

    record = delivered(tmp_path, capsys)
    (record / COMMITMENTS / "04-justice-open-data.yaml").unlink()
    (record / COMMITMENTS / "06-participatory-budgeting-puerto-alegre.yaml").unlink()
    reads: list[str] = []
    real = vcs.files_at
    monkeypatch.setattr(vcs, "files_at", lambda root, commit: reads.append(commit)
                        or real(root, commit))
    assert len(c418(capsys, record)) == 2 and len(reads) == 1


def test_deadlines_and_status_do_not_call_a_future_completion_met() -> None:
    """F24: `deadlines` said "met … status: completed on 2027-05-01" and `status` "2
    completed" on 2026-12-04."""
    from ogpctl.domain.obligations import MET, milestone_obligations
    from ogpctl.domain.status import commitment_status

    plan = load_record(SAMPLE).plans[-1]
    commitment = next(c for c in plan.commitments if c.number == 5)
    milestone = commitment.milestones[0]
    milestone.fields["status"] = "completed"
    milestone.fields["progress"] = [{"date": "2027-05-01", "status": "completed"}]
    label = f"5.{milestone.fields['number']}"

    def state(day: date) -> str:
        return next(o.state for o in milestone_obligations(plan, day) if o.subject == label)

    def completed(day: date) -> int:
        row = next(s for s in commitment_status(plan, day) if s.number == 5)
        return row.milestones.get("completed", 0)

    assert state(date(2026, 12, 4)) != MET and state(date(2027, 5, 1)) == MET
    assert completed(date(2027, 5, 1)) == completed(date(2026, 12, 4)) + 1


def _age(folder: Path, when: float) -> None:
    """Every file and folder below `folder` (its .git too) changed at `when`: the check
    cache trusts only what is older than its racy window."""
    import os

    for path in (folder, *folder.rglob("*")):
        os.utime(path, (when, when))


def test_the_check_cache_follows_a_submitted_tag(capsys, tmp_path: Path) -> None:
    """A tag made (or removed) with no other change answered C418 and C417 from the cache
    as if the tags were as before."""
    from ogpctl.check.run import CheckOptions, check
    from tests.gitrecord import git

    def codes() -> list[str]:
        result = check([record], CheckOptions(today=date(2026, 11, 23), jobs=1))
        return [d.code for d in result.diagnostics if d.code == "C418"]

    import time

    when = time.time() - 3600      # one time for every file, so that only the tag moves
    record = delivered(tmp_path, capsys)
    git(record, "tag", "-d", "submitted/2026-2030")
    (record / COMMITMENTS / "04-justice-open-data.yaml").unlink()
    _age(record, when)
    assert codes() == [] and codes() == []             # the second answered by the cache
    git(record, "tag", "-a", "-m", "Delivered", "submitted/2026-2030", "HEAD")
    _age(record / ".git", when)    # the record's files keep their stat (and the cache key)
    assert codes() == ["C418"]
    git(record, "tag", "-d", "submitted/2026-2030")
    _age(record / ".git", when)
    assert codes() == []


def test_field_amendments_are_named_in_the_readers_language(capsys, tmp_path: Path) -> None:
    """A change to a delivered commitment's other fields (its supporting stakeholders, its
    resources) is named in the note by the labels its document uses, never by its path,
    a list entry by what was added or removed; the review lists it under its commitment."""
    record = delivered(tmp_path, capsys)
    path = record / COMMITMENTS / "01-public-works-open-contracting.yaml"
    edit(path, "      320,000 VRD in the DNCP", "      32,000 VRD in the DNCP")
    edit(path, "civil-society: [datos-abiertos-veridia, women-leaders-network]",
         "civil-society: [women-leaders-network]")
    edit(path, "    - datos-abiertos-veridia\n    - women",
         "    - chamber-of-commerce\n    - women")
    for lang in ("en", "fr", "ar"):
        code, out, err = run(capsys, "render", "amendment-note", "--plan", "2026-2030", "-C",
                             record, "--lang", lang, "-f", "md", "-o", "-", "--today", TODAY)
        assert code == 0, err
        assert "supporting/" not in out and "implementation-plan/" not in out, out
    code, out, err = run(capsys, "render", "amendment-note", "--plan", "2026-2030", "-C",
                         record, "--lang", "en", "-f", "md", "-o", "-", "--today", TODAY)
    assert "Implementation plan › Resources changed:" in out, out
    assert "Supporting stakeholders › Civil society" in out, out
    assert "“Public works map”, supporting stakeholders › civil society: Open Data Veridia " \
        "Collective removed." in out, out
    code, out, err = run(capsys, "review", "-C", record, "--lang", "en", "--today", TODAY)
    meaning = out.split("## What the change means")[1].split("\n## ")[0]
    assert "#### Commitment `plans" not in meaning, out
    assert "supporting/" not in meaning and "implementation-plan/" not in meaning, out
    assert "#### 1. Open contracting for public works" in meaning, out
    assert "Implementation plan › Resources changed:" in meaning, out
    assert "The implementation plan › resources in Spanish was not changed" in meaning, out

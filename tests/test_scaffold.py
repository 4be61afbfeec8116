"""`ogpctl init`, `new-plan` and `new-commitment`: scaffolds that pass `check` with only the
"fill this in" findings, carry schema lines that resolve, and never damage what exists."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ogpctl import calendar as cal
from ogpctl.scaffold.files import write_new
from ogpctl.scaffold.templating import scalar
from ogpctl.source.yaml import parse_yaml
from tests.conftest import run

#: The findings a fresh scaffold is expected to have: fields still to be written.
FILL_IN = {"F105", "L301", "L302", "S201", "S202", "S203", "S204", "S205", "S212", "S220",
           "S222", "S230", "S231", "S241", "S250"}
TODAY = "2026-12-02"


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".git/" not in p.as_posix()
            and ".ogpctl-cache" not in p.as_posix()}


def findings(capsys, record: Path) -> list[dict]:
    code, out, _ = run(capsys, "check", record, "--format", "json", "--today", TODAY,
                       "--no-cache")
    assert code == 0, out
    return json.loads(out)["diagnostics"]


def new_record(capsys, tmp_path: Path, *extra: str) -> Path:
    record = tmp_path / "record"
    code, out, err = run(capsys, "init", record, "--country", "Testland", "--iso-code", "XT",
                         "--languages", "es,en", "--lead-agency", "Secretaría de Gobierno Abierto",
                         *extra)
    assert code == 0, out + err
    return record


def new_plan(capsys, record: Path, *args: str) -> tuple[int, str, str]:
    return run(capsys, "new-plan", "-C", record, "--today", TODAY, *args)


def assert_schema_lines_resolve(record: Path) -> None:
    for path in record.rglob("*.yaml"):
        if ".github" in path.parts or path.name.startswith(".pre-commit"):
            continue
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path} has no schema line"
        assert (path.parent / match.group(1)).resolve().is_file(), f"{path}: {first}"


# -- init ---------------------------------------------------------------------------------

def test_init_writes_a_record_that_checks(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    for rel in ("ogp.yaml", "stakeholders.yaml", "forum/forum.yaml", "forum/meetings",
                ".gitignore", ".github/workflows/ogpctl.yml", ".pre-commit-config.yaml",
                "schemas/commitment.schema.json", ".git"):
        assert (record / rel).exists(), rel
    assert ".ogpctl-cache/" in (record / ".gitignore").read_text()
    workflow = (record / ".github/workflows/ogpctl.yml").read_text()
    assert "ogpctl check . --format github" in workflow and "pull_request" in workflow
    ogp = parse_yaml((record / "ogp.yaml").read_text()).data
    assert ogp["country"] == {"en": None, "es": "Testland"}
    assert ogp["languages"] == {"default": "es", "administrative": ["es"]}
    assert ogp["lead-agency"] == "secretaria-de-gobierno-abierto"
    assert {d["code"] for d in findings(capsys, record)} <= FILL_IN
    assert_schema_lines_resolve(record)


def test_init_refuses_an_existing_record_and_changes_nothing(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    before = snapshot(record)
    code, _, err = run(capsys, "init", record, "--country", "Elsewhere")
    assert code == 2 and "already" in err
    code, _, err = run(capsys, "init", record / "forum", "--country", "Inside")
    assert code == 2 and "already" in err
    assert snapshot(record) == before


def test_init_in_a_repository_subfolder(capsys, tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("node_modules/\n")
    code, out, _ = run(capsys, "init", tmp_path / "ogp record", "--languages", "fr")
    assert code == 0
    assert not (tmp_path / "ogp record" / ".git").exists()
    workflow = (tmp_path / ".github/workflows/ogpctl.yml").read_text()
    assert "ogpctl check 'ogp record' --format github" in workflow
    hooks = parse_yaml((tmp_path / ".pre-commit-config.yaml").read_text()).data
    hook = hooks["repos"][0]["hooks"][0]
    assert re.search(hook["files"], "ogp record/plans/x/plan.yaml")
    assert not re.search(hook["files"], "other/plan.yaml")
    assert (tmp_path / ".gitignore").read_text() == "node_modules/\n"   # not the record's


def test_init_rejects_bad_answers(capsys, tmp_path: Path) -> None:
    for args in (("--languages", "English"), ("--iso-code", "xt"), ("--country", "a\nb")):
        code, _, err = run(capsys, "init", tmp_path / "r", *args)
        assert code == 2 and err.startswith("ogpctl: "), args
    assert not (tmp_path / "r").exists()


# -- new-plan -----------------------------------------------------------------------------

def test_new_plan_is_dated_by_the_calendar(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    code, out, _ = new_plan(capsys, record, "--window", "december", "--due-year", "2027",
                            "--length", "4")
    assert code == 0, out
    base = record / "plans" / "2027-2031"
    plan = parse_yaml((base / "plan.yaml").read_text()).data
    expected = cal.plan_dates("december", 2027, 4)
    assert plan["dates"] == {"due": "2027-12-31", "window-opens": "2027-07-01",
                             "window-closes": "2028-02-29", "end": "2031-12-31",
                             "amendment-deadline": "2028-12-31", "refresh-mark": "2029-12-31",
                             "refresh-due": "2030-06-30", "next-plan-late-after": "2032-12-31"}
    assert plan["dates"]["end"] == expected.end.isoformat()
    assert plan["status"] == "co-creation" and plan["refresh"]["review-starts"] == "2029-12-31"
    assert plan["title"]["es"].startswith("Plan de Acción Nacional") and "Testland" in \
        plan["title"]["en"]
    stages = parse_yaml((base / "co-creation.yaml").read_text()).data["stages"]
    assert stages[-1]["ends"] == "2027-12-31"
    for earlier, later in zip(stages, stages[1:]):
        assert date.fromisoformat(earlier["ends"]) + timedelta(days=1) == \
            date.fromisoformat(later["starts"])
    development = date.fromisoformat(next(s["starts"] for s in stages
                                          if s["id"] == "development"))
    assert f"# {development - timedelta(days=14)}, two weeks before development" in \
        (base / "co-creation.yaml").read_text()
    for section in ("introduction", "efforts-to-date", "development-process"):
        for lang in ("en", "es"):
            assert (base / "sections" / f"{section}.{lang}.md").is_file()
    assert (base / "commitments").is_dir() and (base / "evidence" / "process").is_dir()
    assert {d["code"] for d in findings(capsys, record)} <= FILL_IN
    assert_schema_lines_resolve(record)
    code, out, _ = run(capsys, "deadlines", record, "--format", "json", "--today", TODAY)
    events = {e["id"]: e for e in json.loads(out)}
    assert events["cocreation-timeline-publish-by"]["date"] == \
        (development - timedelta(days=14)).isoformat()
    assert events["refresh-due"]["date"] == "2030-06-30"


def test_new_plan_twice_and_overlapping_plans_change_nothing(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    assert new_plan(capsys, record, "--window", "june", "--due-year", "2027", "--length",
                    "2")[0] == 0
    before = snapshot(record)
    code, _, err = new_plan(capsys, record, "--window", "june", "--due-year", "2027",
                            "--length", "2")
    assert code == 2 and "exists already" in err
    code, _, err = new_plan(capsys, record, "--window", "december", "--due-year", "2028",
                            "--length", "2")
    assert code == 2 and "overlaps 2027-2029" in err
    assert snapshot(record) == before
    code, _, _ = new_plan(capsys, record, "--window", "december", "--due-year", "2028",
                          "--length", "2", "--force")
    assert code == 0 and (record / "plans/2028-2030/plan.yaml").is_file()


def test_new_plan_suggests_the_next_plan(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    code, out, _ = new_plan(capsys, record)     # no terminal: nothing is asked
    assert code == 0 and "New plan 2027-2029" in out     # due December 2027: 8 months ahead
    code, out, _ = new_plan(capsys, record)
    assert code == 0 and "New plan 2029-2031" in out     # the one after it


def test_new_plan_fills_a_plan_folder_without_overwriting(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    intro = record / "plans/2027-2029/sections/introduction.en.md"
    intro.parent.mkdir(parents=True)
    intro.write_text("# Introduction\n\nOur own words.\n")
    code, out, _ = new_plan(capsys, record, "--window", "june", "--due-year", "2027",
                            "--length", "2")
    assert code == 0 and "kept     plans/2027-2029/sections/introduction.en.md" in out
    assert intro.read_text() == "# Introduction\n\nOur own words.\n"


def test_new_plan_in_the_sample_uses_its_schema_folder(capsys, sample: Path) -> None:
    code, out, _ = new_plan(capsys, sample, "--window", "june", "--due-year", "2030",
                            "--length", "4")
    assert code == 0, out
    first = (sample / "plans/2030-2034/plan.yaml").read_text().split("\n", 1)[0]
    assert first == "# yaml-language-server: $schema=../../../schemas/plan.schema.json"


@pytest.mark.parametrize("args", [("--window", "july"), ("--due-year", "twenty"),
                                  ("--length", "3"), ("--id", "../x")])
def test_new_plan_rejects_bad_options(capsys, tmp_path: Path, args) -> None:
    record = new_record(capsys, tmp_path)
    code, _, err = new_plan(capsys, record, *args)
    assert code == 2 and err.startswith("ogpctl: ")
    assert not (record / "plans").exists() or not any((record / "plans").glob("*/plan.yaml"))


# -- new-commitment -----------------------------------------------------------------------

def test_new_commitment_follows_the_template(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    new_plan(capsys, record, "--window", "june", "--due-year", "2027", "--length", "2")
    code, out, _ = run(capsys, "new-commitment", "-C", record, "2027-2029",
                       "Contratación abierta: obras públicas")
    assert code == 0, out
    path = record / "plans/2027-2029/commitments/01-contratacion-abierta-obras-publicas.yaml"
    text = path.read_text(encoding="utf-8")
    data = parse_yaml(text).data
    assert data["title"] == {"en": None, "es": "Contratación abierta: obras públicas"}
    assert data["period"] == {"start": "2027-06-30", "end": "2029-06-30"}
    assert data["milestones"] == [{"number": 1, "title": {"en": None, "es": None},
                                   "output": {"en": None, "es": None}, "due": None,
                                   "lead": None, "status": "not-started"}]
    assert "#     start? How long has the problem impacted those affected?" in text
    assert "# es: 1. ¿Qué problema" in text.replace("  # es", "# es")
    assert (record / "plans/2027-2029/evidence/01-contratacion-abierta-obras-publicas").is_dir()
    assert {d["code"] for d in findings(capsys, record)} <= FILL_IN
    assert_schema_lines_resolve(record)


def test_new_commitment_numbers_and_refusals(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    new_plan(capsys, record, "--window", "june", "--due-year", "2027", "--length", "2")
    commit = ("new-commitment", "-C", record, "2027-2029")
    assert run(capsys, *commit, "Open data")[0] == 0
    assert run(capsys, *commit, "Open budgets", "--kind", "local")[0] == 0
    folder = record / "plans/2027-2029/commitments"
    assert sorted(p.name for p in folder.glob("*.yaml")) == ["01-open-data.yaml",
                                                              "02-open-budgets.yaml"]
    assert "ogp-local-member: false" in (folder / "02-open-budgets.yaml").read_text()
    before = snapshot(record)
    for args, message in ((("Open data",), "has this name already"),
                          (("Other", "--number", "2"), "exists already"),
                          (("Other", "--kind", "special"), "--kind"),
                          (("Other", "--number", "1000"), "numbered 1 to 999")):
        code, _, err = run(capsys, *commit, *args)
        assert code == 2 and message in err, err
    code, _, err = run(capsys, "new-commitment", "-C", record, "2040-2042", "X")
    assert code == 2 and "no plan '2040-2042'" in err
    assert snapshot(record) == before
    assert run(capsys, *commit, "Challenge", "--kind", "challenge", "--today", TODAY)[0] == 0
    assert f"added: {TODAY}" in (folder / "03-challenge.yaml").read_text()


@pytest.mark.parametrize("title", ['Say "yes": no', "# not a comment", "- [x] {y}: z",
                                   "null", "2027-06-30", "  spaced  ", "تعاقد مفتوح",
                                   "'quoted' & *starred* !tagged %percent @at `tick`"])
def test_titles_round_trip_exactly(capsys, tmp_path: Path, title: str) -> None:
    record = new_record(capsys, tmp_path)
    new_plan(capsys, record, "--window", "june", "--due-year", "2027", "--length", "2")
    assert run(capsys, "new-commitment", "-C", record, "--", "2027-2029", title)[0] == 0
    [path] = (record / "plans/2027-2029/commitments").glob("*.yaml")
    assert parse_yaml(path.read_text()).data["title"]["es"] == title.strip()


# -- the pieces -----------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\n\t"),
               min_size=1, max_size=40))
def test_any_text_is_a_safe_yaml_scalar(text: str) -> None:
    """Every text the record may hold (control characters are findings, R003) reads back
    exactly from the scalar the scaffolds write."""
    parsed = parse_yaml(f"key: {scalar(text)}\n")
    assert parsed.ok and parsed.data == {"key": text}


def test_write_new_never_overwrites_nor_follows_links(tmp_path: Path) -> None:
    target = tmp_path / "a" / "file.yaml"
    assert write_new(target, b"one", inside=tmp_path) is True
    assert write_new(target, b"two", inside=tmp_path) is False
    assert target.read_bytes() == b"one"
    assert [p.name for p in target.parent.iterdir()] == ["file.yaml"]   # no temporary left
    outside = tmp_path.parent / (tmp_path.name + "-outside")
    outside.mkdir()
    (tmp_path / "link").symlink_to(outside)
    from ogpctl.errors import RecordWriteError

    with pytest.raises(RecordWriteError):
        write_new(tmp_path / "link" / "x.yaml", b"x", inside=tmp_path)
    with pytest.raises(RecordWriteError):
        write_new(tmp_path / ".." / "escape.yaml", b"x", inside=tmp_path)
    assert not any(outside.iterdir())


def test_a_symlinked_plan_folder_is_not_written_through(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (record / "plans" / "2027-2029").symlink_to(outside)
    code, _, err = new_plan(capsys, record, "--window", "june", "--due-year", "2027",
                            "--length", "2")
    assert code == 2 and "symbolic link" in err
    assert not any(outside.iterdir())


def test_new_plan_asks_at_a_terminal(capsys, tmp_path: Path, monkeypatch) -> None:
    record = new_record(capsys, tmp_path)
    import typer

    from ogpctl.cli import scaffold

    answers = iter(["December", "2028", ""])     # the empty answer keeps the suggested length
    asked = []

    def prompt(question, default="", show_default=True):
        asked.append((question, default))
        return next(answers)

    monkeypatch.setattr(scaffold, "interactive", lambda: True)
    monkeypatch.setattr(typer, "prompt", prompt)
    code, out, _ = new_plan(capsys, record)
    assert code == 0 and "New plan 2028-2030: due 2028-12-31" in out
    assert [q for q, _ in asked] == ["Window (june or december)", "Due year",
                                     "Length in years (2 or 4)"]
    assert asked[1][1] == "2027"     # suggested: December 2027 is the first due date 8 months on

"""A file `check` reports as unreadable or invalid is never published as another, valid
record (`ogpctl.cli.unusable`): the public outputs refuse with check's findings, the point
of contact's screens leave out what they cannot read and say so, and no rule guesses from
what is around such a file (a new user's G7 and G12, round 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run
from tests.gitrecord import committed_sample, git

PLAN = "plans/2026-2030/plan.yaml"
TODAY = ("--today", "2028-06-10")
#: One careless indent in an amendment appended to a delivered plan (G7).
BAD_INDENT = """amendments:
  - date: 2028-06-30
    summary:
      es: Se añade el hito 1.4 y se aplaza el hito 3.1
     en: Milestone 1.4 added; milestone 3.1 moved
"""


def break_plan(record: Path) -> None:
    path = record / PLAN
    path.write_text(path.read_text(encoding="utf-8") + BAD_INDENT, encoding="utf-8")


def published(capsys: pytest.CaptureFixture[str], record: Path, out: Path
              ) -> dict[str, tuple[int, str]]:
    """Exit code and standard error of every public output."""
    argvs = {
        "site": ["site", "-C", record, "-o", out / "site", "--formats", "none",
                 "--no-search", *TODAY],
        "render": ["render", "action-plan", "--plan", "2026-2030", "-C", record, "-f", "md",
                   "-o", out / "docs", *TODAY],
        "index": ["index", "-C", record, "-o", out / "INDEX.md"],
        "ics": ["deadlines", "-C", record, "-f", "ics", *TODAY]}
    found = {}
    for name, argv in argvs.items():
        code, _, err = run(capsys, *argv)
        found[name] = (code, err)
    return found


def test_public_outputs_refuse_a_plan_yaml_that_cannot_be_read(capsys, sample: Path,
                                                                tmp_path: Path) -> None:
    """The site published the delivered plan as 'in co-creation', without its title,
    period, ratings or delays, with exit 0 and no word; render wrote the documents."""
    break_plan(sample)
    for name, (code, err) in published(capsys, sample, tmp_path).items():
        assert code == 1, (name, err)
        assert f"{PLAN}:" in err and "R001" in err and "not written" in err, (name, err)
    assert not (tmp_path / "site").exists() and not (tmp_path / "docs").exists()
    assert not (tmp_path / "INDEX.md").exists()


def test_the_outputs_of_another_plan_are_written(capsys, sample: Path, tmp_path: Path
                                                 ) -> None:
    """A plan's documents read the record's own files and that plan's, not another's."""
    break_plan(sample)
    code, _, err = run(capsys, "render", "self-assessment", "--plan", "2023-2025", "-C",
                       sample, "-f", "md", "-o", tmp_path / "docs", *TODAY)
    assert code == 0, err


def test_status_leaves_out_a_plan_it_cannot_read(capsys, sample: Path) -> None:
    """status said `[co-creation; due None, ends None]` and 'status: (none) in plan.yaml'."""
    break_plan(sample)
    code, out, _ = run(capsys, "status", "-C", sample, "--lang", "en", *TODAY)
    assert code == 0
    assert "None" not in out and "co-creation" not in out and "C415" not in out
    assert f"INVALID  {PLAN}:" in out and "LEFT OUT  plan 2026-2030:" in out
    assert "2023-2025" in out
    code, out, _ = run(capsys, "status", "-C", sample, "--lang", "es", *TODAY)
    assert f"NO VÁLIDO  {PLAN}:" in out and "OMITIDO  plan 2026-2030: su plan.yaml" in out
    code, out, err = run(capsys, "status", "-C", sample, "-f", "json", *TODAY)
    plans = {p["plan"]: p for p in json.loads(out)}
    assert plans["2026-2030"]["readable"] is False and "stage" not in plans["2026-2030"]
    assert plans["2026-2030"]["not-read"][0]["code"] == "R001"
    code, out, err = run(capsys, "deadlines", "-C", sample, "-f", "json", "--lang", "en",
                         *TODAY)
    assert code == 0 and {o["id"] for o in json.loads(out) if o["plan"] == "2026-2030"} \
        == {"milestone-due"}   # from the commitment files, which can be read
    assert "LEFT OUT  plan 2026-2030:" in err


def test_no_delivery_is_guessed_from_the_tag(capsys, tmp_path: Path) -> None:
    """C417 said plan.yaml 'records no delivery: write delivered: <the tag's day>' and the
    C418s 'delivered on <the tag's day>' when plan.yaml could not be read at all."""
    from ogpctl.base.vcs import tag_name
    from tests.conftest import SAMPLE

    record = committed_sample(SAMPLE, tmp_path / "record")
    git(record, "tag", "-a", tag_name("2026-2030"), "-m", "delivered")
    (record / "plans/2026-2030/commitments/06-participatory-budgeting-puerto-alegre.yaml"
     ).unlink()   # an amendment (C418) when plan.yaml can be read
    code, out, _ = run(capsys, "check", "-C", record, "--no-cache", "-f", "json", *TODAY)
    assert "C418" in {d["code"] for d in json.loads(out)["diagnostics"]}
    break_plan(record)
    code, out, _ = run(capsys, "check", "-C", record, "--no-cache", "-f", "json", *TODAY)
    codes = {d["code"] for d in json.loads(out)["diagnostics"]}
    assert "R001" in codes and not codes & {"C417", "C418"}, codes


def duplicate_key(record: Path) -> str:
    path = record / "plans/2026-2030/commitments/07-dup.yaml"
    path.write_bytes("\ufefftitle: x\ntitle: y\n".encode())
    return path.relative_to(record).as_posix()


def invalid_status(record: Path) -> str:
    path = record / "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: completed", "status: done", 1), encoding="utf-8")
    return path.relative_to(record).as_posix()


def invalid_window(record: Path) -> str:
    path = record / PLAN
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("window: june", "window: June").replace("length: 4",
                                                                         "length: 3"),
                    encoding="utf-8")
    return PLAN


def unknown_default(record: Path) -> str:
    path = record / "ogp.yaml"
    text = path.read_text(encoding="utf-8")
    assert "default: es" in text
    path.write_text(text.replace("default: es", "default: xx"), encoding="utf-8")
    return "ogp.yaml"


@pytest.mark.parametrize(("breaking", "code"), [
    (duplicate_key, "R004"), (invalid_status, "F103"), (invalid_window, "F103"),
    (unknown_default, "F103")])
def test_an_invalid_file_is_not_published(capsys, sample: Path, tmp_path: Path,
                                          breaking, code: str) -> None:
    """G12: a duplicate key was published as commitment '7. y', an invalid plan.yaml as 'in
    implementation' with no period, `status: done` as a milestone category 'done';
    `languages: {default: xx}` drew no finding at all."""
    file = breaking(sample)
    for name, (exit_code, err) in published(capsys, sample, tmp_path).items():
        assert exit_code == 1 and f"{file}:" in err and code in err, (name, err)
    exit_code, out, _ = run(capsys, "check", "-C", sample, "--no-cache", "-f", "json", *TODAY)
    assert any(d["file"] == file and d["code"] == code
               for d in json.loads(out)["diagnostics"])
    exit_code, out, _ = run(capsys, "status", "-C", sample, "--lang", "en", *TODAY)
    assert exit_code == 0 and f"INVALID  {file}:" in out and "None" not in out


def test_a_value_that_may_be_left_empty_is_never_said_none(capsys, sample: Path) -> None:
    """F103 said 'should be one of: green, amber, red, None'."""
    path = sample / "plans/2023-2025/self-assessment.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("rating: green", "rating: yellow",
                                                             1), encoding="utf-8")
    code, out, _ = run(capsys, "check", "-C", sample, "--no-cache", "-f", "json", *TODAY)
    [said] = [d["message"] for d in json.loads(out)["diagnostics"]
              if d["code"] == "F103" and "yellow" in d["message"]]
    assert said == '"rating" should be one of: green, amber, red, or left empty ' \
                   "(found 'yellow')"


def test_status_never_prints_none_for_dates_it_does_not_know(capsys, sample: Path) -> None:
    path = sample / PLAN
    path.write_text(path.read_text(encoding="utf-8").replace("window: june", "window:"),
                    encoding="utf-8")
    code, out, _ = run(capsys, "status", "-C", sample, "--lang", "en", *TODAY)
    assert code == 0 and "None" not in out and "due —, ends —" in out


def test_what_check_suppresses_does_not_stop_the_site(capsys, sample: Path,
                                                      tmp_path: Path) -> None:
    """The findings are check's own: a finding the record suppresses (ogp.yaml check.ignore)
    stops nothing, one it does not suppress stops the site."""
    path = sample / PLAN
    path.write_text(path.read_text(encoding="utf-8") + "notes: kept for the forum\n",
                    encoding="utf-8")
    argv = ("site", "-C", sample, "-o", tmp_path / "site", "--formats", "none",
            "--no-search", *TODAY)
    code, _, err = run(capsys, *argv)
    assert code == 1 and f"{PLAN}:" in err and "F102" in err
    ogp = sample / "ogp.yaml"
    ogp.write_text(ogp.read_text(encoding="utf-8") + "check:\n  ignore: [F102]\n",
                   encoding="utf-8")
    code, _, err = run(capsys, *argv)
    assert code == 0, err

"""What ogpctl gives the code forges, validated against the published schema of each
format or run as the forge would run it: SARIF 2.1.0 (GitHub code scanning), GitLab's Code
Quality report, the GitHub workflow and the .gitlab-ci.yml `ogpctl init` writes, and the
review step of that workflow run in a real repository."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from ogpctl.source.yaml import parse_yaml
from tests.conftest import ROOT, SAMPLE, run
from tests.gitrecord import git

SCHEMAS = Path(__file__).parent / "data" / "schemas"
TODAY = "2026-11-23"
COMMITMENT = "plans/2026-2030/commitments/03-climate-finance-transparency.yaml"


def broken_copy(folder: Path) -> Path:
    """The sample with an error on a line, a warning, and a whole-file finding (line 0)."""
    record = folder / "veridia"
    shutil.copytree(SAMPLE, record, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    path = record / COMMITMENT
    text = path.read_text(encoding="utf-8").replace("lead: ministry-of-environment\n",
                                                    "lead: ministry-of-climate\n")
    path.write_text(text.replace("    due: 2028-06-30\n", "    due: mid 2028\n"),
                    encoding="utf-8")
    (record / "plans/2026-2030/sections/introduction.md").unlink(missing_ok=True)
    return record


def check_output(capsys, monkeypatch, tmp_path: Path, fmt: str) -> tuple[int, str]:
    broken_copy(tmp_path)
    git(tmp_path, "init", "-q")
    monkeypatch.chdir(tmp_path)   # as in a CI checkout: paths from the repository's top
    code, out, err = run(capsys, "check", "veridia", "--format", fmt, "--today", TODAY,
                         "--no-cache")
    assert code in (0, 1), err
    return code, out


def test_sarif_is_valid_sarif_2_1_0(capsys, monkeypatch, tmp_path: Path) -> None:
    _, out = check_output(capsys, monkeypatch, tmp_path, "sarif")
    log = json.loads(out)
    schema = json.loads((SCHEMAS / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run_ = log["runs"][0]
    results, rules = run_["results"], run_["tool"]["driver"]["rules"]
    assert len(results) >= 2 and {"F110", "S240"} <= {r["ruleId"] for r in results}
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith("veridia/") and (tmp_path / uri).is_file()
    fingerprints = [r["partialFingerprints"]["ogpctlFinding/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_without_findings_is_valid(capsys, monkeypatch, tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "clean", ignore=shutil.ignore_patterns(".ogpctl-cache"))
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "clean", "-f", "sarif", "--today", TODAY, "--no-cache")
    schema = json.loads((SCHEMAS / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(out))
    assert code == 0 and json.loads(out)["runs"][0]["results"] == []


def test_code_quality_report_is_valid(capsys, monkeypatch, tmp_path: Path) -> None:
    _, out = check_output(capsys, monkeypatch, tmp_path, "gitlab")
    issues = json.loads(out)
    schema = json.loads((SCHEMAS / "gitlab-codequality.schema.json").read_text(
        encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(issues)
    assert {"F110", "S240"} <= {issue["check_name"] for issue in issues}
    assert len({issue["fingerprint"] for issue in issues}) == len(issues), "unique"
    severities = {issue["check_name"]: issue["severity"] for issue in issues}
    assert severities["F110"] == "major"


def test_code_quality_fingerprint_survives_moved_lines(capsys, monkeypatch,
                                                       tmp_path: Path) -> None:
    """GitLab compares the base's and the head's reports by fingerprint: a finding must
    keep its fingerprint when lines are added above it."""
    _, before = check_output(capsys, monkeypatch, tmp_path, "gitlab")
    path = tmp_path / "veridia" / COMMITMENT
    path.write_text("# a comment\n# another\n" + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    _, after, _ = run(capsys, "check", "veridia", "-f", "gitlab", "--today", TODAY,
                      "--no-cache")
    key = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in json.loads(before)}
    moved = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in json.loads(after)}
    assert key.keys() == moved.keys() and key != moved


# -- the CI files `ogpctl init` writes ------------------------------------------------------

def init_in(capsys, repository: Path, folder: str) -> Path:
    repository.mkdir(parents=True, exist_ok=True)
    if folder:
        git(repository, "init", "-q")
    record = repository / folder if folder else repository
    code, out, err = run(capsys, "init", record, "--country", "Testland", "--iso-code", "XT",
                         "--languages", "es,en", "--lead-agency", "Secretaría")
    assert code == 0, out + err
    return record


def validate_builtin(schema: str, path: Path) -> None:
    """check-jsonschema with the SchemaStore schema it ships (a test dependency)."""
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                           schema, str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("folder", ["", "ogp record"])
def test_ci_files_are_valid_for_their_forge(capsys, tmp_path: Path, folder: str) -> None:
    init_in(capsys, tmp_path, folder)
    github, gitlab = tmp_path / ".github/workflows/ogpctl.yml", tmp_path / ".gitlab-ci.yml"
    validate_builtin("vendor.github-workflows", github)
    validate_builtin("vendor.gitlab-ci", gitlab)
    at = "'ogp record'" if folder else "."
    workflow = parse_yaml(github.read_text(encoding="utf-8")).data
    steps = workflow["jobs"]["check"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    commands = [step.get("run", "") for step in steps]
    assert f"ogpctl check -C {at} --format github" in commands
    review = next(c for c in commands if c.startswith("ogpctl review"))
    assert f"-C {at}" in review and review.endswith('>> "$GITHUB_STEP_SUMMARY"')
    scanning = workflow["jobs"]["code-scanning"]
    assert "OGPCTL_SARIF" in scanning["if"]
    assert scanning["permissions"]["security-events"] == "write"
    assert workflow["permissions"] == {"contents": "read"}
    job = parse_yaml(gitlab.read_text(encoding="utf-8")).data["ogpctl"]
    assert job["variables"]["GIT_DEPTH"] == "0"
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert "ogpctl-review.md" in job["artifacts"]["paths"] and job["artifacts"]["expose_as"]
    assert any(f"ogpctl check -C {at} --format gitlab" in line for line in job["script"])


def test_the_workflow_review_step_runs_as_written(capsys, tmp_path: Path) -> None:
    """The review step of the GitHub workflow, run by bash in a repository made by
    `ogpctl init`, writes the review into the job summary and the preview folder."""
    record = init_in(capsys, tmp_path / "repo", "")
    git(record, "add", "-A")
    git(record, "commit", "-qm", "Record")
    base = git(record, "rev-parse", "HEAD").strip()
    (record / "ogp.yaml").write_text((record / "ogp.yaml").read_text(encoding="utf-8")
                                     .replace("member-since:", "member-since: 2016-05-01"),
                                     encoding="utf-8")
    git(record, "commit", "-qam", "Member since 2016")
    workflow = parse_yaml((record / ".github/workflows/ogpctl.yml").read_text()).data
    step = next(s for s in workflow["jobs"]["check"]["steps"]
                if str(s.get("run", "")).startswith("ogpctl review"))
    shim = tmp_path / "bin" / "ogpctl"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ogpctl "$@" --today {TODAY}\n')
    shim.chmod(0o755)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "PATH": f"{shim.parent}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(ROOT), "BASE": base, "GITHUB_STEP_SUMMARY": str(summary),
           "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "testland/ogp"}
    done = subprocess.run(["bash", "-eo", "pipefail", "-c", step["run"]], cwd=record,
                          env=env, capture_output=True, text=True)
    text = summary.read_text(encoding="utf-8")
    assert done.returncode in (0, 1), done.stderr
    assert text.startswith("# Revisión del cambio\n"), text   # the record's default: es
    assert "## Páginas del sitio web que el cambio toca" in text
    assert (record / "ogpctl-preview" / "index.html").is_file()
    assert json.loads((record / "ogpctl-review.json").read_text())["base"] == base
    assert re.search(r"https://github.com/testland/ogp/blob/[0-9a-f]{40}/ogp.yaml#L\d+", text)
    print(text)


@pytest.mark.parametrize("fmt", ["github", "sarif", "gitlab"])
def test_paths_are_the_repositorys_wherever_ogpctl_runs(capsys, monkeypatch, tmp_path: Path,
                                                        fmt: str) -> None:
    """F8: run from outside the repository, the paths read `../../../tmp/x/forum.yaml`,
    which no file of the repository is (SARIF's %SRCROOT% is the checkout). They are from
    the top of the record's git repository, and from the record's root outside git."""
    repository = tmp_path / "repository"
    repository.mkdir()
    record = broken_copy(repository)
    git(repository, "init", "-q")
    elsewhere = tmp_path / "elsewhere" / "deeper"
    elsewhere.mkdir(parents=True)
    monkeypatch.chdir(elsewhere)
    for target, wanted in ((record, "veridia/"), (repository, "veridia/")):
        paths = forge_paths(run(capsys, "check", "-C", target, "-f", fmt, "--today", TODAY,
                                "--no-cache")[1], fmt)
        assert paths and all(p.startswith(wanted) and (repository / p).exists()
                             or p.endswith("introduction.md") for p in paths), paths
    shutil.rmtree(repository / ".git")
    paths = forge_paths(run(capsys, "check", "-C", record, "-f", fmt, "--today", TODAY,
                            "--no-cache")[1], fmt)
    assert paths and all(not p.startswith(("veridia/", "..", "/")) for p in paths), paths
    assert "forum/forum.yaml" in paths or COMMITMENT in paths


def forge_paths(out: str, fmt: str) -> set[str]:
    if fmt == "github":
        return {line.split("file=", 1)[1].split(",", 1)[0].split("::", 1)[0]
                for line in out.splitlines() if "file=" in line}
    if fmt == "sarif":
        return {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in json.loads(out)["runs"][0]["results"]}
    return {issue["location"]["path"] for issue in json.loads(out)}

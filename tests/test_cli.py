"""The command-line contract: formats, exit codes, options, help for every command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run

COMMITMENT = "plans/2026-2030/commitments/03-climate-finance-transparency.yaml"


def _break_deadline(sample: Path) -> int:
    """Replace the first milestone deadline with "Fall 2027"; return its line."""
    target = sample / COMMITMENT
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("due:"))
    lines[index] = lines[index].split("due:")[0] + "due: Fall 2027\n"
    target.write_text("".join(lines), encoding="utf-8")
    return index + 1


def test_sample_country_is_clean(capsys) -> None:
    code, out, err = run(capsys, "check", ROOT / "sample-country", "--today", "2026-11-23",
                         "--no-cache", "--strict")
    assert code == 0, out
    assert "no problems found" in out


def test_sample_yaml_files_carry_the_schema_line() -> None:
    for path in (ROOT / "sample-country").rglob("*"):
        if path.suffix == ".yaml" or (path.suffix == ".md" and "meetings" in path.parts):
            text = path.read_text(encoding="utf-8")
            assert "# yaml-language-server: $schema=" in text.split("\n", 2)[0] + text.split(
                "\n", 2)[1], path


def test_text_format(sample: Path, capsys) -> None:
    line = _break_deadline(sample)
    code, out, _ = run(capsys, "check", sample, "--today", "2026-11-23", "--no-cache")
    assert code == 1
    assert COMMITMENT in out
    assert f"{line}:" in out and "S240" in out and "Fall 2027" in out
    assert "1 error" in out


def test_json_format_is_exactly_as_specified(sample: Path, capsys) -> None:
    line = _break_deadline(sample)
    code, out, _ = run(capsys, "check", sample, "--format", "json", "--today", "2026-11-23",
                       "--no-cache")
    document = json.loads(out)
    assert code == 1
    assert set(document) == {"diagnostics", "summary"}
    assert set(document["summary"]) == {"errors", "warnings", "files"}
    [item] = document["diagnostics"]
    assert set(item) == {"code", "severity", "message", "file", "line", "column", "handbook"}
    assert (item["code"], item["severity"], item["file"], item["line"]) == (
        "S240", "error", COMMITMENT, line)
    assert item["handbook"] == "3.2.a"


def test_github_format_paths_from_the_checkout(sample: Path, capsys, monkeypatch) -> None:
    line = _break_deadline(sample)
    subprocess.run(["git", "init", "-q", str(sample.parent)], check=True)   # the checkout
    monkeypatch.chdir(sample.parent)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")   # chosen automatically under Actions
    code, out, _ = run(capsys, "check", "sample-country", "--today", "2026-11-23", "--no-cache")
    assert code == 1
    assert out.startswith(f"::error file=sample-country/{COMMITMENT},line={line},col=")
    assert ",title=S240::" in out


def test_github_escapes_newlines_and_percent() -> None:
    from ogpctl.check.report import _data, _prop

    assert _data("50% done\nnext") == "50%25 done%0Anext"
    assert _prop("a,b:c") == "a%2Cb%3Ac"


def test_strict_fails_on_warnings(sample: Path, capsys) -> None:
    target = sample / COMMITMENT
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("values:", "x-note: a note\nvalues:", 1), encoding="utf-8")
    brief = "brief-description:"
    assert brief in text
    code, _, _ = run(capsys, "check", sample, "--today", "2026-11-23", "--no-cache",
                     "--for", "co-creation")
    assert code == 0
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("relevance:"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i] and not lines[i][0].isspace())
    target.write_text("\n".join(lines[:start] + lines[end:]) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", sample, "--today", "2026-11-23", "--no-cache",
                       "--for", "co-creation")
    assert code == 0 and "S231" in out and "warning" in out
    code, _, _ = run(capsys, "check", sample, "--today", "2026-11-23", "--no-cache",
                     "--for", "co-creation", "--strict")
    assert code == 1
    code, _, _ = run(capsys, "check", sample, "--today", "2026-11-23", "--no-cache",
                     "--for", "submission")
    assert code == 0   # the handbook says "should": a warning at every stage (docs/rules.md)


def test_plan_option(sample: Path, capsys) -> None:
    _break_deadline(sample)
    code, out, _ = run(capsys, "check", sample, "--plan", "2023-2025", "--today", "2026-11-23",
                       "--no-cache")
    assert code == 0, out
    code, _, err = run(capsys, "check", sample, "--plan", "1999-2001", "--no-cache")
    assert code == 2 and "no plan" in err


def test_any_path_inside_the_record(sample: Path, capsys) -> None:
    code, out, _ = run(capsys, "check", sample / COMMITMENT, "--today", "2026-11-23",
                       "--no-cache")
    assert code == 0, out


@pytest.mark.parametrize("args,needle", [
    (["check", "/nonexistent/record"], "no such file"),
    (["check", "--today", "2026-02-30", "."], "not a date"),
    (["check", "--format", "xml", "."], "xml"),
    (["explain", "Z999"], "unknown rule code"),
    (["frobnicate"], "No such command"),
])
def test_usage_errors_exit_2_in_one_line(capsys, args, needle, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *args)
    assert code == 2
    assert needle in err
    assert "Traceback" not in out + err


@pytest.mark.parametrize("command", ["check", "status"])
def test_a_path_no_file_can_have_is_not_a_record(tmp_path: Path, capsys, command: str) -> None:
    """A name too long for the system, and a folder below a loop of symbolic links: one
    line and exit code 2 (both were internal errors, exit code 3)."""
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    for path in ("x" * 5000, str(tmp_path / "a" / "record")):
        code, out, err = run(capsys, command, "-C", path, "--today", "2026-11-23")
        assert code == 2 and err.startswith("ogpctl: ") and err.count("\n") == 1, err[-300:]
        assert "Traceback" not in out + err


def test_not_a_record(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "check", tmp_path)
    assert code == 2 and "not inside a country record" in err


def test_internal_error_exit_3(monkeypatch, capsys, sample: Path) -> None:
    import ogpctl.check.run

    def boom(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(ogpctl.check.run, "check", boom)
    code, _, err = run(capsys, "check", sample)
    assert code == 3
    assert "Traceback" in err and "internal error" in err


def test_rules_and_explain(capsys) -> None:
    from ogpctl.rules import catalogue

    code, out, _ = run(capsys, "rules", "--format", "json")
    listed = json.loads(out)
    assert code == 0 and {r["code"] for r in listed} == set(catalogue())
    for item in catalogue().values():
        assert item.summary, item.code   # format and integrity rules cite no section
        code, out, _ = run(capsys, "explain", item.code.lower())
        assert code == 0 and item.code in out and \
            f"Handbook section: {item.handbook or 'none'}" in out


def test_rules_with_examples_have_both() -> None:
    from ogpctl.rules import catalogue

    for item in catalogue().values():
        assert bool(item.fails) == bool(item.passes), item.code


def commands() -> list[str]:
    """Every command the CLI has, sub-commands of groups as "group sub"."""
    import typer.main

    from ogpctl.cli import app

    found = []
    for name, command in sorted(typer.main.get_command(app).commands.items()):
        subs = getattr(command, "commands", None)
        found += [f"{name} {sub}" for sub in sorted(subs)] if subs else [name]
    return found


def test_the_command_list_is_complete() -> None:
    assert {"check", "rules", "explain", "deadlines", "init", "new-plan", "new-commitment",
            "render", "status", "diff", "tag-submission", "progress add", "progress export",
            "progress import",
            "import contributions", "translate export", "translate import"} <= set(commands())


@pytest.mark.parametrize("command", commands())
def test_every_command_has_help_and_is_in_the_readme(capsys, command: str) -> None:
    code, out, _ = run(capsys, *command.split(), "--help")
    assert code == 0 and "Usage:" in out
    assert f"ogpctl {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_dash_m_and_version() -> None:
    done = subprocess.run([sys.executable, "-m", "ogpctl", "--version"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("ogpctl ")


def test_output_is_deterministic(sample: Path, capsys) -> None:
    _break_deadline(sample)
    outputs = {run(capsys, "check", sample, "-f", "json", "--today", "2026-11-23")[1]
               for _ in range(3)}   # cold, cached, cached
    outputs.add(run(capsys, "check", sample, "-f", "json", "--today", "2026-11-23",
                    "--no-cache", "--jobs", "1")[1])
    assert len(outputs) == 1


def test_cache_notices_changes(sample: Path, capsys) -> None:
    assert run(capsys, "check", sample, "--today", "2026-11-23")[0] == 0
    _break_deadline(sample)
    assert run(capsys, "check", sample, "--today", "2026-11-23")[0] == 1


def test_rule_reference_is_up_to_date(capsys) -> None:
    code, out, _ = run(capsys, "rules", "--format", "markdown")
    assert code == 0
    assert out == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8"), \
        "regenerate with: ogpctl rules --format markdown > docs/rules.md"


def test_the_cache_is_keyed_by_ogpctl_code(tmp_path: Path) -> None:
    """A rule changed within one version never answers from an old entry: the cache's salt
    covers every module of the package, not only the version and the schemas."""
    import shutil

    from ogpctl.base.cache import salt_of
    from tests.conftest import ROOT

    package = tmp_path / "ogpctl"
    shutil.copytree(ROOT / "ogpctl", package, ignore=shutil.ignore_patterns("__pycache__"))
    schemas = ROOT / "schemas"
    before = salt_of(package, schemas)
    assert salt_of(package, schemas) == before
    rule = package / "rules" / "smart.py"
    rule.write_text(rule.read_text(encoding="utf-8").replace("Relevant:", "Relevant -"),
                    encoding="utf-8")
    assert salt_of(package, schemas) != before


def test_commands_in_one_process_build_the_command_line_once(
        capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """A caller running many commands in one process (the tests, the demo) does not pay
    typer's ~10 ms of building every command's options again on each call."""
    import typer.main

    assert run(capsys, "--version")[0] == 0
    built = []
    build = typer.main.get_command
    monkeypatch.setattr(typer.main, "get_command", lambda app: built.append(app) or build(app))
    assert run(capsys, "--version")[0] == 0 and run(capsys, "explain", "S240")[0] == 0
    assert built == []

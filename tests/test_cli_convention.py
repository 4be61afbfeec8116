"""One command-line convention, declared once (issue 13): every command finds the record
with -C/--record, reads --today, --lang, --format and --out the same way, takes choices as
choices and sub-commands as words; old spellings work for a release with a note; document
formats have one registry of writers; docs/cli.md is generated and kept true."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SAMPLE, run

TODAY = "2026-11-23"


def parameters() -> Iterator[tuple[str, Any]]:
    """(command path, click parameter) for every parameter of every command."""
    import typer.main

    from ogpctl.cli import app

    def walk(command: Any, path: str) -> Iterator[tuple[str, Any]]:
        for param in command.params:
            yield path, param
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, f"{path} {name}")

    yield from walk(typer.main.get_command(app), "ogpctl")


def options_named(name: str) -> list[tuple[str, Any]]:
    return [(path, p) for path, p in parameters() if name in getattr(p, "opts", ())]


# -- declared once ---------------------------------------------------------------------------

def test_the_record_is_always_dash_c() -> None:
    found = options_named("--record")
    assert len(found) >= 15
    for path, param in found:
        assert set(param.opts) == {"--record", "-C"} and param.metavar == "PATH", path
        assert param.help.startswith(("The record, or any path", "A record (or any path")), path
    # no visible positional path: the old ones are hidden
    for path, param in parameters():
        if param.param_type_name == "argument" and param.name in ("old", "path", "paths"):
            assert param.hidden, path


def test_every_command_that_reads_a_record_takes_dash_c() -> None:
    from tests.test_cli import commands

    takes = {path for path, _ in options_named("--record")}
    without = {f"ogpctl {name}" for name in commands()} - takes
    assert without == {"ogpctl rules", "ogpctl explain", "ogpctl init"}


@pytest.mark.parametrize("name,short,metavar", [("--today", None, "YYYY-MM-DD"),
                                                 ("--lang", "-l", None),
                                                 ("--format", "-f", None),
                                                 ("--out", "-o", "PATH")])
def test_shared_options_are_one_declaration(name: str, short: str | None,
                                            metavar: str | None) -> None:
    found = options_named(name)
    assert found
    for path, param in found:
        assert short is None or short in param.opts, path
        assert metavar is None or param.metavar == metavar, path
    if name == "--today":   # one help, one parser
        assert len({(p.help, p.type.func) for _, p in found}) == 1
    if name == "--format":  # the choices are listed in help and enforced
        assert all(p.metavar.startswith("[") and "|" in p.metavar for _, p in found)


def test_no_command_module_defines_its_own_enum() -> None:
    for module in (ROOT / "ogpctl" / "cli").glob("*.py"):
        assert "(str, Enum)" not in module.read_text(encoding="utf-8"), module.name


def test_today_option_reads_source_date_epoch(capsys, monkeypatch) -> None:
    epoch = int(datetime(2026, 11, 23, 12, tzinfo=UTC).timestamp())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    code, out, _ = run(capsys, "status", "-C", SAMPLE, "--lang", "en")
    assert code == 0 and out.rstrip().endswith("as of 2026-11-23")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    code, _, err = run(capsys, "status", "-C", SAMPLE)
    assert code == 2 and err == "ogpctl: SOURCE_DATE_EPOCH='soon' is not a number of seconds\n"


# -- usage errors ----------------------------------------------------------------------------

@pytest.mark.parametrize("args,needle", [
    (["new-plan", "--window", "july"], "'july': choose from june, december"),
    (["check", "--format", "xml"], "'xml': choose from text, json, github, sarif, gitlab"),
    (["status", "--today", "2026-02-30"], "'2026-02-30' is not a date written YYYY-MM-DD"),
    (["progress", "add", "2026-2030"], "Missing argument 'COMMITMENT.MILESTONE'"),
    (["render", "plan"], "'plan': choose from action-plan, commitment"),
    (["deadlines", "--lang", "es es"], "'es es' is not a language code"),
    (["frobnicate"], "No such command 'frobnicate'"),
])
def test_a_usage_error_is_one_line(capsys, args: list[str], needle: str) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith("ogpctl: ") and needle in err and len(err.splitlines()) == 1, err


# -- old spellings ---------------------------------------------------------------------------

@pytest.mark.parametrize("command,extra", [("status", ["--today", TODAY]),
                                          ("deadlines", ["--today", TODAY, "-f", "json"]),
                                          ("index", ["-f", "json"]),
                                          ("check", ["--today", TODAY, "--no-cache"])])
def test_the_old_positional_path_works_with_a_note(capsys, sample: Path, command: str,
                                                  extra: list[str]) -> None:
    new = run(capsys, command, "-C", sample, *extra)
    old = run(capsys, command, sample, *extra)
    assert new[0] == old[0] == 0 and new[1] == old[1] and new[2] == ""
    assert old[2] == (f"ogpctl: note: `ogpctl {command} PATH` is deprecated and will stop "
                      f"working in a later release; write `ogpctl {command} -C PATH`\n")


def test_the_record_is_given_once(capsys, sample: Path) -> None:
    code, _, err = run(capsys, "status", sample, "-C", sample / "plans")
    assert code == 2 and "give the record once" in err


def test_progress_is_sub_commands_and_the_old_spelling_still_adds(capsys, sample: Path
                                                                   ) -> None:
    update = ["--status", "completed", "--note", "Pilot finished", "--date", "2026-11-30",
              "--today", "2026-12-02"]
    code, out, err = run(capsys, "progress", "2026-2030", "1.2", "-C", sample, *update)
    assert code == 0 and "milestone 1.2 completed on 2026-11-30" in out
    assert "write `ogpctl progress add PLAN MILESTONE`" in err and len(err.splitlines()) == 1
    code, out, err = run(capsys, "progress", "add", "2026-2030", "2.1", "-C", sample, *update)
    assert code == 0 and err == ""
    code, out, _ = run(capsys, "progress", "export", "-C", sample, "--plan", "2026-2030")
    assert code == 0 and "2026-2030,1.2," in out.replace('"', "")


def test_progress_status_is_one_the_schema_allows(capsys, sample: Path) -> None:
    from ogpctl.cli.progress import STATUSES

    schema = json.loads((ROOT / "schemas" / "common.schema.json").read_text(encoding="utf-8"))
    assert STATUSES == tuple(schema["$defs"]["milestone-status"]["enum"])
    code, _, err = run(capsys, "progress", "add", "2026-2030", "1.2", "-C", sample,
                       "--status", "done", "--note", "x")
    assert code == 2 and "choose from not-started, in-progress, completed, withdrawn" in err


# -- one registry of document writers --------------------------------------------------------

def test_render_and_site_write_through_one_registry(capsys, monkeypatch, tmp_path: Path
                                                     ) -> None:
    from ogpctl.record.load import load_record
    from ogpctl.render import formats
    from ogpctl.render.formats import WRITERS, Format
    from ogpctl.site.documents import planned, render_documents

    assert set(WRITERS) == set(Format)
    monkeypatch.setitem(WRITERS, Format.md, lambda doc, today: f"<{doc.title}>".encode())
    code, out, _ = run(capsys, "render", "action-plan", "-C", SAMPLE, "--plan", "2026-2030",
                       "--lang", "en", "-f", "md", "-o", "-", "--today", TODAY)
    assert code == 0 and out.startswith("<") and out.endswith(">")
    record = load_record(SAMPLE)
    day = datetime(2026, 11, 23).date()
    downloads = [d for d in planned(record, (Format.md,), day) if d.commitment is None][:1]
    [data] = render_documents(record, downloads, day).values()
    assert data.startswith(b"<") and data.endswith(b">")
    with pytest.raises(ValueError, match="unknown document format 'odt'"):
        formats.write(object(), "odt", datetime(2026, 11, 23).date())  # type: ignore[arg-type]


# -- start-up and the reference --------------------------------------------------------------

def test_help_loads_no_core_module() -> None:
    """`ogpctl --help` stays fast: the command line imports the core only when a command
    runs (the render formats' light module is the one exception)."""
    code = ("import sys, ogpctl.cli; print('\\n'.join(m for m in sys.modules "
            "if m.startswith(('ogpctl.', 'rich', 'jinja2', 'ruamel', 'docx'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    loaded = {name for name in done.stdout.split() if not name.startswith("ogpctl.cli")}
    assert loaded <= {"ogpctl.base", "ogpctl.base.errors", "ogpctl.render",
                      "ogpctl.render.formats"}, loaded


def test_cli_reference_is_up_to_date() -> None:
    from ogpctl.cli.reference import markdown

    assert markdown() == (ROOT / "docs" / "cli.md").read_text(encoding="utf-8"), \
        "regenerate with: python -m ogpctl.cli.reference > docs/cli.md"


def test_the_reference_names_every_command_and_option_with_help() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for path, param in parameters():
        if getattr(param, "hidden", False) or param.name in ("help",):
            continue
        assert f"## `{path}`" in text, path
        assert param.help, (path, param.name)


@pytest.mark.parametrize("command", [
    ("site", "--formats", "none", "--no-search"),
    ("render", "action-plan", "--plan", "2026-2030", "-f", "md"),
    ("index",),
])
def test_no_output_goes_into_the_records_own_folders(capsys, sample: Path, command) -> None:
    """A website built into plans/<plan>/evidence/process/www counted as 86 evidence files of
    the co-creation process (requirement 2.2 and the repository index inflated)."""
    folder = sample / "plans/2026-2030/evidence/process/www"
    out = folder / "INDEX.md" if command[0] == "index" else folder
    dated = () if command[0] == "index" else ("--today", "2026-12-02")
    code, _, err = run(capsys, *command, "-C", sample, "--out", out, *dated)
    assert code == 2 and "inside the record's plans/ folder" in err
    assert not folder.exists()


def test_the_readme_names_every_command_that_reads_dash_o() -> None:
    """newuser6 K17: the README said every command reads `-o/--out`, and `deadlines` had
    none ("No such option: -o"). The commands it names are exactly those that take it."""
    import re

    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    said = re.search(r"every command that writes a file or a folder \(([^)]*)\) reads "
                     r"`-o/--out`", text)
    assert said, "the README no longer says which commands read -o/--out"
    named = {f"ogpctl {name}" for name in re.findall(r"`([a-z -]+)`", said[1])}
    takes = {path for path, param in options_named("--out")}
    assert named == takes
    for path, param in options_named("--out"):
        assert set(param.opts) == {"--out", "-o"} and param.metavar == "PATH", path


def test_deadlines_writes_its_file_as_the_others_do(capsys, tmp_path: Path) -> None:
    """`deadlines -o FILE`: written through the one safe writer (never over a file ogpctl
    did not write, never into the record's folders), `-` printing."""
    out = tmp_path / "ogp.ics"
    code, stdout, err = run(capsys, "deadlines", "-C", SAMPLE, "--today", TODAY, "-f", "ics",
                            "-o", out)
    assert code == 0 and out.read_bytes().startswith(b"BEGIN:VCALENDAR"), err
    assert f"wrote  {out}" in stdout
    code, printed, _ = run(capsys, "deadlines", "-C", SAMPLE, "--today", TODAY, "-f", "ics",
                           "-o", "-")
    assert code == 0 and printed.encode("utf-8") == out.read_bytes()
    mine = tmp_path / "notes.json"
    mine.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "deadlines", "-C", SAMPLE, "--today", TODAY, "-f", "json",
                       "-o", mine)
    assert code != 0 and mine.read_text(encoding="utf-8") == "mine" and "--force" in err
    code, _, err = run(capsys, "deadlines", "-C", SAMPLE, "--today", TODAY, "-f", "json",
                       "-o", mine, "--force")
    assert code == 0 and json.loads(mine.read_text(encoding="utf-8"))[0]["plan"]
    code, _, err = run(capsys, "deadlines", "-C", SAMPLE, "--today", TODAY,
                       "-o", SAMPLE / "plans" / "deadlines.txt")
    assert code == 2 and "inside the record's plans/ folder" in err
    text = tmp_path / "deadlines.txt"
    code, _, _ = run(capsys, "deadlines", "-C", SAMPLE, "--today", TODAY, "-o", text)
    lines = text.read_text(encoding="utf-8").splitlines()
    assert code == 0 and lines[0].startswith("plan ") and lines == [x.rstrip() for x in lines]


def test_summaries_count_in_the_singular_and_the_plural() -> None:
    """newuser6 K17: `import plan` said "1 files created". Every count a command's summary
    gives goes through `counted`: no f-string puts a computed number before a plural noun,
    nor writes "file(s)"."""
    import re

    from ogpctl.cli.options import counted

    assert counted(1, "file") == "1 file" and counted(2, "file") == "2 files"
    assert counted(0, "entry", "entries") == "0 entries" and counted(1, "entry") == "1 entry"
    naive = re.compile(r"\{(len\([^{}]*\)|[a-z_.]*count|pages|written|number)\} [a-z]+s\b"
                       r"|(?<!http)\(s\) ")
    found = [f"{path.name}:{number}: {line.strip()}"
             for path in sorted((ROOT / "ogpctl" / "cli").glob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if naive.search(line)]
    assert found == []

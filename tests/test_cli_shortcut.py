"""`ogpctl check` without Typer (issue 16): the shortcut reads a command line only when it
reads it as click does, answers exactly as the Typer command would, and leaves everything
else (help, usage errors, old spellings) to the Typer command."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE

TODAY = "2026-11-23"


def both_ways(capsys: pytest.CaptureFixture[str], args: list[str]) -> list[tuple[int, str, str]]:
    """(exit code, stdout, stderr) of `ogpctl ARGS` through the shortcut, then through Typer."""
    from ogpctl.cli import commands, main

    found = []
    for run in (main, commands.main):
        code = run(args)
        out = capsys.readouterr()
        found.append((code, out.out, out.err))
    return found


def test_the_shortcut_reads_the_options_the_command_declares() -> None:
    """One list of spellings for the shortcut, one declaration for Typer: held together."""
    import typer.main

    from ogpctl.cli import app
    from ogpctl.cli.checking import FLAGS, OPTIONS, REPEATED

    command = typer.main.get_command(app).commands["check"]
    declared: dict[str, str] = {}
    for param in command.params:
        if param.param_type_name != "option":
            assert param.hidden, param.name   # the old positional spelling only
            continue
        declared.update(dict.fromkeys(param.opts, param.name))
        assert (param.name in FLAGS) == param.is_flag, param.name
        assert (param.name == REPEATED) == param.multiple, param.name
    assert declared == OPTIONS


@pytest.mark.parametrize("options", [
    ["--today", TODAY, "--no-cache"],
    ["--today", TODAY],
    ["--today=" + TODAY, "-f", "json", "--no-cache"],
    ["--today", "2031-01-01", "--format=github", "--strict", "-j", "1"],
    ["--today", TODAY, "--for", "submission", "-f", "sarif", "--plan", "2026-2030"],
    ["--today", TODAY, "-f", "gitlab", "--jobs=0", "--no-cache"],
    ["--today", TODAY, "--plan", "1999-2001"],            # a usage error the core finds
    ["--today", "2026-02-30"],                           # refused by Typer: same message
    ["--today", TODAY, "--for", "later"],
    ["--today", TODAY, "-j", "-1"],
    ["--today", TODAY, "--help"],
])
def test_the_shortcut_answers_as_typer_does(capsys: pytest.CaptureFixture[str], sample: Path,
                                            options: list[str]) -> None:
    shortcut, typer = both_ways(capsys, ["check", "-C", str(sample), *options])
    assert shortcut == typer


def test_a_warning_of_the_core_is_one_line_both_ways(capsys: pytest.CaptureFixture[str],
                                                     sample: Path, monkeypatch) -> None:
    import warnings

    import ogpctl.check.run
    from ogpctl.base.errors import OgpctlWarning

    real = ogpctl.check.run.check

    def warning_check(*args: object, **kwargs: object) -> object:
        warnings.warn("no font has Georgian letters", OgpctlWarning, stacklevel=1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ogpctl.check.run, "check", warning_check)
    shortcut, typer = both_ways(capsys, ["check", "-C", str(sample), "--today", TODAY])
    assert shortcut == typer
    assert shortcut[2] == "  warning  no font has Georgian letters\n"


def test_several_records_and_a_missing_one(capsys: pytest.CaptureFixture[str], sample: Path,
                                           tmp_path: Path) -> None:
    twice = ["check", "--record", str(sample), "-C", str(sample), "--today", TODAY]
    assert both_ways(capsys, twice)[0] == both_ways(capsys, twice)[1]
    missing = ["check", "-C", str(tmp_path / "nowhere"), "--today", TODAY]
    shortcut, typer = both_ways(capsys, missing)
    assert shortcut == typer and shortcut[0] == 2 and shortcut[2].startswith("ogpctl: ")


@pytest.mark.parametrize("epoch", ["1795392000", "soon"])
def test_today_from_source_date_epoch(capsys: pytest.CaptureFixture[str], sample: Path,
                                      monkeypatch: pytest.MonkeyPatch, epoch: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    shortcut, typer = both_ways(capsys, ["check", "-C", str(sample), "-f", "json"])
    assert shortcut == typer
    assert (shortcut[0] == 2) == (epoch == "soon")


@pytest.mark.parametrize("args", [
    [], ["status"], ["--version", "check"], ["check", "-h"], ["check", "--help"],
    ["check", "sample-country"],              # the old positional spelling: its note
    ["check", "--", "-C", "x"], ["check", "-Cx"], ["check", "-C=x"], ["check", "-C"],
    ["check", "--record="], ["check", "-C", "-x"], ["check", "--strict=yes"],
    ["check", "--plan", "a", "--plan", "b"], ["check", "--today", "23/11/2026"],
    ["check", "-f", "xml"], ["check", "--jobs", "٣"], ["check", "--jobs", "+1"],
    ["check", "--fast"], ["check", "--rec", "x"], ["check", "-C", "a\0b"],
])
def test_anything_unusual_is_left_to_typer(args: list[str]) -> None:
    from ogpctl.cli.checking import shortcut

    assert shortcut(args) is None


def test_an_unreadable_record_path_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Typer refuses a path that exists and cannot be read (with its own message)."""
    import os

    from ogpctl.cli.checking import shortcut

    assert shortcut(["check", "-C", str(SAMPLE)]) is not None
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert shortcut(["check", "-C", str(SAMPLE)]) is None


def test_a_completion_request_is_left_to_typer(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Typer answers a shell's completion request (here: that it has none) before any
    command runs."""
    from ogpctl.cli.checking import shortcut

    monkeypatch.setenv("_OGPCTL_COMPLETE", "bash_complete")
    assert shortcut(["check", "-C", str(SAMPLE)]) is None


def test_an_ascii_terminal_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Typer writes UTF-8 to a stream that claims ASCII (a misconfigured locale)."""
    import io

    from ogpctl.cli.checking import shortcut

    ascii_out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", ascii_out)
    assert shortcut(["check", "-C", str(SAMPLE)]) is None


def test_echo_removes_escape_sequences_where_typer_does(monkeypatch) -> None:
    """Record text reaches the output: a pipe gets no escape sequence, a terminal keeps
    them (the text report escapes them itself), as with typer.echo."""
    import io

    import typer

    from ogpctl.cli.plain import echo

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream in (io.StringIO(), Terminal()):
        written = []
        for write in (echo, typer.echo):
            stream.seek(0)
            stream.truncate()
            monkeypatch.setattr(sys, "stdout", stream)
            write("a \x1b[31mred\x1b[0m title", nl=False)
            written.append(stream.getvalue())
        assert written[0] == written[1]
    assert written[0] == "a \x1b[31mred\x1b[0m title"


def test_a_plain_check_imports_no_typer() -> None:
    """Typer and click are a third of a small check's time: the shortcut needs neither."""
    code = ("import sys\nfrom ogpctl.cli import main\n"
            f"code = main(['check', '-C', {str(SAMPLE)!r}, '--no-cache', '--today', {TODAY!r}])\n"
            "print(code, sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'click'}),"
            " file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    assert "no problems found" in done.stdout
    assert done.stderr.strip() == "0 []", done.stderr


def test_how_a_command_ends(capsys: pytest.CaptureFixture[str]) -> None:
    """The endings click handles inside a command on the Typer path, the same without it."""
    from ogpctl.base.errors import UsageError
    from ogpctl.cli.plain import guarded

    def raising(error: BaseException) -> int:
        raise error

    assert guarded(lambda: raising(KeyboardInterrupt())) == 130
    assert guarded(lambda: raising(UsageError("no such plan"))) == 2
    assert capsys.readouterr().err == "ogpctl: no such plan\n"
    assert guarded(lambda: raising(EOFError())) == 2
    assert capsys.readouterr().err == "\nogpctl: aborted\n"
    assert guarded(lambda: raising(ZeroDivisionError("x"))) == 3
    assert "internal error (a bug)" in capsys.readouterr().err
    stdout, stderr = sys.stdout, sys.stderr
    try:
        with pytest.raises(SystemExit) as ended:
            guarded(lambda: raising(BrokenPipeError(errno.EPIPE, "Broken pipe")))
        assert ended.value.code == 1
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`ogpctl check | head -1`: exit code 1 when the reader leaves early, no traceback."""
    script = ("import os, sys\nr, w = os.pipe()\nos.close(r)\nos.dup2(w, 1)\n"
              "sys.stdout = open(1, 'w', encoding='utf-8', closefd=False)\n"
              "from ogpctl.cli import main\n"
              f"sys.exit(main(['check', '-C', {str(SAMPLE)!r}, '--no-cache', '--today', "
              f"{TODAY!r}, '-f', 'json']))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr

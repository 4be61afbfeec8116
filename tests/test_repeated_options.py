"""An option that takes one value, given twice, is a usage error on every command: the last
one silently winning read `status -C A -C B` as B alone, `deadlines --lang fr --lang ar` as
Arabic (a new user's report). `ogpctl.cli.application.Command` is the one place."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import SAMPLE, run


def _commands() -> Iterator[tuple[list[str], Any]]:
    import typer.main

    from ogpctl.cli.commands import app

    def walk(command: Any, path: list[str]) -> Iterator[tuple[list[str], Any]]:
        subs = getattr(command, "commands", None)
        if subs is None:
            yield path, command
            return
        for name, sub in sorted(subs.items()):
            yield from walk(sub, [*path, name])

    yield from walk(typer.main.get_command(app), [])


def _single_value_options() -> list[tuple[list[str], str]]:
    found = []
    for path, command in _commands():
        for param in command.params:
            if param.param_type_name == "option" and not param.multiple \
                    and not param.is_flag and not param.count:
                found.append((path, max(param.opts, key=len)))
    return found


@pytest.mark.parametrize(("path", "option"), _single_value_options(),
                         ids=lambda v: " ".join(v) if isinstance(v, list) else v)
def test_an_option_of_one_value_given_twice_is_a_usage_error(capsys, path: list[str],
                                                             option: str) -> None:
    code, out, err = run(capsys, *path, option, "x", option, "y")
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "given more than once" in err and option in err


def test_status_with_two_records_names_the_mistake(capsys, tmp_path) -> None:
    code, out, err = run(capsys, "status", "-C", SAMPLE, "-C", tmp_path, "--today",
                         "2026-12-04")
    assert (code, out) == (2, "") and err.startswith("ogpctl: --record/-C is given more")


def test_repeatable_options_stay_repeatable(capsys, sample) -> None:
    """check takes several records; flags may be repeated."""
    code, _out, err = run(capsys, "check", "-C", sample, "-C", sample, "--no-cache",
                          "--no-cache", "--today", "2026-12-04", "-f", "json")
    assert "more than once" not in err and code in (0, 1)

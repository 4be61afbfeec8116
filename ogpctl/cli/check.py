"""`ogpctl check`."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ogpctl.cli.app import Command, app
from ogpctl.cli.options import (
    OldPaths,
    Records,
    Today,
    choice,
    format_option,
    metavar,
    plan_option,
)

if TYPE_CHECKING:
    from ogpctl.check.run import CheckResult

FORMATS = ("text", "json", "github", "sarif", "gitlab")
#: The stages `--for` judges a plan at.
STAGES = ("co-creation", "submission", "implementation", "end-of-term")


@app.command(cls=Command)
def check(
    old: OldPaths = None,
    *,
    records: Records = None,
    format: str | None = format_option(
        FORMATS, None, "text (default), json, github (annotations; the default inside GitHub "
                       "Actions), sarif (SARIF 2.1.0 for code scanning) or gitlab (GitLab's "
                       "Code Quality report)."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit code 1), and "
                                "a suppression that suppresses nothing is reported (F121)."),
    plan: str | None = plan_option("Report only this plan's files."),
    for_: str | None = typer.Option(
        None, "--for", metavar=metavar(STAGES), parser=choice(STAGES),
        help="Judge every plan as at this stage (e.g. submission) instead of the stage its "
             "status gives."),
    today: Today,
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write "
                                                            ".ogpctl-cache/."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, metavar="N",
                             help="Worker processes (0: one a core)."),
) -> int:
    """Check records against the OGP rules (schemas, SMART commitments, languages...).

    Exit code 0 when there are no errors, 1 when there are (or warnings with --strict),
    2 for a usage error or a path that is not a record.
    """
    from ogpctl.check.run import CheckOptions
    from ogpctl.check.run import check as run_check
    from ogpctl.record.model import Stage

    options = CheckOptions(today=today, plan=plan, use_cache=not no_cache, jobs=jobs,
                           stage=Stage.parse(for_) if for_ else None, strict=strict)
    result = run_check(_paths(records, old), options)
    chosen = format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if chosen == "text" and _plain_stdout():
        from ogpctl.check.report import to_text

        typer.echo(to_text(result), nl=False)    # a pipe or a file: no need to load rich
    elif chosen == "text":
        from ogpctl.cli.present import print_check

        print_check(result)
    else:
        typer.echo(_report(chosen)(result), nl=False)
    return result.exit_code(strict)


def _plain_stdout() -> bool:
    """Whether standard output takes no colours: not a terminal, and rich not told to
    colour anyway (its FORCE_COLOR and TTY_COMPATIBLE)."""
    import sys

    isatty = getattr(sys.stdout, "isatty", None)
    return not (isatty and isatty()) and not os.environ.get("FORCE_COLOR") \
        and not os.environ.get("TTY_COMPATIBLE")


def _paths(records: list[Path] | None, old: list[Path] | None) -> list[Path]:
    from ogpctl.base.errors import UsageError
    from ogpctl.cli.options import deprecated

    if old:
        if records:
            raise UsageError("give the records once, each with -C")
        deprecated("ogpctl check PATH", "ogpctl check -C PATH")
        return old
    return records or [Path.cwd()]


def _report(name: str) -> Callable[[CheckResult], str]:
    """The machine format's writer, by name (imported when chosen)."""
    if name in ("json", "github"):
        from ogpctl.check import report

        return report.to_json if name == "json" else report.to_github
    from ogpctl.check import forges

    return forges.to_sarif if name == "sarif" else forges.to_codequality

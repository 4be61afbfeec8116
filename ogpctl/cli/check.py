"""`ogpctl check`."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path

import typer

from ogpctl.cli import app


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    gitlab = "gitlab"


class For(str, Enum):
    co_creation = "co-creation"
    submission = "submission"
    implementation = "implementation"
    end_of_term = "end-of-term"


@app.command()
def check(
    paths: list[Path] | None = typer.Argument(
        None, help="A record (or any path inside one), or a folder holding several records. "
                   "Default: the current folder."),
    format: Format | None = typer.Option(
        None, "--format", "-f", help="text (default), json, github (annotations; the default "
                                     "inside GitHub Actions), sarif (SARIF 2.1.0 for code "
                                     "scanning) or gitlab (GitLab's Code Quality report)."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit code 1), and "
                                "a suppression that suppresses nothing is reported (F121)."),
    plan: str | None = typer.Option(None, "--plan", help="Report only this plan's files."),
    for_: For | None = typer.Option(
        None, "--for", help="Judge every plan as at this stage (e.g. submission) instead of "
                            "the stage its status gives."),
    today: str | None = typer.Option(
        None, "--today", help="Take this date (YYYY-MM-DD) as today; default "
                              "SOURCE_DATE_EPOCH or the real date."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write "
                                                            ".ogpctl-cache/."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (0: one a core)."),
) -> int:
    """Check records against the OGP rules (schemas, SMART commitments, languages...).

    Exit code 0 when there are no errors, 1 when there are (or warnings with --strict),
    2 for a usage error or a path that is not a record.
    """
    from ogpctl.check.run import CheckOptions
    from ogpctl.check.run import check as run_check
    from ogpctl.cli.options import parse_today
    from ogpctl.record.model import Stage

    options = CheckOptions(today=parse_today(today), plan=plan, use_cache=not no_cache,
                           jobs=jobs, stage=Stage.parse(for_.value) if for_ else None,
                           strict=strict)
    result = run_check(paths or [Path.cwd()], options)
    chosen = format or (Format.github if os.environ.get("GITHUB_ACTIONS") == "true"
                        else Format.text)
    if chosen is Format.json:
        from ogpctl.check.report import to_json

        typer.echo(to_json(result), nl=False)
    elif chosen is Format.github:
        from ogpctl.check.report import to_github

        typer.echo(to_github(result), nl=False)
    elif chosen in (Format.sarif, Format.gitlab):
        from ogpctl.check.forges import to_codequality, to_sarif

        typer.echo((to_sarif if chosen is Format.sarif else to_codequality)(result), nl=False)
    else:
        from ogpctl.cli.present import print_check

        print_check(result)
    return result.exit_code(strict)

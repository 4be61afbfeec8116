"""`ogpctl check`: its options for Typer (help, usage errors). What it does is
`ogpctl.cli.checking.report`, which a plain `ogpctl check` also reaches without Typer."""

from __future__ import annotations

from pathlib import Path

import typer

from ogpctl.cli.application import Command, app
from ogpctl.cli.checking import FORMATS, STAGES
from ogpctl.cli.options import (
    OldPaths,
    Records,
    Today,
    choice,
    format_option,
    lang_option,
    metavar,
    plan_option,
)


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
    lang: str | None = lang_option(
        "The findings' messages in this language where ogpctl has their words (the others "
        "stay English). Default: the text format of one record is in the record's default "
        "language; the machine formats and several records at once are in English."),
) -> int:
    """Check records against the OGP rules (schemas, SMART commitments, languages...).

    Exit code 0 when there are no errors, 1 when there are (or warnings with --strict),
    2 for a usage error or a path that is not a record.
    """
    from ogpctl.cli.checking import check_options, report

    paths = _paths(records, old)
    if lang is not None:
        _reader_language(lang, paths)
    options = check_options(today, plan, no_cache, jobs, for_, strict)
    return report(paths, options, format, typer.echo, lang)


def _reader_language(lang: str, paths: list[Path]) -> None:
    """`--lang` as every reader's command takes it (`ogpctl.base.i18n.usable_language`):
    one ogpctl has words in, or one each record is written in (its findings then stay
    English)."""
    from ogpctl.cli.checking import finding_language

    if finding_language(lang) is not None:
        return
    from ogpctl.cli.options import check_language, record_at

    for path in paths:
        check_language(record_at(path), lang, readers=True)


def _paths(records: list[Path] | None, old: list[Path] | None) -> list[Path]:
    from ogpctl.base.errors import UsageError
    from ogpctl.cli.options import deprecated

    if old:
        if records:
            raise UsageError("give the records once, each with -C")
        deprecated("ogpctl check PATH", "ogpctl check -C PATH")
        return old
    return records or [Path.cwd()]

"""`ogpctl import contributions`."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ogpctl.cli import app

import_app = typer.Typer(help="Load data exported from other tools into the record.",
                         no_args_is_help=True)
app.add_typer(import_app, name="import")


def _mapping(items: list[str]) -> dict[str, str]:
    from ogpctl.errors import UsageError

    found = {}
    for item in items:
        for part in item.split(","):
            name, sep, heading = part.partition("=")
            if not sep or not name.strip() or not heading.strip():
                raise UsageError(f"--map {item!r}: write field=Column, such as "
                                 "summary=Comment")
            found[name.strip()] = heading.strip()
    return found


@import_app.command("contributions")
def contributions(
    file: Path = typer.Argument(..., help="A CSV export: one row per input (Google Forms, "
                                "Microsoft Forms through Excel, SurveyMonkey, a spreadsheet)."),
    plan: str = typer.Option(..., "--plan", help="The plan the inputs are for."),
    mapping: Optional[List[str]] = typer.Option(None, "--map", help="field=Column, such as "
                                                "summary=Comment (fields: summary, "
                                                "organisation, name, surname, received, "
                                                "channel, sector)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="The language of the texts "
                                       "(default: the record's default language)."),
    channel: Optional[str] = typer.Option(None, "--channel", help="The channel when the file "
                                          "has no channel column, such as survey."),
    prefix: str = typer.Option("input", "--prefix", help="New ids: PREFIX-001, PREFIX-002 …"),
    date_format: Optional[str] = typer.Option(None, "--date-format", help="How the file "
                                              "writes dates when ogpctl cannot tell, such as "
                                              "%d/%m/%Y (a time after the date is let go)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would change; write "
                                 "nothing."),
    record_path: Path = typer.Option(Path("."), "--record", "-C", help="The record (or any "
                                     "path inside it). Default: here."),
) -> int:
    """Load a survey or consultation export into contributions.yaml: new ids and pending
    decisions; duplicates (same source and text) skipped and reported; existing entries and
    comments never touched. Exit code 1 when rows were refused (the others are added)."""
    from ogpctl.cli.options import record_at
    from ogpctl.contributions import ImportOptions, plan_import, write_import
    from ogpctl.errors import UsageError
    from ogpctl.record.kinds import LANGUAGE, is_slug

    record = record_at(record_path, editing=not dry_run)
    target = record.plan_named(plan)
    if lang is not None and not LANGUAGE.fullmatch(lang):
        raise UsageError(f"--lang {lang!r} is not a language code")
    if not is_slug(prefix):
        raise UsageError(f"--prefix {prefix!r}: use lowercase letters, digits and hyphens")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise UsageError(f"{file}: {error.strerror}") from None
    options = ImportOptions(_mapping(mapping or []), lang, channel, prefix, date_format)
    result = plan_import(record, target, data, options)
    written = write_import(record, target, result) if result.added and not dry_run else None
    _report(file, result, dry_run)
    if written:
        typer.echo(f"{written}: {len(result.added)} contributions added with pending "
                   "decisions")
    typer.echo(_summary(result, dry_run))
    return 1 if result.refused else 0


def _report(file: Path, result, dry_run: bool) -> None:
    from ogpctl.csvexport import shown

    for note in result.reading:
        typer.echo(f"note: {note}")
    read = ", ".join(f"{name} <- {shown(heading)}" for name, heading in result.columns.items())
    typer.echo(f"columns: {read}")
    if result.unused:
        typer.echo(f"  not imported: {', '.join(map(shown, result.unused))}")
    said = sorted([(note, "skipped") for note in result.duplicates] +
                  [(note, "refused") for note in result.refused] +
                  [(note, "note") for note in result.notes], key=lambda n: n[0].line)
    for (line, column, text), kind in said:
        where = f", column {shown(column)}" if column else ""
        typer.echo(f"  {shown(str(file))[1:-1]}:{line}{where}: {kind}, {text}")
    verb = "would add" if dry_run else "added"
    for item in result.added:
        summary = " ".join(next(iter(item["summary"].values())).split())
        typer.echo(f"  {verb} {item['id']}: {summary[:70]}")


def _summary(result, dry_run: bool) -> str:
    text = (f"{len(result.added)} {'to add' if dry_run else 'added'}, "
            f"{len(result.duplicates)} duplicates skipped, {len(result.refused)} rows refused"
            + (" (dry run)" if dry_run else ""))
    if result.refused and not dry_run:
        text += ("; fix the refused rows and import the file again (the rows added now are "
                 "then skipped as duplicates)")
    return text

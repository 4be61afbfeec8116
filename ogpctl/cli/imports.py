"""`ogpctl import contributions`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ogpctl.cli.application import group
from ogpctl.cli.options import HERE, Record, Today, counted, lang_option, plan_option

if TYPE_CHECKING:
    from ogpctl.importers.model import Source
    from ogpctl.importers.writing import ImportResult as PlanImport
    from ogpctl.record.model import Record as RecordModel
    from ogpctl.workflow.contributions import ImportResult

import_app = group("import", "Load data exported from other tools into the record.")


def _mapping(items: list[str]) -> dict[str, str]:
    from ogpctl.base.errors import UsageError

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
    file: Path = typer.Argument(..., metavar="FILE",
                                help="A CSV export: one row per input (Google Forms, "
                                     "Microsoft Forms through Excel, SurveyMonkey, a "
                                     "spreadsheet)."),
    *,
    plan: str = plan_option("The plan the inputs are for.", required=True),
    mapping: list[str] | None = typer.Option(None, "--map", metavar="FIELD=COLUMN",
                                             help="field=Column, such as "
                                                  "summary=Comment (fields: summary, "
                                                  "organisation, name, surname, received, "
                                                  "channel, sector)."),
    lang: str | None = lang_option("The language of the texts (default: the record's "
                                   "default language)."),
    channel: str | None = typer.Option(None, "--channel", metavar="CHANNEL",
                                       help="The channel when the file "
                                            "has no channel column, such as survey."),
    prefix: str = typer.Option("input", "--prefix", metavar="PREFIX",
                               help="New ids: PREFIX-001, PREFIX-002 …"),
    date_format: str | None = typer.Option(None, "--date-format", metavar="FORMAT",
                                           help="How the file "
                                                "writes dates when ogpctl cannot tell, such as "
                                                "%d/%m/%Y (a time after the date is let go)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would change; write "
                                 "nothing."),
    record_path: Record = HERE,
    today: Today,
) -> int:
    """Load a survey or consultation export into contributions.yaml: new ids and pending
    decisions; duplicates (same source and text) skipped and reported; existing entries and
    comments never touched; a date received after today is noted. Exit code 1 when rows
    were refused (the others are added)."""
    from ogpctl.base.errors import UsageError
    from ogpctl.cli.options import record_at
    from ogpctl.record.kinds import is_slug
    from ogpctl.workflow.contributions import (
        ImportOptions,
        plan_import,
        prepare_import,
        write_import,
    )

    record = record_at(record_path, editing=not dry_run)
    target = record.plan_named(plan)
    if not is_slug(prefix):
        raise UsageError(f"--prefix {prefix!r}: use lowercase letters, digits and hyphens")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise UsageError(f"{file}: {error.strerror}") from None
    options = ImportOptions(_mapping(mapping or []), lang, channel, prefix, date_format,
                            today)
    result = plan_import(record, target, data, options)
    if result.added and dry_run:
        prepare_import(record, target, result)     # what the write would refuse, refused now
    written = write_import(record, target, result) if result.added and not dry_run else None
    _report(file, result, dry_run)
    if written:
        typer.echo(f"{written}: {counted(len(result.added), 'contribution')} added with "
                   "pending decisions")
    typer.echo(_summary(result, dry_run))
    return 1 if result.refused else 0


def _report(file: Path, result: ImportResult, dry_run: bool) -> None:
    from ogpctl.base.csvfiles import shown

    for note in result.reading:
        typer.echo(f"note: {note}")
    read = ", ".join(f"{name} <- {shown(heading)}" for name, heading in result.columns.items())
    typer.echo(f"columns: {read}")
    if result.unused:
        typer.echo(f"  not imported: {', '.join(map(shown, result.unused))}")
    said = sorted([(note, "skipped") for note in result.duplicates] +
                  [(note, "refused") for note in result.refused] +
                  [(note, "note") for note in result.notes], key=lambda n: n[0].line)
    for (name, _), (text, word, rows) in sorted(result.mapped.items()):
        typer.echo(f"  read {name} {shown(text)} as {word} ({counted(rows, 'row')}); "
                   "if that is wrong, correct the cells or the entries it adds")
    for (line, column, text), kind in said:
        where = f", column {shown(column)}" if column else ""
        typer.echo(f"  {shown(str(file))[1:-1]}:{line}{where}: {kind}, {text}")
    verb = "would add" if dry_run else "added"
    for item in result.added:
        summary = " ".join(next(iter(item["summary"].values())).split())
        typer.echo(f"  {verb} {item['id']}: {summary[:70]}")


def _summary(result: ImportResult, dry_run: bool) -> str:
    text = (f"{len(result.added)} {'to add' if dry_run else 'added'}, "
            f"{counted(len(result.duplicates), 'duplicate')} skipped, "
            f"{counted(len(result.refused), 'row')} refused" + (" (dry run)" if dry_run else ""))
    if result.refused and not dry_run:
        text += ("; fix the refused rows and import the file again (the rows added now are "
                 "then skipped as duplicates)")
    return text


@import_app.command("plan")
def plan_command(
    source: Path = typer.Argument(..., metavar="SOURCE",
                                  help="A Word action plan in the OGP template (.docx), "
                                       "a tracker (.csv, .xlsx) or a folder of Markdown files "
                                       "with front matter."),
    *,
    plan: str = plan_option("The plan to import into (made with `ogpctl new-plan`).",
                            required=True),
    mapping: Path | None = typer.Option(None, "--map", metavar="MAPPING.yaml",
                                        help="MAPPING.yaml: which column "
                                             "or front-matter key holds what (trackers and "
                                             "Markdown folders; see docs/import.md)."),
    lang: str | None = lang_option("The language of the source's texts (default: read from "
                                   "a Word plan's labels, else the record's default "
                                   "language)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be written; "
                                 "write nothing."),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="Import what can be read, "
                                  "leaving out the rows, tables or files with errors."),
    update: bool = typer.Option(False, "--update", help="The plan has commitments already: "
                                "change in place the fields whose value the source changes, "
                                "and add what it adds."),
    today: Today,
    record_path: Record = HERE,
) -> int:
    """Bring an existing action plan or tracker into the record: commitments, milestones,
    progress updates, stakeholders, evidence links and the plan's sections, written as
    `new-commitment` writes them. Every row, table or file that cannot be read is reported
    with its place, and nothing is written while there are errors (unless --skip-bad).
    Importing the same source again writes nothing. Exit code 1 when nothing was written
    because of errors or because the plan has commitments already (give --update)."""
    from ogpctl.base.errors import UsageError
    from ogpctl.base.i18n import usable_language
    from ogpctl.cli.options import check_language, record_at
    from ogpctl.importers import read_source
    from ogpctl.importers.writing import plan_import
    from ogpctl.scaffold.plan import record_schemas

    if not source.exists():
        raise UsageError(f"{source}: no such file or folder")
    record = record_at(record_path, editing=not dry_run)
    target = record.plan_named(plan)
    if lang is not None:
        check_language(record, lang)
    read = read_source(source, mapping, lang, record.languages.default)
    for note in read.notes:
        typer.echo(f"note: {note}")
    for finding in sorted(read.findings, key=lambda f: (str(f.place.file), f.place.line or 0,
                                                        f.place.table or 0, f.place.row or 0)):
        typer.echo(str(finding))
    if read.errors and not skip_bad:
        typer.echo(f"nothing was written: {counted(len(read.errors), 'error')} in "
                   f"{source.name}; fix them, or give --skip-bad to import the rest")
        return 1
    if not read.commitments and not read.sections:
        typer.echo(f"nothing was written: {source.name} holds no commitment ogpctl could read")
        return 1
    written_in = lang or usable_language(_language(read, record), record.languages.written,
                                         what=f"{source.name}: the texts' language")
    result = plan_import(record, target, read, written_in, record_schemas(record.root), today)
    return _report_plan(record.root, source, target.id, result, dry_run, update)


def _language(read: Source, record: RecordModel) -> str:
    """The language most of the source's texts are in."""
    counts: dict[str, int] = {}
    for commitment in read.commitments:
        for text in commitment.texts.values():
            for code in text:
                counts[code] = counts.get(code, 0) + 1
    if not counts:
        return record.languages.default
    return max(sorted(counts), key=lambda code: counts[code])


def _report_plan(root: Path, source: Path, plan: str, result: PlanImport, dry_run: bool,
                 update: bool) -> int:
    for line in result.kept:
        typer.echo(f"warning: {line}")
    if result.nothing:
        typer.echo(f"nothing new: the record already holds everything {source.name} says "
                   f"({counted(len(result.same), 'file')} checked)")
        return 0
    for item in result.new:
        typer.echo(f"new  {item.rel}: {'; '.join(item.said)}")
    for item in result.changed:
        typer.echo(f"edit {item.rel}:")
        for line in item.said:
            typer.echo(f"  {line}")
    if result.occupied and not update:
        typer.echo(f"nothing was written: plan {plan} has commitments or sections already; "
                   "give --update to make the changes above")
        return 1
    if dry_run:
        typer.echo(f"{counted(len(result.new), 'file')} to create, {len(result.changed)} to "
                   "change "
                   "(dry run: nothing written)")
        return 0
    result.write(root)
    typer.echo(f"{counted(len(result.new), 'file')} created, {len(result.changed)} changed; run "
               "`ogpctl check` to see what the record still lacks")
    return 0

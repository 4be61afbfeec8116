"""`ogpctl translate export` and `ogpctl translate import`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ogpctl.cli.application import group
from ogpctl.cli.options import (
    HERE,
    Record,
    Today,
    counted,
    force_option,
    format_option,
    lang_option,
    out_option,
)

if TYPE_CHECKING:
    from ogpctl.translate.importing import ImportResult

translate_app = group(
    "translate", "Texts still to translate out to translators (PO or XLIFF files), and their "
                 "translations back into the record, keeping comments and layout.")

#: A translation file far larger than any record's texts is refused unread.
MAX_INPUT_BYTES = 64 * 1024 * 1024
#: The translation file formats (`ogpctl.translate.exporting.FORMATS`).
FORMATS = ("po", "xliff")


@translate_app.command("export")
def export_command(
    *,
    lang: str = lang_option("The language to translate into, such as es: one of the "
                            "record's languages.", required=True),
    format: str = format_option(FORMATS, "po", "po (gettext: Poedit, Weblate...) or xliff "
                                               "(XLIFF 1.2: Trados, memoQ...)."),
    out: Path = out_option("The file to write, or - to print."),
    force: bool = force_option("Replace --out when it exists."),
    record_path: Record = HERE,
    today: Today,
) -> int:
    """Write the texts with no translation in LANG, and those whose source changed since
    they were translated (marked fuzzy, or needs-review in XLIFF), with the plan sections
    still to write in LANG. The source is English, else the record's default language."""
    from ogpctl.cli.options import is_stdout, outside_record, print_bytes, record_at
    from ogpctl.record.text import language_name
    from ogpctl.translate.exporting import export

    record = record_at(record_path)
    if not is_stdout(out):      # the guard of every --out: never in .git/, plans/, forum/
        outside_record(out.absolute().parent, record.root)
    result = export(record, lang, format, today)
    changed = result.changed
    count = len(result.entries)
    summary = (f"{language_name(result.lang)}: {counted(count, 'text')} "
               "to translate "
               f"({count - changed} untranslated, {changed} changed since "
               "translated)")
    if is_stdout(out):
        print_bytes(result.data)
        typer.echo(summary, err=True)
    else:
        _write_out(out, result.data, force)
        typer.echo(f"{summary}; written to {out}")
    return 0


def _write_out(out: Path, data: bytes, force: bool) -> None:
    import os

    from ogpctl.base.errors import RecordWriteError
    from ogpctl.edit.files import replace_file
    from ogpctl.scaffold.files import write_new

    folder = out.absolute().parent
    if os.path.lexists(out):
        if not force:
            raise RecordWriteError(f"{out} exists; choose another --out, or add --force to "
                                   "replace it")
        replace_file(out.absolute(), data, inside=folder)
    elif not write_new(out.absolute(), data, inside=folder):
        raise RecordWriteError(f"{out} was created meanwhile; it was left as it is")


@translate_app.command("import")
def import_command(
    file: Path = typer.Argument(..., metavar="FILE",
                                help="A PO or XLIFF file from `translate export`, "
                                     "translated."),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="Report what would change; "
                                 "write nothing."),
    force: bool = typer.Option(False, "--force", help="Also import entries `translate "
                               "export` did not offer, replacing translations written in "
                               "the record."),
    record_path: Record = HERE,
) -> int:
    """Write the translations in FILE (PO or XLIFF, told apart by content) into the record.
    Every entry is checked first; if one cannot be imported, nothing is written. Empty and
    fuzzy (needs-review) translations are skipped. Only texts `translate export` offers are
    imported: a translation already written in the record is replaced only when it came
    from an earlier export, or with --force. Comments and layout stay as they are."""
    from ogpctl.cli.options import record_at
    from ogpctl.translate.importing import InvalidTranslations, import_translations

    data = _read_input(file)
    record = record_at(record_path, editing=not dry_run)
    try:
        result = import_translations(record, data, file.name, dry_run=dry_run, force=force)
    except InvalidTranslations as error:
        for problem in error.problems:
            typer.echo(f"  {problem}", err=True)
        raise
    _report(result, file.name)
    return 0


def _read_input(file: Path) -> bytes:
    from ogpctl.base.errors import UsageError

    try:
        with file.open("rb") as stream:
            data = stream.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise UsageError(f"cannot read {file}: {error.strerror or error}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise UsageError(f"{file} is larger than {MAX_INPUT_BYTES:,} bytes; it was not read")
    return data


def _report(result: ImportResult, name: str) -> None:
    from ogpctl.record.text import language_name

    would = "would be " if result.dry_run else ""
    typer.echo(f"{language_name(result.lang)} translations from {name}"
               f"{' (dry run: nothing was written)' if result.dry_run else ''}:")
    typer.echo(f"  {result.applied} {would}applied, {result.unchanged} unchanged, "
               f"{len(result.skipped)} skipped")
    for skip in result.skipped:
        typer.echo(f"    skipped {name}:{skip.line}: {skip.reason}")
    for note in result.notes:
        typer.echo(f"    note    {note}")
    for rel in result.changed:
        typer.echo(f"  {would}edited   {rel}")
    for rel in result.created:
        typer.echo(f"  {would}created  {rel}")
    if result.state_file:
        typer.echo(f"  {would}updated  {result.state_file}")

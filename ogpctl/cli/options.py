"""The command line's one convention, declared once: how every command finds the record
(`-C/--record PATH`, default the current folder), `--today`, `--lang`, `--format` (its
choices as choices), `--plan`, `-o/--out` (`-` is standard output), and the helpers that
read the record, print a generated file and write one.

Commands declare these as `name: Record = HERE` (aliases of `Annotated`) or with the
`*_option` factories when the help names what the option means to that command. This
module is read at every start: it imports nothing of the core at module level."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ogpctl.base.errors import UsageError
from ogpctl.cli.plain import default_today

if TYPE_CHECKING:
    from ogpctl.record.model import Record as RecordModel

#: The default of `-C/--record`: the current folder.
HERE = Path(".")
#: `--out -`: standard output, for every command that writes one file.
STDOUT = "-"


# -- parsing values --------------------------------------------------------------------------

def parse_date(value: str | date) -> date:
    """A date written YYYY-MM-DD, for `--today` and `--date`."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date written YYYY-MM-DD") from None


def choice(names: Iterable[str], aliases: dict[str, str] | None = None
           ) -> Callable[[str], str]:
    """A parser that takes one of `names` (or an alias of one) and refuses anything else,
    naming the choices."""
    allowed = tuple(names)
    also = aliases or {}

    def one_of(value: str) -> str:
        if value in allowed:
            return value
        if value in also:
            return also[value]
        raise typer.BadParameter(f"{value!r}: choose from {', '.join(allowed)}")

    return one_of


def language(value: str) -> str:
    """A language code such as es (checked against the record by the command)."""
    from ogpctl.record.kinds import LANGUAGE

    if not LANGUAGE.fullmatch(value):
        raise typer.BadParameter(f"{value!r} is not a language code such as es")
    return value


def _language_or_all(value: str) -> str:
    return value if value == "all" else language(value)


def metavar(names: Iterable[str]) -> str:
    return "[" + "|".join(names) + "]"


# -- the options -----------------------------------------------------------------------------

Record = Annotated[Path, typer.Option(
    "--record", "-C", metavar="PATH", show_default=False,
    help="The record, or any path inside it. Default: the current folder.")]

#: `check` takes several: records, or folders holding several records.
Records = Annotated[list[Path] | None, typer.Option(
    "--record", "-C", metavar="PATH", show_default=False,
    help="A record (or any path inside one), or a folder holding several records; repeat "
         "for more. Default: the current folder.")]

Today = Annotated[date, typer.Option(
    "--today", metavar="YYYY-MM-DD", parser=parse_date, default_factory=default_today,
    show_default=False,
    help="Take this date as today. Default: SOURCE_DATE_EPOCH, else the real date.")]

#: The old spelling `ogpctl COMMAND PATH` (check, deadlines, index, status), kept for a
#: release: hidden from help, a note on standard error when used.
OldPath = Annotated[Path | None, typer.Argument(hidden=True, show_default=False,
                                                metavar="PATH")]
OldPaths = Annotated[list[Path] | None, typer.Argument(hidden=True, show_default=False,
                                                       metavar="PATH")]


def format_option(choices: Iterable[str], default: str | None, help: str,
                  aliases: dict[str, str] | None = None) -> Any:
    """`-f/--format`, one of `choices` (the first line of every command's format help)."""
    names = tuple(choices)
    return typer.Option(default, "--format", "-f", metavar=metavar(names),
                        parser=choice(names, aliases), show_default=default is not None,
                        help=help)


def lang_option(help: str, default: str | None = None, every: bool = False,
                required: bool = False) -> Any:
    """`-l/--lang`: a language code; with `every`, also `all`."""
    return typer.Option(... if required else default, "--lang", "-l",
                        metavar="all|LANG" if every else "LANG",
                        parser=_language_or_all if every else language,
                        show_default=default is not None, help=help)


def plan_option(help: str = "Only this plan.", required: bool = False) -> Any:
    return typer.Option(... if required else None, "--plan", metavar="PLAN", help=help)


def out_option(help: str, default: Path | None = Path(STDOUT)) -> Any:
    """`-o/--out`: a file or folder to write, `-` for standard output."""
    return typer.Option(default, "--out", "-o", metavar="PATH", help=help,
                        show_default=default is not None)


def date_option(help: str) -> Any:
    """`--date`: the day something happened, when not today."""
    return typer.Option(None, "--date", metavar="YYYY-MM-DD", parser=parse_date, help=help)


def force_option(help: str = "Replace a file ogpctl did not write (or changed since).") -> Any:
    return typer.Option(False, "--force", help=help)


# -- deprecated spellings --------------------------------------------------------------------

def deprecated(old: str, new: str) -> None:
    """One line on standard error for a spelling kept for a release."""
    typer.echo(f"ogpctl: note: `{old}` is deprecated and will stop working in a later "
               f"release; write `{new}`", err=True)


def record_of(record: Path, old: Path | None, command: str) -> Path:
    """The record's path from `-C`, or from the old positional spelling (with a note)."""
    if old is None:
        return record
    if record != HERE:
        raise UsageError(f"give the record once: -C {record}, not also {old}")
    deprecated(f"ogpctl {command} PATH", f"ogpctl {command} -C PATH")
    return old


# -- the record ------------------------------------------------------------------------------

#: The record locks taken by the running command, released when it ends (`release_locks`).
_HELD = ExitStack()


def record_at(path: Path, editing: bool = False) -> RecordModel:
    """The record holding `path`, loaded; a one-line error when there is none. A command
    that edits the record says `editing`: the record's lock is taken before the record is
    read and held until the command ends, so two editing commands run one after the other
    and neither loses the other's update."""
    from ogpctl.record.load import load_record

    return load_record(record_root(path, editing))


def record_root(path: Path, editing: bool = False) -> Path:
    """The root of the record holding `path` (its lock taken when `editing`); a one-line
    error when there is none."""
    from ogpctl.base.errors import NotARecordError
    from ogpctl.record.discover import find_root

    try:
        exists = path.exists()
    except OSError as error:   # a name too long for the system: no file has it
        raise NotARecordError(f"{path}: {error.strerror or error}") from None
    if not exists:
        raise NotARecordError(f"{path}: no such file or folder")
    root = find_root(path.resolve())
    if root is None:
        raise NotARecordError(f"{path} is not inside a country record (no ogp.yaml found); "
                              "create one with `ogpctl init`")
    if editing:
        hold_lock(root)
    return root


def hold_lock(root: Path) -> None:
    """Take the record's lock until the command ends, saying so when it has to wait."""
    from ogpctl.base.lock import record_lock

    _HELD.enter_context(record_lock(root, lambda why: typer.echo(f"ogpctl: {why}", err=True)))


def release_locks() -> None:
    _HELD.close()


def check_language(record: RecordModel, lang: str, *, readers: bool = False) -> str:
    """`--lang` as every command takes it (`ogpctl.base.i18n.usable_language`): a language
    of the record, or with `readers` (a document, a calendar, a review) one ogpctl has
    labels in."""
    from ogpctl.base.i18n import usable_language

    return usable_language(lang, record.languages.written, readers=readers)


def reader_language(record: RecordModel, lang: str | None) -> str:
    """The language of a reader's copy (`status`, `deadlines`, `review`): `--lang` as
    `check_language` takes it with `readers`, else the record's default language, as the
    documents and the website are."""
    return check_language(record, lang, readers=True) if lang else record.languages.default


# -- summaries -----------------------------------------------------------------------------

def counted(number: int, noun: str, plural: str | None = None) -> str:
    """`1 file`, `2 files`: a count in a command's summary with its noun in the singular or
    the plural (`plural` when it is not the noun and an s)."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


# -- output ----------------------------------------------------------------------------------

def is_stdout(out: Path | str | None) -> bool:
    """Whether `--out` means standard output: `-` (a file named "-" takes a folder in
    front, such as `/tmp/-`: pathlib reads `./-` as `-`)."""
    return out is not None and str(out) == STDOUT


def print_bytes(data: bytes) -> None:
    """A generated file to standard output, byte for byte (no newline conversion)."""
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:      # a text-only stdout (a caller's StringIO): the text, as UTF-8
        sys.stdout.write(data.decode("utf-8", errors="replace"))
    else:
        stream.write(data)
    sys.stdout.flush()


#: The record's own folders: what ogpctl writes never goes in them. Evidence lives under
#: plans/, so a website or an index written there would count as evidence (handbook 5.2).
RECORD_FOLDERS = ("plans", "forum", ".git")


def outside_record(folder: Path, root: Path, option: str = "--out") -> None:
    """Refuse an output folder inside one of the record's own folders (a file at the
    record's root, such as an INDEX.md committed with it, is fine)."""
    where, top = folder.resolve(), root.resolve()
    for name in RECORD_FOLDERS:
        if where.is_relative_to(top / name):
            raise UsageError(f"{option} {folder} is inside the record's {name}/ folder: "
                             "generated files there would be read as part of the record "
                             "(evidence of the plan); write them elsewhere, such as build/")


def own_folder(folder: Path, root: Path, option: str = "--out") -> None:
    """Refuse, as the folder of a whole output (a website, a set of documents), the
    record's own folders (`outside_record`), the record's root, the file system's root and
    the home folder: the output would be mixed with files ogpctl did not write, and a later
    build removes what it wrote before from there."""
    outside_record(folder, root, option)
    where, top = folder.resolve(), root.resolve()
    if where == top:
        raise UsageError(f"{option} {folder} is the record's own folder: a generated folder "
                         "goes beside the record's files, not among them; give a folder of "
                         "its own, such as build/site")
    if where == Path(where.anchor) or where == Path.home().resolve():
        raise UsageError(f"{option} {folder} is the "
                         f"{'file system root' if where == Path(where.anchor) else 'home folder'}"
                         ": give a folder of its own for the output, such as build/site")


def write_output(out: Path, data: bytes, force: bool = False, option: str = "--out",
                 record_root: Path | None = None) -> Path | None:
    """One generated file to `out`, or printed when `out` is `-`: never through a link,
    never over a file ogpctl did not write (unless `force`), never into the record's own
    folders (`record_root`). The path written, or None."""
    from ogpctl.base.outputs import OutputFolder

    if is_stdout(out):
        print_bytes(data)
        return None
    if out.is_dir():
        raise UsageError(f"{option} {out} is a folder; give a file name")
    if record_root is not None:
        outside_record(out.parent, record_root, option)
    [written] = OutputFolder(out.parent, force=force).write({out.name: data})
    return written

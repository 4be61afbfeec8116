"""Option parsing shared by commands."""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ogpctl.base.errors import UsageError

if TYPE_CHECKING:
    from ogpctl.record.model import Record


def parse_today(value: str | None) -> date:
    """--today YYYY-MM-DD, else SOURCE_DATE_EPOCH, else the real date."""
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise UsageError(f"--today {value!r} is not a date written YYYY-MM-DD") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).date()
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from None
    return date.today()


#: `--out -`: standard output, for every command that writes one file.
STDOUT = "-"


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


#: The record locks taken by the running command, released when it ends (`release_locks`).
_HELD = ExitStack()


def record_at(path: Path, editing: bool = False) -> Record:
    """The record holding `path`, loaded; a one-line error when there is none. A command
    that edits the record says `editing`: the record's lock is taken before the record is
    read and held until the command ends, so two editing commands run one after the other
    and neither loses the other's update."""
    from ogpctl.base.errors import NotARecordError
    from ogpctl.record.discover import find_root
    from ogpctl.record.load import load_record

    if not path.exists():
        raise NotARecordError(f"{path}: no such file or folder")
    root = find_root(path.resolve())
    if root is None:
        raise NotARecordError(f"{path} is not inside a country record (no ogp.yaml found); "
                              "create one with `ogpctl init`")
    if editing:
        hold_lock(root)
    return load_record(root)


def hold_lock(root: Path) -> None:
    """Take the record's lock until the command ends, saying so when it has to wait."""
    import typer

    from ogpctl.base.lock import record_lock

    _HELD.enter_context(record_lock(root, lambda why: typer.echo(f"ogpctl: {why}", err=True)))


def release_locks() -> None:
    _HELD.close()

"""What the command line needs without Typer, so that a run `ogpctl.cli.checking` answers
on its own never imports it (Typer and click are a third of a small check's time): writing
a message as `typer.echo` does, turning an error that ends a command into its exit code and
message, and the default of `--today`.

Exit codes: 0 clean, 1 the record has errors, 2 usage error or not a record, 3 internal
error (the only case that prints a traceback), 130 interrupted."""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any, TextIO

from ogpctl import __version__
from ogpctl.base.errors import OgpctlError, UsageError

#: The escape sequences `typer.echo` removes from text going to a pipe or a file.
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def default_today() -> date:
    """Today when `--today` is not given: SOURCE_DATE_EPOCH, else the real date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).date()
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from None
    return date.today()


def streams_as_typer_finds_them() -> bool:
    """Whether standard output and error are text streams `typer.echo` writes to as they
    are; it wraps one whose encoding is ASCII (a misconfigured locale) in UTF-8 instead,
    which only the Typer path does."""
    import codecs

    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if not isinstance(encoding, str):
            return False
        try:
            if codecs.lookup(encoding).name == "ascii":
                return False
        except LookupError:
            return False
    return True


def echo(message: str, err: bool = False, nl: bool = True) -> None:
    """`message` on standard output (or error) as `typer.echo` writes it there: escape
    sequences removed unless the stream is a terminal (or a notebook's), flushed at once.
    Only for streams `streams_as_typer_finds_them` accepts."""
    stream: TextIO | None = sys.stderr if err else sys.stdout
    if stream is None:
        return
    text = message + "\n" if nl else message
    if text and not _keeps_colour(stream):
        text = _ANSI.sub("", text)
    if text:
        stream.write(text)
    stream.flush()


def _keeps_colour(stream: TextIO) -> bool:
    """A terminal, or a Jupyter kernel's output, as click decides."""
    if type(stream).__module__.startswith("ipykernel."):
        return True
    try:
        return bool(stream.isatty())
    except Exception:  # noqa: BLE001 - as click: a stream that cannot say is no terminal
        return False


#: How a message is written: `echo` here, `typer.echo` on the Typer path.
Echo = Callable[..., None]


def guarded(command: Callable[[], int], write: Echo = echo) -> int:
    """Run `command` and turn what ends it into an exit code, as the Typer path does
    (click's handling inside a command, then ogpctl's): an interrupt is 130, end of input
    "aborted" (2), a closed pipe exit code 1 without a traceback, an `OgpctlError` its one
    line and code, anything else a bug (3, with the traceback to report)."""
    try:
        return command()
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the one place a bug is turned into exit code 3
        return ended(error, write)


def ended(error: Exception, write: Echo = echo) -> int:
    """The exit code of a command that raised `error`, its message written."""
    if isinstance(error, OSError) and error.errno == errno.EPIPE:
        sys.stdout = _Pacified(sys.stdout)   # nobody reads any more: no error at exit
        sys.stderr = _Pacified(sys.stderr)
        raise SystemExit(1) from None
    if isinstance(error, EOFError):
        write("", err=True)
        write("ogpctl: aborted", err=True)
        return 2
    if isinstance(error, OgpctlError):
        write(f"ogpctl: {error}", err=True)
        return error.exit_code
    import traceback

    traceback.print_exception(error)
    write(f"\nogpctl {__version__} failed with an internal error (a bug). Please report it "
         "with the text above and the command you ran.", err=True)
    return 3


@contextmanager
def warnings_said(write: Echo = echo) -> Iterator[None]:
    """While a command runs, each warning of ogpctl's (`OgpctlWarning`, a forked worker's
    too) is one line on standard error, said every time the core gives it; any other
    warning as Python says it."""
    import functools
    import warnings

    from ogpctl.base.errors import OgpctlWarning

    with warnings.catch_warnings():
        warnings.simplefilter("always", OgpctlWarning)   # the core says each once
        warnings.showwarning = functools.partial(_say_warning, write, warnings.showwarning)
        yield


def _say_warning(write: Echo, other: Any, message: Warning | str, category: type[Warning],
                 *args: Any, **kwargs: Any) -> None:
    from ogpctl.base.errors import OgpctlWarning

    if issubclass(category, OgpctlWarning):
        write(f"  warning  {message}", err=True)
    else:
        other(message, category, *args, **kwargs)


class _Pacified:
    """A standard stream whose flush ignores a closed pipe (click's PacifyFlushWrapper)."""

    def __init__(self, wrapped: Any) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)

"""The command-line face of ogpctl: parse arguments, call the core, present, exit.

Exit codes: 0 clean, 1 the record has errors, 2 usage error or not a record,
3 internal error (the only case that prints a traceback).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence
from typing import Any

import typer

from ogpctl import __version__
from ogpctl.cli import catalogue as _catalogue  # noqa: F401  (each module registers its commands)
from ogpctl.cli import check as _check  # noqa: F401
from ogpctl.cli import deadlines as _deadlines  # noqa: F401
from ogpctl.cli import diff as _diff  # noqa: F401
from ogpctl.cli import imports as _imports  # noqa: F401
from ogpctl.cli import index as _index  # noqa: F401
from ogpctl.cli import progress as _progress  # noqa: F401
from ogpctl.cli import render as _render  # noqa: F401
from ogpctl.cli import review as _review  # noqa: F401
from ogpctl.cli import scaffold as _scaffold  # noqa: F401
from ogpctl.cli import site as _site  # noqa: F401
from ogpctl.cli import status as _status  # noqa: F401
from ogpctl.cli import submission as _submission  # noqa: F401
from ogpctl.cli import translate as _translate  # noqa: F401
from ogpctl.cli.app import app

__all__ = ["app", "main"]


def _click_error() -> type[Exception]:
    """Click's base exception, whether typer uses click or its own vendored copy."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


def _one_line(error: Exception) -> str:
    """A usage error as one line, as every other error: what is wrong, and where help is."""
    message = " ".join(error.format_message().split())  # type: ignore[attr-defined]
    context = getattr(error, "ctx", None)
    where = f" (`{context.command_path} -h` for help)" if context is not None else ""
    return f"ogpctl: {message}{where}"


@functools.cache
def _command() -> Any:
    """The click command behind `app`, built once a process: typer builds it again on every
    call (~10 ms), which a caller running many commands in one process pays each time."""
    import typer.main

    return typer.main.get_command(app)


def main(argv: Sequence[str] | None = None) -> int:
    import warnings

    from ogpctl.base.errors import OgpctlWarning
    from ogpctl.cli.options import release_locks

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", OgpctlWarning)   # the core says each once
            warnings.showwarning = functools.partial(_say_warning, warnings.showwarning)
            return _run(argv)
    finally:
        release_locks()


def _say_warning(other: Any, message: Warning | str, category: type[Warning], *args: Any,
                 **kwargs: Any) -> None:
    """A warning of ogpctl's as one line on standard error (a forked worker's too); any
    other as Python says it."""
    from ogpctl.base.errors import OgpctlWarning

    if issubclass(category, OgpctlWarning):
        typer.echo(f"  warning  {message}", err=True)
    else:
        other(message, category, *args, **kwargs)


def _run(argv: Sequence[str] | None) -> int:
    from ogpctl.base.errors import OgpctlError

    try:
        result = _command()(args=list(argv) if argv is not None else None,
                            standalone_mode=False, prog_name="ogpctl")
        return result if isinstance(result, int) else 0
    except typer.Exit as done:
        return done.exit_code
    except _click_error() as error:
        if type(error).__name__ == "NoArgsIsHelpError":   # a bare group: its help
            error.show()  # type: ignore[attr-defined]
        else:
            typer.echo(_one_line(error), err=True)
        return 2
    except typer.Abort:
        typer.echo("ogpctl: aborted", err=True)
        return 2
    except OgpctlError as error:
        typer.echo(f"ogpctl: {error}", err=True)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception:  # noqa: BLE001 - the one place a bug is turned into exit code 3
        import traceback

        traceback.print_exc()
        typer.echo(f"\nogpctl {__version__} failed with an internal error (a bug). Please "
                   "report it with the text above and the command you ran.", err=True)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

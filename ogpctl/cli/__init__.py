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

app = typer.Typer(
    name="ogpctl",
    help="Keep a country's Open Government Partnership record in git: scaffold it, check it "
         "against the OGP National Handbook, render its documents in every language, and "
         "publish its website and evidence repository.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: rich's import would slow every start
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ogpctl {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")) -> None:
    """ogpctl: the OGP record as YAML and Markdown in git."""


from ogpctl.cli import catalogue as _catalogue  # noqa: E402,F401  (registers commands)
from ogpctl.cli import check as _check  # noqa: E402,F401
from ogpctl.cli import deadlines as _deadlines  # noqa: E402,F401
from ogpctl.cli import diff as _diff  # noqa: E402,F401
from ogpctl.cli import imports as _imports  # noqa: E402,F401
from ogpctl.cli import index as _index  # noqa: E402,F401
from ogpctl.cli import progress as _progress  # noqa: E402,F401
from ogpctl.cli import render as _render  # noqa: E402,F401
from ogpctl.cli import review as _review  # noqa: E402,F401
from ogpctl.cli import scaffold as _scaffold  # noqa: E402,F401
from ogpctl.cli import site as _site  # noqa: E402,F401
from ogpctl.cli import status as _status  # noqa: E402,F401
from ogpctl.cli import submission as _submission  # noqa: E402,F401
from ogpctl.cli import translate as _translate  # noqa: E402,F401


def _click_error() -> type[Exception]:
    """Click's base exception, whether typer uses click or its own vendored copy."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


@functools.cache
def _command() -> Any:
    """The click command behind `app`, built once a process: typer builds it again on every
    call (~10 ms), which a caller running many commands in one process pays each time."""
    import typer.main

    return typer.main.get_command(app)


def main(argv: Sequence[str] | None = None) -> int:
    from ogpctl.cli.options import release_locks

    try:
        return _run(argv)
    finally:
        release_locks()


def _run(argv: Sequence[str] | None) -> int:
    from ogpctl.base.errors import OgpctlError

    try:
        result = _command()(args=list(argv) if argv is not None else None,
                            standalone_mode=False, prog_name="ogpctl")
        return result if isinstance(result, int) else 0
    except typer.Exit as done:
        return done.exit_code
    except _click_error() as error:
        error.show()  # type: ignore[attr-defined]
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

"""The command-line face of ogpctl: parse arguments, call the core, present, exit.

Exit codes: 0 clean, 1 the record has errors, 2 usage error or not a record,
3 internal error (the only case that prints a traceback).

`main` is the entry point. A plain `ogpctl check` runs without Typer
(`ogpctl.cli.checking.shortcut`); every other command line goes to the Typer app
(`ogpctl.cli.commands`), which this package imports only when it is needed or asked for
(`from ogpctl.cli import app`).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

__all__ = ["app", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line `argv` (default: the process's arguments); the exit code."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "check":
        from ogpctl.cli.checking import shortcut

        run = shortcut(args)
        if run is not None:
            return run()
    from ogpctl.cli.commands import main as through_typer

    return through_typer(argv)


def __getattr__(name: str) -> Any:
    """`app`, the Typer application with every command, imported on first use."""
    if name == "app":
        from ogpctl.cli.commands import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

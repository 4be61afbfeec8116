"""The Typer application every command module registers with: the root of the command
tree, its help and `--version`. It imports no command module (they import it), so the
package has no import cycle."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

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


class Command(TyperCommand):
    """A command whose usage line leaves out hidden arguments: the old spellings kept for
    a release work, but help shows only the convention."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if not getattr(param, "hidden", False):
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces


def group(name: str, help: str, cls: type[TyperGroup] | None = None) -> typer.Typer:
    """A command group (`ogpctl NAME SUB ...`) with the root's conventions, registered."""
    sub = typer.Typer(name=name, help=help, no_args_is_help=True, add_completion=False,
                      rich_markup_mode=None, cls=cls,
                      context_settings={"help_option_names": ["-h", "--help"]})
    app.add_typer(sub, name=name)
    return sub


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ogpctl {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")) -> None:
    """ogpctl: the OGP record as YAML and Markdown in git."""

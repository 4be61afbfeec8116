"""The Typer application every command module registers with: the root of the command
tree, its help and `--version`. It imports no command module (they import it), so the
package has no import cycle.

Every command is a `Command` (`Application.command` makes it one), the one place a command
line is read: an option that takes one value, given twice (`status -C A -C B`, `--lang fr
--lang ar`), is a usage error rather than the last one silently winning."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from ogpctl import __version__


class Application(typer.Typer):
    """A Typer application whose commands are all `Command`s."""

    def command(self, name: str | None = None, *, cls: type[TyperCommand] | None = None,
                **settings: Any) -> Any:
        return super().command(name, cls=cls or Command, **settings)


app = Application(
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
    """A command whose usage line leaves out hidden arguments (the old spellings kept for
    a release work, but help shows only the convention), and that refuses an option of one
    value given more than once."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not ctx.resilient_parsing:
            refuse_repeated(self, ctx, args)
        return super().parse_args(ctx, args)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if not getattr(param, "hidden", False):
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces


def refuse_repeated(command: TyperCommand, ctx: Any, args: list[str]) -> None:
    """A usage error for an option that takes one value and appears more than once on the
    command line (repeatable options, such as check's `-C`, and flags are fine)."""
    seen: set[str] = set()
    _values, _rest, order = command.make_parser(ctx).parse_args(args=list(args))
    for param in order:
        if param.param_type_name != "option" or param.multiple \
                or getattr(param, "is_flag", False) or getattr(param, "count", False):
            continue
        if param.name in seen:
            usage = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
            raise usage(f"{'/'.join(param.opts)} is given more than once; give it once: "
                        "it takes one value", ctx)
        seen.add(str(param.name))


def group(name: str, help: str, cls: type[TyperGroup] | None = None) -> typer.Typer:
    """A command group (`ogpctl NAME SUB ...`) with the root's conventions, registered."""
    sub = Application(name=name, help=help, no_args_is_help=True, add_completion=False,
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

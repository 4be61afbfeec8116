"""`ogpctl rules` and `ogpctl explain`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from ogpctl.cli.application import app
from ogpctl.cli.options import format_option

if TYPE_CHECKING:
    from ogpctl.rules import Rule


@app.command()
def rules(
    family: str | None = typer.Option(None, "--family", metavar="FAMILY",
                                      help="Only this family (reading, "
                                           "structure, smart, languages...)."),
    format: str = format_option(("text", "json", "md"), "text",
                                "text, json or md (the reference in docs/rules.md).",
                                aliases={"markdown": "md"}),
) -> int:
    """List the rule catalogue: code, severity, handbook section and summary."""
    from ogpctl.base.errors import UsageError
    from ogpctl.rules import catalogue

    items = [r for r in catalogue().values() if family in (None, r.family)]
    if not items:
        raise UsageError(f"no rule family {family!r}")
    if format == "json":
        import json

        typer.echo(json.dumps([_rule_json(r) for r in items], indent=2, ensure_ascii=False))
        return 0
    if format == "md":
        from ogpctl.rules.reference import markdown

        typer.echo(markdown(), nl=False)
        return 0
    from ogpctl.cli.present import print_rules

    print_rules(items)
    return 0


@app.command()
def explain(code: str = typer.Argument(..., metavar="CODE",
                                       help="A rule code, such as S211.")) -> int:
    """Explain one rule: why it exists, its handbook section, and how to fix a finding."""
    from ogpctl.base.errors import UsageError
    from ogpctl.rules import lookup

    found = lookup(code)
    if found is None:
        raise UsageError(f"unknown rule code {code!r}; `ogpctl rules` lists them")
    from ogpctl.cli.present import print_rule

    print_rule(found)
    return 0


def _rule_json(item: Rule) -> dict[str, str | None]:
    return {"code": item.code, "name": item.name, "family": item.family,
            "severity": str(item.severity), "handbook": item.handbook,
            "summary": item.summary, "applies_from": item.applies_from.label,
            "error_from": item.error_from.label if item.error_from else None}

"""`ogpctl index`."""

from __future__ import annotations

from pathlib import Path

import typer

from ogpctl.cli.application import Command, app
from ogpctl.cli.options import (
    HERE,
    OldPath,
    Record,
    force_option,
    format_option,
    out_option,
    plan_option,
)


@app.command(cls=Command)
def index(
    old: OldPath = None,
    *,
    record_path: Record = HERE,
    plan: str | None = plan_option(),
    format: str = format_option(("md", "html", "json", "csv"), "md",
                                "md, html, json, or csv (the tracking spreadsheet of "
                                "handbook 5.3.a)."),
    out: Path = out_option("The file to write, or - to print. ogpctl replaces only a file "
                           "it wrote itself."),
    force: bool = force_option(),
) -> int:
    """List the document repository of each plan: the process folder and each commitment's
    folder, every evidence file and link with its title, type, size, last change (from git
    history) and what cites it; commitments without evidence and files cited by nothing."""
    from ogpctl.base.vcs import read_history
    from ogpctl.cli.options import is_stdout, record_of, write_output
    from ogpctl.cli.plain import default_today
    from ogpctl.cli.unusable import load_checked, refuse
    from ogpctl.domain.document_repository import build_index
    from ogpctl.render.index import write_index

    checked = load_checked(record_of(record_path, old, "index"), default_today())
    record = checked.record
    if plan:
        record.plan_named(plan)
    if refuse(checked, "the index", plan):
        return 1
    built = build_index(record, read_history(record.root), [plan] if plan else None)
    links = None if is_stdout(out) else _links_from(record.root, out)
    written = write_output(out, write_index(record, built, format, links), force,
                           record_root=record.root)
    if written is not None:
        typer.echo(f"  wrote  {written}")
    return 0


def _links_from(root: Path, out: Path) -> str | None:
    """The record-relative folder of the output file when it is inside the record, so the
    index links each file relative to itself; None (paths shown, not linked) elsewhere."""
    folder = out.parent.resolve()
    root = root.resolve()
    if folder != root and root not in folder.parents:
        return None
    return "" if folder == root else folder.relative_to(root).as_posix()

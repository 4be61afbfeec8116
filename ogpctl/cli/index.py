"""`ogpctl index`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from ogpctl.cli.app import app


class Format(str, Enum):
    md = "md"
    html = "html"
    json = "json"
    csv = "csv"


@app.command()
def index(
    path: Path = typer.Argument(Path("."), help="A record, or any path inside one."),
    plan: str | None = typer.Option(None, "--plan", help="Only this plan."),
    format: Format = typer.Option(Format.md, "--format", "-f", help="md (default), html, json, "
                                  "or csv (the tracking spreadsheet of handbook 5.3.a)."),
    out: Path = typer.Option(Path("-"), "--out", "-o", help="The file to write, or - (the "
                             "default) to print. ogpctl replaces only a file it wrote itself."),
    force: bool = typer.Option(False, "--force", help="Replace a file ogpctl did not write."),
) -> int:
    """List the document repository of each plan: the process folder and each commitment's
    folder, every evidence file and link with its title, type, size, last change (from git
    history) and what cites it; commitments without evidence and files cited by nothing."""
    from ogpctl.base.errors import UsageError
    from ogpctl.base.vcs import read_history
    from ogpctl.cli.options import is_stdout, print_bytes, record_at
    from ogpctl.domain.document_repository import build_index
    from ogpctl.render.index import write_index

    record = record_at(path)
    if plan:
        record.plan_named(plan)
    built = build_index(record, read_history(record.root), [plan] if plan else None)
    if is_stdout(out):
        print_bytes(write_index(record, built, format.value))
        return 0
    if out.is_dir():
        raise UsageError(f"--out {out} is a folder; give a file name such as index.{format.value}")
    data = write_index(record, built, format.value, _links_from(record.root, out))
    from ogpctl.base.outputs import OutputFolder

    for written in OutputFolder(out.parent, force=force).write({out.name: data}):
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

"""Machine formats of check results: JSON (DESIGN section 3) and GitHub annotations.
The terminal format lives in the CLI (`ogpctl.cli.present`), the only user of rich."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ogpctl.check import CheckResult
from ogpctl.diagnostics import Severity


def to_json(result: CheckResult) -> str:
    document = {
        "diagnostics": [d.to_json() for d in result.diagnostics],
        "summary": {"errors": result.errors, "warnings": result.warnings,
                    "files": result.files},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def to_github(result: CheckResult, base: Path | None = None) -> str:
    """GitHub workflow commands; paths relative to the working directory (the checkout)."""
    base = (base or Path.cwd()).resolve()
    prefix = _record_prefix(result, base)
    lines = []
    for d in result.diagnostics:
        props = [f"file={_prop(prefix + d.file)}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.column or 1}"]
        props.append(f"title={_prop(d.code)}")
        message = f"{d.message} (handbook {d.handbook})" if d.handbook else d.message
        lines.append(f"::{_LEVEL[d.severity]} {','.join(props)}::{_data(message)}")
    return "".join(line + "\n" for line in lines)


def _record_prefix(result: CheckResult, base: Path) -> str:
    if len(result.records) != 1:
        return ""
    root = result.records[0].resolve()
    try:
        relative = root.relative_to(base).as_posix()
    except ValueError:
        relative = os.path.relpath(root, base).replace(os.sep, "/")
    return "" if relative == "." else relative + "/"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")

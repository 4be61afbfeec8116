"""Machine formats of check results: JSON (`ogpctl check --format json`: every finding with
its file, line, column and handbook section, then the counts) and GitHub annotations.
The terminal format lives in the CLI (`ogpctl.cli.present`), the only user of rich.

File names and messages come from the record, so they may hold control characters (a raw
ESC reaches the terminal; a newline splits a finding's line) or invisible ones (a bidi
override reverses what follows). The text and GitHub formats print them through
`printable`; JSON escapes control characters itself, and lone surrogates (a file name
that is not UTF-8) are escaped after."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

from ogpctl.base.diagnostics import Severity
from ogpctl.check.run import CheckResult


def to_json(result: CheckResult) -> str:
    document = {
        "diagnostics": [d.to_json() for d in result.diagnostics],
        "summary": {"errors": result.errors, "warnings": result.warnings,
                    "files": result.files},
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    # A file name that is not UTF-8 reaches us as lone surrogates, which json leaves raw:
    # written as JSON escapes they keep the output UTF-8.
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


#: Control, format (bidi, zero-width), separator and lone-surrogate characters.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` with every control or invisible character written as an escape (\\x1b,
    \\n, \\u202e), as Python writes it in a repr; other text unchanged."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _UNPRINTABLE else c for c in text)


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"


_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def to_github(result: CheckResult, base: Path | None = None) -> str:
    """GitHub workflow commands; paths relative to the working directory (the checkout)."""
    base = (base or Path.cwd()).resolve()
    prefix = _record_prefix(result, base)
    lines = []
    for d in result.diagnostics:
        props = [f"file={_prop(printable(prefix + d.file))}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.column or 1}"]
        props.append(f"title={_prop(d.code)}")
        message = f"{d.message} (handbook {d.handbook})" if d.handbook else d.message
        lines.append(f"::{_LEVEL[d.severity]} {','.join(props)}::{_data(printable(message))}")
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

"""Formats of check results: the text report (its lines and the style of each piece; the
CLI's `ogpctl.cli.present`, the only user of rich, colours them on a terminal), JSON
(`ogpctl check --format json`: every finding with its file, line, column and handbook
section, then the counts) and GitHub annotations.

File names and messages come from the record, so they may hold control characters (a raw
ESC reaches the terminal; a newline splits a finding's line) or invisible ones (a bidi
override reverses what follows). The text and GitHub formats print them through
`printable`; JSON escapes control characters itself, and lone surrogates (a file name
that is not UTF-8) are escaped after."""

from __future__ import annotations

import os
from pathlib import Path

from ogpctl.base.diagnostics import Diagnostic, Severity
from ogpctl.check.run import CheckResult

#: A line of the text report: its pieces, each with the name of its style ("" for none):
#: "file", a severity ("error", "warning", "info"), "code", "dim", or the totals' "failed",
#: "warned" and "passed".
Line = list[tuple[str, str]]


def text_lines(result: CheckResult) -> list[Line]:
    """The findings grouped by file (a blank line after each file), then the totals."""
    by_file: dict[str, list[Diagnostic]] = {}
    for item in result.diagnostics:
        by_file.setdefault(item.file, []).append(item)
    lines: list[Line] = []
    for file, items in by_file.items():
        lines.append([(printable(file), "file")])
        lines.extend(_finding_line(item) for item in items)
        lines.append([])
    lines.append(_totals(result))
    if result.diagnostics:
        lines.append([("`ogpctl explain CODE` says why a rule exists and how to fix it.",
                       "dim")])
    return lines


def to_text(result: CheckResult) -> str:
    """The text report without colours (a pipe, a file)."""
    return "".join("".join(text for text, _ in line) + "\n" for line in text_lines(result))


def _finding_line(item: Diagnostic) -> Line:
    where = f"{item.line}:{item.column}" if item.line else "-"
    line = [(f"  {where:>7}  ", ""), (f"{str(item.severity):<8}", str(item.severity)),
            (f"{item.code}  ", "code"), (printable(item.message), "")]
    if item.handbook:
        line.append((f"  (handbook {item.handbook})", "dim"))
    return line


def _totals(result: CheckResult) -> Line:
    files = f"{result.files} file{'s' if result.files != 1 else ''}"
    if not result.diagnostics:
        return [(f"✔ no problems found in {files}", "passed")]
    infos = result.count(Severity.INFO)
    parts = [f"{result.errors} error{'s' if result.errors != 1 else ''}",
             f"{result.warnings} warning{'s' if result.warnings != 1 else ''}"]
    if infos:
        parts.append(f"{infos} note{'s' if infos != 1 else ''}")
    return [(f"✖ {', '.join(parts)} in {files}", "failed" if result.errors else "warned")]


def to_json(result: CheckResult) -> str:
    import json  # here: the text report, the one most runs print, needs none

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
    import unicodedata  # here: most text is printable ASCII

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

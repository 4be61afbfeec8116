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

from collections.abc import Callable
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


def to_github(result: CheckResult) -> str:
    """GitHub workflow commands, paths from the top of the repository (`repository_path`).
    Values are escaped as GitHub reads them back (%25, %0D, %0A; in a property also %3A and
    %2C), before any other control or invisible character is written as an escape: a new
    line in a file name is the %0A GitHub shows as one, not a backslash and an n."""
    lines = []
    paths = repository_paths(result)
    for d in result.diagnostics:
        props = [f"file={printable(_prop(paths(d)))}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.column or 1}"]
        props.append(f"title={_prop(d.code)}")
        message = f"{d.message} (handbook {d.handbook})" if d.handbook else d.message
        lines.append(f"::{_LEVEL[d.severity]} {','.join(props)}::{printable(_data(message))}")
    return "".join(line + "\n" for line in lines)


def repository_paths(result: CheckResult) -> Callable[[Diagnostic], str]:
    """A finding's file as the code forges address it: from the top of the git repository
    that holds its record (where a CI job checks the repository out, and SARIF's
    %SRCROOT%), else from the record's root; never from the folder ogpctl was run in, which
    may be outside the repository. Each record's repository is asked once."""
    records = sorted(zip(result.records, result.prefixes or [""] * len(result.records),
                         strict=True), key=lambda pair: -len(pair[1]))
    tops: dict[Path, str] = {}

    def path(item: Diagnostic) -> str:
        for root, prefix in records:
            if item.file.startswith(prefix):
                if root not in tops:
                    tops[root] = _in_repository(root)
                return tops[root] + item.file[len(prefix):]
        return item.file
    return path


def _in_repository(root: Path) -> str:
    """The record's folder inside its git repository (`folder/`, "" at its top or when the
    record is in no repository)."""
    from ogpctl.base.errors import OgpctlError
    from ogpctl.base.vcs import record_prefix

    try:
        return record_prefix(root)
    except (OgpctlError, OSError, ValueError):
        return ""


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")

"""The one YAML module: every loading decision is made here.

Record files are read with YAML 1.2 core-schema meaning whatever `%YAML` directive they
carry (`no` stays a word, `010` is ten, `12:30` is text; another version is a warning),
dates stay ISO strings, and tags, aliases, duplicate keys (also keys equal after NFC
normalisation), non-text keys, numbers a record cannot hold (see `numbers`), multiple
documents and deep nesting are findings with a position, never exceptions.

Two paths give the same data. The fast path is yaml_rs (Rust, no aliases allowed) behind
a pre-scan that sends anything unusual to the precise path: ruamel.yaml's pure-Python event
parser, which never recurses and carries a position on every event. Positions for
clean files are recovered later, and only for files with findings (see `positions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml_rs

from ogpctl.source.walk import Parsed, inspect, repaired

_NO_ALIASES = yaml_rs.AliasLimits(0, 0, 0)
# Tags (`!x`), directives (`%YAML`, `%TAG`) and document markers take the precise path.
_TAG = re.compile(r"(?:^|[\s\[{,])!", re.M)
# One regex with a literal first character: four times faster than three `in` tests.
_MARKER_LINE = re.compile(r"\n(?:%|---|\.\.\.)")


# yaml_rs reads `_0`, `1_000` or `0x_1` as numbers, as YAML 1.1 did; in YAML 1.2 core they
# are text. A plain word of digits (or hex digits) holding "_" takes the precise path, as
# a value or as a key (`1_000: x` was read as 1000; tests/test_fuzz_yaml.py found it).
_UNDERSCORED = re.compile(r"(?m)(?:^|[\s\[{,:-])[-+]?(?:0[xXoObB])?[0-9a-fA-F.]*_[0-9a-fA-F_.]*"
                          r"(?:[eE][-+]?[0-9_]+)?[ \t]*(?:$|[,\]}#:])")
# Likewise a signed hexadecimal or octal word (`+0x1`), or one with a capital X or O, is
# text in YAML 1.2 core; so is any binary word (`0b0`: YAML 1.2 core has no binary
# numbers, yaml_rs reads it as 0; tests/test_loader_properties.py found it).
_SIGNED_BASE = re.compile(r"(?m)(?:^|[\s\[{,:])(?:[-+]0[xXoO]|0[XO]|[-+]?0[bB])")
# Its cheap pre-test: ten times faster than four `in` tests of two characters.
_BASE_PREFIX = re.compile(r"0[xXoObB]")
# An alias (`*name`) takes the precise path, which refuses every one: yaml_rs reads an
# alias to a collection that holds it (`&m [a, *m]`) as null without a word.
_ALIAS = re.compile(r"(?m)(?:^|[\s\[{,])\*[^\s\[\]{},]")


# Found by tests/test_fuzz_yaml.py: yaml_rs reads `[x, >y]` as the word ">y" (in YAML 1.2
# no plain word starts with | or >), and a block scalar left empty at the end of the text
# (`description: |`) as a line break instead of "".
_FLOW_BLOCK_INDICATOR = re.compile(r"[\[{,][ \t]*[|>]")
_EMPTY_BLOCK_AT_END = re.compile(r"[|>][-+1-9]*[ \t]*(?:#[^\n]*)?\s*\Z")


def _suspicious(text: str) -> bool:
    """Cheap substring tests first: the regexes only run on texts holding "!" or "_"."""
    if text.startswith(("%", "---", "...")) or _MARKER_LINE.search(text) is not None:
        return True
    if ("|" in text or ">" in text) and (_flow_block_indicator(text) or
                                         _EMPTY_BLOCK_AT_END.search(text[-200:]) is not None):
        return True
    if "_" in text and _UNDERSCORED.search(text) is not None:
        return True
    if "*" in text and _ALIAS.search(text) is not None:
        return True
    if _BASE_PREFIX.search(text) is not None and _SIGNED_BASE.search(text) is not None:
        return True
    return "!" in text and _TAG.search(text) is not None


def _flow_block_indicator(text: str) -> bool:
    """`_FLOW_BLOCK_INDICATOR.search(text)`: prose is full of commas, and the regex tries a
    match at every one of them. So each indicator is found first (a literal first character
    is a fast scan) and looked behind: an opener or comma right before it, or one blank
    before; two blanks before it, rare, take the exact search."""
    for indicator, near in _NEAR_INDICATOR:
        if indicator not in text:
            continue
        found = near.search(text)
        if found is not None:
            return found.group(1) is None or _FLOW_BLOCK_INDICATOR.search(text) is not None
    return False


# `|` or `>` after an opener or comma, with at most one blank between (group 1 unset), or
# after two blanks (group 1 set: the opener may be further back).
_NEAR_INDICATOR = [(indicator, re.compile(
    rf"\{indicator}(?:(?<=[\[{{,]\{indicator})|(?<=[\[{{,][ \t]\{indicator})"
    rf"|(?<=[ \t][ \t]\{indicator})())")) for indicator in "|>"]


def parse_yaml(text: str, proof: Callable[[Any], bool] | None = None) -> Parsed:
    """Parse one YAML document from `text`; `ok` is False when no data could be read.

    `proof`, when given, is a test of the data that holds only when `inspect` would find
    nothing in it (a record file's closed schema, `ogpctl.record.closed`): data that
    passes it is not walked, and is marked `proven`. Text with an escape is always walked
    (a forbidden character written as one is text to any schema)."""
    if not _suspicious(text):
        data = _fast(text)
        if data is not _FAILED:
            escapes = "\\" in text
            if proof is not None and not escapes and proof(data):
                return Parsed(data, [], True, proven=True)
            problems = inspect(data, check_escapes=escapes, check_nfc=not text.isascii())
            if problems is not None:
                return Parsed(repaired(data, problems), problems, True)
    return parse_precise(text)


def parse_precise(text: str) -> Parsed:
    """The precise path (see `ogpctl.source.precise`), its result marked as such."""
    from ogpctl.source.precise import parse_precise as precise

    return precise(text)._replace(precise=True)


_FAILED = object()


def _fast(text: str) -> Any:
    try:
        return yaml_rs.loads(text, parse_datetime=False, alias_limits=_NO_ALIASES)
    except BaseException as error:  # a Rust panic surfaces as a BaseException subclass
        if isinstance(error, (KeyboardInterrupt, SystemExit, MemoryError)):
            raise
        return _FAILED

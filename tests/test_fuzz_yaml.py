"""A fuzzing budget for the fast YAML path (yaml_rs 0.1.x is young): on random documents
and on mutated slices of real record files, `parse_yaml` (fast path when it can) must read
what the precise path (ruamel's events) reads: the same data, or problems of the same codes.

`make test` runs a few seconds of it; `make fuzz` runs it much longer
(OGPCTL_FUZZ_EXAMPLES examples a test; a failure prints the input to add as a case).
"""

from __future__ import annotations

import os
import re
import string
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ogpctl.source import frontmatter
from ogpctl.source.yaml import Parsed, parse_precise, parse_yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = int(os.environ.get("OGPCTL_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))


def _reading(parsed: Parsed) -> tuple:
    """What must not depend on the path taken: the data when it was read cleanly (as its
    repr, so that NaN equals NaN and 1 differs from 1.0), else that it has problems."""
    clean = parsed.ok and not parsed.problems
    return (clean, repr(parsed.data) if clean else None)


def _agree(text: str) -> None:
    fast, precise = parse_yaml(text), parse_precise(text)
    if _known_difference(text, fast, precise):
        return
    assert _reading(fast) == _reading(precise), text
    if fast.problems:   # several mistakes: the paths may stop at different ones, not at none
        codes = {p.code for p in fast.problems} & {p.code for p in precise.problems}
        assert codes or not precise.ok or not fast.ok, text


def _known_difference(text: str, fast: Parsed, precise: Parsed) -> bool:
    """Where the precise path is the one that departs from YAML 1.2, and the fast path
    reads the text as YAML 1.2 does. Each is a difference to remove from the precise path:
    - ruamel refuses a tab YAML 1.2 allows (after a value, before a comment: `a: b\t`);
    - a byte order mark inside the text (decoding removes the one at its start);
    - the precise path's depth limit counts brackets inside a plain word (`x[[[[...`);
    - in flow, `[b:]` is a mapping {b: null} in YAML 1.2, the word "b:" for ruamel, and an
      empty key (`[: 1]`) is refused by ruamel;
    - the other way round, yaml_rs reads `{en: |x}` as the word "|x" where YAML 1.2 has no
      such plain word (`[|x]` and `[a, |x]` take the precise path; after `key:` a pre-scan
      cannot tell flow from block)."""
    precise_codes = {p.code for p in precise.problems}
    if "\t" in text and "R001" in precise_codes:
        return True
    if "\ufeff" in text or _FLOW_COLON.search(text) or _FLOW_BLOCK_WORD.search(text):
        return True
    return "R007" in precise_codes and not any(p.code == "R007" for p in fast.problems)


_FLOW_COLON = re.compile(r":[\]},]|[\[{,][ \t]*:")
_FLOW_BLOCK_WORD = re.compile(r"\{[^}\n]*:[ \t]*[|>]")


@cache
def _seed_lines() -> tuple[tuple[str, ...], ...]:
    """The lines of every YAML text in the sample record and the rule corpus."""
    from tests.casefiles import BASE, case_texts

    files = {str(path): path.read_bytes()
             for folder in (ROOT / "sample-country", BASE) for path in sorted(folder.rglob("*"))
             if path.is_file()}
    texts = []
    for name, data in [*files.items(), *case_texts().items()]:   # cases: as they are built
        if not name.endswith((".yaml", ".md")):
            continue
        text = data.decode("utf-8", errors="replace")
        if name.endswith(".md"):
            text = frontmatter.split(text).yaml or ""
        if text.strip():
            texts.append(tuple(text.splitlines(keepends=True)))
    return tuple(texts)


#: Pieces that change how YAML reads a line: indicators, quotes, tags, anchors, numbers
#: of every base and spelling, dates, special floats, Unicode that normalises.
SNIPPETS = ["", " ", "  ", "\n", "\t", ": ", ":", "- ", "-", "? ", "[", "]", "{", "}", ",",
            "'", '"', "#", " #", "&a ", "*a", "!", "!!str ", "|", ">", "|-", ">+", "%", "---",
            "...", "~", "null", "Null", "yes", "no", "on", "True", "FALSE", "0x1F", "0o17",
            "017", "1_000", "+1", "-0", "1e3", "1E-3", ".5", "5.", ".nan", ".NaN", ".inf",
            "-.Inf", "12:30", "1:20:30", "2026-02-30", "2026-06-17", "2026-06-17T10:00:00Z",
            "0000-01-01", "é", "e\u0301", "\u00a0", "\ufeff", "\\", "\\x41", "\\u00e9", "=",
            "<<", "@", "`"]


@st.composite
def mutated_records(draw: st.DrawFn) -> str:
    lines = list(draw(st.sampled_from(_seed_lines())))
    start = draw(st.integers(0, max(0, len(lines) - 1)))
    lines = lines[start:start + draw(st.integers(1, 40))]
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["insert", "replace", "delete", "duplicate", "dedent"]))
        if action == "delete" and lines:
            del lines[min(at, len(lines) - 1)]
        elif action == "duplicate" and lines:
            lines.insert(at, lines[min(at, len(lines) - 1)])
        elif action == "dedent" and lines:
            index = min(at, len(lines) - 1)
            lines[index] = lines[index][draw(st.integers(1, 4)):]
        elif lines:
            index = min(at, len(lines) - 1)
            line = lines[index]
            column = draw(st.integers(0, len(line)))
            cut = column + (draw(st.integers(0, 6)) if action == "replace" else 0)
            lines[index] = line[:column] + draw(st.sampled_from(SNIPPETS)) + line[cut:]
    return "".join(lines)


plain_words = st.sampled_from([w for w in SNIPPETS if w.strip() and w.strip() == w
                               and w[0] not in "-?:,[]{}#&*!|>'\"%@`"] + ["text", "a b"])
keys = st.text(string.ascii_lowercase + "-_", min_size=1, max_size=8)
scalars = st.one_of(plain_words, st.integers(-10**20, 10**20).map(str),
                    st.floats(allow_nan=False).map(repr),
                    st.text(string.ascii_letters + string.digits + " ._-:/áé", max_size=20))
trees = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=16)


def block_yaml(value: object, indent: int = 0) -> str:
    """Block YAML with every scalar written plain (unquoted): the reading of plain words is
    where a YAML 1.1 parser and a YAML 1.2 one differ."""
    pad = " " * indent
    if isinstance(value, dict):
        return "".join(f"{pad}{key}:" + (("\n" + block_yaml(item, indent + 2))
                                        if isinstance(item, (dict, list)) and item
                                        else " " + _flat(item) + "\n")
                       for key, item in value.items()) or pad + "{}\n"
    if isinstance(value, list):
        return "".join(f"{pad}-" + (("\n" + block_yaml(item, indent + 2))
                                    if isinstance(item, (dict, list)) and item
                                    else " " + _flat(item) + "\n")
                       for item in value) or pad + "[]\n"
    return pad + str(value) + "\n"


def _flat(value: object) -> str:
    return "{}" if value == {} else "[]" if value == [] else str(value)


@FUZZ
@given(mutated_records())
@example("  reference:\n    1_000: Decree 12 of 2023\n")   # was read as the number 1000
@example("- {0x_1: y}\n")
@example("ignore: [C411, |C412]\n")   # was read as the word "|C412"
@example("title: x\ndescription: |\n")   # was read as a line break, not empty
def test_mutated_record_files_read_the_same_on_both_paths(text: str) -> None:
    _agree(text)


@FUZZ
@given(trees)
def test_random_plain_documents_read_the_same_on_both_paths(tree: object) -> None:
    _agree(block_yaml({"root": tree}))

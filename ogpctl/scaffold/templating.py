"""The Jinja2 environment of the scaffolds: YAML-safe values and guide-question comments."""

from __future__ import annotations

import json
import re
import shlex
import textwrap
from functools import cache
from pathlib import PurePosixPath
from typing import Any

import jinja2

from ogpctl.resources import data_dir
from ogpctl.scaffold.guide import guide_texts
from ogpctl.source.yaml import parse_yaml

#: Words a plain YAML scalar would turn into something other than a string.
_SPECIAL = re.compile(r"(?i:~|null|true|false|yes|no|on|off|y|n|[-+]?(\.inf|\.nan)|"
                      r"[-+]?[0-9][0-9_.:eExXoObB+-]*)")
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n#]*(?<=[^\s:])")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
COMMENT_WIDTH = 95


def scalar(value: Any) -> str:
    """`value` as one YAML flow scalar: plain when that reads back as the same string."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _DATE.fullmatch(text):     # YAML 1.2 core reads it as text, as the record writes dates
        return text
    if (_PLAIN.fullmatch(text) and ": " not in text and " #" not in text
            and not _SPECIAL.fullmatch(text) and text.isprintable() and _reads_back(text)):
        return text
    return double_quoted(text)


def _reads_back(text: str) -> bool:
    """The record's own parser reads the plain word as this text (its fast path reads `_0`
    as a number, for one)."""
    parsed = parse_yaml(f"k: {text}\n")
    return parsed.ok and not parsed.problems and parsed.data == {"k": text}


def value(item: Any) -> str:
    """What follows a key's colon: " value", or nothing for an empty value."""
    text = scalar(item)
    return f" {text}" if text else ""


def double_quoted(text: str) -> str:
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(c if c.isprintable() else _escape(c) for c in quoted)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def comment(text: str, prefix: str = "", indent: int = 0) -> str:
    """`text` as YAML comment lines of at most COMMENT_WIDTH characters."""
    lead = " " * indent + "# "
    first = lead + (f"{prefix}: " if prefix else "")
    rest = lead + " " * (len(prefix) + 2 if prefix else 0)
    return "\n".join(textwrap.wrap(text, COMMENT_WIDTH, initial_indent=first,
                                   subsequent_indent=rest, break_on_hyphens=False))


def guide(key: str, languages: tuple[str, ...]) -> list[tuple[str, str]]:
    """The guide text `key` (dotted) in each of `languages` ogpctl ships, English first when
    no record language has it."""
    node: Any = guide_texts()
    for part in key.split("."):
        node = node.get(part, {}) if isinstance(node, dict) else {}
    texts = [(lang, node[lang]) for lang in languages if isinstance(node.get(lang), str)]
    return texts or ([("en", node["en"])] if isinstance(node.get("en"), str) else [])


def guide_comment(key: str, languages: tuple[str, ...], indent: int = 0, **values: Any) -> str:
    """The guide text `key` as comment lines, one group a language; each `{name}` in it
    becomes values[name]."""
    items = [(lang, _fill(text, values)) for lang, text in guide(key, languages)]
    if len(items) == 1:
        return comment(items[0][1], indent=indent)
    return "\n".join(comment(text, lang, indent) for lang, text in items)


def _fill(text: str, values: dict[str, Any]) -> str:
    for name, item in values.items():
        text = text.replace("{" + name + "}", str(item))
    return text


def schema_line(schemas: str, kind: str, file: str) -> str:
    """The editor's schema line for `file` (relative to the record), pointing into
    `schemas` (a folder relative to the record, or an http(s) address)."""
    if re.match(r"https?://", schemas):
        target = f"{schemas.rstrip('/')}/{kind}.schema.json"
    else:
        depth = len(PurePosixPath(file).parts) - 1
        target = "/".join([".."] * depth + [p for p in PurePosixPath(schemas).parts
                                            if p != "."] + [f"{kind}.schema.json"])
    return f"# yaml-language-server: $schema={target}"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates") / "scaffold")),
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
        trim_blocks=True, lstrip_blocks=True, autoescape=False)
    env.filters.update(q=scalar, value=value, comment=comment, shell=shlex.quote)
    env.globals.update(guide=guide_comment)
    return env


def render(template: str, **values: Any) -> str:
    return environment().get_template(template).render(**values)

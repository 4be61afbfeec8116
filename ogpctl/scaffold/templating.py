"""The Jinja2 environment of the scaffolds: YAML-safe values and guide-question comments."""

from __future__ import annotations

import re
import shlex
import textwrap
from functools import cache
from pathlib import PurePosixPath
from typing import Any

import jinja2

from ogpctl.base.resources import data_dir
from ogpctl.edit.scalars import scalar, value
from ogpctl.scaffold.guide import guide_texts

COMMENT_WIDTH = 95


def comment(text: str, prefix: str = "", indent: int = 0) -> str:
    """`text` as YAML comment lines of at most COMMENT_WIDTH characters."""
    lead = " " * indent + "# "
    first = lead + (f"{prefix}: " if prefix else "")
    rest = lead + " " * (len(prefix) + 2 if prefix else 0)
    return "\n".join(textwrap.wrap(text, COMMENT_WIDTH, initial_indent=first,
                                   subsequent_indent=rest, break_on_hyphens=False))


def guide(key: str, languages: tuple[str, ...]) -> list[tuple[str, str]]:
    """The guide text `key` (dotted) in each of `languages` ogpctl ships, English first when
    no record language has it. A regional language takes its base language's text (pt-BR
    the Portuguese, fr-CA the French), under its own code."""
    node: Any = guide_texts()
    for part in key.split("."):
        node = node.get(part, {}) if isinstance(node, dict) else {}
    texts = [(lang, text) for lang in languages
             if isinstance(text := node.get(lang, node.get(lang.split("-")[0])), str)]
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

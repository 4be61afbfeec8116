"""Values written as YAML text at a given place: under a key at some column (block style)
or inside `{...}` / `[...]` (flow style).

One-line texts are written by `ogpctl.edit.scalars.scalar`; texts of several lines
as a literal block (`|` or `|-`) when that reads back as exactly the same text, else as one
double-quoted line with escapes. Containers are written in block style, two spaces deeper
than their key, the way ogpctl's scaffolds and people write record files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ogpctl.edit.scalars import double_quoted, scalar
from ogpctl.source.yaml import parse_yaml

_FLOW_INDICATORS = frozenset(",[]{}")
# Line breaks other than \n (and characters YAML may read as one) cannot be literal text.
_NOT_LITERAL = frozenset("\r\x85\u2028\u2029\ufeff")


class _Current:
    def __repr__(self) -> str:
        return "CURRENT"


#: In a mapping given as a new value: the value there now (see `ogpctl.edit.yamltext`).
CURRENT: Any = _Current()


@dataclass(frozen=True)
class Written:
    """A value kept exactly as the file writes it: its text from the first character (later
    lines at their old columns) and the comment that followed it on its last line."""

    text: str
    comment: str = ""

    def placed(self, column: int) -> str:
        """The text under a key (or list dash) at `column`: later lines are moved right
        as far as needed to sit two columns inside it, the record files' indentation."""
        lines = self.text.split("\n")
        rest = [line for line in lines[1:] if line.strip(" \r")]
        least = min((len(line) - len(line.lstrip(" ")) for line in rest), default=column + 2)
        pad = " " * max(0, column + 2 - least)
        moved = [lines[0]] + [pad + line if line.strip("\r") else line for line in lines[1:]]
        return "\n".join(moved) + self.comment


def key_text(key: Any) -> str:
    if not isinstance(key, str) or not key or "\n" in key:
        raise ValueError(f"a new key must be a one-line text, not {key!r}")
    return scalar(key)


def scalar_text(value: Any, indent: int, nl: str = "\n") -> str:
    """A scalar in block context; a literal block's lines are indented by `indent`."""
    _check_scalar(value)
    if isinstance(value, str) and "\n" in value:
        block = literal(value, indent, nl)
        if block is not None:
            return block
    return _one_line(value)


def flow_scalar(value: Any) -> str:
    """A scalar inside `{...}` or `[...]`, where `,[]{}` end a plain word."""
    _check_scalar(value)
    text = _one_line(value) if value is not None else "null"
    if isinstance(value, str) and text == value and _FLOW_INDICATORS.intersection(text):
        return double_quoted(value)
    return text


def _one_line(value: Any) -> str:
    return scalar(value)


def _check_scalar(value: Any) -> None:
    if value is not None and not isinstance(value, (str, bool, int)):
        raise TypeError(f"cannot write {type(value).__name__} values: {value!r}")


def literal(text: str, indent: int, nl: str = "\n") -> str | None:
    """`text` as a literal block scalar (header line, then lines indented by `indent`), or
    None when a literal block would not read back as exactly `text`."""
    if not text or text[0] in " \t\n" or text.endswith("\n\n") or _NOT_LITERAL & set(text):
        return None
    body = text[:-1] if text.endswith("\n") else text
    lines = body.split("\n")
    if not all(line.replace("\t", " ").isprintable() for line in lines):
        return None
    block = ("|" if text.endswith("\n") else "|-") + "".join(
        nl + (" " * indent + line if line else "") for line in lines)
    parsed = parse_yaml("k: " + block.replace(nl, "\n") + "\n")
    if not parsed.ok or parsed.problems or parsed.data != {"k": text}:
        return None
    return block


def after_key(value: Any, column: int, nl: str = "\n") -> str:
    """What follows `key:` for the value of a key at `column` (block style)."""
    if isinstance(value, Written):
        return " " + value.placed(column)
    if isinstance(value, dict) and value:
        return nl + mapping_lines(value, column + 2, nl)
    if isinstance(value, list) and value:
        return nl + sequence_lines(value, column + 2, nl)
    if isinstance(value, (dict, list)):
        return " {}" if isinstance(value, dict) else " []"
    text = scalar_text(value, column + 2, nl)
    return f" {text}" if text else ""


def entry(key: Any, value: Any, column: int, nl: str = "\n", inline: bool = False) -> str:
    """`key: value` at `column`; `inline` leaves out the indentation of the first line (it
    continues a line that is already there)."""
    lead = "" if inline else " " * column
    return f"{lead}{key_text(key)}:{after_key(value, column, nl)}"


def mapping_lines(mapping: dict[Any, Any], column: int, nl: str = "\n", inline: bool = False
                  ) -> str:
    return nl.join(entry(key, value, column, nl, inline and i == 0)
                   for i, (key, value) in enumerate(mapping.items()))


def item(value: Any, column: int, nl: str = "\n", inline: bool = False) -> str:
    """`- value` with its dash at `column` (a mapping starts on the dash's line)."""
    lead = "" if inline else " " * column
    if isinstance(value, dict) and value:
        return f"{lead}- {mapping_lines(value, column + 2, nl, inline=True)}"
    if isinstance(value, list) and value:
        return f"{lead}- {sequence_lines(value, column + 2, nl, inline=True)}"
    return f"{lead}-{after_key(value, column, nl)}"


def sequence_lines(items: list[Any], column: int, nl: str = "\n", inline: bool = False) -> str:
    return nl.join(item(value, column, nl, inline and i == 0) for i, value in enumerate(items))


def block_entry(mapping: bool, step: Any, value: Any, column: int, nl: str = "\n",
                inline: bool = False) -> str:
    """A new `key: value` (in a mapping) or `- value` (in a list) at `column`."""
    return entry(step, value, column, nl, inline) if mapping else item(value, column, nl, inline)


def flow_entry(mapping: bool, step: Any, value: Any) -> str:
    """A new `key: value` (in a mapping) or value (in a list) inside `{...}` or `[...]`."""
    return f"{key_text(step)}: {flow_value(value)}" if mapping else flow_value(value)


def flow_value(value: Any) -> str:
    """A value inside `{...}` or `[...]` (kept values keep their text, and so their lines)."""
    if isinstance(value, Written):
        return value.text
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key_text(k)}: {flow_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow_value(v) for v in value) + "]"
    return flow_scalar(value)


def uses_current(value: Any) -> bool:
    if value is CURRENT:
        return True
    if isinstance(value, dict):
        return any(uses_current(v) for v in value.values())
    if isinstance(value, list):
        return any(uses_current(v) for v in value)
    return False


def resolve(value: Any, current: Any) -> Any:
    if value is CURRENT:
        return current
    if isinstance(value, dict):
        return {key: resolve(item, current) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, current) for item in value]
    return value

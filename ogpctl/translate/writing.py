"""Translations into file contents, and the contents onto disk.

`prepare` edits every file in memory (YAML through `ogpctl.edit.yamltext`, which keeps
comments and layout and checks its own work); only when all of them could be edited does
`write` replace each file atomically, or create a section file that is not there yet.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeAlias, overload

from ogpctl.base.errors import RecordWriteError
from ogpctl.edit.files import replace_file
from ogpctl.edit.yamltext import CURRENT, Change, UneditableError, apply
from ogpctl.record.model import Record
from ogpctl.scaffold.files import write_new
from ogpctl.source import frontmatter
from ogpctl.source.text import MAX_FILE_BYTES, decode
from ogpctl.translate.model import language_rank

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class FieldEdit:
    """A translation into a text field: `value` is the field's value now."""

    file: str
    path: tuple[Any, ...]
    value: Any
    text: str


@dataclass(frozen=True)
class SectionEdit:
    """A translated plan section: the whole file `file`."""

    file: str
    text: str


Edit: TypeAlias = FieldEdit | SectionEdit


@dataclass(frozen=True)
class FileWrite:
    rel: str
    data: bytes
    old: bytes | None     # the bytes read (None: a new file)

    @property
    def new(self) -> bool:
        return self.old is None


def section_text(translation: str) -> str:
    """A section file's text: Markdown files end with a line break."""
    return translation if translation.endswith("\n") else translation + "\n"


def prepare(record: Record, lang: str, edits: list[Edit]) -> list[FileWrite]:
    by_file: dict[str, list[FieldEdit]] = defaultdict(list)
    writes = []
    for edit in edits:
        if isinstance(edit, FieldEdit):
            by_file[edit.file].append(edit)
        else:
            old = _read(record.root, edit.file, missing_ok=True)
            writes.append(FileWrite(edit.file, section_text(edit.text).encode("utf-8"), old))
    for file, items in sorted(by_file.items()):
        changes = [_change(record, lang, item) for item in items]
        old = _read(record.root, file)
        try:
            writes.append(FileWrite(file, _edited(file, old, changes, record), old))
        except UneditableError as error:
            raise RecordWriteError(f"cannot edit {file}: {error}; nothing was written") from None
    return sorted(writes, key=lambda w: w.rel)


def _change(record: Record, lang: str, edit: FieldEdit) -> Change:
    """Fill or add the language in a map; a plain text (the default language) becomes a map
    holding it and the translation, in the record's language order."""
    default = record.languages.default
    if isinstance(edit.value, dict):
        return Change(edit.path + (lang,), edit.text)
    if lang == default:
        return Change(edit.path, edit.text)
    order = sorted((default, lang), key=language_rank(record))
    return Change(edit.path, {code: CURRENT if code == default else edit.text
                              for code in order})


def _edited(file: str, old: bytes, changes: list[Change], record: Record) -> bytes:
    bom = _BOM if old.startswith(_BOM) else b""
    text = decode(old).text
    if text is None:
        raise UneditableError("it is not UTF-8 text")
    if file.endswith(".md"):    # a meeting: the YAML is its front matter
        split = frontmatter.split(text)
        start = text.find("\n") + 1
        if split.yaml is None or text[start:start + len(split.yaml)] != split.yaml:
            raise UneditableError("its front matter cannot be found")
        end = start + len(split.yaml)
        text = text[:start] + apply(split.yaml, changes) + text[end:]
    else:
        text = apply(text, changes)
    return bom + text.encode("utf-8")


@overload
def _read(root: Path, rel: str, missing_ok: Literal[False] = False) -> bytes: ...
@overload
def _read(root: Path, rel: str, missing_ok: bool) -> bytes | None: ...


def _read(root: Path, rel: str, missing_ok: bool = False) -> bytes | None:
    path = root / rel
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        if missing_ok:
            return None
        raise RecordWriteError(f"{rel} no longer exists; nothing was written") from None
    except OSError as error:
        raise RecordWriteError(f"cannot read {rel}: {error.strerror or error}") from None
    with os.fdopen(descriptor, "rb") as stream:
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise RecordWriteError(f"{rel} is larger than a record file may be; nothing was written")
    return data


def write(root: Path, files: list[FileWrite]) -> None:
    for item in files:
        if item.new:
            if not write_new(root / item.rel, item.data, inside=root):
                raise RecordWriteError(f"{item.rel} was created meanwhile; it was left as it "
                                       "is; run the import again")
        elif item.data != item.old:
            replace_file(root / item.rel, item.data, inside=root, expected=item.old)

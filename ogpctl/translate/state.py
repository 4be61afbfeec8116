"""What each translation was made from: `<record>/.ogpctl/translations/<lang>.json` maps a
context to the SHA-256 of the source text it was translated from, written by `import` and
committed with the record. When the source changes, its digest no longer matches and
`export` offers the entry again, marked for review."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ogpctl.base.errors import UsageError
from ogpctl.edit.files import replace_file, symlink_on_route
from ogpctl.scaffold.files import write_new
from ogpctl.translate.model import LANGUAGE

FOLDER = ".ogpctl/translations"
#: Far more than any record's contexts need; a larger file is refused unread.
MAX_BYTES = 16 * 1024 * 1024


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def state_file(root: Path, lang: str) -> Path:
    if not LANGUAGE.fullmatch(lang):   # the name goes into a path
        raise UsageError(f"{lang!r} is not a language code")
    return root / FOLDER / f"{lang}.json"


def load(root: Path, lang: str) -> dict[str, str]:
    """The digests by context; {} when no translation was imported yet."""
    path = state_file(root, lang)
    if not os.path.lexists(path):
        return {}
    rel = path.relative_to(root).as_posix()
    if symlink_on_route(path, root) is not None or not path.is_file() \
            or path.stat().st_size > MAX_BYTES:   # a record never reads outside itself
        raise UsageError(f"{rel} is not a translation state file; delete it to start afresh")
    try:
        data = json.loads(path.read_bytes())
    except (ValueError, OSError, RecursionError) as error:   # RecursionError: deep nesting
        raise UsageError(f"{rel} cannot be read ({type(error).__name__}); delete it to start "
                         "afresh") from None
    if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise UsageError(f"{rel} is not a map of contexts to digests; delete it to start "
                         "afresh")
    return data


def save(root: Path, lang: str, hashes: dict[str, str]) -> str:
    """Write the digests atomically (sorted, so diffs stay small); returns the file's path
    relative to the record."""
    path = state_file(root, lang)
    data = (json.dumps(dict(sorted(hashes.items())), ensure_ascii=False, indent=2)
            + "\n").encode("utf-8")
    if os.path.lexists(path):
        replace_file(path, data, inside=root)
    elif not write_new(path, data, inside=root):
        replace_file(path, data, inside=root)   # created meanwhile: still ours to update
    return path.relative_to(root).as_posix()

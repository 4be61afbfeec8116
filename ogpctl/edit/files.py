"""Replacing an existing record file atomically (new files: `ogpctl.scaffold.files.write_new`)."""

from __future__ import annotations

import stat
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from ogpctl.base.confined import Folder, open_folder, relative_parts
from ogpctl.base.errors import RecordWriteError


def replace_file(path: Path, data: bytes, inside: Path, expected: bytes | None = None) -> None:
    """Write `data` over `path` atomically: a temporary file in the same folder, flushed to
    disk, then renamed over the old one, so a crash leaves the old file or the new one.

    `path` must be a regular file under `inside`, reached through no symbolic link (a record
    from a pull request could point a file anywhere). With `expected`, the file must still
    hold those bytes: an editor may have saved it since it was read. That comparison and the
    rename happen under the record's lock (`ogpctl.base.lock`), so two ogpctl runs cannot
    both pass it; commands that edit the record take the lock before they read it, so the
    second waits and then works on the first one's result.
    """
    parts = relative_parts(path, inside)
    guard: AbstractContextManager[None] = nullcontext()
    if expected is not None:
        from ogpctl.base.lock import record_lock

        guard = record_lock(inside)
    try:
        with guard, open_folder(inside, parts[:-1]) as folder:
            _replace(folder, parts[-1], data, expected)
    except FileNotFoundError:
        raise RecordWriteError(f"{path} no longer exists; nothing was written to it") from None
    except OSError as error:
        if isinstance(error, RecordWriteError):
            raise
        raise RecordWriteError(f"cannot write {path}: {error.strerror or error}") from None


def _replace(folder: Folder, name: str, data: bytes, expected: bytes | None) -> None:
    path = folder.path / name
    info = folder.lstat(name)
    if info is None:
        raise FileNotFoundError(path)
    if stat.S_ISLNK(info.st_mode):
        raise RecordWriteError(f"refusing to write through the symbolic link {path}")
    if not stat.S_ISREG(info.st_mode):
        raise RecordWriteError(f"refusing to write {path}: it is not a regular file")
    if expected is not None and folder.read(name) != expected:
        raise RecordWriteError(f"{path} changed while ogpctl was working; run the command again")
    temporary = folder.temporary(name, data, stat.S_IMODE(info.st_mode))
    try:
        folder.replace(temporary, name)
    finally:
        folder.unlink(temporary)
    folder.sync()


def symlink_on_route(path: Path, inside: Path) -> Path | None:
    """The first symbolic link on the way from `inside` down to `path` (itself included)."""
    current = inside
    for part in path.relative_to(inside).parts:
        current = current / part
        if current.is_symlink():
            return current
    return None

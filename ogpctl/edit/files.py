"""Replacing an existing record file atomically (new files: `ogpctl.scaffold.files.write_new`)."""

from __future__ import annotations

import os
import secrets
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ogpctl.errors import RecordWriteError


def replace_file(path: Path, data: bytes, inside: Path, expected: bytes | None = None) -> None:
    """Write `data` over `path` atomically: a temporary file in the same folder, flushed to
    disk, then renamed over the old one, so a crash leaves the old file or the new one.

    `path` must be a regular file under `inside`, reached through no symbolic link (a record
    from a pull request could point a file anywhere). With `expected`, the file must still
    hold those bytes: an editor may have saved it since it was read.
    """
    _check_route(path, inside)
    try:
        info = path.lstat()
    except FileNotFoundError:
        raise RecordWriteError(f"{path} no longer exists; nothing was written to it") from None
    if not stat.S_ISREG(info.st_mode):
        raise RecordWriteError(f"refusing to write {path}: it is not a regular file")
    if expected is not None and _read(path) != expected:
        raise RecordWriteError(f"{path} changed while ogpctl was working; run the command again")
    try:
        with temporary_file(path, data, stat.S_IMODE(info.st_mode)) as temporary:
            os.replace(temporary, path)
    except OSError as error:
        raise RecordWriteError(f"cannot write {path}: {error.strerror or error}") from None
    _sync_folder(path.parent)


@contextmanager
def temporary_file(path: Path, data: bytes, mode: int = 0o644) -> Iterator[Path]:
    """`data` written and flushed to disk in a new file beside `path`, for the caller to
    rename or link into place; removed afterwards if it is still there."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        yield temporary
    finally:
        temporary.unlink(missing_ok=True)


def _check_route(path: Path, inside: Path) -> None:
    base = Path(os.path.normpath(inside.absolute()))
    target = Path(os.path.normpath(path.absolute()))
    if base not in target.parents:
        raise RecordWriteError(f"refusing to write outside {inside}: {path}")
    link = symlink_on_route(target, base)
    if link is not None:
        raise RecordWriteError(f"refusing to write through the symbolic link {link}")


def symlink_on_route(path: Path, inside: Path) -> Path | None:
    """The first symbolic link on the way from `inside` down to `path` (itself included)."""
    current = inside
    for part in path.relative_to(inside).parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


def _read(path: Path) -> bytes:
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as stream:
        return stream.read()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows opening a folder."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass   # some file systems cannot sync a folder; the rename is still atomic
    finally:
        os.close(descriptor)

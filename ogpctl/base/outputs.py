"""Writing generated files (documents, sites, indexes) into an output folder safely.

Regenerating is the normal workflow, so ogpctl may replace a file it wrote itself, but
never one a person has changed or one it did not write: the folder keeps a manifest
(`.ogpctl-outputs.json`) of what ogpctl wrote, with each file's digest. Writes are atomic.
Every file is reached through `ogpctl.base.confined`: nothing is written or removed through a
symbolic link below the folder, and the manifest, which anyone can edit, is never trusted
to name a file outside it.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from ogpctl.base.confined import Folder, open_folder, parts_of
from ogpctl.base.errors import RecordWriteError

MANIFEST = ".ogpctl-outputs.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class OutputFolder:
    def __init__(self, folder: Path, force: bool = False, keep_same: bool = False,
                 durable: bool = True) -> None:
        self.folder = folder
        self.force = force
        self.keep_same = keep_same     # leave files already on disk with the same bytes
        #: each file flushed to disk before it replaces the old one; a build of thousands
        #: of files made again from the record (a website) skips that: an fsync a file
        #: was most of its time. Renames stay atomic for readers either way.
        self.durable = durable
        self.parts: dict[str, tuple[str, ...]] = {}   # each name's parts, checked once
        self.manifest = self._read_manifest()
        self.intact: set[str] = set()   # checked: on disk exactly as the manifest says
        #: the digest of each new file, made once by `check` and used again by `_write`
        self.digests: dict[str, str] = {}

    def _read_manifest(self) -> dict[str, str]:
        """The manifest's entries with a plain relative name: it is only a claim, checked
        again (no link on the way, digest) before any file it names is replaced or removed."""
        try:
            with open_folder(self.folder, ()) as top:
                data = json.loads(top.read(MANIFEST).decode("utf-8"))
        except (OSError, ValueError, RecursionError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items()
                if isinstance(k, str) and isinstance(v, str) and self._plain(k)}

    def _plain(self, name: str) -> bool:
        """Whether `name` is a plain relative name (its parts kept for `check`)."""
        try:
            self.parts[name] = parts_of(name)
        except RecordWriteError:
            return False
        return True

    def check(self, files: dict[str, bytes], known: dict[str, str] | None = None) -> None:
        """Refuse, before anything is written, to replace a file ogpctl did not write or
        that was changed since, or to write through a symbolic link. Each file on disk is
        read once, and hashed only when its new bytes differ from what the manifest says:
        the same digest and the same bytes on disk prove it intact without a second hash.
        `known` gives the digests of some new files (SHA-256, hex), not computed again."""
        given = known or {}
        if self.folder.exists() and not self.folder.is_dir():
            raise RecordWriteError(f"{self.folder} is not a folder")
        with _Folders(self.folder, create=False) as folders:
            for name, data in files.items():
                parts = self.parts.get(name) or self.parts.setdefault(name, parts_of(name))
                self.digests[name] = given.get(name) or _digest(data)
                try:
                    self._check_file(folders.at(parts[:-1]), parts[-1], name, data)
                except FileNotFoundError:
                    continue     # its folder is not there yet: nothing to replace
                except RecordWriteError:
                    raise
                except OSError as error:
                    raise RecordWriteError(f"cannot read {self.folder / name}: "
                                           f"{error.strerror or error}") from None

    def _check_file(self, folder: Folder, file: str, name: str, data: bytes) -> None:
        info = folder.lstat(file)
        if info is None:
            return
        if stat.S_ISLNK(info.st_mode):
            raise RecordWriteError("refusing to write through the symbolic link "
                                   f"{folder.path / file}")
        if not stat.S_ISREG(info.st_mode):
            raise RecordWriteError(f"{folder.path / file} exists and is not a file; move it "
                                   "away")
        if self.force:
            return
        known = self.manifest.get(name)
        if known is None or not _as_written(folder.read(file), known, data,
                                            self.digests[name]):
            raise RecordWriteError(f"{folder.path / file} exists and was not written by "
                                   "ogpctl (or was changed since); move it away or give "
                                   "--force")
        self.intact.add(name)

    def write(self, files: dict[str, bytes]) -> list[Path]:
        self.check(files)
        return self._write(files)

    def replace(self, files: dict[str, bytes], owned: Callable[[str], bool],
                known: dict[str, str] | None = None) -> tuple[list[Path], int]:
        """Write `files`, and remove the files of an earlier run that `owned` claims and
        this run no longer has, only those still as ogpctl wrote them (a changed one is left
        in place and no longer claimed). `known`: digests of some files (`check`). Returns
        (paths written, files removed)."""
        self.check(files, known)
        removed = 0
        for name in sorted(n for n in self.manifest if n not in files and owned(n)):
            removed += self._remove(name, self.manifest.pop(name))
        return self._write(files), removed

    def _remove(self, name: str, known: str) -> int:
        """Remove a file of an earlier run if it is still as written (1), else leave it (0);
        a link on the way means the manifest lies: nothing is followed or removed."""
        parts = parts_of(name)
        try:
            with open_folder(self.folder, parts[:-1]) as folder:
                info = folder.lstat(parts[-1])
                if info is None or not stat.S_ISREG(info.st_mode) or \
                        _digest(folder.read(parts[-1])) != known:
                    return 0
                folder.unlink(parts[-1])
        except FileNotFoundError:
            return 0
        except RecordWriteError:
            return 0
        _remove_empty(self.folder, parts[:-1])
        return 1

    def _write(self, files: dict[str, bytes]) -> list[Path]:
        """Write each file (with `keep_same`, not one already on disk with these bytes, so
        a rebuild rewrites only what changed); returns the paths written."""
        written = []
        with _Folders(self.folder, create=True) as folders:
            for name, data in files.items():
                digest = self.digests.get(name) or _digest(data)
                if self.keep_same and name in self.intact and \
                        self.manifest.get(name) == digest:
                    continue
                parts = self.parts.get(name) or parts_of(name)
                _replace(folders.at(parts[:-1]), parts[-1], data, self.durable)
                self.manifest[name] = digest
                written.append(self.folder / name)
        with open_folder(self.folder, (), create=True) as top:
            _replace(top, MANIFEST, (json.dumps(
                dict(sorted(self.manifest.items())), indent=1) + "\n").encode(), self.durable)
        return written


def _as_written(on_disk: bytes, known: str, data: bytes, digest: str) -> bool:
    """Whether the bytes on disk have the manifest's digest `known`: when the new bytes
    `data` (of `digest`) have it too, comparing the bytes is enough, with no hash."""
    return (known == digest and on_disk == data) or _digest(on_disk) == known


class _Folders:
    """`open_folder` for one file after another, the last folder kept open for the next
    file in it (a website writes hundreds of files a folder, and opening the way down
    again for each, link checks and all, was most of the time of checking and writing
    them). Each folder is opened as `open_folder` opens it; used in a `with`."""

    def __init__(self, top: Path, create: bool) -> None:
        self.top, self.create = top, create
        self.parts: tuple[str, ...] | None = None
        self.stack = ExitStack()
        self.folder: Folder | None = None

    def at(self, parts: tuple[str, ...]) -> Folder:
        if parts != self.parts or self.folder is None:
            self.stack.close()
            self.parts, self.folder = None, None
            self.folder = self.stack.enter_context(open_folder(self.top, parts, self.create))
            self.parts = parts
        return self.folder

    def __enter__(self) -> _Folders:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stack.close()


def _remove_empty(top: Path, parts: tuple[str, ...]) -> None:
    """Remove the folders of `parts` that are left empty, deepest first."""
    for depth in range(len(parts), 0, -1):
        try:
            with open_folder(top, parts[:depth - 1]) as folder:
                if not folder.rmdir(parts[depth - 1]):
                    return
        except (FileNotFoundError, RecordWriteError):
            return


def _replace(folder: Folder, name: str, data: bytes, durable: bool = True) -> None:
    """`data` atomically in place of `name` (checked beforehand by `OutputFolder.check`)."""
    path = folder.path / name
    try:
        temporary = folder.temporary(name, data, 0o666 & ~_umask(), sync=durable)
        try:
            folder.replace(temporary, name)
        finally:
            folder.unlink(temporary)
    except OSError as error:
        raise RecordWriteError(f"cannot write {path}: {error.strerror or error}") from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask

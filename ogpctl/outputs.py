"""Writing generated files (documents, sites, indexes) into an output folder safely.

Regenerating is the normal workflow, so ogpctl may replace a file it wrote itself, but
never one a person has changed or one it did not write: the folder keeps a manifest
(`.ogpctl-outputs.json`) of what ogpctl wrote, with each file's digest. Writes are atomic.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Callable

from ogpctl.errors import RecordWriteError

MANIFEST = ".ogpctl-outputs.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class OutputFolder:
    def __init__(self, folder: Path, force: bool = False) -> None:
        self.folder = folder
        self.force = force
        self.manifest = self._read_manifest()

    def _read_manifest(self) -> dict[str, str]:
        try:
            data = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} \
            if isinstance(data, dict) else {}

    def check(self, names: list[str]) -> None:
        """Refuse, before anything is written, to replace a file ogpctl did not write or
        that was changed since."""
        if self.folder.exists() and not self.folder.is_dir():
            raise RecordWriteError(f"{self.folder} is not a folder")
        for name in names:
            path = self.folder / name
            if path.is_symlink():
                raise RecordWriteError(f"refusing to write through the symbolic link {path}")
            if not path.exists() or self.force:
                continue
            known = self.manifest.get(name)
            if known is None or known != _digest(path.read_bytes()):
                raise RecordWriteError(f"{path} exists and was not written by ogpctl (or was "
                                       "changed since); move it away or give --force")

    def write(self, files: dict[str, bytes]) -> list[Path]:
        self.check(list(files))
        return self._write(files)

    def replace(self, files: dict[str, bytes], owned: Callable[[str], bool]
                ) -> tuple[list[Path], int]:
        """Write `files`, and remove the files of an earlier run that `owned` claims and
        this run no longer has, only those still as ogpctl wrote them (a changed one is left
        in place and no longer claimed). Returns (paths written, files removed)."""
        self.check(list(files))
        removed = 0
        for name in sorted(n for n in self.manifest if n not in files and owned(n)):
            path = self.folder / name
            known = self.manifest.pop(name)
            if path.is_file() and not path.is_symlink() and \
                    _digest(path.read_bytes()) == known:
                path.unlink()
                removed += 1
                _remove_empty(path.parent, self.folder)
        return self._write(files), removed

    def _write(self, files: dict[str, bytes]) -> list[Path]:
        self.folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name, data in files.items():
            path = self.folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            replace_atomically(path, data)
            self.manifest[name] = _digest(data)
            written.append(path)
        replace_atomically(self.folder / MANIFEST, (json.dumps(
            dict(sorted(self.manifest.items())), indent=1) + "\n").encode())
        return written


def _remove_empty(folder: Path, top: Path) -> None:
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        os.rmdir(folder)
        folder = folder.parent


def replace_atomically(path: Path, data: bytes) -> None:
    from ogpctl.edit.files import temporary_file

    try:
        with temporary_file(path, data) as temporary:
            os.replace(temporary, path)
    except OSError as error:
        raise RecordWriteError(f"cannot write {path}: {error.strerror or error}") from None

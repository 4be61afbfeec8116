"""Writing new files safely: atomically, never over an existing file, never through a link."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ogpctl.base.confined import Folder, open_folder, relative_parts
from ogpctl.base.errors import RecordWriteError

#: An empty folder is kept in git by this empty file (not evidence: dot-files are skipped).
KEEP = ".gitkeep"


@dataclass
class Outcome:
    """What a FileSet write did, as paths relative to its base folder."""

    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)     # already there: left untouched


@dataclass
class FileSet:
    """Files to create under `base`, in order; folders are kept with an empty .gitkeep."""

    base: Path
    files: dict[str, str] = field(default_factory=dict)

    def add(self, rel: str, text: str) -> None:
        self.files[rel] = text

    def folder(self, rel: str) -> None:
        self.files[f"{rel}/{KEEP}"] = ""

    def existing(self) -> list[str]:
        return [rel for rel in self.files if os.path.lexists(self.base / rel)]

    def write(self) -> Outcome:
        outcome = Outcome()
        for rel, text in self.files.items():
            target = self.base / rel
            if rel.endswith("/" + KEEP) and _has_files(target.parent):
                outcome.kept.append(rel.removesuffix("/" + KEEP))
                continue
            created = write_new(target, text.encode("utf-8"), inside=self.base)
            (outcome.created if created else outcome.kept).append(rel)
        return outcome


def _has_files(folder: Path) -> bool:
    try:
        return any(folder.iterdir())
    except OSError:
        return False


def make_folder(folder: Path) -> None:
    """Create `folder` (and its parents) as `ogpctl.base.confined` allows: not through a link
    below the working folder."""
    with open_folder(folder, (), create=True):
        pass


def write_new(path: Path, data: bytes, inside: Path) -> bool:
    """Write `data` to `path` atomically unless `path` exists; True when written.

    The folders on the way are created; none of them may be a symbolic link or leave
    `inside` (a record from a pull request could point `plans/x` anywhere).
    """
    parts = relative_parts(path, inside)
    try:
        with open_folder(inside, parts[:-1], create=True) as folder:
            return _create(folder, parts[-1], data, 0o666 & ~_umask())
    except OSError as error:
        if isinstance(error, RecordWriteError):
            raise
        raise RecordWriteError(f"cannot write {path}: {error.strerror or error}") from None


def _create(folder: Folder, name: str, data: bytes, mode: int) -> bool:
    if folder.lstat(name) is not None:
        return False
    temporary = folder.temporary(name, data, mode)
    try:
        folder.link(temporary, name)   # fails when the name is taken: never overwrites
    except FileExistsError:
        return False
    except OSError:                    # a file system without hard links
        return folder.create(name, data, mode)
    finally:
        folder.unlink(temporary)
    folder.sync()
    return True


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask

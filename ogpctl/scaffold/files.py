"""Writing new files safely: atomically, never over an existing file, never through a link."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ogpctl.errors import RecordWriteError

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


def write_new(path: Path, data: bytes, inside: Path) -> bool:
    """Write `data` to `path` atomically unless `path` exists; True when written.

    The folders on the way are created; none of them may be a symbolic link or leave
    `inside` (a record from a pull request could point `plans/x` anywhere).
    """
    _make_folders(path.parent, inside)
    if os.path.lexists(path):
        return False
    from ogpctl.edit.files import temporary_file

    try:
        with temporary_file(path, data, 0o666 & ~_umask()) as temporary:
            try:
                os.link(temporary, path)   # fails when the name is taken: never overwrites
            except FileExistsError:
                return False
            except OSError:                # a file system without hard links
                return _create_exclusive(path, data)
        return True
    except OSError as error:
        raise RecordWriteError(f"cannot write {path}: {error.strerror or error}") from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _create_exclusive(path: Path, data: bytes) -> bool:
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
    return True


def _make_folders(folder: Path, inside: Path) -> None:
    base = Path(os.path.normpath(inside.absolute()))
    target = Path(os.path.normpath(folder.absolute()))
    if target != base and base not in target.parents:
        raise RecordWriteError(f"refusing to write outside {inside}: {folder}")
    current = base
    for part in target.relative_to(base).parts:
        current = current / part
        if current.is_symlink():
            raise RecordWriteError(f"refusing to write through the symbolic link {current}")
        if not current.exists():
            try:
                current.mkdir()
            except FileExistsError:
                pass
            except OSError as error:
                raise RecordWriteError(f"cannot create {current}: {error.strerror}") from None
        elif not current.is_dir():
            raise RecordWriteError(f"{current} is not a folder")

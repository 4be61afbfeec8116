"""Reaching files below a folder without ever leaving it: the one way ogpctl writes and
removes files.

The top folder is taken as the user named it (a link in that path is their choice). Below
it, every folder is opened relative to its parent's descriptor with O_NOFOLLOW, and files
are created, replaced and removed relative to their folder's descriptor: a symbolic link
anywhere under the top folder (committed in a pull request, or put in an output folder, or
named by a tampered manifest) is refused, never followed, and a name with `..`, an absolute
name or an empty part is refused before anything is opened. Where the platform cannot open
relative to a folder, each step is checked with lstat instead (no protection against a link
swapped in between the check and the write).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ogpctl.base.errors import RecordWriteError

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
#: Whether files can be reached relative to an open folder (Linux, macOS, the BSDs).
RELATIVE = bool(_NOFOLLOW and _DIRECTORY) and {
    os.open, os.mkdir, os.stat, os.unlink, os.rmdir, os.rename, os.link} <= os.supports_dir_fd


def parts_of(name: str) -> tuple[str, ...]:
    """The folders and file of a '/'-separated name relative to a top folder; refused when
    it is empty, absolute, or has an empty, `.` or `..` part or a NUL character."""
    parts = tuple(name.split("/"))
    separators = {sep for sep in (os.sep, os.altsep) if sep and sep != "/"}
    if not name or "\0" in name or any(
            part in ("", ".", "..") or any(sep in part for sep in separators)
            for part in parts):
        raise RecordWriteError(f"refusing the file name {name!r}: not a plain relative name")
    return parts


def relative_parts(path: Path, top: Path) -> tuple[str, ...]:
    """`path` as parts below `top` (both taken literally, `..` resolved by name); refused
    when it is not below `top`."""
    base = Path(os.path.normpath(top.absolute()))
    target = Path(os.path.normpath(path.absolute()))
    if base not in target.parents:
        raise RecordWriteError(f"refusing to write outside {top}: {path}")
    return target.relative_to(base).parts


class Folder:
    """An open folder below a top folder, reached through no symbolic link."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self.fd = fd

    def _at(self, name: str) -> str:
        return name if self.fd is not None else str(self.path / name)

    def lstat(self, name: str) -> os.stat_result | None:
        """The entry itself (a link is not followed); None when there is none."""
        try:
            return os.stat(self._at(name), dir_fd=self.fd, follow_symlinks=False)
        except FileNotFoundError:
            return None

    def read(self, name: str) -> bytes:
        fd = os.open(self._at(name), os.O_RDONLY | _NOFOLLOW, dir_fd=self.fd)
        with os.fdopen(fd, "rb") as stream:
            return stream.read()

    def temporary(self, name: str, data: bytes, mode: int, sync: bool = True) -> str:
        """A new file beside `name` holding `data`, flushed to disk (unless not `sync`);
        its name."""
        temporary = f".{name}.{os.urandom(6).hex()}.tmp"
        fd = os.open(self._at(temporary), os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW,
                     0o600, dir_fd=self.fd)
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
                stream.flush()
                if sync:
                    os.fsync(stream.fileno())
                if hasattr(os, "fchmod"):
                    os.fchmod(stream.fileno(), mode)
            if not hasattr(os, "fchmod"):
                os.chmod(self._at(temporary), mode)
        except BaseException:
            self.unlink(temporary)
            raise
        return temporary

    def replace(self, source: str, name: str) -> None:
        """Rename `source` over `name` (a link at `name` is replaced, not followed)."""
        os.replace(self._at(source), self._at(name), src_dir_fd=self.fd, dst_dir_fd=self.fd)

    def link(self, source: str, name: str) -> None:
        """A second name for `source`; FileExistsError when `name` is taken."""
        os.link(self._at(source), self._at(name), src_dir_fd=self.fd, dst_dir_fd=self.fd)

    def create(self, name: str, data: bytes, mode: int) -> bool:
        """Write a new file `name`; False when it exists (a link counts as existing)."""
        try:
            fd = os.open(self._at(name), os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW,
                         mode, dir_fd=self.fd)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        return True

    def unlink(self, name: str) -> None:
        try:
            os.unlink(self._at(name), dir_fd=self.fd)
        except FileNotFoundError:
            pass

    def rmdir(self, name: str) -> bool:
        """Remove the empty folder `name`; False when it is not an empty folder."""
        try:
            os.rmdir(self._at(name), dir_fd=self.fd)
        except OSError:
            return False
        return True

    def sync(self) -> None:
        """Make renames in this folder durable where the platform allows it."""
        if self.fd is None:
            return
        try:
            os.fsync(self.fd)
        except OSError:
            pass   # some file systems cannot sync a folder; the rename is still atomic


@contextmanager
def open_folder(top: Path, parts: Sequence[str], create: bool = False) -> Iterator[Folder]:
    """The folder `top/parts...`, created (with `top`) when `create`; FileNotFoundError when
    it is missing and not to be created; RecordWriteError when a part is a symbolic link or
    not a folder. When `top` is inside the working folder, the way down to it is checked
    too: a link there may come from a pull request as well."""
    anchor, lead = _anchor(top)
    if create:
        _make_top(anchor)
    steps = [(part, HINT) for part in lead] + [(part, "") for part in parts]
    if not RELATIVE:
        yield _checked(anchor, steps, create)
        return
    fd = _open_top(anchor)
    path = Path(".") if lead else top
    try:
        for part, hint in steps:
            path = path / part
            child = _step(fd, part, path, create, hint)
            os.close(fd)
            fd = child
        yield Folder(path, fd)
    finally:
        os.close(fd)


#: Said when the folder a user named is reached through a link below the working folder.
HINT = "; name the folder it points to if you mean to write there"


def _anchor(top: Path) -> tuple[Path, tuple[str, ...]]:
    """Where links stop being followed: the working folder when `top` is inside it (the
    way down is then checked like the rest), else `top` as the user named it."""
    try:
        here = Path(os.getcwd())
    except OSError:            # the working folder was removed: nothing is below it
        return top, ()
    target = Path(os.path.normpath(top.absolute()))
    if target == here or here in target.parents:
        return here, target.relative_to(here).parts
    return target, ()


def _make_top(top: Path) -> None:
    try:
        top.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise RecordWriteError(f"{top} is not a folder") from None
    except OSError as error:
        raise RecordWriteError(f"cannot create {top}: {error.strerror or error}") from None


def _open_top(top: Path) -> int:
    try:
        return os.open(top, os.O_RDONLY | _DIRECTORY)
    except NotADirectoryError:
        raise RecordWriteError(f"{top} is not a folder") from None
    except FileNotFoundError:
        raise
    except OSError as error:
        raise RecordWriteError(f"cannot open {top}: {error.strerror or error}") from None


def _step(parent: int, part: str, path: Path, create: bool, hint: str) -> int:
    """Open the folder `part` of the folder `parent`, never through a link."""
    try:
        if create:
            try:
                os.mkdir(part, dir_fd=parent)
            except FileExistsError:
                pass
        return os.open(part, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=parent)
    except OSError as error:
        if error.errno not in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
            if isinstance(error, FileNotFoundError):
                raise
            raise RecordWriteError(f"cannot open {path}: {error.strerror or error}") from None
        info = os.stat(part, dir_fd=parent, follow_symlinks=False)
        raise _refusal(path, info, hint) from None


def _refusal(path: Path, info: os.stat_result, hint: str = "") -> RecordWriteError:
    if stat.S_ISLNK(info.st_mode):
        return RecordWriteError(f"refusing to write through the symbolic link {path}{hint}")
    return RecordWriteError(f"{path} is not a folder")


def _checked(anchor: Path, steps: list[tuple[str, str]], create: bool) -> Folder:
    """Without folder descriptors: lstat each part on the way."""
    path = anchor
    for part, hint in steps:
        path = path / part
        try:
            info = path.lstat()
        except FileNotFoundError:
            if not create:
                raise
            path.mkdir(exist_ok=True)
            info = path.lstat()
        if not stat.S_ISDIR(info.st_mode):
            raise _refusal(path, info, hint)
    return Folder(path, None)


def link_scratch(path: Path, target: str, inside: Path) -> None:
    """A symbolic link in a scratch folder (a pull request's link, so that `check` of the
    scratch copy reports it, R012): made, never followed, never outside `inside`."""
    parts = relative_parts(path, inside)
    try:
        with open_folder(inside, parts[:-1], create=True) as folder:
            os.symlink(target, folder._at(parts[-1]), dir_fd=folder.fd)
    except OSError as error:
        if isinstance(error, RecordWriteError):
            raise
        raise RecordWriteError(f"cannot write {path}: {error.strerror or error}") from None


def write_scratch(path: Path, data: bytes, inside: Path) -> None:
    """A new file in a scratch folder ogpctl made for itself: not flushed to disk (nothing
    there outlives the command), but still never outside `inside` nor through a link."""
    parts = relative_parts(path, inside)
    try:
        with open_folder(inside, parts[:-1], create=True) as folder:
            if not folder.create(parts[-1], data, 0o600):
                raise RecordWriteError(f"{path} is there already")
    except OSError as error:
        if isinstance(error, RecordWriteError):
            raise
        raise RecordWriteError(f"cannot write {path}: {error.strerror or error}") from None

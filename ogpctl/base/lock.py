"""One ogpctl at a time edits a record: a lock file at the record's root.

Every command that edits the record takes the lock before it reads the record and holds it
until its last file is renamed into place, so a second command waits and then works on the
first one's result: no update is lost. The lock is an operating-system lock (filelock:
flock on POSIX), released when the holder ends, even by a crash; the
file itself may stay behind and is ignored by git (the .gitignore `ogpctl init` writes).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ogpctl.base.errors import RecordWriteError

#: The lock file at the record's root (listed in the .gitignore of a new record).
LOCK = ".ogpctl.lock"
#: How long a command waits for another one editing the same record, in seconds.
WAIT_SECONDS = 60.0


@contextmanager
def record_lock(root: Path, notify: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the record's lock (again, when this process holds it already), telling
    `notify` when another ogpctl holds it and this one waits."""
    from filelock import FileLock, Timeout

    path = Path(os.path.normpath(root.absolute())) / LOCK
    _refuse_link(path)
    lock = FileLock(str(path), is_singleton=True)
    try:
        try:
            lock.acquire(blocking=False)
        except Timeout:
            if notify is not None:
                notify(f"waiting for another ogpctl that is editing this record ({path})")
            lock.acquire(timeout=WAIT_SECONDS)
    except Timeout:
        raise RecordWriteError(f"gave up after {WAIT_SECONDS:g} s: another ogpctl is still "
                               f"editing this record ({path} is locked); nothing was "
                               "written, run the command again when it has finished") from None
    except OSError as error:
        raise RecordWriteError(f"cannot lock {path}: {error.strerror or error}") from None
    try:
        yield
    finally:
        lock.release()


def _refuse_link(path: Path) -> None:
    """The lock file is opened without following a link; say so plainly before trying."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise RecordWriteError(f"refusing to lock through the symbolic link {path}; remove it")
    if not stat.S_ISREG(info.st_mode):
        raise RecordWriteError(f"{path} is not a lock file; remove it")

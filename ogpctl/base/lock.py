"""One ogpctl at a time edits a record: a lock file in the record's cache folder.

Every command that edits the record takes the lock before it reads the record and holds it
until its last file is renamed into place, so a second command waits and then works on the
first one's result: no update is lost. The lock is an operating-system lock (filelock:
flock on POSIX), released when the holder ends, even by a crash. The file itself stays
behind in `.ogpctl-cache/`, whose own `.gitignore` of `*` keeps it out of every commit,
whatever the record's `.gitignore` says (a record made by hand or cloned has none).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ogpctl.base.errors import RecordWriteError

#: The lock file, in the record's cache folder (`ogpctl.base.cache.FOLDER`).
LOCK = "lock"
#: How long a command waits for another one editing the same record, in seconds.
WAIT_SECONDS = 60.0


@contextmanager
def record_lock(root: Path, notify: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the record's lock (again, when this process holds it already), telling
    `notify` when another ogpctl holds it and this one waits."""
    from filelock import FileLock, Timeout

    path = lock_path(root)
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


def lock_path(root: Path) -> Path:
    """The lock file of the record at `root`, its cache folder made if need be (with the
    `.gitignore` that keeps the folder out of git). Neither the folder nor the file may be
    a symbolic link: the lock file is opened without following one; say so plainly first."""
    from ogpctl.base.cache import FOLDER, prepared_folder

    top = Path(os.path.normpath(root.absolute()))
    path = top / FOLDER / LOCK
    try:
        prepared_folder(top, LOCK)
    except RecordWriteError as error:
        raise RecordWriteError(f"refusing to lock the record: {error}") from None
    except OSError as error:
        if path.is_symlink():
            raise RecordWriteError(f"refusing to lock through the symbolic link {path}; "
                                   "remove it") from None
        raise RecordWriteError(f"cannot lock {path}: {error.strerror or error}; "
                               "remove it") from None
    return path

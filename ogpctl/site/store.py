"""The files of earlier builds, by key (`ogpctl.site.inputs`): `<record>/.ogpctl-cache/
site.sqlite`, so a rebuild makes again only what reads something that changed, and a
Word or PDF file whose document did not change is not laid out again.

Like the check cache it is an accelerator only: any failure to open, read or write it
costs time, never a file. A page from here is served as is, so the store must be one
that ogpctl wrote on this machine: a record whose git history has ever held files in
`.ogpctl-cache/` (a pull request can commit one, keys and all) gets no store. Entries
that the last builds did not use are dropped.
"""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

from ogpctl.base.cache import FOLDER, prepared_folder
from ogpctl.base.vcs import History

NAME = "site-2.sqlite"     # the number changes with the layout of the database
#: Stores of earlier layouts, removed when the store is opened (a rebuild's worth of pages).
FORMER = ("site-1.sqlite",)
#: Entries not used by this many builds in a row are dropped.
KEEP_BUILDS = 3


class Store:
    def __init__(self, db: sqlite3.Connection, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self.build = 0
        self.used: list[bytes] = []
        self.new: list[tuple[bytes, bytes, str, bytes]] = []

    @classmethod
    def open(cls, root: Path, history: History | None) -> Store | None:
        """The record's store; None when it cannot be used or is not to be trusted."""
        if history is not None and (history.days_below(FOLDER) or any(
                path.startswith(FOLDER + "/") for path in history.last)):
            return None
        try:
            path = prepared_folder(root, NAME) / NAME
            _remove_former(root)
            db = sqlite3.connect(path, timeout=2)
            store = cls(db, path)
            store._prepare()
        except (OSError, sqlite3.Error):
            return None
        return store

    def reader(self) -> Store | None:
        """For a forked process: its own connection to the database, to read only (a
        connection is never used across a fork). What it read and would add is in its
        `used` and `new`, for this store to keep; None when it cannot be opened."""
        if self.path is None:
            return None
        try:
            db = sqlite3.connect(f"{self.path.absolute().as_uri()}?mode=ro", uri=True,
                                 timeout=2)
        except sqlite3.Error:
            return None
        return Store(db)

    def _prepare(self) -> None:
        # the build that last used an entry is kept apart from the entry: SQLite writes a
        # row again whole, so marking it in place copied every page and document it kept
        self.db.executescript("""
            PRAGMA synchronous=OFF; PRAGMA journal_mode=MEMORY;
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INT);
            CREATE TABLE IF NOT EXISTS outputs (key BLOB PRIMARY KEY, data BLOB,
                                                note TEXT, sum BLOB);
            CREATE TABLE IF NOT EXISTS used (key BLOB PRIMARY KEY, build INT)
                WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS parsed (path TEXT PRIMARY KEY, size INT, mtime INT,
                                               digest BLOB, blob BLOB);""")
        row = self.db.execute("SELECT value FROM meta WHERE key='build'").fetchone()
        self.build = (row[0] if row and isinstance(row[0], int) else 0) + 1

    def get(self, key: bytes) -> tuple[bytes, str] | None:
        """(bytes, note) stored under `key`, if whole (its checksum holds)."""
        try:
            row = self.db.execute("SELECT data, note, sum FROM outputs WHERE key=?",
                                  (key,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None or not isinstance(row[0], bytes) or not isinstance(row[1], str) \
                or row[2] != _checksum(row[0], row[1]):
            return None
        self.used.append(key)
        return row[0], row[1]

    def put(self, key: bytes, data: bytes, note: str = "") -> None:
        self.new.append((key, data, note, _checksum(data, note)))

    def flush(self) -> None:
        """Store the new entries and mark the used ones so far (while Pagefind works)."""
        try:
            with self.db:
                self._write()
        except sqlite3.Error:
            pass
        self.new, self.used = [], []

    def _write(self) -> None:
        self.db.executemany("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?)", self.new)
        self.db.executemany("INSERT OR REPLACE INTO used VALUES (?, ?)",
                            [(key, self.build) for key in [*self.used,
                                                           *(row[0] for row in self.new)]])

    def close(self) -> None:
        """Store the new entries, mark the used ones, drop the long unused, and close."""
        try:
            with self.db:
                self._write()
                old = self.build - KEEP_BUILDS
                self.db.execute("DELETE FROM outputs WHERE key IN "
                                "(SELECT key FROM used WHERE build<=?)", (old,))
                self.db.execute("DELETE FROM used WHERE build<=?", (old,))
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('build', ?)",
                                (self.build,))
        except sqlite3.Error:
            pass
        finally:
            self.db.close()


class ParsedFiles:
    """The record's files as the last build read them (`record.load.FileCache`), in the
    store: a rebuild reads each file's bytes and takes its parse from here when they are
    the bytes parsed then (their digest; never by size and time alone), a third of the
    time of parsing it again. The parses are those of one ogpctl (`stamp`: its code,
    schemas, Python and libraries, `site.inputs.code_digest`): another's are dropped."""

    def __init__(self, store: Store, stamp: str) -> None:
        self.db = store.db
        self.stamp = stamp

    def files(self) -> dict[str, tuple[int, int, bytes, bytes]]:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key='parsed'").fetchone()
            if row is None or row[0] != self.stamp:
                with self.db:
                    self.db.execute("DELETE FROM parsed")
                    self.db.execute("INSERT OR REPLACE INTO meta VALUES ('parsed', ?)",
                                    (self.stamp,))
                return {}
            rows = self.db.execute("SELECT path, size, mtime, digest, blob FROM parsed")
            return {row[0]: row[1:] for row in rows if _parsed_row(row)}
        except sqlite3.Error:
            return {}

    def trusted(self, mtime_ns: int) -> bool:
        return False    # the bytes are always read and their digest compared

    def store_files(self, rows: list[tuple[str, int, int, bytes, bytes]]) -> None:
        self._write("INSERT OR REPLACE INTO parsed VALUES (?, ?, ?, ?, ?)", rows)

    def forget_files(self, paths: list[str]) -> None:
        self._write("DELETE FROM parsed WHERE path=?", [(path,) for path in paths])

    def _write(self, sql: str, rows: list[tuple]) -> None:
        if not rows:
            return
        try:
            with self.db:
                self.db.executemany(sql, rows)
        except sqlite3.Error:
            pass


def _parsed_row(row: tuple) -> bool:
    return isinstance(row[0], str) and isinstance(row[1], int) and \
        isinstance(row[2], int) and isinstance(row[3], bytes) and isinstance(row[4], bytes)


def _remove_former(root: Path) -> None:
    """Remove the stores of earlier layouts (`FORMER`) that are plain files in the record's
    cache folder, never through a link; a link or anything else there is left alone."""
    import stat

    from ogpctl.base.confined import open_folder

    try:
        with open_folder(root, (FOLDER,)) as folder:
            for name in FORMER:
                info = folder.lstat(name)
                if info is not None and stat.S_ISREG(info.st_mode):
                    folder.unlink(name)
    except OSError:    # the store is an accelerator: a leftover only costs space
        pass


def _checksum(data: bytes, note: str) -> bytes:
    """A CRC-32 of the entry: it finds a torn or damaged entry (the store is trusted or
    not as a whole, see the module), at a sixth of the CPU of a cryptographic digest and
    without copying the bytes, for the tens of megabytes a rebuild reads."""
    crc = zlib.crc32(note.encode("utf-8", "surrogatepass"), zlib.crc32(data))
    return crc.to_bytes(4, "big")

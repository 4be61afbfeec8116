"""A per-record cache in `<record>/.ogpctl-cache/`, so unchanged files are not parsed again.

Two levels, in one SQLite file:
* files: a file's parse result keyed by its content (BLAKE2 digest); a (size, mtime)
  shortcut avoids reading files whose stat is unchanged, as git's index does, except when
  the file changed too recently to trust its mtime.
* results: a whole check's diagnostics keyed by every file's stat, the options and today.
The cache is an accelerator only: any failure to read or write it is ignored.
"""

from __future__ import annotations

import hashlib
import marshal
import sqlite3
import sys
import time
from functools import cache
from pathlib import Path
from typing import Any

from ogpctl import __version__

FOLDER = ".ogpctl-cache"
#: Files changed this recently may change again within the same mtime tick.
RACY_SECONDS = 2.0


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


@cache
def salt() -> str:
    """Anything that changes what a cached result means (see `salt_of`)."""
    from ogpctl.base.resources import data_dir

    return salt_of(Path(__file__).resolve().parents[1], data_dir("schemas"))


def salt_of(package: Path, schemas: Path) -> str:
    """ogpctl's code (every module, so a changed rule never answers from an old entry, even
    within one version), its schemas and Python, as one digest."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{__version__}|{sys.version_info[:2]}|{marshal.version}".encode())
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for path in sorted(schemas.glob("*.json")):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


def _prepared_folder(root: Path) -> Path:
    """The cache folder with its .gitignore; OSError when it, or the database in it, is a
    symbolic link (a record from a pull request must not make ogpctl write elsewhere)."""
    import stat

    from ogpctl.base.confined import open_folder

    with open_folder(root, (FOLDER,), create=True) as folder:
        folder.create(".gitignore", b"# created by ogpctl: the cache is never committed\n*\n",
                      0o644)
        info = folder.lstat("cache.sqlite")
        if info is not None and not stat.S_ISREG(info.st_mode):
            raise OSError(f"{folder.path / 'cache.sqlite'} is not a file")
        return folder.path


class Cache:
    def __init__(self, root: Path) -> None:
        self.db: sqlite3.Connection | None = None
        self.now = time.time()
        try:
            self.db = sqlite3.connect(_prepared_folder(root) / "cache.sqlite", timeout=2)
            self._prepare()
        except (OSError, sqlite3.Error):
            self.db = None

    def _prepare(self) -> None:
        assert self.db is not None
        # An accelerator needs no durability: a lost or torn cache only costs time, and
        # syncing every commit made cold runs disk-bound.
        self.db.executescript("PRAGMA synchronous=OFF; PRAGMA journal_mode=MEMORY;")
        self.db.executescript("""
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INT, mtime INT,
                                              digest BLOB, blob BLOB);
            CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, blob BLOB);""")
        current = salt()
        row = self.db.execute("SELECT value FROM meta WHERE key='salt'").fetchone()
        if not row or row[0] != current:
            self.db.executescript("DELETE FROM files; DELETE FROM results;")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('salt', ?)", (current,))
            self.db.commit()

    def trusted(self, mtime_ns: int) -> bool:
        return self.now - mtime_ns / 1e9 > RACY_SECONDS

    def files(self) -> dict[str, tuple[int, int, bytes, bytes]]:
        if self.db is None:
            return {}
        try:
            rows = self.db.execute("SELECT path, size, mtime, digest, blob FROM files")
            return {row[0]: row[1:] for row in rows}
        except sqlite3.Error:
            return {}

    def store_files(self, rows: list[tuple[str, int, int, bytes, bytes]]) -> None:
        self._write("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)", rows)

    def result(self, key: str) -> Any:
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT blob FROM results WHERE key=?", (key,)).fetchone()
            return marshal.loads(row[0]) if row else None
        except (sqlite3.Error, ValueError, EOFError, TypeError):
            return None

    def store_result(self, key: str, value: Any) -> None:
        self._write("INSERT OR REPLACE INTO results VALUES (?, ?)", [(key, marshal.dumps(value))],
                    keep=16)

    def _write(self, sql: str, rows: list[tuple], keep: int | None = None) -> None:
        if self.db is None or not rows:
            return
        try:
            with self.db:
                self.db.executemany(sql, rows)
                if keep:
                    self.db.execute("DELETE FROM results WHERE rowid NOT IN (SELECT rowid FROM "
                                    "results ORDER BY rowid DESC LIMIT ?)", (keep,))
        except sqlite3.Error:
            pass   # a read-only or locked cache only costs speed; the check goes on

    def close(self) -> None:
        if self.db is not None:
            self.db.close()

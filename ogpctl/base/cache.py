"""A per-record cache in `<record>/.ogpctl-cache/`, so an unchanged record is not checked again.

It keeps what later runs need, not copies of the record (a few per cent of its size), in
one SQLite file:
* results: a whole check's findings, keyed by the stat of every file and folder of the
  record, the options, today and the history (`ogpctl.check.run`). A run where nothing
  changed reads only this.
* files: the read result of each file read on the precise YAML path (~30 times the fast
  path's cost a byte; `ogpctl.record.load.worth_keeping`), keyed by its content (BLAKE2
  digest); a (size, mtime) shortcut avoids reading files whose stat is unchanged, as git's
  index does, except when the file changed too recently to trust its mtime. Files read on
  the fast path are read again when their record changed: keeping them cost as much space
  as the record itself.
* folders: each folder's listing with the folder's stat (`ogpctl.check.freshness`), so a
  warm check stats an unchanged folder instead of listing it again. A fact of the disk,
  not of the code: another salt keeps it.
* meta: the salt, a digest of everything besides the record that shapes a finding (see
  `salt_of`). Another salt empties the cache. Hashing the code costs ~50 ms, so the salt is
  kept with the stat of its inputs (`code_stamp`) and hashed again only when that changes.
The cache is an accelerator only: any failure to read or write it is ignored.
"""

from __future__ import annotations

import marshal
import os
import sys
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:   # sqlite3 and zlib only when a cache is used: not by `check --no-cache`
    import hashlib
    import sqlite3

from ogpctl import __version__

FOLDER = ".ogpctl-cache"
DATABASE = "cache.sqlite"
#: The folder's .gitignore: nothing in it is ever committed.
IGNORE_ALL = b"# created by ogpctl: the cache is never committed\n*\n"
#: Files changed this recently may change again within the same mtime tick.
RACY_SECONDS = 2.0
#: The row of the folders table that holds the record's folder listings.
LISTINGS = "listings-1"
#: Results of whole checks kept (other days, stages, plans).
KEEP_RESULTS = 16
#: What of templates/ the rules read: the scaffold's guide texts (L304) and the catalogues
#: that word the obligations (calendar rules). render/ and site/ serve layers above check.
TEMPLATE_PARTS = ("scaffold", "locales")

#: A cached file: (size, mtime_ns, digest, compressed marshalled read result).
FileRow = tuple[int, int, bytes, bytes]


def blake2b(data: bytes = b"", digest_size: int = 16) -> hashlib.blake2b:
    """A BLAKE2b hash object. hashlib's is the interpreter's builtin `_blake2`, taken
    directly when it is there: importing hashlib loads OpenSSL (~3 ms at every start, for a
    hash it does not provide)."""
    try:
        from _blake2 import blake2b as builtin
    except ImportError:   # an interpreter built without it: hashlib knows where it is
        from hashlib import blake2b as builtin
    return builtin(data, digest_size=digest_size)


def digest(data: bytes) -> bytes:
    return blake2b(data).digest()


def _package() -> Path:
    return Path(__file__).resolve().parents[1]


@cache
def salt() -> str:
    """Anything that changes what a cached result means (see `salt_of`)."""
    from ogpctl.base.resources import data_dir

    return salt_of(_package(), data_dir("schemas"), data_dir("templates"))


def salt_of(package: Path, schemas: Path, templates: Path | None = None) -> str:
    """ogpctl's code (every module, so a changed rule never answers from an old entry, even
    within one version), its schemas, the templates the rules read, Python and the installed
    distributions (a new yaml_rs may read a file differently), as one digest."""
    h = blake2b()
    h.update(_environment().encode())
    for label, entry in _inputs(package, schemas, templates):
        with open(entry.path, "rb") as file:
            h.update(label.encode() + b"\0" + file.read())
    return h.hexdigest()


@cache
def code_stamp() -> str | None:
    """The stat of every input of `salt`, or None when one changed too recently to trust.
    Read at every start of a check: strings and directory entries, no `Path` a file."""
    from ogpctl.base.resources import data_dir

    limit_ns = int((time.time() - RACY_SECONDS) * 1e9)
    lines = [_environment()]
    for label, entry in _inputs(_package(), data_dir("schemas"), data_dir("templates")):
        st = entry.stat()
        if st.st_mtime_ns > limit_ns:
            return None
        lines.append(f"{label}|{entry.path}|{st.st_size}|{st.st_mtime_ns}")
    return blake2b("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


def _environment() -> str:
    """ogpctl's version, Python's, and every distribution installed where imports look."""
    found: set[str] = set()
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as it:
                found.update(e.name for e in it if e.name.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue   # a zip file or a missing folder
    return f"{__version__}|{sys.version}|{marshal.version}|{','.join(sorted(found))}"


#: A file `salt` and `code_stamp` cover: its label and its directory entry.
Input = tuple[str, "os.DirEntry[str]"]


def _inputs(package: Path, schemas: Path, templates: Path | None) -> list[Input]:
    """(label, entry) of every file that shapes a finding, in a stable order: the one list
    both the salt and its stamp are made of."""
    found = [(f"ogpctl/{rel}", e) for rel, e in _files(str(package)) if rel.endswith(".py")]
    found += [(f"schemas/{rel}", e) for rel, e in _files(str(schemas), deep=False)
              if rel.endswith(".json")]
    if templates is not None:
        for part in TEMPLATE_PARTS:
            found += [(f"templates/{part}/{rel}", e)
                      for rel, e in _files(os.path.join(templates, part))]
    return found


def _files(folder: str, prefix: str = "", deep: bool = True) -> Iterator[Input]:
    """Files below `folder` (or only in it) as (relative path, entry), sorted, without
    Python's byte code."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if deep and entry.name != "__pycache__":
                yield from _files(entry.path, f"{prefix}{entry.name}/")
        elif entry.is_file():
            yield f"{prefix}{entry.name}", entry


def prepared_folder(root: Path, database: str) -> Path:
    """`<root>/.ogpctl-cache/`, made if need be, for the check cache and the site's store
    alike, with a .gitignore of `*` in it (as pytest does for .pytest_cache) so that no
    pull request commits it by accident. OSError when the folder or the `database` file in
    it is a symbolic link (a record from a pull request must not make ogpctl write
    elsewhere)."""
    import stat

    from ogpctl.base.confined import open_folder

    with open_folder(root, (FOLDER,), create=True) as folder:
        folder.create(".gitignore", IGNORE_ALL, 0o644)
        info = folder.lstat(database)
        if info is not None and not stat.S_ISREG(info.st_mode):
            raise OSError(f"{folder.path / database} is not a file")
        return folder.path


class Cache:
    """The cache of the record at `root`; `write=False` only looks up results, and finds
    nothing when the cache is missing, was written by other code, or is a link."""

    def __init__(self, root: Path, write: bool = True) -> None:
        import sqlite3

        self.db: sqlite3.Connection | None = None
        self.now = time.time()
        try:
            if write:
                self.db = sqlite3.connect(prepared_folder(root, DATABASE) / DATABASE, timeout=2)
                self._prepare()
            else:
                self.db = _reader(root / FOLDER / DATABASE)
        except (OSError, sqlite3.Error):
            self.db = None

    def _prepare(self) -> None:
        assert self.db is not None
        # An accelerator needs no durability: a lost or torn cache only costs time, and
        # syncing every commit made cold runs disk-bound.
        self.db.executescript("""
            PRAGMA synchronous=OFF; PRAGMA journal_mode=MEMORY;
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INT, mtime INT,
                                              digest BLOB, blob BLOB);
            CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, blob BLOB);
            CREATE TABLE IF NOT EXISTS folders (key TEXT PRIMARY KEY, blob BLOB);""")
        if _current(self.db, writable=True):
            return
        stamp = code_stamp()
        self.db.executescript("DELETE FROM files; DELETE FROM results;")
        self.db.commit()
        self.db.execute("VACUUM")   # give back the space of a former, larger cache
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                            [("salt", salt()), ("stamp", stamp or "")])
        self.db.commit()

    def trusted(self, mtime_ns: int) -> bool:
        return self.now - mtime_ns / 1e9 > RACY_SECONDS

    def files(self) -> dict[str, FileRow]:
        if self.db is None:
            return {}
        import sqlite3

        try:
            rows = self.db.execute("SELECT path, size, mtime, digest, blob FROM files")
            return {row[0]: row[1:] for row in rows}
        except sqlite3.Error:
            return {}

    def store_files(self, rows: list[tuple[str, int, int, bytes, bytes]]) -> None:
        self._write("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)", rows)

    def forget_files(self, paths: list[str]) -> None:
        self._write("DELETE FROM files WHERE path=?", [(path,) for path in paths])

    def result(self, key: str) -> Any:
        if self.db is None:
            return None
        import sqlite3
        import zlib

        try:
            row = self.db.execute("SELECT blob FROM results WHERE key=?", (key,)).fetchone()
            return marshal.loads(zlib.decompress(row[0])) if row else None
        except (sqlite3.Error, zlib.error, ValueError, EOFError, TypeError):
            return None

    def store_result(self, key: str, value: Any) -> None:
        self._write("INSERT OR REPLACE INTO results VALUES (?, ?)", [(key, pack(value))],
                    keep=KEEP_RESULTS)

    def folders(self) -> dict[str, Any]:
        """The record's folder listings (`ogpctl.check.freshness`), or none."""
        if self.db is None:
            return {}
        import sqlite3

        try:
            row = self.db.execute("SELECT blob FROM folders WHERE key=?", (LISTINGS,)).fetchone()
        except sqlite3.Error:   # a cache written before folders were kept
            return {}
        value = unpack(row[0]) if row else None
        return value if isinstance(value, dict) else {}

    def store_folders(self, listings: dict[str, Any]) -> None:
        self._write("INSERT OR REPLACE INTO folders VALUES (?, ?)", [(LISTINGS, pack(listings))])

    def _write(self, sql: str, rows: list[tuple[Any, ...]], keep: int | None = None) -> None:
        if self.db is None or not rows:
            return
        import sqlite3

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


def _reader(path: Path) -> sqlite3.Connection | None:
    """The database opened read-only, when it is a file, in a folder, both no link, and its
    entries were written by this code."""
    import sqlite3
    import stat
    from urllib.parse import quote

    if not stat.S_ISDIR(path.parent.lstat().st_mode) or not stat.S_ISREG(path.lstat().st_mode):
        return None
    db = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=2)
    if _current(db):
        return db
    db.close()
    return None


def _current(db: sqlite3.Connection, writable: bool = False) -> bool:
    """Whether the entries were written by this code: the stat of its inputs (cheap) or,
    when that changed, their content (`salt`) is what it was (then a writer keeps the new
    stat)."""
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    stamp = code_stamp()
    if stamp is not None and meta.get("stamp") == stamp:
        return True
    if meta.get("salt") != salt():
        return False
    if stamp is not None and writable:
        db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (stamp,))
        db.commit()
    return True


def pack(value: Any) -> bytes:
    """A read result as the files table keeps it (for a record file, `record.load.Read`:
    the parse and whether the bytes hold a suppression mark)."""
    import zlib

    return zlib.compress(marshal.dumps(value))


def unpack(blob: bytes) -> Any:
    """A read result from the files table; None when the entry cannot be read."""
    import zlib

    try:
        return marshal.loads(zlib.decompress(blob))
    except (zlib.error, ValueError, EOFError, TypeError):
        return None

"""Reading every file of a record into Documents: in parallel worker processes when there
is much to parse, and from the cache the files read on the precise YAML path and unchanged."""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from ogpctl.base.cache import FileRow, digest, pack, unpack
from ogpctl.record.discover import Layout, SourceRef, discover
from ogpctl.record.kinds import Kind
from ogpctl.record.model import Document, Record, build_record
from ogpctl.record.read import FileResult, read_bytes, to_document
from ogpctl.source.problems import Problem
from ogpctl.source.text import MAX_FILE_BYTES

if TYPE_CHECKING:   # concurrent.futures imports logging: only a pool of workers needs it
    from concurrent.futures import Executor

#: Below this many files to parse, worker processes cost more than they save.
PARALLEL_MIN = 48
BATCH = 24
#: From this many files to parse, they are read with the schemas' closed twins
#: (`ogpctl.record.read.read_bytes`): making the twins costs a process some 4 ms, the walk
#: of a file they spare some 0.02 to 0.05 ms. The results are the same either way.
CLOSED_MIN = 200

Loaded = tuple[dict[str, Document], list[tuple[str, Problem]]]
#: A row of the cache's files table: path and FileRow.
Row = tuple[str, int, int, bytes, bytes]
#: A file's read result and whether its bytes hold a suppression mark (`marked`); the cache
#: keeps both. Files not read (too large, unreadable) are marked: whether they hold one is
#: not known, and check.locate reads them again as it always did.
Read = tuple[FileResult, bool]


class FileCache(Protocol):
    """Where read results are kept between runs: the check cache (`base.cache.Cache`),
    or the site's store (`site.store.ParsedFiles`)."""

    def files(self) -> dict[str, FileRow]: ...

    def trusted(self, mtime_ns: int) -> bool: ...

    def store_files(self, rows: list[Row]) -> None: ...

    def forget_files(self, paths: list[str]) -> None: ...


def load_record(root: Path | str) -> Record:
    """Read a record without checking it: the model a Python user or a command works on."""
    root = Path(root)
    layout = discover(root)
    documents, _ = load_documents(root, layout)
    return build_record(root, documents, layout.plan_ids)


def load_documents(root: Path, layout: Layout, cache: FileCache | None = None,
                   pool: Executor | None = None, keep_all: bool = False) -> Loaded:
    """Every file of `layout` read, from the cache when it keeps the file unchanged. The
    cache keeps the files read on the precise path (`worth_keeping`), or with `keep_all`
    every file it can (the website's store: a rebuild reads a parse back in a third of
    the time it takes)."""
    known = cache.files() if cache else {}
    results: dict[str, Read] = {}
    to_parse: list[Job] = []
    kept: list[Row] = []
    for ref in layout.files:
        found = _from_cache(root, ref, known, cache)
        if isinstance(found, Job):
            to_parse.append(found)
            continue
        results[ref.path], row = found
        if row is not None:
            kept.append(row)
    for job, (result, blob) in zip(to_parse, _parse_all(to_parse, pool), strict=True):
        read = (result if result is not None else marshal.loads(blob), marked(job.raw))
        results[job.ref.path] = read
        if cache is not None and (keep_all or worth_keeping(read[0])):   # only with a cache
            kept.append((job.ref.path, job.st.st_size, job.st.st_mtime_ns, digest(job.raw),
                         pack(read)))
    if cache is not None:
        _remember(cache, known, kept)
    return _documents(layout, results)


def _documents(layout: Layout, results: dict[str, Read]) -> Loaded:
    documents: dict[str, Document] = {}
    problems: list[tuple[str, Problem]] = []
    for ref in layout.files:
        if ref.path in results:
            result, suppressions = results[ref.path]
            doc, found_problems = to_document(ref.path, result)
            doc.suppressions = suppressions
            documents[ref.path] = doc
            problems.extend((ref.path, p) for p in found_problems)
    return documents, problems


#: The mark of a suppression comment (`ogpctl: ignore[...]`); check.locate reads again only
#: the files whose bytes hold it.
SUPPRESSION_MARK = b"ogpctl:"


def marked(raw: bytes) -> bool:
    """Whether a file's bytes may hold an inline suppression: one search at C speed, on the
    bytes read for parsing, instead of a second read of every file when the check ends."""
    return SUPPRESSION_MARK in raw


class Job(NamedTuple):
    """A file to parse: its bytes and their stat."""

    ref: SourceRef
    raw: bytes
    st: os.stat_result


def worth_keeping(result: FileResult) -> bool:
    """Whether the cache keeps a file's result: when it was read on the precise YAML path
    (~1.4 us a byte; the fast path ~0.05). Known from the result, not from a clock, so the
    same record keeps the same files on a busy machine. Nothing else costs that much by
    construction: a file too large is not read, Markdown sections are not parsed, and
    explaining schema errors is bounded (`ogpctl.source.limits`)."""
    return result[6]


def _remember(cache: FileCache, known: dict[str, FileRow], kept: list[Row]) -> None:
    """Keep the costly files' results; forget files gone, or cheap to read now."""
    cache.store_files([row for row in kept if known.get(row[0]) != row[1:]])
    paths = {row[0] for row in kept}
    cache.forget_files(sorted(path for path in known if path not in paths))


def _from_cache(root: Path, ref: SourceRef, known: dict[str, FileRow], cache: FileCache | None
                ) -> Job | tuple[Read, Row | None]:
    """A Job to parse, or (read, the cache row to keep or None when it is not cached)."""
    path = os.path.join(root, ref.path)   # a string: a Path a file costs more than the read
    entry = known.get(ref.path)
    try:
        st = os.lstat(path)
        if st.st_size > MAX_FILE_BYTES:
            return (_too_large(ref.kind, st.st_size), True), None
        if entry and entry[:2] == (st.st_size, st.st_mtime_ns) and cache and cache.trusted(
                st.st_mtime_ns):
            read = _cached(entry[3])
            if read is not None:
                return read, (ref.path, *entry)
        raw = _read(path, st.st_size)
    except OSError as error:
        return (read_bytes_error(ref.kind, error), True), None
    if entry and entry[2] == digest(raw):               # touched but unchanged
        read = _cached(entry[3])
        if read is not None:
            return read, (ref.path, st.st_size, st.st_mtime_ns, entry[2], entry[3])
    return Job(ref, raw, st)


def _cached(blob: bytes) -> Read | None:
    """A file's read from the cache; None when the entry is not one (so the file is read)."""
    value = unpack(blob)
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], bool):
        return value[0], value[1]
    return None


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)


def _read(path: str, expected: int = 0) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes of the file, read without a file object, asking
    first for the `expected` size (and one byte more, to see the end): a buffer of the
    limit a file would cost more than the read. O_NOFOLLOW: a file swapped for a link
    after discovery is still not followed."""
    fd = os.open(path, _READ_FLAGS)
    try:
        chunks: list[bytes] = []
        size = 0
        ask = min(expected, MAX_FILE_BYTES) + 1
        while size <= MAX_FILE_BYTES:   # a read may return less than asked: read to the end
            chunk = os.read(fd, min(ask, MAX_FILE_BYTES + 1 - size))
            ask = 1 << 16   # the end, or the rest of a file grown since its lstat
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


def _too_large(kind: Kind, size: int) -> FileResult:
    return (kind.value, False, None, None, 1, [tuple(Problem(
        "R008", f"the file is {size:,} bytes; record files are limited to {MAX_FILE_BYTES:,} "
        "bytes, so it was not read", 1, 1))], False)


def read_bytes_error(kind: Kind, error: OSError) -> FileResult:
    reason = error.strerror or str(error)
    return (kind.value, False, None, None, 1, [tuple(Problem(
        "R001", f"the file cannot be read: {reason}", 1, 1))], False)


def _parse_all(jobs: list[Job], pool: Executor | None
               ) -> list[tuple[FileResult | None, bytes]]:
    """(result, marshalled result) a file; from worker processes only the bytes come back,
    and here the result alone."""
    closed = len(jobs) >= CLOSED_MIN
    items = [(job.ref.kind.value, job.raw, closed) for job in jobs]
    if pool is None or len(items) < PARALLEL_MIN:
        return [(read_bytes(raw, Kind(kind), closed), b"") for kind, raw, closed in items]
    batches = [items[i:i + BATCH] for i in range(0, len(items), BATCH)]
    return [(None, blob) for done in pool.map(parse_batch, batches) for blob in done]


def parse_batch(jobs: list[tuple[str, bytes, bool]]) -> list[bytes]:
    """Worker entry point: parse and validate files; their results marshalled."""
    return [marshal.dumps(read_bytes(raw, Kind(kind), closed)) for kind, raw, closed in jobs]

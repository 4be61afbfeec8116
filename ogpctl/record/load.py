"""Reading every file of a record into Documents: from the cache when unchanged, in
parallel worker processes when there is much to parse."""

from __future__ import annotations

import marshal
import os
from concurrent.futures import Executor
from pathlib import Path

from ogpctl.base.cache import Cache, digest
from ogpctl.record.discover import Layout, SourceRef, discover
from ogpctl.record.kinds import Kind
from ogpctl.record.model import Document, Record, build_record
from ogpctl.record.read import FileResult, read_bytes, to_document
from ogpctl.source.problems import Problem
from ogpctl.source.text import MAX_FILE_BYTES

#: Below this many files to parse, worker processes cost more than they save.
PARALLEL_MIN = 48
BATCH = 24

Loaded = tuple[dict[str, Document], list[tuple[str, Problem]]]


def load_record(root: Path | str) -> Record:
    """Read a record without checking it: the model a Python user or a command works on."""
    root = Path(root)
    layout = discover(root)
    documents, _ = load_documents(root, layout)
    return build_record(root, documents, layout.plan_ids)


def load_documents(root: Path, layout: Layout, cache: Cache | None = None,
                   pool: Executor | None = None) -> Loaded:
    known = cache.files() if cache else {}
    results: dict[str, FileResult] = {}
    to_parse: list[tuple[SourceRef, bytes, os.stat_result, bytes]] = []
    fresh: list[tuple[str, int, int, bytes, bytes]] = []
    for ref in layout.files:
        item = _from_cache(root, ref, known, cache)
        if item[0] == "hit":
            results[ref.path] = item[1]
            if item[2] is not None:
                fresh.append(item[2])
        else:
            to_parse.append(item[1])
    parsed = _parse_all(to_parse, pool)
    for (ref, _raw, st, key), (result, blob) in zip(to_parse, parsed):
        results[ref.path] = result if result is not None else marshal.loads(blob)
        fresh.append((ref.path, st.st_size, st.st_mtime_ns, key, blob))
    if cache is not None:
        cache.store_files(fresh)
    documents, problems = {}, []
    for ref in layout.files:
        if ref.path in results:
            doc, found = to_document(ref.path, results[ref.path])
            documents[ref.path] = doc
            problems.extend((ref.path, p) for p in found)
    return documents, problems


def _from_cache(root: Path, ref: SourceRef, known: dict, cache: Cache | None) -> tuple:
    """("hit", result, stat row to store or None), or ("parse", item to parse)."""
    path = root / ref.path
    try:
        st = path.lstat()
        if st.st_size > MAX_FILE_BYTES:
            return ("hit", _too_large(ref.kind, st.st_size), None)
        entry = known.get(ref.path)
        if entry and entry[:2] == (st.st_size, st.st_mtime_ns) and cache and cache.trusted(
                st.st_mtime_ns):
            return ("hit", marshal.loads(entry[3]), None)
        raw = _read(path)
    except OSError as error:
        return ("hit", read_bytes_error(ref.kind, error), None)
    key = digest(raw)
    if entry and entry[2] == key:               # touched but unchanged
        return ("hit", marshal.loads(entry[3]), (ref.path, st.st_size, st.st_mtime_ns, key,
                                                  entry[3]))
    return ("parse", (ref, raw, st, key))


def _read(path: Path) -> bytes:
    # O_NOFOLLOW: a file swapped for a link after discovery is still not followed.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def _too_large(kind: Kind, size: int) -> FileResult:
    return (kind.value, False, None, None, 1, [tuple(Problem(
        "R008", f"the file is {size:,} bytes; record files are limited to {MAX_FILE_BYTES:,} "
        "bytes, so it was not read", 1, 1))])


def read_bytes_error(kind: Kind, error: OSError) -> FileResult:
    reason = error.strerror or str(error)
    return (kind.value, False, None, None, 1, [tuple(Problem(
        "R001", f"the file cannot be read: {reason}", 1, 1))])


def _parse_all(items: list, pool: Executor | None) -> list[tuple[FileResult | None, bytes]]:
    """(result, marshalled result) a file; in worker processes only the bytes come back."""
    jobs = [(ref.kind.value, raw) for ref, raw, _st, _key in items]
    if pool is None or len(jobs) < PARALLEL_MIN:
        results = [read_bytes(raw, Kind(kind)) for kind, raw in jobs]
        return [(result, marshal.dumps(result)) for result in results]
    batches = [jobs[i:i + BATCH] for i in range(0, len(jobs), BATCH)]
    return [(None, blob) for result in pool.map(parse_batch, batches) for blob in result]


def parse_batch(jobs: list[tuple[str, bytes]]) -> list[bytes]:
    """Worker entry point: parse and validate files, return marshalled results."""
    return [marshal.dumps(read_bytes(raw, Kind(kind))) for kind, raw in jobs]

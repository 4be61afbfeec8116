#!/usr/bin/env python3
"""Time reading a record's git history and building its repository index.

    .venv/bin/python benchmarks/history.py [--files 3000] [--commits 2000] [--keep DIR]

Builds (with `git fast-import`, in a few seconds) a repository holding sample-country and
~3,000 evidence files added and changed over ~2,000 commits dated 2023-2026, then times
`read_history` (one `git log`) and `build_index`, best of three. Prints one JSON object;
used by benchmarks/run.py (target: history + index under 2 s).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "sample-country"
START = 1_672_531_200          # 2023-01-01T00:00:00Z
SPAN = 4 * 365 * 86_400        # commits spread over four years
FOLDERS = ("process", "01-public-works-open-contracting", "02-beneficial-ownership-open-data",
           "03-climate-finance-transparency", "04-justice-open-data",
           "05-digital-services-feedback", "06-participatory-budgeting-puerto-alegre")


def _data(payload: bytes) -> bytes:
    return b"data %d\n%s\n" % (len(payload), payload)


def _commit(stream: list[bytes], number: int, when: int, changes: list[tuple[str, bytes]]
            ) -> None:
    who = b"Ana Perez <ogp@finance.veridia.example> %d +0000" % when
    stream += [b"commit refs/heads/main\n", b"author " + who + b"\n",
               b"committer " + who + b"\n", _data(b"Update %d" % number)]
    for path, payload in changes:
        stream += [b"M 100644 inline " + path.encode() + b"\n", _data(payload)]


def _sample_files() -> list[tuple[str, bytes]]:
    return sorted((p.relative_to(SAMPLE).as_posix(), p.read_bytes()) for p in SAMPLE.rglob("*")
                  if p.is_file() and ".ogpctl-cache" not in p.parts)


def build(repo: Path, files: int, commits: int) -> None:
    """A repository at `repo`: sample-country, then `files` evidence files over `commits`."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    stream: list[bytes] = []
    _commit(stream, 0, START, _sample_files())
    added = 0
    for number in range(1, commits):
        when = START + SPAN * number // commits
        changes = []
        for _ in range(files * number // (commits - 1) - added):   # new evidence files
            folder = FOLDERS[added % len(FOLDERS)]
            sub = f"batch-{added // 500:02d}/" if added % 3 else ""
            changes.append((f"plans/2026-2030/evidence/{folder}/{sub}item-{added:05d}.csv",
                            b"row,%d\n" % added))
            added += 1
        if added and number % 4 == 0:                              # an edit of an older one
            old = (number * 7919) % added
            folder = FOLDERS[old % len(FOLDERS)]
            sub = f"batch-{old // 500:02d}/" if old % 3 else ""
            changes.append((f"plans/2026-2030/evidence/{folder}/{sub}item-{old:05d}.csv",
                            b"row,%d,edited %d\n" % (old, number)))
        _commit(stream, number, when, changes)
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1")
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=b"".join(stream),
                   check=True, env=env)
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=repo, check=True, env=env)


def measure(repo: Path, repeat: int = 3) -> dict:
    from ogpctl.base.vcs import read_history
    from ogpctl.domain.document_repository import build_index
    from ogpctl.record.load import load_record

    started = time.perf_counter()
    record = load_record(repo)
    loaded = time.perf_counter() - started
    best: tuple[float, float] | None = None
    for _ in range(repeat):
        started = time.perf_counter()
        history = read_history(repo)
        read = time.perf_counter() - started
        index = build_index(record, history)
        indexed = time.perf_counter() - started - read
        if best is None or read + indexed < sum(best):
            best = (read, indexed)
    assert best is not None
    items = sum(len(f.items) for p in index.plans for f in p.folders)
    return {"commits": len(history.commits), "evidence-items": items, "load": round(loaded, 3),
            "history": round(best[0], 3), "index": round(best[1], 3),
            "total": round(sum(best), 3)}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="build the repository here and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ogpctl-bench-history-") as tmp:
        repo = args.keep or Path(tmp) / "record"
        started = time.perf_counter()
        build(repo, args.files, args.commits)
        built = time.perf_counter() - started
        figures = measure(repo)
    return {"build": round(built, 3), **figures}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))

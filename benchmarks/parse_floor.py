#!/usr/bin/env python3
"""The read-and-parse floor: read every .yaml and .md file of a corpus and parse the YAML
(whole files, and the front matter of Markdown files) with yaml_rs, the parser ogpctl's
fast path uses. No checking at all: no checker that reads the files can use less CPU.

    .venv/bin/python benchmarks/parse_floor.py benchmarks/corpus

Prints one JSON object: files, bytes, CPU seconds (user + system of this process, reading
and parsing only) and wall seconds. Used by benchmarks/run.py.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

import yaml_rs


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def front_matter(text: str) -> str | None:
    """The YAML between a Markdown file's opening `---` line and the next one."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 4)
    return text[4:end + 1] if end >= 0 else None


def files_of(corpus: Path) -> list[str]:
    found = []
    for folder, dirs, names in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(folder, n) for n in sorted(names) if n.endswith((".yaml", ".md"))]
    return found


def main(corpus: Path) -> dict:
    paths = files_of(corpus)        # listing the folders is not counted: ogpctl lists too
    started, wall = cpu(), time.perf_counter()
    size = parsed = 0
    for path in paths:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
        size += len(text)
        source = text if path.endswith(".yaml") else front_matter(text)
        if source is not None:
            yaml_rs.loads(source)
            parsed += 1
    return {"files": len(paths), "parsed": parsed, "characters": size,
            "cpu": round(cpu() - started, 3), "wall": round(time.perf_counter() - wall, 3)}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))

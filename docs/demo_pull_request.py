"""`make demo`, second part: what a reviewer sees when a pull request breaks the record.

Copies sample-country/ to a temporary folder, makes the edits a hurried pull request
might make, and runs `ogpctl check` on the copy in the terminal and GitHub formats.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from ogpctl.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "sample-country"
COMMITMENT = "plans/2026-2030/commitments/03-climate-finance-transparency.yaml"


def edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(pattern, replacement, text, count=1, flags=re.M), encoding="utf-8")


def main_demo() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        record = Path(tmp) / "sample-country"
        shutil.copytree(SAMPLE, record, ignore=shutil.ignore_patterns(".ogpctl-cache"))
        target = record / COMMITMENT
        edit(target, r"^(\s+)due: \d{4}-\d{2}-\d{2}", r"\1due: Fall 2027")       # S240
        edit(target, r"^(\s+)output:\n(\s+)en: .*", r"\1output:\n\2en: Promote climate "
             r"transparency")                                                   # S211
        edit(target, r"^lead: .*", "lead: ministry-of-climate")                  # F110
        edit(target, r"^(\s+)es: .*\n", "")                                      # L301
        os.chdir(tmp)   # as in a CI checkout: paths relative to the repository
        print(f"$ ogpctl check -C sample-country   (after a hurried edit of {target.name})\n",
              flush=True)
        main(["check", "-C", "sample-country", "--today", "2026-11-23", "--no-cache"])
        print("\n$ ogpctl check -C sample-country --format github   (the same findings as "
              "pull-request annotations)\n", flush=True)
        code = main(["check", "-C", "sample-country", "--today", "2026-11-23", "--no-cache",
                     "--format", "github"])
        os.chdir(SAMPLE.parent)
        return code


if __name__ == "__main__":
    code = main_demo()
    sys.exit(0 if code == 1 else 1)   # the broken copy must fail the check

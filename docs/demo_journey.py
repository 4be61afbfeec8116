"""`make demo`, first part: a record's whole life from an empty folder.

A Spanish and English record made with `ogpctl init`, `new-plan` and `new-commitment`, the
guide questions answered in an editor, contributions imported from a form export, then
delivery, progress, an amendment, the refresh and the end of term, with `status`,
`check`, `render`, `site` and the rest run at each stage. The steps are the journey test's
(tests/journey.py), so what the demo shows is what the tests hold. Everything is written
under build/journey/.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.journey import Result, live  # noqa: E402

#: Commands whose output the demo shows (the others run quietly).
SHOWN = {"init", "new-plan", "new-commitment", "status", "import", "tag-submission", "diff",
         "progress", "deadlines"}


def show(args: tuple[str, ...], result: Result, base: Path) -> None:
    words = [str(Path(a).relative_to(base)) if a.startswith(str(base)) else a for a in args]
    print(f"$ ogpctl {' '.join(words)}")
    if args[0] not in SHOWN or "json" in args:
        print(f"  (exit {result.code})")
        return
    lines = (result.out + result.err).rstrip().splitlines()
    for line in lines[:14]:
        print(f"  {line.replace(str(base) + '/', '')}")
    if len(lines) > 14:
        print(f"  … {len(lines) - 14} more lines")


def main() -> int:
    base = ROOT / "build" / "journey"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    journey = live(base / "costa-serena", echo=lambda a, r: show(a, r, base))
    print(f"\nThe record, its documents and websites are in {base.relative_to(ROOT)}/: "
          "cocreation/, amendment/, end/ (documents), site-cocreation/ and "
          f"site-implementation/ (websites); {len(journey.log)} commands ran.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

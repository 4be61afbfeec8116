"""The rule corpus's case format (tests/cases/README.md), and a command to write cases.

A case changes `tests/cases/_base/` with `changes.diff`, a unified diff in git's format
(edits, copies, deletions of base files), and adds the files of `record/` (files the base
does not have). `expected.txt` pins every finding: code, place (line and column), severity
and message.

    python -m tests.casefiles record CASE DEST   # the case's record in DEST, to edit
    python -m tests.casefiles diff CASE EDITED   # changes.diff and record/ from an edit
    python -m tests.casefiles expect CASE ...    # expected.txt from ogpctl's findings
"""

from __future__ import annotations

import difflib
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

CASES = Path(__file__).parent / "cases"
BASE = CASES / "_base"
DIFF = "changes.diff"
OVERLAY = "record"
TODAY = date(2026, 11, 23)
#: Lines of context around each change, as `git diff` writes them.
CONTEXT = 3
#: A new file is written as a copy of a base file when at most this share of it differs.
COPY_RATIO = 0.5

_HUNK = re.compile(rb"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_NO_EOL = b"\\ No newline at end of file"
_FINDING = re.compile(r"(\S+) (.+):(\d+):(\d+) (error|warning|info) (.*)")


class CaseError(ValueError):
    """A case folder that does not follow the format; the message says where."""


# -- the diff ---------------------------------------------------------------------------


@dataclass
class Hunk:
    old_start: int
    new_start: int
    old: list[bytes] = field(default_factory=list)   # context and removed lines
    new: list[bytes] = field(default_factory=list)   # context and added lines


@dataclass
class FilePatch:
    """One file's change: `source` None for a new file, `target` None for a deletion,
    `source` != `target` for a copy of a base file."""

    source: str | None
    target: str | None
    hunks: list[Hunk] = field(default_factory=list)


def split_lines(data: bytes) -> list[bytes]:
    """Lines with their ends; only LF ends a line (a CR stays part of its line)."""
    lines = data.split(b"\n")
    out = [line + b"\n" for line in lines[:-1]]
    return out + ([lines[-1]] if lines[-1] else [])


def parse_diff(data: bytes, where: str) -> list[FilePatch]:
    patches: list[FilePatch] = []
    lines = split_lines(data)
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith(b"diff --git "):
            patches.append(FilePatch(None, None))
        elif not patches:
            raise CaseError(f"{where}:{index + 1}: expected 'diff --git a/PATH b/PATH'")
        elif line.startswith((b"copy from ", b"--- ")):
            patches[-1].source = _path(line, where, index)
        elif line.startswith((b"copy to ", b"+++ ")):
            patches[-1].target = _path(line, where, index)
        elif line.startswith(b"@@"):
            hunk, index = _hunk(lines, index, where)
            patches[-1].hunks.append(hunk)
            continue
        elif not line.startswith((b"new file mode", b"deleted file mode", b"similarity",
                                  b"index ")):
            raise CaseError(f"{where}:{index + 1}: unexpected line {line!r}")
        index += 1
    return patches


def _path(line: bytes, where: str, index: int) -> str | None:
    name = line.rstrip(b"\n").split(b" ", 2)[-1] if line.startswith(b"copy") else line[4:-1]
    if name == b"/dev/null":
        return None
    text = name.decode("utf-8")
    if text.startswith('"'):
        raise CaseError(f"{where}:{index + 1}: a quoted path; put the file in record/ instead")
    return text[2:] if text.startswith(("a/", "b/")) else text


def _hunk(lines: list[bytes], index: int, where: str) -> tuple[Hunk, int]:
    match = _HUNK.match(lines[index])
    if match is None:
        raise CaseError(f"{where}:{index + 1}: a hunk header is '@@ -OLD,N +NEW,N @@'")
    old_count = int(match[2]) if match[2] is not None else 1
    new_count = int(match[4]) if match[4] is not None else 1
    hunk = Hunk(int(match[1]), int(match[3]))
    index += 1
    while (len(hunk.old) < old_count or len(hunk.new) < new_count) and index < len(lines):
        line = lines[index]
        body = line[1:] if line != b"\n" else b"\n"   # an editor may strip a blank context
        if line.startswith(b"\\"):
            raise CaseError(f"{where}:{index + 1}: misplaced '{_NO_EOL.decode()}'")
        kind = line[:1] if line != b"\n" else b" "
        if kind not in (b" ", b"-", b"+"):
            raise CaseError(f"{where}:{index + 1}: a hunk line starts with ' ', '-' or '+'")
        if index + 1 < len(lines) and lines[index + 1].rstrip(b"\n") == _NO_EOL:
            body = body[:-1]
            index += 1
        if kind in (b" ", b"-"):
            hunk.old.append(body)
        if kind in (b" ", b"+"):
            hunk.new.append(body)
        index += 1
    if (len(hunk.old), len(hunk.new)) != (old_count, new_count):
        raise CaseError(f"{where}: the hunk at '{lines[0 if index >= len(lines) else index]!r}'"
                        f" has {len(hunk.old)} old and {len(hunk.new)} new lines; its header "
                        f"says {old_count} and {new_count}")
    return hunk, index


def patched(text: list[bytes], hunks: list[Hunk], where: str) -> list[bytes]:
    """`text` with every hunk applied; a hunk's old lines must be found, at its line or as
    near to it as they are (the base may have grown above them)."""
    out: list[bytes] = []
    done = 0
    for hunk in hunks:
        at = _find(text, hunk, done)
        if at is None:
            raise CaseError(f"{where}: the hunk at line {hunk.old_start} does not match the "
                            f"base: {b''.join(hunk.old)[:200]!r}")
        out.extend(text[done:at])
        out.extend(hunk.new)
        done = at + len(hunk.old)
    return out + text[done:]


def _find(text: list[bytes], hunk: Hunk, start: int) -> int | None:
    size = len(hunk.old)
    wanted = max(hunk.old_start - (1 if size else 0), start)
    places = [at for at in range(start, len(text) - size + 1) if text[at:at + size] == hunk.old]
    return min(places, key=lambda at: (abs(at - wanted), at)) if places else None


def changed_files(data: bytes, base: Path, where: str) -> dict[str, bytes | None]:
    """What a case's diff makes of `base`'s files: each path it writes with its bytes, each
    it deletes with None. Every patch reads its file as the base has it (as git does)."""
    changed: dict[str, bytes | None] = {}
    for patch in parse_diff(data, where):
        name = patch.target or patch.source
        if name is None or name in changed:
            raise CaseError(f"{where}: a file patch needs a path, once ({name})")
        source = base / patch.source if patch.source else None
        if source is not None and not source.is_file():
            raise CaseError(f"{where}: {patch.source} is not a file of _base")
        if patch.source != patch.target and patch.target and (base / patch.target).exists():
            raise CaseError(f"{where}: {patch.target} is already a file of _base")
        old = split_lines(source.read_bytes()) if source is not None else []
        new = patched(old, patch.hunks, f"{where} ({name})")
        if patch.target is None and new:
            raise CaseError(f"{where}: deleting {name} must remove all its lines")
        changed[name] = None if patch.target is None else b"".join(new)
    return changed


def apply_diff(data: bytes, base: Path, record: Path, where: str) -> set[str]:
    """Apply a case's diff to `record`, a copy of `base`; the paths it wrote or removed."""
    changed = changed_files(data, base, where)
    for name, content in changed.items():
        target = record / name
        if content is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    return set(changed)


def case_texts() -> dict[str, bytes]:
    """The files every case adds or changes, by "CASE/path" (for tests that read texts)."""
    texts: dict[str, bytes] = {}
    for case in case_dirs():
        diff = case / DIFF
        if diff.is_file():
            for name, data in changed_files(diff.read_bytes(), BASE, case.name).items():
                if data is not None:
                    texts[f"{case.name}/{name}"] = data
        overlay = case / OVERLAY
        for path in sorted(overlay.rglob("*")) if overlay.is_dir() else []:
            if path.is_file():
                texts[f"{case.name}/{path.relative_to(overlay).as_posix()}"] = path.read_bytes()
    return texts


def make_diff(source: str | None, target: str | None, old: bytes, new: bytes) -> bytes:
    """One file's patch as `git diff` writes it (a copy when source != target)."""
    a, b = split_lines(old), split_lines(new)
    shown = source or target
    head = [f"diff --git a/{shown} b/{target or source}\n"]
    if source is None:
        head.append("new file mode 100644\n")
    elif target is None:
        head.append("deleted file mode 100644\n")
    elif source != target:
        head += [f"copy from {source}\n", f"copy to {target}\n"]
    head += [f"--- {'a/' + source if source else '/dev/null'}\n",
             f"+++ {'b/' + target if target else '/dev/null'}\n"]
    out = [line.encode() for line in head]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for group in matcher.get_grouped_opcodes(CONTEXT):
        out.append(_header(group))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(_body(b" ", a[i1:i2]))
                continue
            out.extend(_body(b"-", a[i1:i2]))
            out.extend(_body(b"+", b[j1:j2]))
    return b"".join(out)


def _header(group: list[tuple[str, int, int, int, int]]) -> bytes:
    first, last = group[0], group[-1]
    old = _range(first[1], last[2])
    new = _range(first[3], last[4])
    return f"@@ -{old} +{new} @@\n".encode()


def _range(start: int, end: int) -> str:
    length = end - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def _body(mark: bytes, lines: list[bytes]) -> list[bytes]:
    out = []
    for line in lines:
        out.append(mark + line)
        if not line.endswith(b"\n"):
            out.append(b"\n" + _NO_EOL + b"\n")
    return out


# -- a case folder ----------------------------------------------------------------------


def case_dirs() -> list[Path]:
    return sorted(path.parent for path in CASES.glob("*/expected.txt"))


def build_record(case: Path, dest: Path) -> Path:
    """Copy `_base` to `dest`, apply the case's changes.diff and add its record/ files."""
    shutil.copytree(BASE, dest)
    diff = case / DIFF
    touched = apply_diff(diff.read_bytes(), BASE, dest, f"{case.name}/{DIFF}") \
        if diff.is_file() else set()
    overlay = case / OVERLAY
    for source in sorted(overlay.rglob("*")) if overlay.is_dir() else []:
        if not source.is_file():
            continue
        name = source.relative_to(overlay).as_posix()
        if (BASE / name).exists() or name in touched:
            raise CaseError(f"{case.name}/{OVERLAY}/{name}: _base has this file; change it "
                            f"in {DIFF} instead")
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return dest


def record_files(root: Path) -> dict[str, bytes]:
    """Every file of the record at `root` (not git's or the check cache's), by path."""
    from ogpctl.record.discover import SKIP_DIRS

    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*"))
            if path.is_file() and not SKIP_DIRS & set(path.relative_to(root).parts)}


def write_case(case: Path, edited: Path) -> None:
    """Write `case`'s changes.diff and record/ so that they turn _base into `edited`."""
    base, new = record_files(BASE), record_files(edited)
    patches: list[bytes] = []
    whole: dict[str, bytes] = {}
    for name in sorted(base.keys() | new.keys()):
        old_data, new_data = base.get(name), new.get(name)
        if old_data == new_data:
            continue
        if new_data is None:
            patches.append(make_diff(name, None, old_data or b"", b""))
        elif old_data is not None:
            patches.append(make_diff(name, name, old_data, new_data))
        elif (origin := _origin(base, new_data)) is not None:
            patches.append(make_diff(origin, name, base[origin], new_data))
        else:
            whole[name] = new_data
    shutil.rmtree(case / OVERLAY, ignore_errors=True)
    (case / DIFF).unlink(missing_ok=True)
    case.mkdir(parents=True, exist_ok=True)
    if patches:
        (case / DIFF).write_bytes(b"".join(patches))
    for name, data in whole.items():
        (case / OVERLAY / name).parent.mkdir(parents=True, exist_ok=True)
        (case / OVERLAY / name).write_bytes(data)


def _origin(base: dict[str, bytes], data: bytes) -> str | None:
    """The base file `data` is most like, when it is a copy with few changes."""
    lines = split_lines(data)
    best, share = None, 1.0
    for name, old in base.items():
        matcher = difflib.SequenceMatcher(None, split_lines(old), lines, autojunk=False)
        changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
                      if tag != "equal") / max(len(lines), 1)
        if changed < share:
            best, share = name, changed
    return best if share <= COPY_RATIO else None


# -- expected findings ------------------------------------------------------------------


def finding_line(code: str, file: str, line: int, column: int, severity: str,
                 message: str) -> str:
    if "\n" in message:
        raise CaseError(f"{code} {file}:{line}: a message of more than one line")
    return f"{code} {file}:{line}:{column} {severity} {message}"


def parse_finding(text: str) -> tuple[str, str, int, int, str, str] | None:
    match = _FINDING.fullmatch(text)
    if match is None:
        return None
    code, file, line, column, severity, message = match.groups()
    return code, file, int(line), int(column), severity, message


def read_expected(case: Path) -> list[str]:
    text = (case / "expected.txt").read_text(encoding="utf-8")
    return [line.rstrip() for line in text.splitlines() if line.strip()]


class Options(NamedTuple):
    """A case's check options (options.txt)."""

    today: date = TODAY
    stage: str | None = None      # --for
    strict: bool = False          # --strict: unused suppressions are reported too


def read_options(case: Path) -> Options:
    """`options.txt`: `--today YYYY-MM-DD`, `--for STAGE` and `--strict`, one a line."""
    options = Options()
    options_file = case / "options.txt"
    lines = options_file.read_text(encoding="utf-8").splitlines() if options_file.is_file() else []
    for line in lines:
        words = line.replace("=", " ", 1).split()
        if not words or words[0].startswith("#"):
            continue
        name, value = words[0], words[1] if len(words) > 1 else ""
        if name == "--for":
            options = options._replace(stage=value)
        elif name == "--today":
            options = options._replace(today=date.fromisoformat(value))
        elif name == "--strict" and not value:
            options = options._replace(strict=True)
        else:
            raise CaseError(f"{case.name}/options.txt: unknown option {line!r}")
    return options


def findings(record: Path, options: Options) -> list[str]:
    """Every finding of `ogpctl check` on `record`, one expected.txt line each."""
    from ogpctl.check.run import CheckOptions, check
    from ogpctl.record.model import Stage

    stage = Stage.parse(options.stage) if options.stage else None
    checked = check([record], CheckOptions(today=options.today, stage=stage, use_cache=False,
                                           strict=options.strict))
    return [finding_line(d.code, d.file, d.line, d.column, str(d.severity), d.message)
            for d in checked.diagnostics]


def expect(case: Path, scratch: Path) -> list[str]:
    lines = findings(build_record(case, scratch / case.name), read_options(case))
    (case / "expected.txt").write_text("".join(line + "\n" for line in lines),
                                       encoding="utf-8")
    return lines


def main(argv: list[str]) -> int:
    usage = "usage:\n" + "\n".join((__doc__ or "").strip().splitlines()[-3:])
    command, names = (argv[0], argv[1:]) if argv else ("", [])
    if not (command in ("record", "diff") and len(names) == 2 or command == "expect" and names):
        print(usage, file=sys.stderr)
        return 2
    cases = [Path(name) if "/" in name else CASES / name for name in names]
    try:
        _run(command, cases, names)
    except (CaseError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


def _run(command: str, cases: list[Path], names: list[str]) -> None:
    import tempfile

    if command == "record":
        build_record(cases[0], Path(names[1]))
    elif command == "diff":
        if not (Path(names[1]) / "ogp.yaml").is_file():
            raise CaseError(f"{names[1]}: not a record (no ogp.yaml)")
        write_case(cases[0], Path(names[1]))
    else:
        with tempfile.TemporaryDirectory() as scratch:
            for case in cases:
                print(f"{case.name}: {len(expect(case, Path(scratch)))} findings")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

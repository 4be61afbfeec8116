#!/usr/bin/env python3
"""Benchmark ogpctl: wall times and peak memory against the project's targets.

    .venv/bin/python benchmarks/run.py [--quick] [--repeat N] [--corpus-repeat M]

Prints one line a figure: the measurement, its target and PASS/MISS. It is a report, so it
always exits 0; a command that cannot run (ogpctl not installed yet, an option it does not
know, a crash) is reported on its line instead of stopping the run.

The ogpctl and check-jsonschema scripts are taken from the folder of the Python running this
script (sys.executable), so run it with the project's virtualenv Python. See
benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SCHEMAS = REPO / "schemas"
BIN = Path(sys.executable).parent
OGPCTL = BIN / "ogpctl"
CHECK_JSONSCHEMA = BIN / "check-jsonschema"
GNU_TIME = Path("/usr/bin/time")
TODAY = "2026-11-23"  # the generator's REFERENCE_TODAY; fixed so results do not drift
MB = 1024 * 1024

# The wrapper used when /usr/bin/time is missing: runs the command, then reports its own
# wall time (so Python's start-up is not counted) and the children's peak RSS.
_WRAPPER = r"""
import json, resource, subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
t0 = time.perf_counter()
try:
    rc = subprocess.run(cmd).returncode
except OSError as e:
    sys.stderr.write(f"{e}\n"); rc = 127
wall = time.perf_counter() - t0
kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
json.dump({"wall": wall, "maxrss_kb": kb, "rc": rc}, open(out, "w"))
sys.exit(rc)
"""


@dataclass
class Run:
    wall: float
    rss: int | None  # bytes: ru_maxrss, the largest single process
    rc: int
    stdout: str
    stderr: str
    tree: int | None = None  # bytes: sampled peak of the whole process tree (PSS sum)


@dataclass
class Row:
    name: str
    value: float | None = None
    unit: str = "s"
    target: str = ""
    ok: bool | None = None
    rss: int | None = None
    note: str = ""
    extra: dict = field(default_factory=dict)


def _tree_memory(root: int) -> int:
    """PSS (or RSS) summed over `root` and its descendants, in bytes; 0 if unreadable."""
    total, stack, seen = 0, [root], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
                for line in f:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            try:
                with open(f"/proc/{pid}/statm", "rb") as f:
                    total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            except (OSError, ValueError, IndexError):
                pass
        try:
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/children", "rb") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            pass
    return total


class _TreeSampler(threading.Thread):
    """Samples the memory of a process tree every `interval` seconds while it runs."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, _tree_memory(self.pid))
            self.done.wait(self.interval)


def run_once(cmd: list[str], cwd: Path = REPO, sample_tree: bool = False) -> Run:
    """Run `cmd` in a fresh process and return its wall time and peak RSS.

    Peak RSS is ru_maxrss of the measured process as reported by wait4 (GNU time %M or the
    fallback wrapper's RUSAGE_CHILDREN): on Linux that is the largest resident set of any
    single process in the tree, not the sum of processes running at the same time. With
    `sample_tree`, a thread also samples the PSS of the whole tree (worker processes
    included) every 50 ms; the wall time is taken from the blocking wait, not the sampler.
    """
    env = dict(os.environ, NO_COLOR="1", TERM="dumb", COLUMNS="120")
    with tempfile.TemporaryDirectory(prefix="ogpctl-bench-run-") as tmp:
        out = os.path.join(tmp, "rss")
        if GNU_TIME.exists():
            full = [str(GNU_TIME), "-f", "%M", "-o", out, *cmd]
        else:
            full = [sys.executable, "-c", _WRAPPER, out, *cmd]
        with open(os.path.join(tmp, "stdout"), "w+b") as so, \
                open(os.path.join(tmp, "stderr"), "w+b") as se:
            t0 = time.perf_counter()
            try:
                proc = subprocess.Popen(full, cwd=cwd, env=env, stdout=so, stderr=se)
            except OSError as error:
                return Run(0.0, None, 127, "", str(error))
            sampler = _TreeSampler(proc.pid) if sample_tree and os.path.isdir("/proc") \
                else None
            if sampler:
                sampler.start()
            rc = proc.wait()
            wall = time.perf_counter() - t0
            if sampler:
                sampler.done.set()
                sampler.join()
            so.seek(0)
            se.seek(0)
            stdout = so.read().decode("utf-8", "replace")
            stderr = se.read().decode("utf-8", "replace")
        rss = None
        text = Path(out).read_text().strip() if os.path.exists(out) else ""
        if GNU_TIME.exists():
            # "Command exited with non-zero status 1" may precede the figure.
            last = text.splitlines()[-1] if text else ""
            rss = int(last) * 1024 if last.isdigit() else None
        elif text:
            info = json.loads(text)
            wall, rss = info["wall"], info["maxrss_kb"] * 1024
        return Run(wall, rss, rc, stdout, stderr, sampler.peak if sampler else None)


def failure(run: Run, ok_codes: tuple[int, ...]) -> str | None:
    """Why a run counts as failed, or None. `ogpctl check` exits 1 on findings (fine), but
    an uncaught exception also exits 1, so a traceback is a failure whatever the code."""
    tb = "Traceback (most recent call last)" in run.stderr
    if run.rc in ok_codes and not tb:
        return None
    lines = [ln for ln in run.stderr.strip().splitlines() if ln.strip()]
    if not lines:
        lines = [ln for ln in run.stdout.strip().splitlines() if ln.strip()]
    why = lines[-1].strip() if lines else "no output"
    why = re.sub(r"\s+", " ", why)[:110]
    return f"exit {run.rc}: {why}"


def best_of(cmd: list[str], n: int, ok_codes=(0,), before=None, cwd: Path = REPO,
            sample_tree: bool = False) -> tuple[Run | None, str | None]:
    """Best wall time of n runs (memory: the largest seen). Stops at the first failure."""
    best: Run | None = None
    peak = tree = None
    for _ in range(max(1, n)):
        if before:
            before()
        run = run_once(cmd, cwd, sample_tree)
        why = failure(run, ok_codes)
        if why:
            return None, why
        if run.rss is not None:
            peak = max(peak or 0, run.rss)
        if run.tree:
            tree = max(tree or 0, run.tree)
        if best is None or run.wall < best.wall:
            best = run
    assert best is not None
    best.rss, best.tree = peak, tree
    return best, None


# ---------------------------------------------------------------------------------------
# Output

def fmt_value(row: Row) -> str:
    if row.value is None:
        return "-"
    if row.unit == "s":
        return f"{row.value:.3f} s" if row.value < 10 else f"{row.value:.1f} s"
    if row.unit == "MB":
        return f"{row.value:,.0f} MB"
    if row.unit == "x":
        return f"{row.value:.2f}x"
    return f"{row.value:g} {row.unit}"


HEADER = f"{'benchmark':<50} {'figure':>11} {'target':>9}  {'result':<6} {'peak RSS':>9}  note"


def print_row(row: Row) -> None:
    result = "" if row.ok is None else ("PASS" if row.ok else "MISS")
    if row.value is None and row.target:
        result = "n/a"
    rss = f"{row.rss / MB:,.0f} MB" if row.rss else ""
    print(f"{row.name:<50} {fmt_value(row):>11} {row.target:>9}  {result:<6} {rss:>9}  "
          f"{row.note}", flush=True)


def timed_row(name: str, cmd: list[str], target: float, n: int, ok_codes=(0,),
              before=None, exe: Path = OGPCTL, sample_tree: bool = False) -> Row:
    row = Row(name, target=f"< {target:g} s")
    if not exe.exists():
        row.note = f"not runnable: {exe} not found (run with the project's .venv/bin/python)"
        print_row(row)
        return row
    run, why = best_of(cmd, n, ok_codes, before, sample_tree=sample_tree)
    if why:
        row.note = f"not runnable: {why}"
    else:
        row.value, row.rss = run.wall, run.rss
        row.ok = run.wall < target
        row.note = f"best of {n}" if n > 1 else ""
        row.extra["run"] = run
    print_row(row)
    return row


# ---------------------------------------------------------------------------------------
# Corpus

def corpus_matches(corpus: Path, members: int) -> bool:
    try:
        manifest = json.loads((corpus / ".corpus.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    args = manifest.get("arguments", {})
    return (args.get("members") == members and args.get("plans") == 6
            and args.get("commitments") == 15 and args.get("seed") == 1
            and all((corpus / m["slug"] / "ogp.yaml").is_file() for m in manifest["members"]))


def ensure_corpus(corpus: Path, members: int) -> Row:
    row = Row(f"generate corpus ({members} members)", target="< 60 s")
    if corpus_matches(corpus, members):
        row.target = ""
        row.note = f"already present: {corpus.relative_to(REPO)} (delete it to regenerate)"
        print_row(row)
        return row
    if corpus.exists() and any(corpus.iterdir()) and not (corpus / ".corpus.json").exists():
        row.note = f"{corpus} exists but was not written by generate.py; not touching it"
        print_row(row)
        return row
    cmd = [sys.executable, str(HERE / "generate.py"), "--out", str(corpus),
           "--members", str(members), "--quiet"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    row.value = time.perf_counter() - t0
    if proc.returncode != 0:
        row.value = None
        row.note = f"generate.py failed: {proc.stderr.strip().splitlines()[-1:]}"
    else:
        row.ok = row.value < 60
        m = json.loads((corpus / ".corpus.json").read_text(encoding="utf-8"))
        row.note = f"{m['record-files']:,} files, {m['record-bytes'] / 1e6:.0f} MB"
    print_row(row)
    return row


def corpus_summary(corpus: Path) -> str:
    try:
        m = json.loads((corpus / ".corpus.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return (f"corpus: {len(m['members'])} members, {m['commitment-files']:,} commitment files, "
            f"{m['record-files']:,} files, {m['record-bytes'] / 1e6:.0f} MB, "
            f"{len(m['defects'])} planted defects")


def delete_caches(root: Path) -> None:
    for dirpath, dirnames, _ in os.walk(root):
        if ".ogpctl-cache" in dirnames:
            shutil.rmtree(Path(dirpath) / ".ogpctl-cache")
            dirnames.remove(".ogpctl-cache")


def planted_found(corpus: Path, output: str) -> str:
    """How many planted defect files the check output mentions (any output format)."""
    try:
        m = json.loads((corpus / ".corpus.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    files = {d["file"] for d in m["defects"]}
    if not files:
        return ""
    seen = sum(1 for f in files if f in output or f.replace("/", os.sep) in output)
    return f"output names {seen}/{len(files)} files with a planted defect"


# ---------------------------------------------------------------------------------------
# check-jsonschema

def commitment_files(corpus: Path) -> list[str]:
    return sorted(str(p.relative_to(corpus)) for p in corpus.glob("*/plans/*/commitments/*.yaml"))


def batches(files: list[str], limit: int) -> list[list[str]]:
    out: list[list[str]] = [[]]
    size = 0
    for f in files:
        n = len(f.encode()) + 1 + 8  # the string, its NUL and the argv pointer
        if out[-1] and size + n > limit:
            out.append([])
            size = 0
        out[-1].append(f)
        size += n
    return out


def arg_limit() -> int:
    try:
        arg_max = os.sysconf("SC_ARG_MAX")
    except (ValueError, OSError):
        arg_max = 128 * 1024
    env = sum(len(k) + len(v) + 2 + 8 for k, v in os.environ.items())
    return max(32 * 1024, min(arg_max // 2, arg_max - env - 64 * 1024))


def bundle_schema(tmpdir: Path) -> Path:
    """A copy of commitment.schema.json with common.schema.json embedded as a resource."""
    main = json.loads((SCHEMAS / "commitment.schema.json").read_text(encoding="utf-8"))
    common = json.loads((SCHEMAS / "common.schema.json").read_text(encoding="utf-8"))
    main.pop("$id", None)
    common["$id"] = "common.schema.json"
    main.setdefault("$defs", {})["__bundled_common"] = common
    path = tmpdir / "commitment.bundled.schema.json"
    path.write_text(json.dumps(main), encoding="utf-8")
    return path


def jsonschema_mode(corpus: Path, probe: str, tmpdir: Path) -> tuple[list[str], str] | str:
    """Find how check-jsonschema resolves the commitment schema's relative $ref: returns
    (schema arguments, description) or a reason it cannot be run."""
    schema = SCHEMAS / "commitment.schema.json"
    if not schema.exists():
        return f"{schema.relative_to(REPO)} not found"
    candidates = [
        (["--schemafile", str(schema)], "relative $ref resolved from the schema's folder"),
        (["--schemafile", str(schema), "--base-uri", SCHEMAS.as_uri() + "/"], "with --base-uri"),
    ]
    last = ""
    for args, how in candidates:
        run = run_once([str(CHECK_JSONSCHEMA), *args, probe], cwd=corpus)
        if run.rc == 0:
            return args, how
        last = failure(run, (0,)) or ""
    bundled = bundle_schema(tmpdir)
    run = run_once([str(CHECK_JSONSCHEMA), "--schemafile", str(bundled), probe], cwd=corpus)
    if run.rc == 0:
        return ["--schemafile", str(bundled)], f"bundled schema copy in {tmpdir}"
    return f"a valid commitment does not validate ({last or failure(run, (0,))})"


def jsonschema_row(corpus: Path) -> Row:
    row = Row("check-jsonschema, every commitment file")
    if not CHECK_JSONSCHEMA.exists():
        row.note = f"not runnable: {CHECK_JSONSCHEMA} not found"
        print_row(row)
        return row
    files = commitment_files(corpus)
    if not files:
        row.note = "no commitment files in the corpus"
        print_row(row)
        return row
    try:
        m = json.loads((corpus / ".corpus.json").read_text(encoding="utf-8"))
        bad = {d["file"] for d in m["defects"]}
    except (OSError, ValueError):
        bad = set()
    probe = next((f for f in files if f not in bad), files[0])
    with tempfile.TemporaryDirectory(prefix="ogpctl-bench-") as tmp:
        mode = jsonschema_mode(corpus, probe, Path(tmp))
        if isinstance(mode, str):
            row.note = f"not runnable: {mode}"
            print_row(row)
            return row
        args, how = mode
        groups = batches(files, arg_limit())
        total, peak = 0.0, 0
        for group in groups:
            run = run_once([str(CHECK_JSONSCHEMA), *args, *group], cwd=corpus)
            # 0: all valid; 1: validation errors (the planted "Fall 2027" dates)
            why = failure(run, (0, 1))
            if why:
                row.note = f"not runnable: {why}"
                print_row(row)
                return row
            total += run.wall
            peak = max(peak, run.rss or 0)
    row.value, row.rss = total, peak or None
    row.note = (f"{len(files):,} files in {len(groups)} batch{'es' if len(groups) > 1 else ''}"
                f" (times summed); {how}")
    print_row(row)
    return row


# ---------------------------------------------------------------------------------------

def render_row(corpus: Path) -> Row:
    """Every document of the corpus's largest plan, every language, md + html + docx."""
    row = Row("ogpctl render: every document of the largest plan", target="< 30 s")
    done = run_once([sys.executable, str(HERE / "render_plan.py"), str(corpus)])
    if done.rc != 0:
        row.note = (done.stderr.strip().splitlines() or ["failed"])[-1][:120]
    else:
        figures = json.loads(done.stdout)
        row.value = figures["total"]
        row.ok = row.value < 30
        row.note = (f"{figures['documents']} documents ({figures['commitments']} commitments, "
                    f"{'+'.join(figures['languages'])}), load {figures['load']} s, "
                    + ", ".join(f"{k} {v} s" for k, v in figures["render"].items()))
    print_row(row)
    return row


def history_row() -> Row:
    """Git history of a record with ~3,000 evidence files and ~2,000 commits, read and
    indexed (`read_history` + `build_index`, as `ogpctl index` and the P603 rule do)."""
    row = Row("read history + index: 3,000 files, 2,000 commits", target="< 2 s")
    done = run_once([sys.executable, str(HERE / "history.py")])
    if done.rc != 0:
        row.note = (done.stderr.strip().splitlines() or ["failed"])[-1][:120]
    else:
        figures = json.loads(done.stdout)
        row.value = figures["total"]
        row.ok = row.value < 2
        row.note = (f"git log {figures['history']} s, index {figures['index']} s of "
                    f"{figures['evidence-items']:,} items, {figures['commits']:,} commits "
                    f"(built with git fast-import in {figures['build']} s)")
    print_row(row)
    return row


def site_row(n: int) -> Row:
    """`ogpctl site` on sample-country: every page in both languages, the rendered documents,
    the exports and the Pagefind search index, into an empty folder each run."""
    out = Path(tempfile.mkdtemp(prefix="ogpctl-bench-site-")) / "site"
    try:
        return timed_row("ogpctl site sample-country (search included)",
                         [str(OGPCTL), "site", "-C", "sample-country", "--out", str(out),
                          "--today", TODAY], 10.0, n,
                         before=lambda: shutil.rmtree(out, ignore_errors=True))
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true",
                   help="smoke run on a 10-member corpus (benchmarks/corpus-quick)")
    p.add_argument("--repeat", type=int, default=5,
                   help="runs per small command; the best is reported (default 5)")
    p.add_argument("--corpus-repeat", type=int, default=2,
                   help="runs per corpus check; the best is reported (default 2)")
    args = p.parse_args(argv)
    members = 10 if args.quick else 80
    corpus = HERE / ("corpus-quick" if args.quick else "corpus")
    n = min(args.repeat, 3) if args.quick else args.repeat
    nc = 1 if args.quick else args.corpus_repeat
    rel_corpus = str(corpus.relative_to(REPO))

    print(f"ogpctl benchmarks — {'QUICK smoke run, ' if args.quick else ''}"
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, --today {TODAY}")
    print(f"ogpctl: {OGPCTL}{'' if OGPCTL.exists() else '  (missing)'}")
    if args.quick:
        print("note: targets are for the full 80-member corpus; a quick run is a smoke test")
    print()
    print(HEADER)
    print("-" * len(HEADER))

    ogp = str(OGPCTL)
    timed_row("ogpctl --help", [ogp, "--help"], 0.25, n)
    timed_row("ogpctl check sample-country, cold (--no-cache)",
              [ogp, "check", "sample-country", "--no-cache", "--today", TODAY], 0.6, n,
              ok_codes=(0, 1))
    warm_cmd = [ogp, "check", "sample-country", "--today", TODAY]
    if OGPCTL.exists():
        run_once(warm_cmd)  # fill the cache
    timed_row("ogpctl check sample-country, warm", warm_cmd, 0.6, n, ok_codes=(0, 1))

    ensure_corpus(corpus, members)
    check_cmd = [ogp, "check", rel_corpus, "--today", TODAY]
    cold = timed_row(f"ogpctl check {rel_corpus}, cold", check_cmd, 10.0, nc,
                     ok_codes=(0, 1), before=lambda: delete_caches(corpus), sample_tree=True)
    warm = timed_row(f"ogpctl check {rel_corpus}, warm", check_cmd, 2.0,
                     2 if args.quick else max(nc, 3), ok_codes=(0, 1), sample_tree=True)
    for label, row in (("cold", cold), ("warm", warm)):
        mem = Row(f"  peak memory, check corpus {label}", unit="MB", target="< 1024 MB")
        run = row.extra.get("run")
        if run is not None and run.rss:
            mem.value = run.rss / MB
            tree = run.tree or 0
            mem.ok = max(run.rss, tree) < 1024 * MB
            mem.note = "ru_maxrss (largest process)"
            if tree:
                mem.note += f"; whole process tree ≈ {tree / MB:,.0f} MB (sampled PSS)"
        elif row.value is not None:
            mem.note = "not measured"
        print_row(mem)

    render_row(corpus)
    site_row(min(n, 3))
    history_row()

    cjs = jsonschema_row(corpus)
    ratio = Row("ratio check-jsonschema / ogpctl check cold", unit="x", target=">= 5x")
    if cjs.value is not None and cold.value:
        ratio.value = cjs.value / cold.value
        ratio.ok = ratio.value >= 5
    else:
        ratio.note = "needs both figures above"
    print_row(ratio)

    print()
    summary = corpus_summary(corpus)
    if summary:
        print(summary)
    run = warm.extra.get("run") or cold.extra.get("run")
    if run is not None:
        found = planted_found(corpus, run.stdout + run.stderr)
        print(f"ogpctl check exit code {run.rc}" + (f"; {found}" if found else ""))
    return 0


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("\ninterrupted")
    except Exception:  # a report: say what broke, but never fail the caller
        import traceback

        traceback.print_exc()
        print("benchmark run aborted by the error above")
    sys.exit(0)

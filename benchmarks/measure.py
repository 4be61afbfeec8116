"""What benchmarks/run.py measures with: one command in a fresh process (wall time, CPU of
the process tree, peak memory of its largest process and, sampled, of the whole tree), the
best of several runs, and the report lines (figure, target, PASS/MISS, note)."""

from __future__ import annotations

import json
import os
import re
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
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
json.dump({"wall": wall, "maxrss_kb": kb, "rc": rc,
           "cpu": usage.ru_utime + usage.ru_stime}, open(out, "w"))
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
    cpu: float | None = None  # seconds: user + system of the process and its children


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


def run_once(cmd: list[str], cwd: Path = REPO, sample_tree: bool = False,
             env: dict[str, str] | None = None) -> Run:
    """Run `cmd` in a fresh process and return its wall time and peak RSS.

    Peak RSS is ru_maxrss of the measured process as reported by wait4 (GNU time %M or the
    fallback wrapper's RUSAGE_CHILDREN): on Linux that is the largest resident set of any
    single process in the tree, not the sum of processes running at the same time. With
    `sample_tree`, a thread also samples the PSS of the whole tree (worker processes
    included) every 50 ms; the wall time is taken from the blocking wait, not the sampler.
    """
    # The checkout's ogpctl, whatever the virtualenv has installed.
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    env = dict(os.environ, NO_COLOR="1", TERM="dumb", COLUMNS="120", PYTHONPATH=path,
               **(env or {}))
    with tempfile.TemporaryDirectory(prefix="ogpctl-bench-run-") as tmp:
        out = os.path.join(tmp, "rss")
        if GNU_TIME.exists():
            full = [str(GNU_TIME), "-f", "%U %S %M", "-o", out, *cmd]
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
        rss = cpu = None
        text = Path(out).read_text().strip() if os.path.exists(out) else ""
        if GNU_TIME.exists():
            # "Command exited with non-zero status 1" may precede the figures.
            last = (text.splitlines() or [""])[-1].split()
            if len(last) == 3 and last[2].isdigit():
                cpu, rss = float(last[0]) + float(last[1]), int(last[2]) * 1024
        elif text:
            info = json.loads(text)
            wall, rss, cpu = info["wall"], info["maxrss_kb"] * 1024, info["cpu"]
        return Run(wall, rss, rc, stdout, stderr, sampler.peak if sampler else None, cpu)


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
            sample_tree: bool = False, env: dict[str, str] | None = None
            ) -> tuple[Run | None, str | None]:
    """Best wall time of n runs (CPU: the least seen; memory: the largest seen). Stops at
    the first failure."""
    best: Run | None = None
    peak = tree = cpu = None
    for _ in range(max(1, n)):
        if before:
            before()
        run = run_once(cmd, cwd, sample_tree, env)
        why = failure(run, ok_codes)
        if why:
            return None, why
        if run.rss is not None:
            peak = max(peak or 0, run.rss)
        if run.tree:
            tree = max(tree or 0, run.tree)
        if run.cpu is not None:
            cpu = run.cpu if cpu is None else min(cpu, run.cpu)
        if best is None or run.wall < best.wall:
            best = run
    assert best is not None
    best.rss, best.tree, best.cpu = peak, tree, cpu
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
        row.note = (f"best of {n}; " if n > 1 else "") + \
            (f"CPU {run.cpu:.2f} s" if run.cpu is not None else "")
        row.extra["run"] = run
    print_row(row)
    return row



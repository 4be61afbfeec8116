#!/usr/bin/env python3
"""Benchmark ogpctl: wall times, CPU and peak memory against the project's targets, and
each figure beside its peer (ajv, check-jsonschema, yamllint) or floor (reading and parsing
every file) as a ratio.

    .venv/bin/python benchmarks/run.py [--quick] [--repeat N] [--corpus-repeat M]

Prints one line a figure: the measurement, its target and PASS/MISS. It is a report, so it
always exits 0; a command that cannot run (a tool missing, an option it does not know, a
crash) is reported on its line instead of stopping the run.

The ogpctl, check-jsonschema and yamllint scripts are taken from the folder of the Python
running this script (sys.executable), so run it with the project's virtualenv Python; the
ogpctl code measured is this checkout's (PYTHONPATH). ajv is installed with npm into
benchmarks/.peers/ on first use. See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import (
    HEADER,
    HERE,
    MB,
    OGPCTL,
    REPO,
    TODAY,
    Row,
    failure,
    print_row,
    run_once,
    timed_row,
)
from peers import ajv_row, floor_row, jsonschema_row, ratio_row, yamllint_row

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

def render_rows(corpus: Path) -> list[Row]:
    """Every document of the corpus's largest plan (action plan, self-assessment, reasoned
    response, each commitment), every language, every format (PDFs in worker processes): the total
    against the target, then Markdown + HTML + Word, then PDF alone."""
    total = Row("documents of the largest plan, every format", target="<= 3 s")
    done = run_once([sys.executable, str(HERE / "render_plan.py"), str(corpus)])
    if done.rc != 0:
        total.note = (done.stderr.strip().splitlines() or ["failed"])[-1][:120]
        print_row(total)
        return [total]
    f = json.loads(done.stdout)
    write = f["write"]
    total.value, total.rss = f["total"], done.rss
    total.ok = total.value <= 3
    total.note = (f"{f['documents']} documents × {len(f['formats'])} formats "
                  f"({f['commitments']} commitments, {'+'.join(f['languages'])}); "
                  f"load {f['load']} s, build {f['build']} s, "
                  + ", ".join(f"{k} {v} s" for k, v in write.items())
                  + (f"; CPU {done.cpu:.2f} s" if done.cpu is not None else ""))
    light = Row("  of which md, html, docx (load and build included)", target="<= 3 s")
    light.value = f["load"] + f["build"] + sum(v for k, v in write.items() if k != "pdf")
    light.ok = light.value <= 3
    cpu = f.get("write-cpu", {})
    light.note = "writing CPU " + ", ".join(f"{k} {v} s" for k, v in cpu.items() if k != "pdf")
    pdf = Row("  of which pdf (Typst)")
    if "pdf" in write:
        pdf.value = write["pdf"]
        count, used = f["pdf-pages"], cpu.get("pdf", 0.0)
        pages = f"{count:,} pages, {used / count * 1000:.0f} ms of CPU a page" if count \
            else "pages not counted (pypdf missing)"
        pdf.note = f"{pages}: layout and PDF writing in Typst; CPU {used:.2f} s"
    for row in (total, light, pdf):
        print_row(row)
    return [total, light, pdf]


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
                          "--today", TODAY], 1.0, n,
                         before=lambda: shutil.rmtree(out, ignore_errors=True))
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)


def largest_record(corpus: Path) -> Path | None:
    """The corpus's record with the most plans × languages (then commitments, then name):
    the largest website."""
    best: tuple | None = None
    for root in sorted(p.parent for p in corpus.glob("*/ogp.yaml")):
        text = (root / "ogp.yaml").read_text(encoding="utf-8")
        match = re.search(r"(?m)^  administrative: \[([^\]]*)\]", text)
        languages = 1 + len([c for c in (match.group(1) if match else "").split(",")
                             if c.strip() and c.strip() != "en"])
        plans = sorted((root / "plans").iterdir()) if (root / "plans").is_dir() else []
        commitments = sum(len(list((p / "commitments").glob("*.yaml"))) for p in plans)
        key = (len(plans) * languages, commitments, str(root))
        if best is None or key[:2] > best[:2]:
            best = key
    return Path(best[2]) if best else None


def change_one_commitment(record: Path) -> Path | None:
    """Edit the title of the record's last commitment (its first translation), as an
    author would: returns the file, or None when there is none to edit."""
    files = sorted(record.glob("plans/*/commitments/*.yaml"))
    if not files:
        return None
    text = files[-1].read_text(encoding="utf-8")
    # "Revised " with no colon: "Revised: Title" would be a YAML error, not a title edit
    changed = re.sub(r"(?m)^(title:\n  [a-z]{2,3}: )", r"\1Revised ", text, count=1)
    if changed == text:
        return None
    files[-1].write_text(changed, encoding="utf-8")
    return files[-1]


def large_site_rows(corpus: Path) -> list[Row]:
    """`ogpctl site` for the corpus's largest record into an empty folder (cold), then again
    into the same folder after one commitment file changed (what a site built on every
    merge does). The record is copied first: the corpus is never changed. Documents in
    HTML and Word only: the PDFs are measured on their own by the documents lines."""
    cold = Row("ogpctl site, largest record, cold", target="<= 5 s")
    again = Row("ogpctl site, same, one commitment changed", target="<= 1 s")
    record = largest_record(corpus)
    if record is None:
        cold.note = again.note = "no record in the corpus"
        print_row(cold)
        print_row(again)
        return [cold, again]
    with tempfile.TemporaryDirectory(prefix="ogpctl-bench-large-site-") as tmp:
        copy, out = Path(tmp) / record.name, Path(tmp) / "site"
        shutil.copytree(record, copy, ignore=shutil.ignore_patterns(".ogpctl-cache"))
        cmd = [str(OGPCTL), "site", "-C", str(copy), "--out", str(out), "--today", TODAY,
               "--formats", "html,docx"]
        for row, prepare in ((cold, None), (again, lambda: change_one_commitment(copy))):
            edited = prepare() if prepare else None
            run = run_once(cmd)
            why = failure(run, (0,))
            if why:
                row.note = f"not runnable: {why}"
            else:
                row.value, row.rss = run.wall, run.rss
                row.ok = row.value <= float(row.target.split()[1])
                pages = re.search(r"(\d+) pages in (\d+) languages", run.stdout)
                row.note = (f"{record.name}, html+docx: " + (f"{pages.group(0)}; " if pages else "")
                            + (f"CPU {run.cpu:.2f} s" if run.cpu is not None else "")
                            + (f"; changed {edited.relative_to(copy)}" if edited else ""))
            print_row(row)
    return [cold, again]


def memory_row(label: str, row: Row) -> Row:
    """The peak memory of a corpus check: the whole process tree (sampled PSS, worker
    processes included) and the largest single process (ru_maxrss)."""
    mem = Row(f"  peak memory, check corpus {label}", unit="MB", target="<= 300 MB")
    run = row.extra.get("run")
    if run is None or not (run.rss or run.tree):
        mem.note = "not measured" if row.value is not None else ""
    else:
        mem.value = max(run.tree or 0, run.rss or 0) / MB
        mem.rss = run.rss
        mem.ok = mem.value <= 300
        mem.note = "whole process tree (sampled PSS, workers included)" if run.tree else \
            "largest process only (ru_maxrss): /proc not readable"
    print_row(mem)
    return mem


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
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, --today {TODAY}, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"ogpctl: {OGPCTL}{'' if OGPCTL.exists() else '  (missing)'}, code from {REPO}")
    if args.quick:
        print("note: targets are for the full 80-member corpus; a quick run is a smoke test")
    print()
    print(HEADER)
    print("-" * len(HEADER))

    # pip byte-compiles an installed package; a checkout run with PYTHONDONTWRITEBYTECODE
    # would compile every module again in each timed process.
    compileall.compile_dir(REPO / "ogpctl", quiet=1)
    ogp = str(OGPCTL)
    timed_row("ogpctl --help", [ogp, "--help"], 0.12, n)
    timed_row("ogpctl check sample-country, cold (--no-cache)",
              [ogp, "check", "-C", "sample-country", "--no-cache", "--today", TODAY], 0.15, n,
              ok_codes=(0, 1))
    warm_cmd = [ogp, "check", "-C", "sample-country", "--today", TODAY]
    if OGPCTL.exists():
        run_once(warm_cmd)  # fill the cache
    timed_row("ogpctl check sample-country, warm", warm_cmd, 0.15, n, ok_codes=(0, 1))

    ensure_corpus(corpus, members)
    check_cmd = [ogp, "check", "-C", rel_corpus, "--today", TODAY]
    cold = timed_row(f"ogpctl check {rel_corpus}, cold (--no-cache)",
                     [*check_cmd, "--no-cache"], 10.0, nc, ok_codes=(0, 1), sample_tree=True)
    run_once(check_cmd)   # fill the cache
    warm = timed_row(f"ogpctl check {rel_corpus}, warm", check_cmd, 0.4,
                     2 if args.quick else max(nc, 3), ok_codes=(0, 1), sample_tree=True)
    memory_row("cold", cold)
    memory_row("warm", warm)

    print("-- beside its peers and the floor")
    ajv = ajv_row(corpus, nc)
    ratio_row("  ogpctl check cold / ajv (wall)", cold.value, ajv.value, 1.0,
              note=_cpu_note(cold, ajv))
    floor = floor_row(corpus, nc)
    cold_run = cold.extra.get("run")
    ratio_row("  ogpctl check cold CPU / parse floor CPU",
              cold_run.cpu if cold_run else None, floor.value, 1.5,
              note=f"ogpctl check CPU {cold_run.cpu:.2f} s (workers included)"
              if cold_run and cold_run.cpu is not None else "")
    cjs = jsonschema_row(corpus)
    ratio_row("  check-jsonschema / ogpctl check cold", cjs.value, cold.value, 5.0,
              at_most=False, note="a schema-only check of the commitments only")
    lint = yamllint_row(corpus)
    ratio_row("  yamllint / ogpctl check cold", lint.value, cold.value,
              note="a syntax and style lint, no schema, no rules")

    print("-- documents and the website")
    render_rows(corpus)
    site_row(min(n, 3))
    large_site_rows(corpus)
    history_row()

    print()
    summary = corpus_summary(corpus)
    if summary:
        print(summary)
    run = warm.extra.get("run") or cold.extra.get("run")
    if run is not None:
        found = planted_found(corpus, run.stdout + run.stderr)
        print(f"ogpctl check exit code {run.rc}" + (f"; {found}" if found else ""))
    return 0


def _cpu_note(ours: Row, peer: Row) -> str:
    a, b = ours.extra.get("run"), peer.extra.get("run")
    if a is None or b is None or a.cpu is None or b.cpu is None or not b.cpu:
        return ""
    return f"CPU {a.cpu:.2f} s / {b.cpu:.2f} s = {a.cpu / b.cpu:.2f}x"


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

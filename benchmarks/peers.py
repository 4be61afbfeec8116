"""The peers and the floor `ogpctl check` is measured against: ajv (JavaScript, the commitment
files converted to JSON), check-jsonschema and yamllint (Python, on a sample of the files,
extrapolated), and the read-and-parse floor (yaml_rs over every file)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import BIN, HERE, REPO, SCHEMAS, Row, best_of, failure, print_row, run_once

CHECK_JSONSCHEMA = BIN / "check-jsonschema"
YAMLLINT = BIN / "yamllint"
PEERS = HERE / ".peers"            # git-ignored: npm installs ajv here
AJV_PACKAGES = ("ajv@^8", "ajv-formats@^3")

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


def _sample(files: list[str], size: int) -> list[str]:
    """Every k-th file, about `size` of them, spread over the whole corpus."""
    step = max(1, -(-len(files) // size))
    return files[::step]


def _extrapolated(cmd: list[str], files: list[str], sample: list[str], cwd: Path,
                  ok_codes: tuple[int, ...]) -> tuple[float, float, int] | str:
    """Seconds for every file, from two runs: one file, then the sample. A straight line
    through the two (start-up + per-file cost) is taken to len(files). Returns (seconds,
    per-file seconds, peak RSS) or why it could not run."""
    one = run_once([*cmd, sample[0]], cwd=cwd)
    many = run_once([*cmd, *sample], cwd=cwd)
    why = failure(one, ok_codes) or failure(many, ok_codes)
    if why:
        return why
    per_file = max(0.0, (many.wall - one.wall) / max(1, len(sample) - 1))
    return one.wall + per_file * (len(files) - 1), per_file, max(one.rss or 0, many.rss or 0)


def jsonschema_row(corpus: Path, sample_size: int = 120) -> Row:
    row = Row("check-jsonschema, commitment files (extrapolated)")
    if not CHECK_JSONSCHEMA.exists():
        row.note = f"not runnable: {CHECK_JSONSCHEMA} not found"
        print_row(row)
        return row
    files = commitment_files(corpus)
    if not files:
        row.note = "no commitment files in the corpus"
        print_row(row)
        return row
    bad = {d["file"] for d in _manifest(corpus).get("defects", [])}
    probe = next((f for f in files if f not in bad), files[0])
    with tempfile.TemporaryDirectory(prefix="ogpctl-bench-") as tmp:
        mode = jsonschema_mode(corpus, probe, Path(tmp))
        if isinstance(mode, str):
            row.note = f"not runnable: {mode}"
            print_row(row)
            return row
        args, how = mode
        sample = _sample(files, sample_size)
        # 0: all valid; 1: validation errors (the planted "Fall 2027" dates)
        found = _extrapolated([str(CHECK_JSONSCHEMA), *args], files, sample, corpus, (0, 1))
    if isinstance(found, str):
        row.note = f"not runnable: {found}"
    else:
        row.value, per_file, row.rss = found[0], found[1], found[2] or None
        row.note = (f"{len(sample)} of {len(files):,} files timed, {per_file * 1000:.0f} ms a "
                    f"file, extrapolated to all; {how}")
    print_row(row)
    return row


def yamllint_row(corpus: Path, sample_size: int = 200) -> Row:
    """yamllint (relaxed rules) over the corpus's YAML files: a linter reads the same files
    ogpctl does, without the record's meaning."""
    row = Row("yamllint, every YAML file (extrapolated)")
    if not YAMLLINT.exists():
        row.note = f"not runnable: {YAMLLINT} not found (pip install yamllint)"
        print_row(row)
        return row
    files = sorted(str(p.relative_to(corpus)) for p in corpus.rglob("*.yaml"))
    sample = _sample(files, sample_size)
    found = _extrapolated([str(YAMLLINT), "-d", "relaxed", "-f", "parsable"], files, sample,
                          corpus, (0, 1))
    if isinstance(found, str):
        row.note = f"not runnable: {found}"
    else:
        row.value, per_file, row.rss = found[0], found[1], found[2] or None
        row.note = (f"{len(sample)} of {len(files):,} files timed, {per_file * 1000:.1f} ms a "
                    "file, extrapolated to all")
    print_row(row)
    return row


def _manifest(corpus: Path) -> dict:
    try:
        return json.loads((corpus / ".corpus.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# -- ajv ------------------------------------------------------------------------------------
def install_ajv() -> str | None:
    """ajv and ajv-formats in benchmarks/.peers/ (npm, once); why not, or None."""
    if (PEERS / "node_modules" / "ajv" / "package.json").exists() and \
            (PEERS / "node_modules" / "ajv-formats" / "package.json").exists():
        return None
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        return "node and npm are needed for ajv (Debian: apt-get install nodejs npm)"
    PEERS.mkdir(exist_ok=True)
    done = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(PEERS),
                           *AJV_PACKAGES], capture_output=True, text=True)
    if done.returncode != 0:
        return "npm install failed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:100]
    return None


def _version(package: str) -> str:
    try:
        meta = json.loads((PEERS / "node_modules" / package / "package.json").read_text())
    except (OSError, ValueError):
        return "?"
    return str(meta.get("version", "?"))


def commitments_as_json(corpus: Path, out: Path) -> int:
    """Every commitment file as JSON (what YAML gives, dates as their ISO text), numbered
    in the corpus's order. Not timed: ajv reads JSON, not YAML."""
    import yaml_rs

    files = commitment_files(corpus)
    for number, name in enumerate(files):
        data = yaml_rs.loads((corpus / name).read_text(encoding="utf-8"))
        (out / f"{number:05d}.json").write_text(json.dumps(data, default=str,
                                                           ensure_ascii=False),
                                                encoding="utf-8")
    return len(files)


def ajv_row(corpus: Path, n: int) -> Row:
    row = Row("ajv, commitment files as JSON")
    why = install_ajv()
    if why:
        row.note = f"not runnable: {why}"
        print_row(row)
        return row
    with tempfile.TemporaryDirectory(prefix="ogpctl-bench-json-") as tmp:
        count = commitments_as_json(corpus, Path(tmp))
        cmd = [str(shutil.which("node")), str(HERE / "ajv_check.js"), str(SCHEMAS), tmp]
        env = {"NODE_PATH": str(PEERS / "node_modules")}
        run, why = best_of(cmd, n, env=env)
    if why or run is None:
        row.note = f"not runnable: {why}"
    else:
        figures = json.loads(run.stdout)
        row.value, row.rss = run.wall, run.rss
        row.extra["run"] = run
        row.note = (f"ajv {_version('ajv')}, {count:,} files, {figures['invalid']} invalid; "
                    f"CPU {run.cpu:.2f} s; best of {n}; converting YAML to JSON not counted")
    print_row(row)
    return row


# -- the read-and-parse floor ------------------------------------------------------------
def floor_row(corpus: Path, n: int) -> Row:
    """CPU seconds to read every .yaml and .md file and parse the YAML with yaml_rs."""
    row = Row("read-and-parse floor (yaml_rs), CPU")
    best: dict | None = None
    for _ in range(max(1, n)):
        done = run_once([sys.executable, str(HERE / "parse_floor.py"), str(corpus)])
        why = failure(done, (0,))
        if why:
            row.note = f"not runnable: {why}"
            print_row(row)
            return row
        figures = json.loads(done.stdout)
        if best is None or figures["cpu"] < best["cpu"]:
            best = figures
    assert best is not None
    row.value = best["cpu"]
    row.note = (f"{best['files']:,} files, {best['characters'] / 1e6:.0f} M characters, "
                f"{best['parsed']:,} YAML documents; wall {best['wall']} s; best of {n}")
    print_row(row)
    return row


def ratio_row(name: str, numerator: float | None, denominator: float | None,
              target: float | None = None, at_most: bool = True, note: str = "") -> Row:
    """A figure beside its peer or floor: numerator / denominator, with its target."""
    row = Row(name, unit="x", note=note)
    if target is not None:
        row.target = f"{'<=' if at_most else '>='} {target:g}x"
    if numerator is None or not denominator:
        row.note = "needs both figures above"
    else:
        row.value = numerator / denominator
        if target is not None:
            row.ok = row.value <= target if at_most else row.value >= target
    print_row(row)
    return row

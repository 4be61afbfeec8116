"""ogpctl works from an installed wheel, without the source tree: schemas and templates
ship inside the package and are found through one resolver."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE

pytestmark = pytest.mark.slow


def _run(*args: object, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False, timeout=900)


def test_wheel_in_a_fresh_environment(tmp_path: Path) -> None:
    env = dict(os.environ)
    # pip's download cache lives in the project's .venv, never in the real home directory.
    env["PIP_CACHE_DIR"] = str(Path(sys.prefix) / ".pip-cache")
    env.pop("PYTHONPATH", None)
    dist = tmp_path / "dist"
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, ROOT,
                 cwd=tmp_path, env=env)
    assert built.returncode == 0, built.stderr
    [wheel] = dist.glob("ogpctl-*.whl")

    venv = tmp_path / "venv"
    assert _run(sys.executable, "-m", "venv", venv, cwd=tmp_path, env=env).returncode == 0
    python = venv / "bin" / "python"
    installed = _run(python, "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path, env=env)
    assert installed.returncode == 0, installed.stderr

    record = tmp_path / "elsewhere" / "sample-country"
    shutil.copytree(SAMPLE, record, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    where = _run(python, "-c", "import ogpctl.base.resources as r; print(r.data_dir('schemas'))",
                 cwd=tmp_path, env=env)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout
    checked = _run(venv / "bin" / "ogpctl", "check", record, "--today", "2026-11-23",
                   cwd=tmp_path, env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "no problems found" in checked.stdout
    module = _run(python, "-m", "ogpctl", "explain", "S240", cwd=tmp_path, env=env)
    assert module.returncode == 0 and "S240" in module.stdout
    scaffold = tmp_path / "new-record"
    ogpctl = venv / "bin" / "ogpctl"
    for args in (("init", scaffold, "--country", "Testland", "--languages", "en,fr"),
                 ("new-plan", "-C", scaffold, "--window", "june", "--due-year", "2027",
                  "--length", "2"),
                 ("new-commitment", "-C", scaffold, "2027-2029", "Open contracting"),
                 ("check", scaffold, "--today", "2026-12-02")):
        done = _run(ogpctl, *args, cwd=tmp_path, env=env)
        assert done.returncode == 0, f"{args}: {done.stdout}{done.stderr}"
    assert "F105" in done.stdout and "S201" in done.stdout

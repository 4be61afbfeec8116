"""ogpctl as a pre-commit hook: the manifest at the repository's root and the
configurations that use it, read by pre-commit's own parser, and the dogfood hook run as
pre-commit runs it."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run

clientlib = pytest.importorskip("pre_commit.clientlib", reason="pre-commit is a test "
                                "dependency (pyproject.toml)")


def manifest_hook() -> dict:
    hooks = clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert [hook["id"] for hook in hooks] == ["ogpctl-check"]
    return hooks[0]


def local_hook(config: Path) -> dict:
    loaded = clientlib.load_config(str(config))
    return next(hook for repo in loaded["repos"] for hook in repo["hooks"]
                if hook["id"] == "ogpctl-check")


def test_the_published_hook_runs_ogpctl_check_once_per_commit() -> None:
    hook = manifest_hook()
    assert hook["entry"] == "ogpctl check" and hook["language"] == "python"
    assert hook["pass_filenames"] is False and hook["require_serial"] is True


def test_this_repository_dogfoods_the_published_hook() -> None:
    """The local hook is the published one, run from this working tree."""
    published, local = manifest_hook(), local_hook(ROOT / ".pre-commit-config.yaml")
    for key in ("id", "name", "pass_filenames", "require_serial"):
        assert local[key] == published[key], key
    assert shlex.split(local["entry"])[-2:] == shlex.split(published["entry"])


def test_the_dogfood_hook_passes_on_the_sample() -> None:
    hook = local_hook(ROOT / ".pre-commit-config.yaml")
    command = shlex.split(hook["entry"]) + hook["args"]
    assert command[0] == "python"
    done = subprocess.run([sys.executable, *command[1:]], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("folder", ["", "ogp record"])
def test_a_new_record_uses_the_published_hook(capsys, tmp_path: Path, folder: str) -> None:
    if folder:
        subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    code, out, err = run(capsys, "init", tmp_path / folder if folder else tmp_path,
                         "--languages", "es")
    assert code == 0, out + err
    hook, published = local_hook(tmp_path / ".pre-commit-config.yaml"), manifest_hook()
    assert (hook["id"], hook["entry"], hook["language"]) == \
        (published["id"], published["entry"], published["language"])
    from ogpctl import __version__

    assert hook["additional_dependencies"] == [f"ogpctl=={__version__}"]
    assert hook["args"] == (["-C", folder] if folder else [])

"""With several records on one command line, every finding says whose file it is: a new
user's `check -C a -C b` printed `forum/forum.yaml` for both records alike."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import run


@pytest.fixture
def two(sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "two"
    folder.mkdir()
    for name in ("a", "b"):
        shutil.copytree(sample, folder / name)
        with (folder / name / "forum" / "forum.yaml").open("a", encoding="utf-8") as file:
            file.write("unknown-key: 1\n")
    monkeypatch.chdir(folder)
    return folder


def _files(capsys: pytest.CaptureFixture[str], *args: str) -> set[str]:
    code, out, err = run(capsys, "check", *args, "--format", "json", "--today", "2026-11-23")
    assert code == 1, err
    return {d["file"] for d in json.loads(out)["diagnostics"]}


def test_each_record_is_named(capsys: pytest.CaptureFixture[str], two: Path) -> None:
    files = _files(capsys, "-C", "a", "-C", "b")
    assert {"a/forum/forum.yaml", "b/forum/forum.yaml"} <= files
    assert not [f for f in files if not f.startswith(("a/", "b/"))]


def test_a_path_inside_a_record_names_its_record(capsys: pytest.CaptureFixture[str],
                                                 two: Path) -> None:
    files = _files(capsys, "-C", "a", "-C", os.path.join("b", "plans"))
    assert "b/forum/forum.yaml" in files and "a/forum/forum.yaml" in files


def test_one_record_keeps_its_own_paths(capsys: pytest.CaptureFixture[str], two: Path) -> None:
    assert "forum/forum.yaml" in _files(capsys, "-C", "a")
    assert "b/forum/forum.yaml" in _files(capsys, "-C", ".")   # a folder holding both

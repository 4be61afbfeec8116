"""Real git repositories for tests: fixed identity and dates, nothing from the user's
configuration."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

IDENTITY = {"GIT_AUTHOR_NAME": "Point of Contact", "GIT_AUTHOR_EMAIL": "poc@example.org",
            "GIT_COMMITTER_NAME": "Point of Contact", "GIT_COMMITTER_EMAIL": "poc@example.org"}


def git(repo: Path, *args: str, date: str = "2026-06-24T10:00:00+00:00") -> str:
    env = {**os.environ, **IDENTITY, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    done = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false",
                           "-c", "init.defaultBranch=main", *args], cwd=repo, env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout


def committed_sample(source: Path, target: Path, date: str = "2026-06-24T10:00:00+00:00"
                     ) -> Path:
    """A copy of `source` as the only commit of a new repository."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "Record as delivered", date=date)
    return target


def use_identity(monkeypatch, date: str = "2026-06-24T12:00:00+00:00") -> None:
    """Git commands ogpctl runs in-process get the fixed identity and date too."""
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    for key in ("GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"):
        monkeypatch.setenv(key, date)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")

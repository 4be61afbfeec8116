"""Real git repositories for tests: a fixed identity, fixed dates, no user or system config.

`commit_sample` commits sample-country/ into a repository in dated steps that follow the
record's own story (profile and forum in 2023, the first plan delivered on 2023-12-14 and
updated every six months, the second delivered on 2026-06-24), so git history proves that
the repository was updated at least twice a year.
"""

from __future__ import annotations

import fnmatch
import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import SAMPLE

IDENTITY = {"GIT_AUTHOR_NAME": "Ana Pérez", "GIT_AUTHOR_EMAIL": "ogp@finance.veridia.example",
            "GIT_COMMITTER_NAME": "Ana Pérez",
            "GIT_COMMITTER_EMAIL": "ogp@finance.veridia.example"}

#: (when, message, patterns of sample-country files first committed then). The last step
#: takes whatever is left.
SAMPLE_STEPS = (
    ("2023-03-15T10:00:00+00:00", "Veridia profile, stakeholders and forum",
     ["ogp.yaml", "stakeholders.yaml", "forum/forum.yaml", "forum/meetings/2023-03-*"]),
    ("2023-06-07T10:00:00+00:00", "Co-creation timeline of the first plan",
     ["forum/meetings/2023-06-*", "plans/2023-2025/co-creation.yaml",
      "plans/2023-2025/evidence/process/co-creation-timeline-2023.pdf"]),
    ("2023-10-18T10:00:00+00:00", "Outreach, survey and contributions",
     ["forum/meetings/2023-10-*", "plans/2023-2025/contributions.yaml",
      "plans/2023-2025/evidence/process/outreach-*", "plans/2023-2025/evidence/process/survey-*"]),
    ("2023-12-14T10:00:00+00:00", "Plan 2023-2025 delivered",
     ["forum/meetings/2023-12-*", "plans/2023-2025/plan.yaml", "plans/2023-2025/sections/*",
      "plans/2023-2025/commitments/*", "plans/2023-2025/evidence/process/validation-*",
      "plans/2023-2025/evidence/process/reasoned-*"]),
    ("2024-05-22T10:00:00+00:00", "Progress, first half of 2024",
     ["forum/meetings/2024-0[1-6]-*", "plans/2023-2025/evidence/*/*2024-05*",
      "plans/2023-2025/evidence/01-open-contracting/dncp-*"]),
    ("2024-11-13T10:00:00+00:00", "Progress, second half of 2024",
     ["forum/meetings/2024-*", "plans/2023-2025/evidence/*/*2024-11*",
      "plans/2023-2025/evidence/02-*/decree-*", "plans/2023-2025/evidence/03-*/e-filing-*"]),
    ("2025-05-14T10:00:00+00:00", "Progress, first half of 2025",
     ["forum/meetings/2025-0[1-6]-*", "plans/2023-2025/evidence/*/*2025-05*",
      "plans/2023-2025/evidence/04-*/committee-*"]),
    ("2025-11-19T10:00:00+00:00", "Progress, second half of 2025",
     ["forum/meetings/2025-*", "plans/2023-2025/evidence/*/*2025-11*",
      "plans/2023-2025/evidence/0*"]),
    ("2026-02-25T10:00:00+00:00", "Self-assessment; co-creation of the second plan",
     ["forum/meetings/2026-0[1-2]-*", "plans/2023-2025/*", "plans/2026-2030/co-creation.yaml",
      "plans/2026-2030/contributions.yaml", "plans/2026-2030/evidence/process/*"]),
    ("2026-06-24T10:00:00+00:00", "Plan 2026-2030 delivered",
     ["forum/meetings/2026-0[3-6]-*", "plans/2026-2030/plan.yaml", "plans/2026-2030/sections/*",
      "plans/2026-2030/commitments/*"]),
    ("2026-11-20T10:00:00+00:00", "Progress, second half of 2026", ["*"]),
)


def git(repo: Path, *args: str, when: str = "2026-11-20T10:00:00+00:00") -> str:
    """Run git in `repo` with the fixed identity and `when` as author and committer date."""
    env = {**os.environ, **IDENTITY, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "LC_ALL": "C"}
    done = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false",
                           "-c", "core.autocrlf=false", *args], cwd=repo, env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout


def init(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    return repo


def commit(repo: Path, message: str, when: str, *paths: str) -> str:
    """Stage `paths` (everything by default) and commit them dated `when`; the commit id."""
    git(repo, "add", "-A", "--", *(paths or (".",)))
    git(repo, "commit", "-q", "--allow-empty", "-m", message, when=when)
    return git(repo, "rev-parse", "HEAD").strip()


def sample_files() -> list[str]:
    """sample-country's files, record-relative, without its check cache."""
    return sorted(p.relative_to(SAMPLE).as_posix() for p in SAMPLE.rglob("*")
                  if p.is_file() and ".ogpctl-cache" not in p.parts)


def commit_sample(repo: Path, folder: str = "", steps: tuple = SAMPLE_STEPS) -> Path:
    """sample-country committed into `repo` (made if missing), below `folder` when given,
    in dated `steps` (SAMPLE_STEPS by default). Returns the record's root."""
    if not (repo / ".git").exists():
        init(repo)
    root = repo / folder if folder else repo
    left = sample_files()
    for when, message, patterns in steps:
        now = [f for f in left if any(fnmatch.fnmatch(f, p) for p in patterns)]
        left = [f for f in left if f not in now]
        for name in now:
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(SAMPLE / name, target)
        commit(repo, message, when)
    return root


def shallow_clone(source: Path, target: Path) -> Path:
    """`git clone --depth 1` of `source`: history before its newest commit is unknown."""
    git(source.parent, "clone", "-q", "--depth", "1", source.resolve().as_uri(), str(target))
    return target

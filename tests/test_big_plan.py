"""A pull request with a huge plan must not make CI run for minutes (newuser6 K17: a
commitment with 3,000 milestones, and `site` and `render -f pdf` did not finish in 120 s).
Every document, page and review is linear in the record: the work for a plan twice as big
is at most 2.5 times the work (counted as Python function calls, which do not depend on
the machine's load), never the square that a list scanned once an item makes.

The plans are made as a user makes one (init, new-plan, new-commitment), delivered with
tag-submission, then changed the way that made the work quadratic: every milestone
re-dated after delivery (each milestone's original date was looked for among all the
plan's changes, and each change's milestone among all the commitment's milestones), and
commitments added after delivery (each commitment asked which of all the changes added
it)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from ogpctl.record.load import load_record
from ogpctl.render import Request, render_bytes
from ogpctl.site import build_site
from tests.conftest import run
from tests.gitrecord import git, use_identity

PLAN = "2027-2031"
DAY = date(2027, 11, 23)
#: The most that doubling the plan may multiply the work by: linear is 2, plus the room a
#: fixed cost leaves; a quadratic step makes it near 4.
RATIO = 2.5


def milestones(count: int, year: int) -> str:
    return "".join(f"  - number: {n}\n    title: {{es: Publicar el conjunto {n}}}\n"
                   f"    output: {{es: Conjunto de datos {n} abierto}}\n"
                   f"    due: {year}-{1 + n % 12:02d}-28\n    status: not-started\n"
                   for n in range(1, count + 1))


def delivered(capsys: pytest.CaptureFixture[str], root: Path, monkeypatch: pytest.MonkeyPatch,
              count: int) -> Path:
    """A record whose plan was delivered with one commitment of `count` milestones."""
    use_identity(monkeypatch, "2027-06-30T12:00:00+00:00")
    for args in (("init", root, "--country", "Testland", "--iso-code", "XT", "--languages",
                  "es,en", "--lead-agency", "Agencia de Gobierno Abierto"),
                 ("new-plan", "-C", root, "--window", "june", "--due-year", "2027",
                  "--length", "4", "--today", "2026-11-23"),
                 ("new-commitment", "-C", root, PLAN, "Datos abiertos", "--today",
                  "2026-11-23")):
        assert run(capsys, *args)[0] == 0
    path = commitment_file(root)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("  - number: 1\n")] + milestones(count, 2028),
                    encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Plan as delivered", date="2027-06-29T10:00:00+00:00")
    code, _, err = run(capsys, "tag-submission", "-C", root, PLAN, "--date", "2027-06-30",
                       "--today", "2027-06-30")
    assert code == 0, err
    return root


def commitment_file(root: Path) -> Path:
    return root / f"plans/{PLAN}/commitments/01-datos-abiertos.yaml"


def redated(capsys: pytest.CaptureFixture[str], root: Path, monkeypatch: pytest.MonkeyPatch,
            count: int) -> Path:
    """Delivered with `count` milestones, each re-dated a year later since."""
    delivered(capsys, root, monkeypatch, count)
    path = commitment_file(root)
    path.write_text(path.read_text(encoding="utf-8").replace("due: 2028-", "due: 2029-"),
                    encoding="utf-8")
    return root


def added(capsys: pytest.CaptureFixture[str], root: Path, monkeypatch: pytest.MonkeyPatch,
          count: int) -> Path:
    """Delivered with one commitment; `count` commitments of one milestone added since."""
    delivered(capsys, root, monkeypatch, 1)
    text = commitment_file(root).read_text(encoding="utf-8")
    for number in range(2, count + 2):
        (root / f"plans/{PLAN}/commitments/{number:03d}-datos-{number}.yaml").write_text(
            text, encoding="utf-8")
    return root


def work(make: Callable[[], str]) -> tuple[int, str]:
    """The lines of Python `make` runs (a loop that calls no function counts too), and
    what it made."""
    lines = 0

    def line(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal lines
        lines += 1
        return line

    sys.settrace(line)
    try:
        made = make()
    finally:
        sys.settrace(None)
    return lines, made


Measured = Callable[[Path], Callable[[], str]]


def document(name: str) -> Measured:
    """Rendering the plan's `name` document in Markdown."""
    def measured(root: Path) -> Callable[[], str]:
        return lambda: render_bytes(load_record(root), Request(name, PLAN, "es"), "md",
                                    DAY).decode()

    return measured


def pages(root: Path) -> Callable[[], str]:
    """Building the website's pages (their text, one after the other)."""
    return lambda: b"".join(build_site(load_record(root), DAY, formats=(), search=False)
                            .values()).decode(errors="replace")


def ratio(capsys: pytest.CaptureFixture[str], tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch, change: Callable[..., Path], size: int,
          measured: Measured) -> tuple[float, str]:
    """The work for a plan of 2 × `size` over the work for `size`, and what the bigger
    made."""
    small, big = (measured(change(capsys, tmp_path / str(n), monkeypatch, n))
                  for n in (size, 2 * size))
    small()   # what is made once a process (imports, templates) is not the plan's work
    (work_big, made), (work_small, _) = work(big), work(small)
    return work_big / work_small, made


@pytest.mark.parametrize("measured, size, said", [
    (document("action-plan"), 150, "(enmendada)"),
    (document("amendment-note"), 800, " de 2028 "),
    (pages, 150, "(originalmente ")], ids=["action-plan", "amendment-note", "site"])
def test_a_plan_whose_milestones_were_all_redated_is_linear(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        measured: Measured, size: int, said: str) -> None:
    times, made = ratio(capsys, tmp_path, monkeypatch, redated, size, measured)
    assert made.count(said) >= 2 * size   # each milestone's date at delivery is shown
    assert times <= RATIO


@pytest.mark.parametrize("measured", [document("action-plan"), pages],
                         ids=["action-plan", "site"])
def test_a_plan_with_commitments_added_is_linear(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        measured: Measured) -> None:
    times, made = ratio(capsys, tmp_path, monkeypatch, added, 80, measured)
    assert made.count("Este compromiso se añadió al plan") >= 2 * 80
    assert times <= RATIO

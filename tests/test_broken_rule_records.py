"""Every command survives the broken records of tests/cases/ whose findings come from the
rules (calendar, languages, minimum requirements, SMART, assessment...): the other half of
the sweep in tests/test_broken_records.py, a file of its own so that another worker runs
it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_broken_records import every_command_survives, other_broken_cases, packed_base


@pytest.fixture(scope="module")
def base_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return packed_base(tmp_path_factory)


@pytest.mark.slow
@pytest.mark.parametrize("case", other_broken_cases(), ids=lambda p: p.name)
def test_every_command_survives(case: Path, base_repository: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    every_command_survives(case, base_repository, tmp_path, capsys, monkeypatch)

"""The take-part page sorts input mechanisms by the day: open ones are the ways to send
ideas now, ones that open later are listed apart (a new user's page listed a workshop two
months away among the ways to send ideas), closed ones last."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run

SURVEY = "Online survey of ideas for the 2026-2030 plan"   # open 2026-01-19 to 2026-03-13


@pytest.mark.parametrize("today, heading", [
    ("2025-12-01", "Opening later: not taking ideas yet"),
    ("2026-02-01", "Ways to send your ideas"),
    ("2026-04-01", "Closed: no longer taking ideas"),
])
def test_a_mechanism_is_listed_under_what_it_does_on_the_day(
        capsys: pytest.CaptureFixture[str], sample: Path, tmp_path: Path, today: str,
        heading: str) -> None:
    code, _, err = run(capsys, "site", "-C", str(sample), "--out", str(tmp_path / "site"),
                       "--no-search", "--formats", "none", "--today", today)
    assert code == 0, err
    page = (tmp_path / "site" / "en" / "participate.html").read_text(encoding="utf-8")
    assert page.split(SURVEY)[0].rsplit("<h3>", 1)[-1].startswith(heading + "</h3>")

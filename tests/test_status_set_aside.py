"""`ogpctl status` says why a self-assessment's rating is not the colour it shows, as the
website does (leftovers 2): a yearly rating no longer speaks once a milestone falls due
after it; a rating that differs from the milestones with no reason is not the headline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run
from tests.test_public_site_truth import unreasoned_amber, yearly_green
from tests.test_public_truth import copy


def status(capsys: pytest.CaptureFixture[str], record: Path, *options: str) -> str:
    code, out, err = run(capsys, "status", "-C", record, "--today", "2026-11-23", *options)
    assert code in (0, 1), err
    return " ".join(out.split())


def test_status_says_a_yearly_rating_no_longer_speaks(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = status(capsys, copy(tmp_path, yearly_green), "--lang", "en")
    assert "commitment 2: The self-assessment of 2024-09-01 rated it green. The " \
           "milestones now give amber: the report no longer speaks for the plan's " \
           "progress." in out, out


def test_status_says_a_rating_without_a_reason_is_set_aside(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    record = copy(tmp_path, unreasoned_amber)
    out = status(capsys, record, "--lang", "en")
    assert "commitment 3: The self-assessment of 2026-02-20 rated it amber. The " \
           "report gives no reason for differing from the milestones, which give green: " \
           "their colour is shown." in out, out
    spanish = status(capsys, record)     # the record's default language
    assert "compromiso 3: La autoevaluación del 20 de febrero de 2026 le dio" in spanish, \
        spanish


def test_status_is_silent_where_the_rating_is_the_colour(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert "The self-assessment" not in status(capsys, copy(tmp_path), "--lang", "en")


@pytest.mark.parametrize("edit", [yearly_green, unreasoned_amber])
def test_status_json_holds_every_set_aside_rating_the_text_shows(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, edit) -> None:
    record = copy(tmp_path, edit)
    text = status(capsys, record, "--lang", "en")
    code, out, err = run(capsys, "status", "-C", record, "--today", "2026-11-23",
                         "--lang", "en", "--format", "json")
    assert code in (0, 1), err
    plans = json.loads(out)
    aside = [(plan["plan"], item) for plan in plans for item in plan["commitments"]
             if "rating-set-aside" in item]
    assert aside and len(aside) == text.count(": The self-assessment of ")
    for _, item in aside:
        given = item["rating-set-aside"]
        assert f"commitment {item['number']}: The self-assessment of {given['prepared']} " \
               f"rated it {given['rating']}." in text
        why = {"lapsed": f"The milestones now give {item['colour']}",
               "unreasoned": f"differing from the milestones, which give {item['colour']}"}
        assert why[given["why"]] in text
    assert {plan["as-of"] for plan in plans} == {"2026-11-23"} and "as of 2026-11-23" in text

"""The OGP calendar: worked examples computed by hand from the handbook, and properties
over many dates (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ogpctl.record import cycle as cal

D = date

# window, due year, length -> due, opens, closes, end, amendment, late-after, refresh mark,
# refresh due. Computed by hand from handbook 2.3, 3.1 and 3.1.a; amendments until the end
# date (implementation guidance, newer than 2.2).
WORKED = [
    ("june", 2026, 4, D(2026, 6, 30), D(2026, 1, 1), D(2026, 8, 31), D(2030, 6, 30),
     D(2030, 6, 30), D(2031, 6, 30), D(2028, 6, 30), D(2028, 12, 31)),
    ("june", 2025, 2, D(2025, 6, 30), D(2025, 1, 1), D(2025, 8, 31), D(2027, 6, 30),
     D(2027, 6, 30), D(2028, 6, 30), None, None),
    ("december", 2024, 2, D(2024, 12, 31), D(2024, 7, 1), D(2025, 2, 28), D(2026, 12, 31),
     D(2026, 12, 31), D(2027, 12, 31), None, None),
    # the February after a December 2027 due date is in a leap year: the handbook names
    # February 28 and allows no extension, so February 29 is late
    ("december", 2027, 4, D(2027, 12, 31), D(2027, 7, 1), D(2028, 2, 28), D(2031, 12, 31),
     D(2031, 12, 31), D(2032, 12, 31), D(2029, 12, 31), D(2030, 6, 30)),
    # transitional rule: plans developed in 2022 and 2023 were due December 31, no grace
    ("december", 2023, 2, D(2023, 12, 31), D(2023, 7, 1), D(2023, 12, 31), D(2025, 12, 31),
     D(2025, 12, 31), D(2026, 12, 31), None, None),
    ("june", 2022, 4, D(2022, 12, 31), D(2022, 7, 1), D(2022, 12, 31), D(2026, 12, 31),
     D(2026, 12, 31), D(2027, 12, 31), D(2024, 12, 31), D(2025, 6, 30)),
]


@pytest.mark.parametrize("row", WORKED, ids=lambda r: f"{r[0]}-{r[1]}-{r[2]}y")
def test_worked_examples(row) -> None:
    window, year, length, due, opens, closes, end, amend, late, mark, refresh = row
    got = cal.plan_dates(window, year, length)
    assert (got.due, got.window_opens, got.window_closes, got.end) == (due, opens, closes, end)
    assert (got.amendment_deadline, got.next_plan_late_after) == (amend, late)
    assert (got.refresh_mark, got.refresh_due, got.irm_check_in) == (mark, refresh, mark)


def test_timeline_two_weeks_before() -> None:
    assert cal.timeline_publish_by(D(2026, 2, 2)) == D(2026, 1, 19)
    assert cal.timeline_publish_by(D(2024, 3, 1)) == D(2024, 2, 16)   # leap February


def test_cadence_periods() -> None:
    # the week left after two years joins the second year
    assert list(cal.implementation_years(D(2026, 6, 24), D(2028, 6, 30))) == [
        (D(2026, 6, 24), D(2027, 6, 23)), (D(2027, 6, 24), D(2028, 6, 30))]
    assert len(list(cal.local_quarters(D(2026, 7, 1), D(2027, 6, 30)))) == 4
    assert list(cal.forum_periods(D(2025, 12, 31), D(2026, 12, 31)))[1][0] == D(2026, 6, 30)


years = st.integers(min_value=2011, max_value=2090)
windows = st.sampled_from(["june", "december"])
lengths = st.sampled_from([2, 4])


@given(windows, years, lengths)
def test_plan_date_properties(window: str, year: int, length: int) -> None:
    got = cal.plan_dates(window, year, length)
    assert got.window_opens < got.due <= got.window_closes
    assert (got.end.month, got.end.day) == (got.due.month, got.due.day)
    assert got.end.year - got.due.year == length
    assert got.amendment_deadline == got.end
    assert got.next_plan_late_after.year == got.end.year + 1
    if length == 4:
        assert got.due < got.refresh_mark < got.refresh_due < got.end
    else:
        assert got.refresh_mark is None
    if not cal.transitional(year):
        assert (got.window_closes - got.due).days in (59, 62)   # August 31, February 28


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 1, 1)), st.integers(0, 60))
def test_add_months_properties(day: date, months: int) -> None:
    moved = cal.add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    if (day + timedelta(days=1)).day == 1:
        assert (moved + timedelta(days=1)).day == 1   # month ends stay month ends
    else:
        assert moved.day <= day.day


@given(st.dates(min_value=D(2011, 1, 1), max_value=D(2090, 1, 1)),
       st.integers(1, 3000), st.sampled_from([3, 6, 12]))
def test_periods_tile_the_span(start: date, days: int, months: int) -> None:
    end = start + timedelta(days=days)
    spans = list(cal.periods(start, end, months))
    assert spans[0][0] == start and spans[-1][1] == end
    for (_, a_last), (b_first, _) in pairwise(spans):
        assert a_last + timedelta(days=1) == b_first
    for index, (_first, last) in enumerate(spans[:-1]):   # whole periods, counted from start
        assert cal.add_months(start, (index + 1) * months) - timedelta(days=1) == last
    if len(spans) > 1:   # the last period is whole or longer, never a stub
        assert spans[-1][1] >= cal.add_months(start, len(spans) * months) - timedelta(days=1)

"""The schemas' `date` format: a real day a record can use, asked of Python once a text
(`ogpctl.record.schema.RealDays`), not once a date of every document validated."""

from __future__ import annotations

from typing import Any

import pytest

from ogpctl.record import schema
from ogpctl.record.kinds import Kind
from ogpctl.record.schema import SchemaSet

MEETING: dict[str, Any] = {"date": "2023-03-15", "kind": "msf",
                           "title": {"en": "Installation session", "es": "Sesión de instalación"}}


def _codes(schemas: SchemaSet, day: str) -> list[str]:
    return [p.code for p in schemas.validate(Kind.MEETING, {**MEETING, "date": day})]


@pytest.mark.parametrize("day", ["0000-01-01", "2023-02-30", "2023-3-15", "15/03/2023"])
def test_a_day_no_calendar_has_is_refused(day: str) -> None:
    schemas = SchemaSet()
    assert _codes(schemas, "2023-03-15") == []
    assert _codes(schemas, day) != []
    assert _codes(schemas, day) != []   # the remembered answer is the same


def test_each_text_is_judged_once(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = schema.is_real_date
    monkeypatch.setattr(schema, "is_real_date", lambda value: asked.append(value) or real(value))
    schemas = SchemaSet()
    for _ in range(3):
        assert _codes(schemas, "2024-02-29") == []
        assert _codes(schemas, "2023-02-29") != []
    assert sorted(asked) == ["2023-02-29", "2024-02-29"]


def test_the_texts_remembered_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema.RealDays, "KEPT", 2)
    days = schema.RealDays()
    assert [days[d] for d in ("2024-01-01", "2024-01-02", "2024-01-03", "0000-01-01")] == [
        True, True, True, False]
    assert list(days) == ["2024-01-01", "2024-01-02"]

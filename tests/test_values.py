"""ogpctl.base.values: a field of the expected kind, else an empty one of that kind."""

from ogpctl.base.values import dict_at, list_at, str_at


def test_a_field_of_the_expected_kind_is_given_back() -> None:
    fields = {"timeline": {"url": "x"}, "attendees": ["a"], "email": "poc@example.org"}
    assert dict_at(fields, "timeline") == {"url": "x"}
    assert list_at(fields, "attendees") == ["a"]
    assert str_at(fields, "email") == "poc@example.org"


def test_a_field_of_another_kind_or_missing_reads_as_empty() -> None:
    hostile = {"timeline": [1], "attendees": {"a": 1}, "email": None}
    assert dict_at(hostile, "timeline") == {}
    assert list_at(hostile, "attendees") == []
    assert str_at(hostile, "email") == ""
    assert dict_at({}, "missing") == {} and list_at({}, "x") == [] and str_at({}, "x") == ""


def test_the_email_pattern_is_the_schemas() -> None:
    """The site builds mailto: links from `as_email`; it accepts exactly what `check` does."""
    import json

    from ogpctl.record.model import EMAIL, as_email
    from tests.conftest import ROOT

    common = json.loads((ROOT / "schemas/common.schema.json").read_text(encoding="utf-8"))
    assert EMAIL.pattern == common["$defs"]["email"]["pattern"]
    assert as_email("ogp@example.gov") == "ogp@example.gov"
    assert as_email("a@b.c?bcc=spy@evil.example") is None
    assert as_email("javascript:alert(1)//@x.org") is None and as_email(None) is None

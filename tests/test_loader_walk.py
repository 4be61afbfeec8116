"""The one walk over parsed data (`ogpctl.source.walk.inspect`), which screens a level of
nesting at a time, against its definition written container by container."""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogpctl.source.numbers import MAX_WHOLE
from ogpctl.source.text import FORBIDDEN_CHARS
from ogpctl.source.walk import MAX_DEPTH, inspect

SETTINGS = settings(max_examples=400, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def precise_path_needed(data: Any) -> bool:
    """The definition: a container deeper than MAX_DEPTH, a key that is not text, or a
    number a record cannot hold, in any container up to that depth."""
    stack = [(data, 0)] if isinstance(data, (dict, list)) else []
    if _odd(data):
        return True
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(node, dict) and any(type(key) is not str for key in node):
            return True
        values = list(node.values()) if isinstance(node, dict) else node
        if any(map(_odd, values)):
            return True
        stack.extend((v, depth + 1) for v in values if type(v) in (dict, list))
    return False


def _odd(value: Any) -> bool:
    if type(value) is float:
        return not math.isfinite(value)
    return type(value) is int and abs(value) > MAX_WHOLE


def problem_codes(data: Any, check_escapes: bool, check_nfc: bool) -> list[str]:
    """R003 for each text holding a forbidden character, R004 for each NFC twin key."""
    codes = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, str) and check_escapes and FORBIDDEN_CHARS.search(node):
            codes.append("R003")
        if isinstance(node, dict):
            normal = [unicodedata.normalize("NFC", key) for key in node]
            codes += ["R004"] * (len(normal) - len(set(normal))) if check_nfc else []
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return sorted(codes)


keys = st.sampled_from(["a", "b", "title", "e\u0301", "\u00e9", "\u00e9t\u00e9"])
odd_keys = st.sampled_from([1, True, None, 1.5, ("a",)])
scalars = st.one_of(
    st.sampled_from(["", "text", "caf\u00e9", "bell\x07", "lone \ud800", "del\x7f"]),
    st.integers(min_value=-2 * MAX_WHOLE, max_value=2 * MAX_WHOLE),
    st.sampled_from([MAX_WHOLE, -MAX_WHOLE, MAX_WHOLE + 1, -MAX_WHOLE - 1, 10 ** 30]),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.none())
data = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(keys, keys, keys, keys, odd_keys), inner, max_size=4)),
    max_leaves=30)


@SETTINGS
@given(data, st.booleans(), st.booleans())
def test_inspect_agrees_with_its_definition(value: Any, escapes: bool, nfc: bool) -> None:
    found = inspect(value, check_escapes=escapes, check_nfc=nfc)
    if precise_path_needed(value):
        assert found is None
    else:
        assert found is not None
        assert sorted(p.code for p in found) == problem_codes(value, escapes, nfc)


def nested(depth: int, leaf: Any = "x") -> Any:
    """A container `depth` levels below the top one (mappings and lists in turn)."""
    node: Any = {"k": leaf}
    for level in range(depth):
        node = [node] if level % 2 else {"k": node, "sibling": "y"}
    return node


def test_depth_is_bounded_at_the_deepest_container_only() -> None:
    assert inspect(nested(MAX_DEPTH), check_escapes=False, check_nfc=False) == []
    assert inspect(nested(MAX_DEPTH + 1), check_escapes=False, check_nfc=False) is None
    wide = {"shallow": [1, 2], "deep": nested(MAX_DEPTH - 1)}
    assert inspect(wide, check_escapes=False, check_nfc=False) == []
    assert inspect({**wide, "deeper": nested(MAX_DEPTH)}, check_escapes=False,
                   check_nfc=False) is None


def test_a_finding_deep_in_a_list_of_mappings_is_found() -> None:
    doc = {"milestones": [{"title": "a"}, {"title": "b", "progress": [{"n": 2 ** 60}]}]}
    assert inspect(doc, check_escapes=False, check_nfc=False) is None
    doc["milestones"][1]["progress"] = [{1: "x"}]
    assert inspect(doc, check_escapes=False, check_nfc=False) is None
    doc["milestones"][1]["progress"] = [{"e\u0301": 1, "\u00e9": 2}, True, 2.5]
    found = inspect(doc, check_escapes=False, check_nfc=True)
    assert found is not None and [p.path for p in found] == [
        ("milestones", 1, "progress", 0, "\u00e9")]
    assert inspect(doc, check_escapes=False, check_nfc=False) == []


def test_escaped_characters_are_found_in_lists_and_at_the_top() -> None:
    found = inspect({"a": ["ok", "bell\x07"]}, check_escapes=True, check_nfc=False)
    assert found is not None and [p.path for p in found] == [("a", 1)]
    assert inspect({"a": ["ok", "bell\x07"]}, check_escapes=False, check_nfc=False) == []
    top = inspect("bell\x07", check_escapes=True, check_nfc=False)
    assert top is not None and [p.code for p in top] == ["R003"]

"""Property-based tests of the one YAML module: no input raises, and the fast path
(yaml_rs) and the precise path (ruamel events) read the same data."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ogpctl.record.kinds import Kind
from ogpctl.record.read import read_bytes
from ogpctl.source.yaml import parse_precise, parse_yaml

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

yaml_alphabet = st.sampled_from(list(string.printable) + ["é", "ü", "ا", "д", "中", "\u0301",
                                                          "\t", "\x00", "\x85", "\ufeff"])


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    for kind in (Kind.COMMITMENT, Kind.MEETING, Kind.SECTION):
        result = read_bytes(data, kind)
        assert result[0] == kind.value


@SETTINGS
@given(st.text(yaml_alphabet, max_size=400))
def test_yaml_like_text_never_raises(text: str) -> None:
    parsed = parse_yaml(text)
    assert parsed.ok or parsed.problems


keys = st.text(string.ascii_lowercase + "-", min_size=1, max_size=12)
scalars = st.one_of(
    st.text(string.ascii_letters + string.digits + " .,-áéíóú", max_size=30),
    st.integers(min_value=-10**6, max_value=10**6),
    st.booleans(), st.none(),
    st.dates().map(lambda d: d.isoformat()))
documents = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=20)


def to_yaml(value: object, indent: int = 0) -> str:
    """Block-style YAML with every scalar quoted, so both parsers read the same types."""
    import json

    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return pad + "{}\n"
        out = ""
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                out += f"{pad}{json.dumps(key)}:\n" + to_yaml(item, indent + 2)
            else:
                out += f"{pad}{json.dumps(key)}: {to_yaml(item).strip()}\n"
        return out
    if isinstance(value, list):
        if not value:
            return pad + "[]\n"
        return "".join(f"{pad}- {to_yaml(item, indent + 2).strip()}\n"
                       if not isinstance(item, (dict, list)) or not item else
                       f"{pad}-\n" + to_yaml(item, indent + 2) for item in value)
    if value is None or isinstance(value, (bool, int)):
        return pad + json.dumps(value).replace("null", "null") + "\n"
    return pad + json.dumps(value, ensure_ascii=False) + "\n"


@SETTINGS
@given(st.dictionaries(keys, documents, min_size=1, max_size=5))
def test_fast_and_precise_paths_read_the_same(document: dict) -> None:
    text = to_yaml(document)
    fast, precise = parse_yaml(text), parse_precise(text)
    assert fast.ok and precise.ok, text
    assert fast.data == precise.data == document, text


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("0123456789_.+-xoabeEXOB"), min_size=1, max_size=8))
@example("0b0").via("a binary word: text in YAML 1.2 core, 0 for yaml_rs")
@example("-0B1").via("a signed binary word")
def test_number_like_words_read_as_yaml_1_2(word: str) -> None:
    """The fast path agrees with the precise one on words of digits and underscores, which
    YAML 1.1 (and yaml_rs) read as numbers and YAML 1.2 core reads as text (1_000, +0x1,
    0X1F)."""
    from ogpctl.source.yaml import parse_precise, parse_yaml

    text = f"k: {word}\n"
    precise = parse_precise(text)
    if precise.ok and not precise.problems:
        assert parse_yaml(text).data == precise.data, word


def _float_token(value: float) -> str:
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    return repr(value)


number_tokens = st.one_of(
    st.integers(-10 ** 40, 10 ** 40).map(str),
    st.floats().map(_float_token),
    st.integers(1, 5000).map(lambda n: "9" * n),
    st.sampled_from([".NaN", ".Inf", "-.INF", "1e999", "-1e400", "0x" + "f" * 20, "0o" + "7" * 30,
                     "9007199254740991", "9007199254740992", "-9007199254740992"]))


@SETTINGS
@given(st.lists(number_tokens, min_size=1, max_size=5))
def test_numbers_a_record_cannot_hold_are_text_and_a_finding(tokens: list[str]) -> None:
    """.nan, .inf and whole numbers beyond 2^53 - 1 are kept as the text written, each with
    one F103 at its key; both paths agree, and no such number reaches the data."""
    from ogpctl.source.numbers import is_odd_number

    text = "".join(f"k{i}: {token}\n" for i, token in enumerate(tokens))
    for parse in (parse_yaml, parse_precise):
        parsed = parse(text)
        values = list(parsed.data.values())
        assert not any(is_odd_number(v) for v in values), text
        kept = [(f"k{i}",) for i, value in enumerate(values) if isinstance(value, str)]
        assert [p.path for p in parsed.problems if p.code == "F103"] == kept, text
        pairs = zip(tokens, values, strict=True)
        assert [v for v in values if isinstance(v, str)] == [t for t, v in pairs
                                                              if isinstance(v, str)]
    assert parse_yaml(text).data == parse_precise(text).data


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from([Kind.OGP, Kind.COMMITMENT, Kind.MEETING]))
def test_the_closed_twins_read_arbitrary_bytes_as_the_walk_does(data: bytes, kind: Kind) -> None:
    """A file the schema's closed twin accepts skips the walk and the validation
    (`ogpctl.record.closed`): the result is the same."""
    assert read_bytes(data, kind, closed=True) == read_bytes(data, kind)


@SETTINGS
@given(st.text(yaml_alphabet, max_size=400).map(lambda t: "title: x\n" + t))
def test_the_closed_twins_read_yaml_like_text_as_the_walk_does(text: str) -> None:
    raw = text.encode("utf-8", "surrogatepass")
    for kind in (Kind.OGP, Kind.FORUM):
        assert read_bytes(raw, kind, closed=True) == read_bytes(raw, kind)

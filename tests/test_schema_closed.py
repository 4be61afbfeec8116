"""The schemas' closed twins (`ogpctl.record.closed`): a file the twin accepts is neither
walked nor validated again (issue 16: the walk and the validation each cost about as much
as the other), so the twin must accept only valid data in which the walk finds nothing.
Each test of what the walk finds also checks that the file is read exactly as it was when
every file was walked."""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import pytest

from ogpctl.record import load as loading
from ogpctl.record import read as reading
from ogpctl.record.closed import closed_twins
from ogpctl.record.discover import discover
from ogpctl.record.kinds import Kind
from ogpctl.record.load import load_documents
from ogpctl.record.read import read_bytes
from ogpctl.record.schema import BASE_URI, SchemaSet, default_schemas
from ogpctl.source import walk
from ogpctl.source.walk import MAX_DEPTH
from tests.conftest import SAMPLE, counting

RECORD_SCHEMAS = sorted({kind.schema for kind in Kind if kind.schema})


def _walked(raw: bytes, kind: Kind) -> Any:
    """The file read as before the twins: walked and validated."""
    return read_bytes(raw, kind)


def _read(raw: bytes, kind: Kind) -> Any:
    """The file read with the twins."""
    return read_bytes(raw, kind, closed=True)


def _proven(raw: bytes, kind: Kind) -> bool:
    proofs: list[bool] = []
    real = SchemaSet.accepts

    def spy(self: SchemaSet, of: Kind, data: Any) -> bool:
        proofs.append(real(self, of, data))
        return proofs[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SchemaSet, "accepts", spy)
        _read(raw, kind)
    return proofs == [True]


def test_every_record_schema_has_a_twin_of_bounded_nesting() -> None:
    """A schema change that opens a twin (a keyword it does not know, a reference loop)
    would silently bring the walk back: it fails here instead."""
    schemas = default_schemas()
    twins = closed_twins(schemas.documents, BASE_URI)
    assert set(RECORD_SCHEMAS) <= set(twins)
    for name in RECORD_SCHEMAS:
        assert _nesting(twins, name, twins[name]) < MAX_DEPTH


def _nesting(twins: dict[str, Any], file: str, node: Any) -> int:
    """How deep data the twin accepts can nest (references followed)."""
    if not isinstance(node, dict):
        return 0
    ref = node.get("$ref")
    deepest = 0
    if isinstance(ref, str):
        target, _, pointer = ref.partition("#")
        file = target or file
        found: Any = twins[file]
        for token in filter(None, pointer.split("/")):
            found = found[token]
        deepest = _nesting(twins, file, found)
    kinds = node.get("type")
    container = any(k in ("object", "array") for k in
                    ([kinds] if isinstance(kinds, str) else kinds or []))
    subs = [*(node.get("properties") or {}).values(),
            *(node.get("patternProperties") or {}).values(),
            node.get("additionalProperties"), node.get("items"),
            *node.get("anyOf", []), *node.get("allOf", [])]
    inner = max((_nesting(twins, file, sub) for sub in subs), default=0)
    return max(deepest, inner + (1 if container else 0))


def test_a_large_record_is_read_without_the_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "CLOSED_MIN", 10)   # the sample record as a large one
    walks = counting(monkeypatch, walk, "inspect")
    documents, problems = load_documents(SAMPLE, discover(SAMPLE))
    assert walks[0] == 0 and not problems
    assert all(doc.ok for doc in documents.values())


def test_a_small_record_is_read_without_the_twins(monkeypatch: pytest.MonkeyPatch) -> None:
    """Making the twins costs more than walking a record of a few dozen files."""
    proofs = counting(monkeypatch, SchemaSet, "accepts")
    load_documents(SAMPLE, discover(SAMPLE))
    assert proofs[0] == 0


def test_the_sample_record_reads_as_when_walked() -> None:
    for ref in discover(SAMPLE).files:
        raw = (SAMPLE / ref.path).read_bytes()
        assert _read(raw, ref.kind) == _walked(raw, ref.kind), ref.path


COMMITMENT = next(SAMPLE.glob("plans/*/commitments/*.yaml"))
OGP = SAMPLE / "ogp.yaml"
CO_CREATION = next(SAMPLE.glob("plans/*/co-creation.yaml"))


def _commitment_with(milestone_field: str) -> bytes:
    """The sample commitment with `milestone_field` (a YAML line) in its first milestone."""
    text = COMMITMENT.read_text(encoding="utf-8")
    head, marker, rest = text.partition("milestones:\n")
    first, newline, tail = rest.partition("\n")
    indent = first[:len(first) - len(first.lstrip(" -"))].replace("-", " ")
    return (head + marker + first + newline + indent + milestone_field + "\n" + tail).encode()


@pytest.mark.parametrize("path, raw", [
    ("a number a record cannot hold", _commitment_with("weight: 1e400")),
    ("a whole number past 2**53", _commitment_with("weight: 90071992547409930")),
    ("a key that is not text", _commitment_with("1: one")),
    ("a key that is not text in an extension",
     OGP.read_bytes() + b"x-notes:\n  true: yes\n"),
    ("data nested too deep in an extension",
     OGP.read_bytes() + b"x-notes: " + b"[" * (MAX_DEPTH + 2) + b"]" * (MAX_DEPTH + 2) + b"\n"),
    ("keys equal once normalised",
     OGP.read_bytes() + "check:\n  per-file-ignores:\n    \"caf\u00e9.yaml\": [S211]\n"
     "    \"cafe\u0301.yaml\": [S211]\n".encode()),
    ("a forbidden character written as an escape",
     OGP.read_bytes() + b'x-notes: "a \\u0007 b"\n'),
])
def test_what_the_walk_finds_is_never_proven(path: str, raw: bytes) -> None:
    kind = Kind.COMMITMENT if raw.startswith(COMMITMENT.read_bytes()[:40]) else Kind.OGP
    assert not _proven(raw, kind), path
    assert _read(raw, kind) == _walked(raw, kind)
    assert _read(raw, kind)[5], path   # and the walk (or the precise path) says so


def test_extension_fields_holding_text_are_proven() -> None:
    raw = CO_CREATION.read_bytes() + b"x-notes: kept for the forum's secretary\n"
    assert _proven(raw, Kind.CO_CREATION)
    assert not _read(raw, Kind.CO_CREATION)[5]


def _one(schema: dict[str, Any]) -> tuple[Any, Any]:
    """The validators of `schema` and of its twin."""
    twins = closed_twins({"s.json": schema}, "https://s.invalid/")
    registry = jsonschema_rs.Registry([("https://s.invalid/s.json", schema),
                                       ("https://t.invalid/s.json", twins["s.json"])])
    return (jsonschema_rs.validator_for(schema, registry=registry,
                                        base_uri="https://s.invalid/s.json"),
            jsonschema_rs.validator_for(twins["s.json"], registry=registry,
                                        base_uri="https://t.invalid/s.json"))


@pytest.mark.parametrize("schema, accepted, refused", [
    # oneOf: narrowing one branch could leave exactly one match where there were two
    ({"$defs": {"small": {"type": "number", "maximum": 10}},
      "oneOf": [{"type": "integer"}, {"$ref": "#/$defs/small"}]},
     [2.5, 11], [5]),
    ({"oneOf": [{"type": "array", "items": {}},
                {"type": "array", "items": {"type": "object"}}]},
     [[1]], [[{"a": 1}]]),
    # not: narrowing its schema would widen the whole
    ({"type": "array", "items": {"type": "array"},
      "not": {"items": {"items": {"type": "integer"}}}},
     [[["a"]]], [[[1]]]),
    ({"$defs": {"n": {"type": "object"}}, "not": {"$ref": "#/$defs/n"}, "type": ["object",
                                                                                "string"]},
     ["x"], [{"a": 1}]),
    # an open value may be a scalar only; numbers are bounded
    ({"type": "object", "properties": {"free": {}}, "additionalProperties": False},
     [{"free": "x"}, {"free": 3}], [{"free": [1]}, {"free": {"a": 1}}, {"free": 2 ** 60}]),
    ({"type": "object", "additionalProperties": {"type": "integer", "minimum": 5}},
     [{"a": 6}], [{"a": 4}, {"a": 2 ** 60}, {"\u00e9": 6}]),
])
def test_a_twin_accepts_only_what_its_schema_accepts(schema: dict[str, Any],
                                                     accepted: list[Any],
                                                     refused: list[Any]) -> None:
    plain, twin = _one(schema)
    for value in accepted:
        assert plain.is_valid(value) and twin.is_valid(value), value
    for value in refused:
        assert not twin.is_valid(value), value


def test_a_schema_it_cannot_close_has_no_twin() -> None:
    unknown = {"type": "array", "prefixItems": [{}]}
    assert closed_twins({"s.json": unknown}, "https://s.invalid/") == {}
    looping = {"$defs": {"node": {"type": "array", "items": {"$ref": "#/$defs/node"}}},
               "$ref": "#/$defs/node"}
    assert closed_twins({"s.json": looping}, "https://s.invalid/") == {}
    assert closed_twins({"s.json": {"$ref": "other.json#/x"}}, "https://s.invalid/") == {}


def test_a_proven_file_is_not_validated_again(monkeypatch: pytest.MonkeyPatch) -> None:
    validated = counting(monkeypatch, SchemaSet, "validate")
    reading.read_bytes(COMMITMENT.read_bytes(), Kind.COMMITMENT, closed=True)
    assert validated[0] == 0


def _reference_paths(schemas: SchemaSet, node: Any, name: str, path: tuple[str, ...],
                     targets: tuple[str, ...], depth: int = 0) -> set[tuple[str, ...]]:
    """`field_paths` as first written: one walk a set of targets, stopping at them."""
    if not isinstance(node, dict) or depth > 16:
        return set()
    found: set[tuple[str, ...]] = set()
    ref = node.get("$ref")
    if isinstance(ref, str):
        file, _, pointer = ref.partition("#")
        file = file or name
        if pointer.rstrip("/").rsplit("/", 1)[-1] in targets:
            return {path}
        found |= _reference_paths(schemas, schemas.resolve(BASE_URI + file + "#" + pointer),
                                  file, path, targets, depth + 1)
    for word in ("anyOf", "oneOf", "allOf"):
        for branch in node.get(word, []):
            found |= _reference_paths(schemas, branch, name, path, targets, depth + 1)
    for prop, sub in (node.get("properties") or {}).items():
        found |= _reference_paths(schemas, sub, name, path + (prop,), targets, depth + 1)
    if isinstance(node.get("items"), dict):
        found |= _reference_paths(schemas, node["items"], name, path + ("*",), targets,
                                  depth + 1)
    return found


def test_field_paths_walk_each_schema_once_for_every_set_of_targets(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules ask for the paths of texts, evidence and stakeholders in every kind of
    file: one walk of each schema serves them all (the walks were 2 % of a small check)."""
    from ogpctl.record.fields import KNOWN

    schemas = SchemaSet()
    names = sorted({name for doc in schemas.documents.values()
                    for name in doc.get("$defs") or {}})
    real = schemas._walk
    whole: list[str] = []   # the schemas walked from their top

    def walk(node: Any, name: str, path: tuple[str, ...], *rest: Any) -> Any:
        if not path and node is schemas.documents.get(name):
            whole.append(name)
        return real(node, name, path, *rest)

    monkeypatch.setattr(schemas, "_walk", walk)
    for name in RECORD_SCHEMAS:
        kind = next(k for k in Kind if k.schema == name)
        for targets in (*KNOWN, *((n,) for n in names), ("text", "evidence-item")):
            expected = _reference_paths(schemas, schemas.documents[name], name, (), targets)
            assert schemas.field_paths(kind, targets) == sorted(expected), (name, targets)
    assert sorted(whole) == RECORD_SCHEMAS

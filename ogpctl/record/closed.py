"""A record schema's closed twin: a schema that accepts a subset of what the schema accepts,
and only data in which the loader's walk (`ogpctl.source.walk.inspect`) can find nothing.

The loader walks every parsed file for what the schemas do not say: keys that are not
text, keys equal once Unicode-normalised, numbers a record cannot hold, data nested too
deep. Validating costs about as much as that walk, so a file the closed twin accepts needs
neither (`SchemaSet.accepts`); any other file is walked and validated as before. The twin
is the schema with

* every subschema in a place where narrowing it narrows the whole (properties, items,
  additionalProperties, patternProperties, allOf, anyOf, $ref) made closed in turn;
* every mapping's keys restricted to ASCII text (a key that is not text makes jsonschema_rs
  raise, which counts as not accepted; NFC twins need a letter beyond ASCII);
* every number bounded by `MAX_WHOLE`, every value the schema leaves open (no type, enum,
  const or reference of its own or beside it in an allOf) restricted to a scalar, and every
  mapping and list without a schema for its further values given one;
* `not` and `oneOf`, where narrowing a part would widen the whole, kept as they are and
  their references sent to the schema itself (a oneOf's closed branches are added beside
  it as an anyOf).

Nesting is then bounded by the schema's own, unless references loop: then, and for any
keyword not listed here, that schema has no twin and its files are walked (`Open`).
"""

from __future__ import annotations

from typing import Any

from ogpctl.source.numbers import MAX_WHOLE

#: A value the schema leaves open may only be one of these (numbers bounded).
SCALARS = {"type": ["string", "number", "integer", "boolean", "null"],
           "minimum": -MAX_WHOLE, "maximum": MAX_WHOLE}
ASCII_NAMES = {"pattern": "^[\\u0000-\\u007f]*$"}
#: The texts the `date` format accepts (`ogpctl.record.kinds.parse_day`: a real day from
#: 1900-01-01 to 2999-12-31; February 29 in leap years only) as a pattern. A twin matches it
#: in Rust where the format calls back into Python, once for every date of every file.
REAL_DAY = ("^(?:(?:19|2[0-9])[0-9]{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
            "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
            "|(?:19|2[0-9])(?:[02468][48]|[13579][26]|[2468]0)-02-29"
            "|(?:2000|2400|2800)-02-29)$")
#: The shape of a day, which REAL_DAY implies (and replaces).
DAY_SHAPE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
#: Keywords that hold no subschema: kept as they are.
_WORDS = frozenset({
    "title", "description", "default", "examples", "enum", "const", "format", "pattern",
    "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "multipleOf", "required", "minProperties", "maxProperties", "minItems", "maxItems",
    "uniqueItems", "$schema", "$comment", "type"})
#: A subschema with one of these bounds its value itself.
_BOUNDING = ("type", "enum", "const", "$ref", "anyOf", "oneOf", "allOf")


class Open(ValueError):
    """The schema uses something the twin cannot close: there is none."""


def closed_twins(documents: dict[str, Any], base: str) -> dict[str, Any]:
    """The closed twin of each schema document that has one, by file name; the twins' own
    references stay relative (resolved among the twins), those kept exact point at `base`
    + the file (the schema itself)."""
    twins: dict[str, Any] = {}
    for name, document in documents.items():
        try:
            twins[name] = _Twin(name, base).closed(document)
        except Open:
            continue
    bounded = _nesting_bounded(twins)
    return {name: twin for name, twin in twins.items() if name in bounded}


class _Twin:
    def __init__(self, name: str, base: str) -> None:
        self.name, self.base = name, base

    def closed(self, node: Any, beside: bool = False) -> Any:
        """`node` closed; `beside`: a sibling in an allOf already bounds the value."""
        if node is True:
            node = {}
        if node is False:
            return False
        if not isinstance(node, dict):
            raise Open(f"a schema that is {node!r}")
        twin = {key: self._part(key, value) for key, value in node.items()}
        if "oneOf" in node:   # exact beside, and one of its branches closed
            twin["allOf"] = [*twin.get("allOf", []), {"anyOf": self._each(node["oneOf"])}]
        if not beside and not any(key in node for key in _BOUNDING):
            twin["type"] = SCALARS["type"]   # numbers bounded by `_bounded`
        if twin.get("format") == "date":   # the same days, without a call into Python
            del twin["format"]
            if twin.get("pattern", DAY_SHAPE) != DAY_SHAPE:   # a pattern REAL_DAY may not imply
                twin["allOf"] = [*twin.get("allOf", []), {"pattern": REAL_DAY}]
            else:
                twin["pattern"] = REAL_DAY
        return _bounded(twin)

    def _part(self, key: str, value: Any) -> Any:
        if key in ("enum", "const") and not _plain(value):
            raise Open(f"a {key} holding a number a record cannot hold")
        if key in _WORDS or key.startswith("x-"):
            return value
        if key in ("properties", "patternProperties", "$defs"):
            return {name: self.closed(sub) for name, sub in value.items()}
        if key in ("additionalProperties", "items"):
            return self.closed(value)
        if key == "anyOf":
            return self._each(value)
        if key == "allOf":
            bounding = any(isinstance(sub, dict) and any(k in sub for k in _BOUNDING)
                           for sub in value)
            return [self.closed(sub, beside=bounding) for sub in value]
        if key == "$ref":
            if not isinstance(value, str) or "://" in value:
                raise Open(f"the reference {value!r}")
            return value
        if key in ("not", "oneOf", "propertyNames"):
            return self._exact(value)
        raise Open(f"the keyword {key!r}")

    def _each(self, branches: Any) -> list[Any]:
        if not isinstance(branches, list):
            raise Open("a list of schemas that is not a list")
        return [self.closed(sub) for sub in branches]

    def _exact(self, node: Any) -> Any:
        """`node` as it is, its references sent to the schema (not to the twins)."""
        if isinstance(node, list):
            return [self._exact(item) for item in node]
        if not isinstance(node, dict):
            return node
        found = {key: self._exact(value) for key, value in node.items()}
        ref = node.get("$ref")
        if isinstance(ref, str):
            if "://" in ref:
                raise Open(f"the reference {ref!r}")
            file, _, pointer = ref.partition("#")
            found["$ref"] = f"{self.base}{file or self.name}#{pointer}"
        return found


def _plain(value: Any) -> bool:
    """Whether an enum's or const's values are all numbers a record can hold, or no
    numbers."""
    from ogpctl.source.numbers import is_odd_number

    return not any(map(is_odd_number, value if isinstance(value, list) else [value]))


def _bounded(twin: dict[str, Any]) -> dict[str, Any]:
    kinds = twin.get("type")
    kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
    if "object" in kinds:
        names = twin.get("propertyNames")
        twin["propertyNames"] = ASCII_NAMES if names is None else \
            {"allOf": [names, ASCII_NAMES]}
        twin.setdefault("additionalProperties", SCALARS)
    if "array" in kinds:
        twin.setdefault("items", SCALARS)
    if "integer" in kinds or "number" in kinds:
        twin["minimum"] = max(twin.get("minimum", -MAX_WHOLE), -MAX_WHOLE)
        twin["maximum"] = min(twin.get("maximum", MAX_WHOLE), MAX_WHOLE)
    return twin


def _nesting_bounded(twins: dict[str, Any]) -> set[str]:
    """The twins whose references reach only twins, and never loop."""
    good: set[str] = set()
    bad: set[str] = set()

    def visit(target: str, path: frozenset[str]) -> bool:
        if target in good:
            return True
        if target in bad or target in path:
            return False
        try:
            refs = _references(_resolve(twins, target), target.partition("#")[0])
        except Open:
            refs = None
        fine = refs is not None and all(visit(ref, path | {target}) for ref in refs)
        (good if fine else bad).add(target)
        return fine

    return {name for name in twins if visit(name + "#", frozenset())}


def _references(node: Any, file: str) -> list[str]:
    """The twin references under `node` (not those kept exact), as file#pointer."""
    found: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str):
                target, _, pointer = ref.partition("#")
                found.append(f"{target or file}#{pointer}")
            stack.extend(value for key, value in item.items()
                         if key not in ("not", "oneOf", "propertyNames", "$ref"))
    return found


def _resolve(twins: dict[str, Any], target: str) -> Any:
    file, _, pointer = target.partition("#")
    node: Any = twins.get(file)
    if node is None:
        raise Open(f"a reference to {file!r}, which is not a schema of the record")
    for token in filter(None, pointer.split("/")):
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            raise Open(f"a reference to {target!r}, which is not there")
    return node

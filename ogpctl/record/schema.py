"""Validating documents against the JSON Schemas in `schemas/`, with messages in words.

jsonschema-rs decides validity (microseconds a document); for an invalid document each
error is explained from the schema itself: the `title` of what was expected, close
matches for unknown fields, and an `x-ogpctl-code` annotation where a rule owns the error.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

import jsonschema_rs

from ogpctl.base.diagnostics import DocPath
from ogpctl.base.resources import data_dir
from ogpctl.record.closed import closed_twins
from ogpctl.record.kinds import DAY, FIRST_DAY, LAST_DAY, Kind, parse_day
from ogpctl.source.limits import LIMIT, bounded, shortened
from ogpctl.source.problems import MORE, Problem, more

#: A JSON Schema, or one of its subschemas, as parsed from schemas/.
Schema = dict[str, Any]
BASE_URI = "https://schemas.ogpctl.invalid/"
#: Where the schemas' closed twins are (`ogpctl.record.closed`).
CLOSED_URI = "https://closed.schemas.ogpctl.invalid/"
#: Unknown fields of one file that get a "did you mean" hint (see `_Explainer._hint`).
HINTS = 100
#: Unknown fields of one mapping listed one by one; the rest are counted in one finding.
LISTED = 100


class SchemaSet:
    """Every schema file, compiled on first use. Build one per process."""

    def __init__(self, directory: Path | None = None) -> None:
        directory = directory or data_dir("schemas")
        self.documents: dict[str, dict[str, Any]] = {
            path.name: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(directory.glob("*.schema.json"))}
        self._registry = jsonschema_rs.Registry(
            [(BASE_URI + name, doc) for name, doc in self.documents.items()])
        self._validators: dict[str, Any] = {}
        self._real_days = RealDays()
        self._paths: dict[tuple[Any, ...], list[tuple[str, ...]]] = {}
        self._refs: dict[Kind, list[tuple[tuple[str, ...], str, frozenset[str]]]] = {}
        self._closed: dict[str, Any] | None = None    # twin validators, made on first use
        self._twins: dict[str, Any] = {}

    def validator(self, name: str) -> Any:
        if name not in self._validators:
            self._validators[name] = self._compiled(self.documents[name], BASE_URI + name,
                                                    self._registry)
        return self._validators[name]

    def _compiled(self, schema: Schema, uri: str, registry: Any) -> Any:
        return jsonschema_rs.validator_for(
            schema, registry=registry, base_uri=uri, validate_formats=True,
            formats={"date": self._real_days.__getitem__})

    def accepts(self, kind: Kind, data: Any) -> bool:
        """Whether the closed twin of the kind's schema (`ogpctl.record.closed`) accepts
        `data`: then it is valid, and the loader's walk would find nothing in it."""
        validator = self._closed_validator(kind.schema or "")
        if validator is None:
            return False
        try:
            return bool(validator.is_valid(data))
        except (ValueError, TypeError, OverflowError):   # a key that is not text
            return False

    def _closed_validator(self, name: str) -> Any:
        if self._closed is None:
            self._closed = {}
            self._twins = closed_twins(self.documents, BASE_URI)
            self._closed_registry = jsonschema_rs.Registry(
                [(BASE_URI + n, doc) for n, doc in self.documents.items()] +
                [(CLOSED_URI + n, doc) for n, doc in self._twins.items()])
        if name not in self._closed and name in self._twins:
            self._closed[name] = self._compiled(self._twins[name], CLOSED_URI + name,
                                                self._closed_registry)
        return self._closed.get(name)

    def validate(self, kind: Kind, data: Any) -> list[Problem]:
        return self.validate_named(kind.schema or "", data)

    def validate_named(self, name: str, data: Any) -> list[Problem]:
        """Problems of `data` against the schema file `name` (a record file's, or another
        file ogpctl reads such as an import mapping)."""
        validator = self.validator(name)
        if validator.is_valid(data):
            return []
        cut = shortened(data)   # see ogpctl.source.limits
        if cut.lists and validator.is_valid(cut.data):
            cut = shortened(data, lists=False)   # every mistake lies past the lists' cut
        explain = _Explainer(self, name)
        errors = validator.iter_errors(cut.data)
        problems = [p for error in islice(errors, LIMIT) for p in explain(error)]
        following = next(errors, None)
        if following is not None:   # counting the rest would cost as much as explaining it
            problems.append(explain(following)[0]._replace(
                message=f"{MORE}more like these, not listed; fix the ones above and check again"))
        return _drop_duplicates(bounded(problems, cut))

    def resolve(self, location: str) -> Any:
        """The schema value at an absolute keyword location (URI#/json/pointer)."""
        uri, _, pointer = location.partition("#")
        node: Any = self.documents.get(uri.removeprefix(BASE_URI), {})
        for token in filter(None, pointer.split("/")):
            token = token.replace("~1", "/").replace("~0", "~")
            if isinstance(node, list):
                node = node[int(token)] if token.isdigit() and int(token) < len(node) else {}
            else:
                node = node.get(token, {}) if isinstance(node, dict) else {}
        return node

    def field_paths(self, kind: Kind, targets: tuple[str, ...]) -> list[tuple[str, ...]]:
        """Paths in documents of `kind` whose schema is one of the common `$defs` named in
        `targets` (`*` stands for any list item): where a reference to one of them is met,
        not looking further inside that subschema. Derived from the schemas, memoised."""
        key = (kind, targets)
        if key not in self._paths:
            wanted = frozenset(targets)
            self._paths[key] = sorted({path for path, name, within in self._references(kind)
                                       if name in wanted and within.isdisjoint(wanted)})
        return self._paths[key]

    def _references(self, kind: Kind) -> list[tuple[tuple[str, ...], str, frozenset[str]]]:
        """Every reference in the kind's schema, followed through: (path, the name of the
        definition it names, the names of the references it was reached through). One walk
        serves every `field_paths` of the kind."""
        if kind not in self._refs:
            schema = self.documents.get(kind.schema or "", {})
            found: list[tuple[tuple[str, ...], str, frozenset[str]]] = []
            self._walk(schema, kind.schema or "", (), frozenset(), 0, found)
            self._refs[kind] = found
        return self._refs[kind]

    def _walk(self, node: Any, name: str, path: tuple[str, ...], within: frozenset[str],
              depth: int, found: list[tuple[tuple[str, ...], str, frozenset[str]]]) -> None:
        if not isinstance(node, dict) or depth > 16:
            return
        ref = node.get("$ref")
        if isinstance(ref, str):
            file, _, pointer = ref.partition("#")
            file = file or name
            named = pointer.rstrip("/").rsplit("/", 1)[-1]
            found.append((path, named, within))
            within = within | {named}   # what follows is inside the named definition
            target = self.resolve(BASE_URI + file + "#" + pointer)
            self._walk(target, file, path, within, depth + 1, found)
        for word in ("anyOf", "oneOf", "allOf"):
            for branch in node.get(word, []):
                self._walk(branch, name, path, within, depth + 1, found)
        for prop, sub in (node.get("properties") or {}).items():
            self._walk(sub, name, path + (prop,), within, depth + 1, found)
        if isinstance(node.get("items"), dict):
            self._walk(node["items"], name, path + ("*",), within, depth + 1, found)


def is_real_date(value: str) -> bool:
    """The `date` format: a real day a record can use (RFC 3339 allows year 0000, and days
    the calendar cannot count from, which were dropped silently)."""
    return parse_day(value) is not None


class RealDays(dict[str, bool]):
    """`is_real_date` of each text, as the validators ask for it: by a dict lookup, so a
    day seen before costs no Python call (a record writes the same days over and over,
    and the validator asks for every date of every document: some 250,000 a world-sized
    check, where a Python call each cost a tenth of the validation)."""

    #: Texts remembered at most (a bound for a file of a million different dates).
    KEPT = 1 << 16

    def __missing__(self, value: str) -> bool:
        real = is_real_date(value)
        if len(self) < self.KEPT:
            self[value] = real
        return real


@cache
def default_schemas() -> SchemaSet:
    """The packaged schemas, compiled once per process."""
    return SchemaSet()


def _drop_duplicates(problems: list[Problem]) -> list[Problem]:
    """One finding per code and place: `length: four` fails both the type and the list of
    allowed values; the message listing the allowed values says the most."""
    best: dict[tuple[Any, ...], Problem] = {}
    for problem in problems:
        marker = (problem.code, problem.path, problem.key)
        if marker not in best or "should be one of" in problem.message:
            best[marker] = problem
    return list(best.values())


_TYPE_WORDS = {"string": "a text", "integer": "a whole number", "number": "a number",
               "boolean": "true or false", "object": "a mapping of fields",
               "array": "a list", "null": "empty"}


def unwritten(value: Any) -> bool:
    """A value left empty to be written later: null, or a language map of nulls."""
    if isinstance(value, dict):
        return bool(value) and all(v is None for v in value.values())
    return value is None


_CITED = re.compile(r"\(Handbook ([0-9][0-9A-Za-z.\-]*)")


def cited_section(description: str | None) -> str:
    """The handbook section a schema description cites first, such as 1.1 for "... (Handbook
    1.1, 1.1.a)"; "" when it cites none."""
    found = _CITED.search(description or "")
    return found.group(1).rstrip(".") if found else ""


def describe_value(value: Any) -> str:
    if value is None:
        return "it is empty"
    if isinstance(value, bool):
        return f"found {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"found the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"found {shown!r}"
    if isinstance(value, list):
        return "found a list"
    return "found a mapping"


def field_name(path: DocPath) -> str:
    for step in reversed(path):
        if isinstance(step, str):
            return step
    return "the file"


class _Explainer:
    def __init__(self, schemas: SchemaSet, name: str) -> None:
        self.schemas = schemas
        self.name = name
        self.file = name      # the schema file of the error being explained
        self.code = "F103"    # the catalogue code it is reported under
        self.field_title: str | None = None   # the title of the field being explained
        self.field_section = ""                # the handbook section its description cites
        self.hints = HINTS                     # unknown fields left to suggest a field for

    def __call__(self, error: Any) -> list[Problem]:
        path: DocPath = tuple(error.instance_path)
        location = error.absolute_keyword_location or (
            BASE_URI + self.name + "#/" + "/".join(str(p) for p in error.schema_path))
        parent = self.schemas.resolve(location.rsplit("/", 1)[0])
        self.file = location.partition("#")[0].removeprefix(BASE_URI) or self.name
        self.code = self._code_along(list(error.evaluation_path))
        kind = error.kind.name
        if path and self.code == "F103" and unwritten(error.instance):
            return [self._unwritten(path, parent)]
        handler = getattr(self, "_" + kind.replace("Of", "_of"), None)
        if handler is None:
            return [self._expected(path, parent, error.instance)]
        found: list[Problem] = handler(path, parent, error.kind.as_dict(), error.instance)
        return found

    def _code(self, parent: Any) -> str:
        return self.code

    def _code_along(self, tokens: list[Any]) -> str:
        """The `x-ogpctl-code` of the deepest schema on the evaluation path, else F103
        (a rule can own errors of a property whose shape comes from a common $def)."""
        code, name = "F103", self.name
        node: Any = self.schemas.documents.get(name, {})
        self.field_title, self.field_section = None, ""
        previous = None
        for token in tokens:
            if isinstance(node, list):
                index = int(token) if str(token).isdigit() else len(node)
                node = node[index] if index < len(node) else None
            elif isinstance(node, dict) and token == "$ref" and isinstance(node.get("$ref"), str):
                file, _, pointer = node["$ref"].partition("#")
                name = file or name
                node = self.schemas.resolve(BASE_URI + name + "#" + pointer)
            elif isinstance(node, dict):
                node = node.get(token)
            else:
                break
            if isinstance(node, dict) and "x-ogpctl-code" in node:
                code = node["x-ogpctl-code"]
            if previous in ("properties", "items") and isinstance(node, dict):
                self.field_title = node.get("title") or self.field_title
                self.field_section = cited_section(node.get("description")) or \
                    self.field_section
            previous = token
        return code

    def _expected(self, path: DocPath, parent: Any, value: Any) -> Problem:
        title = parent.get("title") if isinstance(parent, dict) else None
        what = title or "a different value"
        name = field_name(path)
        subject = "the file" if name == "the file" else f'"{name}"'
        return Problem(self._code(parent), f"{subject} should be {what} ({describe_value(value)})",
                       path=path)

    def _unwritten(self, path: DocPath, parent: Any) -> Problem:
        title = self.field_title or (parent.get("title") if isinstance(parent, dict) else None)
        hint = f": write {title}" if title else ""
        return Problem("F105", f'"{field_name(path)}" is still empty{hint}', path=path,
                       handbook=self.field_section)

    def _required(self, path: DocPath, parent: Any, info: Schema, value: Any) -> list[Problem]:
        prop = info["property"]
        title = ((parent.get("properties") or {}).get(prop) or {}).get("title") \
            if isinstance(parent, dict) else None
        where = "" if not path else f" in {field_name(path)!r}"
        hint = f" ({title})" if title else ""
        return [Problem("F101", f'the required field "{prop}" is missing{where}{hint}',
                        path=path)]

    def _additionalProperties(self, path: DocPath, parent: Any, info: Schema, value: Any
                              ) -> list[Problem]:
        allowed = sorted((parent.get("properties") or {}) if isinstance(parent, dict) else {})
        unexpected = info.get("unexpected", [])
        problems = [Problem("F102", f'unknown field "{name}"{self._hint(name, allowed)}',
                            path=path + (name,), key=True) for name in unexpected[:LISTED]]
        if len(unexpected) > LISTED:   # one error, any number of findings: bound them here
            problems.append(Problem("F102", more(len(unexpected) - LISTED, "unknown fields here"),
                                    path=path + (unexpected[LISTED],), key=True))
        return problems

    def _hint(self, name: Any, allowed: list[str]) -> str:
        """A close match, or the fields allowed. difflib costs a tenth of a millisecond a
        name, so only the first names of a file get one: a file of 200,000 unknown keys
        would otherwise take half a minute, and no reader sees past the first findings."""
        self.hints -= 1
        if self.hints < 0:
            return ""
        import difflib  # only for a file with unknown fields

        close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
        return (f'; did you mean "{close[0]}"?' if close
                else f"; the fields allowed here are: {', '.join(allowed)}" if allowed else "")

    def _enum(self, path: DocPath, parent: Any, info: Schema, value: Any) -> list[Problem]:
        choices = info.get("options", [])
        options = ", ".join(str(o) for o in choices if o is not None) \
            + (", or left empty" if None in choices else "")
        return [Problem(self._code(parent), f'"{field_name(path)}" should be one of: {options} '
                        f"({describe_value(value)})", path=path)]

    def _format(self, path: DocPath, parent: Any, info: Schema, value: Any) -> list[Problem]:
        if info.get("format") == "date" and isinstance(value, str) and DAY.fullmatch(value):
            return [Problem("F104", _wrong_day(value), path=path)]
        return []  # the value's shape is wrong too; its pattern error says so

    def _minLength(self, path: DocPath, parent: Any, info: Schema, value: Any) -> list[Problem]:
        return [Problem(self._code(parent), f'"{field_name(path)}" should not be empty',
                        path=path)]

    def _maxLength(self, path: DocPath, parent: Any, info: Schema, value: Any) -> list[Problem]:
        return [Problem(self._code(parent), f'"{field_name(path)}" is {len(value)} characters '
                        f"long; at most {info['limit']} are allowed", path=path)]

    def _minItems(self, path: DocPath, parent: Any, info: Schema, value: Any) -> list[Problem]:
        limit = info["limit"]
        return [Problem(self._code(parent), f'"{field_name(path)}" should list at least {limit} '
                        f"item{'s' if limit != 1 else ''}", path=path)]

    def _uniqueItems(self, path: DocPath, parent: Any, info: Schema, value: Any) -> list[Problem]:
        return [Problem(self._code(parent), f'"{field_name(path)}" lists the same item twice',
                        path=path)]

    def _bound(self, word: str, path: DocPath, info: Schema, value: Any) -> list[Problem]:
        return [Problem(self.code, f'"{field_name(path)}" should be {word} {info["limit"]} '
                        f"({describe_value(value)})", path=path)]

    def _minimum(self, path: DocPath, parent: Any, info: Schema, value: Any) -> list[Problem]:
        return self._bound("at least", path, info, value)

    def _maximum(self, path: DocPath, parent: Any, info: Schema, value: Any) -> list[Problem]:
        return self._bound("at most", path, info, value)

    def _propertyNames(self, path: DocPath, parent: Any, info: Schema, value: Any
                       ) -> list[Problem]:
        names = parent.get("propertyNames", {}) if isinstance(parent, dict) else {}
        if isinstance(names.get("$ref"), str):
            file, _, pointer = names["$ref"].partition("#")
            names = self.schemas.resolve(BASE_URI + (file or self.file) + "#" + pointer)
        title = names.get("title") or "a valid name"
        bad = [k for k in value if not isinstance(k, str) or not _matches(names, k)] \
            if isinstance(value, dict) else []
        return [Problem(self._code(parent), f'"{k}" is not {title}', path=path + (k,), key=True)
                for k in bad or [field_name(path)]]

    def _any_of(self, path: DocPath, parent: Any, info: Schema, value: Any) -> list[Problem]:
        # A text field is a string or a language map: explain against the branch whose
        # type matched (its error is not a type error), so `{EN: x}` says the code is wrong.
        for errors in info.get("context", []):
            for sub in errors:
                if sub.kind.name != "type":
                    return self(sub)
        return [self._expected(path, parent, value)]

    _one_of = _any_of


def _wrong_day(value: str) -> str:
    try:
        date.fromisoformat(value)
    except ValueError:
        return f"{value} is not a real date"
    return (f"{value} is outside the years a record covers: write a day from "
            f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}")


def _matches(schema: Schema, key: str) -> bool:
    pattern = schema.get("pattern")
    return pattern is None or re.search(pattern, key) is not None

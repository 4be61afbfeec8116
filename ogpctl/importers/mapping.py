"""The mapping file that tells `ogpctl import plan` which column (tracker) or front-matter
key (Markdown collection) holds which field of the record (docs/import.md).

It is read by the record's own YAML loader and validated by
schemas/import-mapping.schema.json; each problem, and later each column the source does
not have, is a finding naming the mapping's line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ogpctl.importers.model import Finding, Place
from ogpctl.source.text import decode

SCHEMA = "import-mapping.schema.json"
MAX_BYTES = 256 * 1024


@dataclass(frozen=True)
class Mapping:
    data: dict[str, Any]
    file: str
    text: str

    def get(self, *path: str | int) -> Any:
        node: Any = self.data
        for step in path:
            if isinstance(node, dict):
                node = node.get(step)
            elif isinstance(node, list) and isinstance(step, int) and step < len(node):
                node = node[step]
            else:
                return None
        return node

    def place(self, *path: str | int) -> Place:
        """The mapping line of the value at `path`."""
        from ogpctl.source.positions import compose, locate

        line, _ = locate(compose(self.text), tuple(path))
        return Place(self.file, line=line)


def read_mapping(path: Path) -> tuple[Mapping | None, list[Finding]]:
    """The mapping at `path`, or None and why not."""
    from ogpctl.record.schema import default_schemas
    from ogpctl.source.yaml import parse_yaml

    name = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Finding(Place(name), f"cannot read the mapping: {error.strerror}")]
    if len(data) > MAX_BYTES:
        return None, [Finding(Place(name), "the mapping is larger than 256 KiB")]
    decoded = decode(data)
    if decoded.problems or decoded.text is None:   # no text comes with its problems
        return None, [Finding(Place(name, line=p.line or None), p.message)
                      for p in decoded.problems]
    parsed = parse_yaml(decoded.text)
    if not parsed.ok or parsed.problems:
        return None, [Finding(Place(name, line=p.line or None), p.message)
                      for p in parsed.problems] or [Finding(Place(name), "not YAML")]
    if not isinstance(parsed.data, dict):
        return None, [Finding(Place(name, line=1), "the mapping should be a mapping of "
                                                    "fields (source, commitment, milestone, …)")]
    mapping = Mapping(parsed.data, name, decoded.text)
    problems = default_schemas().validate_named(SCHEMA, parsed.data)
    findings = [Finding(mapping.place(*(p.path or ())), p.message) for p in problems]
    return (None if findings else mapping), findings

"""`ogpctl import plan`: a country's existing action plan and tracker brought into the record.

One module a kind of source reads it into the shared model (`model`): a Word action plan
in the OGP commitment template (`docx`, no mapping), a spreadsheet tracker (`sheet`) or a
folder of Markdown files with front matter (`folder`), both with a mapping file
(`mapping`, docs/import.md). `target` turns what was read into record data, `diff` into
edits of existing files, and `writing` into files written the way the scaffolds write them.
"""

from __future__ import annotations

from pathlib import Path

from ogpctl.base.errors import UsageError
from ogpctl.importers.mapping import Mapping, read_mapping
from ogpctl.importers.model import Finding, Place, Source

KINDS = {".docx": "docx", ".csv": "tracker", ".xlsx": "tracker"}


def source_kind(path: Path) -> str:
    if path.is_dir():
        return "markdown"
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise UsageError(f"{path}: import a .docx action plan, a .csv or .xlsx tracker, or a "
                         "folder of Markdown files")
    return kind


def read_source(path: Path, mapping_path: Path | None, lang: str | None, default: str
                ) -> Source:
    """Everything `path` says, with findings at their places; nothing written."""
    kind = source_kind(path)
    if kind == "docx":
        from ogpctl.importers.docx import read_docx

        if mapping_path is not None:
            raise UsageError("a Word action plan in the OGP template needs no --map")
        return read_docx(path, lang)
    if mapping_path is None:
        raise UsageError(f"{path}: a {'tracker' if kind == 'tracker' else 'Markdown folder'} "
                         "needs --map MAPPING.yaml saying which column holds what "
                         "(docs/import.md)")
    mapping, findings = read_mapping(mapping_path)
    if mapping is None:
        source = Source(path.name)
        source.findings.extend(findings)
        return source
    wanted = mapping.get("source")
    if wanted != kind:
        source = Source(path.name)
        source.error(mapping.place("source"), f"the mapping is for a {wanted} source, and "
                     f"{path.name} is a {kind}")
        return source
    if kind == "tracker":
        from ogpctl.importers.sheet import read_tracker

        return read_tracker(path, mapping, lang or default)
    from ogpctl.importers.folder import read_folder

    return read_folder(path, mapping, lang or default)


__all__ = ["Finding", "Mapping", "Place", "Source", "read_mapping", "read_source",
           "source_kind"]

"""From what a source says to record files: new commitment files written the way
`ogpctl new-commitment` writes them (the template's guide questions as comments, then every
value the source gives filled in by the YAML editor), existing files edited in place field
by field (`--update`), new organisations added to stakeholders.yaml, and the plan's
narrative sections written below their headings and guide questions.

Nothing is written here until `write` is called, and then every file at once: new files
are created without replacing anything, edited files are replaced atomically and only if
they still hold what was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ogpctl.base.errors import RecordWriteError
from ogpctl.importers.diff import Edit, edits
from ogpctl.importers.model import Source
from ogpctl.importers.target import Stakeholders, all_data, defaulted_leads, file_name
from ogpctl.record.model import Plan, Record
from ogpctl.source.yaml import parse_yaml

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


@dataclass
class FileEdit:
    rel: str
    text: str
    before: bytes | None                    # None: a new file
    said: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    new: list[FileEdit] = field(default_factory=list)
    changed: list[FileEdit] = field(default_factory=list)
    same: list[str] = field(default_factory=list)     # files that already say it all
    occupied: bool = False    # the plan had commitments or written sections before
    #: What the source says that was not written, the record's value kept, and why.
    kept: list[str] = field(default_factory=list)

    @property
    def nothing(self) -> bool:
        return not self.new and not self.changed

    def write(self, root: Path) -> None:
        from ogpctl.edit.files import replace_file
        from ogpctl.scaffold.files import write_new

        for item in self.new:
            if not write_new(root / item.rel, item.text.encode("utf-8"), inside=root):
                raise RecordWriteError(f"{item.rel} appeared while ogpctl was working; "
                                       "run the command again")
        for item in self.changed:
            replace_file(root / item.rel, item.text.encode("utf-8"), root,
                         expected=item.before)


def plan_import(record: Record, plan: Plan, source: Source, lang: str, schemas: str,
                today: date) -> ImportResult:
    """The files importing `source` into `plan` would write or change."""
    result = ImportResult()
    existing = {c.number: c for c in plan.commitment_files}   # unreadable ones too
    wanted, people = all_data(source, record, lang,
                              {n: c.fields for n, c in existing.items()})
    result.occupied = bool(existing)
    for commitment in sorted(source.commitments, key=lambda c: c.number):
        data = wanted[commitment.number]
        if commitment.number in existing:
            _edit(record, existing[commitment.number].doc.path, data, result)
        else:
            result.new.append(_new_commitment(record, plan, commitment, data, schemas, today))
    _stakeholders(record, people, result)
    result.kept = list(dict.fromkeys(people.kept))
    for (section, section_lang), markdown in sorted(source.sections.items()):
        _section(record, plan, section, section_lang, markdown, result)
    return result


def _edit(record: Record, rel: str, data: dict[str, Any], result: ImportResult) -> None:
    from ogpctl.edit.yamltext import apply

    before = (record.root / rel).read_bytes()
    text = before.decode("utf-8")
    found = edits(parse_yaml(text).data, data, record.languages.default)
    if not found:
        result.same.append(rel)
        return
    after = apply(text, [e.change for e in found])
    result.changed.append(FileEdit(rel, after, before, [e.said for e in found]))


def _new_commitment(record: Record, plan: Plan, commitment: Any, data: dict[str, Any],
                    schemas: str, today: date) -> FileEdit:
    """The file `new-commitment` would write, with the extra fields a source may give
    (theme, OGP id, links) in their place with their guide comment, then filled in."""
    from ogpctl.edit.yamltext import apply
    from ogpctl.scaffold.commitment import commitment_files

    name = file_name(commitment, record)
    title = (data.get("title") or {}).get(record.languages.default) or ""
    files = commitment_files(record, plan, name, commitment.number, title,
                             data.get("kind") or "regular", schemas, today)
    rel = f"{plan.folder}/commitments/{name}.yaml"
    text = _with_external(files.files[rel], data, record.languages.required)
    text = _with_milestones(text, [m["number"] for m in data.get("milestones") or []])
    found = edits(parse_yaml(text).data, data, record.languages.default)
    text = apply(text, [e.change for e in found])
    count = len(data.get("milestones") or [])
    said = [f"commitment {commitment.number}, {count} milestone{'' if count == 1 else 's'}",
            *_lead_notes(commitment, data)]
    return FileEdit(rel, text, None, said)


def _lead_notes(commitment: Any, data: dict[str, Any]) -> list[str]:
    """Which milestones are led by the commitment's lead because the source named none."""
    numbers = defaulted_leads(commitment, data)
    if not numbers:
        return []
    return [f"{'milestones' if len(numbers) > 1 else 'milestone'} {', '.join(numbers)}: "
            f"no lead in the source; the commitment's lead {data.get('lead')} written as "
            "the lead (change it where another organisation leads)"]


def _with_external(text: str, data: dict[str, Any], languages: tuple[str, ...]) -> str:
    """The scaffold with `theme`, `ogp-id` and `links` keys (empty, with their guide
    comments) before `kind:`, for the fields the source gives."""
    from ogpctl.scaffold.templating import guide_comment

    lines = []
    if "theme" in data:
        lines += [guide_comment("commitment.theme", languages), "theme:"]
        lines += [f"  {lang}:" for lang in languages]
    if "ogp-id" in data or "links" in data:
        lines += [guide_comment("commitment.external", languages), "ogp-id:", "links: []"]
    if not lines:
        return text
    at = text.index("\nkind:") + 1
    return text[:at] + "\n".join(lines) + "\n" + text[at:]


def _with_milestones(text: str, numbers: list[int]) -> str:
    """The scaffold with one milestone in the template's shape (every language's key, a
    lead) for each milestone the source has, numbered as it numbers them; the guide
    comments once, on the first. No milestone when it has none: the scaffold's milestone
    1 would count in every total."""
    at = text.rindex("\nmilestones:\n") + len("\nmilestones:\n")
    if not numbers:
        return text[:at - 1] + " []\n"
    shape = text[at:]
    plain = "".join(line for line in shape.splitlines(keepends=True)
                    if not line.lstrip().startswith("#"))
    blocks = [(shape if index == 0 else plain).replace("- number: 1\n",
                                                      f"- number: {number}\n", 1)
              for index, number in enumerate(numbers)]
    return text[:at] + "".join(blocks)


def _stakeholders(record: Record, people: Stakeholders, result: ImportResult) -> None:
    """New organisations appended; an organisation named in a new language gets that
    name."""
    from ogpctl.edit.yamltext import Change, apply

    added, renamed = people.added, people.renamed
    if not added and not renamed:
        return
    rel = "stakeholders.yaml"
    path = record.root / rel
    before = path.read_bytes()
    items = (record.stakeholders.fields.get("stakeholders") or []) \
        if record.stakeholders else []
    items = items if isinstance(items, list) else []
    named = edits({"stakeholders": items}, {"stakeholders": [
        {"id": ident, "name": dict(name)}
        for ident, name in renamed.items()]}, record.languages.default)
    changes = [e.change for e in named]
    changes += [Change(("stakeholders", len(items) + i), item) for i, item in enumerate(added)]
    text = apply(before.decode("utf-8"), changes)
    said = [e.said for e in named]
    said += [f"added {item['id']}" + ("" if item["sector"] else " (sector left to fill in)")
             for item in added]
    result.changed.append(FileEdit(rel, text, before, said))


def section_prose(text: str) -> str:
    """A section's own text: without its first heading and the comments."""
    body = _COMMENT.sub("", text).strip()
    if body.startswith("# "):
        body = body.partition("\n")[2]
    return body.strip()


def _section(record: Record, plan: Plan, section: str, lang: str, markdown: str,
             result: ImportResult) -> None:
    rel = f"{plan.folder}/sections/{section}.{lang}.md"
    path = record.root / rel
    if not path.exists():
        heading = _heading(section, lang)
        result.new.append(FileEdit(rel, f"# {heading}\n\n{markdown}\n", None,
                                   [f"the {section} section ({lang})"]))
        return
    before = path.read_bytes()
    text = before.decode("utf-8")
    prose = section_prose(text)
    if " ".join(prose.split()) == " ".join(markdown.split()):
        result.same.append(rel)
        return
    if prose:
        result.occupied = True
        head = text[:text.find(prose)] if prose in text else _scaffold_part(text)
    else:
        head = text
    new = head.rstrip("\n") + "\n\n" + markdown + "\n"
    what = "replaced" if prose else "written"
    result.changed.append(FileEdit(rel, new, before, [f"the {section} section ({lang}) "
                                                      f"{what}"]))


def _scaffold_part(text: str) -> str:
    """The heading and guide comments at the top of a section file."""
    end = 0
    for match in re.finditer(r"^# [^\n]*\n|<!--.*?-->\n?|\s+", text, re.S | re.M):
        if match.start() != end:
            break
        end = match.end()
    return text[:end]


def _heading(section: str, lang: str) -> str:
    from ogpctl.scaffold.templating import guide

    found = dict(guide(f"section-titles.{section}", (lang,)))
    return found.get(lang) or found.get("en") or section


__all__ = ["Edit", "FileEdit", "ImportResult", "plan_import"]

"""The document repository of each plan (handbook 5.2, 5.3.a): one evidence folder for the
process and one a commitment, each item with what cites it and when it last changed.

The core of `ogpctl index` and of the repository rules. It reads folder listings below the
record, never through a symbolic link, and prints nothing. Usable from Python::

    record = load_record("sample-country")
    index = build_index(record, read_history(record.root))   # from ogpctl.base.vcs
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ogpctl.base.vcs import Change, History
from ogpctl.domain.citations import PROCESS, Citation, citations, folder_name
from ogpctl.record.model import Plan, Record

LINK = "link"


@dataclass(frozen=True)
class EvidenceItem:
    plan: str
    folder: str                 # "process" or a commitment's folder name "NN-slug"
    path: str | None            # record-relative path of a file
    url: str | None             # an http(s) link listed in the YAML
    title: str                  # the title given where it is cited, else the file name / url
    kind: str                   # lower-case file extension, "file" without one, or "link"
    size: int | None            # bytes, files only
    last_change: Change | None  # from history; None when unknown
    cited_by: tuple[str, ...]   # "milestone 1.2, progress 2026-08-12", "meeting 2026-04-22"


@dataclass
class FolderIndex:
    plan: str
    name: str                   # "process" or "NN-slug"
    commitment: int | None      # the commitment number, None for process
    exists: bool
    items: list[EvidenceItem]


@dataclass
class PlanIndex:
    plan: str
    folders: list[FolderIndex]
    uncited: list[EvidenceItem]       # files in evidence folders that nothing cites
    without_evidence: list[int]       # commitment numbers with no evidence at all


@dataclass
class Index:
    plans: list[PlanIndex]
    history: str                      # History.note(), "" when complete




# -- what is on disk ----------------------------------------------------------------------

Files = list[tuple[str, int]]   # (record-relative path, size), sorted


def scan_evidence(root: Path, plan: str, links: list[str] | None = None) -> dict[str, Files]:
    """The folders below plans/<plan>/evidence/ and their files, recursively; key "" holds
    files lying directly in evidence/. Dot-files (.gitkeep) and symbolic links are left
    out, and nothing is followed through a link, so nothing outside the record is listed;
    the links found are added to `links` (check reports each, R012)."""
    base = f"plans/{plan}/evidence"
    if not _real_folder(root, base):
        if links is not None and _is_link(root, base):
            links.append(base)
        return {}
    found: dict[str, Files] = {"": []}
    for entry in _entries(os.path.join(root, base)):
        if entry.is_dir(follow_symlinks=False):
            found[entry.name] = sorted(_files(entry.path, f"{base}/{entry.name}", links))
        elif entry.is_file(follow_symlinks=False):
            found[""].append((f"{base}/{entry.name}", entry.stat(follow_symlinks=False).st_size))
        elif links is not None and entry.is_symlink():
            links.append(f"{base}/{entry.name}")
    found[""].sort()
    return found


def _real_folder(root: Path, relative: str) -> bool:
    here = str(root)
    for part in relative.split("/"):
        here = os.path.join(here, part)
        try:
            if not stat.S_ISDIR(os.lstat(here).st_mode):   # a link is not a folder here
                return False
        except OSError:
            return False
    return True


def _is_link(root: Path, relative: str) -> bool:
    """The evidence folder itself is a symbolic link (its plan folder is a real one, as
    discovery lists no plan behind a link): check reports it, R012, like a linked file."""
    try:
        return stat.S_ISLNK(os.lstat(os.path.join(root, relative)).st_mode)
    except OSError:
        return False


def _entries(folder: str) -> list[os.DirEntry[str]]:
    """Visible entries whose names can be written in a UTF-8 index (a name that is not
    UTF-8 cannot be shown or linked, so it is left out rather than mangled)."""
    try:
        with os.scandir(folder) as found:
            return [e for e in found if not e.name.startswith(".")
                    and (e.name.isascii() or _utf8(e.name))]   # ASCII: UTF-8, unencoded
    except OSError:
        return []


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _files(folder: str, relative: str, links: list[str] | None = None
           ) -> Iterator[tuple[str, int]]:
    stack = [(folder, relative)]
    while stack:   # iterative: a deep tree of folders must not exhaust the stack
        here, where = stack.pop()
        for entry in _entries(here):
            if entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, f"{where}/{entry.name}"))
            elif entry.is_file(follow_symlinks=False):
                yield f"{where}/{entry.name}", entry.stat(follow_symlinks=False).st_size
            elif links is not None and entry.is_symlink():
                links.append(f"{where}/{entry.name}")


# -- what the record cites ----------------------------------------------------------------

# -- the index ----------------------------------------------------------------------------

def evidence_files(record: Record, links: list[str] | None = None
                   ) -> dict[str, dict[str, Files]]:
    """`scan_evidence` of every plan, by plan id (the links found added to `links`)."""
    return {plan.id: scan_evidence(record.root, plan.id, links) for plan in record.plans}


def listed_files(disk: dict[str, dict[str, Files]]) -> dict[str, int]:
    """Every file of `evidence_files` with its size."""
    return {path: size for folders in disk.values() for files in folders.values()
            for path, size in files}


def misnamed_files(record: Record) -> list[str]:
    """The files of the evidence folders whose names F117 refuses: the site does not
    publish them (`ogpctl.record.evidence.withheld`), so `ogpctl site` names them."""
    from ogpctl.record.evidence import NAME, withheld

    return sorted(path for path in listed_files(evidence_files(record))
                  if withheld(path) == NAME)


def build_index(record: Record, history: History, plans: Collection[str] | None = None,
                *, labels: bool = True, disk: dict[str, dict[str, Files]] | None = None
                ) -> Index:
    """The repository of every plan (or of `plans`), with each file's last change. Without
    `labels`, items carry no titles or citation labels (cheaper, for the rules); `disk` is
    `evidence_files(record)` when the caller has it already."""
    disk = evidence_files(record) if disk is None else disk
    sizes = listed_files(disk)
    by_path: dict[str, list[Citation]] = {}
    by_plan: dict[str | None, list[Citation]] = {}
    for citation in citations(record, sizes, labels):
        if citation.path:
            by_path.setdefault(citation.path, []).append(citation)
            if citation.path not in sizes:   # a cited file kept outside the folders
                sizes[citation.path] = _size(record.root, citation.path)
        by_plan.setdefault(citation.plan, []).append(citation)
    built = [_plan_index(plan, disk[plan.id], by_path, by_plan.get(plan.id, []), sizes,
                         history) for plan in record.plans if plans is None or plan.id in plans]
    return Index(built, history.note())


def _size(root: Path, path: str) -> int:
    try:
        return os.lstat(os.path.join(root, *path.split("/"))).st_size
    except OSError:
        return 0


#: (folder, 0 and a path, or 1 and a url): files first, then links, each sorted.
_Key = tuple[str, int, str]


def _plan_index(plan: Plan, disk: dict[str, Files], by_path: dict[str, list[Citation]],
                own: list[Citation], sizes: dict[str, int], history: History) -> PlanIndex:
    """`by_path`: every citation of a file; `own`: the citations made by this plan's texts."""
    numbers = {folder_name(c): c.number for c in plan.commitments}
    names = [PROCESS, *numbers]
    groups: dict[_Key, list[Citation]] = {}
    uncited: list[EvidenceItem] = []
    on_disk: set[str] = set()
    for folder, files in sorted(disk.items()):
        for path, _size in files:
            on_disk.add(path)
            cites = by_path.get(path, [])
            if not cites:
                uncited.append(_item_of(plan.id, folder, (folder, 0, path), [], sizes, history))
            if folder in names or cites:
                home = folder if folder in names else _home(plan, cites[0], names)
                groups.setdefault((home, 0, path), []).extend(cites)
    for citation in own:   # links, and cited files kept outside the evidence folders
        if citation.path not in on_disk and not _elsewhere(citation.path, plan):
            key = (citation.folder, 0, citation.path) if citation.path \
                else (citation.folder, 1, citation.url or "")
            groups.setdefault(key, []).append(citation)
    folders = []
    for name in names:
        items = [_item_of(plan.id, name, key, groups[key], sizes, history)
                 for key in sorted(k for k in groups if k[0] == name)]
        folders.append(FolderIndex(plan.id, name, numbers.get(name), name in disk, items))
    empty = [f.commitment for f in folders if f.commitment is not None and not f.items]
    return PlanIndex(plan.id, folders, uncited, empty)


def _elsewhere(path: str | None, plan: Plan) -> bool:
    """A file in another plan's evidence folder is listed with that plan."""
    return path is not None and path.startswith("plans/") and "/evidence/" in path \
        and not path.startswith(f"{plan.folder}/")


def _home(plan: Plan, citation: Citation, names: list[str]) -> str:
    """Where a cited file kept outside the plan's known folders is listed: beside the text
    citing it when that text belongs to this plan, else with the process."""
    return citation.folder if citation.plan == plan.id and citation.folder in names else PROCESS


def _item_of(plan: str, folder: str, key: _Key, cites: list[Citation], sizes: dict[str, int],
             history: History) -> EvidenceItem:
    _, is_link, target = key
    title = next((c.title for c in cites if c.title), "")
    labels = tuple(dict.fromkeys(c.label for c in cites))
    if is_link:
        return EvidenceItem(plan, folder, None, target, title or target, LINK, None, None,
                            labels)
    name = target.rsplit("/", 1)[-1]
    kind = name.rsplit(".", 1)[-1].lower() if "." in name.strip(".") else "file"
    change = history.last.get(target) if history.known else None
    if change is not None and not _utf8(change.author):   # git keeps an author's raw bytes
        change = replace(change, author=change.author.encode("utf-8", "surrogateescape")
                         .decode("utf-8", "replace"))
    return EvidenceItem(plan, folder, target, None, title or name, kind, sizes.get(target),
                        change, labels)


__all__ = ["PROCESS", "Citation", "EvidenceItem", "FolderIndex", "Index", "PlanIndex",
           "build_index", "citations", "evidence_files", "folder_name", "listed_files",
           "misnamed_files", "scan_evidence"]

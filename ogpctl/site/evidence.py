"""The evidence repository on the site (handbook 5.2, 5.3.a): one folder for the process
and one a commitment, each file linked to the copy published with the site and dated by
its last change in git (`ogpctl.domain.document_repository`).

Only files that a browser shows as a document or offers for download are copied: a web
page, SVG or XML file from the record could run script with the site's origin, so such a
file is listed without a link, as is a file whose name `check` refuses (F117). Which files
are published is `ogpctl.record.evidence.withheld`, which `check` and requirement 2.2 ask too.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from markupsafe import Markup

from ogpctl.record.evidence import MAX_BYTES, check_path, withheld
from ogpctl.record.model import Plan
from ogpctl.render.blocks import Code
from ogpctl.render.html import inlines
from ogpctl.site import urls
from ogpctl.site.view import Page, View

_LABELS = (
    (re.compile(r"commitment (\d+)"), "commitment"),
    (re.compile(r"milestone (\S+), progress (\d{4}-\d\d-\d\d)"), "update"),
    (re.compile(r"meeting (\d{4}-\d\d-\d\d)"), "meeting"),
    (re.compile(r"outreach (\d{4}-\d\d-\d\d)"), "outreach"),
    (re.compile(r"self-assessment, commitment (\d+)"), "assessment"),
)


def publish_files(root: Path, index) -> tuple[dict[str, bytes], dict[str, str]]:
    """The evidence files to copy into the site ({site path: bytes}) and where each record
    path went. Paths are checked again (inside the record, no symbolic link)."""
    files: dict[str, bytes] = {}
    published: dict[str, str] = {}
    for plan in index.plans if index else []:
        items = [i for folder in plan.folders for i in folder.items] + plan.uncited
        for item in items:
            path = item.path
            if not path or path in published or withheld(path, item.size) is not None \
                    or check_path(root, "", path) is not None:
                continue
            data = _read(root / path)
            if data is not None:
                published[path] = urls.evidence_file(path)
                files[published[path]] = data
    return files, published


def _read(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as stream:
            return stream.read(MAX_BYTES + 1)[:MAX_BYTES]
    except OSError:
        return None


def cited_label(v: View, label: str) -> str:
    """A citation label of the index ("milestone 1.2, progress 2026-08-12") in the page's
    language; a label of another shape is shown as written."""
    for pattern, kind in _LABELS:
        match = pattern.fullmatch(label)
        if not match:
            continue
        if kind == "commitment":
            return v._("Commitment {number}", number=match[1])
        if kind == "update":
            return v._("Milestone {number}, update of {date}", number=match[1],
                       date=v.date(match[2]))
        if kind == "meeting":
            return v._("Meeting of {date}", date=v.date(match[1]))
        if kind == "outreach":
            return v._("Outreach activity of {date}", date=v.date(match[1]))
        return v._("Self-assessment, commitment {number}", number=match[1])
    return label


def item_entry(v: View, item) -> dict:
    published = v.site.published.get(item.path) if item.path else None
    reason = withheld(item.path, item.size) if item.path and not published else None
    href = v.file_href(published) if published else v.url(item.url)
    change = item.last_change
    name = item.path.rsplit("/", 1)[-1] if item.path else ""
    return {"title": item.title, "href": href,
            "name": inlines((Code(name),)) if name and name != item.title else Markup(""),
            "kind": v.L["link"] if item.url else item.kind.upper(),
            "size": size(v, item.size), "withheld": v.L[f"not_published_{reason or 'kind'}"]
            if item.path and not published else "",
            "changed": v.date(change.day) if change else "",
            "commit": change.commit[:10] if change else "",
            "cited": [cited_label(v, label) for label in item.cited_by]}


def size(v: View, value: int | None) -> str:
    if value is None:
        return ""
    from babel.units import format_unit

    for unit, scale in (("digital-megabyte", 1024 * 1024), ("digital-kilobyte", 1024)):
        if value >= scale:
            return format_unit(round(value / scale, 1), unit, length="short",
                               locale=v.c.lang.locale)
    return format_unit(value, "digital-byte", length="short", locale=v.c.lang.locale)


def folder_entries(v: View, plan_id: str, number: int | None) -> list[dict]:
    """The evidence folders of a plan (or only the folder of commitment `number`)."""
    plan_index = next((p for p in v.site.index.plans if p.plan == plan_id), None) \
        if v.site.index else None
    if plan_index is None:
        return []
    plan = next(p for p in v.site.record.plans if p.id == plan_id)
    return [folder_entry(v, plan, folder) for folder in plan_index.folders
            if number is None or folder.commitment == number]


def folder_entry(v: View, plan: Plan, folder) -> dict:
    commitment = next((c for c in plan.commitments if c.number == folder.commitment), None)
    title, href = v.L["process"], None
    if commitment is not None:
        title = f"{commitment.number}. {v.text(commitment.fields.get('title'))}"
        href = v.href(urls.commitment_page(plan.id, commitment.number, commitment.id))
    return {"title": title, "href": href, "name": f"{plan.folder}/evidence/{folder.name}",
            "exists": folder.exists, "entries": [item_entry(v, i) for i in folder.items]}


def evidence_page(v: View, plan: Plan) -> Page:
    path = urls.plan_page(plan.id, "evidence.html")
    v = v.at(path)
    plan_index = next((p for p in v.site.index.plans if p.plan == plan.id), None) \
        if v.site.index else None
    numbers = set(plan_index.without_evidence) if plan_index else set()
    title = f"{v.L['repository']}{v.L['colon']} {v.plan_title(plan)}"
    return Page(path, title, "evidence.html.j2", {
        "intro": v._("One folder for the co-creation process and one for each commitment. "
                     "Each file links to its copy published with this site and shows when "
                     "it last changed in the record's history."),
        "folders": folder_entries(v, plan.id, None),
        "uncited": [item_entry(v, i) for i in plan_index.uncited] if plan_index else [],
        "without": [{"number": c.number, "title": v.inline(c.fields.get("title")),
                     "href": v.href(urls.commitment_page(plan.id, c.number, c.id))}
                    for c in plan.commitments if c.number in numbers],
        "history": v.site.index.history if v.site.index else "",
    }, section="plans", plan=plan.id,
        heading=Markup("{}{} {}").format(v.L["repository"], v.L["colon"], v.plan_heading(plan)))

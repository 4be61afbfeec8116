"""Documents for download (handbook 5.1.g): the rendered action plan, self-assessment,
reasoned response and commitments (`ogpctl.render`) in every language, and the page that
lists them with the open data exports (5.1, Openness)."""

from __future__ import annotations

from datetime import date

from ogpctl.base.i18n import Language
from ogpctl.record.model import Plan, Record, report_day
from ogpctl.render import file_name
from ogpctl.render.amendments import recorded
from ogpctl.render.blocks import Document
from ogpctl.render.documents import Request, build
from ogpctl.render.formats import Format, write
from ogpctl.render.history import delivered_commit
from ogpctl.render.self_assessment import current_report, report_of, report_title
from ogpctl.site import urls
from ogpctl.site.exports import EXPORTS
from ogpctl.site.view import Download, Page, View

# The PDF is what OGP publishes plans in, the DOCX what a government edits.
DEFAULT_FORMATS = (Format.html, Format.pdf, Format.docx)
COMMITMENT_FORMATS = (Format.html, Format.md)


def documents_of(record: Record, plan: Plan) -> list[str]:
    found = ["action-plan"] if plan.doc is not None else []
    if plan.self_assessment is not None:
        found.append("self-assessment")
    if plan.contributions is not None:
        found.append("reasoned-response")
    if recorded(plan) and delivered_commit(record, plan):   # built from git history
        found.append("amendment-note")
    return found


def earlier_reports(plan: Plan, today: date) -> list[str]:
    """The days of the plan's self-assessment reports besides the current one
    (`current_report`), newest first: each stays published (3.3, a yearly report besides
    the end-of-term one)."""
    current = current_report(plan, today)
    return [day.isoformat() for doc in reversed(plan.self_assessments)
            if doc is not current and (day := report_day(doc)) is not None]


def planned(record: Record, formats: tuple[str, ...], today: date) -> list[Download]:
    """Every document of every plan in every language and format; each commitment on its
    own in HTML (and Markdown) only: Word and PDF files are slow to write, and the action
    plan holds every commitment."""
    found = []
    for plan in record.plans:
        requests = [(Request(d, plan.id, lang), formats) for d in documents_of(record, plan)
                    for lang in record.languages.required]
        requests += [(Request("self-assessment", plan.id, lang, prepared=day), formats)
                     for day in earlier_reports(plan, today)
                     for lang in record.languages.required]
        requests += [(Request("commitment", plan.id, lang, c.number), COMMITMENT_FORMATS)
                     for c in plan.commitments for lang in record.languages.required]
        found += [Download(plan.id, r.document, r.lang, fmt,
                           f"{urls.DOCUMENTS}/{file_name(r, fmt)}", r.commitment, r.prepared)
                  for r, allowed in requests for fmt in formats if fmt in allowed]
    return found


def render_documents(record: Record, downloads: list[Download], today: date
                     ) -> dict[str, bytes]:
    """The bytes of every download; each document is built once for all its formats."""
    files: dict[str, bytes] = {}
    built: dict[Request, Document] = {}
    for item in downloads:
        request = Request(item.document, item.plan, item.lang, item.commitment,
                          prepared=item.prepared)
        if request not in built:
            built[request] = build(record, request, today)
        doc = built[request]
        files[item.path] = write(doc, item.fmt, today)
    return files


def document_title(v: View, document: str) -> str:
    return {"action-plan": v.L["action_plan"], "self-assessment": v.L["self_assessment"],
            "reasoned-response": v.L["reasoned_response"],
            "amendment-note": v._("Amendment note")}.get(document, v.L["commitment"])


def download_title(v: View, item: Download) -> str:
    """A document's title; a self-assessment report's says its kind and, for a yearly
    one, its day (`report_title`): a plan may publish several."""
    if item.document != "self-assessment":
        return document_title(v, item.document)
    plan = v.site.record.plan_named(item.plan)
    return report_title(v.c.lang, report_of(plan, item.prepared, v.site.today))


def download_rows(v: View, downloads: list[Download]) -> list[dict]:
    """One row a document: its languages (the page's first), each with its formats."""
    rows: dict[tuple, dict] = {}
    for item in downloads:
        key = (item.document, item.commitment, item.prepared)
        row = rows.setdefault(key, {"title": download_title(v, item),
                                    "commitment": item.commitment, "languages": {}})
        entry = row["languages"].setdefault(item.lang, {
            "code": item.lang, "name": Language(item.lang).name_in(v.code), "links": []})
        entry["links"].append({"label": v.L[item.fmt], "href": v.root_href(item.path),
                               "fmt": item.fmt})
    for row in rows.values():
        row["languages"] = sorted(row["languages"].values(),
                                  key=lambda e: (e["code"] != v.code, e["code"]))
    return list(rows.values())


def documents_page(v: View) -> Page:
    v = v.at("documents.html")
    plans = []
    for plan in reversed(v.site.record.plans):
        own = [d for d in v.site.downloads if d.plan == plan.id]
        rows = download_rows(v, [d for d in own if d.commitment is None])
        commitments = download_rows(v, [d for d in own if d.commitment is not None])
        plans.append({"title": v.plan_heading(plan), "href": v.href(urls.plan_page(plan.id)),
                      "rows": rows + commitments,
                      "repository": v.href(urls.plan_page(plan.id, "evidence.html"))})
    return Page("documents.html", v.L["documents"], "documents.html.j2", {
        "intro": v._("The documents of each action plan in every language, to read online or "
                     "to edit in a word processor, and the record as open data."),
        "plans": plans,
        "data_intro": v._("Machine-readable copies of the record in open formats (JSON and "
                          "CSV, UTF-8), free to reuse. They are regenerated with every "
                          "publication of this site."),
        "exports": [{"label": v.L[key], "href": v.root_href(f"{urls.DATA}/{name}")}
                    for key, name in EXPORTS],
    }, section="documents")

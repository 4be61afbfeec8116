"""Sentences of the review about changes found field by field: the record's own documents
(country profile, stakeholders, forum and meetings), a plan's self-assessment, co-creation
record and sections, progress updates, and files whose change is not described. Values
are said in the reviewer's language where the record has them in it."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ogpctl.base.i18n import Language
from ogpctl.domain.diff import Change, word_diff
from ogpctl.record.kinds import Kind
from ogpctl.record.model import as_date
from ogpctl.record.text import translations
from ogpctl.render.amendment_note import MARKS, compose, status_label
from ogpctl.render.blocks import Code, Foreign, Inline, Text, plain
from ogpctl.render.context import RenderContext
from ogpctl.render.self_assessment import kind_title

Parts = tuple[Inline, ...]

#: Kinds of change this module says.
KINDS = ("document-added", "document-removed", "field-changed", "field-text", "field-added",
         "field-removed", "field-items", "undescribed")
#: Fields whose values are stakeholders' ids, said by their names.
STAKEHOLDER_FIELDS = frozenset({"attendees", "lead", "lead-agency", "members", "from",
                                "stakeholder", "co-chairs"})
#: Entries of a list said in one sentence; the others are counted.
MAX_ITEMS = 20
SECTION = re.compile(r"sections/([^/]+?)(?:\.([a-z]{2,3}))?\.md$")
#: A plan's self-assessment reports: self-assessment.yaml, self-assessments/YYYY-MM-DD.yaml.
SELF_ASSESSMENT_PATH = re.compile(r"^plans/[^/]+/(?:self-assessment\.yaml|self-assessments/"
                                  r"(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})\.yaml)$")


def report_day_of(path: str, data: dict[str, Any]) -> date | None:
    """The day a self-assessment report was prepared: its `prepared`, else its name's."""
    match = SELF_ASSESSMENT_PATH.search(path)
    return as_date(data.get("prepared")) or as_date(match["day"] if match else None)


def is_document_change(change: Change) -> bool:
    return change.kind in KINDS or (change.kind == "unreadable" and change.plan == ""
                                    and change.subject is None)


def document_title(c: RenderContext, path: str, change: Change) -> Parts:
    """The heading of a document's changes: what it is, in the reader's language, and
    its file."""
    _ = c.lang._
    doc = c.record.documents.get(path)
    kind = doc.kind if doc is not None else None
    removed = (change.values or (None, None))[0] if change.kind == "document-removed" else None
    data = doc.fields if doc is not None else removed if isinstance(removed, dict) else {}
    section = SECTION.search(path)
    if kind is Kind.MEETING or path.startswith("forum/meetings/"):
        day = as_date(data.get("date"))
        label = _("Forum meeting of {date}", date=c.lang.date(day)) if day else \
            _("Forum meeting")
    elif kind is Kind.SELF_ASSESSMENT or SELF_ASSESSMENT_PATH.search(path):
        label = kind_title(c.lang, data.get("kind"), report_day_of(path, data))
    elif section:
        label = _("Plan section “{name}”", name=section[1])
        if section[2]:
            label += f" ({Language(section[2]).name_in(c.lang.code)})"
    else:
        label = {"ogp.yaml": _("Country profile"), "stakeholders.yaml": _("Stakeholders"),
                 "forum/forum.yaml": _("Multi-stakeholder forum")}.get(path) or _named(
                     c, path)
    return (Text(label + " "), Code(path))


def _named(c: RenderContext, path: str) -> str:
    _ = c.lang._
    name = path.rsplit("/", 1)[-1]
    return {"self-assessment.yaml": _("Self-assessment"),
            "co-creation.yaml": _("Co-creation record"), "plan.yaml": _("Action plan"),
            "contributions.yaml": _("Contributions and reasoned responses")}.get(
                name, _("Commitment") if "/commitments/" in path else _("File"))


def document_item(c: RenderContext, change: Change) -> Parts:
    """One change of a document, as a sentence."""
    _ = c.lang._
    field = field_label(c, steps_of(change))
    if change.kind == "undescribed":
        state = {"added": _("added"), "removed": _("removed")}.get(change.field or "",
                                                                   _("changed"))
        return compose(_("{file} ({state}): ogpctl does not describe what this change "
                          "means; read the file.", file=MARKS["title"], state=state),
                        title=(Code(change.document or ""),))
    if change.kind == "document-added" and SELF_ASSESSMENT_PATH.search(change.document or ""):
        return (Text(_("Report added: every earlier self-assessment report of the plan stays "
                       "published, and the newest rating of each commitment is shown.")),)
    if change.kind == "document-added":
        return (Text(_("File added.")),)
    if change.kind == "document-removed":
        summary = _entry(c, change.values[0] if change.values else None)
        return compose(_("File removed; it held: {diff}", **MARKS), diff=summary) \
            if summary else (Text(_("File removed.")),)
    if change.kind == "field-text":
        return compose(_("{field} changed: {diff}", **MARKS), field=field,
                        diff=text_change(c, change))
    if change.kind == "field-items":
        return items_change(c, change, field)
    if change.kind == "field-added" or change.old in (None, ""):
        return compose(_("{field} added: {new}", **MARKS), field=field,
                        new=value(c, change.new, steps_of(change)))
    if change.kind == "field-removed" or change.new in (None, ""):
        return compose(_("{field} removed (it was {old}).", **MARKS), field=field,
                        old=value(c, change.old, steps_of(change)))
    said = compose(_("{field} changed from {old} to {new}.", **MARKS), field=field,
                    old=value(c, change.old, steps_of(change)),
                    new=value(c, change.new, steps_of(change)))
    return said + replaced_report(c, change)


def replaced_report(c: RenderContext, change: Change) -> Parts:
    """When a self-assessment report's day changes, the report of the old day is written
    over: it stops being published (3.3: "The report needs to be published"). Said, with
    the way to keep it."""
    old, new = as_date(change.old), as_date(change.new)
    if change.field != "prepared" or old is None or new is None \
            or not SELF_ASSESSMENT_PATH.search(change.document or ""):
        return ()
    return (Text(" " + c.lang._(
        "The report of {old} is written over and no longer published: to keep it, restore "
        "this file and add the new report as self-assessments/{new}.yaml in the plan "
        "folder.", old=c.lang.date(old), new=new.isoformat())),)


def progress_item(c: RenderContext, change: Change, milestone: Parts) -> Parts:
    """A progress update added, removed or edited, named by its milestone and date."""
    _ = c.lang._
    day = as_date(change.entry)
    when = c.lang.date(day) if day else str(change.entry or "—")
    marks = {**MARKS, "date": "\x00number\x00"}
    if change.kind == "progress-added":
        return compose(_("{milestone}: progress update dated {date} added: {diff}", **marks),
                        milestone=milestone, number=when,
                        diff=_entry(c, (change.values or (None, None))[1], skip="date"))
    if change.kind == "progress-removed":
        return compose(_("{milestone}: progress update dated {date} removed; it held: "
                          "{diff}", **marks), milestone=milestone, number=when,
                        diff=_entry(c, (change.values or (None, None))[0], skip="date"))
    head = compose(_("{milestone}, progress update dated {date}:", **marks),
                    milestone=milestone, number=when)
    edit = Change("field-text" if change.kind == "progress-text" else "field-changed",
                  change.plan, field=change.field, old=change.old, new=change.new,
                  values=change.values, steps=change.steps)
    return (*head, Text(" "), *document_item(c, edit))


def text_change(c: RenderContext, change: Change) -> Parts:
    """A text's change in the reader's language when it changed there (with its source
    when the reader's text is a new translation), else in the first language that did."""
    default = c.record.languages.default
    old, new = (translations(v, default) for v in change.values or (None, None))
    order = (c.lang.code, "en", default, *sorted(old.keys() | new.keys()))
    lang = next((code for code in order if old.get(code) != new.get(code)), c.lang.code)
    diff: Parts = (Text(word_diff(old.get(lang, ""), new.get(lang, ""))),)
    if lang != c.lang.code:
        return (Foreign(lang, diff, c.lang._("in {language}", language=Language(
            lang).name_in(c.lang.code))),)
    source = next((code for code in ("en", default, *sorted(new)) if code != lang
                   and code in new), None)
    if lang in old or source is None:
        return diff
    note = c.lang._("in {language}", language=Language(source).name_in(c.lang.code))
    return (*diff, Text(" "), *compose(c.lang._("(the text it translates: {diff})",
                                                 diff=MARKS["diff"]),
                                        diff=(Foreign(source, (Text(new[source]),), note),)))


def items_change(c: RenderContext, change: Change, field: str) -> Parts:
    """A list of names or codes: those it lost and those it gained."""
    _ = c.lang._
    before, after = (v if isinstance(v, list) else [] for v in (change.old, change.new))
    lost = [item for item in before if item not in after]
    gained = [item for item in after if item not in before]
    parts: Parts = ()
    for items, message in ((lost, _("{field}: {old} removed.", **MARKS)),
                           (gained, _("{field}: {new} added.", **MARKS))):
        if items:
            said = value(c, items, steps_of(change))
            parts += (Text(" "),) if parts else ()
            parts += compose(message, field=field, old=said, new=said)
    return parts or compose(_("{field}: the same items in another order.", **MARKS),
                             field=field)


def steps_of(change: Change) -> tuple[str, ...]:
    """The steps of a change's field: its own, else its field cut at each "/" (a field
    named in code, such as "contribution/response")."""
    return change.steps or tuple(step for step in (change.field or "").split("/") if step)


def value(c: RenderContext, found: Any, field: tuple[str, ...]) -> Parts:
    """A field's value in the reader's language: a text in it (else marked as in
    another), an organisation by its name, a date as the reader writes it, a status."""
    last = field[-1] if field else ""
    if isinstance(found, list):
        parts: list[Inline] = []
        for index, item in enumerate(found[:MAX_ITEMS]):
            parts += [Text(", ")] if index else []
            parts += value(c, item, field)
        if len(found) > MAX_ITEMS:
            parts.append(Text(", " + c.lang.n_("and {count} more", "and {count} more",
                                               len(found) - MAX_ITEMS)))
        return tuple(parts) or (Text("—"),)
    if isinstance(found, dict):
        return c.inline(found) if translations(found, c.record.languages.default) and all(
            isinstance(v, str) for v in found.values()) else _entry(c, found, skip=next(
                (key for key, item in found.items() if str(item) == last), ""))
    if last in STAKEHOLDER_FIELDS and isinstance(found, str):
        return c.stakeholder(found)
    if last == "status":
        return (Text(status_label(c, found)),)
    if last == "rating" and isinstance(found, str):
        from ogpctl.render.self_assessment import colour_label

        return (Text(colour_label(c, found)),)
    if last == "kind" and isinstance(found, str):
        return (Text(_kind(c, found)),)
    if last == "sector" and isinstance(found, str):
        from ogpctl.render.commitment import sector_labels

        return (Text(sector_labels(c.lang).get(found, found)),)
    if isinstance(found, bool):
        return (Text(c.lang._("yes") if found else c.lang._("no")),)
    day = as_date(found) if not isinstance(found, int) else None
    if day is not None:
        return (Text(c.lang.date(day)),)
    return (Text("—" if found in (None, "") else str(found)),)


def _kind(c: RenderContext, kind: str) -> str:
    """A meeting's kind or a self-assessment's, as the website says it."""
    from ogpctl.site.labels import meeting_kind

    if kind in ("msf", "civil-society", "public", "ministerial"):
        return meeting_kind(c.lang.code, kind)
    return {"end-of-term": c.lang._("end-of-term report"),
            "yearly": c.lang._("yearly report")}.get(kind, kind)


def _entry(c: RenderContext, entry: Any, skip: str = "") -> Parts:
    """An entry (a progress update, a meeting, a stakeholder) as `field: value; …`."""
    if not isinstance(entry, dict):
        return value(c, entry, ()) if entry not in (None, "") else ()
    parts: list[Inline] = []
    for key, item in entry.items():
        if key == skip or item in (None, "", [], {}):
            continue
        parts += [Text(c.lang._("; "))] if parts else []
        label = field_label(c, (str(key),)) + c.lang._(":") + " "
        parts += [Text(label), *value(c, item, (str(key),))]
    return tuple(parts)


def field_label(c: RenderContext, path: tuple[str, ...]) -> str:
    """A field's place in its document, each step in the reader's language; an entry of
    a list named by its web address keeps it whole."""
    steps = [step for step in path if step]
    if steps and steps[0] in ("stakeholders", "commitments", "members", "contributions") \
            and len(steps) > 1:
        steps = [plain(c.stakeholder(steps[1])), *steps[2:]] if steps[0] == "stakeholders" \
            else [f"{_label(c, steps[0])} {steps[1]}", *steps[2:]]
        return " › ".join(_label(c, step) for step in steps)
    return " › ".join(_label(c, step) for step in steps) or c.lang._("text")


def _label(c: RenderContext, step: str) -> str:
    from ogpctl.render.commitment import sector_labels

    _ = c.lang._
    return sector_labels(c.lang).get(step) or {
        "date": _("date"), "kind": _("kind"), "title": _("title"), "attendees": _("attendees"),
        "presented-results": _("results presented"),
        "remote-participation": _("remote participation"), "agenda-url": _("agenda"),
        "minutes-url": _("minutes"), "evidence": _("evidence"), "text": _("text"),
        "plan": _("plan"), "sector": _("sector"), "name": _("name"),
        "short-name": _("short name"), "contact": _("contact"), "email": _("e-mail"),
        "phone": _("telephone"), "role": _("role"), "url": _("web address"),
        "website": _("website"), "languages": _("languages"),
        "default": _("default language"), "administrative": _("administrative languages"),
        "point-of-contact": _("point of contact"),
        "ministerial-contact": _("ministerial contact"), "country": _("country"),
        "commitments": _("commitment"), "rating": _("rating"),
        "rating-reason": _("reason for the rating"), "prepared": _("date prepared"),
        "introduction": _("introduction"), "process": _("process"), "note": _("note"),
        "irm-recommendations": _("use of IRM recommendations"),
        "lessons": _("lessons and insights"), "recommendations": _("recommendations"),
        "reasons": _("reasons for the assessment"),
        "status": _("status"), "next-steps": _("next steps"), "members": _("members"),
        "summary": _("summary"), "lead-agency": _("lead agency"),
        "stakeholder": _("organisation"), "commitment": _("commitment"),
        "contributions": _("contribution"), "received": _("date received"),
        "channel": _("channel"), "from": _("contributor"),
        "supporting": _("supporting stakeholders"),
        "delay-reason": _("reason for the delay"), "path": _("file"),
        "considered-later": _("considered later"),
        "decision": _("decision"), "id": _("identifier"), "person": _("person"),
        "responded": _("date responded"), "response": _("reasoned response"),
    }.get(step, step)

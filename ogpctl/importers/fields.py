"""Filling commitments and milestones from one row of a tracker or one Markdown file, as a
mapping names their columns or keys; shared by `sheet` and `folder`."""

from __future__ import annotations

import re
from typing import Any, Literal, Protocol

from ogpctl.importers.html import to_markdown
from ogpctl.importers.labels import value_of
from ogpctl.importers.model import TEXT_FIELDS, Commitment, Milestone, Place, Source, Text, Update
from ogpctl.importers.words import Undated, Unreadable, date_of, status_of
from ogpctl.render.prose import safe_href

SECTOR_FIELDS = {"government": "government", "civil-society": "civil-society", "other": "other"}
_NUMBER = re.compile(r"(\d{1,3})(?:[.](\d{1,3}))?(?:\.0)?")


class Row(Protocol):
    """One row of a tracker or one Markdown file."""

    lang: str

    def value(self, name: str) -> Any: ...

    def where(self, name: str | None) -> Place: ...


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "\n".join(cell_text(v) for v in value)
    return str(value).strip()


def number_of(text: str) -> tuple[int | None, int | None]:
    """(commitment or milestone number, milestone number) of a cell: "3" -> (3, None),
    "1.2" -> (1, 2), "Compromiso 4" -> (4, None); (None, None) when there is none."""
    found = _NUMBER.search(text.replace(",", "."))
    if not found:
        return None, None
    return int(found.group(1)), int(found.group(2)) if found.group(2) else None


def texts(source: Source, row: Row, spec: Any, links: list | None = None) -> Text:
    """The text a field spec names: one column in the row's language, or one a language."""
    columns = spec if isinstance(spec, dict) else {row.lang: spec} if spec else {}
    found: Text = {}
    for lang, column in columns.items():
        raw = cell_text(row.value(column))
        if raw:
            markdown, kept = to_markdown(raw)
            if markdown:
                found[lang] = markdown
            if links is not None:
                links.extend(k for k in kept if k not in links)
    return found


def names(row: Row, column: str | None) -> list[str]:
    raw = cell_text(row.value(column)) if column else ""
    return [n.strip(" -•\t") for n in re.split(r"[;\n]", raw) if n.strip(" -•\t")]


def fill_commitment(source: Source, commitment: Commitment, row: Row, spec: dict) -> None:
    """Fields of `commitment` from `row`; a field already read from an earlier row stays."""
    for name in TEXT_FIELDS:
        for lang, text in texts(source, row, spec.get(name)).items():
            commitment.text(name).setdefault(lang, text)
    lead = names(row, spec.get("lead"))
    if lead and commitment.lead is None:
        commitment.lead = lead[0]
    for sector in SECTOR_FIELDS:
        for name in names(row, spec.get(sector)):
            listed = commitment.supporting.setdefault(sector, [])
            if name not in listed:
                listed.append(name)
    for field in ("start", "end"):
        when = _date(source, row, spec.get(field), None, start=field == "start")
        if when and getattr(commitment, field) is None:
            setattr(commitment, field, when)
    _values(source, commitment, row, spec.get("values"))
    ogp_id = cell_text(row.value(spec["ogp-id"])) if spec.get("ogp-id") else ""
    if ogp_id and commitment.ogp_id is None:
        commitment.ogp_id = ogp_id
    for link in spec.get("links") or []:
        _link(source, commitment, row, link)


def _values(source: Source, commitment: Commitment, row: Row, column: str | None) -> None:
    raw = cell_text(row.value(column)) if column else ""
    for word in filter(None, (w.strip() for w in re.split(r"[;,،、؛\n/]|\by\b|\band\b", raw))):
        code = value_of(word)
        if code is None:
            source.warn(row.where(column), f"{word!r} is not an OGP value (transparency, "
                        "accountability, participation, technology-innovation); left out")
        elif code not in commitment.values:
            commitment.values.append(code)


def _link(source: Source, commitment: Commitment, row: Row, link: dict) -> None:
    url = cell_text(row.value(link["column"]))
    if not url:
        return
    if safe_href(url) is None or not re.match(r"(https?|mailto):", url):
        source.warn(row.where(link["column"]), f"{url!r} is not an http, https or mailto "
                    "address; left out")
        return
    if any(item["url"] == url for item in commitment.links):
        return
    item: dict[str, Any] = {"url": url}
    if link.get("title"):
        item = {"title": {row.lang: link["title"]}, "url": url}
    commitment.links.append(item)


def fill_milestone(source: Source, milestone: Milestone, row: Row, spec: dict,
                   statuses: dict[str, str], date_format: str | None) -> bool:
    """Fields of `milestone` from `row`; False (and an error) when a status or date cannot
    be read, the row then left out."""
    ok = True
    for name in ("title", "output"):
        for lang, text in texts(source, row, spec.get(name)).items():
            getattr(milestone, name).setdefault(lang, text)
    lead = names(row, spec.get("lead"))
    if lead and milestone.lead is None:
        milestone.lead = lead[0]
    for sector in SECTOR_FIELDS:
        for name in names(row, spec.get(sector)):
            milestone.supporting.setdefault(sector, []).append(name)
    due = _date(source, row, spec.get("due"), date_format)
    if due:         # a date that cannot be read is said and left empty: the row is kept
        milestone.due = due
    status = _status(source, row, spec.get("status"), statuses)
    if status is False:
        ok = False
    elif status:
        milestone.status = status
    return ok


def _date(source: Source, row: Row, column: str | None, date_format: str | None, *,
          start: bool = False) -> str | None:
    """The date a column gives (the first day of a month or quarter as a `start`); None,
    said, when it gives none or one that cannot be read."""
    raw = cell_text(row.value(column)) if column else ""
    if not raw:
        return None
    try:
        when, note = date_of(raw[:10] if re.match(r"\d{4}-\d\d-\d\d[T ]", raw) else raw,
                             row.lang, date_format, start=start)
    except Undated as said:
        source.warn(row.where(column), f"{said}; left empty")
        return None
    except Unreadable as error:
        source.error(row.where(column), f"{error}; left empty")
        return None
    if note:
        source.warn(row.where(column), note)
    return when


def _status(source: Source, row: Row, column: str | None, statuses: dict[str, str]
            ) -> str | Literal[False] | None:
    raw = cell_text(row.value(column)) if column else ""
    if not raw:
        return None
    try:
        return status_of(raw, statuses)
    except Unreadable as error:
        source.error(row.where(column), str(error))
        return False


def update_from(source: Source, row: Row, spec: dict, when: str, statuses: dict[str, str]
                ) -> Update | Literal[False] | None:
    """A progress update from the columns `spec` names at the date `when`; None when the
    row says nothing for that date, False when its status cannot be read."""
    evidence: list = []
    note = texts(source, row, spec.get("note"), evidence)
    status = _status(source, row, spec.get("status"), statuses)
    if status is False:
        return False
    for url in names(row, spec.get("evidence")):
        if re.match(r"https?://", url) and safe_href(url) and \
                not any(e["url"] == url for e in evidence):
            evidence.append({"url": url})
        elif url:
            source.warn(row.where(spec["evidence"]), f"{url!r} is not a web address; left "
                        "out of the evidence")
    delay_reason = texts(source, row, spec.get("delay-reason"), evidence)
    next_steps = texts(source, row, spec.get("next-steps"), evidence)
    if not note and not status and not evidence and not delay_reason and not next_steps:
        return None
    return Update(when, row.where(spec.get("date") or spec.get("status") or ""),
                  status or None, note, evidence, delay_reason, next_steps)

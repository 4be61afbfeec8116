"""What a source becomes in the record: each commitment's data in the shape of its file
(schemas/commitment.schema.json), with stakeholders named by their ids in stakeholders.yaml.

A stakeholder the source names is the organisation of stakeholders.yaml whose id or name
(in any language) is written the same, compared without case, accents or punctuation; any
other becomes a new entry. Its sector is the one the source states (a commitment lead is a
government agency, handbook 3.2.a "main implementing agency"; supporting stakeholders are
listed by sector); for other actors it is left empty for the point of contact to fill.

A plan written in two languages names its organisations in each: importing the second
language (`--update`) into a commitment the first one wrote, a name the record does not know
is the organisation the commitment already has in the same place (its lead, a milestone's
lead, the same position in a sector's list, unless the source names that one elsewhere) when
that organisation has no name in this language yet; the name is added to it instead of a new
organisation. When it has another name in this language, an update neither switches the
place to a new organisation nor renames it: the record's organisation stays and the import
says so. An organisation the record lists under one sector of a commitment stays there when
the source lists it under another (said too): an update never lists one twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ogpctl.importers.model import (
    DOCUMENT_FIELDS,
    TEXT_FIELDS,
    Commitment,
    Milestone,
    Source,
    Text,
    Update,
)
from ogpctl.importers.words import plain_key as key
from ogpctl.record.model import Record
from ogpctl.record.text import translations
from ogpctl.scaffold.slugs import commitment_slug, slugify

SECTORS = {"government": "government", "civil-society": "civil-society", "other": None}

#: Single words that open an institution's name and say its sector ("Ministerio de
#: Hacienda", "Universidad del Sur", "Congreso Nacional"); longer phrases of the sector
#: vocabulary ("Poder Judicial", "Gobierno Local") say it whatever they are.
_OPENINGS = frozenset({
    "ministerio", "ministry", "ministere", "parlamento", "parliament",
    "parlement", "congreso", "congress", "congresso", "senado", "senate", "senat",
    "municipio", "municipalidad", "municipality", "mairie", "prefeitura", "universidad",
    "university", "universite", "universidade"})

#: The commitment template's sector of supporting stakeholders for each of the record's
#: sectors: government and CSOs; every other sector (a municipality, parliament, the
#: private sector) is among "other actors" (3.2.c), as the sample record files them.
TEMPLATE_SECTOR = {"government": "government", "civil-society": "civil-society"}


def named_sector(name: str) -> str | None:
    """The sector an organisation's name states by its opening words ("Poder Judicial":
    judiciary, "Ministerio de Hacienda": government), or None."""
    from ogpctl.importers.contribution_columns import SECTOR_OF
    from ogpctl.importers.contribution_columns import key as sector_key

    words = sector_key(name).split()
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size])
        if phrase in SECTOR_OF and (size > 1 or phrase in _OPENINGS):
            return SECTOR_OF[phrase]
    return None


@dataclass
class Stakeholders:
    """The record's organisations by the key of each of their names, and those added."""

    record: Record
    lang: str
    known: dict[str, str] = field(default_factory=dict)      # key(name or id) -> id
    added: list[dict[str, Any]] = field(default_factory=list)
    named: dict[str, set[str]] = field(default_factory=dict)  # id -> languages of its names
    names: dict[str, Text] = field(default_factory=dict)      # id -> its names in the record
    renamed: dict[str, Text] = field(default_factory=dict)    # id -> its new name
    #: What the import kept as the record has it rather than as the source says, in words.
    kept: list[str] = field(default_factory=list)
    where: str = ""         # the commitment (or milestone) being read, for `kept`
    #: A name the source writes in another language than `lang`, and that language.
    languages: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        items = self.record.stakeholders.fields.get("stakeholders") \
            if self.record.stakeholders else None
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                names = translations(item.get("name"), self.record.languages.default)
                names.update(translations(item.get("short-name"),
                                          self.record.languages.default))
                for name in (item["id"], *names.values()):
                    self.known.setdefault(key(name), item["id"])
                self.named[item["id"]] = {lang for lang, text in names.items() if text}
                self.names[item["id"]] = names

    def id_of(self, name: str, sector: str | None, here: Any = None) -> str:
        """The id of the organisation `name`; `here` is the id the commitment already has
        in the same place, taken when it has no name in this language yet."""
        found = self.known.get(key(name))
        if found:
            self._sector(found, sector)
            return found
        lang = self.languages.get(name, self.lang)
        if isinstance(here, str) and here in self.named and lang not in self.named[here]:
            self.named[here].add(lang)
            self.known[key(name)], self.renamed[here] = here, {lang: name}
            return here
        if isinstance(here, str) and here in self.named:
            self.kept.append(f"{self.where}: the source names {name!r} where the record has "
                             f"{here} ({lang}: {self.names[here].get(lang, '')!r}); {here} "
                             f"kept. If {name!r} is another organisation, change it by hand; "
                             f"if it is the same, correct its {lang} name in "
                             "stakeholders.yaml")
            self.known[key(name)] = here        # the same everywhere else in the source
            return here
        taken = set(self.known.values())
        base = slugify(name, "stakeholder")
        ident, number = base, 1
        while ident in taken:
            number += 1
            ident = f"{base}-{number}"
        self.known[key(name)] = ident
        self.added.append({"id": ident, "name": {lang: name},
                           "sector": named_sector(name) or sector})
        return ident

    def sector(self, ident: str) -> str | None:
        """The record's sector of an organisation, or the one given to it now."""
        found = self.record.stakeholder_sectors.get(ident)
        if found:
            return found
        return next((item["sector"] for item in self.added if item["id"] == ident), None)

    def _sector(self, ident: str, sector: str | None) -> None:
        """A sector learnt later fills one left empty on an organisation added now."""
        for item in self.added:
            if item["id"] == ident and item["sector"] is None:
                item["sector"] = sector


def commitment_data(commitment: Commitment, people: Stakeholders, default: str,
                    now: dict[str, Any] | None = None) -> dict[str, Any]:
    """The commitment as its file would hold it (only what the source gives); `now` is
    what its file holds already."""
    now = now or {}
    data: dict[str, Any] = {}
    for name, path in {**TEXT_FIELDS, **DOCUMENT_FIELDS}.items():
        text = commitment.texts.get(name)
        if text:
            _put(data, path, dict(text))
    if commitment.kind:
        data["kind"] = commitment.kind
    if commitment.added:
        _put(data, ("challenge", "added"), commitment.added)
    if commitment.activities:
        _put(data, ("implementation-plan", "activities"), [dict(a) for a in
                                                           commitment.activities])
    if commitment.ogp_id:
        data["ogp-id"] = commitment.ogp_id
    if commitment.links:
        data["links"] = [_titled(link, default) for link in commitment.links]
    people.where = f"commitment {commitment.number}"
    if commitment.lead:
        data["lead"] = people.id_of(commitment.lead, "government", now.get("lead"))
    supporting = _supporting(commitment.supporting, commitment.roles, people,
                             now.get("supporting"))
    if supporting:
        data["supporting"] = supporting
    period = {k: v for k, v in (("start", commitment.start), ("end", commitment.end)) if v}
    if period:
        data["period"] = period
    if commitment.values:
        data["values"] = list(commitment.values)
    if commitment.milestones:
        had = {m.get("number"): m for m in now.get("milestones") or [] if isinstance(m, dict)} \
            if isinstance(now.get("milestones"), list) else {}
        data["milestones"] = []
        for m in sorted(commitment.milestones, key=lambda m: m.number):
            people.where = f"milestone {commitment.number}.{m.number}"
            data["milestones"].append(milestone_data(m, people, default, had.get(m.number),
                                                     data.get("lead") or now.get("lead")))
    return data


def _put(data: dict, path: tuple[str, ...], value: Any) -> None:
    for step in path[:-1]:
        data = data.setdefault(step, {})
    data[path[-1]] = value


def _titled(item: dict[str, Any], default: str) -> dict[str, Any]:
    title = item.get("title")
    if isinstance(title, dict) and list(title) == [default]:
        title = title[default]
    return {"title": title, "url": item["url"]} if title else {"url": item["url"]}


def _supporting(by_sector: dict[str, list[str]], roles: dict[str, Text],
                people: Stakeholders, now: Any) -> dict[str, list]:
    """Ids by sector; {stakeholder, role} for one the source gives a role."""
    found: dict[str, list] = {}
    listed_now = _listed(now)
    named = {people.known.get(key(name)) for names in by_sector.values() for name in names}
    for sector, names in by_sector.items():
        had = now.get(sector) if isinstance(now, dict) else None
        had = had if isinstance(had, list) else []
        for index, name in enumerate(names):
            here = _ident(had[index]) if index < len(had) else None
            ident = people.id_of(name, SECTORS.get(sector), None if here in named else here)
            # named under no sector ("other"): an organisation whose sector is known goes
            # under it, a ministry among government, not among "other actors"
            place = sector if sector != "other" else \
                TEMPLATE_SECTOR.get(people.sector(ident) or "", "other")
            if ident in listed_now and listed_now[ident] != place:
                people.kept.append(f"{people.where}: {ident} is among the {listed_now[ident]} "
                                   f"supporting stakeholders in the record and among {place} "
                                   "in the source; left where the record has it (move it by "
                                   "hand if the source is right)")
                place = listed_now[ident]
            listed = found.setdefault(place, [])
            if any(_ident(item) == ident for item in listed):
                continue
            role = roles.get(name)
            listed.append({"stakeholder": ident, "role": dict(role)} if role else ident)
    return {sector: items for sector, items in found.items() if items}


def _listed(now: Any) -> dict[str, str]:
    """The sector each organisation is listed under in a file's `supporting`."""
    found: dict[str, str] = {}
    for sector, items in (now.items() if isinstance(now, dict) else ()):
        for item in items if isinstance(items, list) else ():
            if isinstance(_ident(item), str):
                found.setdefault(_ident(item), sector)
    return found


def _without(supporting: dict[str, list], lead: Any) -> dict[str, list]:
    """Supporting stakeholders without the lead: the stakeholders column of a milestone
    table names the lead among them."""
    kept = {sector: [item for item in items if _ident(item) != lead]
            for sector, items in supporting.items()}
    return {sector: items for sector, items in kept.items() if items}


def defaulted_leads(commitment: Commitment, data: dict[str, Any]) -> list[str]:
    """The milestones ("1.2") whose lead is the commitment's because the source gave
    none."""
    given = {m.number for m in commitment.milestones if m.lead}
    return [f"{commitment.number}.{m['number']}" for m in data.get("milestones") or []
            if m.get("lead") and m["number"] not in given]


def _ident(item: Any) -> Any:
    return item.get("stakeholder") if isinstance(item, dict) else item


def milestone_data(milestone: Milestone, people: Stakeholders, default: str,
                   now: dict[str, Any] | None = None, lead: Any = None) -> dict[str, Any]:
    """The milestone as its commitment file holds it. A milestone the source gives no lead
    (the handbook's milestone table has one "Stakeholders" column) is led by `lead`, the
    commitment's lead (its "main implementing agency", 3.2.a), unless it has one."""
    now = now or {}
    data: dict[str, Any] = {"number": milestone.number}
    if milestone.title:
        data["title"] = dict(milestone.title)
    if milestone.output:
        data["output"] = dict(milestone.output)
    if milestone.due:
        data["due"] = milestone.due
    if milestone.lead:
        data["lead"] = people.id_of(milestone.lead, None, now.get("lead"))
    elif isinstance(lead, str) and lead and not now.get("lead"):
        data["lead"] = lead
    supporting = _without(_supporting(milestone.supporting, milestone.roles, people,
                                      now.get("supporting")), data.get("lead"))
    if supporting:
        data["supporting"] = supporting
    updates = sorted(milestone.progress, key=lambda u: u.date)
    status = milestone.status or next((u.status for u in reversed(updates) if u.status), None)
    if status or not now:       # a source without statuses keeps the record's
        data["status"] = status or "not-started"
    if updates:
        data["progress"] = [update_data(u, default) for u in updates]
    return data


def update_data(update: Update, default: str) -> dict[str, Any]:
    data: dict[str, Any] = {"date": update.date}
    if update.status:
        data["status"] = update.status
    if update.note:
        data["note"] = dict(update.note)
    if update.evidence:
        data["evidence"] = [_evidence(item, default) for item in update.evidence]
    if update.delay_reason:
        data["delay-reason"] = dict(update.delay_reason)
    if update.next_steps:
        data["next-steps"] = dict(update.next_steps)
    return data


def _evidence(item: dict[str, Any], default: str) -> dict[str, Any]:
    title = item.get("title")
    return {"title": title, "url": item["url"]} if title else {"url": item["url"]}


def file_name(commitment: Commitment, record: Record) -> str:
    """NN-slug for a new commitment file, the slug from its title."""
    titles = commitment.texts.get("title") or {}
    title = titles.get(record.languages.default) or titles.get("en") or \
        next(iter(titles.values()), "")
    return f"{commitment.number:02d}-{commitment_slug(title, commitment.number)}"


def all_data(source: Source, record: Record, lang: str, now: dict[int, dict[str, Any]]
             ) -> tuple[dict[int, dict[str, Any]], Stakeholders]:
    """Each commitment's data, by number; `now` is what the record's files hold."""
    people = Stakeholders(record, lang, languages=dict(source.name_languages))
    default = record.languages.default
    return {c.number: commitment_data(c, people, default, now.get(c.number))
            for c in source.commitments}, people

"""Who made a contribution, as every public output shows it.

One rule for documents, pages and open data: a private person's name (`from.name`, as a
survey form records it) is personal data and is not published; the organisation (`from:`
an id of stakeholders.yaml, or `from.organisation`) and the sector are. The handbook asks
for the reasoned response and "all results in the decision-making process" to be public
(2.1.d) on a repository that "complies with national and international regulations,
including those relating to ... privacy" (5.3); the tool cannot know that a respondent
agreed to be named, and the contribution is recognisable by its date, channel and text.
Older imports wrote "Person (Organisation)" as the name: the organisation is read from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: A name written "Ana Gómez (Red Ciudadana)": the person, then the organisation.
_WITH_ORGANISATION = re.compile(r"^(?P<person>[^()]*\S)\s*\((?P<organisation>[^()]*\S)\)\s*$")


@dataclass(frozen=True)
class Contributor:
    """What may be said in public of a contribution's author."""

    stakeholder: str = ""     # an organisation of stakeholders.yaml, by its id
    organisation: str = ""    # an organisation named in the entry
    sector: str = ""          # one of the record's sectors
    person: bool = False      # a person's name was recorded and is not published

    @property
    def known(self) -> bool:
        return bool(self.stakeholder or self.organisation or self.sector or self.person)


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def contributor(value: Any) -> Contributor:
    """The public part of a contribution's `from`."""
    if isinstance(value, str):
        return Contributor(stakeholder=value.strip())
    if not isinstance(value, dict):
        return Contributor()
    name, organisation = _text(value.get("name")), _text(value.get("organisation"))
    found = _WITH_ORGANISATION.match(name)
    if found and not organisation:
        organisation = " ".join(found["organisation"].split())
    return Contributor(organisation=organisation, sector=_text(value.get("sector")),
                       person=bool(name))


def public_source(value: Any) -> Any:
    """`from` as open data may publish it: an organisation's id as it is; of a
    {name, organisation, sector} entry, the organisation and the sector only (the
    person's name and any `x-` field about them are left out)."""
    if not isinstance(value, dict):
        return value
    who = contributor(value)
    kept = {"organisation": who.organisation, "sector": value.get("sector")}
    return {k: v for k, v in kept.items() if v}

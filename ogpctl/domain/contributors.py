"""Who made a contribution, as every public output shows it.

One rule for documents, pages and open data: a private person's name (`from.person`, as
`import contributions` reads it from a form's name columns) is personal data and is not
published; the organisation or group (`from:` an id of stakeholders.yaml, or `from.name`)
and the sector are. The handbook asks for the reasoned response and "all results in the
decision-making process" to be public (2.1.d) on a repository that complies "with national
and international regulations, including those relating to ... privacy" (5.3); the tool
cannot know that a respondent agreed to be named, and a contribution is recognisable by
its date, channel and text. A name written in `from.name` is published as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Contributor:
    """What may be said in public of a contribution's author."""

    stakeholder: str = ""     # an organisation of stakeholders.yaml, by its id
    name: str = ""            # an organisation or group named in the entry
    sector: str = ""          # one of the record's sectors
    person: bool = False      # a private person's name is recorded, and not published

    @property
    def known(self) -> bool:
        return bool(self.stakeholder or self.name or self.sector or self.person)


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def contributor(value: Any) -> Contributor:
    """The public part of a contribution's `from`."""
    if isinstance(value, str):
        return Contributor(stakeholder=value.strip())
    if not isinstance(value, dict):
        return Contributor()
    return Contributor(name=_text(value.get("name")), sector=_text(value.get("sector")),
                       person=bool(_text(value.get("person"))))


def public_source(value: Any) -> Any:
    """`from` as open data may publish it: an organisation's id as it is; of a
    {name, person, sector} entry, the name and the sector (the person, and any `x-` field
    about them, are left out)."""
    if not isinstance(value, dict):
        return value
    return {k: v for k, v in value.items() if k in ("name", "sector")}

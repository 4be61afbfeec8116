"""The kinds of file a record holds, and what their names and values must look like."""

from __future__ import annotations

import enum
import re
from datetime import date
from typing import Any


class Kind(str, enum.Enum):
    OGP = "ogp"
    STAKEHOLDERS = "stakeholders"
    FORUM = "forum"
    MEETING = "meeting"
    PLAN = "plan"
    CO_CREATION = "co-creation"
    CONTRIBUTIONS = "contributions"
    COMMITMENT = "commitment"
    SELF_ASSESSMENT = "self-assessment"
    SECTION = "section"

    @property
    def schema(self) -> str | None:
        """The schema file for this kind (sections are free Markdown)."""
        return None if self is Kind.SECTION else f"{self.value}.schema.json"

    @property
    def markdown(self) -> bool:
        return self in (Kind.MEETING, Kind.SECTION)


#: Plan files with a fixed name, by kind.
PLAN_FILES = {
    "plan.yaml": Kind.PLAN,
    "co-creation.yaml": Kind.CO_CREATION,
    "contributions.yaml": Kind.CONTRIBUTIONS,
    "self-assessment.yaml": Kind.SELF_ASSESSMENT,
}

#: The narrative sections of an action plan (handbook 3.2.b, sections 1-3).
SECTIONS = ("introduction", "efforts-to-date", "development-process")

#: A language code: ISO 639 language, optionally followed by a region or script (pt-BR).
LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: The days a record can use. The calendar adds months and years to them, so a day far
#: from the present (year 0, 9999-12-31) is refused (F104) rather than overflowing later.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(value: Any) -> date | None:
    """The day a value writes as YYYY-MM-DD, or None when it is not a day a record can use.
    Each text is read once a process: a record writes the same days over and over, and the
    schemas' date format and every rule ask for them."""
    if not isinstance(value, str):
        return None
    try:
        return _DAYS[value]
    except KeyError:
        pass
    day = _read_day(value)
    if len(_DAYS) < _DAYS_KEPT:
        _DAYS[value] = day
    return day


_DAYS: dict[str, date | None] = {}
#: Days remembered at most (a bound for a file of a million different dates).
_DAYS_KEPT = 1 << 16


def _read_day(value: str) -> date | None:
    if not DAY.fullmatch(value):
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if FIRST_DAY <= day <= LAST_DAY else None


MAX_SLUG = 64
COMMITMENT_FILE = re.compile(r"(?P<number>[0-9]{2,3})-(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\.yaml")
MEETING_FILE = re.compile(r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
                          r"-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md")
SECTION_FILE = re.compile(r"(?P<section>[a-z-]+)\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md")
#: A plan's further self-assessment reports (3.3: a yearly report besides the end-of-term
#: one), plans/<plan>/self-assessments/YYYY-MM-DD.yaml, named by the day prepared.
SELF_ASSESSMENTS = "self-assessments"
SELF_ASSESSMENT_FILE = re.compile(r"(?P<prepared>[0-9]{4}-[0-9]{2}-[0-9]{2})\.yaml")


def is_slug(text: str) -> bool:
    return len(text) <= MAX_SLUG and SLUG.fullmatch(text) is not None

"""Obligations as an RFC 5545 calendar (icalendar). Event UIDs are stable (plan,
obligation and what it is about — a milestone's number — or its ordinal), so re-importing
updates events instead of duplicating them; DTSTAMP is "today", so the same record and
--today give the same bytes. Titles come translated; the few words around them are
translated here."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

from ogpctl.domain.obligations import Obligation, _, say


def to_ics(items: list[Obligation], *, name: str, domain: str, today: date,
           lang: str = "en") -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//ogpctl//OGP deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", say(lang, _("OGP deadlines: {name}"), name=name))
    stamp = datetime.combine(today, time(0), tzinfo=UTC)
    seen: Counter[tuple[str, str, str]] = Counter()
    for item in items:
        seen[(item.plan, item.id, item.subject)] += 1
        event = Event()
        event.add("uid", f"{item.plan}.{item.id}.{_which(item, seen)}@{domain}")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.date)
        event.add("dtend", item.date + timedelta(days=1))
        event.add("summary", say(lang, _("{title} (plan {plan})"), title=item.title,
                                  plan=item.plan))
        basis = f" On {today}: {item.state}" + (f" ({item.basis})." if item.basis else ".")
        event.add("description", f"{item.rule} Handbook {item.handbook}.{basis}")
        event.add("categories", ["OGP", item.state])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def _which(item: Obligation, seen: Counter[tuple[str, str, str]]) -> str:
    """What the event is about (a milestone's number), else its ordinal; a repeated
    number (a mistake in the record) still gets a UID of its own."""
    count = seen[(item.plan, item.id, item.subject)]
    if not item.subject:
        return str(count)
    return item.subject if count == 1 else f"{item.subject}.{count}"

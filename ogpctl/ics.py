"""Obligations as an RFC 5545 calendar (icalendar). Event UIDs are stable (plan,
obligation and its ordinal), so re-importing updates events instead of duplicating them;
DTSTAMP is "today", so the same record and --today give the same bytes."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta, timezone

from ogpctl.obligations import Obligation


def to_ics(items: list[Obligation], *, name: str, domain: str, today: date) -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//ogpctl//OGP deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"OGP deadlines: {name}")
    stamp = datetime.combine(today, time(0), tzinfo=timezone.utc)
    seen: Counter[tuple[str, str]] = Counter()
    for item in items:
        seen[(item.plan, item.id)] += 1
        event = Event()
        event.add("uid", f"{item.plan}.{item.id}.{seen[(item.plan, item.id)]}@{domain}")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.date)
        event.add("dtend", item.date + timedelta(days=1))
        event.add("summary", f"{item.title} (plan {item.plan})")
        basis = f" On {today}: {item.state}" + (f" ({item.basis})." if item.basis else ".")
        event.add("description", f"{item.rule} Handbook {item.handbook}.{basis}")
        event.add("categories", ["OGP", item.state])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()

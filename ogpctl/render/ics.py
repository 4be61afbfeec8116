"""Obligations as an RFC 5545 calendar (icalendar). Event UIDs are stable (plan,
obligation and what it is about — a milestone's number — or its ordinal), so re-importing
updates events instead of duplicating them; DTSTAMP is "today", so the same record and
--today give the same bytes. Every text for people is in the calendar's language: titles,
rules and handbook sections come translated; the state and what it rests on
(`Obligation.basis_in`) are said here. CATEGORIES keep the state's code, for filters."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

from ogpctl.domain.obligations import Obligation
from ogpctl.domain.screens import state_word
from ogpctl.domain.wording import _, day_in, say


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
        event.add("description", _description(item, today, lang))
        event.add("categories", ["OGP", item.state])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def _description(item: Obligation, today: date, lang: str) -> str:
    """The rule, its handbook section, and the state as of today with what it rests on."""
    values = {"day": day_in(lang, today), "state": state_word(lang, item.state)}
    basis = item.basis_in(lang)
    state = say(lang, _("On {day}: {state} ({basis})."), basis=basis, **values) if basis \
        else say(lang, _("On {day}: {state}."), **values)
    return " ".join((item.rule, say(lang, _("Handbook {section}."), section=item.handbook),
                     state))


def _which(item: Obligation, seen: Counter[tuple[str, str, str]]) -> str:
    """What the event is about (a milestone's number), else its ordinal; a repeated
    number (a mistake in the record) still gets a UID of its own."""
    count = seen[(item.plan, item.id, item.subject)]
    if not item.subject:
        return str(count)
    return item.subject if count == 1 else f"{item.subject}.{count}"

"""Findings in a reader's language: the English message of a finding read back into its
template and values, and said again through the gettext catalogues (`templates/locales/`).

A rule words its finding in English, the language `ogpctl check` and its goldens speak; the
review and `check --lang` show a finding in the reader's language when its message is one
of the templates below (the findings a new record meets first: empty fields, missing
translations, guide text left, the SMART fields, the process deadlines). Each template is
the rule's own f-string with its values named; a value is said in the language too when it
is a word (a language's name, a date, "milestone 1"), kept as written when it is the
record's (a file, a plan, a field's key). A message no template reads, or a value no
converter can say, stays English: `message_in` returns None and the reader is told so.
`tests/test_finding_wording.py` makes every rule below meet its template, so a rewording in
a rule cannot silently leave its translation behind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from functools import cache

from ogpctl.base.diagnostics import Diagnostic


def _(message: str) -> str:
    """Marks a message for the gettext catalogues."""
    return message


#: Each rule's messages, as templates of its English words.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "F105": (_('{field} is still empty{hint}'),
             _('{field} is still empty in {language}{hint}')),
    "L301": (_("{field} has no {languages} text"),),
    "L302": (_("the {section} section has no {language} text; write sections/{file}"),
             _("the {language} {section} section is still empty; write sections/{file}")),
    "L304": (_("{field} ({language}) still holds the scaffold's guide text; write your own"),),
    "S201": (_("Specific: say what problem the commitment addresses (problem.what)"),),
    "S202": (_("Specific: state the causes of the problem (problem.causes)"),),
    "S203": (_("Specific: describe the proposed solution (description.solution)"),),
    "S204": (_("Specific: say what results the commitment wants to achieve "
               "(description.results)"),),
    "S205": (_("Specific: say what has been done so far to solve the problem "
               "(description.done-so-far)"),),
    "S210": (_("Measurable: list the milestones that lead to the commitment's results"),),
    "S212": (_("Measurable: give the expected output of {milestone}"),),
    "S220": (_("Answerable: name the commitment lead (the main implementing agency)"),),
    "S221": (_("Answerable: no supporting stakeholders are named; if agencies or partners "
               "support the lead, list them by sector (government, civil-society, other)"),),
    "S222": (_("Answerable: name the lead of {milestone} (lead)"),),
    "S230": (_("Relevant: list the OGP values the commitment advances (values)"),),
    "S241": (_("Time-bound: give {milestone} an expected completion date (due: YYYY-MM-DD)"),),
    "S250": (_("give a brief description of the commitment (under 200 characters)"),),
    "P605": (_("the progress update of {start} on {milestone} has {lacks}"),),
    "C401": (_("plan {plan} was not delivered inside its window, {start} to {end} ({basis})"),
             _("plan {plan} was not delivered inside its window, by {end} ({basis})")),
    "C402": (_("no plan after {plan} was delivered by {end}: the member has acted contrary "
               "to process"),),
    "C410": (_("the timeline was due by {end}, two weeks before development starts "
               "({basis})"),),
    "C411": (_("the forum (kind: msf) has not met since {start}, more than six months: it "
               "meets at least every six months, during co-creation, implementation and "
               "between plans alike"),
             _("the forum (kind: msf) did not meet from {start} to {end}, more than six "
               "months: it meets at least every six months, during co-creation, "
               "implementation and between plans alike")),
}

#: What F105 asks to write (": write " and the schema's title of the field).
HINTS = (
    _("write the member's name, as a text or {example}"),
    _("write the forum's name, as a text or {example}"),
    _("write the person's position, as a text or {example}"),
    _("write the person's name"),
    _("write an email address, such as {example}"),
    _("write the date the member joined OGP, written YYYY-MM-DD"),
    _("write the address of the national OGP website, starting with http://, https:// or "
      "mailto:"),
    _("write the address of the public document repository, starting with http://, "
      "https:// or mailto:"),
)

#: The words of a deadline's basis (`domain.obligations`), said in the language there.
_BASIS = re.compile(r"(?P<what>[a-z][a-z ]*): (?:(?P<none>not recorded)|(?P<day>\d{4}-\d\d-\d\d))")
_FIELD = re.compile(r'"(?P<name>[^"]+)"(?: item (?P<number>[0-9]+))?')
_MILESTONE = re.compile(r"milestone (?P<hash>#?)(?P<number>[0-9]+(?:\.[0-9]+)?)")
#: What a progress update lacks (P605), one or more joined by ", ".
_LACKS = {"no note on the progress made": _("no note on the progress made"),
          "no next steps": _("no next steps")}
_DELAY = re.compile(r"no reason for the delay \(due (?P<due>\d{4}-\d\d-\d\d), (?P<status>[^()]+)\)")
_LANGUAGE = re.compile(r"[A-Z][^()]* \((?P<code>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\)")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_NAME = r"[A-Z][^(),]*? \([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\)"
_ISO = r"\d{4}-\d\d-\d\d"
#: What each kind of value looks like in a message (any other value: some text).
_SHAPES = {"language": _NAME, "languages": f"{_NAME}(?:, {_NAME})*",
           "field": r'"[^"]+"(?: item [0-9]+)?', "milestone": r"milestone #?[0-9]+(?:\.[0-9]+)?",
           "start": _ISO, "end": _ISO, "hint": r"(?:: .+)?"}


def findings_in(lang: str, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """`diagnostics` with each message in `lang` where ogpctl has its words (`check
    --lang`); the others as they are, in English."""
    return [replace(d, message=said) if (said := message_in(lang, d.code, d.message,
                                                          isolate=False)) else d
            for d in diagnostics]


def message_in(lang: str, code: str, message: str, *, isolate: bool = True) -> str | None:
    """`message`, a finding of rule `code`, in `lang`; None when it stays English (a
    message no template reads, or English itself). With `isolate`, each of the record's
    values keeps its own direction in a right-to-left language (U+2068 … U+2069, for a
    document; a terminal shows those marks as escapes)."""
    if lang == "en":
        return None
    for template, pattern in _patterns(code):
        found = pattern.fullmatch(message)
        if found is None:
            continue
        values = {name: _said(lang, name, value, isolate)
                  for name, value in found.groupdict().items()}
        if all(value is not None for value in values.values()):
            return _say(lang, template, **values)
    return None


@cache
def _patterns(code: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((template, _pattern(template)) for template in TEMPLATES.get(code, ()))


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """A template as a regular expression: its words as written, each value a group."""
    parts, start = [], 0
    for found in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[start:found.start()]))
        name = found[1]
        parts.append(f"(?P<{name}>{_SHAPES.get(name, '.+?')})")
        start = found.end()
    parts.append(re.escape(template[start:]))
    return re.compile("".join(parts), re.S)


def _say(lang: str, message: str, **values: object) -> str:
    from ogpctl.base.i18n import Language

    return Language(lang)._(message, **values)


def _said(lang: str, name: str, value: str, isolate: bool) -> str | None:
    """A value of a message in `lang`, or None when it cannot be said there."""
    said = _CONVERTERS.get(name, _kept)(lang, value)
    return said if isolate or said is None else said.replace("\u2068", "").replace("\u2069", "")


def _kept(lang: str, value: str) -> str:
    """A value of the record's (a file, a plan, a key): as written, in its own direction."""
    from ogpctl.base.i18n import Language

    return Language(lang).isolate(value)


def _day(lang: str, value: str) -> str:
    from ogpctl.base.i18n import Language

    return Language(lang).date(date.fromisoformat(value))


def _languages(lang: str, value: str) -> str | None:
    """"English (en), Portuguese (pt)" as the language names them."""
    from ogpctl.base.i18n import Language

    names = value.split(", ")
    found = [_LANGUAGE.fullmatch(name) for name in names]
    if not all(found):
        return None
    codes = [match["code"] for match in found if match]
    return Language(lang).join(f"{Language(code).name_in(lang)} ({code})" for code in codes)


def _field(lang: str, value: str) -> str | None:
    found = _FIELD.fullmatch(value)
    if found is None:
        return None
    name = _kept(lang, f'"{found["name"]}"')
    if found["number"] is None:
        return name
    return _say(lang, _("{field} item {number}"), field=name, number=found["number"])


def _milestone(lang: str, value: str) -> str | None:
    found = _MILESTONE.fullmatch(value)
    if found is None:
        return None
    return _say(lang, _("milestone {number}"), number=found["hash"] + found["number"])


def _hint(lang: str, value: str) -> str | None:
    """"" or ": write …", the schema's title of an empty field (F105)."""
    if not value:
        return ""
    if not value.startswith(": "):
        return None
    for hint in HINTS:
        found = _pattern(hint).fullmatch(value[2:])
        if found:
            said = _say(lang, hint, **{k: _kept(lang, v) for k, v in found.groupdict().items()})
            return _say(lang, _(": {hint}"), hint=said)
    return None


def _basis(lang: str, value: str) -> str | None:
    """What a deadline's state rests on ("delivered: not recorded"), as the deadlines
    screen says it (`domain.obligations`, whose labels the catalogues hold)."""
    found = _BASIS.fullmatch(value)
    if found is None:
        return None
    what = _say(lang, found["what"])
    if found["none"]:
        return _say(lang, "{what}: not recorded", what=what)
    return _say(lang, "{what}: {day}", what=what, day=_day(lang, found["day"]))


def _lacks(lang: str, value: str) -> str | None:
    """What a progress update lacks (P605): "no next steps", "no reason for the delay (due
    2026-09-30, in-progress)", joined as the language joins a list."""
    from ogpctl.base.i18n import Language

    said = []
    for part in re.split(r", (?=no )", value):
        delay = _DELAY.fullmatch(part)
        if delay:
            said.append(_say(lang, _("no reason for the delay (due {due}, {status})"),
                             due=_day(lang, delay["due"]), status=_kept(lang, delay["status"])))
        elif part in _LACKS:
            said.append(_say(lang, _LACKS[part]))
        else:
            return None
    return Language(lang).join(said)


_CONVERTERS: dict[str, Callable[[str, str], str | None]] = {
    "language": _languages, "languages": _languages, "field": _field,
    "milestone": _milestone, "hint": _hint, "basis": _basis,
    "start": _day, "end": _day, "lacks": _lacks,
}

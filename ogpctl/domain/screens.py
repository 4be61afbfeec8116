"""What the `ogpctl deadlines` and `ogpctl status` screens say, in the reader's language:
column heads, states, the facts each verdict rests on, the summary lines. `cli/present`
lays them out and colours them; nothing here prints. English keeps ISO dates (what `check`
and scripts read); other languages write dates and numbers as their readers do
(`ogpctl.domain.wording`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ogpctl.domain.obligations import DUE, EARLY, MET, MISSED, NA, OVERDUE, Obligation
from ogpctl.domain.requirements import Requirement
from ogpctl.domain.rollup import UNREASONED
from ogpctl.domain.status import CommitmentStatus, PlanStatus
from ogpctl.domain.wording import _, day_in, join_in, n_, number_in, say, say_count

STATE_WORDS = {MET: _("met"), DUE: _("due"), OVERDUE: _("overdue"), MISSED: _("missed"),
               EARLY: _("early"), NA: _("n/a")}
#: What the record has failed, as status flags it.
FLAGS = {OVERDUE: _("OVERDUE"), MISSED: _("MISSED"), EARLY: _("EARLY")}
_COUNTED = {OVERDUE: n_("{count} overdue", "{count} overdue"),
            MISSED: n_("{count} missed", "{count} missed"),
            EARLY: n_("{count} early", "{count} early")}
_DUE = n_("{count} due", "{count} due")
#: Requirement 1.1's meetings (`ogpctl.domain.forum`): how many since co-creation started,
#: or, with none, since when none was held.
_MEETINGS_SINCE = n_("{count} meeting since {day}", "{count} meetings since {day}")
_NO_MEETING_SINCE_START = n_("no meeting in the {count} day since co-creation started on {day}",
                             "no meeting in the {count} days since co-creation started on "
                             "{day}")
_NO_MEETING_SINCE_LAST = n_("no meeting in the {count} day since co-creation started on {day}; "
                            "the last one was on {last}",
                            "no meeting in the {count} days since co-creation started on {day}; "
                            "the last one was on {last}")
#: ... when no stage of the co-creation has a date: the year before is counted.
_NO_MEETING_UNDATED = n_("no meeting in the {count} day since {day} (the co-creation stages "
                         "have no dates, so the year before is counted)",
                         "no meeting in the {count} days since {day} (the co-creation stages "
                         "have no dates, so the year before is counted)")
_NO_MEETING_UNDATED_LAST = n_("no meeting in the {count} day since {day} (the co-creation "
                              "stages have no dates, so the year before is counted); the last "
                              "one was on {last}",
                              "no meeting in the {count} days since {day} (the co-creation "
                              "stages have no dates, so the year before is counted); the last "
                              "one was on {last}")
NO_MEETING_YET = _("no meeting yet")


def joined(lang: str, parts: Iterable[str]) -> str:
    """Parts of a list, with the language's comma."""
    return join_in(lang, list(parts))


def day_or_dash(lang: str, day: date | None) -> str:
    return day_in(lang, day) if day is not None else "—"


# -- deadlines -------------------------------------------------------------------------------

def deadline_columns(lang: str) -> tuple[str, ...]:
    return tuple(say(lang, word) for word in (_("date"), _("state"), _("obligation"),
                                              _("handbook"), _("on the record")))


def plan_heading(lang: str, plan: str) -> str:
    return say(lang, _("plan {plan}"), plan=plan)


def state_word(lang: str, state: str) -> str:
    return say(lang, STATE_WORDS[state]) if state in STATE_WORDS else state


def deadline_row(lang: str, item: Obligation) -> tuple[str, str, str, str, str]:
    return (day_in(lang, item.date), state_word(lang, item.state), item.title, item.handbook,
            item.basis_in(lang))


def deadlines_summary(lang: str, items: list[Obligation], today: date) -> str:
    """"as of DAY: 1 overdue, 18 due; next: TITLE (PLAN) on DAY"."""
    counts = [say_count(lang, *forms, n) for state, forms in _COUNTED.items()
              if (n := sum(1 for i in items if i.state == state)) or state == OVERDUE]
    due = [item for item in items if item.state == DUE]
    counts.append(say_count(lang, *_DUE, len(due)))
    text = say(lang, _("as of {day}: {counts}"), day=day_in(lang, today),
               counts=joined(lang, counts))
    if due:
        first = min(due, key=lambda d: (d.date, d.plan))
        text += say(lang, _("; next: {title} ({plan}) on {day}"), title=first.title,
                    plan=first.plan, day=day_in(lang, first.date))
    return text


# -- status ----------------------------------------------------------------------------------

STAGE_WORDS = {"co-creation": _("co-creation"), "implementation": _("implementation"),
               "refresh": _("refresh"), "closed": _("closed")}
COLOUR_WORDS = {"green": _("green"), "amber": _("amber"), "red": _("red"),
                "grey": _("not started yet"), "withdrawn": _("withdrawn")}
MILESTONE_COUNTS = {"not-started": n_("{count} not started", "{count} not started"),
                    "in-progress": n_("{count} in progress", "{count} in progress"),
                    "completed": n_("{count} completed", "{count} completed"),
                    "withdrawn": n_("{count} withdrawn", "{count} withdrawn")}
REQUIREMENTS = {
    "1.1": _("forum meets every six months, rules public"), "2.1": _("OGP website"),
    "2.2": _("repository of evidence"), "3.1": _("timeline published two weeks ahead"),
    "3.2": _("outreach"), "3.3": _("input mechanism"),
    "4.1": _("reasoned response to every input"),
    "5.1": _("two results meetings a year with civil society")}
VERDICTS = {"met": _("met"), "not-met": _("not met"), "not-yet-due": _("not yet due"),
            "unknown": _("cannot tell")}


def stage_word(lang: str, stage: str) -> str:
    return say(lang, STAGE_WORDS[stage]) if stage in STAGE_WORDS else stage


#: A plan whose delivery window closed with no delivery is in no stage of the cycle: it
#: was never delivered (handbook 3.1: "Further extensions are not allowed").
NOT_DELIVERED = _("not delivered")


def plan_dates(lang: str, plan: PlanStatus) -> str:
    stage = say(lang, NOT_DELIVERED) if plan.late else stage_word(lang, plan.stage)
    return say(lang, _("[{stage}; due {due}, ends {end}]"), stage=stage,
               due=day_or_dash(lang, plan.due), end=day_or_dash(lang, plan.end))


def plan_notes(lang: str, plan: PlanStatus) -> list[tuple[str, str]]:
    """(line, kind) under the plan's head: late, in co-creation, status disagreeing."""
    lines = []
    if plan.late:
        lines.append((say(lang, _("LATE  no delivery is recorded and the window has closed; "
                                  "record it with `ogpctl tag-submission {plan}`"),
                          plan=plan.plan), "failed"))
    elif plan.stage == "co-creation":
        lines.append((say(lang, _("in co-creation: commitments are rated once "
                                  "implementation begins")), "dim"))
    if not plan.agrees:
        declared = stage_word(lang, plan.status) if plan.status else say(lang, _("(none)"))
        lines.append((say(lang, _("status: {status} in plan.yaml, but the record gives "
                                  "{stage} (C415)"), status=declared,
                          stage=stage_word(lang, plan.stage)), "warning"))
    return lines


NEXT = _("next")


def next_line(lang: str, item: Obligation) -> str:
    return f"  {say(lang, NEXT)}  {day_in(lang, item.date)}  {item.title} ({item.handbook})"


def failed_line(lang: str, item: Obligation) -> str:
    flag = say(lang, FLAGS[item.state]) if item.state in FLAGS else item.state.upper()
    return f"  {flag}  {day_in(lang, item.date)}  " + say(
        lang, _("{title} ({handbook}): {basis}"), title=item.title, handbook=item.handbook,
        basis=item.basis_in(lang))


def unread_line(lang: str, path: str) -> str:
    return "  " + say(lang, _("NOT READ  {path}: holds no commitment, so it is left out of "
                              "the totals, the documents and the site (`ogpctl check` says "
                              "why)"), path=path)


def requirements_heading(lang: str) -> str:
    return say(lang, _("Minimum requirements"))


def no_plan(lang: str) -> str:
    return say(lang, _("The record has no action plan yet: start one with `ogpctl new-plan`."))


def no_plan_read(lang: str) -> str:
    """No plan could be read, though the record has some: fix them, not start another."""
    return say(lang, _("No action plan could be read: fix the files named above (`ogpctl "
                       "check` says why) rather than start a new plan."))


def commitment_columns(lang: str) -> tuple[str, ...]:
    return ("#", say(lang, _("commitment")), say(lang, _("progress")), "",
            say(lang, _("colour")), say(lang, _("milestones")))


def share_words(lang: str, share: float | None) -> str:
    if share is None:
        return "-"
    if lang == "en":
        return f"{share:.0%}"
    from ogpctl.base.i18n import Language

    return Language(lang).percent(round(share, 2))


def colour_word(lang: str, colour: str) -> str:
    return say(lang, COLOUR_WORDS[colour]) if colour in COLOUR_WORDS else colour


def set_aside_line(lang: str, item: CommitmentStatus) -> str:
    """A self-assessment's rating that is not the colour shown (`Rollup.set_aside`), as the
    website says it (`ogpctl.site.plans.set_aside_note`): it no longer speaks for the day,
    or it differs from the milestones with no reason."""
    rating = colour_word(lang, item.rating)
    if item.assessed:
        said = say(lang, _("The self-assessment of {date} rated it {rating}."),
                   date=day_in(lang, item.assessed), rating=rating)
    else:
        said = say(lang, _("The self-assessment rated it {rating}."), rating=rating)
    why = _UNREASONED if item.set_aside == UNREASONED else _LAPSED
    note = f"{said} {say(lang, why, colour=colour_word(lang, item.colour))}"
    return "  " + say(lang, _("commitment {number}: {note}"),
                      number=number_in(lang, item.number), note=note)


def withdrawn_line(lang: str, item: CommitmentStatus) -> str:
    """A withdrawn commitment's amendment, as its documents and the website say it."""
    if item.withdrawn_on is None:
        note = say(lang, _("Withdrawn: every milestone is withdrawn; plan.yaml records no "
                           "amendment for it."))
    elif item.withdrawn_why:
        note = say(lang, _("Withdrawn by the amendment of {date}: {summary}"),
                   date=day_in(lang, item.withdrawn_on), summary=item.withdrawn_why)
    else:
        note = say(lang, _("Withdrawn by the amendment of {date}."),
                   date=day_in(lang, item.withdrawn_on))
    return "  " + say(lang, _("commitment {number}: {note}"),
                      number=number_in(lang, item.number), note=note)


_UNREASONED = _("The report gives no reason for differing from the milestones, which give "
                "{colour}: their colour is shown.")
_LAPSED = _("The milestones now give {colour}: the report no longer speaks for the plan's "
            "progress.")


def milestone_counts(lang: str, item: CommitmentStatus) -> str:
    return joined(lang, (say_count(lang, *MILESTONE_COUNTS[s], n) if s in MILESTONE_COUNTS
                         else f"{number_in(lang, n)} {s.replace('-', ' ')}"
                         for s, n in item.milestones.items()))


def requirement_width(lang: str) -> int:
    """The width of the requirements' labels column in `lang` (48 in English)."""
    return max(48, *(len(say(lang, label)) + 1 for label in REQUIREMENTS.values()))


def requirement_label(lang: str, code: str) -> str:
    return say(lang, REQUIREMENTS[code]) if code in REQUIREMENTS else code


def verdict(lang: str, item: Requirement) -> str:
    due = item.facts.get("due")
    if item.state == "not-yet-due" and isinstance(due, date):
        return say(lang, _("not yet due (by {day})"), day=day_in(lang, due))
    return say(lang, VERDICTS[item.state]) if item.state in VERDICTS else item.state


#: Facts a verdict rests on, said with their unit: a plural message by count ...
_COUNTS = {"gap": n_("longest gap {count} day", "longest gap {count} days"),
           "days": n_("open up to {count} day", "open up to {count} days"),
           "meetings": n_("{count} meeting", "{count} meetings"),
           "files": n_("{count} file in evidence/process", "{count} files in evidence/process"),
           "other": n_("{count} other evidence file, not counted",
                       "{count} other evidence files, not counted"),
           "activities": n_("{count} activity", "{count} activities"),
           "participants": n_("{count} participant", "{count} participants"),
           "mechanisms": n_("{count} mechanism", "{count} mechanisms"),
           "contributions": n_("{count} contribution", "{count} contributions"),
           "years": n_("{count} implementation year", "{count} implementation years")}
#: ... or a sentence with the value.
_FACTS = {"rules": _("rules public: {value}"), "government": _("government: {value}"),
          "civil_society": _("civil society: {value}"), "url": "{value}",
          "published": _("published {value}"), "development": _("development starts {value}"),
          "deadline": _("publish by {value}"), "answered": _("{value} answered"),
          "met": _("{value} with two meetings")}


def _value(lang: str, value: object) -> str:
    if isinstance(value, bool):
        return say(lang, _("yes") if value else _("no"))
    if isinstance(value, date):
        return day_in(lang, value)
    if isinstance(value, int):
        return number_in(lang, value)
    return str(value)


def _fact(lang: str, key: str, value: object) -> str:
    if key in _COUNTS and isinstance(value, int) and not isinstance(value, bool):
        return say_count(lang, *_COUNTS[key], value)
    if key in _FACTS:
        return say(lang, _FACTS[key], value=_value(lang, value))
    return f"{key.replace('_', ' ')}: {_value(lang, value)}"


def _meetings(lang: str, facts: dict[str, object]) -> list[str]:
    """1.1's meetings in words: "3 meetings since DAY", or with none "no meeting yet", "no
    meeting in the N days since co-creation started on DAY", saying when the last one before
    it was held."""
    count, gap, start, last, undated = (facts.pop(k, None) for k in (
        "meetings", "gap", "start", "last", "undated"))
    if not isinstance(count, int):
        return []
    if count:
        found = [say_count(lang, *_MEETINGS_SINCE, count, day=_value(lang, start))]
        return found + ([say_count(lang, *_COUNTS["gap"], gap)] if isinstance(gap, int) else [])
    if not isinstance(gap, int):
        return [say(lang, NO_MEETING_YET)]   # co-creation has not started
    if isinstance(last, date):
        return [say_count(lang, *(_NO_MEETING_UNDATED_LAST if undated else
                                  _NO_MEETING_SINCE_LAST), gap, day=_value(lang, start),
                          last=day_in(lang, last))]
    return [say_count(lang, *(_NO_MEETING_UNDATED if undated else _NO_MEETING_SINCE_START),
                      gap, day=_value(lang, start))]


def facts(lang: str, item: Requirement) -> str:
    """The facts a verdict rests on, in one line ("no meeting yet, rules public: no"); the
    day it is due by is said with the verdict."""
    shown: dict[str, object] = {k: v for k, v in item.facts.items() if k != "due"}
    first = _meetings(lang, shown) if item.code == "1.1" else []
    return joined(lang, first + [_fact(lang, k, v) for k, v in shown.items()
                                 if v not in ("", None)])


def as_of(lang: str, today: date) -> str:
    return say(lang, _("as of {day}"), day=day_in(lang, today))


# -- files check cannot read (ogpctl.cli.unusable) -------------------------------------------

def invalid_line(lang: str, finding: str) -> str:
    """A file `check` reports as unreadable or invalid: `finding` is check's own words
    (file:line:col, code, message), which are English."""
    return "  " + say(lang, _("INVALID  {finding}"), finding=finding)


def invalid_note(lang: str) -> str:
    return "  " + say(lang, _("(shown here as read, where they could be; `site`, `render` and "
                              "`index` refuse them until they are fixed)"))


def left_out_line(lang: str, plan: str, codes: str) -> str:
    """A plan whose plan.yaml cannot be used, left out of the screen; `codes` are the
    findings' codes, empty when the file holds no plan."""
    return "  " + say(lang, _("LEFT OUT  plan {plan}: its plan.yaml cannot be used ({why}), so "
                              "its stage and the dates its calendar gives are not known until "
                              "it is fixed"), plan=plan,
                      why=codes or say(lang, _("it holds no plan")))

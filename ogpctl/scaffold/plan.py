"""`ogpctl new-plan`: a plan folder dated by the OGP calendar."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ogpctl.base.errors import RecordWriteError, UsageError
from ogpctl.record import cycle as cal
from ogpctl.record.kinds import SECTIONS, is_slug
from ogpctl.record.model import Plan, Record
from ogpctl.record.text import translations
from ogpctl.scaffold.files import FileSet, Outcome
from ogpctl.scaffold.templating import guide, guide_texts, render, schema_line

WINDOWS = ("june", "december")
LENGTHS = (2, 4)
#: Co-creation needs months: a plan is suggested for a due date at least this far ahead.
LEAD_MONTHS = 8


@dataclass(frozen=True)
class PlanAnswers:
    window: str
    due_year: int
    length: int
    plan_id: str | None = None

    def validate(self) -> PlanAnswers:
        if self.window not in WINDOWS:
            raise UsageError(f"--window {self.window!r}: give june or december")
        if self.length not in LENGTHS:
            raise UsageError(f"--length {self.length}: action plans last 2 or 4 years")
        if not 2011 <= self.due_year <= 9990:
            raise UsageError(f"--due-year {self.due_year}: give a year such as 2027")
        if self.plan_id is not None and not is_slug(self.plan_id):
            raise UsageError(f"--id {self.plan_id!r}: use lowercase letters, digits and "
                             "hyphens, such as 2027-2031")
        return self

    @property
    def dates(self) -> cal.PlanDates:
        return cal.plan_dates(self.window, self.due_year, self.length)

    @property
    def ident(self) -> str:
        return self.plan_id or f"{self.dates.due.year}-{self.dates.end.year}"


@dataclass
class PlanResult:
    plan_id: str
    dates: cal.PlanDates
    outcome: Outcome


def suggest(record: Record, today: date) -> PlanAnswers:
    """The plan that follows the latest one (same window and length, due when it ends), or
    for a first plan the next two-year plan due at least LEAD_MONTHS from today."""
    dated = [(d, p) for p in record.plans if (d := p.dates()) is not None]
    if dated:
        dates, plan = max(dated, key=lambda item: item[0].end)
        window = plan.fields["window"] if plan.fields.get("window") in WINDOWS else "december"
        return PlanAnswers(window, dates.end.year, plan.fields.get("length", 2))
    earliest = cal.add_months(today, LEAD_MONTHS)
    year, window = earliest.year, "june" if earliest <= date(earliest.year, 6, 30) else "december"
    return PlanAnswers(window, year, 2)


def overlapping(record: Record, dates: cal.PlanDates) -> list[tuple[Plan, cal.PlanDates]]:
    """Plans whose implementation period (due date to end) overlaps the new one's, with
    their dates."""
    found = []
    for plan in record.plans:
        other = plan.dates()
        if other is not None and dates.due < other.end and other.due < dates.end:
            found.append((plan, other))
    return found


def title_of(record: Record, languages: tuple[str, ...], period: str) -> dict[str, str]:
    """The plan's title in each language that has the country's name in ogp.yaml; a
    language without it is left to write (a name in another language would be wrong)."""
    country = translations(record.ogp.fields.get("country") if record.ogp else None,
                           record.languages.default)
    titles = {}
    for lang, pattern in guide("plan-title", languages):
        if lang not in country:
            continue
        text = pattern.replace("{country}", country[lang]).replace("{period}", period)
        titles[lang] = re.sub(r"\s+", " ", text.strip(" –-")).strip()
    return titles


#: A proposed stage: (id, first day, last day), the days None when left to the user.
Stage = tuple[str, date | None, date | None]


def proposed_stages(due: date, today: date) -> tuple[list[Stage], str]:
    """The co-creation stages `new-plan` writes (handbook 2.1) and the guide key that says
    how they were dated. Backwards from the due date (`cycle.cocreation_stages`) while they
    all lie ahead; else from today to the due date, each in proportion to its usual length
    (planning and outreach given the two weeks' notice of the timeline when the days allow
    it, minimum requirement 3.1), since a day already past would claim the stage has begun;
    undated when the due date leaves less than a day a stage (a plan recorded after its
    co-creation)."""
    usual = cal.cocreation_stages(due)
    if usual[0][1] >= today:
        return list(usual), "stages"
    days = (due - today).days + 1
    if days < len(usual):
        return [(stage, None, None) for stage, _, _ in usual], "stages-undated"
    weights = [length for _, length in cal.COCREATION_STAGES]
    lengths = shares(weights, days)
    notice = cal.TIMELINE_NOTICE.days     # before development, the second stage's end
    if lengths[0] + lengths[1] < notice and days >= notice + len(weights) - 2:
        lengths = shares(weights[:2], notice) + shares(weights[2:], days - notice)
    stages: list[Stage] = []
    start = today
    for (stage, _, _), length in zip(usual, lengths, strict=True):
        stages.append((stage, start, start + timedelta(days=length - 1)))
        start += timedelta(days=length)
    return stages, "stages-from-today"


def shares(weights: list[int], days: int) -> list[int]:
    """`days` split in proportion to `weights`, at least a day each (len(weights) <= days),
    the rounding given to or taken from the longest."""
    lengths = [max(1, round(weight * days / sum(weights))) for weight in weights]
    while sum(lengths) != days:
        step = 1 if sum(lengths) < days else -1
        longest = lengths.index(max(lengths))
        lengths[longest] += step
    return lengths


def plan_files(record: Record, answers: PlanAnswers, schemas: str, today: date) -> FileSet:
    dates = answers.dates
    plan_id = answers.ident
    languages = record.languages.required
    base = f"plans/{plan_id}"
    stage_titles = guide_texts().get("stage-titles", {})
    proposed, dated = proposed_stages(dates.due, today)
    stages = [{"id": stage, "starts": starts or "", "ends": ends or "",
               "title": dict(guide(f"stage-titles.{stage}", languages))
               if stage in stage_titles else {}}
              for stage, starts, ends in proposed]
    development = next(starts for stage, starts, _ in proposed if stage == "development")
    common = dict(plan_id=plan_id, languages=languages)
    files = FileSet(record.root)

    def add(name: str, kind: str, **values) -> None:
        rel = f"{base}/{name}"
        files.add(rel, render(f"plan/{name}.j2", schema_line=schema_line(schemas, kind, rel),
                              **common, **values))

    add("plan.yaml", "plan", title=title_of(record, languages,
                                           f"{dates.due.year}-{dates.end.year}"),
        window=answers.window, due_year=answers.due_year, length=answers.length, dates=dates)
    add("co-creation.yaml", "co-creation", stages=stages, due=dates.due, today=today,
        weeks=sum(length for _, length in cal.COCREATION_STAGES) // 7,
        stages_guide=f"plan-files.co-creation.{dated}",
        publish_by=cal.timeline_publish_by(development) if development else None)
    add("contributions.yaml", "contributions")
    for section in SECTIONS:
        for lang in languages:
            heading = dict(guide(f"section-titles.{section}", (lang,)))
            questions = dict(guide(f"sections.{section}", (lang,)))
            files.add(f"{base}/sections/{section}.{lang}.md", render(
                "plan/section.md.j2", heading=heading.get(lang) or heading.get("en", section),
                questions=_lines(questions.get(lang) or questions.get("en", ""))))
    files.folder(f"{base}/commitments")
    files.folder(f"{base}/evidence/process")
    return files


def _lines(text: str) -> list[str]:
    """The guide text one sentence or question a line (wrapped), safe inside a comment."""
    lines = []
    for sentence in re.split(r"(?<=[.?؟])\s+", text.replace("--", "- -")):
        lines.extend(textwrap.wrap(sentence, 95, break_on_hyphens=False))
    return lines


def new_plan(record: Record, answers: PlanAnswers, schemas: str, today: date,
             force: bool = False) -> PlanResult:
    """Write plans/<id>/ for `answers`; refuses an existing plan, and (unless `force`) a
    plan whose period overlaps another's."""
    answers.validate()
    plan_id = answers.ident
    if (record.root / "plans" / plan_id / "plan.yaml").exists():
        raise RecordWriteError(f"plans/{plan_id}/plan.yaml exists already; nothing was written "
                               "(choose another --id)")
    clash = overlapping(record, answers.dates)
    if clash and not force:
        names = ", ".join(f"{p.id} ({other.due} to {other.end})" for p, other in clash)
        raise UsageError(f"plan {plan_id} ({answers.dates.due} to {answers.dates.end}) "
                         f"overlaps {names}; give --force to create it anyway")
    outcome = plan_files(record, answers, schemas, today).write()
    return PlanResult(plan_id, answers.dates, outcome)


def record_schemas(root: Path) -> str:
    """Where the record's schema lines point: the folder (or address) named in ogp.yaml's
    schema line, relative to the record; `schemas` when it has none."""
    try:
        first = (root / "ogp.yaml").read_text(encoding="utf-8").split("\n", 1)[0]
    except (OSError, UnicodeDecodeError):
        return "schemas"
    match = re.fullmatch(r"#\s*yaml-language-server:\s*\$schema=(\S+)/ogp\.schema\.json\s*",
                         first)
    if not match:
        return "schemas"
    target = match.group(1)
    if re.match(r"https?://", target) or not target.startswith("/"):
        return target
    return "schemas"

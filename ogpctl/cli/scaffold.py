"""`ogpctl init`, `ogpctl new-plan` and `ogpctl new-commitment`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ogpctl.cli.application import app
from ogpctl.cli.options import HERE, Record, Today, choice, metavar

if TYPE_CHECKING:
    from ogpctl.scaffold.files import Outcome

#: The delivery windows of the OGP calendar (handbook 3.1) and the kinds of commitment.
WINDOWS = ("june", "december")
KINDS = ("regular", "challenge", "local")


def _capitalised(names: tuple[str, ...]) -> dict[str, str]:
    return {spelt: name for name in names for spelt in (name.capitalize(), name.upper())}


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask(value: str | None, question: str, default: str | None = None) -> str | None:
    """`value` when given; else the answer to `question` when a person is at the terminal;
    else `default`. An empty answer keeps the default."""
    if value is not None or not interactive():
        return value if value is not None else default
    answer = typer.prompt(question, default=default or "", show_default=bool(default))
    return answer.strip() or default


def report(outcome: Outcome, base: Path) -> None:
    for rel in outcome.created:
        typer.echo(f"  created  {rel}")
    for rel in outcome.kept:
        typer.echo(f"  kept     {rel} (it exists; not changed)")


@app.command()
def init(
    directory: Path = typer.Argument(..., metavar="DIR",
                                     help="The folder of the new record (made if missing)."),
    country: list[str] | None = typer.Option(None, "--country", metavar="[LANG=]NAME",
                                             help="The country's name in a language, such "
                                                  "as es=República de Chile; repeat it for "
                                                  "each language. A name without a code is "
                                                  "in the default language."),
    iso_code: str | None = typer.Option(None, "--iso-code", metavar="CODE",
                                        help="ISO 3166-1 code, such as CL."),
    languages: str | None = typer.Option(None, "--languages", metavar="LANG,...",
                                         help="Language codes, the default language first, "
                                              "such as es,en (default: en). English is "
                                              "always added."),
    lead_agency: str | None = typer.Option(None, "--lead-agency", metavar="NAME",
                                           help="The name of the agency that leads the OGP "
                                                "process."),
    contact_name: str | None = typer.Option(None, "--contact-name", metavar="NAME",
                                            help="The point of contact's name."),
    contact_email: str | None = typer.Option(None, "--contact-email", metavar="EMAIL",
                                             help="The point of contact's email."),
) -> int:
    """Create a country record: ogp.yaml, stakeholders.yaml, forum/, the JSON Schemas for
    editors, .gitignore, a CI workflow that runs `ogpctl check --format github` on pull
    requests and a pre-commit config; `git init` when the folder is not in a repository.
    The comments are in every record language. Answers not given as options (the country's
    name in each record language among them) are asked when run at a terminal, else left
    empty for `ogpctl check` to list."""
    from ogpctl.scaffold.record import (
        RecordAnswers,
        check_text,
        init_record,
        labels_note,
        parse_languages,
        without_labels,
    )

    codes = parse_languages(ask(languages, "Languages, the default first (such as es,en)",
                                "en") or "en")
    answers = RecordAnswers(
        country=_country_names(country or [], codes),
        iso_code=ask(iso_code, "ISO 3166-1 code (such as CL)"),
        languages=codes,
        lead_agency=check_text(ask(lead_agency, "Lead agency"), "--lead-agency"),
        contact_name=check_text(ask(contact_name, "Point of contact's name"), "--contact-name"),
        contact_email=_email(ask(contact_email, "Point of contact's email")),
    )
    result = init_record(directory, answers)
    if result.created_repository:
        typer.echo(f"Initialised a git repository in {result.repository}")
    typer.echo(f"New OGP record in {directory}:")
    report(result.outcome, directory)
    for code in without_labels(codes):
        typer.echo(f"note: {labels_note(code)}")
    typer.echo("Next: fill in the empty fields (`ogpctl check` lists them), then "
               "`ogpctl new-plan`.")
    return 0


def _email(value: str | None) -> str | None:
    """An email address as the schema takes one (the site makes a mailto: link of it)."""
    from ogpctl.base.errors import UsageError
    from ogpctl.record.model import as_email
    from ogpctl.scaffold.record import check_text

    text = check_text(value, "--contact-email")
    if text and as_email(text.strip()) is None:
        raise UsageError(f"--contact-email {text!r} is not an email address: write only the "
                         "address, such as ogp@example.gov")
    return text.strip() if text else text


def _country_names(values: list[str], languages: list[str]) -> dict[str, str]:
    """The names given with --country, and at a terminal the name in each other record
    language (English first after the default: the plan's title needs each)."""
    from ogpctl.record.text import language_name
    from ogpctl.scaffold.record import check_text, parse_country, record_languages

    names = parse_country(values, languages)
    for lang in dict.fromkeys([languages[0], *record_languages(languages)]):
        if lang not in names:
            answer = ask(None, f"Country name in {language_name(lang)}")
            if answer:
                names[lang] = check_text(answer, "--country") or ""
    return names


def _number_or(value: str | None, option: str, default: int) -> int:
    """The whole number given (or answered), else `default` (the suggestion)."""
    number = _number(value, option)
    return default if number is None else number


def _number(value: str | None, option: str) -> int | None:
    from ogpctl.base.errors import UsageError

    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a whole number") from None


@app.command("new-plan")
def new_plan(
    *,
    window: str | None = typer.Option(None, "--window", metavar=metavar(WINDOWS),
                                      parser=choice(WINDOWS, _capitalised(WINDOWS)),
                                      help="june (due June 30) or december (due December "
                                           "31)."),
    due_year: str | None = typer.Option(None, "--due-year", metavar="YEAR",
                                        help="The year the plan is due, such as 2027."),
    length: str | None = typer.Option(None, "--length", metavar="2|4", help="2 or 4 years."),
    plan_id: str | None = typer.Option(None, "--id", metavar="PLAN", help="The plan's folder name. "
                                          "Default: due year and end year, such as 2027-2031."),
    force: bool = typer.Option(False, "--force", help="Create the plan even when its period "
                               "overlaps another plan's."),
    record_path: Record = HERE,
    today: Today,
) -> int:
    """Scaffold plans/<id>/: plan.yaml with the dates of the OGP calendar, a co-creation
    timeline dated backwards from the due date (from today when that is nearer than the
    usual stages take), section files in every record language,
    contributions.yaml, commitments/ and evidence/process/. What is not given is asked at a
    terminal, else the plan following the latest one is taken."""
    from ogpctl.cli.options import record_at
    from ogpctl.scaffold.plan import PlanAnswers, record_schemas, suggest
    from ogpctl.scaffold.plan import new_plan as make

    record = record_at(record_path, editing=True)
    guess = suggest(record, today)
    answers = PlanAnswers(
        window=(ask(window, "Window (june or december)", guess.window) or "").lower(),
        due_year=_number_or(ask(due_year, "Due year", str(guess.due_year)), "--due-year",
                            guess.due_year),
        length=_number_or(ask(length, "Length in years (2 or 4)", str(guess.length)),
                          "--length", guess.length),
        plan_id=plan_id)
    result = make(record, answers, record_schemas(record.root), today, force=force)
    dates = result.dates
    typer.echo(f"New plan {result.plan_id}: due {dates.due} (delivery {dates.window_opens} "
               f"to {dates.window_closes}), ends {dates.end}.")
    report(result.outcome, record.root)
    typer.echo(f"Next: `ogpctl new-commitment {result.plan_id} TITLE`, and "
               "`ogpctl deadlines` for the calendar.")
    return 0


@app.command("new-commitment")
def new_commitment(
    plan: str = typer.Argument(..., metavar="PLAN", help="The plan's id, such as 2027-2031."),
    title: str = typer.Argument(..., metavar="TITLE",
                                help="The commitment's name, in the record's default "
                                     "language."),
    *,
    kind: str = typer.Option("regular", "--kind", metavar=metavar(KINDS),
                             parser=choice(KINDS, _capitalised(KINDS)),
                             help="regular, challenge or local."),
    number: str | None = typer.Option(None, "--number", metavar="NUMBER",
                                      help="Its number. Default: the "
                                           "next free one."),
    record_path: Record = HERE,
    today: Today,
) -> int:
    """Scaffold a commitment in the handbook's template (3.2.c), with its guide questions as
    comments in each record language, one empty milestone, and its evidence folder."""
    from ogpctl.cli.options import record_at
    from ogpctl.scaffold.commitment import new_commitment as make
    from ogpctl.scaffold.plan import record_schemas
    from ogpctl.scaffold.record import check_text

    record = record_at(record_path, editing=True)
    result = make(record, plan, check_text(title, "TITLE") or "", record_schemas(record.root),
                  today, kind=kind.lower(), number=_number(number, "--number"))
    typer.echo(f"New commitment {result.number} in plan {plan}:")
    report(result.outcome, record.root)
    if result.delivered is not None:
        from ogpctl.scaffold.commitment import amendment_note
        typer.echo(amendment_note(plan, result.delivered))
    typer.echo("Next: answer the guide questions in the file; `ogpctl check` lists what is "
               "still empty.")
    return 0

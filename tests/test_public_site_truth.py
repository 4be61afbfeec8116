"""The website says what is true today and says all of it (a new user's H5, H6, H7): a
self-assessment's rating is the public colour only while it speaks for the day; what the
plan has missed is on its page; what became of each contribution can be found."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from ogpctl.domain.obligations import FAILED, obligations
from ogpctl.domain.rollup import LAPSED, UNREASONED, rollup
from ogpctl.record.load import load_record
from ogpctl.render import Request, render_bytes
from ogpctl.site import build_site
from tests.conftest import new_plan_record
from tests.test_public_truth import CLOSED, SA, TODAY, commitment_of, copy
from tests.test_site_search import fragment
from tests.test_site_truth import replace, site, text

# -- H5: a yearly self-assessment speaks for its date, not for ever ------------------------

def yearly_green(record: Path) -> None:
    """The 2023-2025 report becomes a yearly one of 1 September 2024 that rates commitment 2
    (milestone 1 of 4 completed by then; milestones due 2025-06-30 and later) green."""
    replace(record / SA, "prepared: 2026-02-20\nkind: end-of-term\n",
            "prepared: 2024-09-01\nkind: yearly\n")
    replace(record / SA, "  - commitment: beneficial-ownership\n    rating: amber\n",
            "  - commitment: beneficial-ownership\n    rating: green\n")


def test_a_yearly_rating_speaks_until_a_milestone_falls_due_after_it(tmp_path: Path) -> None:
    record = copy(tmp_path, yearly_green)
    _, _, item = commitment_of(record, "2023-2025", 2)
    early = rollup(item, date(2025, 6, 30))
    assert (early.colour, early.set_aside) == ("green", "")
    later = rollup(item, date(2025, 7, 1))          # milestone 2.2 fell due on 2025-06-30
    assert (later.colour, later.rating, later.set_aside) == \
        (later.milestone_colour, "green", LAPSED)
    assert later.milestone_colour != "green"


def test_a_closed_plans_result_is_not_a_yearly_rating(tmp_path: Path) -> None:
    pages = site(tmp_path, TODAY, yearly_green)
    for name in (f"en/{CLOSED}/index.html", f"en/{CLOSED}/dashboard.html"):
        seen = text(pages[name])
        assert "Amber: Limited progress The self-assessment of September 1, 2024 rated it " \
               "Green: Completed or substantial progress. The milestones now give Amber: " \
               "Limited progress: the report no longer speaks for the plan's progress." \
               in seen, name
    spanish = text(pages[f"es/{CLOSED}/index.html"])
    assert "La autoevaluación del 1 de septiembre de 2024 le dio" in spanish


def test_an_end_of_term_rating_still_speaks_for_the_closed_plan(tmp_path: Path) -> None:
    _, _, item = commitment_of(copy(tmp_path), "2023-2025", 2)
    result = rollup(item, date(2031, 1, 1))
    assert (result.colour, result.set_aside, result.assessed) == \
        ("amber", "", date(2026, 2, 20))


def unreasoned_amber(record: Path) -> None:
    """Commitment 3 (every milestone completed: green) rated amber with no reason."""
    replace(record / SA, "  - commitment: access-to-information-appeals\n    rating: green\n"
            "    rating-reason:\n      en: All 3 milestones completed.\n"
            "      es: Los 3 hitos se completaron.\n",
            "  - commitment: access-to-information-appeals\n    rating: amber\n")


def test_a_rating_without_a_reason_is_not_the_headline(tmp_path: Path) -> None:
    record = copy(tmp_path, unreasoned_amber)
    _, _, item = commitment_of(record, "2023-2025", 3)
    result = rollup(item, TODAY)
    assert (result.colour, result.rating, result.set_aside) == ("green", "amber", UNREASONED)
    seen = text(site(tmp_path / "site", TODAY, unreasoned_amber)[f"en/{CLOSED}/index.html"])
    assert "Green: Completed or substantial progress The self-assessment of February 20, " \
           "2026 rated it Amber: Limited progress. The report gives no reason for differing " \
           "from the milestones, which give Green: Completed or substantial progress: their " \
           "colour is shown." in seen
    report = render_bytes(load_record(record), Request("self-assessment", "2023-2025", "en"),
                          "md", TODAY)
    assert b"**Amber: Limited progress**" in report    # the report prints its own rating
    assert b"reason for the difference: none given." in report


# -- H6: what the plan has failed is on its page and beside its stage -----------------------

def delivered_four_year_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """A new user's four-year plan 2025-2029, delivered in June 2025: its refreshed plan
    was due on 31 December 2027 (six months after the two-year mark)."""
    record = new_plan_record(capsys, tmp_path, due_year="2025", today="2025-01-10")
    plan = record / "plans" / "2025-2029" / "plan.yaml"
    text_ = plan.read_text(encoding="utf-8")
    assert "\ndelivered:" in text_
    plan.write_text(re.sub(r"\ndelivered:[^\n]*", "\ndelivered: 2025-06-20", text_),
                    encoding="utf-8")
    return record


def test_the_plan_page_lists_what_is_overdue(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    record = delivered_four_year_plan(capsys, tmp_path)
    loaded = load_record(record)
    failed = [o for o in obligations(loaded, date(2028, 1, 10)) if o.state in FAILED]
    files = build_site(loaded, date(2028, 1, 10), formats=(), search=False)
    page = text(files["en/plans/2025-2029/index.html"].decode("utf-8"))
    assert f"{len(failed)} obligations overdue or missed" in page
    assert "December 31, 2027 overdue Refreshed plan due 2.3" in page
    assert "overdue Forum meeting minimum requirement 1.1" in page
    for item in failed:
        assert item.title in page, item.title
    spanish = text(files["es/plans/2025-2029/index.html"].decode("utf-8"))
    assert "31 de diciembre de 2027 vencida Fecha límite del plan revisado" in spanish
    assert "In its four-year refresh · The refreshed plan was due on December 31, 2027 and " \
           "is not delivered · " in page
    assert "El plan actualizado debía entregarse el 31 de diciembre de 2027 y no se ha " \
           "entregado" in text(files["es/index.html"].decode("utf-8"))
    home = files["en/index.html"].decode("utf-8")
    assert f'href="plans/2025-2029/index.html#overdue">{len(failed)} obligations overdue ' \
           'or missed</a>' in home


# -- H7: what became of a contribution can be searched, in every language -----------------

YOUTH = """  - id: youth-budget
    received: 2026-02-20
    from: {person: Juana Pérez Secret, sector: civil-society}
    channel: online-consultation
    summary:
      en: A youth quota in participatory budgets.
      es: Un cupo juvenil en los presupuestos participativos.
    decision: reject
    response:
      en: 'Not included: the municipalities set their own quotas by ordinance.'
      es: 'No se incluye: los municipios fijan sus propios cupos por ordenanza.'
    responded: 2026-04-24
"""


def youth_quota(record: Path) -> None:
    path = record / "plans/2026-2030/contributions.yaml"
    replace(path, "contributions:\n", "contributions:\n" + YOUTH)


def test_contributions_and_their_answers_are_a_searchable_page(tmp_path: Path) -> None:
    record = copy(tmp_path, youth_quota)
    files = build_site(load_record(record), TODAY, formats=())
    for lang, words in (("en", ("A youth quota in participatory budgets.",
                                "Not included: the municipalities set their own quotas")),
                        ("es", ("Un cupo juvenil en los presupuestos participativos.",
                                "No se incluye: los municipios fijan sus propios cupos"))):
        url = f"/{lang}/plans/2026-2030/contributions.html"
        indexed = fragment(files, url)
        for said in words:
            assert said in indexed, (lang, said)
        page = files[url[1:]].decode("utf-8")
        assert "Juana" not in page and "Secret" not in indexed     # no private person named
        plan = files[f"{lang}/plans/2026-2030/index.html"].decode("utf-8")
        assert 'href="contributions.html"' in plan
        assert 'href="plans/2026-2030/contributions.html"' in \
            files[f"{lang}/participate.html"].decode("utf-8")
    english = text(files["en/plans/2026-2030/contributions.html"].decode("utf-8"))
    assert "Not included A youth quota in participatory budgets Received February 20, 2026, " \
           "online consultation from a person whose name is not published (Civil society)" \
           in english

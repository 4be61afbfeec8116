"""An amended plan says so in public (a newuser3 G8; handbook 2.2: the government "must
send an updated version that clearly outlines all changes"): the action plan and the
website's plan page list each amendment plan.yaml records (date and summary, marked when
shown in another language), a re-dated milestone shows the date it had at delivery (the
submitted/<plan> tag's version), and the site offers the amendment note."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from ogpctl.record.load import load_record
from ogpctl.render import Request, render_bytes
from ogpctl.site import build_site
from tests.conftest import run
from tests.test_render import amend, delivered_record, docx_dump

DAY = date(2027, 10, 1)
PLAN = "2027-2031"
AMENDMENTS = ("amendments:\n  - date: 2027-09-15\n    summary:\n"
              "      es: El hito 1.1 se pospone seis meses por la licitación.\n")


@pytest.fixture
def amended(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = delivered_record(capsys, tmp_path, monkeypatch)
    amend(target, capsys)
    plan = target / f"plans/{PLAN}/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + AMENDMENTS, encoding="utf-8")
    return target


def flat(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>|\*\*|\*|\|", " ", text).split())


@pytest.mark.parametrize("lang, said", [
    ("en", ["Amendments to this action plan", "amended once after its delivery",
            "Amendment of September 15, 2027",
            "Not yet translated into English; shown in Spanish.",
            "El hito 1.1 se pospone seis meses por la licitación.",
            "December 31, 2028 Originally June 30, 2028 (amended)"]),
    ("es", ["Enmiendas a este plan de acción", "se enmendó una vez después de su entrega",
            "Enmienda del 15 de septiembre de 2027",
            "El hito 1.1 se pospone seis meses por la licitación.",
            "31 de diciembre de 2028 Originalmente 30 de junio de 2028 (enmendada)"]),
])
@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_the_action_plan_outlines_its_amendments(amended: Path, lang: str, said: list[str],
                                                 fmt: str) -> None:
    data = render_bytes(load_record(amended), Request("action-plan", PLAN, lang), fmt, DAY)
    text = flat(data.decode() if fmt == "md" else docx_dump(data).replace("/", " "))
    for words in said:
        assert words in text, words


def test_a_plan_never_amended_says_nothing_of_amendments(capsys, tmp_path: Path,
                                                          monkeypatch) -> None:
    target = delivered_record(capsys, tmp_path, monkeypatch)
    text = render_bytes(load_record(target), Request("action-plan", PLAN, "en"), "md",
                        DAY).decode()
    assert "amend" not in text.lower() and "Originally" not in text


def test_the_plan_page_lists_the_amendments_and_links_the_note(amended: Path) -> None:
    files = build_site(load_record(amended), DAY, formats=("html",), search=False)
    page = files[f"en/plans/{PLAN}/index.html"].decode()
    text = flat(page)
    assert "Amendments to this action plan" in text
    assert "Amendment of September 15, 2027" in text
    assert "El hito 1.1 se pospone seis meses por la licitación." in text
    assert 'lang="es"' in page[page.index('id="amendments"'):]   # marked as Spanish
    note = f"documents/{PLAN}-amendment-note.en.html"
    assert note in files and f'href="../../../{note}"' in page
    assert "Changes since the plan was delivered on June 30, 2027." in flat(
        files[note].decode())
    commitment = next(v.decode() for k, v in files.items()
                      if k.startswith(f"en/plans/{PLAN}/commitments/"))
    assert "Originally June 30, 2028 (amended)" in flat(commitment)     # the template
    assert "December 31, 2028 (originally June 30, 2028)" in flat(commitment)   # the table


def test_a_site_without_git_history_lists_the_amendments_without_the_note(
        amended: Path, capsys, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(amended, copy, ignore=shutil.ignore_patterns(".git"))
    files = build_site(load_record(copy), DAY, formats=("html",), search=False)
    page = files[f"en/plans/{PLAN}/index.html"].decode()
    assert "Amendment of September 15, 2027" in flat(page)
    assert not any("amendment-note" in name for name in files)
    assert "Originally" not in flat(page)
    code, _, err = run(capsys, "render", "action-plan", "--plan", PLAN, "-C", copy, "-f", "md",
                       "-o", tmp_path / "out", "--today", "2027-10-01")
    assert code == 0, err


@pytest.fixture
def restructured(amended: Path, capsys) -> Path:
    """newuser5 N11: the amendment also deletes delivered milestone 1.2 and adds commitment 2."""
    path = amended / f"plans/{PLAN}/commitments/01-datos-abiertos.yaml"
    text, count = re.subn(r"  - number: 2\n(?:    .*\n)*?    status: withdrawn\n", "",
                          path.read_text(encoding="utf-8"))
    assert count == 1
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "new-commitment", "-C", amended, PLAN, "Transparencia legislativa")
    assert code == 0, err
    return amended


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_the_action_plan_lists_what_the_amendments_removed_and_added(restructured: Path,
                                                                     fmt: str) -> None:
    data = render_bytes(load_record(restructured), Request("action-plan", PLAN, "en"), fmt, DAY)
    text = flat(data.decode() if fmt == "md" else docx_dump(data).replace("/", " "))
    assert "Commitments and milestones changed since the plan was delivered" in text
    for words in ("Commitment 2 added: Transparencia legislativa", "Milestone 1.2 removed:",
                  "Milestone 1.3 added: Capacitar a los funcionarios",
                  "Milestone 1.1, completion date moved from June 30, 2028 to December 31, 2028:",
                  "This commitment was added to the plan by an amendment"):
        assert words in text, words
    assert text.count("This commitment was added to the plan by an amendment") == 1


def test_the_site_shows_what_the_amendments_removed_and_added(restructured: Path) -> None:
    files = build_site(load_record(restructured), DAY, formats=("html",), search=False)
    page = flat(files[f"en/plans/{PLAN}/index.html"].decode())
    assert "Milestone 1.2 removed:" in page
    assert "Commitment 2 added: Transparencia legislativa" in page
    pages = {k: flat(v.decode()) for k, v in files.items()
             if k.startswith(f"en/plans/{PLAN}/commitments/")}
    added = [k for k, v in pages.items() if "added to the plan by an amendment" in v]
    assert len(added) == 1 and "transparencia" in added[0], sorted(pages)
    top = pages[added[0]].split("Milestones")[0]    # said above the milestones, too
    assert "added to the plan by an amendment" in top


def test_open_data_gives_a_redated_milestones_original_due(amended: Path) -> None:
    """newuser5 N6: milestones.csv says the due date a milestone had at delivery."""
    import csv
    import io

    from ogpctl.site.exports import milestones_csv

    rows = list(csv.DictReader(io.StringIO(milestones_csv(load_record(amended), DAY).decode())))
    first = next(r for r in rows if r["commitment"] == "1" and r["milestone"] == "1")
    assert (first["due"], first["original-due"]) == ("2028-12-31", "2028-06-30")
    assert all(r["original-due"] == "" for r in rows if r is not first)

"""The website says what is true: a plan's stage, colours and totals come from one place
(`ogpctl.domain.stage`, `ogpctl.domain.rollup`) and mean what the handbook says; what it
publishes is only what the record accepts (new-user report F13, F5, F26, F22, F30)."""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ogpctl.record.load import load_record
from ogpctl.site import build_site
from tests.conftest import SAMPLE

PLAN = "sample-country/plans/2026-2030"
Edit = Callable[[Path], None]


def replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def site(tmp_path: Path, today: date, *edits: Edit) -> dict[str, str]:
    """The site's pages of a copy of the sample record after `edits` (no documents to
    download, no search index: these pages need neither)."""
    record = tmp_path / "record"
    shutil.copytree(SAMPLE, record, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    for edit in edits:
        edit(record)
    files = build_site(load_record(record), today, formats=(), search=False)
    return {name: data.decode("utf-8") for name, data in files.items()
            if name.endswith((".html", ".json"))}


def text(page: str) -> str:
    """What a reader sees: no tags, no SVG, entities decoded, spaces collapsed."""
    page = re.sub(r"<svg.*?</svg>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def undelivered(record: Path) -> None:
    replace(record / "plans/2026-2030/plan.yaml", "status: implementation\ndelivered: "
            "2026-06-24\n", "status: implementation\n")


# -- F13: a plan not delivered when its window closed is late, everywhere -----------------
def test_a_plan_whose_window_closed_is_shown_late(tmp_path: Path) -> None:
    pages = site(tmp_path, date(2026, 11, 23), undelivered)
    closed = "Not delivered: the delivery window closed on August 31, 2026"
    for name in ("en/plans/2026-2030/index.html", "en/plans/index.html",
                 "en/plans/2026-2030/dashboard.html"):
        seen = text(pages[name])
        assert closed in seen, name
        assert "In co-creation" not in seen.split("2023-2025")[0], name
    overview = text(pages["en/plans/2026-2030/index.html"])
    assert "handbook 3.1.a" in overview
    spanish = text(pages["es/plans/2026-2030/index.html"])
    assert "No entregado" in spanish and "31 de agosto de 2026" in spanish


def test_a_share_before_implementation_is_not_called_not_started(tmp_path: Path) -> None:
    pages = site(tmp_path, date(2026, 11, 23), undelivered)
    for name in ("en/plans/2026-2030/index.html", "en/plans/2026-2030/dashboard.html",
                 "en/plans/2026-2030/commitments/01-public-works-open-contracting.html"):
        seen = text(pages[name])
        assert "Not started yet" not in seen, name
        assert "Not rated before implementation" in seen, name
        assert 'class="badge red"' not in pages[name]


# -- F5: one milestone total on every page, withdrawn milestones apart ---------------------
def withdraw_one(record: Path) -> None:
    path = record / "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - number: 3\n")
    end = text.index("    status: ", start)
    line_end = text.index("\n", end)
    path.write_text(text[:end] + "    status: withdrawn" + text[line_end:], encoding="utf-8")


def test_one_milestone_total_with_the_withdrawn_apart(tmp_path: Path) -> None:
    pages = site(tmp_path, date(2026, 11, 23), withdraw_one)
    dashboard = text(pages["en/plans/2026-2030/dashboard.html"])
    totals = re.findall(r"(\d+) of (\d+) milestones completed", dashboard)
    assert totals and len(set(totals)) == 1, totals
    assert totals[0][1] == "25"
    assert "1 withdrawn" in dashboard
    for name in ("en/plans/2026-2030/index.html", "en/plans/index.html"):
        charts = re.findall(r'aria-label="(\d+) of (\d+) milestones', pages[name])
        assert ("3", "25") in charts and not any(c[1] == "26" for c in charts), name


# -- F26: a timeline not published is a draft; a closed way to send ideas is not current --
def unpublished_timeline(record: Path) -> None:
    replace(record / "plans/2026-2030/co-creation.yaml", "  published: 2026-01-12\n", "")


def test_take_part_marks_a_draft_timeline_and_closed_mechanisms(tmp_path: Path) -> None:
    pages = site(tmp_path, date(2026, 2, 1), unpublished_timeline)
    page = text(pages["en/participate.html"])
    new, old = page.split("2023-2025", 1)
    assert "Draft: this timeline is not published yet" in new
    assert "Draft:" not in old                       # published on 2023-06-12
    # the survey closes on 2026-03-13; the old plan's closed in 2023
    assert "Ways to send your ideas Online survey of ideas for the 2026-2030 plan" in new
    assert "Closed: no longer taking ideas" not in new
    assert "Closed: no longer taking ideas" in old and "Ways to send your ideas" not in old
    later = text(site(tmp_path / "later", date(2026, 11, 23))["en/participate.html"])
    assert "Ways to send your ideas" not in later
    assert "Draft:" not in later


# -- F22: a mailto: link only from an address the schema accepts ---------------------------
def unsafe_emails(record: Path) -> None:
    replace(record / "stakeholders.yaml", "email: lucia.mendoza@gobiernoabierto.veridia.example",
            "email: 'a@b.c?subject=x&bcc=spy@evil.example'")
    replace(record / "ogp.yaml", "email: lucia.mendoza@gobiernoabierto.veridia.example",
            "email: 'javascript:alert(1)//@x.org'")


def test_mailto_links_only_from_an_address(tmp_path: Path) -> None:
    pages = site(tmp_path, date(2026, 11, 23), unsafe_emails)
    for name in ("en/contacts.html", "es/contacts.html", "en/participate.html"):
        links = re.findall(r'href="(mailto:[^"]*)"', pages[name])
        assert not [link for link in links if "?" in link or "javascript" in link], links
    assert "mailto:despacho@gobiernoabierto.veridia.example" in pages["en/contacts.html"]
    assert "Write to the point of contact" in pages["en/participate.html"]


# -- a plan title in another language is marked in headings and links, not in <title> -----
def spanish_title_only(record: Path) -> None:
    replace(record / "plans/2026-2030/plan.yaml",
            "  en: Second National Open Government Action Plan of Veridia 2026-2030\n", "")


def test_a_plan_title_in_another_language_is_marked(tmp_path: Path) -> None:
    pages = site(tmp_path, date(2026, 11, 23), spanish_title_only)
    title = "Segundo Plan de Acción Nacional de Gobierno Abierto de Veridia 2026-2030"
    marked = f'<span lang="es" dir="ltr" class="untranslated">{title}</span>'
    for name in ("en/plans/2026-2030/index.html", "en/plans/2026-2030/dashboard.html",
                 "en/plans/2026-2030/evidence.html", "en/plans/index.html",
                 "en/participate.html", "en/documents.html", "en/updates.html",
                 "en/plans/2026-2030/commitments/01-public-works-open-contracting.html"):
        page = pages[name]
        assert marked in page, name
        head = page[page.index("<title>"):page.index("</title>")]
        assert "<span" not in head and "&lt;" not in head, (name, head)
    heading = pages["en/plans/2026-2030/index.html"]
    h1 = heading[heading.index("<h1>"):heading.index("</h1>")]
    assert marked in h1 and "untranslated-note" in h1
    spanish = pages["es/plans/2026-2030/index.html"]
    assert "untranslated" not in spanish[spanish.index("<h1>"):spanish.index("</h1>")]


# -- F30: the forum's role column; open data without the writers' comments ------------
def commented_section(record: Path) -> None:
    path = record / "plans/2026-2030/sections/introduction.en.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n<!-- writers' note: check the "
                    "figures -->\n\n```\n<!-- shown as written -->\n```\n", encoding="utf-8")


def test_forum_members_column_is_their_role(tmp_path: Path) -> None:
    pages = site(tmp_path, date(2026, 11, 23))
    forum = pages["en/forum.html"]
    assert '<th scope="col">Role</th>' in forum and '<th scope="col">Kind</th>' not in forum
    assert '<th scope="col">Función</th>' in pages["es/forum.html"]


def test_open_data_has_no_writers_comments(tmp_path: Path) -> None:
    pages = site(tmp_path, date(2026, 11, 23), commented_section)
    files = json.loads(pages["data/record.json"])["files"]
    section = files["plans/2026-2030/sections/introduction.en.md"]
    assert "writers' note" not in section and "<!-- shown as written -->" in section
    assert not any("<!--" in body for path, body in files.items()
                   if path.endswith(".md") and "introduction.en.md" not in path
                   and isinstance(body, str))


def in_french(record: Path) -> None:
    replace(record / "ogp.yaml", "administrative: [es]", "administrative: [es, fr]")


def test_french_pages_put_a_space_before_a_colon(tmp_path: Path) -> None:
    """French typography puts a no-break space before ':' ("Non commencé : 14"); the site
    wrote "Non commencé: 14" while other French strings had the space. English and Spanish
    pages keep ': '."""
    pages = site(tmp_path, date(2026, 12, 2), in_french)
    french = pages["fr/plans/2026-2030/index.html"]
    assert re.search(r"Non commencé\u00a0: \d+", french), text(french)[:400]
    dashboard = html.unescape(pages["fr/plans/2026-2030/dashboard.html"])
    assert "Tableau de bord de l'avancement\u00a0:" in dashboard
    assert re.search(r"<title>1\.1 [^<]*\u00a0: Achevé", dashboard)
    assert re.search(r"Not started: \d+", pages["en/plans/2026-2030/index.html"])
    assert re.search(r"No iniciado: \d+|Sin iniciar: \d+", pages["es/plans/2026-2030/index.html"])

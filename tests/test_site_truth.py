"""The website says what is true: a plan's stage, colours and totals come from one place
(`ogpctl.domain.stage`, `ogpctl.domain.rollup`) and mean what the handbook says; what it
publishes is only what the record accepts (new-user report F13, F5, F26, F22, F30)."""

from __future__ import annotations

import html
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

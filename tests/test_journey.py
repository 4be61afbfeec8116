"""The journey test: a record made only with ogpctl's commands, in Spanish and English, taken
from `init` through co-creation, delivery, implementation, an amendment, the refresh and the end
of term. It asserts what a reader sees (the words and colours of each stage, documents read
back, web pages' visible text), not only exit codes. tests/journey.py holds the steps."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests import journey as steps
from tests.journey import COMMITMENT_1, PLAN, PLAN_DIR, Journey

#: Words that must never reach a reader: Python values, escaped markup, guide comments.
LEAKS = re.compile(r"\bNone\b|\bTrue\b|\bFalse\b|<!--|-->|<div|<table|&lt;|&gt;|&amp;\w+;"
                   r"|\{'|\['|class=\"|\bin-progress\b|\bnot-started\b")
GUIDE_WORDS = ("¿Cuál es la visión de largo plazo", "What is the long-term vision",
               "How did the country develop the co-creation timeline",
               "¿Cómo elaboró el país el cronograma")


class _Text(HTMLParser):
    """The text a browser shows: text nodes outside script, style and template."""

    HIDDEN = {"script", "style", "template", "noscript"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._hidden += tag in self.HIDDEN

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in self.HIDDEN and self._hidden > 0

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)

    def handle_comment(self, data: str) -> None:
        pass


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return " ".join(" ".join(texts).split())


def pdf_text(path: Path) -> str:
    import pypdf

    pages = pypdf.PdfReader(str(path)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def reader_text(path: Path) -> str:
    """What a reader of the file sees: visible HTML text, Word text, PDF text, Markdown."""
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".pdf":
        return pdf_text(path)
    text = path.read_text(encoding="utf-8")
    return visible_text(text) if path.suffix == ".html" else text


def documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def assert_reads_well(text: str, where: str) -> None:
    leak = LEAKS.search(text)
    if leak is not None:
        around = text[max(0, leak.start() - 80):leak.end() + 80]
        raise AssertionError(f"{where}: {leak.group(0)!r} in …{around}…")
    for words in GUIDE_WORDS:
        assert words not in text, f"{where}: the scaffold's guide text {words!r} is shown"


@pytest.fixture(scope="module")
def life(tmp_path_factory: pytest.TempPathFactory) -> Journey:
    """The whole journey, run once; each test reads what it needs from it."""
    return steps.live(tmp_path_factory.mktemp("journey") / "costa-serena")


def _json(result: steps.Result) -> object:
    return json.loads(result.out)


def _codes(result: steps.Result) -> list[tuple[str, str]]:
    return [(d["code"], d["file"]) for d in _json(result)["diagnostics"]]


def test_check_after_init_lists_every_empty_field_of_the_profile(life: Journey) -> None:
    empty = [d["message"] for d in _json(life.stages["after-init"])["diagnostics"]
             if d["code"] == "F105" and d["file"] == "ogp.yaml"]
    for field in ("member-since", "role", "website", "repository"):
        assert any(field in message for message in empty), (field, empty)


def test_the_plan_title_uses_the_country_name_of_each_language(life: Journey) -> None:
    plan = (life.root / PLAN_DIR / "plan.yaml").read_text(encoding="utf-8")
    assert "Costa Serena Open Government National Action Plan" in plan
    assert "República" not in plan


def test_scaffold_text_is_reported_until_answered(life: Journey) -> None:
    files = {file for _, file in _codes(life.stages["scaffold"])}
    assert f"{PLAN_DIR}/sections/introduction.es.md" in files


def test_import_of_a_spanish_form_export(life: Journey) -> None:
    result = life.stages["import"]
    assert result.code == 0, result.err
    text = (life.root / PLAN_DIR / "contributions.yaml").read_text(encoding="utf-8")
    assert "Pedro Gómez" in text and "2027-03-16" in text
    assert max(len(line) for line in text.splitlines()) < 120, "one entry a block, a field a line"


def test_cocreation_status_is_neutral(life: Journey) -> None:
    out = life.stages["cocreation-status"].out
    assert "co-creation" in out.lower() or "cocreación" in out.lower()
    assert not re.search(r"\b(Red|red|green|amber)\b", out) and "severe" not in out
    assert "not started yet" in out and "in co-creation" in out
    assert "not yet due (by 2027-06-30)" in out          # 4.1: contributions not answered yet
    assert_reads_well(out.replace("co-creation", "cocreation"), "status")


def test_cocreation_documents_show_no_scaffold_text(life: Journey) -> None:
    folder = life.root.parent / "cocreation"
    rendered = documents(folder)
    assert {p.suffix for p in rendered} >= {".md", ".html", ".docx"}
    for path in rendered:
        assert_reads_well(reader_text(path), path.name)
    spanish = (folder / f"{PLAN}-action-plan.es.html").read_text(encoding="utf-8")
    assert SECTIONS_ES_INTRO in visible_text(spanish)


SECTIONS_ES_INTRO = steps.SECTIONS["introduction"][1]


def test_cocreation_site_shows_no_markup_and_no_red(life: Journey) -> None:
    site = life.root.parent / "site-cocreation"
    pages = sorted(site.rglob("*.html"))
    assert pages
    for page in pages:
        text = visible_text(page.read_text(encoding="utf-8"))
        assert_reads_well(text, str(page.relative_to(site)))
        assert "severe delays" not in text and "retrasos graves" not in text, page


def test_a_forgotten_plan_is_an_error_when_its_window_closes(life: Journey) -> None:
    result = life.stages["forgotten"]
    assert result.code == 1
    assert ("C401", f"{PLAN_DIR}/plan.yaml") in _codes(result)


def test_tag_submission_moves_the_stage_on(life: Journey) -> None:
    plan = life.stages["delivered-plan"]
    assert "delivered: 2027-06-25" in plan
    assert "status: implementation" in plan


def test_implementation_status_counts_what_is_complete(life: Journey) -> None:
    out = life.stages["implementation-status"].out
    assert "0 of 2 commitments complete; 1 of 5 milestones completed" in out, out
    assert "[implementation;" in out and "not met" not in out, out
    assert_reads_well(out.replace("co-creation", "cocreation"), "status")


def test_deadlines_in_spanish_list_milestones(life: Journey) -> None:
    items = _json(life.stages["deadlines-es"])
    assert any(item["id"] == "milestone-due" for item in items)


def test_translation_export_offers_spanish_only_progress_notes(life: Journey) -> None:
    out = life.stages["translate-en"].out
    assert "Borrador en consulta." in out
    assert not (life.root / "-").exists()


def test_amendment_note_names_each_change_in_each_language(life: Journey) -> None:
    folder = life.root.parent / "amendment"
    for path in documents(folder):
        text = reader_text(path)
        assert_reads_well(text, path.name)
        assert "submitted/" not in text, path.name
        assert "Borrador en consulta" not in text, "a progress update is no amendment"
    english = (folder / f"{PLAN}-amendment-note.en.md").read_text(encoding="utf-8")
    assert "Register linked to procurement" in english
    assert "Milestone 1.2" in english and "December 15, 2028" in english


def test_stage_follows_the_calendar(life: Journey) -> None:
    assert "[refresh;" in life.stages["refresh-status"].out
    end = life.stages["end-status"].out
    assert "[closed;" in end and "C415" not in end, end
    assert "1 of 2 commitments complete; 5 of 6 milestones completed" in end
    # every milestone completed (green), but the end-of-term self-assessment rates it
    # amber, with a reason: once the report is prepared, its colour is the one shown (G11;
    # without a rating-reason the milestones' colour would be, newuser4 H5)
    assert re.search(r"Open contracting in public works .*100%\s+amber", end), end


def test_self_assessment_reads_well_and_gives_totals(life: Journey) -> None:
    folder = life.root.parent / "end"
    for path in documents(folder):
        text = reader_text(path)
        assert_reads_well(text, path.name)
    english = (folder / f"{PLAN}-self-assessment.en.md").read_text(encoding="utf-8")
    assert "1 of 2 commitments complete" in english, english
    assert "5 of 6 milestones completed" in english, english


def test_every_document_reads_well_in_every_language_and_format(life: Journey) -> None:
    folder = life.root.parent / "implementation"
    names = sorted(p.name for p in folder.iterdir())
    for kind in ("action-plan", "reasoned-response", "commitment-01"):
        for lang in ("en", "es", "ar"):
            for suffix in steps.FORMATS:
                assert f"{PLAN}-{kind}.{lang}.{suffix}" in names, (kind, lang, suffix, names)
    for path in documents(folder):
        text = reader_text(path)
        assert_reads_well(text, path.name)
    arabic = (folder / f"{PLAN}-action-plan.ar.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in arabic


def test_translated_notes_reach_the_english_site(life: Journey) -> None:
    assert "Standard adopted by resolution." in (life.root / COMMITMENT_1).read_text(
        encoding="utf-8")
    pages = (life.root.parent / "site-implementation" / "en").rglob("*.html")
    assert any("Standard adopted by resolution." in p.read_text(encoding="utf-8")
               for p in pages)


def test_the_review_of_the_amendment_reads_in_spanish(life: Journey) -> None:
    review = life.stages["review-es"]
    assert "Registro vinculado a compras" in review.out, review.out
    assert_reads_well(review.out.replace("`", ""), "review")


@pytest.fixture(scope="module")
def environment_of_a_module_fixture() -> dict[str, str | None]:
    return {name: os.environ.get(name) for name in ("HOME", "COLUMNS", "NO_COLOR")}


def test_fixtures_wider_than_a_test_are_hermetic(
        environment_of_a_module_fixture: dict[str, str | None]) -> None:
    """The journey runs in a module fixture: the real home (its git identity) and the
    runner's terminal width (tables folded differently in a worker) must not reach it."""
    assert "pytest-of" in (environment_of_a_module_fixture["HOME"] or ""), \
        environment_of_a_module_fixture
    assert environment_of_a_module_fixture["COLUMNS"] == "120"
    assert environment_of_a_module_fixture["NO_COLOR"] == "1"

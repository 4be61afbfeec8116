"""The journey test: a record made only with ogpctl's commands, in Spanish and English, taken
from `init` through co-creation, delivery, implementation, an amendment, the refresh and the end
of term. It asserts what a reader sees (the words and colours of each stage, documents read
back, web pages' visible text), not only exit codes. tests/journey.py holds the steps."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests import journey as steps
from tests.journey import COMMITMENT_1, COMMITMENT_2, PLAN, PLAN_DIR, Journey, both

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


def assert_reads_well(text: str, where: str) -> None:
    leak = LEAKS.search(text)
    assert leak is None, f"{where}: {leak.group(0)!r} in …{text[max(0, leak.start() - 80):leak.end() + 80]}…"
    for words in GUIDE_WORDS:
        assert words not in text, f"{where}: the scaffold's guide text {words!r} is shown"


@pytest.fixture(scope="module")
def life(tmp_path_factory: pytest.TempPathFactory) -> Journey:
    """The whole journey, run once; each test reads what it needs from it."""
    root = tmp_path_factory.mktemp("journey") / "costa-serena"
    root.mkdir()
    steps.git(root, "init", "-q", "-b", "main")
    j = Journey(root)
    start = "2026-12-10"
    j.ok("init", root, "--country", "es=Costa Serena", "--country", "en=Costa Serena",
         "--iso-code", "CS", "--languages", "es,en",
         "--lead-agency", "Secretaría de Gobierno Abierto")
    j.stages["after-init"] = j.run("check", root, "--today", start, "--format", "json")
    j.ok("new-plan", "-C", root, "--window", "june", "--due-year", "2027", "--length", "4",
         "--today", start)
    j.ok("new-commitment", "-C", root, PLAN, "Contratación abierta en obras públicas")
    j.ok("new-commitment", "-C", root, PLAN, "Registro de beneficiarios finales")
    j.stages["scaffold"] = j.run("check", root, "--today", start, "--format", "json")
    j.commit("Record started with ogpctl init", start)

    steps.fill_profile(j)
    steps.answer_sections(j)
    steps.answer_commitment(j, COMMITMENT_1, 1, "Open contracting in public works",
                            "direccion-de-compras",
                            [("Procurement data standard adopted", "Estándar de datos adoptado",
                              "2027-12-15"),
                             ("Awards published as open data", "Adjudicaciones publicadas",
                              "2028-06-30"),
                             ("Monitoring report by civil society", "Informe de monitoreo",
                              "2029-06-30")])
    steps.answer_commitment(j, COMMITMENT_2, 2, "Beneficial ownership register",
                            "registro-mercantil",
                            [("Register law drafted", "Proyecto de ley redactado", "2028-03-31"),
                             ("Register opened to the public", "Registro abierto", "2029-03-31")])
    j.commit("Guide questions answered", "2027-02-01")

    csv = root.parent / "respuestas.csv"
    csv.write_bytes(steps.CONTRIBUTIONS_CSV.encode("utf-8"))
    j.stages["import"] = j.run("import", "contributions", csv, "-C", root, "--plan", PLAN,
                               "--map", "received=Marca temporal", "--map", "summary=Propuesta",
                               "--map", "from=Organización", "--map", "person=Nombre",
                               "--map", "channel=Canal", "--date-format", "%d/%m/%Y %H:%M:%S",
                               "--lang", "es")
    j.commit("Contributions from the public survey", "2027-03-20")
    cocreation = "2027-03-25"
    j.stages["cocreation-status"] = j.run("status", root, "--today", cocreation)
    j.stages["cocreation-status-json"] = j.run("status", root, "--today", cocreation,
                                               "--format", "json")
    for fmt in ("md", "html", "docx"):
        j.ok("render", "action-plan", "--plan", PLAN, "-C", root, "-f", fmt, "--lang", "all",
             "-o", root.parent / "cocreation", "--today", cocreation)
    j.ok("render", "action-plan", "--plan", PLAN, "-C", root, "-f", "html", "--lang", "ar",
         "-o", root.parent / "cocreation", "--today", cocreation)
    j.ok("site", "-C", root, "--out", root.parent / "site-cocreation", "--today", cocreation)

    j.stages["forgotten"] = j.run("check", root, "--today", "2027-09-15", "--format", "json")

    j.ok("tag-submission", PLAN, "-C", root, "--date", "2027-06-25", "--today", "2027-06-26")
    j.stages["delivered-plan"] = (root / PLAN_DIR / "plan.yaml").read_text(encoding="utf-8")

    evidence = root / PLAN_DIR / "evidence/01-contratacion-abierta-en-obras-publicas"
    (evidence / "estandar-adoptado.pdf").write_bytes(b"%PDF-1.4\n% acta\n")
    j.commit("Evidence", "2027-11-20")
    j.ok("progress", PLAN, "1.1", "-C", root, "--status", "completed", "--date", "2027-11-30",
         "--note", "Estándar adoptado por resolución.", "--evidence", "evidence/01-contratacion-abierta-en-obras-publicas/estandar-adoptado.pdf",
         "--lang", "es", "--today", "2027-12-01")
    j.ok("progress", PLAN, "2.1", "-C", root, "--status", "in-progress", "--date", "2027-11-30",
         "--note", "Borrador en consulta.", "--next-steps", "Enviar al Congreso.",
         "--lang", "es", "--today", "2027-12-01")
    j.commit("Progress, second half of 2027", "2027-12-01")
    implementation = "2027-12-10"
    j.stages["implementation-status"] = j.run("status", root, "--today", implementation)
    j.stages["implementation-check"] = j.run("check", root, "--today", implementation,
                                             "--format", "json")
    j.stages["deadlines-es"] = j.run("deadlines", root, "--today", implementation, "--lang",
                                     "es", "--format", "json")
    j.stages["translate-en"] = j.run("translate", "export", "-C", root, "--lang", "en",
                                     "--format", "po", "-o", "-")
    j.ok("site", "-C", root, "--out", root.parent / "site-implementation", "--today",
         implementation)
    j.stages["index"] = j.run("index", root, "--plan", PLAN)

    j.edit(COMMITMENT_1, **{"milestones.1.due": "2028-12-15"})
    j.append(COMMITMENT_2, "milestones", {
        "number": 3, "title": both("Register linked to procurement", "Registro vinculado a compras"),
        "output": both("1 interconnection in production", "1 interconexión en producción"),
        "due": "2030-06-30", "lead": "registro-mercantil", "status": "not-started"})
    j.commit("Amendment: milestone 1.2 moved, milestone 2.3 added", "2028-02-10")
    j.stages["diff"] = j.run("diff", "-C", root)
    for fmt in ("md", "html", "docx"):
        j.ok("render", "amendment-note", "--plan", PLAN, "-C", root, "-f", fmt, "--lang", "all",
             "-o", root.parent / "amendment", "--today", "2028-02-11")

    j.stages["refresh-status"] = j.run("status", root, "--today", "2029-08-01")
    j.stages["end-status"] = j.run("status", root, "--today", "2031-08-01")
    return j


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
    assert "Red" not in out and "severe" not in out
    assert_reads_well(out.replace("co-creation", "cocreation"), "status")


def test_cocreation_documents_show_no_scaffold_text(life: Journey) -> None:
    folder = life.root.parent / "cocreation"
    rendered = sorted(folder.iterdir())
    assert {p.suffix for p in rendered} >= {".md", ".html", ".docx"}
    for path in rendered:
        if path.suffix == ".docx":
            text = docx_text(path)
        elif path.suffix == ".html":
            text = visible_text(path.read_text(encoding="utf-8"))
        else:
            text = path.read_text(encoding="utf-8")
        assert_reads_well(text, path.name)
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
    assert "1 of 5 milestones" in out or "1 of 5" in out, out
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
    for path in sorted(folder.iterdir()):
        text = docx_text(path) if path.suffix == ".docx" else (
            visible_text(path.read_text(encoding="utf-8")) if path.suffix == ".html"
            else path.read_text(encoding="utf-8"))
        assert_reads_well(text, path.name)
        assert "submitted/" not in text, path.name
        assert "Borrador en consulta" not in text, "a progress update is no amendment"
    english = (folder / f"{PLAN}-amendment-note.en.md").read_text(encoding="utf-8")
    assert "Register linked to procurement" in english
    assert "Milestone 1.2" in english and "December 15, 2028" in english


def test_stage_follows_the_calendar(life: Journey) -> None:
    assert "refresh" in life.stages["refresh-status"].out.lower()
    assert "end" in life.stages["end-status"].out.lower() or \
        "closed" in life.stages["end-status"].out.lower()

"""`ogpctl import plan`: a country's existing plan brought into the record from the sources
real countries have (tests/import_sources.py builds them): a Word plan in the OGP template
in two languages, a bilingual CSV tracker, an XLSX tracker with a progress sheet and a
Jekyll collection with HTML notes. After import, `check` reports only what the source
lacks, the roll-up equals the source's own totals, and the documents give its texts back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogpctl.source.yaml import parse_yaml
from tests import import_sources as sources
from tests.conftest import run

PLAN = "2027-2029"
TODAY = "2028-07-15"


def new_record(capsys, tmp_path: Path) -> Path:
    record = tmp_path / "record"
    assert run(capsys, "init", record, "--country", "es=República de Xalia,en=Republic of "
               "Xalia", "--iso-code", "XA", "--languages", "es,en", "--lead-agency",
               "Ministerio de Modernización")[0] == 0
    assert run(capsys, "new-plan", "-C", record, "--window", "june", "--due-year", "2027",
               "--length", "2", "--today", "2026-10-01")[0] == 0
    return record


def import_plan(capsys, record: Path, source: Path, *args) -> tuple[int, str, str]:
    return run(capsys, "import", "plan", source, "--plan", PLAN, "-C", record,
               "--today", TODAY, *args)


def snapshot(record: Path) -> dict[str, bytes]:
    return {p.relative_to(record).as_posix(): p.read_bytes()
            for p in sorted(record.rglob("*")) if p.is_file() and ".ogpctl" not in p.name}


def commitments(record: Path) -> dict[str, dict]:
    folder = record / "plans" / PLAN / "commitments"
    return {p.name: parse_yaml(p.read_text(encoding="utf-8")).data
            for p in sorted(folder.glob("*.yaml"))}


def commitment_findings(capsys, record: Path) -> set[tuple[str, str]]:
    code, out, _ = run(capsys, "check", record, "--format", "json", "--today", TODAY)
    return {(d["code"], d["file"].rsplit("/", 1)[-1]) for d in json.loads(out)["diagnostics"]
            if "/commitments/" in d["file"]}


def deliver(record: Path) -> None:
    """The plan delivered: a tracker follows a plan in implementation."""
    plan_file = record / "plans" / PLAN / "plan.yaml"
    text = plan_file.read_text(encoding="utf-8")
    assert "\ndelivered:\n" in text      # the scaffold's empty field
    plan_file.write_text(text.replace("\ndelivered:\n", "\ndelivered: 2027-06-28\n"),
                         encoding="utf-8")


def status_of(capsys, record: Path) -> list[dict]:
    code, out, _ = run(capsys, "status", record, "--format", "json", "--today", TODAY)
    return next(p for p in json.loads(out) if p["plan"] == PLAN)["commitments"]


def test_word_plan_in_two_languages(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    spanish, english = tmp_path / "plan-es.docx", tmp_path / "plan-en.docx"
    sources.word_plan(spanish, "es")
    sources.word_plan(english, "en")
    code, out, err = import_plan(capsys, record, spanish)
    assert code == 0, out + err
    assert "table 1, row 9: warning: '8. Presupuesto asignado' is not a row" in out
    assert "'junio de 2028' names a month: read as its last day, 2028-06-30" in out
    before = snapshot(record)
    code, out, _ = import_plan(capsys, record, english)
    assert code == 1 and "give --update" in out and "title (en): 'Open budget'" in out
    assert snapshot(record) == before
    code, out, _ = import_plan(capsys, record, english, "--update")
    assert code == 0, out
    for source in (english, spanish):
        code, out, _ = import_plan(capsys, record, source, "--update")
        assert code == 0 and "nothing new" in out, out
    assert snapshot(record) != before
    data = commitments(record)["01-presupuesto-abierto.yaml"]
    assert data["title"] == {"en": "Open budget", "es": "Presupuesto abierto"}
    assert data["problem"]["what"]["es"] == "La ciudadanía no puede seguir el gasto público."
    assert data["problem"]["causes"]["en"] == "Data are published late and as PDF."
    assert data["supporting"] == {"government": ["contraloria-general"],
                                  "civil-society": ["fundacion-datos", "red-ciudadana"],
                                  "other": ["congreso-nacional"]}
    assert data["period"] == {"start": "2027-06-30", "end": "2029-06-30"}
    first, second = data["milestones"]
    assert (first["due"], first["lead"], second["due"]) == ("2027-12-31",
                                                            "ministerio-de-hacienda",
                                                            "2028-06-30")
    assert first["supporting"] == {"government": ["contraloria-general"],
                                   "civil-society": ["red-ciudadana"]}
    judicial = commitments(record)["02-datos-judiciales.yaml"]["milestones"][0]
    assert (judicial["lead"], judicial["output"]["en"]) == ("poder-judicial",
                                                            "Repository published")
    # What the source lacks, and only that: the OGP values and what has been done so far
    # (3.2.c); the comments are new-commitment's.
    assert commitment_findings(capsys, record) == {
        (code, name) for code in ("S205", "S230")
        for name in ("01-presupuesto-abierto.yaml", "02-datos-judiciales.yaml")}
    text = (record / "plans" / PLAN / "commitments" / "01-presupuesto-abierto.yaml").read_text()
    assert "# es: 1. ¿Qué problema busca abordar el compromiso?" in text
    for lang, plan in sources.PLAN.items():
        code, out, _ = run(capsys, "render", "action-plan", "--plan", PLAN, "-C", record,
                           "--lang", lang, "--format", "md", "--out", "-", "--today", TODAY)
        assert code == 0
        for _heading, paragraphs in plan["sections"]:
            assert paragraphs[-1] in out
        for item in plan["commitments"]:
            for key in ("title", "brief", "problem", "causes", "solution", "results"):
                assert item[key] in out, (lang, key)


def test_word_plan_errors_stop_the_import_unless_skip_bad(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    plan = tmp_path / "plan-es.docx"
    sources.word_plan(plan, "es", bad_date=True)
    before = snapshot(record)
    code, out, _ = import_plan(capsys, record, plan)
    assert code == 1 and "nothing was written: 1 error in" in out
    assert "plan-es.docx, table 3, row 4, column 'Fecha prevista de finalización': error: " \
           "'pronto' is not a date" in out
    assert snapshot(record) == before
    code, out, _ = import_plan(capsys, record, plan, "--skip-bad")
    assert code == 0, out
    # The milestone is kept, its completion date left empty for `check` to ask for.
    milestones = commitments(record)["01-presupuesto-abierto.yaml"]["milestones"]
    assert [m["number"] for m in milestones] == [1, 2]
    assert milestones[1].get("due") is None and milestones[1]["title"]["es"]


def test_bilingual_csv_tracker(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    tracker, mapping = tmp_path / "tracker.csv", tmp_path / "mapping.yaml"
    rows = sources.csv_tracker(tracker)
    mapping.write_text(sources.TRACKER_MAPPING, encoding="utf-8")
    code, out, _ = import_plan(capsys, record, tracker, "--map", mapping)
    assert code == 0, out
    data = commitments(record)
    budget = data["01-presupuesto-abierto.yaml"]
    assert budget["theme"] == {"en": None, "es": "Transparencia fiscal"}
    assert budget["ogp-id"] == "XA0001"
    assert budget["links"][0]["url"].endswith("/XA0001/")
    update = budget["milestones"][0]["progress"][0]
    assert update == {"date": "2028-06-30", "status": "completed",
                      "note": {"es": "Publicado en el portal", "en": "Published on the portal"},
                      "evidence": [{"url": "https://presupuesto.example.org/datos"}]}
    # Once the plan is delivered (a tracker follows implementation), the roll-up equals the
    # tracker's own totals: before delivery no milestone counts as completed (handbook 3.1).
    deliver(record)
    header, body = rows[0], rows[1:]
    said = [row[header.index("Estado")] for row in body]
    counts: dict[str, int] = {}
    for state in status_of(capsys, record):
        for key, value in state["milestones"].items():
            counts[key] = counts.get(key, 0) + value
    assert counts == {"completed": said.count("Completado"), "in-progress": said.count("En curso"),
                      "not-started": said.count("No iniciado")}
    code, out, _ = import_plan(capsys, record, tracker, "--map", mapping)
    assert code == 0 and "nothing new" in out
    code, out, _ = run(capsys, "render", "commitment", "--plan", PLAN, "--commitment", "1",
                       "-C", record, "--lang", "es", "--format", "md", "--out", "-")
    assert "- **Eje temático:** Transparencia fiscal" in out
    assert "- **Identificador OGP del compromiso:** XA0001" in out
    assert "[IRM](<https://www.opengovpartnership.org/members/xalia/commitments/XA0001/>)" \
        in out


def test_update_changes_only_what_changed(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    tracker, mapping = tmp_path / "tracker.csv", tmp_path / "mapping.yaml"
    rows = sources.csv_tracker(tracker)
    mapping.write_text(sources.TRACKER_MAPPING, encoding="utf-8")
    assert import_plan(capsys, record, tracker, "--map", mapping)[0] == 0
    path = record / "plans" / PLAN / "commitments" / "01-presupuesto-abierto.yaml"
    path.write_text(path.read_text() + "# a note by the point of contact\n")
    before = path.read_text()
    changed = [list(row) for row in rows]
    changed[2][11] = "Completado"
    sources.csv_tracker(tracker, [tuple(row) for row in changed])
    code, out, _ = import_plan(capsys, record, tracker, "--map", mapping)
    assert code == 1 and "milestone #2 status: 'in-progress' -> 'completed'" in out
    assert path.read_text() == before
    assert import_plan(capsys, record, tracker, "--map", mapping, "--update")[0] == 0
    after = path.read_text()
    difference = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(),
                                                     strict=True) if a != b]
    assert difference == [("    status: in-progress", "    status: completed")]


def test_xlsx_tracker_with_a_progress_sheet(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    workbook, mapping = tmp_path / "tracker.xlsx", tmp_path / "mapping.yaml"
    said = sources.xlsx_tracker(workbook)
    mapping.write_text(sources.XLSX_MAPPING, encoding="utf-8")
    code, out, _ = import_plan(capsys, record, workbook, "--map", mapping, "--lang", "en")
    assert code == 0, out
    data = commitments(record)
    assert len(data) == said["commitments"]
    milestones = [m for c in data.values() for m in c["milestones"]]
    assert len(milestones) == said["milestones"]
    assert {s: sum(1 for m in milestones if m["status"] == s) for s in said["statuses"]} == \
        said["statuses"]
    assert sum(len(m.get("progress") or []) for m in milestones) == said["updates"]
    portal = data["01-open-contracting.yaml"]["milestones"][0]
    assert [u["date"] for u in portal["progress"]] == ["2027-12-15", "2028-04-02"]
    assert portal["progress"][1]["evidence"] == [{"url": "https://contratos.example.org"}]
    assert data["01-open-contracting.yaml"]["supporting"]["civil-society"] == [
        "transparencia-xalia", "red-ciudadana"]
    deliver(record)     # before delivery no milestone counts as completed (handbook 3.1)
    complete = sum(1 for c in status_of(capsys, record) if c["completion"] == "complete")
    assert complete == 1      # Beneficial ownership: its one milestone done


def test_jekyll_collection_with_html_notes(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    site, mapping = tmp_path / "site", tmp_path / "mapping.yaml"
    said = sources.jekyll_site(site)
    mapping.write_text(sources.JEKYLL_MAPPING, encoding="utf-8")
    code, out, _ = import_plan(capsys, record, site, "--map", mapping)
    assert code == 0, out
    [(name, data)] = commitments(record).items()
    text = (record / "plans" / PLAN / "commitments" / name).read_text()
    assert "<" not in text.replace("<!--", "") and "javascript" not in text
    assert data["description"]["solution"]["es"] == \
        "Publicar **todas** las compras en datos abiertos."
    portal = data["milestones"][0]
    assert portal["output"]["es"] == "- Portal en línea\n- Datos descargables"
    assert portal["progress"][1]["note"]["es"] == \
        "Portal *publicado*; ver aquí y el [informe](https://compras.example.org/informe.pdf)."
    assert portal["progress"][1]["evidence"] == [
        {"title": "informe", "url": "https://compras.example.org/informe.pdf"}]
    assert len(data["milestones"]) == said["milestones"]
    assert sum(1 for m in data["milestones"] if m["status"] == "completed") == said["completed"]


def test_bad_rows_and_mapping_lines(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    tracker, mapping = tmp_path / "tracker.csv", tmp_path / "mapping.yaml"
    rows = [list(row) for row in sources.TRACKER_ROWS]
    rows[2][11], rows[3][10] = "Casi listo", "pronto"
    sources.csv_tracker(tracker, [tuple(row) for row in rows])
    mapping.write_text(sources.TRACKER_MAPPING, encoding="utf-8")
    before = snapshot(record)
    code, out, _ = import_plan(capsys, record, tracker, "--map", mapping)
    assert code == 1, out
    assert "tracker.csv, row 3, column 'Estado': error: 'Casi listo' is not a status" in out
    assert "tracker.csv, row 4, column 'Fecha de término': error: 'pronto'" in out
    assert snapshot(record) == before
    assert import_plan(capsys, record, tracker, "--map", mapping, "--skip-bad")[0] == 0
    # The row with an unknown status is left out; the one with a date that is none is
    # kept, its date left empty.
    found = [{m["number"]: m.get("due") for m in c["milestones"]}
             for c in commitments(record).values()]
    assert [list(numbers) for numbers in found] == [[1], [1, 2]] and found[1][1] is None
    broken = sources.TRACKER_MAPPING.replace("  ogp-id: OGP ID", "  ogp-id: OGP code") \
        .replace("source: tracker", "source: tracker\nsheets: Plan")
    mapping.write_text(broken, encoding="utf-8")
    code, out, _ = import_plan(capsys, record, tracker, "--map", mapping)
    assert code == 1 and 'mapping.yaml:3: error: unknown field "sheets"' in out
    mapping.write_text(sources.TRACKER_MAPPING.replace("  ogp-id: OGP ID",
                                                       "  ogp-id: OGP code"))
    code, out, _ = import_plan(capsys, record, tracker, "--map", mapping)
    assert code == 1 and "mapping.yaml:8: error: tracker.csv has no column 'OGP code'" in out


# -- ogpctl's own Word plans read back -------------------------------------------------------

def record_in(capsys, root: Path, lang: str, languages: str | None = None) -> Path:
    """A record made as a user makes one, in `lang` only (or `languages`), with the plan
    PLAN."""
    country = sources.ROUND_TRIP[lang]["country"]
    assert run(capsys, "init", root, "--country", f"{lang}={country}", "--iso-code", "XT",
               "--languages", languages or lang, "--lead-agency", "Agency")[0] == 0
    assert run(capsys, "new-plan", "-C", root, "--window", "june", "--due-year", "2027",
               "--length", "2", "--today", "2026-10-01")[0] == 0
    return root


def names_of(record: Path) -> dict[str, dict[str, str]]:
    """Each organisation's names by language, by id."""
    data = parse_yaml((record / "stakeholders.yaml").read_text(encoding="utf-8")).data
    return {item["id"]: {k: v for k, v in (item.get("name") or {}).items() if v}
            for item in data["stakeholders"]}


def portrait(data: dict, names: dict[str, dict[str, str]], lang: str,
             plan_period: dict | None = None) -> dict:
    """What a commitment says in `lang`, its organisations by name and with their roles:
    comparable between two records whatever ids they gave the organisations. Its period
    is the plan's when it states none (as documents show it)."""
    def text(value: dict | None) -> str | None:
        return (value or {}).get(lang)

    def texts(part: dict | None) -> dict:
        return {k: text(v) for k, v in (part or {}).items() if text(v)}

    def name(ident: str) -> str:        # in `lang`, else in the one language it has
        return names[ident].get(lang) or " / ".join(names[ident].values())

    def supporting(by_sector: dict | None) -> dict:
        return {sector: [(name(item["stakeholder"]), text(item.get("role")))
                         if isinstance(item, dict) else (name(item), None)
                         for item in items]
                for sector, items in (by_sector or {}).items() if items}
    return {
        "title": text(data["title"]), "brief": text(data.get("brief-description")),
        "theme": text(data.get("theme")), "lead": name(data["lead"]),
        "supporting": supporting(data.get("supporting")),
        "period": data.get("period") or plan_period,
        "problem": texts(data.get("problem")), "description": texts(data.get("description")),
        "values": data.get("values") or [], "relevance": text(data.get("relevance")),
        "kind": data.get("kind", "regular"),
        "parts": {part: {k: text(v) if isinstance(v, dict) else v for k, v in
                         data[part].items() if k != "ogp-local-member"}
                  for part in ("challenge", "local") if data.get(part)},
        "implementation": {k: [text(a) for a in v] if isinstance(v, list) else text(v)
                           for k, v in (data.get("implementation-plan") or {}).items()},
        "milestones": [(m["number"], text(m.get("title")), text(m.get("output")), m.get("due"),
                        name(m["lead"]), supporting(m.get("supporting")))
                       for m in data["milestones"]],
    }


@pytest.mark.parametrize("lang", list(sources.ROUND_TRIP))
def test_a_plan_ogpctl_rendered_reads_back(capsys, tmp_path: Path, lang: str) -> None:
    """A Word plan rendered by ogpctl in any language it ships imports into a fresh record
    as the same commitment: labels, dates and the period in that language, supporting
    stakeholders by sector with their roles, the values under their heading."""
    source = record_in(capsys, tmp_path / "source", lang)
    expected = sources.round_trip_record(source, PLAN, lang)
    code, out, _ = run(capsys, "render", "action-plan", "--plan", PLAN, "-C", source,
                       "--lang", lang, "--format", "docx", "--out", tmp_path / "out",
                       "--today", TODAY)
    assert code == 0, out
    document = tmp_path / "out" / f"{PLAN}-action-plan.{lang}.docx"
    target = record_in(capsys, tmp_path / "target", lang)
    code, out, _ = import_plan(capsys, target, document)
    assert code == 0 and "warning" not in out and "error" not in out, out
    imported = {int(name[:2]): data for name, data in commitments(target).items()}
    assert sorted(imported) == sorted(expected)
    for number, data in expected.items():
        assert portrait(imported[number], names_of(target), lang) == \
            portrait(data, names_of(source), lang)
    # The files are well formed: a challenge commitment's questions under `challenge:`.
    assert not {code for code, _ in commitment_findings(capsys, target) if code[0] == "F"}
    introduction = target / "plans" / PLAN / "sections" / f"introduction.{lang}.md"
    said = introduction.read_text(encoding="utf-8")
    assert sources.ROUND_TRIP[lang]["intro"] in said
    assert f"# {sources.section_heading(lang)}\n\n{sources.ROUND_TRIP[lang]['activity']}" in said
    code, out, _ = import_plan(capsys, target, document, "--update")
    assert code == 0 and "nothing new" in out, out


def test_texts_ogpctl_shows_in_another_language_keep_it(capsys, tmp_path: Path) -> None:
    """A French plan of a record written in English shows the English texts marked "(en
    anglais)": they come back as English (with the organisations' names), and the notes
    are no text at all."""
    source = record_in(capsys, tmp_path / "source", "fr", "fr,en")
    expected = sources.round_trip_record(source, PLAN, "en")
    people = source / "stakeholders.yaml"       # one organisation named in French only
    people.write_text(people.read_text(encoding="utf-8").replace(
        '{"en": "Chamber of Commerce"}', '{"fr": "Chambre de commerce"}'), encoding="utf-8")
    assert run(capsys, "render", "action-plan", "--plan", PLAN, "-C", source, "--lang", "fr",
               "--format", "docx", "--out", tmp_path / "out", "--today", TODAY)[0] == 0
    target = record_in(capsys, tmp_path / "target", "fr", "fr,en")
    code, out, _ = import_plan(capsys, target, tmp_path / "out" / f"{PLAN}-action-plan.fr.docx")
    assert code == 0 and "warning" not in out and "error" not in out, out
    imported = {int(name[:2]): data for name, data in commitments(target).items()}
    for number, data in expected.items():
        assert portrait(imported[number], names_of(target), "en") == \
            portrait(data, names_of(source), "en")
        assert not any((imported[number].get(key) or {}).get("fr")
                       for key in ("title", "brief-description", "relevance"))
    assert {"fr": "Chambre de commerce"} in names_of(target).values()
    sections = target / "plans" / PLAN / "sections"
    assert sources.ROUND_TRIP["en"]["intro"] in (sections / "introduction.en.md").read_text()
    assert "anglais" not in (sections / "introduction.fr.md").read_text() + \
        "".join(str(d) for d in imported.values())


def test_a_plan_in_two_languages_ogpctl_rendered(capsys, tmp_path: Path) -> None:
    """The sample plan rendered in Spanish and English, imported one language then the
    other (--update), gives back its commitments in both languages: the second language's
    names are added to the organisations the first one created, none is created twice."""
    sample = Path(__file__).parent.parent / "sample-country"
    plan = "2026-2030"
    for lang in ("es", "en"):
        assert run(capsys, "render", "action-plan", "--plan", plan, "-C", sample, "--lang",
                   lang, "--format", "docx", "--out", tmp_path / "out", "--today",
                   TODAY)[0] == 0
    record = tmp_path / "record"
    assert run(capsys, "init", record, "--country", "es=República de Veridia,en=Republic of "
               "Veridia", "--iso-code", "XV", "--languages", "es,en", "--lead-agency",
               "Secretaría")[0] == 0
    assert run(capsys, "new-plan", "-C", record, "--window", "june", "--due-year", "2026",
               "--length", "4", "--today", "2025-12-01")[0] == 0
    for lang, more in (("es", ()), ("en", ("--update",))):
        code, out, _ = run(capsys, "import", "plan", tmp_path / "out" /
                           f"{plan}-action-plan.{lang}.docx", "--plan", plan, "-C", record,
                           "--today", TODAY, *more)
        assert code == 0 and "error" not in out, out
    folder = record / "plans" / plan / "commitments"
    imported = {int(p.name[:2]): parse_yaml(p.read_text(encoding="utf-8")).data
                for p in folder.glob("*.yaml")}
    original = {int(p.name[:2]): parse_yaml(p.read_text(encoding="utf-8")).data
                for p in (sample / "plans" / plan / "commitments").glob("*.yaml")}
    assert sorted(imported) == sorted(original)
    for lang in ("es", "en"):
        for number, data in original.items():
            assert portrait(imported[number], names_of(record), lang) == \
                portrait(data, names_of(sample), lang, {"start": "2026-06-24",
                                                        "end": "2030-06-30"}), (lang, number)


def test_word_values_outside_the_schema_are_an_error_not_a_crash(capsys,
                                                                   tmp_path: Path) -> None:
    """A run saying <w:b w:val="bogus"/> (python-docx refuses to read it) makes the file
    unreadable, said as such; a highlight Word does not know does not stop the reading."""
    import zipfile

    record = new_record(capsys, tmp_path)
    plain = tmp_path / "plain.docx"
    sources.word_plan(plain, "en")
    with zipfile.ZipFile(plain) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode()
    for name, look in (("bold", '<w:b w:val="bogus"/>'),
                       ("highlight", '<w:i/><w:highlight w:val="bogus"/>')):
        hostile = tmp_path / f"{name}.docx"
        with zipfile.ZipFile(hostile, "w") as package:
            for part, data in parts.items():
                package.writestr(part, xml.replace("<w:r>", f"<w:r><w:rPr>{look}</w:rPr>", 5)
                                 .encode() if part == "word/document.xml" else data)
        code, out, err = import_plan(capsys, record, hostile, "--dry-run")
        assert "Traceback" not in out + err and "internal error" not in out + err
        if name == "bold":
            assert code == 1 and "not a Word document (.docx) ogpctl can read" in out, out
        else:
            assert code == 0, out

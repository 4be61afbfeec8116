"""`ogpctl import contributions`: real-looking exports of form tools and spreadsheets (Google
Forms in Spanish, Excel CSV with a byte-order mark and semicolons, SurveyMonkey, Microsoft
Forms through Excel) appended to the contributions.yaml that `new-plan` writes, one entry a
block and one field a line, without touching what is there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogpctl.source.yaml import parse_yaml
from tests.conftest import new_plan_record, run

PLAN = "2027-2031"
FILE = f"plans/{PLAN}/contributions.yaml"
SAMPLE_FILE = "plans/2026-2030/contributions.yaml"

# Google Forms, Spanish: every cell quoted, commas, no byte-order mark, "Marca temporal".
GOOGLE_FORMS = (
    '"Marca temporal","Dirección de correo electrónico","Nombre y apellido",'
    '"Organización (si corresponde)","Sector","Canal de participación",'
    '"¿Cuál es su propuesta para el plan de acción?"\n'
    '"15/03/2027 14:22:05","ana@example.org","Ana Gómez","","Ciudadanía","Encuesta",'
    '"Publicar los contratos de obra pública, con sus adendas y\nlos pagos de cada una"\n'
    '"16/03/2027 9:05:40","luis@example.org","Luis Paz","Red Ciudadana de Datos",'
    '"Sociedad civil","Taller","Un portal de datos abiertos sobre compras"\n'
    '"16/03/2027 10:00:00","x@example.org","anónimo","","Otro sector","Fax",'
    '"Audiencias públicas en cada provincia"\n'
    '"17/03/2027 11:11:11","luis@example.org","Luis Paz","Red Ciudadana de Datos",'
    '"Sociedad civil","Taller","Un portal de datos abiertos sobre compras"\n'
    '"ayer","b@example.org","Berta","","","","Rendición de cuentas"\n'
    '"18/03/2027 08:00:00","c@example.org","Carla","","","",""\n'
    '"18/03/2027 08:30:00","d@example.org","Dana","","","","Texto con \x1b[31mcolor"\n')

# Excel "CSV UTF-8" in a Spanish locale: byte-order mark, semicolons, CRLF, dates as shown.
EXCEL = ("\ufeffFecha;Organización;Nombre;Apellidos;Sector;Canal;Aporte\r\n"
         "2/4/2027 9:00;;María;Pérez;Academia;Correo electrónico;\"Más datos; mejores "
         "datos\"\r\n"
         "15/03/2027 14:22;Cámara de Comercio;;;Sector privado;Reunión;Compras abiertas\r\n"
         ";;;;;;Sin fecha ni autor\r\n")


def imported_survey(capsys, record: Path, tmp_path: Path, export: str) -> list[dict]:
    """The received date, sender and English summary of each entry a survey export made;
    the respondents' e-mail addresses are never kept."""
    code, out, _ = import_file(capsys, record, tmp_path / "export.csv", export, "--lang", "en",
                               "--channel", "survey")
    assert code == 0, out
    assert "@example.org" not in (record / FILE).read_text(encoding="utf-8")
    return [{k: (v["en"] if k == "summary" else v) for k, v in e.items()
             if k in ("received", "from", "summary")} for e in entries(record)]


def new_record(capsys, tmp_path: Path) -> Path:
    return new_plan_record(capsys, tmp_path, today="2026-11-23",
                           lead="Secretaría de Gobierno Abierto")


def import_file(capsys, record: Path, path: Path, text: str | bytes, *args: str
                ) -> tuple[int, str, str]:
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return run(capsys, "import", "contributions", path, "--plan", PLAN, "-C", record, *args)


def entries(record: Path) -> list[dict]:
    parsed = parse_yaml((record / FILE).read_text(encoding="utf-8"))
    assert parsed.ok and not parsed.problems
    return parsed.data["contributions"]


def contribution_findings(capsys, record: Path) -> set[str]:
    _, out, _ = run(capsys, "check", record, "--format", "json", "--today", "2027-03-20")
    return {d["code"] for d in json.loads(out)["diagnostics"] if d["file"] == FILE}


def test_a_google_forms_export_in_spanish_into_the_scaffold(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    before = (record / FILE).read_text(encoding="utf-8")
    assert before.endswith("contributions: []\n")
    code, out, err = import_file(capsys, record, tmp_path / "respuestas.csv", GOOGLE_FORMS)
    assert code == 1 and not err, err              # rows were refused: exit 1
    assert "3 added, 1 duplicate skipped, 3 rows refused" in out
    assert "respuestas.csv:6: skipped, the same source and text as line 4" in out
    assert ("respuestas.csv:7, column 'Marca temporal': refused, 'ayer' is not a date") in out
    assert "respuestas.csv:8, column '¿Cuál es su propuesta para el plan de acción?': " \
        "refused, the contribution's text is empty" in out
    assert "respuestas.csv:9, column '¿Cuál es su propuesta para el plan de acción?': " \
        "refused, the cell holds an escape character, which no record text may hold; " \
        "remove it" in out
    assert "respuestas.csv:5, column 'Sector': note, 'Otro sector' is not a sector" in out
    assert "respuestas.csv:5, column 'Canal de participación': note, 'Fax' is not a " \
        "channel" in out
    assert "not imported: 'Dirección de correo electrónico'" in out
    after = (record / FILE).read_text(encoding="utf-8")
    assert after.startswith(before[:before.index("contributions:")])   # comments kept
    assert after[after.index("contributions:"):] == (
        "contributions:\n"
        "  - id: input-001\n"
        "    received: 2027-03-15\n"
        "    from:\n"
        "      person: Ana Gómez\n"
        "      sector: civil-society\n"
        "    channel: survey\n"
        "    summary:\n"
        "      es: |-\n"
        "        Publicar los contratos de obra pública, con sus adendas y\n"
        "        los pagos de cada una\n"
        "    decision: pending\n"
        "  - id: input-002\n"
        "    received: 2027-03-16\n"
        "    from:\n"
        "      name: Red Ciudadana de Datos\n"
        "      person: Luis Paz\n"
        "      sector: civil-society\n"
        "    channel: workshop\n"
        "    summary:\n"
        "      es: Un portal de datos abiertos sobre compras\n"
        "    decision: pending\n"
        "  - id: input-003\n"
        "    received: 2027-03-16\n"
        "    summary:\n"
        "      es: Audiencias públicas en cada provincia\n"
        "    decision: pending\n")
    assert [e["id"] for e in entries(record)] == ["input-001", "input-002", "input-003"]
    assert contribution_findings(capsys, record) <= {"M707"}     # only: decisions are due
    # Once the refused rows are fixed, the file is imported again: the rest are duplicates.
    fixed = GOOGLE_FORMS.replace('"ayer"', '"19/03/2027 10:00:00"').replace("\x1b[31m", "")
    code, out, _ = import_file(capsys, record, tmp_path / "respuestas.csv", fixed)
    assert code == 1 and "2 added, 4 duplicates skipped, 1 row refused" in out
    assert [e["id"] for e in entries(record)][-2:] == ["input-004", "input-005"]


def test_an_excel_csv_with_a_byte_order_mark_and_semicolons(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    code, out, _ = import_file(capsys, record, tmp_path / "aportes.csv", EXCEL, "--prefix",
                               "taller")
    assert code == 0, out
    assert ("columns: received <- 'Fecha', organisation <- 'Organización', name <- 'Nombre', "
            "surname <- 'Apellidos', sector <- 'Sector', channel <- 'Canal', "
            "summary <- 'Aporte'") in out
    assert entries(record) == [
        {"id": "taller-001", "received": "2027-04-02",     # the column shows: day first
         "from": {"person": "María Pérez", "sector": "academia"}, "channel": "email",
         "summary": {"es": "Más datos; mejores datos"}, "decision": "pending"},
        {"id": "taller-002", "received": "2027-03-15",
         "from": {"name": "Cámara de Comercio", "sector": "private-sector"},
         "channel": "meeting", "summary": {"es": "Compras abiertas"}, "decision": "pending"},
        {"id": "taller-003", "summary": {"es": "Sin fecha ni autor"}, "decision": "pending"}]
    text = (record / FILE).read_text(encoding="utf-8")
    assert "{" not in text.split("contributions:")[-1] and "\r" not in text
    assert contribution_findings(capsys, record) <= {"M707"}


def test_excel_plain_csv_is_read_as_windows_1252(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    data = "Comentario;Organización\r\nMás información pública;Asociación Pro Ética\r\n"
    code, out, _ = import_file(capsys, record, tmp_path / "excel.csv", data.encode("cp1252"))
    assert code == 0 and "read as Windows-1252" in out
    assert entries(record)[0]["summary"] == {"es": "Más información pública"}
    assert entries(record)[0]["from"] == {"name": "Asociación Pro Ética"}


@pytest.mark.parametrize("export, expected", [
    # SurveyMonkey: a second heading row, month first (the column shows it), 12-hour times
    ('"Respondent ID","Collector ID","Start Date","End Date","IP Address","Email Address",'
     '"First Name","Last Name","Your proposals for the action plan"\n'
     ',,,,,,,,"Open-Ended Response"\n'
     '"1","9","03/15/2027 02:10:00 PM","03/15/2027 02:22:05 PM","203.0.113.9",'
     '"a@example.org","Ana","Gómez","Open budgets"\n'
     '"2","9","04/01/2027 09:00:00 AM","04/01/2027 09:30:00 AM","203.0.113.7",'
     '"b@example.org","","","Open contracts"\n',
     [{"received": "2027-03-15", "from": {"person": "Ana Gómez"}, "summary": "Open budgets"},
      {"received": "2027-04-01", "summary": "Open contracts"}]),
    # SurveyMonkey in Spanish: day first (the headings are Spanish), given name and surname
    ('"ID del encuestado","Fecha de inicio","Fecha de finalización","Dirección IP",'
     '"Dirección de correo electrónico","Nombre","Apellido","Sus propuestas para el plan"\n'
     ',,,,,,,"Respuesta abierta"\n'
     '"7","02/03/2027 10:00:00","02/03/2027 10:12:00","203.0.113.9","a@example.org",'
     '"Ana","Gómez","Presupuestos abiertos"\n',
     [{"received": "2027-03-02", "from": {"person": "Ana Gómez"},
       "summary": "Presupuestos abiertos"}]),
    # Microsoft Forms saved from Excel as CSV: "anonymous" is no name; two-digit years
    ("ID,Start time,Completion time,Email,Name,Your proposal for the action plan\n"
     "1,3/15/27 14:00:01,3/15/27 14:22:05,anonymous,anonymous,Publish audits\n",
     [{"received": "2027-03-15", "summary": "Publish audits"}]),
])
def test_survey_tools_headings_in_english(capsys, tmp_path: Path, export: str,
                                          expected: list) -> None:
    record = new_record(capsys, tmp_path)
    assert imported_survey(capsys, record, tmp_path, export) == expected
    assert {e["channel"] for e in entries(record)} == {"survey"}


def test_dates_that_can_be_read_two_ways(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    export = "Timestamp,Comment\n3/4/2027 10:00:00,Open data\n5/6/2027 11:00:00,Open courts\n"
    code, _, err = import_file(capsys, record, tmp_path / "forms.csv", export)
    assert code == 2 and "--date-format %d/%m/%Y or --date-format %m/%d/%Y" in err
    assert entries(record) == []
    code, out, _ = import_file(capsys, record, tmp_path / "forms.csv", export,
                               "--date-format", "%m/%d/%Y")      # the time is let go
    assert code == 0, out
    assert [e["received"] for e in entries(record)] == ["2027-03-04", "2027-05-06"]


def test_a_file_the_loader_would_refuse_is_not_written(capsys, tmp_path: Path) -> None:
    """Issue 11: 20,000 rows made a 3.6 MB file that `check` then refused (R008)."""
    record = new_record(capsys, tmp_path)
    before = (record / FILE).read_bytes()
    rows = "".join(f"Propuesta {n}: {'publicar los datos de compras públicas ' * 30}\n"
                   for n in range(2000))
    code, out, err = import_file(capsys, record, tmp_path / "big.csv", "Comentario\n" + rows,
                                 "--dry-run")
    assert code == 2 and "would be" in err, "the dry run promised what the import refuses"
    code, out, err = import_file(capsys, record, tmp_path / "big.csv", "Comentario\n" + rows)
    assert code == 2 and "added input-" not in out
    assert f"with 2,000 more contributions {FILE} would be" in err
    assert "record files are limited to 2,097,152 (R008); about 1," in err
    assert "Group similar inputs" in err
    assert (record / FILE).read_bytes() == before


def test_control_characters_in_headings_are_printed_escaped(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    code, out, err = import_file(capsys, record, tmp_path / "nul.csv",
                                 "Comen\x00tario,Nom\x1bbre\nUno,Ana\nDos,Be\x00to\n")
    assert code == 1
    assert "summary <- 'Comen\\x00tario', name <- 'Nom\\x1bbre'" in out
    assert "nul.csv:3, column 'Nom\\x1bbre': refused, the cell holds a NUL byte" in out
    assert "\x00" not in out + err and "\x1b" not in out + err
    assert [e["summary"] for e in entries(record)] == [{"es": "Uno"}]


def test_a_reordering_character_is_refused_as_progress_add_refuses_it(
        capsys, tmp_path: Path) -> None:
    """R013 (Trojan Source): the import wrote a right-to-left override that `check`
    then called an error and the site published."""
    record = new_record(capsys, tmp_path)
    code, out, err = import_file(capsys, record, tmp_path / "rlo.csv",
                                 "Comentario,Nombre\nUno,Ana\nDos \u202e txt,Beto\n")
    assert code == 1, err
    assert "rlo.csv:3, column 'Comentario': refused, the cell holds U+202E " \
        "RIGHT-TO-LEFT OVERRIDE" in out
    assert [e["summary"] for e in entries(record)] == [{"es": "Uno"}]


# -- the sample record: stakeholders named by their ids, --map, files that cannot be read --

SURVEY = ("\ufeffMarca temporal;Organización;Comentario;Canal\r\n"
          "2026-02-20 10:12:00;Transparencia Veridia;\"Publicar los pagos; también las "
          "adendas\";survey\r\n"
          "2026-02-21 09:00:00;María Pérez;\"Un mapa de obras, con \"\"fotos\"\"\";survey\r\n"
          "2026-02-21 09:00:00;María Pérez;\"Un mapa de obras, con \"\"fotos\"\"\";survey\r\n"
          "2026-02-22;;=HYPERLINK(\"x\");\r\n"
          "ayer;X;Texto;\r\n")


def test_import_appends_and_skips(capsys, sample: Path, tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_bytes(SURVEY.encode("utf-8"))
    before = (sample / SAMPLE_FILE).read_text(encoding="utf-8")
    args = ("import", "contributions", survey, "--plan", "2026-2030", "-C", sample)
    code, out, _ = run(capsys, *args, "--dry-run")
    assert code == 1 and "3 to add, 1 duplicate skipped, 1 row refused (dry run)" in out
    assert (sample / SAMPLE_FILE).read_text(encoding="utf-8") == before
    code, out, _ = run(capsys, *args)
    assert code == 1 and "3 contributions added" in out
    assert "survey.csv:4: skipped, the same source and text as line 3" in out
    assert "survey.csv:6, column 'Marca temporal': refused, 'ayer' is not a date" in out
    after = (sample / SAMPLE_FILE).read_text(encoding="utf-8")
    assert after.startswith(before)                     # existing entries and comments kept
    added = after[len(before):]
    assert "  - id: input-001\n    received: 2026-02-20\n    from: transparencia-veridia\n" \
        in added
    assert "name: María Pérez" in added and 'es: Un mapa de obras, con "fotos"' in added
    assert added.count("decision: pending") == 3
    code, out, _ = run(capsys, *args)
    assert "0 added, 4 duplicates skipped" in out and (sample / SAMPLE_FILE).read_text() == after
    assert "survey.csv:2: skipped, the same source and text are already recorded as " \
        "input-001" in out
    code, out, _ = run(capsys, "check", sample, "--today", "2026-12-02")
    assert code == 1 and out.count("M707") == 3             # decisions are now due


def test_import_with_a_map_and_bad_files(capsys, sample: Path, tmp_path: Path) -> None:
    survey = tmp_path / "export.csv"
    survey.write_text("When,Who,Your say\n2026-03-01,Red de Mujeres Líderes Comunitarias,"
                      "Night meetings\n", encoding="utf-8")
    code, _, err = run(capsys, "import", "contributions", survey, "--plan", "2026-2030",
                       "-C", sample)
    assert code == 2 and "--map summary=COLUMN" in err
    code, out, _ = run(capsys, "import", "contributions", survey, "--plan", "2026-2030",
                       "-C", sample, "--map", "summary=Your say,from=Who,received=When",
                       "--lang", "en", "--prefix", "workshop")
    assert code == 0 and "added workshop-001" in out
    text = (sample / SAMPLE_FILE).read_text(encoding="utf-8")
    assert "from: women-leaders-network" in text and "en: Night meetings" in text
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"Comentario\n\x81\x8d\x90\n")     # neither UTF-8 nor Windows-1252
    code, _, err = run(capsys, "import", "contributions", broken, "--plan", "2026-2030",
                       "-C", sample)
    assert code == 2 and "not UTF-8" in err
    for args in (("--plan", "1999-2001"), ("--plan", "2026-2030", "--channel", "fax"),
                 ("--plan", "2026-2030", "--map", "colour=Who"),
                 ("--plan", "2026-2030", "--map", "summary=Nothing")):
        assert run(capsys, "import", "contributions", survey, *args, "-C", sample)[0] == 2


@pytest.mark.parametrize("export, expected", [
    # Google Forms in French: "Horodateur" and a question holding "proposition"; day first
    ('"Horodateur","Adresse e-mail","Prénom","Nom","Organisation","Secteur",'
     '"Votre proposition pour le plan"\n'
     '"02/03/2027 14:22:05","a@example.org","Anne","Martin","","Société civile",'
     '"Publier les budgets"\n'
     '"03/03/2027 10:00:00","b@example.org","","","Anonyme","","Ouvrir les données"\n',
     [{"received": "2027-03-02", "from": {"person": "Anne Martin", "sector": "civil-society"},
       "summary": "Publier les budgets"},
      {"received": "2027-03-03", "summary": "Ouvrir les données"}]),
    # Google Forms in Portuguese
    ('"Carimbo de data/hora","Nome completo","Setor","Sua sugestão para o plano"\n'
     '"02/03/2027 09:00:00","João Silva","Governo","Dados abertos de compras"\n',
     [{"received": "2027-03-02", "from": {"person": "João Silva", "sector": "government"},
       "summary": "Dados abertos de compras"}]),
    # Google Forms in Arabic
    ('"الطابع الزمني","الاسم","المنظمة","القطاع","اقتراح"\n'
     '"02/03/2027 09:00:00","ليلى","مجهول","المجتمع المدني","نشر العقود"\n',
     [{"received": "2027-03-02", "from": {"person": "ليلى", "sector": "civil-society"},
       "summary": "نشر العقود"}]),
    # "anonymous" in the organisation column is no name either (it was stored as one)
    ("Timestamp,Organisation,Comment\n2027-03-17,anonymous,Texte\n",
     [{"received": "2027-03-17", "summary": "Texte"}]),
])
def test_form_headings_in_every_shipped_language(capsys, tmp_path: Path, export: str,
                                                 expected: list) -> None:
    record = new_record(capsys, tmp_path)
    assert imported_survey(capsys, record, tmp_path, export) == expected


def test_a_language_the_record_does_not_have_is_refused(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    before = (record / FILE).read_bytes()
    code, _, err = import_file(capsys, record, tmp_path / "export.csv",
                               "Comment\nOpen data\n", "--lang", "fr")
    assert code == 2 and "--lang fr: not a language of this record (ogp.yaml: en, es)" in err
    assert (record / FILE).read_bytes() == before


def test_a_sector_or_channel_read_from_another_word_is_said(capsys, tmp_path: Path) -> None:
    """newuser6 K17: `--map sector=Sector` filed "citizen" as civil-society without a
    word. The report says how each value not written as the record's word was read (once
    a value, with its rows); the record's own words need no note."""
    record = new_record(capsys, tmp_path)
    code, out, err = import_file(
        capsys, record, tmp_path / "c.csv",
        "Date,Text,Sector,How\n2026-10-01,More data,citizen,Encuesta\n"
        "2026-10-02,Open budgets,Citizen,survey\n2026-10-03,Courts,civil-society,survey\n",
        "--map", "summary=Text,received=Date,sector=Sector,channel=How")
    assert code == 0, err
    assert "read sector 'citizen' as civil-society (2 rows)" in out, out
    assert "read channel 'Encuesta' as survey (1 row)" in out
    assert "'civil-society' as" not in out and "'survey' as" not in out

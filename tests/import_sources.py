"""Realistic sources for `ogpctl import plan`, built in the test: a Word action plan in the
OGP template in Spanish and in English (with the irregularities real plans show), a
bilingual CSV tracker, an XLSX tracker with a progress sheet, and a Jekyll collection whose
notes carry HTML. Each builder also returns what the source itself says, so tests compare
the record with the source, not with numbers written twice."""

from __future__ import annotations

from pathlib import Path

PLAN = {
    "es": {
        "title": "Plan de Acción Nacional de Gobierno Abierto 2027-2029",
        "sections": [("1. Introducción", ["Xalia entiende el gobierno abierto como una "
                                          "política de Estado.",
                                          "El plan aborda la **corrupción** en las compras "
                                          "públicas."]),
                     ("2. Esfuerzos de gobierno abierto a la fecha",
                      ["Desde 2015 el país publica sus datos presupuestarios."]),
                     ("3. Proceso de elaboración del plan de acción",
                      ["Se realizaron doce mesas de trabajo con la sociedad civil."])],
        "commitments_heading": "4. Compromisos",
        "labels": {"country": "País", "name": "Número y nombre del compromiso",
                   "brief": "Descripción breve del compromiso (Describa qué se propone en "
                            "menos de 200 caracteres)",
                   "lead": "Institución responsable", "supporting": "Actores de apoyo",
                   "sectors": ("Gobierno", "Sociedad civil", "Otros actores"),
                   "period": "Período de vigencia", "theme": "Eje temático",
                   "extra": "Presupuesto asignado",
                   "problem_heading": "Definición del problema",
                   "problem": "1. ¿Qué problema busca abordar el compromiso?",
                   "hint": "¿Quiénes se ven afectados? ¿Dónde ocurre?",
                   "causes": "2. ¿Cuáles son las causas del problema?",
                   "description_heading": "Descripción del compromiso",
                   "solution": "2. ¿Qué solución propone?",
                   "results": "3. ¿Qué resultados queremos alcanzar con la implementación "
                              "de este compromiso?",
                   "milestones": ("Hitos", "Productos esperados",
                                  "Fecha prevista de finalización", "Actores"),
                   "lead_column": "Responsable", "lead_word": "Responsable",
                   "civil_word": "Sociedad civil", "gov_word": "Gobierno"},
        "country": "Xalia",
        "commitments": [
            {"number": 1, "title": "Presupuesto abierto",
             "brief": "Publicar el presupuesto en datos abiertos y rendir cuentas de su uso.",
             "lead": "Ministerio de Hacienda", "government": "Contraloría General",
             "civil": "Fundación Datos; Red Ciudadana", "other": "Congreso Nacional",
             "period": "30 de junio de 2027 – 30 de junio de 2029", "theme": "Transparencia "
             "fiscal", "problem": "La ciudadanía no puede seguir el gasto público.",
             "causes": "Los datos se publican en PDF y tarde.",
             "solution": "Un portal de presupuesto abierto actualizado cada mes.",
             "results": "Más consultas ciudadanas sobre el gasto.",
             "milestones": [("1.1 Publicar datos presupuestarios", "Portal en línea",
                             "31/12/2027", "Responsable: Ministerio de Hacienda"),
                            ("1.2 Talleres de uso de datos", "Cuatro talleres",
                             "junio de 2028", "Responsable: Fundación Datos")]},
            {"number": 2, "title": "Datos judiciales",
             "brief": "Abrir las sentencias de los tribunales.",
             "lead": "Poder Judicial", "government": "", "civil": "Observatorio Judicial",
             "other": "", "period": "30 de junio de 2027 – 30 de junio de 2029",
             "theme": "Justicia abierta",
             "problem": "Las sentencias no son públicas.", "causes": "No hay un repositorio.",
             "solution": "Un repositorio de sentencias anonimizadas.",
             "results": "Sentencias consultables en línea.",
             "milestones": [("2.1 Repositorio de sentencias", "Repositorio publicado",
                             "30/06/2028", "Poder Judicial")]},
        ],
    },
}
PLAN["en"] = {
    **PLAN["es"],
    "title": "National Open Government Action Plan 2027-2029",
    "sections": [("1. Introduction", ["Xalia sees open government as a state policy.",
                                      "The plan tackles **corruption** in public "
                                      "procurement."]),
                 ("2. Open government efforts to date",
                  ["Since 2015 the country has published its budget data."]),
                 ("3. Action plan development process",
                  ["Twelve working groups were held with civil society."])],
    "commitments_heading": "4. Commitments",
    "labels": {"country": "Country", "name": "Number and Name of the Commitment",
               "brief": "Brief Description of the Commitment (Describe what the commitment "
                        "wants to do in less than 200 characters.)",
               "lead": "Commitment Lead", "supporting": "Supporting Stakeholders",
               "sectors": ("Government", "Civil Society", "Other Actors (Parliament, "
                                                          "Private Sector, etc)"),
               "period": "Period Covered", "theme": "Theme", "extra": "Allocated budget",
               "problem_heading": "Problem Definition",
               "problem": "1. What problem does the commitment aim to address?",
               "hint": "Who are affected? Where is it taking place?",
               "causes": "2. What are the causes of the problem?",
               "description_heading": "Commitment Description",
               "solution": "2. What solution are you proposing?",
               "results": "3. What results do we want to achieve by implementing this "
                          "commitment?",
               "milestones": ("Milestones (Milestones are part of a series of actions)",
                              "Expected Outputs", "Expected Completion Date",
                              "Stakeholders"),
               "lead_column": "Lead", "lead_word": "Lead", "civil_word": "CSOs",
               "gov_word": "Government"},
    "commitments": [
        {**PLAN["es"]["commitments"][0], "title": "Open budget",
         "brief": "Publish the budget as open data and account for its use.",
         "period": "30 June 2027 – 30 June 2029", "theme": "Fiscal transparency",
         "problem": "Citizens cannot follow public spending.",
         "causes": "Data are published late and as PDF.",
         "solution": "An open budget portal updated every month.",
         "results": "More citizen queries about spending.",
         "milestones": [("1.1 Publish budget data", "Portal online", "December 31, 2027",
                         "Lead: Ministerio de Hacienda"),
                        ("1.2 Data use workshops", "Four workshops", "June 2028",
                         "Lead: Fundación Datos")]},
        {**PLAN["es"]["commitments"][1], "title": "Judicial data",
         "brief": "Open the courts' rulings.", "theme": "Open justice",
         "period": "30 June 2027 – 30 June 2029",
         "problem": "Rulings are not public.", "causes": "There is no repository.",
         "solution": "A repository of anonymised rulings.",
         "results": "Rulings searchable online.",
         "milestones": [("2.1 Rulings repository", "Repository published", "2028-06-30",
                         "Poder Judicial")]},
    ],
}


def word_plan(path: Path, lang: str, bad_date: bool = False) -> dict:
    """The action plan in the OGP template, in `lang`, with a real plan's irregularities:
    numbered and bold labels, a label with the template's hint in brackets, merged cells,
    a row the template does not have, the problem's hint kept under its question, the
    causes as a table of their own, a month instead of a day, a stakeholder row below a
    milestone, and a second commitment whose milestone table has a lead column."""
    from docx import Document

    plan = PLAN[lang]
    words = plan["labels"]
    doc = Document()
    doc.add_paragraph(plan["title"], style="Title")
    for heading, paragraphs in plan["sections"]:
        doc.add_heading(heading, level=1)
        for text in paragraphs:
            _rich(doc.add_paragraph(), text)
    doc.add_heading(plan["commitments_heading"], level=1)
    for index, item in enumerate(plan["commitments"]):
        _header_table(doc, plan, item, index)
        doc.add_heading(words["problem_heading"], level=2)
        doc.add_paragraph().add_run(words["problem"]).bold = True
        doc.add_paragraph().add_run(words["hint"]).italic = True
        doc.add_paragraph(item["problem"])
        causes = doc.add_table(rows=2, cols=1)
        causes.cell(0, 0).text = words["causes"]
        causes.cell(1, 0).text = item["causes"]
        doc.add_heading(words["description_heading"], level=2)
        for key in ("solution", "results"):
            doc.add_paragraph().add_run(words[key]).bold = True
            doc.add_paragraph(item[key])
        _milestone_table(doc, words, item, lead_column=index == 1, bad_date=bad_date)
    doc.save(str(path))
    return plan


def _rich(paragraph, text: str) -> None:
    for number, part in enumerate(text.split("**")):
        run = paragraph.add_run(part)
        run.bold = number % 2 == 1


def _header_table(doc, plan: dict, item: dict, index: int) -> None:
    words = plan["labels"]
    rows = [(words["country"], plan["country"]),
            (words["name"], f"{item['number']}. {item['title']}" if index == 0
             else f"Compromiso {item['number']}: {item['title']}" if plan is PLAN["es"]
             else f"Commitment {item['number']}: {item['title']}"),
            (words["brief"], item["brief"]), (words["lead"], item["lead"]),
            (words["supporting"], None), ("", None), (words["period"], item["period"]),
            (words["theme"], item["theme"]), (words["extra"], "USD 100.000")]
    table = doc.add_table(rows=len(rows), cols=4)
    for number, (label, value) in enumerate(rows):
        cells = table.rows[number].cells
        run = cells[0].paragraphs[0].add_run(f"{number}. {label}" if index == 0 and label
                                             else label)
        run.bold = True
        if value is not None:
            cells[1].merge(cells[3]).text = value
    table.cell(4, 0).merge(table.cell(5, 0))
    for column, (head, names) in enumerate(zip(words["sectors"], (
            item["government"], item["civil"], item["other"]), strict=True), 1):
        table.cell(4, column).text = head
        table.cell(5, column).text = names.replace("; ", "\n")


def _milestone_table(doc, words: dict, item: dict, lead_column: bool, bad_date: bool) -> None:
    heads = list(words["milestones"])
    if lead_column:
        heads = [heads[0], words["lead_column"], heads[1], heads[2]]
    rows = item["milestones"]
    table = doc.add_table(rows=1, cols=len(heads))
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        cell.text = head
    for title, output, due, people in rows:
        if bad_date and title.startswith("1.2"):
            due = "pronto"
        cells = table.add_row().cells
        values = [title, people, output, due] if lead_column else [title, output, due, people]
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
        if not lead_column and title.startswith("1.1"):
            below = table.add_row().cells
            for column in range(3):
                cells[column].merge(below[column])
            below[3].text = f"{words['gov_word']}: Contraloría General\n" \
                            f"{words['civil_word']}: Red Ciudadana"


# -- trackers ---------------------------------------------------------------------------------

#: A bilingual tracker: one row per milestone, the commitment's cells left empty below its
#: first row, statuses in Spanish, dates day first, and one group of columns per report.
TRACKER_ROWS = [
    ("N°", "Eje", "Compromiso", "Commitment", "OGP ID", "Página IRM", "Hito", "Hito (ES)",
     "Milestone (EN)", "Institución responsable", "Fecha de término", "Estado",
     "Avance jun 2028", "Progress Jun 2028", "Estado jun 2028", "Evidencia jun 2028"),
    ("1", "Transparencia fiscal", "Presupuesto abierto", "Open budget", "XA0001",
     "https://www.opengovpartnership.org/members/xalia/commitments/XA0001/", "1.1",
     "Publicar datos presupuestarios", "Publish budget data", "Ministerio de Hacienda",
     "31/12/2027", "Completado", "Publicado en el portal", "Published on the portal",
     "Completado", "https://presupuesto.example.org/datos"),
    ("", "", "", "", "", "", "1.2", "Talleres de uso de datos", "Data use workshops",
     "Fundación Datos", "30/06/2028", "En curso", "Dos de cuatro talleres",
     "Two of four workshops", "En curso", ""),
    ("2", "Justicia abierta", "Datos judiciales", "Judicial data", "XA0002", "", "2.1",
     "Repositorio de sentencias", "Rulings repository", "Poder Judicial", "30/06/2028",
     "No iniciado", "", "", "", ""),
    ("", "", "", "", "", "", "2.2", "Guía de anonimización", "Anonymisation guide",
     "Poder Judicial", "31/12/2028", "Completado", "Guía aprobada", "Guide approved",
     "Completado", ""),
]
TRACKER_MAPPING = """\
# yaml-language-server: $schema=schemas/import-mapping.schema.json
source: tracker
date-format: "%d/%m/%Y"
commitment:
  number: N°
  title: {es: Compromiso, en: Commitment}
  theme: {es: Eje}
  ogp-id: OGP ID
  links:
    - {column: Página IRM, title: IRM}
milestone:
  number: Hito
  title: {es: Hito (ES), en: Milestone (EN)}
  lead: Institución responsable
  due: Fecha de término
  status: Estado
progress-columns:
  - date: 2028-06-30
    status: Estado jun 2028
    note: {es: Avance jun 2028, en: Progress Jun 2028}
    evidence: Evidencia jun 2028
"""


def csv_tracker(path: Path, rows: list[tuple] | None = None) -> list[tuple]:
    import csv

    rows = rows or TRACKER_ROWS
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)
    return rows


#: The workbook: a title row above the headings, real dates, and a progress sheet with one
#: row per update (the newest decides nothing: each milestone's status is its own column).
XLSX_MAPPING = """\
source: tracker
sheet: Plan
header-row: 2
commitment:
  number: No.
  title: Commitment
  brief-description: Summary
  lead: Lead agency
  civil-society: Civil society partners
milestone:
  number: Milestone
  title: Milestone title
  due: Due
  status: Status
statuses:
  Done: completed
  Ongoing: in-progress
  Not yet: not-started
progress-rows:
  sheet: Progress
  milestone: Milestone
  date: Reported
  status: Status
  note: Note
  evidence: Link
"""


def xlsx_tracker(path: Path) -> dict:
    from datetime import date

    from openpyxl import Workbook

    book = Workbook()
    plan = book.active
    plan.title = "Plan"
    plan.append(["Xalia OGP tracker 2027-2029"])
    plan.append(["No.", "Commitment", "Summary", "Lead agency", "Civil society partners",
                 "Milestone", "Milestone title", "Due", "Status"])
    milestones = [
        (1, "Open contracting", "Publish every contract.", "Procurement Agency",
         "Transparencia Xalia; Red Ciudadana", "1.1", "Contracts portal", date(2028, 3, 31),
         "Done"),
        (None, None, None, None, None, "1.2", "Contract data standard", date(2028, 9, 30),
         "Ongoing"),
        (None, None, None, None, None, "1.3", "Red flags dashboard", date(2029, 3, 31),
         "Not yet"),
        (2, "Beneficial ownership", "A public register of owners.", "Registry Office", None,
         "2.1", "Register law", date(2028, 6, 30), "Done"),
    ]
    for row in milestones:
        plan.append(list(row))
    progress = book.create_sheet("Progress")
    progress.append(["Milestone", "Reported", "Status", "Note", "Link"])
    progress.append(["1.1", date(2027, 12, 15), "Ongoing", "Portal in testing", ""])
    progress.append(["1.1", date(2028, 4, 2), "Done", "Portal launched",
                     "https://contratos.example.org"])
    progress.append(["2.1", date(2028, 7, 1), "Done", "Law passed", ""])
    book.save(str(path))
    return {"commitments": 2, "milestones": 4,
            "statuses": {"completed": 2, "in-progress": 1, "not-started": 1},
            "updates": 3}


# -- a Jekyll collection ------------------------------------------------------------------------

JEKYLL_MAPPING = """\
source: markdown
files: _commitments/*.md
language: lang
kind: {key: layout, commitment: commitment, milestone: milestone}
commitment:
  number: number
  title: title
  theme: theme
  lead: agency
  body: solution
milestone:
  commitment: commitment
  number: number
  title: title
  due: due
  status: state
  body: output
statuses:
  terminado: completed
  avanzando: in-progress
progress-notes:
  key: updates
  date: date
  status: state
  note: note
"""
JEKYLL = {
    "_commitments/01-compras.md": ("---\nlayout: commitment\nlang: es\nnumber: 1\n"
                                   "title: Compras abiertas\ntheme: Integridad\n"
                                   "agency: Agencia de Compras\n---\n"
                                   "<p>Publicar <strong>todas</strong> las compras en datos "
                                   "abiertos.</p>\n"),
    "_commitments/01-1-portal.md": (
        "---\nlayout: milestone\nlang: es\ncommitment: 1\nnumber: 1\n"
        "title: Portal de compras\ndue: 2028-03-31\nstate: terminado\nupdates:\n"
        "  - date: 2027-12-01\n    state: avanzando\n"
        "    note: \"<p>Versión de prueba <a href='https://compras.example.org/beta'>en "
        "línea</a>.</p><script>alert(1)</script>\"\n"
        "  - date: 2028-03-30\n    state: terminado\n"
        "    note: \"<p>Portal <em>publicado</em>; ver <a href='javascript:alert(1)'>aquí"
        "</a> y el <a href='https://compras.example.org/informe.pdf'>informe</a>.</p>\"\n"
        "---\n<ul><li>Portal en línea</li><li>Datos descargables</li></ul>\n"),
    "_commitments/01-2-formacion.md": (
        "---\nlayout: milestone\nlang: es\ncommitment: 1\nnumber: 2\n"
        "title: Formación a compradores\ndue: 2028-09-30\nstate: avanzando\n---\n"
        "Cien compradores formados.\n"),
}


def jekyll_site(folder: Path) -> dict:
    for rel, text in JEKYLL.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (folder / "_config.yml").write_text("title: Xalia OGP\n", encoding="utf-8")
    (folder / "index.md").write_text("---\nlayout: home\n---\nHola\n", encoding="utf-8")
    return {"commitments": 1, "milestones": 2, "completed": 1}


# -- ogpctl's own plans: a record whose texts are all in one language, rendered by ogpctl --

#: What a commitment says in each language ogpctl ships, for the round trip: rendered to
#: Word by ogpctl, then imported into a fresh record, the same commitment must come back.
ROUND_TRIP: dict[str, dict[str, str]] = {
    "en": {
        "country": "Republic of Testland", "title": "Open contracting for public works",
        "brief": "Publish payments and progress of every public work on a **public map**.",
        "theme": "Public integrity", "lead": "National Procurement Directorate",
        "gov": "Court of Audit", "gov_role": "Follows up findings within 90 days",
        "civil": "Citizen Transparency", "civil_role": "Monitors publication",
        "civil2": "Open Data Collective", "other": "Chamber of Commerce",
        "other_role": "Informs construction companies",
        "what": "Communities cannot see whether the works they were promised progress.",
        "causes": "Payments and contracts live in two systems that are not connected.",
        "done": "Contracts have been published in OCDS since 2024.",
        "solution": "Extend publication to the implementation stage.",
        "results": "Anyone can follow every public work from tender to completion.",
        "relevance": "Implementation data become public and reusable.",
        "m1": "Publication rules", "m1_output": "A resolution published in the Official "
        "Gazette", "m2": "Public works map", "m2_output": "A public map of every work",
        "m2_gov": "Ministry of Finance, Planning and Budget",
        "intro": "Testland sees open government as a policy of the State.",
        "activity": "Train the site supervisors of the pilot entities",
        "resources": "320,000 in the procurement budget",
        "challenge": "Flood recovery spending",
        "priority": "The floods of 2028 call for emergency contracts in the open.",
        "co_creation": "Agreed with the forum on 3 May 2028.",
        "response": "The forum asked for weekly publication; it is monthly for lack of staff.",
    },
    "es": {
        "country": "República de Testlandia", "title": "Contratación abierta de obras públicas",
        "brief": "Publicar pagos y avance de toda obra pública en un **mapa público**.",
        "theme": "Integridad pública", "lead": "Dirección Nacional de Contrataciones",
        "gov": "Contraloría General", "gov_role": "Da seguimiento a los hallazgos en 90 días",
        "civil": "Transparencia Ciudadana", "civil_role": "Monitorea la publicación",
        "civil2": "Colectivo Datos Abiertos", "other": "Cámara de Comercio",
        "other_role": "Informa a las empresas constructoras",
        "what": "Las comunidades no pueden ver si avanzan las obras prometidas.",
        "causes": "Pagos y contratos están en dos sistemas que no se comunican.",
        "done": "Los contratos se publican en OCDS desde 2024.",
        "solution": "Extender la publicación a la etapa de ejecución.",
        "results": "Cualquier persona puede seguir toda obra pública hasta su entrega.",
        "relevance": "Los datos de ejecución pasan a ser públicos y reutilizables.",
        "m1": "Reglas de publicación", "m1_output": "Una resolución publicada en el Diario "
        "Oficial", "m2": "Mapa de obras públicas", "m2_output": "Un mapa público de toda obra",
        "m2_gov": "Ministerio de Hacienda, Planificación y Presupuesto",
        "intro": "Testlandia entiende el gobierno abierto como una política de Estado.",
        "activity": "Capacitar a los supervisores de obra de las entidades piloto",
        "resources": "320.000 en el presupuesto de compras",
        "challenge": "Gasto de recuperación tras las inundaciones",
        "priority": "Las inundaciones de 2028 exigen contratos de emergencia abiertos.",
        "co_creation": "Acordado con el foro el 3 de mayo de 2028.",
        "response": "El foro pidió publicación semanal; es mensual por falta de personal.",
    },
    "fr": {
        "country": "République de Testlande", "title": "Contrats ouverts pour les travaux publics",
        "brief": "Publier les paiements et l'avancement de chaque chantier sur une **carte "
                 "publique**.",
        "theme": "Intégrité publique", "lead": "Direction nationale des marchés publics",
        "gov": "Cour des comptes", "gov_role": "Assure le suivi des constats sous 90 jours",
        "civil": "Transparence citoyenne", "civil_role": "Surveille la publication",
        "civil2": "Collectif Données ouvertes", "other": "Chambre de commerce",
        "other_role": "Informe les entreprises de construction",
        "what": "Les communautés ne peuvent pas voir si les chantiers promis avancent.",
        "causes": "Les paiements et les contrats sont dans deux systèmes non reliés.",
        "done": "Les contrats sont publiés en OCDS depuis 2024.",
        "solution": "Étendre la publication à la phase d'exécution.",
        "results": "Chacun peut suivre chaque chantier public jusqu'à sa réception.",
        "relevance": "Les données d'exécution deviennent publiques et réutilisables.",
        "m1": "Règles de publication", "m1_output": "Un arrêté publié au Journal officiel",
        "m2": "Carte des travaux publics", "m2_output": "Une carte publique de chaque chantier",
        "m2_gov": "Ministère des Finances, du Plan et du Budget",
        "intro": "La Testlande voit le gouvernement ouvert comme une politique d'État.",
        "activity": "Former les surveillants de chantier des entités pilotes",
        "resources": "320 000 au budget des marchés",
        "challenge": "Dépenses de reconstruction après les inondations",
        "priority": "Les inondations de 2028 appellent des marchés d'urgence ouverts.",
        "co_creation": "Convenu avec le forum le 3 mai 2028.",
        "response": "Le forum a demandé une publication hebdomadaire ; elle est mensuelle "
                    "faute de personnel.",
    },
    "pt": {
        "country": "República da Testlândia", "title": "Contratação aberta de obras públicas",
        "brief": "Publicar pagamentos e o avanço de cada obra pública num **mapa público**.",
        "theme": "Integridade pública", "lead": "Direção Nacional de Compras Públicas",
        "gov": "Tribunal de Contas", "gov_role": "Acompanha as constatações em 90 dias",
        "civil": "Transparência Cidadã", "civil_role": "Monitora a publicação",
        "civil2": "Coletivo Dados Abertos", "other": "Câmara de Comércio",
        "other_role": "Informa as empresas de construção",
        "what": "As comunidades não conseguem ver se as obras prometidas avançam.",
        "causes": "Pagamentos e contratos estão em dois sistemas não ligados.",
        "done": "Os contratos são publicados em OCDS desde 2024.",
        "solution": "Estender a publicação à fase de execução.",
        "results": "Qualquer pessoa pode acompanhar cada obra pública até a entrega.",
        "relevance": "Os dados de execução tornam-se públicos e reutilizáveis.",
        "m1": "Regras de publicação", "m1_output": "Uma portaria publicada no Diário Oficial",
        "m2": "Mapa de obras públicas", "m2_output": "Um mapa público de cada obra",
        "m2_gov": "Ministério da Fazenda, Planejamento e Orçamento",
        "intro": "A Testlândia entende o governo aberto como uma política de Estado.",
        "activity": "Capacitar os fiscais de obra das entidades-piloto",
        "resources": "320.000 no orçamento de compras",
        "challenge": "Gastos de recuperação após as enchentes",
        "priority": "As enchentes de 2028 exigem contratos de emergência abertos.",
        "co_creation": "Acordado com o fórum em 3 de maio de 2028.",
        "response": "O fórum pediu publicação semanal; é mensal por falta de pessoal.",
    },
    "ar": {
        "country": "جمهورية تستلاند", "title": "التعاقد المفتوح للأشغال العامة",
        "brief": "نشر المدفوعات وتقدم كل مشروع عام على **خريطة عامة**.",
        "theme": "النزاهة العامة", "lead": "المديرية الوطنية للمشتريات",
        "gov": "ديوان المحاسبة", "gov_role": "يتابع النتائج خلال 90 يوما",
        "civil": "الشفافية المدنية", "civil_role": "يراقب النشر",
        "civil2": "تجمع البيانات المفتوحة", "other": "غرفة التجارة",
        "other_role": "تبلغ شركات البناء",
        "what": "لا تستطيع المجتمعات أن ترى إن كانت المشاريع الموعودة تتقدم.",
        "causes": "المدفوعات والعقود في نظامين غير مترابطين.",
        "done": "تنشر العقود بمعيار OCDS منذ 2024.",
        "solution": "توسيع النشر ليشمل مرحلة التنفيذ.",
        "results": "يستطيع أي شخص متابعة كل مشروع عام حتى تسليمه.",
        "relevance": "تصبح بيانات التنفيذ عامة وقابلة لإعادة الاستخدام.",
        "m1": "قواعد النشر", "m1_output": "قرار منشور في الجريدة الرسمية",
        "m2": "خريطة الأشغال العامة", "m2_output": "خريطة عامة لكل مشروع",
        "m2_gov": "وزارة المالية، التخطيط والميزانية",
        "intro": "ترى تستلاند الحكومة المفتوحة سياسة دولة.",
        "activity": "تدريب مشرفي المواقع في الجهات التجريبية",
        "resources": "320000 في ميزانية المشتريات",
        "challenge": "إنفاق التعافي بعد الفيضانات",
        "priority": "تتطلب فيضانات 2028 عقود طوارئ مفتوحة.",
        "co_creation": "اتفق عليه مع المنتدى في 3 مايو 2028.",
        "response": "طلب المنتدى النشر أسبوعيا؛ وهو شهري لنقص الموظفين.",
    },
    # A language ogpctl has no labels in: its documents have English labels, and the
    # record's Georgian texts and Georgian dates (newuser6 K8).
    "ka": {
        "country": "ტესტლენდის რესპუბლიკა", "title": "საჯარო სამუშაოების ღია კონტრაქტები",
        "brief": "ყველა საჯარო სამუშაოს გადახდებისა და პროგრესის გამოქვეყნება **საჯარო "
                 "რუკაზე**.",
        "theme": "საჯარო კეთილსინდისიერება", "lead": "სახელმწიფო შესყიდვების დირექტორატი",
        "gov": "აუდიტის სამსახური", "gov_role": "ადევნებს თვალს დასკვნებს 90 დღეში",
        "civil": "მოქალაქეთა გამჭვირვალობა", "civil_role": "აკვირდება გამოქვეყნებას",
        "civil2": "ღია მონაცემების კოლექტივი", "other": "სავაჭრო პალატა",
        "other_role": "აწვდის ინფორმაციას სამშენებლო კომპანიებს",
        "what": "თემები ვერ ხედავენ, მიმდინარეობს თუ არა დაპირებული სამუშაოები.",
        "causes": "გადახდები და კონტრაქტები ორ დაუკავშირებელ სისტემაშია.",
        "done": "კონტრაქტები 2024 წლიდან OCDS-ით ქვეყნდება.",
        "solution": "გამოქვეყნების გავრცელება შესრულების ეტაპზე.",
        "results": "ნებისმიერს შეუძლია ყველა სამუშაოს თვალყურის დევნება დასრულებამდე.",
        "relevance": "შესრულების მონაცემები საჯარო და ხელახლა გამოყენებადი ხდება.",
        "m1": "გამოქვეყნების წესები", "m1_output": "ოფიციალურ გაზეთში გამოქვეყნებული "
        "დადგენილება", "m2": "საჯარო სამუშაოების რუკა", "m2_output": "ყველა სამუშაოს "
        "საჯარო რუკა", "m2_gov": "ფინანსთა, დაგეგმვისა და ბიუჯეტის სამინისტრო",
        "intro": "ტესტლენდი ღია მმართველობას სახელმწიფო პოლიტიკად მიიჩნევს.",
        "activity": "საპილოტე უწყებების ზედამხედველთა მომზადება",
        "resources": "320 000 შესყიდვების ბიუჯეტში",
        "challenge": "წყალდიდობის შემდგომი აღდგენის ხარჯები",
        "priority": "2028 წლის წყალდიდობა ღია საგანგებო კონტრაქტებს მოითხოვს.",
        "co_creation": "შეთანხმდა ფორუმთან 2028 წლის 3 მაისს.",
        "response": "ფორუმმა ყოველკვირეული გამოქვეყნება ითხოვა; ის ყოველთვიურია.",
    },
}
ROUND_TRIP_PERIOD = {"start": "2027-07-01", "end": "2029-06-30"}
ROUND_TRIP_DUES = ("2027-09-15", "2028-03-31")


def section_heading(lang: str) -> str:
    """A heading a plan's introduction may have that is also a part of a commitment in
    ogpctl's documents: it stays the introduction's."""
    from ogpctl.base.i18n import Language

    return Language(lang)._("Activities")


def _named(ident: str, name: str, sector: str, lang: str) -> dict:
    return {"id": ident, "name": {lang: name}, "sector": sector}


def round_trip_record(root: Path, plan: str, lang: str) -> dict[int, dict]:
    """Fill an `ogpctl init` record's plan `plan` with one commitment (and its
    organisations and introduction) and a challenge commitment, all their texts in `lang`;
    returns the commitments' data as their files hold it. YAML is written as JSON, which
    YAML reads."""
    import json

    t = ROUND_TRIP[lang]
    people = [_named("procurement", t["lead"], "government", lang),
              _named("audit", t["gov"], "government", lang),
              _named("finance", t["m2_gov"], "government", lang),
              _named("transparency", t["civil"], "civil-society", lang),
              _named("open-data", t["civil2"], "civil-society", lang),
              _named("chamber", t["other"], "private-sector", lang)]
    (root / "stakeholders.yaml").write_text(json.dumps({"stakeholders": people}),
                                            encoding="utf-8")

    def role(ident: str, text: str) -> dict:
        return {"stakeholder": ident, "role": {lang: text}}
    data = {
        "title": {lang: t["title"]}, "brief-description": {lang: t["brief"]},
        "theme": {lang: t["theme"]}, "kind": "regular", "lead": "procurement",
        "supporting": {"government": [role("audit", t["gov_role"])],
                       "civil-society": [role("transparency", t["civil_role"]), "open-data"],
                       "other": [role("chamber", t["other_role"])]},
        "period": dict(ROUND_TRIP_PERIOD),
        "problem": {"what": {lang: t["what"]}, "causes": {lang: t["causes"]}},
        "description": {"done-so-far": {lang: t["done"]}, "solution": {lang: t["solution"]},
                        "results": {lang: t["results"]}},
        "values": ["transparency", "accountability", "participation", "technology-innovation"],
        "relevance": {lang: t["relevance"]},
        "milestones": [
            {"number": 1, "title": {lang: t["m1"]}, "output": {lang: t["m1_output"]},
             "due": ROUND_TRIP_DUES[0], "lead": "procurement", "status": "not-started"},
            {"number": 2, "title": {lang: t["m2"]}, "output": {lang: t["m2_output"]},
             "due": ROUND_TRIP_DUES[1], "lead": "open-data", "status": "not-started",
             "supporting": {"government": ["finance", "audit"]}}],
        "implementation-plan": {"activities": [{lang: t["m1"]}, {lang: t["activity"]}],
                                "resources": {lang: t["resources"]}},
    }
    challenge = {
        "title": {lang: t["challenge"]}, "kind": "challenge", "lead": "audit",
        "period": {"start": "2028-05-15", "end": "2029-06-30"},
        "challenge": {"added": "2028-05-15", "priority": {lang: t["priority"]},
                      "co-creation": {lang: t["co_creation"]},
                      "reasoned-response": {lang: t["response"]}},
        "milestones": [{"number": 1, "title": {lang: t["m1"]}, "due": "2028-12-31",
                        "lead": "audit", "status": "not-started"},
                       {"number": 2, "due": "2029-03-31", "lead": "audit",     # untitled
                        "status": "not-started"}],
    }
    folder = root / "plans" / plan
    for old in (folder / "commitments").glob("*.yaml"):
        old.unlink()
    for name, item in (("01-works", data), ("02-challenge", challenge)):
        (folder / "commitments" / f"{name}.yaml").write_text(
            json.dumps(item, ensure_ascii=False), encoding="utf-8")
    (folder / "sections" / f"introduction.{lang}.md").write_text(
        f"{t['intro']}\n\n### {section_heading(lang)}\n\n{t['activity']}\n", encoding="utf-8")
    return {1: data, 2: challenge}


#: A government's own Word plan in the OGP template (newuser6): months and a quarter for
#: dates, "ongoing", a period in months, and the template's supporting stakeholders headed
#: "Civil Society Organizations"; in English and in French, with the names in each.
GOVERNMENT_PLAN = {
    "en": {
        "labels": ("Number and Name of the Commitment", "Brief Description",
                   "Commitment Lead", "Supporting Stakeholders", "Period Covered",
                   "What problem does the commitment aim to address?"),
        "sectors": ("Government", "Civil Society Organizations",
                    "Other Actors (Parliaments, Private Sector, etc.)"),
        "milestones": ("Milestones", "Expected Outputs", "Expected Completion Date",
                       "Stakeholders"),
        "title": "Open municipal budgets", "lead": "Ministry of Finance",
        "government": ("Ministry of Regional Development", "State Audit Office"),
        "period": "January 2025 – December 2026",
        "problem": "Citizens cannot see how municipal budgets are spent.",
        "rows": (("1.1 Adopt a data standard", "Standard published", "June 2025", ""),
                 ("1.2 Train municipal staff", "300 staff trained", "Q3 2026",
                  "CSOs: IDFI"),
                 ("1.3 Publish quarterly data", "64 datasets a quarter", "ongoing", "")),
    },
    "fr": {
        "labels": ("Numéro et nom de l’engagement", "Brève description",
                   "Responsable de l’engagement", "Parties prenantes d’appui",
                   "Période couverte", "Quel problème l’engagement vise-t-il à résoudre ?"),
        "sectors": ("Gouvernement", "Organisations de la société civile", "Autres acteurs"),
        "milestones": ("Jalons", "Produits attendus", "Date d’achèvement prévue",
                       "Parties prenantes"),
        "title": "Budgets municipaux ouverts", "lead": "Ministère des Finances",
        "government": ("Ministère du Développement régional", "Cour des comptes"),
        "period": "janvier 2025 – décembre 2026",
        "problem": "Les citoyens ne voient pas comment les budgets municipaux sont dépensés.",
        "rows": (("1.1 Adopter une norme de données", "Norme publiée", "juin 2025", ""),
                 ("1.2 Former le personnel municipal", "300 agents formés", "T3 2026",
                  "OSC : IDFI"),
                 ("1.3 Publier les données trimestrielles", "64 jeux par trimestre",
                  "en continu", "")),
    },
}
GOVERNMENT_CSOS = ("Transparency International Georgia", "IDFI")


def government_plan(path: Path, lang: str) -> None:
    """The Word plan of GOVERNMENT_PLAN in `lang`, as a government types one."""
    from docx import Document

    plan = GOVERNMENT_PLAN[lang]
    labels = plan["labels"]
    doc = Document()
    table = doc.add_table(rows=0, cols=4)
    for label, value in ((labels[0], f"1. {plan['title']}"),
                         (labels[1], plan["problem"][:60]), (labels[2], plan["lead"])):
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].merge(cells[2]).merge(cells[3]).text = value
    cells = table.add_row().cells
    cells[0].text = labels[3]
    for cell, head in zip(cells[1:], plan["sectors"], strict=True):
        cell.text = head
    cells = table.add_row().cells
    cells[1].text, cells[2].text = "\n".join(plan["government"]), "\n".join(GOVERNMENT_CSOS)
    for label, value in ((labels[4], plan["period"]), (labels[5], plan["problem"])):
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].merge(cells[2]).merge(cells[3]).text = value
    milestones = doc.add_table(rows=1, cols=4)
    for cell, head in zip(milestones.rows[0].cells, plan["milestones"], strict=True):
        cell.text = head
    for row in plan["rows"]:
        for cell, text in zip(milestones.add_row().cells, row, strict=True):
            cell.text = text
    doc.save(str(path))

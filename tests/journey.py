"""A record's whole life as a new user lives it, with only ogpctl's own commands and a text
editor: `init` in Spanish and English, `new-plan`, `new-commitment`, the guide questions
answered, contributions imported from a form export, delivery, progress, an amendment, the
refresh and the end of term. Every command runs in-process; git commits carry fixed dates.

`Journey` keeps what each command printed and wrote, so tests/test_journey.py can look at
what a reader sees at each stage.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from tests.gitrepo import commit, git

PLAN = "2027-2031"
COMMITMENT_1 = "plans/2027-2031/commitments/01-contratacion-abierta-en-obras-publicas.yaml"
COMMITMENT_2 = "plans/2027-2031/commitments/02-registro-de-beneficiarios-finales.yaml"


@dataclass
class Result:
    code: int
    out: str
    err: str


@dataclass
class Journey:
    root: Path
    log: list[tuple[tuple[str, ...], Result]] = field(default_factory=list)
    stages: dict[str, Any] = field(default_factory=dict)
    #: told each command and its result as it runs (the demo prints them)
    echo: Callable[[tuple[str, ...], Result], None] | None = None

    def run(self, *args: str) -> Result:
        from ogpctl.cli import main

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([str(a) for a in args])
        result = Result(code, out.getvalue(), err.getvalue())
        self.log.append((tuple(str(a) for a in args), result))
        if self.echo is not None:
            self.echo(tuple(str(a) for a in args), result)
        assert "Traceback" not in result.err, (args, result.err)
        assert code in (0, 1), (args, code, result.out, result.err)
        return result

    def ok(self, *args: str) -> Result:
        result = self.run(*args)
        assert result.code == 0, (args, result.out, result.err)
        return result

    def commit(self, message: str, when: str) -> None:
        commit(self.root, message, f"{when}T10:00:00+00:00")

    def edit(self, file: str, /, **values: Any) -> None:
        """Set fields of a YAML file the way a person in an editor would: in place, the
        guide comments kept. Keys are dotted paths; list items by index."""
        yaml = YAML()
        yaml.preserve_quotes = True
        yaml.width = 100
        path = self.root / file
        data = yaml.load(path.read_text(encoding="utf-8"))
        for dotted, value in values.items():
            *parents, last = dotted.split(".")
            node = data
            for part in parents:
                node = node[int(part)] if part.isdigit() else node[part]
            node[int(last) if last.isdigit() else last] = value
        with path.open("w", encoding="utf-8") as stream:
            yaml.dump(data, stream)

    def append(self, file: str, key: str, item: dict[str, Any]) -> None:
        yaml = YAML()
        yaml.width = 100
        path = self.root / file
        data = yaml.load(path.read_text(encoding="utf-8"))
        node = data
        for part in key.split("."):
            node = node[int(part)] if part.isdigit() else node[part]
        node.append(item)
        with path.open("w", encoding="utf-8") as stream:
            yaml.dump(data, stream)

    def answer_section(self, name: str, text: str) -> None:
        """Write below a section's guide comment, which stays (as the scaffold allows)."""
        path = self.root / PLAN_DIR / "sections" / name
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n",
                        encoding="utf-8")


PLAN_DIR = f"plans/{PLAN}"


def _formats() -> tuple[str, ...]:
    from ogpctl.render.pdf import pdf_missing

    return ("md", "html", "docx") + (() if pdf_missing() else ("pdf",))


#: Every document format this machine can write (PDF needs the typst package).
FORMATS = _formats()


def both(en: str, es: str) -> dict[str, str]:
    return {"en": en, "es": es}


def fill_profile(j: Journey) -> None:
    j.edit("ogp.yaml", **{
        "member-since": "2016-09-20",
        "point-of-contact.name": "Lucía Fernández",
        "point-of-contact.role": both("Open Government Coordinator",
                                      "Coordinadora de Gobierno Abierto"),
        "point-of-contact.email": "ogp@gobierno.cs.example",
        "website": "https://gobiernoabierto.cs.example",
        "repository": "https://gobiernoabierto.cs.example/repositorio",
    })
    j.edit("stakeholders.yaml", **{
        "stakeholders.0.name.en": "Open Government Secretariat",
        "stakeholders.0.contact.name": "Lucía Fernández",
        "stakeholders.0.contact.email": "ogp@gobierno.cs.example",
    })
    for ident, en, es, sector in (
            ("direccion-de-compras", "Public Procurement Directorate",
             "Dirección de Compras Públicas", "government"),
            ("registro-mercantil", "Companies Registry", "Registro Mercantil", "government"),
            ("ciudadania-activa", "Active Citizenship", "Ciudadanía Activa", "civil-society"),
            ("transparencia-cs", "Transparency Costa Serena", "Transparencia Costa Serena",
             "civil-society")):
        j.append("stakeholders.yaml", "stakeholders",
                 {"id": ident, "name": both(en, es), "sector": sector})
    j.edit("forum/forum.yaml", **{
        "name": both("Open Government Forum", "Foro de Gobierno Abierto"),
        "basis.kind": "decree",
        "basis.reference": "Decreto 45/2016",
        "rules-url": "https://gobiernoabierto.cs.example/foro/reglamento",
        "meeting-frequency": "quarterly",
    })
    for member in ("secretaria-de-gobierno-abierto", "ciudadania-activa", "transparencia-cs"):
        j.append("forum/forum.yaml", "members",
                 {"stakeholder": member, "role": "member", "from": "2016-10-01"})


SECTIONS = {
    "introduction": (
        "Costa Serena has taken part in OGP since 2016. This plan follows public money.",
        "Costa Serena participa en OGP desde 2016. Este plan sigue el dinero público."),
    "efforts-to-date": (
        "Two earlier plans opened the budget and the public procurement portal.",
        "Dos planes anteriores abrieron el presupuesto y el portal de compras públicas."),
    "development-process": (
        "The forum published the timeline, held six workshops and answered every input.",
        "El foro publicó el cronograma, realizó seis talleres y respondió cada aporte."),
}


def answer_sections(j: Journey) -> None:
    for name, (en, es) in SECTIONS.items():
        j.answer_section(f"{name}.en.md", en)
        j.answer_section(f"{name}.es.md", es)


def answer_commitment(j: Journey, name: str, number: int, en_title: str, lead: str,
                      milestones: list[tuple[str, str, str]]) -> None:
    j.edit(name, **{
        "title.en": en_title,
        "brief-description": both(f"Publish {en_title.lower()} data as open data.",
                                  f"Publicar datos abiertos de {en_title.lower()}."),
        "lead": lead,
        "supporting.civil-society": ["ciudadania-activa"],
        "problem.what": both("Citizens cannot follow how public works contracts are awarded.",
                             "La ciudadanía no puede seguir cómo se adjudican los contratos."),
        "problem.causes": both("Records are on paper and scattered across agencies.",
                               "Los expedientes están en papel y dispersos entre entidades."),
        "description.done-so-far": both("A portal lists tenders, but not awards.",
                                        "Un portal lista licitaciones, pero no adjudicaciones."),
        "description.solution": both(
            "Publish every award in the Open Contracting format.",
            "Publicar cada adjudicación en el estándar de datos abiertos."),
        "description.results": both("Civil society monitors 100% of public works awards.",
                                    "La sociedad civil monitorea el 100% de las adjudicaciones."),
        "values": ["transparency", "accountability"],
        "relevance": both(
            "Transparency: awards become public. Accountability: monitors report.",
            "Transparencia: adjudicaciones públicas. Rendición de cuentas: informes."),
    })
    first, *rest = milestones
    j.edit(name, **{"milestones.0.title": both(first[0], first[1]),
                    "milestones.0.output": both(f"{first[0]}: 1 published dataset",
                                                f"{first[1]}: 1 conjunto de datos publicado"),
                    "milestones.0.due": first[2], "milestones.0.lead": lead})
    for index, (en, es, due) in enumerate(rest, start=2):
        j.append(name, "milestones", {
            "number": index, "title": both(en, es),
            "output": both(f"{en}: 1 report published", f"{es}: 1 informe publicado"),
            "due": due, "lead": lead, "status": "not-started"})


CONTRIBUTIONS_CSV = (
    "\ufeffMarca temporal;Nombre;Organización;Correo;Propuesta;Canal\r\n"
    "15/03/2027 14:22:05;Marta Ruiz;Ciudadanía Activa;marta@ca.example;"
    "Publicar las adjudicaciones de obras públicas en formato abierto.;encuesta\r\n"
    "16/03/2027 09:01:44;Pedro Gómez;;pedro@example.org;"
    "Crear un registro público de beneficiarios finales.;encuesta\r\n"
    "17/03/2027 18:40:10;Rosa Díaz;Transparencia Costa Serena;rosa@tcs.example;"
    "Incluir a los municipios en el plan.;encuesta\r\n"
)


def git_config(root: Path) -> None:
    git(root, "config", "user.name", "Lucía Fernández")
    git(root, "config", "user.email", "ogp@gobierno.cs.example")


def live(root: Path, echo: Callable[[tuple[str, ...], Result], None] | None = None
         ) -> Journey:
    """The whole life of plan 2027-2031 in a new record at `root`; `echo` (the demo's
    print) is told each command and what it printed."""
    root.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    git_config(root)   # ogpctl's own commits (tag-submission) need no user configuration
    j = Journey(root, echo=echo)
    start = "2026-12-10"
    j.ok("init", root, "--country", "es=Costa Serena", "--country", "en=Costa Serena",
         "--iso-code", "CS", "--languages", "es,en",
         "--lead-agency", "Secretaría de Gobierno Abierto")
    j.stages["after-init"] = j.run("check", "-C", root, "--today", start, "--format", "json")
    j.ok("new-plan", "-C", root, "--window", "june", "--due-year", "2027", "--length", "4",
         "--today", start)
    j.ok("new-commitment", "-C", root, PLAN, "Contratación abierta en obras públicas")
    j.ok("new-commitment", "-C", root, PLAN, "Registro de beneficiarios finales")
    j.stages["scaffold"] = j.run("check", "-C", root, "--today", start, "--format", "json")
    j.commit("Record started with ogpctl init", start)

    fill_profile(j)
    answer_sections(j)
    answer_commitment(j, COMMITMENT_1, 1, "Open contracting in public works",
                      "direccion-de-compras",
                      [("Procurement data standard adopted", "Estándar de datos adoptado",
                        "2027-12-15"),
                       ("Awards published as open data", "Adjudicaciones publicadas",
                        "2028-06-30"),
                       ("Monitoring report by civil society", "Informe de monitoreo",
                        "2029-06-30")])
    answer_commitment(j, COMMITMENT_2, 2, "Beneficial ownership register",
                      "registro-mercantil",
                      [("Register law drafted", "Proyecto de ley redactado", "2028-03-31"),
                       ("Register opened to the public", "Registro abierto", "2029-03-31")])
    plan_the_cocreation(j)
    j.commit("Guide questions answered; co-creation timeline published", "2027-02-01")

    csv = root.parent / "respuestas.csv"
    csv.write_bytes(CONTRIBUTIONS_CSV.encode("utf-8"))
    j.stages["import"] = j.run("import", "contributions", csv, "-C", root, "--plan", PLAN,
                               "--map", "received=Marca temporal", "--map", "summary=Propuesta",
                               "--map", "from=Organización", "--map", "person=Nombre",
                               "--map", "channel=Canal", "--date-format", "%d/%m/%Y %H:%M:%S",
                               "--lang", "es")
    j.commit("Contributions from the public survey", "2027-03-20")
    cocreation = "2027-03-25"
    j.stages["cocreation-status"] = j.run("status", "-C", root, "--today", cocreation,
                                          "--lang", "en")
    j.stages["cocreation-status-json"] = j.run("status", "-C", root, "--today", cocreation,
                                               "--format", "json")
    for fmt in ("md", "html", "docx"):
        j.ok("render", "action-plan", "--plan", PLAN, "-C", root, "-f", fmt, "--lang", "all",
             "-o", root.parent / "cocreation", "--today", cocreation)
    j.ok("render", "action-plan", "--plan", PLAN, "-C", root, "-f", "html", "--lang", "ar",
         "-o", root.parent / "cocreation", "--today", cocreation)
    j.ok("site", "-C", root, "--out", root.parent / "site-cocreation", "--today", cocreation)

    j.stages["forgotten"] = j.run("check", "-C", root, "--today", "2027-09-15", "--format", "json")

    answer_contributions(j)
    j.commit("Reasoned responses; plan validated", "2027-05-20")
    j.ok("tag-submission", PLAN, "-C", root, "--date", "2027-06-25", "--today", "2027-06-26")
    j.stages["delivered-plan"] = (root / PLAN_DIR / "plan.yaml").read_text(encoding="utf-8")

    evidence = root / PLAN_DIR / "evidence/01-contratacion-abierta-en-obras-publicas"
    (evidence / "estandar-adoptado.pdf").write_bytes(b"%PDF-1.4\n% acta\n")
    hold_results_meetings(j, "2027-11-20")
    j.commit("Evidence; results meeting", "2027-11-20")
    j.ok("progress", "add", PLAN, "1.1", "-C", root, "--status", "completed",
         "--date", "2027-11-30",
         "--note", "Estándar adoptado por resolución.", "--evidence",
         "evidence/01-contratacion-abierta-en-obras-publicas/estandar-adoptado.pdf",
         "--lang", "es", "--today", "2027-12-01")
    j.ok("progress", "add", PLAN, "2.1", "-C", root, "--status", "in-progress",
         "--date", "2027-11-30",
         "--note", "Borrador en consulta.", "--next-steps", "Enviar al Congreso.",
         "--lang", "es", "--today", "2027-12-01")
    j.commit("Progress, second half of 2027", "2027-12-01")
    implementation = "2027-12-10"
    j.stages["implementation-status"] = j.run("status", "-C", root, "--today", implementation,
                                              "--lang", "en")
    j.stages["implementation-check"] = j.run("check", "-C", root, "--today", implementation,
                                             "--format", "json")
    j.stages["deadlines-es"] = j.run("deadlines", "-C", root, "--today", implementation, "--lang",
                                     "es", "--format", "json")
    j.stages["translate-en"] = j.run("translate", "export", "-C", root, "--lang", "en",
                                     "--format", "po", "-o", "-")
    translate_progress_notes(j)
    j.commit("English translations of the progress notes", "2027-12-10")
    for document in ("action-plan", "reasoned-response", "commitment"):
        for fmt in FORMATS:
            for lang in ("all", "ar"):
                j.ok("render", document, "--plan", PLAN, "-C", root, "-f", fmt, "--lang", lang,
                     "--commitment", "1", "-o", root.parent / "implementation", "--today",
                     implementation, "--force")
    j.ok("site", "-C", root, "--out", root.parent / "site-implementation", "--today",
         implementation)
    j.stages["index"] = j.run("index", "-C", root, "--plan", PLAN)

    j.edit(COMMITMENT_1, **{"milestones.1.due": "2028-12-15"})
    j.append(COMMITMENT_2, "milestones", {
        "number": 3,
        "title": both("Register linked to procurement", "Registro vinculado a compras"),
        "output": both("1 interconnection in production", "1 interconexión en producción"),
        "due": "2030-06-30", "lead": "registro-mercantil", "status": "not-started"})
    j.commit("Amendment: milestone 1.2 moved, milestone 2.3 added", "2028-02-10")
    j.stages["diff"] = j.run("diff", "-C", root)
    j.stages["review-es"] = j.run("review", "-C", root, "--lang", "es", "--today", "2028-02-11")
    for fmt in ("md", "html", "docx"):
        j.ok("render", "amendment-note", "--plan", PLAN, "-C", root, "-f", fmt, "--lang", "all",
             "-o", root.parent / "amendment", "--today", "2028-02-11")

    for day, milestone, status, note in PROGRESS:
        if day > "2029-08-01":
            break
        report(j, day, milestone, status, note)
    j.stages["refresh-status"] = j.run("status", "-C", root, "--today", "2029-08-01",
                                       "--lang", "en")
    end = "2031-08-01"
    for day, milestone, status, note in PROGRESS:
        if day > "2029-08-01":
            report(j, day, milestone, status, note)
    write_self_assessment(j)
    j.edit(f"{PLAN_DIR}/plan.yaml", status="closed")
    j.commit("End-of-term self-assessment; the plan is closed", "2031-07-20")
    j.stages["end-status"] = j.run("status", "-C", root, "--today", end, "--lang", "en")
    j.stages["end-check"] = j.run("check", "-C", root, "--today", end, "--for", "end-of-term",
                                  "--format", "json")
    for fmt in ("md", "html", "docx"):
        j.ok("render", "self-assessment", "--plan", PLAN, "-C", root, "-f", fmt, "--lang",
             "all", "-o", root.parent / "end", "--today", end)
    return j


def write_self_assessment(j: Journey) -> None:
    """The end-of-term self-assessment, written by hand as the schema's comments ask."""
    text = """\
# yaml-language-server: $schema=../../schemas/self-assessment.schema.json
prepared: 2031-07-15
kind: end-of-term
introduction:
  en: Costa Serena followed public money in this plan.
  es: Costa Serena siguió el dinero público en este plan.
process:
  en: The forum met every quarter and presented results twice a year.
  es: El foro se reunió cada trimestre y presentó resultados dos veces al año.
irm-recommendations:
  en: The IRM's advice to publish awards in open data shaped commitment 1.
  es: La recomendación del IRM de publicar adjudicaciones orientó el compromiso 1.
commitments:
  - commitment: contratacion-abierta-en-obras-publicas
    rating: amber
    rating-reason:
      en: Every milestone is done, but the awards are not yet published.
      es: Todos los hitos se cumplieron, pero las adjudicaciones aún no se publican.
    evidence: [evidence/01-contratacion-abierta-en-obras-publicas/estandar-adoptado.pdf]
    reasons:
      en: The standard was adopted; the awards are not yet published.
      es: Se adoptó el estándar; las adjudicaciones aún no se publican.
    next-steps:
      en: Publish the awards.
      es: Publicar las adjudicaciones.
  - commitment: registro-de-beneficiarios-finales
    rating: red
    reasons:
      en: The register law is still in Congress.
      es: La ley del registro sigue en el Congreso.
    next-steps:
      en: Carry the register into the next plan.
      es: Llevar el registro al próximo plan.
lessons:
  en: Milestones need budgets.
  es: Los hitos necesitan presupuesto.
recommendations:
  en: Plan fewer, better-funded milestones.
  es: Planificar menos hitos y mejor financiados.
"""
    (j.root / PLAN_DIR / "self-assessment.yaml").write_text(text, encoding="utf-8")


def write_meeting(j: Journey, day: str, en: str, es: str, results: bool) -> None:
    """A forum meeting file, as the scaffold's README says: front matter and minutes."""
    attendees = "\n".join(f"  - {who}" for who in (
        "secretaria-de-gobierno-abierto", "ciudadania-activa", "transparencia-cs"))
    (j.root / "forum" / "meetings" / f"{day}-foro.md").write_text(f"""\
---
date: {day}
kind: msf
title:
  en: {en}
  es: {es}
attendees:
{attendees}
presented-results: {"true" if results else "false"}
remote-participation: true
---

El foro sesionó con quórum. {es}.
""", encoding="utf-8")


def plan_the_cocreation(j: Journey) -> None:
    """What the forum does before development starts: the timeline published, outreach,
    a survey open for five weeks, its first meetings, and the process evidence."""
    j.edit(f"{PLAN_DIR}/co-creation.yaml", **{
        "why": both("Co-create a plan that follows public money.",
                    "Cocrear un plan que siga el dinero público."),
        "who": both("The forum, agencies and any organisation that signs up.",
                    "El foro, las entidades y toda organización que se inscriba."),
        "what": both("Outreach, a survey, three workshops and a public draft.",
                     "Difusión, una encuesta, tres talleres y un borrador público."),
        "how": both("Hybrid sessions led by the forum's co-chairs.",
                    "Sesiones híbridas conducidas por la copresidencia del foro."),
        "where": both("Online and in the three largest cities.",
                      "En línea y en las tres ciudades más grandes."),
        "timeline.published": "2026-12-15",
        "timeline.url": "https://gobiernoabierto.cs.example/plan-2027/cronograma",
    })
    j.append(f"{PLAN_DIR}/co-creation.yaml", "outreach", {
        "date": "2027-01-15", "title": both("Information webinar", "Seminario informativo"),
        "kind": "online", "participants": 80})
    j.append(f"{PLAN_DIR}/co-creation.yaml", "input-mechanisms", {
        "channel": "survey", "title": both("Survey of ideas", "Encuesta de ideas"),
        "opens": "2027-02-10", "closes": "2027-03-17",
        "url": "https://gobiernoabierto.cs.example/plan-2027/encuesta"})
    process = j.root / PLAN_DIR / "evidence" / "process"
    (process / "cronograma-2027.pdf").write_bytes(b"%PDF-1.4\n% cronograma\n")
    write_meeting(j, "2026-12-12", "Co-creation plan approved", "Plan de cocreación aprobado",
                  False)


def answer_contributions(j: Journey) -> None:
    """The forum's decision and reasoned response to every input, before delivery."""
    for index, (decision, commitments, en, es) in enumerate((
            ("include", ["contratacion-abierta-en-obras-publicas"], "Included as commitment 1.",
             "Incluida como compromiso 1."),
            ("include", ["registro-de-beneficiarios-finales"], "Included as commitment 2.",
             "Incluida como compromiso 2."),
            ("reject", [], "Municipalities are left to the next plan: no local partner "
             "was ready.", "Los municipios quedan para el próximo plan: ningún socio "
             "local estaba listo."))):
        j.edit(f"{PLAN_DIR}/contributions.yaml", **{
            f"contributions.{index}.decision": decision,
            f"contributions.{index}.response": both(en, es),
            f"contributions.{index}.responded": "2027-04-30"})
        if commitments:
            j.edit(f"{PLAN_DIR}/contributions.yaml",
                   **{f"contributions.{index}.commitments": commitments})
    write_meeting(j, "2027-05-20", "Plan validated", "Plan validado", False)


#: The forum's implementation meetings: two a year presenting results (MR 1.1, 5.1).
RESULTS_MEETINGS = ("2027-11-15", "2028-05-15", "2028-11-15", "2029-05-15", "2029-11-15",
                    "2030-05-15", "2030-11-15", "2031-05-15")


def hold_results_meetings(j: Journey, until: str) -> None:
    for day in RESULTS_MEETINGS:
        if day <= until and not (j.root / "forum" / "meetings" / f"{day}-foro.md").exists():
            write_meeting(j, day, "Results presented to civil society",
                          "Resultados presentados a la sociedad civil", True)


#: Progress reported twice a year after the amendment: (day, milestone, status, note).
PROGRESS = (
    ("2028-05-20", "1.2", "in-progress", "Primeras adjudicaciones en datos abiertos."),
    ("2028-11-20", "1.2", "completed", "Todas las adjudicaciones se publican."),
    ("2029-05-20", "2.1", "completed", "Ley aprobada por el Congreso."),
    ("2029-11-20", "1.3", "in-progress", "Monitoreo en curso en cinco ciudades."),
    ("2030-05-20", "2.2", "in-progress", "Registro en pruebas."),
    ("2030-11-20", "1.3", "completed", "Informe de monitoreo publicado."),
    ("2031-05-20", "2.2", "completed", "Registro abierto al público."),
)


def report(j: Journey, day: str, milestone: str, status: str, note: str) -> None:
    """A progress update on `day`, after that half-year's results meeting, committed."""
    hold_results_meetings(j, day)
    j.ok("progress", "add", PLAN, milestone, "-C", j.root, "--status", status, "--date", day,
         "--note", note, "--next-steps", "Seguir según el plan.", "--lang", "es",
         "--today", day)
    j.commit(f"Progress of {day}", day)


def translate_progress_notes(j: Journey) -> None:
    """A translator answers the English PO file `translate export` writes, and it goes back
    in with `translate import` (the notes were written in Spanish only)."""
    from babel.messages.pofile import read_po, write_po

    exported = j.ok("translate", "export", "-C", j.root, "--lang", "en", "--format", "po",
                    "-o", "-")
    j.stages["translate-en"] = exported
    catalogue = read_po(io.StringIO(exported.out))
    english = {"Estándar adoptado por resolución.": "Standard adopted by resolution.",
               "Borrador en consulta.": "Draft under consultation.",
               "Enviar al Congreso.": "Send to Congress."}
    for message in catalogue:
        if message.id in english:
            message.string = english[message.id]
    answered = j.root.parent / "respuestas.en.po"
    with answered.open("wb") as stream:
        write_po(stream, catalogue)
    j.stages["translate-import"] = j.ok("translate", "import", answered, "-C", j.root)

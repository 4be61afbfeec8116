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

    def run(self, *args: str) -> Result:
        from ogpctl.cli import main

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([str(a) for a in args])
        result = Result(code, out.getvalue(), err.getvalue())
        self.log.append((tuple(str(a) for a in args), result))
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
        "description.solution": both("Publish every award in the Open Contracting format.",
                                     "Publicar cada adjudicación en el estándar de datos abiertos."),
        "description.results": both("Civil society monitors 100% of public works awards.",
                                    "La sociedad civil monitorea el 100% de las adjudicaciones."),
        "values": ["transparency", "accountability"],
        "relevance": both("Transparency: awards become public. Accountability: monitors report.",
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

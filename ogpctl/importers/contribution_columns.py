"""Which column of a survey export holds which part of a contribution, and the words forms
use for channels and sectors, in English and Spanish.

Headings are compared without case, accents or punctuation. A heading written exactly as
one of `HEADINGS` wins; then a longer question that contains one of `WORDS` ("¿Cuál es su
propuesta para el plan?" holds the summary, "Nombre de la organización" the organisation).
E-mail addresses, IP addresses and respondent ids have no place in a public record and are
never imported.
"""

from __future__ import annotations

import re
import unicodedata

from ogpctl.base.csvfiles import shown
from ogpctl.base.errors import UsageError

#: The parts of a contribution a column can hold, in the order longer questions are tried
#: (a summary question may name an organisation; "tipo de organización" is a sector).
FIELDS = ("summary", "received", "sector", "channel", "organisation", "surname", "name")
ALIASES = {"from": "organisation", "organization": "organisation", "person": "name"}

HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "contribution", "contributions", "comment", "comments", "text",
                "proposal", "proposals", "idea", "ideas", "input", "message", "suggestion",
                "suggestions", "recommendation", "feedback", "aporte", "aportes",
                "comentario", "comentarios", "propuesta", "propuestas", "sugerencia",
                "sugerencias", "recomendacion", "contribucion", "mensaje", "texto", "idee",
                "proposition", "opinion"),
    # The moment an answer was sent first; the moment it was started last.
    "received": ("received", "date received", "received on", "submitted", "submitted at",
                 "submission date", "date submitted", "timestamp", "completion time",
                 "end date", "end time", "date", "created", "created at",
                 "marca temporal", "fecha de recepcion", "fecha de envio",
                 "hora de finalizacion", "fecha de finalizacion", "fecha", "start time",
                 "start date",
                 "hora de inicio", "fecha de inicio"),
    "sector": ("sector", "stakeholder type", "type of stakeholder", "type of organisation",
               "type of organization", "organisation type", "organization type",
               "tipo de organizacion", "tipo de actor", "tipo de entidad"),
    "channel": ("channel", "canal", "via", "medio", "medium", "mode", "modalidad"),
    "organisation": ("organisation", "organization", "organisation name",
                     "organization name", "institution", "entity", "affiliation", "company",
                     "from", "source", "organizacion", "nombre de la organizacion",
                     "institucion", "entidad", "empresa", "afiliacion"),
    "surname": ("last name", "surname", "family name", "apellido", "apellidos"),
    "name": ("name", "full name", "your name", "first name", "author", "submitter",
             "contributor", "respondent", "nombre", "nombres", "nombre completo",
             "nombre y apellido", "nombre y apellidos", "autor", "autora", "participante"),
}
WORDS: dict[str, tuple[str, ...]] = {
    "summary": ("contribution", "comment", "comments", "proposal", "proposals",
                "suggestion", "suggestions", "idea", "ideas", "recommendation",
                "recommendations", "feedback", "propuesta", "propuestas", "aporte",
                "aportes", "comentario", "comentarios", "sugerencia", "sugerencias",
                "recomendacion", "recomendaciones", "contribucion", "contribuciones"),
    "received": (),
    "sector": ("sector", "stakeholder type", "type of organisation", "type of organization",
               "tipo de organizacion", "tipo de actor", "tipo de entidad"),
    "channel": ("channel", "canal"),
    "organisation": ("organisation", "organization", "organizacion", "institution",
                     "institucion", "entity", "entidad", "affiliation"),
    "surname": ("last name", "surname", "apellido", "apellidos"),
    "name": ("name", "nombre", "nombres"),
}
#: Headings of the date column that Spanish-language tools write: their dates put the day
#: first when the column does not show it.
DAY_FIRST = frozenset({"marca temporal", "fecha", "fecha de recepcion", "fecha de envio",
                       "hora de finalizacion", "fecha de finalizacion", "hora de inicio",
                       "fecha de inicio"})

CHANNELS = ("survey", "workshop", "online-consultation", "email", "meeting", "other")
SECTORS = ("government", "civil-society", "parliament", "judiciary", "local-government",
           "private-sector", "academia", "international")
_CHANNEL_WORDS = {
    "survey": ("survey", "encuesta", "form", "formulario", "questionnaire", "cuestionario",
               "google forms", "microsoft forms", "surveymonkey"),
    "workshop": ("workshop", "taller", "mesa de trabajo", "focus group", "grupo focal"),
    "online-consultation": ("online consultation", "consulta en linea", "consulta virtual",
                            "consulta publica", "public consultation", "online", "en linea",
                            "website", "web", "sitio web", "portal", "plataforma", "platform"),
    "email": ("email", "e mail", "mail", "correo", "correo electronico"),
    "meeting": ("meeting", "reunion", "encuentro", "audiencia", "hearing", "in person",
                "presencial"),
    "other": ("other", "otro", "otra", "otros"),
}
_SECTOR_WORDS = {
    "government": ("government", "gobierno", "public sector", "sector publico",
                   "administracion publica", "public administration", "ministry",
                   "ministerio", "executive", "poder ejecutivo", "national government",
                   "gobierno nacional", "gobierno central"),
    "civil-society": ("civil society", "sociedad civil", "ngo", "ong", "cso", "osc",
                      "organizacion de la sociedad civil", "civil society organisation",
                      "civil society organization", "non profit", "nonprofit",
                      "sin fines de lucro", "citizen", "citizens", "ciudadano", "ciudadana",
                      "ciudadania", "individual", "persona", "community", "comunidad"),
    "parliament": ("parliament", "congress", "legislature", "legislative", "parlamento",
                   "congreso", "poder legislativo", "asamblea legislativa", "senado",
                   "senate"),
    "judiciary": ("judiciary", "judicial", "poder judicial", "justicia", "courts"),
    "local-government": ("local government", "gobierno local", "municipality", "municipal",
                         "municipio", "municipalidad", "subnational", "subnacional",
                         "gobierno subnacional", "regional government", "gobierno regional",
                         "provincial", "gobierno provincial", "gobierno municipal"),
    "private-sector": ("private sector", "sector privado", "business", "company", "empresa",
                       "empresa privada", "industry", "industria"),
    "academia": ("academia", "academic", "academico", "university", "universidad",
                 "research", "investigacion", "think tank", "centro de investigacion"),
    "international": ("international", "internacional", "international organisation",
                      "international organization", "organismo internacional",
                      "cooperacion internacional", "donor", "cooperante"),
}
#: Names forms write when the respondent gave none (Microsoft Forms writes "anonymous").
NO_NAME = frozenset({"anonymous", "anonimo", "anonima", "anon", "n a", "na", "none",
                     "ninguno", "sin nombre", "no name"})


_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def key(text: str) -> str:
    """A heading or value compared without case, accents, punctuation or extra spaces."""
    text = _CONTROLS.sub("", text)   # a stray NUL or escape does not hide a heading
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", plain.lower()))


def _vocabulary(words: dict[str, tuple[str, ...]]) -> dict[str, str]:
    table = {key(value): value for value in words}
    table.update({key(word): value for value, synonyms in words.items() for word in synonyms})
    return table


CHANNEL_OF = _vocabulary(_CHANNEL_WORDS)
SECTOR_OF = _vocabulary(_SECTOR_WORDS)


def field_name(name: str) -> str:
    """The field a `--map` name stands for."""
    name = ALIASES.get(name.strip().lower(), name.strip().lower())
    if name not in FIELDS:
        raise UsageError(f"--map {shown(name)}=...: the fields are summary, organisation (or "
                         "from), name, surname, received, channel and sector")
    return name


def columns(header: list[str], mapping: dict[str, str]) -> dict[str, int]:
    """The column index of each field: `mapping` (field -> heading) first, then a heading
    written as in HEADINGS, then a longer heading holding one of WORDS."""
    keys = [key(h) for h in header]
    found: dict[str, int] = {}
    for name, heading in mapping.items():
        if key(heading) not in keys:
            raise UsageError(f"--map {name}={shown(heading)}: the file has no column "
                             f"(columns: {', '.join(map(shown, header))})")
        found[field_name(name)] = keys.index(key(heading))
    for table, exact in ((HEADINGS, True), (WORDS, False)):
        for name in FIELDS:
            if name not in found:
                index = _first(keys, table[name], set(found.values()), exact)
                if index is not None:
                    found[name] = index
    if "summary" not in found:
        raise UsageError("no column holds the contributions' text; name it with "
                         f"--map summary=COLUMN (columns: {', '.join(map(shown, header))})")
    return found


def _first(keys: list[str], names: tuple[str, ...], used: set[int], exact: bool
           ) -> int | None:
    for name in names:
        for index, heading in enumerate(keys):
            if index not in used and (heading == name if exact
                                      else f" {name} " in f" {heading} "):
                return index
    return None

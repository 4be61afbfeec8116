"""Which column of a survey export holds which part of a contribution, and the words forms
use for channels and sectors, in the languages ogpctl ships (English, Spanish, French,
Portuguese and Arabic).

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

# Headings and words in every language ogpctl ships (English, Spanish, French, Portuguese
# and Arabic), written as `key` leaves them: lowercase, no accents, no punctuation.
HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "contribution", "contributions", "comment", "comments", "text",
                "proposal", "proposals", "idea", "ideas", "input", "message", "suggestion",
                "suggestions", "recommendation", "feedback", "aporte", "aportes",
                "comentario", "comentarios", "propuesta", "propuestas", "sugerencia",
                "sugerencias", "recomendacion", "contribucion", "mensaje", "texto", "idee",
                "proposition", "opinion",
                # French
                "commentaire", "commentaires", "propositions", "idees", "recommandation",
                "recommandations", "avis", "remarque", "remarques", "observation",
                "observations", "texte",
                # Portuguese
                "contribuicao", "contribuicoes", "proposta", "sugestao", "sugestoes",
                "ideia", "ideias", "recomendacao", "recomendacoes", "mensagem", "opiniao",
                # Arabic
                "مساهمة", "المساهمة", "المساهمات", "تعليق", "التعليق", "التعليقات",
                "اقتراح", "الاقتراح", "الاقتراحات", "مقترح", "المقترح", "المقترحات",
                "ملاحظات", "الملاحظات", "توصية", "التوصية", "التوصيات", "الراي", "النص",
                "الرسالة"),
    # The moment an answer was sent first; the moment it was started last.
    "received": ("received", "date received", "received on", "submitted", "submitted at",
                 "submission date", "date submitted", "timestamp", "completion time",
                 "end date", "end time", "date", "created", "created at",
                 "marca temporal", "fecha de recepcion", "fecha de envio",
                 "hora de finalizacion", "fecha de finalizacion", "fecha",
                 "horodateur", "horodatage", "date de reception", "date d envoi",
                 "heure de fin", "date de fin", "carimbo de data hora", "data de recebimento",
                 "data de envio", "hora de conclusao", "data de conclusao", "data",
                 "الطابع الزمني", "تاريخ الاستلام", "تاريخ الارسال", "وقت الانتهاء",
                 "وقت الاكمال", "التاريخ",
                 "start time", "start date", "hora de inicio", "fecha de inicio",
                 "heure de debut", "date de debut", "data de inicio", "وقت البدء"),
    "sector": ("sector", "stakeholder type", "type of stakeholder", "type of organisation",
               "type of organization", "organisation type", "organization type",
               "tipo de organizacion", "tipo de actor", "tipo de entidad",
               "secteur", "type d organisation", "type d acteur", "type de structure",
               "setor", "tipo de organizacao", "tipo de ator", "tipo de entidade",
               "القطاع", "نوع الجهة", "نوع المنظمة"),
    "channel": ("channel", "canal", "via", "medio", "medium", "mode", "modalidad", "moyen",
                "meio", "القناة", "الوسيلة"),
    "organisation": ("organisation", "organization", "organisation name",
                     "organization name", "institution", "entity", "affiliation", "company",
                     "from", "source", "organizacion", "nombre de la organizacion",
                     "institucion", "entidad", "empresa", "afiliacion",
                     "organisme", "structure", "entite", "entreprise", "nom de l organisation",
                     "nom de la structure", "organizacao", "nome da organizacao",
                     "instituicao", "entidade", "afiliacao",
                     "المنظمة", "الجهة", "المؤسسة", "اسم المنظمة", "اسم الجهة", "اسم المؤسسة"),
    # French forms ask "Prénom" and "Nom": "nom" is the surname there, and alone it is the
    # whole name all the same (a person's name is the given name and surname joined).
    "surname": ("last name", "surname", "family name", "apellido", "apellidos",
                "nom de famille", "nom", "sobrenome", "apelido", "اسم العائلة", "اللقب"),
    "name": ("name", "full name", "your name", "first name", "author", "submitter",
             "contributor", "respondent", "nombre", "nombres", "nombre completo",
             "nombre y apellido", "nombre y apellidos", "autor", "autora", "participante",
             "prenom", "nom complet", "nom et prenom", "prenom et nom", "votre nom", "auteur",
             "participant", "nome", "nome completo", "seu nome", "primeiro nome",
             "الاسم", "الاسم الكامل", "اسمك", "الاسم الاول"),
}
WORDS: dict[str, tuple[str, ...]] = {
    "summary": ("contribution", "comment", "comments", "proposal", "proposals",
                "suggestion", "suggestions", "idea", "ideas", "recommendation",
                "recommendations", "feedback", "propuesta", "propuestas", "aporte",
                "aportes", "comentario", "comentarios", "sugerencia", "sugerencias",
                "recomendacion", "recomendaciones", "contribucion", "contribuciones",
                "proposition", "propositions", "commentaire", "commentaires", "idee", "idees",
                "recommandation", "recommandations", "contributions", "proposta", "propostas",
                "sugestao", "sugestoes", "ideia", "ideias", "contribuicao", "contribuicoes",
                "recomendacao", "recomendacoes",
                "مساهمة", "المساهمة", "تعليق", "التعليق", "تعليقات", "اقتراح", "الاقتراح",
                "اقتراحات", "مقترح", "المقترح", "مقترحات", "ملاحظات", "توصية", "توصيات"),
    "received": (),
    "sector": ("sector", "stakeholder type", "type of organisation", "type of organization",
               "tipo de organizacion", "tipo de actor", "tipo de entidad", "secteur",
               "type d organisation", "setor", "tipo de organizacao", "القطاع", "نوع الجهة"),
    "channel": ("channel", "canal", "القناة"),
    "organisation": ("organisation", "organization", "organizacion", "institution",
                     "institucion", "entity", "entidad", "affiliation", "organisme",
                     "organizacao", "instituicao", "entidade", "المنظمة", "الجهة", "المؤسسة"),
    "surname": ("last name", "surname", "apellido", "apellidos", "nom de famille",
                "sobrenome", "اسم العائلة"),
    "name": ("name", "nombre", "nombres", "prenom", "nome", "الاسم"),
}
#: Headings of the date column that Spanish-, French-, Portuguese- and Arabic-language tools
#: write: their dates put the day first when the column does not show it.
DAY_FIRST = frozenset({"marca temporal", "fecha", "fecha de recepcion", "fecha de envio",
                       "hora de finalizacion", "fecha de finalizacion", "hora de inicio",
                       "fecha de inicio", "horodateur", "horodatage", "date de reception",
                       "date d envoi", "heure de fin", "date de fin", "heure de debut",
                       "date de debut", "carimbo de data hora", "data", "data de recebimento",
                       "data de envio", "hora de conclusao", "data de conclusao",
                       "data de inicio", "الطابع الزمني", "التاريخ", "تاريخ الاستلام",
                       "تاريخ الارسال", "وقت الانتهاء", "وقت الاكمال", "وقت البدء"})

CHANNELS = ("survey", "workshop", "online-consultation", "email", "meeting", "other")
SECTORS = ("government", "civil-society", "parliament", "judiciary", "local-government",
           "private-sector", "academia", "international")
_CHANNEL_WORDS = {
    "survey": ("survey", "encuesta", "form", "formulario", "questionnaire", "cuestionario",
               "google forms", "microsoft forms", "surveymonkey", "enquete", "sondage",
               "formulaire", "pesquisa", "inquerito", "questionario", "استبيان", "استطلاع"),
    "workshop": ("workshop", "taller", "mesa de trabajo", "focus group", "grupo focal",
                 "atelier", "groupe de discussion", "oficina", "ورشة", "ورشة عمل"),
    "online-consultation": ("online consultation", "consulta en linea", "consulta virtual",
                            "consulta publica", "public consultation", "online", "en linea",
                            "website", "web", "sitio web", "portal", "plataforma", "platform",
                            "consultation en ligne", "consultation publique", "en ligne",
                            "site web", "plateforme", "consulta online", "site",
                            "عبر الانترنت", "استشارة عبر الانترنت", "الموقع", "منصة"),
    "email": ("email", "e mail", "mail", "correo", "correo electronico", "courriel",
              "courrier electronique", "correio eletronico", "البريد الالكتروني",
              "بريد الكتروني"),
    "meeting": ("meeting", "reunion", "encuentro", "audiencia", "hearing", "in person",
                "presencial", "rencontre", "audience", "en personne", "presentiel", "reuniao",
                "encontro", "اجتماع", "لقاء", "حضوري"),
    "other": ("other", "otro", "otra", "otros", "autre", "autres", "outro", "outra",
              "اخرى", "اخر"),
}
_SECTOR_WORDS = {
    "government": ("government", "gobierno", "public sector", "sector publico",
                   "administracion publica", "public administration", "ministry",
                   "ministerio", "executive", "poder ejecutivo", "national government",
                   "gobierno nacional", "gobierno central", "gouvernement",
                   "administration publique", "secteur public", "ministere", "governo",
                   "setor publico", "administracao publica", "الحكومة", "حكومة",
                   "القطاع العام", "وزارة"),
    "civil-society": ("civil society", "sociedad civil", "ngo", "ong", "cso", "osc",
                      "organizacion de la sociedad civil", "civil society organisation",
                      "civil society organization", "non profit", "nonprofit",
                      "sin fines de lucro", "citizen", "citizens", "ciudadano", "ciudadana",
                      "ciudadania", "individual", "persona", "community", "comunidad",
                      "societe civile", "association", "citoyen", "citoyenne", "particulier",
                      "communaute", "sociedade civil", "cidadao", "cidada", "comunidade",
                      "المجتمع المدني", "مجتمع مدني", "منظمة غير حكومية", "جمعية", "مواطن",
                      "مواطنة"),
    "parliament": ("parliament", "congress", "legislature", "legislative", "parlamento",
                   "congreso", "poder legislativo", "asamblea legislativa", "senado",
                   "senate", "parlement", "assemblee nationale", "senat", "congresso",
                   "assembleia", "البرلمان", "برلمان", "مجلس النواب"),
    "judiciary": ("judiciary", "judicial", "poder judicial", "justicia", "courts", "justice",
                  "pouvoir judiciaire", "judiciaire", "judiciario", "poder judiciario",
                  "justica", "القضاء", "السلطة القضائية"),
    "local-government": ("local government", "gobierno local", "municipality", "municipal",
                         "municipio", "municipalidad", "subnational", "subnacional",
                         "gobierno subnacional", "regional government", "gobierno regional",
                         "provincial", "gobierno provincial", "gobierno municipal",
                         "collectivite locale", "collectivite territoriale", "commune",
                         "mairie", "municipalite", "gouvernement local", "governo local",
                         "prefeitura", "camara municipal", "الحكومة المحلية", "بلدية",
                         "البلدية"),
    "private-sector": ("private sector", "sector privado", "business", "company", "empresa",
                       "empresa privada", "industry", "industria", "secteur prive",
                       "entreprise", "industrie", "setor privado", "القطاع الخاص", "شركة"),
    "academia": ("academia", "academic", "academico", "university", "universidad",
                 "research", "investigacion", "think tank", "centro de investigacion",
                 "universite", "universitaire", "recherche", "academique", "universidade",
                 "investigacao", "جامعة", "الجامعة", "الاوساط الاكاديمية"),
    "international": ("international", "internacional", "international organisation",
                      "international organization", "organismo internacional",
                      "cooperacion internacional", "donor", "cooperante",
                      "organisation internationale", "cooperation internationale", "bailleur",
                      "organizacao internacional", "cooperacao internacional", "doador",
                      "دولي", "منظمة دولية", "التعاون الدولي"),
}
#: Names forms write when the respondent gave none (Microsoft Forms writes "anonymous").
NO_NAME = frozenset({"anonymous", "anonimo", "anonima", "anon", "n a", "na", "none",
                     "ninguno", "sin nombre", "no name", "anonyme", "sans nom", "aucun",
                     "sem nome", "nenhum", "مجهول", "مجهول الهوية", "بدون اسم", "لا يوجد"})


_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def key(text: str) -> str:
    """A heading or value compared without case, accents, punctuation or extra spaces, in
    any script (an Arabic heading keeps its letters; only marks such as the hamza go)."""
    text = _CONTROLS.sub("", text)   # a stray NUL or escape does not hide a heading
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.casefold())
                    if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", plain))


def _vocabulary(words: dict[str, tuple[str, ...]]) -> dict[str, str]:
    table = {key(value): value for value in words}
    table.update({key(word): value for value, synonyms in words.items() for word in synonyms})
    return table


def _keyed(words: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The tables as `key` compares them (an Arabic word written with a hamza too)."""
    return {name: tuple(key(word) for word in items) for name, items in words.items()}


HEADINGS, WORDS = _keyed(HEADINGS), _keyed(WORDS)
DAY_FIRST, NO_NAME = frozenset(map(key, DAY_FIRST)), frozenset(map(key, NO_NAME))
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

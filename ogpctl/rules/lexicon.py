"""Words for the SMART "Measurable" rule (handbook 3.2.a, 3.2.c: "Outputs are concrete,
objectively-verifiable results"). An expected output whose verb is only "promote",
"strengthen", "raise awareness", "support" or "improve" (and their Spanish, French and
Portuguese equivalents) with nothing countable or verifiable in it is vague."""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE | re.UNICODE

VAGUE = {
    "en": re.compile(r"\b(promot\w*|strengthen\w*|rais\w* (?:public )?awareness|"
                     r"awareness[- ]rais\w*|"
                     r"support\w*|improv\w*|enhanc\w*|foster\w*|encourag\w*|facilitat\w*|"
                     r"advanc\w*|boost\w*|build\w* capacit\w*|capacity[- ]build\w*|"
                     r"work\w* towards?|contribut\w* to|consolidat\w*|deepen\w*|"
                     r"sensiti[sz]\w*|empower\w*)\b", _FLAGS),
    "es": re.compile(r"\b(promo\w*|fortale\w*|sensibiliz\w*|apoy\w*|mejor\w*|foment\w*|"
                     r"impuls\w*|potenci\w*|contribu\w*|facilit\w*|incentiv\w*|"
                     r"concienci\w*|concientiz\w*|profundiz\w*|consolid\w*|avanzar|"
                     r"empoder\w*)\b", _FLAGS),
    "fr": re.compile(r"\b(promouvoir|promotion|renforc\w*|sensibilis\w*|soutenir|soutien|"
                     r"amélior\w*|favoris\w*|encourag\w*|faciliter|contribuer)\b", _FLAGS),
    "pt": re.compile(r"\b(promov\w*|promoção|fortalec\w*|sensibiliz\w*|apoi\w*|melhor\w*|"
                     r"foment\w*|incentiv\w*|facilit\w*|contribu\w*|conscientiz\w*)\b", _FLAGS),
}

# Something that can be counted or checked: digits, percentages, number words, and the
# concrete products milestones deliver (documents, datasets, laws, systems, events).
# Topics are not products: "Promote open data" names no dataset, portal or report.
COUNTABLE = re.compile(
    r"\d|%|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|"
    r"hundred|thousand|all|every|each|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|"
    r"diez|cien|mil|todos|todas|cada|deux|trois|quatre|cinq|tous|toutes|chaque|"
    r"duas|três|todos|cada)\b", _FLAGS)
# "un", "una", "um" are left out: in Spanish, French and Portuguese they are articles
# far more often than numbers ("Promover una cultura de transparencia" is vague).

VERIFIABLE = re.compile(
    r"\b(report\w*|portal\w*|data ?sets?|database\w*|laws?|bills?|decrees?|"
    r"regulations?|platform\w*|regist\w*|guidelines?|guides?|manuals?|web ?sites?|apps?|"
    r"applications?|protocols?|publish\w*|publication\w*|standards?|systems?|maps?|"
    r"index\w*|tools?|toolkits?|stud(y|ies)|surveys?|strateg(y|ies)|agreements?|"
    r"memorand\w*|audits?|evaluations?|assessments?|certificat\w*|curricul\w*|"
    r"dashboards?|api|minutes|charters?|framework\w*|methodolog\w*|roadmaps?|"
    r"repositor\w*|courses?|workshops?|trainings?|sessions?|meetings?|hearings?|"
    r"adopted|approved|enacted|launched|signed|delivered|"
    r"informes?|conjuntos? de datos|bases? de datos|leye?s?|proyectos? de ley|"
    r"decretos?|reglament\w*|plataformas?|registros?|guías?|manuales?|sitios? web|"
    r"aplicaci\w*|protocolos?|publica\w*|normas?|sistemas?|mapas?|índices?|herramientas?|"
    r"estudios?|encuestas?|estrategias?|convenios?|acuerdos?|auditorías?|evaluaci\w*|"
    r"tableros?|actas?|marcos?|metodolog\w*|hojas? de ruta|repositorios?|cursos?|talleres?|"
    r"capacitaci\w*|sesiones?|reuniones?|audiencias?|aprobad\w*|adoptad\w*|lanzad\w*|"
    r"firmad\w*|rapports?|lois?|décrets?|plateformes?|registres?|jeux de données|"
    r"relatórios?|leis?|decretos?|plataformas?|conjuntos de dados)\b", _FLAGS)


def is_vague(text: str, language: str) -> bool:
    """True when `text` leans on a vague verb and names nothing countable or verifiable."""
    vague = VAGUE.get(language.split("-")[0])
    if vague is None or not vague.search(text):
        return False
    return not (COUNTABLE.search(text) or VERIFIABLE.search(text))

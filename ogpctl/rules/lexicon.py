"""Words for the SMART "Measurable" rule (handbook 3.2.a, 3.2.c: "Outputs are concrete,
objectively-verifiable results"). An expected output whose verb is only "promote",
"strengthen", "raise awareness", "support" or "improve" (and their Spanish, French and
Portuguese equivalents) with nothing countable or verifiable in it is vague."""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE | re.UNICODE

#: The vague verbs by language, each alternative opening with a letter.
_VAGUE_WORDS = {
    "en": r"promot\w*|strengthen\w*|rais\w* (?:public )?awareness|awareness[- ]rais\w*|"
          r"support\w*|improv\w*|enhanc\w*|foster\w*|encourag\w*|facilitat\w*|"
          r"advanc\w*|boost\w*|build\w* capacit\w*|capacity[- ]build\w*|"
          r"work\w* towards?|contribut\w* to|consolidat\w*|deepen\w*|"
          r"sensiti[sz]\w*|empower\w*",
    "es": r"promo\w*|fortale\w*|sensibiliz\w*|apoy\w*|mejor\w*|foment\w*|"
          r"impuls\w*|potenci\w*|contribu\w*|facilit\w*|incentiv\w*|"
          r"concienci\w*|concientiz\w*|profundiz\w*|consolid\w*|avanzar|"
          r"empoder\w*",
    "fr": r"promouvoir|promotion|renforc\w*|sensibilis\w*|soutenir|soutien|"
          r"amélior\w*|favoris\w*|encourag\w*|faciliter|contribuer",
    "pt": r"promov\w*|promoção|fortalec\w*|sensibiliz\w*|apoi\w*|melhor\w*|"
          r"foment\w*|incentiv\w*|facilit\w*|contribu\w*|conscientiz\w*",
}


def _vague(words: str) -> re.Pattern[str]:
    """A vague verb as a whole word. The lookahead names the letters the alternatives open
    with (case-insensitive, as they are): at a word's start, one test passes over a word
    none of them can match instead of trying each (S211 reads every expected output)."""
    letters = "".join(sorted({alternative[0] for alternative in words.split("|")}))
    if not letters.isalpha():   # a group or an escape first would need its own letters
        raise ValueError(f"a vague word does not open with a letter: {words}")
    return re.compile(rf"\b(?=[{letters}])({words})\b", _FLAGS)


VAGUE = {language: _vague(words) for language, words in _VAGUE_WORDS.items()}

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

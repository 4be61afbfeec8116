"""The labels of the OGP action plan and commitment templates (handbook 3.2.b, 3.2.c).

First the words ogpctl's own documents write, in every language it writes them: taken from
the renderer's label functions and message catalogues, so a plan rendered by ogpctl always
reads back. Then the variants other plans use (`*_VARIANTS`, in English, Spanish, French
and Portuguese). Compared by `words.label_key`: no case, accents, punctuation, numbering
or hint in brackets."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache

from ogpctl.base.i18n import Language
from ogpctl.importers.words import label_key, plain_key, shipped_languages

Labels = dict[str, dict[str, tuple[str, ...]]]

#: Rows of a commitment's header table other plans write; the questions may be rows too.
HEADER_VARIANTS: Labels = {
    "country": {"en": ("country",), "es": ("pais",), "fr": ("pays",), "pt": ("pais",)},
    "name": {"en": ("number and name of the commitment", "name and number of the commitment",
                    "commitment number and name", "name of the commitment",
                    "commitment title"),
             "es": ("numero y nombre del compromiso", "nombre y numero del compromiso",
                    "nombre del compromiso", "titulo del compromiso"),
             "fr": ("numero et nom de l engagement", "nom de l engagement",
                    "intitule de l engagement"),
             "pt": ("numero e nome do compromisso", "nome do compromisso")},
    "brief-description": {
        "en": ("brief description of the commitment", "brief description"),
        "es": ("descripcion breve del compromiso", "breve descripcion del compromiso",
               "descripcion breve"),
        "fr": ("breve description de l engagement", "description breve de l engagement",
               "breve description"),
        "pt": ("breve descricao do compromisso", "descricao breve do compromisso",
               "breve descricao")},
    "lead": {"en": ("commitment lead", "lead implementing agency", "lead agency",
                    "implementing agency"),
             "es": ("institucion responsable del compromiso", "institucion responsable",
                    "responsable del compromiso", "entidad responsable",
                    "institucion lider"),
             "fr": ("chef de file de l engagement", "chef de file", "institution responsable"),
             "pt": ("responsavel pelo compromisso", "orgao responsavel",
                    "instituicao responsavel")},
    "supporting": {"en": ("supporting stakeholders", "other stakeholders involved"),
                   "es": ("actores de apoyo", "otros actores involucrados",
                          "actores involucrados", "actores que apoyan"),
                   "fr": ("parties prenantes d appui", "parties prenantes de soutien",
                          "autres parties prenantes"),
                   "pt": ("partes interessadas de apoio", "atores de apoio")},
    "period": {"en": ("period covered", "implementation period", "duration"),
               "es": ("periodo de vigencia", "periodo cubierto", "periodo de implementacion",
                      "periodo de ejecucion", "duracion"),
               "fr": ("periode couverte", "periode de mise en oeuvre", "duree"),
               "pt": ("periodo abrangido", "periodo de implementacao", "duracao")},
    "theme": {"en": ("theme", "policy area", "thematic area"),
              "es": ("eje tematico", "eje", "tema", "area tematica"),
              "fr": ("theme", "axe", "domaine"),
              "pt": ("eixo tematico", "eixo", "tema", "area tematica")},
    "ogp-id": {"en": ("ogp id", "ogp commitment id"), "es": ("identificador ogp",
                                                             "id ogp"),
               "fr": ("identifiant pgo",), "pt": ("identificador ogp",)},
    "values": {"en": ("ogp values", "open government values", "relevance to ogp values"),
               "es": ("valores ogp", "valores de gobierno abierto", "valores de ogp"),
               "fr": ("valeurs du pgo", "valeurs pgo"), "pt": ("valores da ogp",
                                                                "valores ogp")},
}
#: The template's questions; a question's answer follows it (same row, next row, or the
#: paragraphs after it).
QUESTION_VARIANTS: Labels = {
    "problem": {"en": ("what problem does the commitment aim to address",),
                "es": ("que problema busca abordar el compromiso",
                       "que problema busca resolver el compromiso"),
                "fr": ("quel probleme l engagement vise t il a resoudre",),
                "pt": ("que problema o compromisso pretende enfrentar",
                       "que problema o compromisso pretende resolver")},
    "causes": {"en": ("what are the causes of the problem",),
               "es": ("cuales son las causas del problema",),
               "fr": ("quelles sont les causes du probleme",),
               "pt": ("quais sao as causas do problema",)},
    "done-so-far": {"en": ("what has been done so far to solve the problem",),
                    "es": ("que se ha hecho hasta ahora para resolver el problema",),
                    "fr": ("qu est ce qui a ete fait jusqu a present pour resoudre le "
                           "probleme",),
                    "pt": ("o que foi feito ate agora para resolver o problema",)},
    "solution": {"en": ("what solution are you proposing",),
                 "es": ("que solucion propone", "que solucion se propone"),
                 "fr": ("quelle solution proposez vous",),
                 "pt": ("que solucao e proposta", "que solucao voce propoe")},
    "results": {"en": ("what results do we want to achieve by implementing this commitment",),
                "es": ("que resultados queremos alcanzar con la implementacion de este "
                       "compromiso", "que resultados queremos lograr"),
                "fr": ("quels resultats voulons nous obtenir",),
                "pt": ("que resultados queremos alcancar",)},
    "relevance": {"en": ("relevance",), "es": ("pertinencia", "relevancia"),
                  "fr": ("pertinence",), "pt": ("relevancia",)},
}
#: The columns of the milestone table.
MILESTONE_VARIANTS: Labels = {
    "title": {"en": ("milestones", "milestone", "activities"), "es": ("hitos", "hito"),
              "fr": ("jalons", "jalon"), "pt": ("marcos", "marco")},
    "output": {"en": ("expected outputs", "expected output", "outputs"),
               "es": ("productos esperados", "producto esperado", "resultados esperados",
                      "entregables"),
               "fr": ("produits attendus", "resultats attendus"),
               "pt": ("produtos esperados", "resultados esperados")},
    "due": {"en": ("expected completion date", "completion date", "end date", "deadline"),
            "es": ("fecha prevista de finalizacion", "fecha de finalizacion",
                   "fecha esperada de cumplimiento", "fecha de termino", "fecha de cierre",
                   "fecha de cumplimiento"),
            "fr": ("date d achevement prevue", "date de fin", "echeance"),
            "pt": ("data prevista de conclusao", "data de conclusao", "prazo")},
    "stakeholders": {"en": ("stakeholders",), "es": ("actores", "actores involucrados"),
                     "fr": ("parties prenantes",), "pt": ("partes interessadas",)},
    "lead": {"en": ("lead", "responsible"), "es": ("responsable", "institucion responsable"),
             "fr": ("chef de file", "responsable"), "pt": ("responsavel",)},
}
#: The action plan's narrative sections (3.2.b), and its fourth: the commitments.
SECTION_VARIANTS: Labels = {
    "introduction": {"en": ("introduction",), "es": ("introduccion",),
                     "fr": ("introduction",), "pt": ("introducao",)},
    "efforts-to-date": {"en": ("open government efforts to date", "efforts to date"),
                        "es": ("esfuerzos de gobierno abierto a la fecha",
                               "esfuerzos de gobierno abierto hasta la fecha",
                               "esfuerzos a la fecha"),
                        "fr": ("efforts en matiere de gouvernement ouvert a ce jour",
                               "efforts a ce jour"),
                        "pt": ("esforcos de governo aberto ate o momento",
                               "esforcos ate o momento")},
    "development-process": {"en": ("action plan development process", "development process"),
                            "es": ("proceso de elaboracion del plan de accion",
                                   "proceso de desarrollo del plan de accion",
                                   "proceso de co creacion", "proceso de cocreacion"),
                            "fr": ("processus d elaboration du plan d action",),
                            "pt": ("processo de elaboracao do plano de acao",)},
    "commitments": {"en": ("commitments",), "es": ("compromisos",), "fr": ("engagements",),
                    "pt": ("compromissos",)},
}
#: Sub-headings of the template that hold no text of their own.
HEADING_VARIANTS = (
    "Problem Definition", "Commitment Description", "Commitment Planning",
    "Definición del problema", "Descripción del compromiso", "Planificación del compromiso",
    "Définition du problème", "Description de l'engagement", "Planification de l'engagement",
    "Definição do problema", "Descrição do compromisso", "Planejamento do compromisso")
SECTOR_VARIANTS = {
    "government": ("government", "gobierno", "gouvernement", "governo", "government agencies",
                   "government institutions", "public institutions", "public sector",
                   "instituciones publicas", "entidades publicas", "sector publico",
                   "institutions publiques", "instituicoes publicas",
                   "orgaos publicos", "setor publico", "მთავრობა",
                   "სახელმწიფო უწყებები", "სახელმწიფო ინსტიტუციები"),
    "civil-society": ("civil society", "csos", "cso", "sociedad civil", "osc", "oscs",
                      "societe civile", "sociedade civil", "civil society organizations",
                      "civil society organisations", "civil society organization",
                      "civil society organisation", "ngos", "ngo", "non governmental "
                      "organizations", "non governmental organisations",
                      "organizaciones de la sociedad civil", "organizaciones de sociedad "
                      "civil", "ong", "ongs", "organisations de la societe civile",
                      "organisations de societe civile",
                      "organizacoes da sociedade civil", "organizacoes de sociedade civil",
                      "منظمات المجتمع المدني", "المنظمات غير الحكومية",
                      "სამოქალაქო საზოგადოება", "სამოქალაქო საზოგადოების ორგანიზაციები",
                      "არასამთავრობო ორგანიზაციები"),
    "other": ("other actors", "others", "other", "otros actores", "otros", "autres acteurs",
              "autres", "outros atores", "outros", "other stakeholders", "other partners",
              "otras partes interesadas", "autres parties prenantes", "სხვა აქტორები",
              "სხვა"),
}
#: The words other sources use for the OGP values.
VALUE_VARIANTS = {
    "transparency": ("transparency", "transparencia", "transparence", "transparencia"),
    "accountability": ("accountability", "rendicion de cuentas", "redevabilite",
                       "responsabilite", "prestacao de contas", "responsabilizacao"),
    "participation": ("participation", "participacion", "participacao",
                      "civic participation", "participacion ciudadana",
                      "participation citoyenne"),
    "technology-innovation": ("technology and innovation", "technology innovation",
                              "technology", "innovation", "tecnologia e innovacion",
                              "technologie et innovation", "tecnologia e inovacao",
                              "tecnologia"),
}
LEAD_VARIANTS = ("lead", "responsable", "lider", "chef de file", "responsavel")


def _merged(rendered: Callable[[Language], dict[str, str]], variants: Labels) -> Labels:
    """The renderer's words in every shipped language, then the variants, as label keys."""
    found: dict[str, dict[str, list[str]]] = {}
    for lang in shipped_languages():
        for name, text in rendered(Language(lang)).items():
            found.setdefault(name, {}).setdefault(lang, []).append(label_key(text))
    for name, by_lang in variants.items():
        for lang, words in by_lang.items():
            found.setdefault(name, {}).setdefault(lang, []).extend(words)
    return {name: {lang: tuple(dict.fromkeys(w for w in words if w))
                   for lang, words in by_lang.items()} for name, by_lang in found.items()}


@cache
def header() -> Labels:
    from ogpctl.render.commitment import header_labels

    return _merged(header_labels, HEADER_VARIANTS)


@cache
def questions() -> Labels:
    from ogpctl.render.commitment import question_labels

    return _merged(question_labels, QUESTION_VARIANTS)


@cache
def milestone_columns() -> Labels:
    from ogpctl.render.commitment import milestone_labels

    def columns(lang: Language) -> dict[str, str]:
        return {k: v for k, v in milestone_labels(lang).items() if k != "lead"}
    return _merged(columns, MILESTONE_VARIANTS)


@cache
def sections() -> Labels:
    from ogpctl.render.action_plan import section_titles

    return _merged(section_titles, SECTION_VARIANTS)


@cache
def parts() -> Labels:
    """The template's part headings (`values` heads the values and their relevance)."""
    from ogpctl.render.commitment import part_labels

    return _merged(part_labels, {"heading": {"en": tuple(label_key(t)
                                                         for t in HEADING_VARIANTS)}})


@cache
def document_parts() -> Labels:
    """The headings only ogpctl's documents write, each heading a field: a challenge or
    local commitment's questions, the implementation plan and its parts, and the heading
    of each kind of commitment (`challenge`, `local`)."""
    from ogpctl.render.commitment import implementation_labels, kind_labels, special_labels

    def headings(lang: Language) -> dict[str, str]:
        return {**special_labels(lang), **implementation_labels(lang), **kind_labels(lang)}
    return _merged(headings, {})


def kind_of(text: str) -> str | None:
    """The kind of commitment a header row names ("Local commitment"), else None."""
    from ogpctl.render.commitment import kind_labels

    word = label_key(text)
    return next((kind for lang in shipped_languages()
                 for kind, label in kind_labels(Language(lang)).items()
                 if label_key(label) == word), None)


def _word_sets(labels: Callable[[Language], dict[str, str]], variants: Mapping[str, Iterable[str]]
               ) -> dict[str, frozenset[str]]:
    """The words naming each code: the renderer's `labels` in every language, then other
    sources' English `variants`."""
    merged = _merged(labels, {code: {"en": tuple(plain_key(w) for w in words)}
                              for code, words in variants.items()})
    return {code: frozenset(w for words in by_lang.values() for w in words)
            for code, by_lang in merged.items()}


@cache
def sector_words() -> dict[str, frozenset[str]]:
    """The words naming each sector of supporting stakeholders."""
    from ogpctl.render.commitment import sector_labels

    return _word_sets(sector_labels, SECTOR_VARIANTS)


def sector_of(text: str) -> str | None:
    """The sector a heading such as "Civil society" or "OSC" names, else None."""
    word = label_key(text)
    return next((s for s, words in sector_words().items() if word in words), None)


@cache
def lead_words() -> frozenset[str]:
    from ogpctl.render.commitment import milestone_labels

    return frozenset(label_key(milestone_labels(Language(lang))["lead"])
                     for lang in shipped_languages()) | frozenset(LEAD_VARIANTS)


@cache
def value_words() -> dict[str, frozenset[str]]:
    """The words naming each OGP value: the renderer's, then other sources' variants."""
    from ogpctl.render.commitment import value_labels

    return _word_sets(value_labels, {v: (v, *words) for v, words in VALUE_VARIANTS.items()})


def value_of(text: str) -> str | None:
    word = plain_key(text)
    return next((v for v, words in value_words().items() if word in words), None)


@cache
def placeholder_keys() -> frozenset[str]:
    """What ogpctl's documents say where the record has no text: never a text to import."""
    from ogpctl.render.action_plan import placeholders
    from ogpctl.render.commitment import not_stated

    return frozenset(plain_key(text) for lang in shipped_languages()
                     for text in (not_stated(Language(lang)), *placeholders(Language(lang))))


def match(labels: Labels, text: str, exact: bool = False) -> tuple[str, str] | None:
    """(field, language) of the label `text` starts with (is, when `exact`); the longest
    label wins."""
    wanted = label_key(text)
    if not wanted:
        return None
    best: tuple[int, str, str] | None = None
    for name, by_lang in labels.items():
        for lang, words in by_lang.items():
            for word in words:
                hit = wanted == word if exact else (wanted == word or
                                                    wanted.startswith(word + " "))
                if hit and (best is None or len(word) > best[0]):
                    best = (len(word), name, lang)
    return (best[1], best[2]) if best else None

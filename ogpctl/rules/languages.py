"""Languages (handbook 2.2, 5.1): every text in English and every administrative language."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from itertools import chain, compress, repeat
from operator import itemgetter
from typing import Any, NamedTuple

from ogpctl.base.diagnostics import DocPath, Severity
from ogpctl.record.fields import LATER, TEXT, texts_apart, values_of
from ogpctl.record.kinds import SECTIONS, Kind
from ogpctl.record.model import Document, Languages, Plan, Stage
from ogpctl.record.text import language_name, translations
from ogpctl.rules import Finding, rule

W = Severity.WARNING
F = "languages"


_SUBMITTED = frozenset({Kind.PLAN, Kind.COMMITMENT, Kind.SECTION})


def required_languages(record_languages: Any, doc: Document, path: DocPath) -> tuple[str, ...]:
    """English is mandatory for what is submitted to OGP: the action plan and its
    commitments in the 3.2.c template (2.2). Everything else published (progress updates,
    implementation plans, meetings, contributions, the self-assessment, stakeholders) is
    due in every administrative language (5.1)."""
    admin = record_languages.required[1:] or ("en",)
    return record_languages.required if in_action_plan(doc, path) else admin


def in_action_plan(doc: Document, path: DocPath) -> bool:
    """Whether a text belongs to the submitted action plan: plan.yaml, the sections and the
    commitment template, not the progress updates or implementation plans recorded later."""
    return doc.kind in _SUBMITTED and LATER.isdisjoint(path)


def describe_field(path: DocPath) -> str:
    """`note` for ("milestones", 0, "progress", 1, "note"); `activities item 2` for lists."""
    names = [step for step in path if isinstance(step, str)]
    name = names[-1] if names else "text"
    if path and isinstance(path[-1], int):
        return f'"{name}" item {path[-1] + 1}'
    return f'"{name}"'


@rule("L301", "missing-translation", family=F, severity=W, error_from=Stage.SUBMISSION,
      handbook="2.2", subject="document")
def missing_translation(doc: Document, context: Any) -> Iterator[Finding]:
    """An action plan text is missing in English or in an administrative language.

    "Action plans must be submitted to the OGP Support Unit in both the administrative
    language of the country and English. This is a mandatory requirement" (2.2): the texts
    of plan.yaml and of each commitment in the template need English and every
    administrative language. Progress updates, meetings, contributions and the
    self-assessment are not the action plan: their translations are L305's concern. A
    plain string counts as the record's default language (ogp.yaml languages.default). A
    warning while the plan is being co-created; an error from submission on.

    Fails:
      # ogp.yaml: languages: {default: es, administrative: [es]}
      title: {es: Contratación abierta}
    Passes:
      title: {en: Open contracting, es: Contratación abierta}
    """
    yield from _untranslated(doc, context, action_plan=True)


@rule("L305", "missing-translation-elsewhere", family=F, severity=W, handbook="5.1",
      subject="document")
def missing_translation_elsewhere(doc: Document, context: Any) -> Iterator[Finding]:
    """A text outside the action plan is missing in English or an administrative language.

    A national OGP website is one where "The government publishes key OGP information and
    documents in all administrative languages" (5.1): progress updates, meetings,
    contributions and reasoned responses, the forum, the self-assessment. The handbook
    describes this as what a good website does rather than a mandatory requirement, so it
    is a warning at every stage (`--strict` makes it fail).

    Fails:
      # a progress update with note: {es: Borrador en consulta.} in an es + en record
    Passes:
      note: {es: Borrador en consulta., en: Draft under consultation.}
    """
    yield from _untranslated(doc, context, action_plan=False)


def _untranslated(doc: Document, context: Any, action_plan: bool) -> Iterator[Finding]:
    languages = context.record.languages
    # required_languages(languages, doc, path), which depends only on `submitted`
    needed = languages.required if action_plan else languages.required[1:] or ("en",)
    screens = screens_of(doc, languages)
    if not (screens.action_plan if action_plan else screens.elsewhere):
        return
    for path, _value, texts, submitted in texts_of(doc, languages.default):
        if submitted != action_plan:
            continue
        missing = [lang for lang in needed if lang not in texts]
        if missing:
            names = ", ".join(language_name(lang) for lang in missing)
            yield Finding(doc.path, f"{describe_field(path)} has no {names} text", path)


class Shapes(NamedTuple):
    """A document's text values by shape, each list indexed by whether the value belongs to
    the action plan (`in_action_plan`): what the language rules screen at C speed, a whole
    document at a time, before they look at any one text."""

    plain: tuple[list[str], list[str]]
    maps: tuple[list[dict[Any, Any]], list[dict[Any, Any]]]


def shapes_of(doc: Document) -> Shapes:
    """The text values of `doc` as plain strings and maps by language, worked out once a
    document for every language rule (L301, L303, L304, L305)."""
    if "text-shapes" not in doc.memo:
        later, others = texts_apart(doc)
        # in_action_plan(doc, path): what is not under a LATER key of a submitted document
        elsewhere, submitted = (later, others) if doc.kind in _SUBMITTED \
            else ([*others, *later], [])
        # filter with the types' own isinstance test: at C speed, where a comprehension runs
        # a loop of bytecode over every text value of the record
        doc.memo["text-shapes"] = Shapes(
            (list(filter(_is_text, elsewhere)), list(filter(_is_text, submitted))),
            (list(filter(_is_map, elsewhere)), list(filter(_is_map, submitted))))
    shapes: Shapes = doc.memo["text-shapes"]
    return shapes


_is_text: Callable[[Any], bool] = str.__instancecheck__      # isinstance(value, str)
_is_map: Callable[[Any], bool] = dict.__instancecheck__      # isinstance(value, dict)


class Screens(NamedTuple):
    """Whether each language rule may find something in a document, worked out from its
    `Shapes` at C speed; False is sure, True sends the document to the rule's exact
    reading."""

    action_plan: bool   # L301: a text of the action plan may lack a language
    elsewhere: bool     # L305: a text outside the action plan may lack one
    languages: bool     # L303: a text may be in a language the record does not declare
    guide: bool         # L304: a text may be the scaffold's guide text


def screens_of(doc: Document, languages: Languages) -> Screens:
    """The language rules' screens of a document, once a check. The runner asks this of
    every document before the rules run, so that a document's values are found and its
    texts screened in one go, while it is in the processor's cache; the rules then read
    the verdicts instead of the parsed file again."""
    kept: tuple[Languages, Screens] | None = doc.memo.get("text-screens")   # the record's
    if kept is not None and (kept[0] is languages or kept[0] == languages):
        return kept[1]
    shapes = shapes_of(doc)
    openings = _guide_openings()
    screens = Screens(
        _may_miss(shapes, True, languages.required, languages.default),
        _may_miss(shapes, False, languages.required[1:] or ("en",), languages.default),
        not set(languages.written).issuperset(chain.from_iterable(chain(*shapes.maps))),
        doc.kind is not Kind.SECTION and any(
            _opening(text) in openings for text in _may_open_like_guide(shapes)))
    doc.memo["text-screens"] = (languages, screens)
    return screens


def _may_miss(shapes: Shapes, action_plan: bool, needed: tuple[str, ...], default: str
              ) -> bool:
    """False when no text value on this side of the action plan can lack a language of
    `needed`: every map has a non-empty text in each, and plain strings (the default
    language) are only ever enough. True sends the document to the exact reading."""
    if shapes.plain[action_plan] and any(lang != default for lang in needed):
        return True
    maps = shapes.maps[action_plan]
    for lang in needed:
        texts: list[Any] = list(map(dict.get, maps, repeat(lang)))
        try:   # None (no such language) or a value that is not text raises TypeError
            if not all(texts) or any(map(str.isspace, texts)):
                return True
        except TypeError:
            return True
    return False


#: (path, value, its texts by language, in the action plan)
TextRow = tuple[tuple[Any, ...], Any, dict[str, str], bool]


def texts_of(doc: Document, default: str) -> list[TextRow]:
    """(path, value, its non-empty texts by language, in the action plan) of every text
    value of `doc` that has a text: worked out once a document for the rules that read
    texts (L301, L305, L304)."""
    key = ("texts", default)
    if key not in doc.memo:
        found: list[TextRow] = []
        for path, value in values_of(doc, TEXT):
            texts = translations(value, default)
            if texts:
                found.append((path, value, texts, in_action_plan(doc, path)))
        doc.memo[key] = found
    rows: list[TextRow] = doc.memo[key]
    return rows


@rule("L302", "missing-section", family=F, severity=W, error_from=Stage.SUBMISSION,
      handbook="3.2.b", subject="plan")
def missing_section(plan: Plan, context: Any) -> Iterator[Finding]:
    """An action plan section is missing in a language.

    The action plan opens with an introduction, open government efforts to date and the
    action plan development process (3.2.b), written in sections/<section>.<language>.md,
    in English and every administrative language (2.2).

    Fails:
      plans/2026-2030/sections/introduction.en.md   # and no introduction.es.md
    Passes:
      plans/2026-2030/sections/introduction.en.md
      plans/2026-2030/sections/introduction.es.md
    """
    files = {doc.path.rsplit("/", 1)[1]: doc for doc in plan.sections}
    for section in SECTIONS:
        for lang in context.record.languages.required:
            name = f"{section}.{lang}.md"
            doc = files.get(name)
            if doc is None or not any(line.strip() for line in _prose_lines(doc)):
                state = "is still empty" if doc is not None else "has no"
                what = (f"the {section} section {state} {language_name(lang)} text; "
                        if doc is None else
                        f"the {language_name(lang)} {section} section {state}; ")
                yield Finding(f"{plan.folder}/sections/{name}", f"{what}write sections/{name}")


_COMMENT = re.compile(r"<!--.*?(-->|\Z)", re.S)


def _prose_lines(doc: Document) -> list[str]:
    """The lines of a section's body without its comments and headings, once a document
    for L302 (`has_prose`) and L304."""
    if "prose" not in doc.memo:
        doc.memo["prose"] = [line for line in _COMMENT.sub("", doc.body or "").splitlines()
                             if not line.lstrip().startswith("#")]
    lines: list[str] = doc.memo["prose"]
    return lines


def has_prose(body: str) -> bool:
    """Whether a section says anything besides headings and comments (what a scaffold
    holds before it is written)."""
    text = _COMMENT.sub("", body)
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


@rule("L304", "scaffold-text", family=F, severity=W, error_from=Stage.SUBMISSION,
      handbook="3.2.b", subject="document")
def scaffold_text(doc: Document, context: Any) -> Iterator[Finding]:
    """A section or text still holds only the scaffold's guide text.

    `ogpctl new-plan` and `new-commitment` write the handbook's guide questions (3.2.b for
    the action plan's sections, 3.2.c for commitments) as comments next to what you write.
    A section whose text is only those questions (the comment marks taken away), or a
    field whose text is a guide question or comment copied in, would be published as the
    country's answer. Answer the questions in your own words; text that only adds answers
    below the questions is fine. A warning while the plan is being co-created; an error
    from submission on.

    Fails:
      # plans/2026-2030/sections/introduction.en.md
      # 1. Introduction
      What is the long-term vision for open government in your context?
    Passes:
      # 1. Introduction
      Our long-term vision is a state that answers to its citizens.
    """
    from ogpctl.scaffold.guide import is_guide_text

    if doc.kind is Kind.SECTION:
        prose = " ".join(_prose_lines(doc))   # a guide text opens like a guide sentence
        if _opening(prose) in _guide_openings() and is_guide_text(prose):
            name = doc.path.rsplit("/", 1)[-1]
            yield Finding(doc.path, f"{name} holds only the scaffold's guide questions; "
                          "answer them in your own words")
        return
    if not screens_of(doc, context.record.languages).guide:
        return
    openings = _guide_openings()
    for path, value, texts, _submitted in texts_of(doc, context.record.languages.default):
        for lang, text in texts.items():
            if _opening(text) in openings and is_guide_text(text):
                spot = path + (lang,) if isinstance(value, dict) else path
                yield Finding(doc.path, f"{describe_field(path)} ({language_name(lang)}) "
                              "still holds the scaffold's guide text; write your own", spot)


#: Words a text must open with to be guide text: a guide sentence has MIN_WORDS (4) words or
#: more, so its first words open the text.
_OPENING_WORDS = 3


def _opening(text: str) -> str:
    """The first words of `text`, case-folded as guide sentences are."""
    return " ".join(text.split(None, _OPENING_WORDS)[:_OPENING_WORDS]).casefold()


def _may_open_like_guide(shapes: Shapes) -> list[str]:
    """The texts of a document whose first characters could open a guide sentence: a few in
    a hundred. A text's first _PREFIX characters are judged once a run (`_PrefixScreen`)."""
    screen = _prefix_screen()
    texts = [*chain(*shapes.plain), *chain.from_iterable(map(dict.values, chain(*shapes.maps)))]
    try:   # at C speed; a value that is not text (a schema finding) raises TypeError, or
        # KeyError for a map where slices can be keys (Python 3.12)
        return list(compress(texts, map(screen.__getitem__, map(_head, texts))))
    except (TypeError, KeyError):
        return [text for text in texts if isinstance(text, str) and screen[_head(text)]]


#: Characters of a text's opening judged together: long enough to hold the first word of
#: most texts, short enough that few distinct openings exist.
_PREFIX = 8


_head = itemgetter(slice(0, _PREFIX))


class _PrefixScreen(dict[str, bool]):
    """Whether a text that opens with the key could have a first word that, case-folded,
    opens a guide sentence: the key's first word when the key holds all of it, else a
    beginning of one. Leading spaces are left to `_opening`. Only False is sure."""

    def __init__(self, first_words: frozenset[str]) -> None:
        super().__init__()
        self.words = first_words
        self.beginnings = frozenset(w[:n] for w in first_words for n in range(1, len(w) + 1))

    def __missing__(self, prefix: str) -> bool:
        if len(self) > 100_000:   # a run over many distinct texts: start again
            self.clear()
        if not prefix:
            verdict = False
        elif prefix[0].isspace():   # leading spaces, or only spaces: `_opening` decides
            verdict = True
        else:
            words = prefix.split(None, 1)   # one word: all of the text's first, or its start
            verdict = words[0].casefold() in (self.words if len(words) > 1 else self.beginnings)
        self[prefix] = verdict
        return verdict


@cache
def _prefix_screen() -> _PrefixScreen:
    return _PrefixScreen(frozenset(opening.split(" ", 1)[0] for opening in _guide_openings()))


@cache
def _guide_openings() -> frozenset[str]:
    """The opening words of every guide sentence: a text that opens otherwise is not guide
    text, which spares splitting almost every text of the record into sentences."""
    from ogpctl.scaffold.guide import guide_sentences

    return frozenset(" ".join(s.split()[:_OPENING_WORDS]) for s in guide_sentences())


@rule("L303", "unknown-language", family=F, severity=W, handbook="2.2", subject="document")
def unknown_language(doc: Document, context: Any) -> Iterator[Finding]:
    """A text is written in a language the record does not declare.

    Usually a mistyped language code (sp for es). Languages of the record are English
    and the administrative languages in ogp.yaml.

    Fails:
      title: {en: Open contracting, sp: Contratación abierta}
    Passes:
      title: {en: Open contracting, es: Contratación abierta}
    """
    if not screens_of(doc, context.record.languages).languages:
        return
    known = set(context.record.languages.written)
    for path, value in values_of(doc, TEXT):
        if isinstance(value, dict):
            for lang in value:
                if isinstance(lang, str) and lang not in known:
                    yield Finding(doc.path, f'"{lang}" is not a language of this record '
                                  f"({', '.join(sorted(known))}); correct the code or add the "
                                  "language to ogp.yaml", path + (lang,), key=True)

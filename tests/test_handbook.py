"""What ogpctl says the handbook says, the handbook says: every quotation in the rule
catalogue (`explain`, docs/rules.md) and in the scaffold's guide comments appears word for word
in ../shared/handbook/ (whitespace, quote marks and emphasis normalised; "..." marks a cut),
and every section a rule cites exists there."""

from __future__ import annotations

import re
from functools import cache

import pytest

from ogpctl.rules import catalogue
from tests.conftest import ROOT

HANDBOOK = ROOT.parent / "shared" / "handbook"
#: A quotation: straight quotes paired in order (a short "UTF-8" is a pair of its own, not the
#: opening of a quotation that ends at the next quote mark), or curly quotes.
QUOTE = re.compile(r'"([^"\n]*)"|“([^”]*)”')


def _normal(text: str) -> str:
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-"}))
    text = re.sub(r"<[^>]+>|\*\*|\*|\[([^\]]*)\]\(#\)", r"\1", text)
    return " ".join(text.split()).lower()


@cache
def _handbook() -> str:
    if not HANDBOOK.is_dir():
        pytest.skip(f"the handbook is not beside this checkout ({HANDBOOK})")
    return "\n".join(_normal(p.read_text(encoding="utf-8")) for p in sorted(HANDBOOK.glob("*.md")))


def misquoted(text: str) -> list[str]:
    """Quotations of four words or more in `text` that the handbook does not say."""
    wrong = []
    for match in QUOTE.finditer(" ".join(text.split())):
        quoted = match.group(1) if match.group(1) is not None else match.group(2) or ""
        if len(quoted.split()) < 4:
            continue
        position = 0
        for piece in re.split(r"\.\.\.|…", quoted):
            piece = _normal(piece).strip(" .,;:")
            if not piece:
                continue
            found = _handbook().find(piece, position)
            if found < 0:
                wrong.append(quoted)
                break
            position = found + len(piece)
    return wrong


def test_quotations_in_the_catalogue_are_the_handbooks_words() -> None:
    wrong = {code: misquoted(f"{item.summary}\n{item.explanation}")
             for code, item in catalogue().items()}
    assert {code: quotes for code, quotes in wrong.items() if quotes} == {}


def test_quotations_in_the_rule_reference_are_the_handbooks_words() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    text = re.sub(r"```.*?```|`[^`\n]*`", " ", text, flags=re.S)   # examples are not quotes
    assert misquoted(text) == []


def test_short_quotes_pair_with_each_other_not_with_the_text_between() -> None:
    assert misquoted('Save it as "UTF-8" in your editor and never as "UTF-16" again') == []


def test_the_check_understands_a_cut_and_spots_an_invented_word() -> None:
    assert misquoted('"Further extensions are not allowed"') == []
    assert misquoted('"a member that delivers ... acted contrary to process"') != []
    assert misquoted('"Further extensions are never allowed"') != []


@cache
def _sections() -> set[str]:
    found = set()
    for line in (HANDBOOK / "national-handbook-v5.md").read_text(encoding="utf-8").splitlines():
        heading = re.match(r"#+\s*(\d+(?:\.\d+)*(?:\.[a-z])?)\.?\s", line)
        if heading:
            found.add(heading.group(1))
        requirement = re.match(r"\s*-\s*\*\*(\d\.\d)\*\*", line)
        if requirement:
            found.add(f"MR {requirement.group(1)}")
    return found


def cited(handbook: str) -> list[str]:
    """The sections a rule's citation names: "3.2.c", "MR 2.2", "7", "IG"."""
    parts = [p.strip() for p in re.split(r"[,;]", handbook) if p.strip()]
    return [p for p in parts if p != "implementation guidance"]


def test_every_cited_section_exists() -> None:
    _handbook()
    missing = {code: [p for p in cited(item.handbook) if p not in _sections()]
               for code, item in catalogue().items()}
    assert {code: parts for code, parts in missing.items() if parts} == {}


def test_minimum_requirements_are_cited_as_such() -> None:
    """MR 2.2 (the repository) is not section 2.2 (submitting a plan): a rule on a minimum
    requirement cites it in its own form."""
    for code in ("M701", "M702", "M703", "M704", "M707", "C410", "C411", "C412", "P601",
                 "P603"):
        assert "MR " in catalogue()[code].handbook, code


def test_format_rules_cite_no_section() -> None:
    """Reading a file and its shape are the tool's own rules, not the handbook's."""
    for code, item in catalogue().items():
        if item.family == "reading" or code in ("F101", "F102", "F103", "F104", "F117",
                                                "F110", "F111", "F112", "F113", "F114",
                                                "F115", "F116", "F118", "F119"):
            assert item.handbook == "", code


#: Rules whose handbook words are "should", "expected" or "encouraged": warnings (or notes)
#: at every stage, whatever `--for` says; `--strict` is for members who want more.
SHOULD = ("S201", "S202", "S203", "S204", "S205", "S210", "S211", "S212", "S220", "S221",
          "S222", "S223", "S230", "S231", "S241", "S250", "A501", "A502", "A503", "A504", "M711",
          "C415", "P605", "P606")


@pytest.mark.parametrize("code", SHOULD)
def test_a_should_of_the_handbook_is_never_an_error(code: str) -> None:
    from ogpctl.base.diagnostics import Severity
    from ogpctl.record.model import Stage

    item = catalogue()[code]
    assert all(item.severity_at(stage) in (None, Severity.WARNING, Severity.INFO)
               for stage in Stage), code


def test_every_code_in_the_requirement_map_is_a_rule() -> None:
    from ogpctl.rules.coverage import REQUIREMENTS

    codes = set(catalogue())
    assert [(r.section, c) for r in REQUIREMENTS for c in r.codes if c not in codes] == []


def test_every_requirement_has_rules_or_a_reason() -> None:
    from ogpctl.rules.coverage import REQUIREMENTS

    assert [r for r in REQUIREMENTS if bool(r.codes) == bool(r.unchecked)] == []


def test_every_rule_citing_the_handbook_is_in_the_requirement_map() -> None:
    from ogpctl.rules.coverage import REQUIREMENTS

    mapped = {code for r in REQUIREMENTS for code in r.codes}
    assert [code for code, item in catalogue().items()
            if item.handbook and code not in mapped] == []


def test_the_requirement_map_names_sections_the_handbook_has() -> None:
    from ogpctl.rules.coverage import REQUIREMENTS

    _handbook()
    assert [r.section for r in REQUIREMENTS if r.section not in _sections()] == []


def test_the_rule_reference_states_the_severity_policy_and_the_map() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "## Severity policy" in text and "## What check covers" in text
    assert "| 5.2 | the repository is available online without passwords" in text


def test_quotations_in_the_scaffold_comments_are_the_handbooks_words() -> None:
    """The guide comments `init`, `new-plan` and `new-commitment` write (their English
    text; the other languages are translations, not quotations)."""
    from ruamel.yaml import YAML

    guide = YAML(typ="safe").load((ROOT / "templates/scaffold/guide.yaml").read_text(
        encoding="utf-8"))

    def english(node: object, key: object = None) -> list[str]:
        if isinstance(node, dict):
            return [t for k, v in node.items() for t in english(v, k)]
        if isinstance(node, list):
            return [t for v in node for t in english(v, key)]
        return [node] if isinstance(node, str) and key in (None, "en") else []

    texts = english(guide)
    assert len(texts) > 20
    assert [q for text in texts for q in misquoted(text)] == []


def test_c407_claims_only_what_it_checks() -> None:
    """C407 said "or ends after it" without checking it; the end is C403's and S242's."""
    item = catalogue()["C407"]
    assert "ends after" not in item.summary and "C403" in item.explanation


def test_quotations_in_messages_are_the_handbooks_words() -> None:
    """Every string in ogpctl's code (finding messages, obligation texts, labels, help) that
    quotes words and cites a section right after them, as `"..." (3.2.c)`, quotes the
    handbook. (Examples in docstrings, such as a column heading, cite no section.)"""
    import ast

    cited_quote = re.compile(r'(["“][^"”\n]{12,}["”])[.,;]?\s*\((?:handbook |section |MR )?\d')
    wrong = []
    for path in sorted((ROOT / "ogpctl").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = " ".join(node.value.split())
                wrong += [(path.name, node.lineno, q) for m in cited_quote.finditer(text)
                          for q in misquoted(m.group(1))]
    assert wrong == []

"""Findings in the reader's language (newuser4 H8, newuser5 N15): a Portuguese- or
Arabic-only reviewer could not read a single finding, every one was English. The findings a
new record meets first are said through the catalogues (`ogpctl.rules.wording`), in the
review and with `check --lang`; English stays exactly what the rules write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogpctl.rules.wording import TEMPLATES, _pattern
from tests.conftest import new_plan_record, run
from tests.gitrepo import commit

LANGUAGES = ("es", "fr", "pt", "ar")
#: The days a new record is checked on: co-creation, after its window, in implementation.
DAYS = ("2026-12-01", "2027-09-15", "2028-09-01")


@pytest.fixture
def record(capsys, tmp_path: Path) -> Path:
    """A pt,en record as a new user makes one, with a commitment."""
    root = new_plan_record(capsys, tmp_path, languages="pt,en", lead="Ministério")
    assert run(capsys, "new-commitment", "-C", root, "2027-2031", "Dados abertos",
               "--today", "2026-12-01")[0] == 0
    return root


def findings(capsys, record: Path, day: str, lang: str) -> list[dict]:
    code, out, err = run(capsys, "check", "-C", record, "-f", "json", "--today", day,
                         "--no-cache", "--lang", lang)
    assert code in (0, 1), err
    return json.loads(out)["diagnostics"]


def template_of(code: str, message: str) -> str | None:
    return next((t for t in TEMPLATES.get(code, ()) if _pattern(t).fullmatch(message)), None)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_new_records_findings_are_said_in_the_language(capsys, record: Path,
                                                         lang: str) -> None:
    met: set[str] = set()
    for day in DAYS:
        english = findings(capsys, record, day, "en")
        said = findings(capsys, record, day, lang)
        assert [d["code"] for d in said] == [d["code"] for d in english]
        for before, after in zip(english, said, strict=True):
            template = template_of(before["code"], before["message"])
            if template is None:
                assert after == before   # no words for it: English, as check writes it
                continue
            met.add(template)
            assert after["message"] != before["message"], (lang, before["message"])
            assert {k: v for k, v in after.items() if k != "message"} == \
                {k: v for k, v in before.items() if k != "message"}
    assert {"S201", "S212", "S241", "L301", "L302", "F105", "C401", "C410", "C411"} <= {
        code for code, templates in TEMPLATES.items() if set(templates) & met}


def test_the_words_of_a_portuguese_finding(capsys, record: Path) -> None:
    said = {d["code"]: d["message"] for d in findings(capsys, record, "2027-09-15", "pt")}
    assert said["S212"] == "Mensurável: indique o produto esperado do marco 1"
    assert said["C401"] == ("o plano 2027-2031 não foi entregue dentro do seu prazo, de 1 de "
                            "janeiro de 2027 a 31 de agosto de 2027 (entregue: não registrado)")
    sections = [d["message"] for d in findings(capsys, record, "2027-09-15", "pt")
                if d["code"] == "L302"]
    assert "a seção introduction em inglês (en) ainda está vazia; escreva " \
        "sections/introduction.en.md" in sections


def test_the_text_is_in_the_records_language_and_machine_formats_in_english(
        capsys, record: Path) -> None:
    """The reader-language convention of status, deadlines and review (newuser7 Q11):
    without --lang the text of a Portuguese-first record is Portuguese, as --lang pt
    gives; JSON (and every machine format) stays in the English the rules write."""
    code, out, _ = run(capsys, "check", "-C", record, "--today", "2027-09-15", "--no-cache")
    again = run(capsys, "check", "-C", record, "--today", "2027-09-15", "--no-cache",
                "--lang", "pt")
    assert (code, out) == again[:2] and "Mensurável" in out
    machine = run(capsys, "check", "-C", record, "--today", "2027-09-15", "--no-cache",
                  "--format", "json")[1]
    english = run(capsys, "check", "-C", record, "--today", "2027-09-15", "--no-cache",
                  "--format", "json", "--lang", "en")[1]
    assert machine == english and "Mensurável" not in machine


def test_a_language_without_words_is_refused(capsys, record: Path) -> None:
    code, _, err = run(capsys, "check", "-C", record, "--today", "2027-09-15", "--lang", "de")
    assert code == 2 and "--lang de: not a language of this record" in err
    assert "(ar, en, es, fr, pt)" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("lang, words", [
    ("pt", "Específico: diga que problema o compromisso enfrenta (problem.what)"),
    ("ar", "التحديد: اذكر المشكلة التي يعالجها الالتزام (problem.what)"),
])
def test_a_review_says_the_findings_in_its_language(capsys, tmp_path: Path, lang: str,
                                                    words: str) -> None:
    root = new_plan_record(capsys, tmp_path, languages="pt,en", lead="Ministério")
    base = commit(root, "record", "2026-12-01T10:00:00+00:00")
    assert run(capsys, "new-commitment", "-C", root, "2027-2031", "Dados abertos",
               "--today", "2026-12-01")[0] == 0
    head = commit(root, "commitment", "2026-12-02T10:00:00+00:00")
    code, out, err = run(capsys, "review", base, head, "-C", root, "--lang", lang,
                         "--today", "2026-12-02")
    assert code == 0, err
    assert words in out
    assert "S201" in out and "problem addresses" not in out

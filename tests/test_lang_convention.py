"""One convention for every `--lang` (docs/cli.md, "The convention"): a command that writes
texts into the record takes a language the record is written in; a command that writes for
readers (a document, the calendar, a review, the status screen) also takes a language
ogpctl has labels in, and the record's texts show in English, marked. Any other language
is one line on standard error and exit code 2, worded alike by every command."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from tests.conftest import SAMPLE, run
from tests.gitrecord import committed_sample

PLAN = "2026-2030"
TODAY = "2026-11-23"

#: Commands that write for readers, with what they need besides --lang.
READERS = {
    ("render",): ("action-plan", "--plan", PLAN, "--format", "md", "--out", "-"),
    ("deadlines",): (),
    ("review",): (),
    ("diff",): (),
    ("status",): (),
    ("check",): ("--for", "implementation"),   # findings to word: P605
}
#: Commands that write texts into the record ({file}: a file of the right kind).
WRITERS = {
    ("progress", "add"): (PLAN, "1.1", "--status", "in-progress", "--note", "Avance"),
    ("progress", "export"): ("--plan", PLAN),
    ("progress", "import"): ("{sheet}",),
    ("import", "contributions"): ("{survey}", "--plan", PLAN),
    ("import", "plan"): ("{survey}", "--plan", PLAN, "--dry-run"),
    ("translate", "export"): ("--out", "-"),
}
#: Commands without --today.
UNDATED = {("progress", "export"), ("import", "contributions")}


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample (written in en and es) as a git repository, and input files beside it."""
    folder = tmp_path_factory.mktemp("lang")
    (folder / "sheet.csv").write_text("plan,milestone,date,status,note\n", encoding="utf-8")
    (folder / "survey.csv").write_text("Comment\nMore data\n", encoding="utf-8")
    return committed_sample(SAMPLE, folder / "record")


def command_line(record: Path, command: tuple[str, ...], args: tuple[str, ...], lang: str
                 ) -> list[str]:
    files = {"sheet": str(record.parent / "sheet.csv"),
             "survey": str(record.parent / "survey.csv")}
    return [*command, *(a.format(**files) for a in args), "-C", str(record), "--lang", lang,
            *(("--today", TODAY) if command not in UNDATED else ())]


def test_every_command_with_lang_is_listed_here() -> None:
    """A new command taking --lang says here which kind it is."""
    from ogpctl.cli import app

    found = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, (*path, name))
        if any(p.name == "lang" for p in getattr(command, "params", [])):
            found.append(path)

    walk(typer.main.get_command(app), ())
    assert sorted(found) == sorted([*READERS, *WRITERS])


@pytest.mark.parametrize("command", [*READERS, *WRITERS], ids=" ".join)
def test_a_language_neither_of_the_record_nor_of_ogpctl_is_refused(
        capsys, record: Path, command: tuple[str, ...]) -> None:
    args = {**READERS, **WRITERS}[command]
    before = {p: p.read_bytes() for p in record.rglob("*") if p.is_file() and ".git" not in
              p.parts}
    code, out, err = run(capsys, *command_line(record, command, args, "de"))
    assert code == 2 and not out and len(err.splitlines()) == 1, (code, out, err)
    assert "--lang de: not a language of this record (ogp.yaml: en, es)" in err, err
    assert {p: p.read_bytes() for p in before} == before


@pytest.mark.parametrize("command", list(WRITERS), ids=" ".join)
def test_texts_go_into_the_record_only_in_its_languages(capsys, record: Path,
                                                        command: tuple[str, ...]) -> None:
    """Arabic has labels in ogpctl, but a text in it would be in a language the record
    does not declare (L303)."""
    code, _, err = run(capsys, *command_line(record, command, WRITERS[command], "ar"))
    assert code == 2 and err.startswith("ogpctl: --lang ar: not a language of this record "
                                        "(ogp.yaml: en, es); add it to ogp.yaml"), err


@pytest.mark.parametrize("command", list(READERS), ids=" ".join)
def test_readers_may_have_a_language_ogpctl_has_labels_in(capsys, record: Path,
                                                          command: tuple[str, ...]) -> None:
    """Arabic labels for an es/en record; fr-CA takes the French labels."""
    for lang, word in (("ar", "ا"), ("fr-CA", "e")):
        code, out, err = run(capsys, *command_line(record, command, READERS[command], lang))
        assert code == 0 and word in out and not err, (lang, code, err)


def test_a_word_plan_in_a_language_the_record_lacks_is_refused(capsys, record: Path,
                                                               tmp_path: Path) -> None:
    """With no --lang, the language `import plan` reads from a Word plan's labels is held to
    the same convention: French texts would go into a record written in en and es."""
    french = tmp_path / "french"
    assert run(capsys, "init", french, "--country", "Testland", "--iso-code", "XT",
               "--languages", "fr,en", "--lead-agency", "Ministère")[0] == 0
    assert run(capsys, "new-plan", "-C", french, "--window", "june", "--due-year", "2027",
               "--length", "4", "--today", TODAY)[0] == 0
    assert run(capsys, "new-commitment", "-C", french, "2027-2031", "Données ouvertes",
               "--today", TODAY)[0] == 0
    assert run(capsys, "render", "action-plan", "--plan", "2027-2031", "-C", french,
               "--lang", "fr", "-f", "docx", "--out", tmp_path / "out", "--today", TODAY)[0] == 0
    plan = tmp_path / "out" / "2027-2031-action-plan.fr.docx"
    code, _, err = run(capsys, "import", "plan", plan, "--plan", PLAN, "-C", record,
                       "--dry-run", "--today", TODAY)
    assert code == 2 and "the texts' language fr: not a language of this record (ogp.yaml: " \
        "en, es)" in err, err

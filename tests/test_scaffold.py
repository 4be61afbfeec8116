"""`ogpctl init`, `new-plan` and `new-commitment`: scaffolds that pass `check` with only the
"fill this in" findings, carry schema lines that resolve, and never damage what exists."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ogpctl.edit.scalars import scalar
from ogpctl.record import cycle as cal
from ogpctl.scaffold.files import write_new
from ogpctl.source.yaml import parse_yaml
from tests.conftest import run

#: The findings a fresh scaffold is expected to have: fields still to be written.
FILL_IN = {"F105", "L301", "L302", "S201", "S202", "S203", "S204", "S205", "S212", "S220",
           "S222", "S230", "S231", "S241", "S250"}
TODAY = "2026-12-02"


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".git/" not in p.as_posix()
            and ".ogpctl-cache" not in p.as_posix()}


def findings(capsys, record: Path) -> list[dict]:
    code, out, _ = run(capsys, "check", record, "--format", "json", "--today", TODAY,
                       "--no-cache")
    assert code == 0, out
    return json.loads(out)["diagnostics"]


def new_record(capsys, tmp_path: Path, *extra: str) -> Path:
    record = tmp_path / "record"
    code, out, err = run(capsys, "init", record, "--country", "Testland", "--iso-code", "XT",
                         "--languages", "es,en", "--lead-agency", "Secretaría de Gobierno Abierto",
                         *extra)
    assert code == 0, out + err
    return record


def new_plan(capsys, record: Path, *args: str) -> tuple[int, str, str]:
    return run(capsys, "new-plan", "-C", record, "--today", TODAY, *args)


def assert_schema_lines_resolve(record: Path) -> None:
    for path in record.rglob("*.yaml"):
        if ".github" in path.parts or path.name.startswith(".pre-commit"):
            continue
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path} has no schema line"
        assert (path.parent / match.group(1)).resolve().is_file(), f"{path}: {first}"


# -- init ---------------------------------------------------------------------------------

def test_init_writes_a_record_that_checks(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    for rel in ("ogp.yaml", "stakeholders.yaml", "forum/forum.yaml", "forum/meetings",
                ".gitignore", ".github/workflows/ogpctl.yml", ".pre-commit-config.yaml",
                "schemas/commitment.schema.json", ".git"):
        assert (record / rel).exists(), rel
    assert ".ogpctl-cache/" in (record / ".gitignore").read_text()
    workflow = (record / ".github/workflows/ogpctl.yml").read_text()
    assert "ogpctl check -C . --format github" in workflow and "pull_request" in workflow
    ogp = parse_yaml((record / "ogp.yaml").read_text()).data
    assert ogp["country"] == {"en": None, "es": "Testland"}
    assert ogp["languages"] == {"default": "es", "administrative": ["es"]}
    assert ogp["lead-agency"] == "secretaria-de-gobierno-abierto"
    assert {d["code"] for d in findings(capsys, record)} <= FILL_IN
    assert_schema_lines_resolve(record)


def test_outputs_written_in_the_record_are_ignored_by_git(capsys, tmp_path: Path,
                                                          monkeypatch) -> None:
    record = new_record(capsys, tmp_path)
    assert new_plan(capsys, record, "--window", "june", "--due-year", "2027",
                    "--length", "2")[0] == 0
    subprocess.run(["git", "-C", str(record), "add", "-A"], check=True)
    monkeypatch.chdir(record)
    assert run(capsys, "render", "action-plan", "--plan", "2027-2029", "--today", TODAY)[0] == 0
    assert run(capsys, "site", "--no-search", "--today", TODAY)[0] == 0
    assert (record / "rendered").is_dir() and (record / "site").is_dir()
    status = subprocess.run(["git", "-C", str(record), "status", "--porcelain",
                             "--untracked-files=all"], capture_output=True, text=True,
                            check=True).stdout
    assert not [line for line in status.splitlines() if not line.startswith("A ")], status


def test_the_workflow_checks_out_the_whole_history(capsys, tmp_path: Path) -> None:
    """The repository rules judge how often the record is updated (minimum requirement
    2.2): a one-commit checkout cannot show that."""
    record = new_record(capsys, tmp_path)
    workflow = parse_yaml((record / ".github/workflows/ogpctl.yml").read_text()).data
    steps = workflow["jobs"]["check"]["steps"]
    checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0


def test_init_names_the_country_in_each_language(capsys, tmp_path: Path) -> None:
    for n, country in enumerate((("es=República de Costa Serena",
                                  "en=Republic of Costa Serena"),
                                 ("es=República de Costa Serena,en=Republic of Costa Serena",),
                                 ("República de Costa Serena", "en=Republic of Costa Serena"))):
        record = tmp_path / str(n)
        args = [a for name in country for a in ("--country", name)]
        assert run(capsys, "init", record, "--languages", "es", *args)[0] == 0
        ogp = parse_yaml((record / "ogp.yaml").read_text()).data
        assert ogp["country"] == {"en": "Republic of Costa Serena",
                                  "es": "República de Costa Serena"}, country
    assert new_plan(capsys, record, "--window", "june", "--due-year", "2027",
                    "--length", "2")[0] == 0
    plan = parse_yaml((record / "plans/2027-2029/plan.yaml").read_text()).data
    assert plan["title"] == {
        "en": "Republic of Costa Serena Open Government National Action Plan 2027-2029",
        "es": "Plan de Acción Nacional de Gobierno Abierto de República de Costa Serena "
              "2027-2029"}


def test_a_name_with_commas_stays_whole_and_bad_names_are_refused(capsys, tmp_path) -> None:
    record = tmp_path / "record"
    assert run(capsys, "init", record, "--languages", "es", "--country",
               "es=Bolivia, Estado Plurinacional de")[0] == 0
    ogp = parse_yaml((record / "ogp.yaml").read_text()).data
    assert ogp["country"] == {"en": None, "es": "Bolivia, Estado Plurinacional de"}
    for country in ("fr=France", "es=A,es=B", "en="):
        code, _, err = run(capsys, "init", tmp_path / "r", "--languages", "es",
                           "--country", country)
        assert code == 2 and err.startswith("ogpctl: "), country
    assert not (tmp_path / "r").exists()


def test_a_plan_title_never_borrows_another_languages_name(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)       # the country is named in Spanish only
    assert new_plan(capsys, record, "--window", "june", "--due-year", "2027",
                    "--length", "2")[0] == 0
    plan = parse_yaml((record / "plans/2027-2029/plan.yaml").read_text()).data
    assert plan["title"]["en"] is None
    assert "Testland" in plan["title"]["es"]
    assert any(d["code"] == "L301" and d["file"] == "plans/2027-2029/plan.yaml"
               for d in findings(capsys, record))


def _answering(monkeypatch: pytest.MonkeyPatch, answers: dict[str, str],
               asked: list[str]) -> None:
    """`init` at a terminal, answered from `answers` ("" for any other question); the
    questions asked go to `asked`."""
    import typer

    from ogpctl.cli import scaffold

    def prompt(question, default="", show_default=True):
        asked.append(question)
        return answers.get(question, "")

    monkeypatch.setattr(scaffold, "interactive", lambda: True)
    monkeypatch.setattr(typer, "prompt", prompt)


def test_init_asks_the_country_name_in_each_language(capsys, tmp_path: Path,
                                                     monkeypatch) -> None:
    asked = []
    answers = {"Country name in Spanish (es)": "República de Testlandia",
               "Country name in English (en)": "Republic of Testland"}

    _answering(monkeypatch, answers, asked)
    record = tmp_path / "record"
    assert run(capsys, "init", record, "--languages", "es,en", "--iso-code", "XT",
               "--lead-agency", "Secretaría", "--contact-name", "Ana",
               "--contact-email", "ana@example.org")[0] == 0
    assert asked == list(answers)
    ogp = parse_yaml((record / "ogp.yaml").read_text()).data
    assert ogp["country"] == {"en": "Republic of Testland", "es": "República de Testlandia"}
    asked.clear()
    assert run(capsys, "init", tmp_path / "other", "--languages", "es,en", "--iso-code", "XT",
               "--lead-agency", "S", "--contact-name", "Ana", "--contact-email", "a@b.c",
               "--country", "es=República de Testlandia")[0] == 0
    assert asked == ["Country name in English (en)"]


def test_init_at_a_terminal_asks_the_languages_and_checks_the_email(capsys, tmp_path: Path,
                                                                      monkeypatch) -> None:
    """A French user answering every prompt got `default: en, administrative: []`: the
    languages were never asked. An email prompt took `<script>`."""
    answers = {"Languages, the default first (such as es,en)": "fr,en",
               "ISO 3166-1 code (such as CL)": "XT", "Lead agency": "Ministère",
               "Point of contact's name": "Ana", "Point of contact's email": "ana@example.org",
               "Country name in French (fr)": "Testlande",
               "Country name in English (en)": "Testland"}
    asked = []

    _answering(monkeypatch, answers, asked)
    record = tmp_path / "record"
    assert run(capsys, "init", record)[0] == 0
    assert asked[0] == "Languages, the default first (such as es,en)"
    languages = parse_yaml((record / "ogp.yaml").read_text()).data["languages"]
    assert languages["default"] == "fr", languages
    answers["Point of contact's email"] = "<script>"
    code, _, err = run(capsys, "init", tmp_path / "other")
    assert code == 2 and "is not an email address" in err


def comments_of(path: Path) -> str:
    """The comments of a YAML file as one text, language prefixes and wrapping undone."""
    lines = [line[1:].strip() for line in path.read_text(encoding="utf-8").splitlines()
             if line.startswith("#")]
    return " ".join(lines)


def test_init_comments_are_in_the_record_languages(capsys, tmp_path: Path) -> None:
    from ogpctl.scaffold.templating import guide_texts

    record = tmp_path / "record"
    assert run(capsys, "init", record, "--languages", "fr,ar", "--country", "fr=Testland")[0] == 0
    texts = guide_texts()["record"]
    for name, file in (("ogp", "ogp.yaml"), ("stakeholders", "stakeholders.yaml"),
                       ("forum", "forum/forum.yaml")):
        comments = comments_of(record / file)
        for key, text in texts[name].items():
            for lang in ("en", "fr", "ar"):      # no lead agency: the example is written
                words = " ".join(text[lang].split())
                assert f"{lang}: {words}" in comments, (file, key, lang)


def test_check_after_init_lists_every_empty_field_with_its_section(capsys, tmp_path) -> None:
    """The fill-in list names each empty field of ogp.yaml and forum.yaml, citing the
    handbook section of that field (the forum is 1.1, not the commitment template)."""
    record = tmp_path / "record"
    assert run(capsys, "init", record, "--languages", "es,en", "--iso-code", "XT",
               "--country", "es=República de Testlandia", "--lead-agency", "Secretaría")[0] == 0
    for stage in ("co-creation", "submission"):
        code, out, _ = run(capsys, "check", record, "--format", "json", "--today", TODAY,
                           "--no-cache", "--for", stage)
        empty = {(d["file"], d["line"], d["handbook"]) for d in json.loads(out)["diagnostics"]
                 if d["code"] == "F105"}
        ogp = (record / "ogp.yaml").read_text().splitlines()
        lines = {d: n for n, d in enumerate(ogp, 1)}
        forum = (record / "forum/forum.yaml").read_text().splitlines()
        wanted = {("ogp.yaml", lines["  en:"], "3.2.c"),             # country in English
                  ("ogp.yaml", lines["member-since:"], "1"),
                  ("ogp.yaml", lines["  name:"], "1"),
                  ("ogp.yaml", lines["  role:"] + 1, "1"),
                  ("ogp.yaml", lines["  email:"], "5.1.a-b"),
                  ("forum/forum.yaml", forum.index("name:") + 2, "1.1")}
        if stage == "co-creation":                   # from submission M702 and M703 say so
            wanted |= {("ogp.yaml", lines["website:"], "5.1"),
                       ("ogp.yaml", lines["repository:"], "5.2")}
        assert empty == wanted, stage


def test_new_plan_comments_are_in_the_record_languages(capsys, tmp_path: Path) -> None:
    from ogpctl.scaffold.templating import guide_texts

    record = tmp_path / "record"
    assert run(capsys, "init", record, "--languages", "pt", "--country", "pt=Testlândia")[0] == 0
    assert run(capsys, "new-plan", "-C", record, "--window", "june", "--due-year", "2027",
               "--length", "4", "--today", "2026-10-01")[0] == 0   # stages all ahead
    texts = guide_texts()["plan-files"]
    filled = {"plan_id": "2027-2031", "opens": "2027-01-01", "closes": "2027-08-31",
              "refresh_due": "2029-12-31", "due": "2027-06-30"}
    for name in ("plan", "co-creation", "contributions"):
        comments = comments_of(record / "plans/2027-2031" / f"{name}.yaml")
        for key, text in texts[name].items():
            if key == "status" or key in DATED_FROM_TODAY:
                continue                     # a four-year plan says status-refresh instead;
                #                              the others: test_new_plan_dates_no_stage_...
            for lang in ("en", "pt"):
                words = " ".join(text[lang].split())
                for placeholder, value in filled.items():
                    words = words.replace("{" + placeholder + "}", value)
                if "{publish_by}" in words:
                    words = words.split("{publish_by}")[0]
                assert f"{lang}: {words}" in comments, (name, key, lang)


def test_init_refuses_an_existing_record_and_changes_nothing(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    before = snapshot(record)
    code, _, err = run(capsys, "init", record, "--country", "Elsewhere")
    assert code == 2 and "already" in err
    code, _, err = run(capsys, "init", record / "forum", "--country", "Inside")
    assert code == 2 and "already" in err
    assert snapshot(record) == before


def test_init_in_a_repository_subfolder(capsys, tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("node_modules/\n")
    code, out, _ = run(capsys, "init", tmp_path / "ogp record", "--languages", "fr")
    assert code == 0
    assert not (tmp_path / "ogp record" / ".git").exists()
    workflow = (tmp_path / ".github/workflows/ogpctl.yml").read_text()
    assert "ogpctl check -C 'ogp record' --format github" in workflow
    hooks = parse_yaml((tmp_path / ".pre-commit-config.yaml").read_text()).data
    hook = hooks["repos"][0]["hooks"][0]
    assert re.search(hook["files"], "ogp record/plans/x/plan.yaml")
    assert not re.search(hook["files"], "other/plan.yaml")
    assert (tmp_path / ".gitignore").read_text() == "node_modules/\n"   # not the record's


def test_init_rejects_bad_answers(capsys, tmp_path: Path) -> None:
    for args in (("--languages", "English"), ("--iso-code", "xt"), ("--country", "a\nb")):
        code, _, err = run(capsys, "init", tmp_path / "r", *args)
        assert code == 2 and err.startswith("ogpctl: "), args
    assert not (tmp_path / "r").exists()


# -- new-plan -----------------------------------------------------------------------------

def test_new_plan_is_dated_by_the_calendar(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    code, out, _ = new_plan(capsys, record, "--window", "december", "--due-year", "2027",
                            "--length", "4")
    assert code == 0, out
    base = record / "plans" / "2027-2031"
    plan = parse_yaml((base / "plan.yaml").read_text()).data
    expected = cal.plan_dates("december", 2027, 4)
    assert plan["dates"] == {"due": "2027-12-31", "window-opens": "2027-07-01",
                             "window-closes": "2028-02-28", "end": "2031-12-31",
                             "amendment-deadline": "2031-12-31", "refresh-mark": "2029-12-31",
                             "refresh-due": "2030-06-30", "next-plan-late-after": "2032-12-31"}
    assert plan["dates"]["end"] == expected.end.isoformat()
    assert plan["status"] == "co-creation" and plan["refresh"]["review-starts"] == "2029-12-31"
    assert plan["title"]["es"] == "Plan de Acción Nacional de Gobierno Abierto de Testland " \
        "2027-2031"
    stages = parse_yaml((base / "co-creation.yaml").read_text()).data["stages"]
    assert stages[-1]["ends"] == "2027-12-31"
    for earlier, later in pairwise(stages):
        assert date.fromisoformat(earlier["ends"]) + timedelta(days=1) == \
            date.fromisoformat(later["starts"])
    development = date.fromisoformat(next(s["starts"] for s in stages
                                          if s["id"] == "development"))
    assert f"by {development - timedelta(days=14)}, two weeks before development" in \
        comments_of(base / "co-creation.yaml")
    for section in ("introduction", "efforts-to-date", "development-process"):
        for lang in ("en", "es"):
            assert (base / "sections" / f"{section}.{lang}.md").is_file()
    assert (base / "commitments").is_dir() and (base / "evidence" / "process").is_dir()
    assert {d["code"] for d in findings(capsys, record)} <= FILL_IN
    assert_schema_lines_resolve(record)
    code, out, _ = run(capsys, "deadlines", record, "--format", "json", "--today", TODAY)
    events = {e["id"]: e for e in json.loads(out)}
    assert events["cocreation-timeline-publish-by"]["date"] == \
        (development - timedelta(days=14)).isoformat()
    assert events["refresh-due"]["date"] == "2030-06-30"


def test_section_headings_are_the_numbered_headings_of_the_documents(capsys, tmp_path
                                                                     ) -> None:
    """Handbook 3.2.b numbers the contents 1. Introduction ... 4. Commitments; a section
    file's own heading is the one the documents print, so it is that numbered heading."""
    from ogpctl.base.i18n import Language

    record = tmp_path / "record"
    assert run(capsys, "init", record, "--languages", "es,fr,pt,ar")[0] == 0
    assert new_plan(capsys, record, "--window", "june", "--due-year", "2027",
                    "--length", "2")[0] == 0
    titles = {"introduction": "1. Introduction",
              "efforts-to-date": "2. Open government efforts to date",
              "development-process": "3. Action plan development process"}
    for section, title in titles.items():
        for lang in ("en", "es", "fr", "pt", "ar"):
            path = record / "plans/2027-2029/sections" / f"{section}.{lang}.md"
            first = path.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first == "# " + Language(lang)._(title), (section, lang)


def test_new_plan_twice_and_overlapping_plans_change_nothing(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    assert new_plan(capsys, record, "--window", "june", "--due-year", "2027", "--length",
                    "2")[0] == 0
    before = snapshot(record)
    code, _, err = new_plan(capsys, record, "--window", "june", "--due-year", "2027",
                            "--length", "2")
    assert code == 2 and "exists already" in err
    code, _, err = new_plan(capsys, record, "--window", "december", "--due-year", "2028",
                            "--length", "2")
    assert code == 2 and "overlaps 2027-2029" in err
    assert snapshot(record) == before
    code, _, _ = new_plan(capsys, record, "--window", "december", "--due-year", "2028",
                          "--length", "2", "--force")
    assert code == 0 and (record / "plans/2028-2030/plan.yaml").is_file()


def test_new_plan_suggests_the_next_plan(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    code, out, _ = new_plan(capsys, record)     # no terminal: nothing is asked
    assert code == 0 and "New plan 2027-2029" in out     # due December 2027: 8 months ahead
    code, out, _ = new_plan(capsys, record)
    assert code == 0 and "New plan 2029-2031" in out     # the one after it


def test_new_plan_fills_a_plan_folder_without_overwriting(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    intro = record / "plans/2027-2029/sections/introduction.en.md"
    intro.parent.mkdir(parents=True)
    intro.write_text("# Introduction\n\nOur own words.\n")
    code, out, _ = new_plan(capsys, record, "--window", "june", "--due-year", "2027",
                            "--length", "2")
    assert code == 0 and "kept     plans/2027-2029/sections/introduction.en.md" in out
    assert intro.read_text() == "# Introduction\n\nOur own words.\n"


def test_new_plan_in_the_sample_uses_its_schema_folder(capsys, sample: Path) -> None:
    code, out, _ = new_plan(capsys, sample, "--window", "june", "--due-year", "2030",
                            "--length", "4")
    assert code == 0, out
    first = (sample / "plans/2030-2034/plan.yaml").read_text().split("\n", 1)[0]
    assert first == "# yaml-language-server: $schema=../../../schemas/plan.schema.json"


@pytest.mark.parametrize("args", [("--window", "july"), ("--due-year", "twenty"),
                                  ("--length", "3"), ("--id", "../x")])
def test_new_plan_rejects_bad_options(capsys, tmp_path: Path, args) -> None:
    record = new_record(capsys, tmp_path)
    code, _, err = new_plan(capsys, record, *args)
    assert code == 2 and err.startswith("ogpctl: ")
    assert not (record / "plans").exists() or not any((record / "plans").glob("*/plan.yaml"))


# -- new-commitment -----------------------------------------------------------------------

def test_new_commitment_follows_the_template(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    new_plan(capsys, record, "--window", "june", "--due-year", "2027", "--length", "2")
    code, out, _ = run(capsys, "new-commitment", "-C", record, "2027-2029",
                       "Contratación abierta: obras públicas")
    assert code == 0, out
    path = record / "plans/2027-2029/commitments/01-contratacion-abierta-obras-publicas.yaml"
    text = path.read_text(encoding="utf-8")
    data = parse_yaml(text).data
    assert data["title"] == {"en": None, "es": "Contratación abierta: obras públicas"}
    assert data["period"] == {"start": "2027-06-30", "end": "2029-06-30"}
    assert data["milestones"] == [{"number": 1, "title": {"en": None, "es": None},
                                   "output": {"en": None, "es": None}, "due": None,
                                   "lead": None, "status": "not-started"}]
    assert "#     start? How long has the problem impacted those affected?" in text
    assert "# es: 1. ¿Qué problema" in text.replace("  # es", "# es")
    assert (record / "plans/2027-2029/evidence/01-contratacion-abierta-obras-publicas").is_dir()
    assert {d["code"] for d in findings(capsys, record)} <= FILL_IN
    assert_schema_lines_resolve(record)


def test_new_commitment_numbers_and_refusals(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    new_plan(capsys, record, "--window", "june", "--due-year", "2027", "--length", "2")
    commit = ("new-commitment", "-C", record, "2027-2029")
    assert run(capsys, *commit, "Open data")[0] == 0
    assert run(capsys, *commit, "Open budgets", "--kind", "local")[0] == 0
    folder = record / "plans/2027-2029/commitments"
    assert sorted(p.name for p in folder.glob("*.yaml")) == ["01-open-data.yaml",
                                                              "02-open-budgets.yaml"]
    assert "ogp-local-member: false" in (folder / "02-open-budgets.yaml").read_text()
    before = snapshot(record)
    for args, message in ((("Open data",), "has this name already"),
                          (("Other", "--number", "2"), "exists already"),
                          (("Other", "--kind", "special"), "--kind"),
                          (("Other", "--number", "1000"), "numbered 1 to 999")):
        code, _, err = run(capsys, *commit, *args)
        assert code == 2 and message in err, err
    code, _, err = run(capsys, "new-commitment", "-C", record, "2040-2042", "X")
    assert code == 2 and "no plan '2040-2042'" in err
    assert snapshot(record) == before
    assert run(capsys, *commit, "Challenge", "--kind", "challenge", "--today", TODAY)[0] == 0
    assert f"added: {TODAY}" in (folder / "03-challenge.yaml").read_text()


def test_non_latin_titles_give_distinct_ids(capsys, tmp_path: Path) -> None:
    """Contributions and the self-assessment name commitments by id: Arabic, Chinese or
    Russian titles are transliterated, and a title with no word in any script gets
    commitment-N, never one id shared by two commitments."""
    record = new_record(capsys, tmp_path)
    new_plan(capsys, record, "--window", "june", "--due-year", "2027", "--length", "2")
    commit = ("new-commitment", "-C", record, "--", "2027-2029")
    for title in ("البيانات المفتوحة للعقود العامة", "الشفافية في الميزانية", "公开合同数据",
                  "Открытые данные", "🙂", "✔ ✔"):
        assert run(capsys, *commit, title)[0] == 0
    folder = record / "plans/2027-2029/commitments"
    assert sorted(p.name for p in folder.glob("*.yaml")) == [
        "01-lbynt-lmftwhh-ll-qwd-l-mh.yaml", "02-lshffyh-fy-lmyznyh.yaml",
        "03-gong-kai-he-tong-shu-ju.yaml", "04-otkrytye-dannye.yaml",
        "05-commitment-5.yaml", "06-commitment-6.yaml"]
    assert not {d["code"] for d in findings(capsys, record)} - FILL_IN
    code, _, err = run(capsys, "new-commitment", "-C", record, "--number", "9", "2027-2029",
                       "Commitment 5")
    assert code == 2 and "05-commitment-5.yaml has this name already" in err


@pytest.mark.parametrize("title, words", [
    ("a\x1b[31mred", "TITLE holds an escape character"), ("a\nb", "TITLE holds a line break"),
    ("  ", "TITLE needs a non-empty text")])
def test_a_title_the_record_cannot_hold_is_named(capsys, tmp_path: Path, title: str,
                                                 words: str) -> None:
    """A control character is said to be one, not called an empty text."""
    record = new_record(capsys, tmp_path)
    new_plan(capsys, record, "--window", "june", "--due-year", "2027", "--length", "2")
    code, _, err = run(capsys, "new-commitment", "-C", record, "2027-2029", title)
    assert code == 2 and words in err and len(err.splitlines()) == 1, err
    assert not list((record / "plans/2027-2029/commitments").glob("*.yaml"))


@pytest.mark.parametrize("title", ['Say "yes": no', "# not a comment", "- [x] {y}: z",
                                   "null", "2027-06-30", "  spaced  ", "تعاقد مفتوح",
                                   "'quoted' & *starred* !tagged %percent @at `tick`"])
def test_titles_round_trip_exactly(capsys, tmp_path: Path, title: str) -> None:
    record = new_record(capsys, tmp_path)
    new_plan(capsys, record, "--window", "june", "--due-year", "2027", "--length", "2")
    assert run(capsys, "new-commitment", "-C", record, "--", "2027-2029", title)[0] == 0
    [path] = (record / "plans/2027-2029/commitments").glob("*.yaml")
    assert parse_yaml(path.read_text()).data["title"]["es"] == title.strip()


# -- the pieces -----------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\n\t"),
               min_size=1, max_size=40))
def test_any_text_is_a_safe_yaml_scalar(text: str) -> None:
    """Every text the record may hold (control characters are findings, R003) reads back
    exactly from the scalar the scaffolds write."""
    parsed = parse_yaml(f"key: {scalar(text)}\n")
    assert parsed.ok and parsed.data == {"key": text}


def test_write_new_never_overwrites_nor_follows_links(tmp_path: Path) -> None:
    target = tmp_path / "a" / "file.yaml"
    assert write_new(target, b"one", inside=tmp_path) is True
    assert write_new(target, b"two", inside=tmp_path) is False
    assert target.read_bytes() == b"one"
    assert [p.name for p in target.parent.iterdir()] == ["file.yaml"]   # no temporary left
    outside = tmp_path.parent / (tmp_path.name + "-outside")
    outside.mkdir()
    (tmp_path / "link").symlink_to(outside)
    from ogpctl.base.errors import RecordWriteError

    with pytest.raises(RecordWriteError):
        write_new(tmp_path / "link" / "x.yaml", b"x", inside=tmp_path)
    with pytest.raises(RecordWriteError):
        write_new(tmp_path / ".." / "escape.yaml", b"x", inside=tmp_path)
    assert not any(outside.iterdir())


def test_a_symlinked_plan_folder_is_not_written_through(capsys, tmp_path: Path) -> None:
    record = new_record(capsys, tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (record / "plans" / "2027-2029").symlink_to(outside)
    code, _, err = new_plan(capsys, record, "--window", "june", "--due-year", "2027",
                            "--length", "2")
    assert code == 2 and "symbolic link" in err
    assert not any(outside.iterdir())


def test_new_plan_asks_at_a_terminal(capsys, tmp_path: Path, monkeypatch) -> None:
    record = new_record(capsys, tmp_path)
    import typer

    from ogpctl.cli import scaffold

    answers = iter(["December", "2028", ""])     # the empty answer keeps the suggested length
    asked = []

    def prompt(question, default="", show_default=True):
        asked.append((question, default))
        return next(answers)

    monkeypatch.setattr(scaffold, "interactive", lambda: True)
    monkeypatch.setattr(typer, "prompt", prompt)
    code, out, _ = new_plan(capsys, record)
    assert code == 0 and "New plan 2028-2030: due 2028-12-31" in out
    assert [q for q, _ in asked] == ["Window (june or december)", "Due year",
                                     "Length in years (2 or 4)"]
    assert asked[1][1] == "2027"     # suggested: December 2027 is the first due date 8 months on


# -- new-plan: no stage dated before the day the plan is made --------------------------------

#: The co-creation guide's texts for stages dated from today or left undated.
DATED_FROM_TODAY = ("stages-from-today", "stages-undated", "timeline-undated")
#: Days around the calendar of a plan due 2027-06-30: before and on the usual planning start
#: (2026-10-29), after it, the window's opening, weeks and days before the due date, after it.
AROUND_JUNE_2027 = ("2026-10-28", "2026-10-29", "2026-10-30", "2026-12-04", "2027-01-01",
                    "2027-05-20", "2027-06-01", "2027-06-14", "2027-06-26", "2027-06-27",
                    "2027-06-30", "2027-08-31")


def assert_stage_guide(comments: str, day: date) -> None:
    """The stages' guide in both record languages, the one for how they were dated."""
    from ogpctl.scaffold.templating import guide_texts

    left = (date(2027, 6, 30) - day).days + 1
    key = "stages" if day <= date(2026, 10, 29) else "stages-from-today" if left >= 5 \
        else "stages-undated"
    for lang in ("en", "es"):
        words = " ".join(guide_texts()["plan-files"]["co-creation"][key][lang].split())
        for name, value in (("due", "2027-06-30"), ("today", day.isoformat()), ("weeks", "35")):
            words = words.replace("{" + name + "}", value)
        assert f"{lang}: {words}" in comments, (key, lang)


@pytest.mark.parametrize("today", AROUND_JUNE_2027)
def test_new_plan_dates_no_stage_before_today(capsys, tmp_path: Path, today: str) -> None:
    record = new_record(capsys, tmp_path)
    code, out, err = run(capsys, "new-plan", "-C", record, "--window", "june", "--due-year",
                         "2027", "--length", "4", "--today", today)
    assert code == 0, out + err
    path = record / "plans/2027-2031/co-creation.yaml"
    stages = parse_yaml(path.read_text(encoding="utf-8")).data["stages"]
    day, due = date.fromisoformat(today), date(2027, 6, 30)
    comments = comments_of(path)
    assert_stage_guide(comments, day)
    code, screen, err = run(capsys, "status", "-C", record, "--today", today, "--lang", "en")
    screen = " ".join(screen.split())
    if (due - day).days + 1 < 5:           # less than a day a stage: left to the user
        assert all(s["starts"] is None and s["ends"] is None for s in stages)
        assert f"The due date (2027-06-30) leaves no time for the stages after today " \
               f"({today}): write the first and last day each stage had" in comments
        assert "at least two weeks before development starts" in comments
        assert "since co-creation started" not in screen
        assert "(the co-creation stages have no dates, so the year before is counted)" in screen
        return
    starts = [date.fromisoformat(s["starts"]) for s in stages]
    assert min(starts) >= day and stages[-1]["ends"] == "2027-06-30"
    for earlier, later in pairwise(stages):
        assert date.fromisoformat(earlier["ends"]) + timedelta(days=1) == \
            date.fromisoformat(later["starts"])
    development = date.fromisoformat(next(s["starts"] for s in stages
                                          if s["id"] == "development"))
    publish = development - timedelta(days=14)
    assert f"by {publish}, two weeks before development" in comments
    if (due - day).days + 1 >= 17:         # room for the timeline's two weeks' notice
        assert publish >= day
    fitted = starts[0] == day and day > date(2026, 10, 29)
    assert ("is nearer than the 35 weeks the usual stages take" in comments) == fitted
    assert not re.search(r"no meeting in the [1-9]\d* days? since co-creation", screen), screen


def test_status_right_after_new_plan_counts_no_days_of_co_creation(capsys,
                                                                  tmp_path: Path) -> None:
    """newuser: "36 days since co-creation started" on the day the plan was made."""
    record = new_record(capsys, tmp_path)
    assert run(capsys, "new-plan", "-C", record, "--window", "june", "--due-year", "2027",
               "--length", "4", "--today", "2026-12-04")[0] == 0
    code, screen, err = run(capsys, "status", "-C", record, "--today", "2026-12-04",
                            "--lang", "en")
    assert "co-creation started on 2026-12-04" in " ".join(screen.split()), screen
    assert "36 days" not in screen


def test_action_plan_names_no_co_creation_start_when_the_stages_have_no_dates(
        capsys, tmp_path: Path) -> None:
    """fixtruth left it: with undated stages the action plan's 1.1 line said "from the start
    of co-creation to delivery" of a start no stage gives; it says the year before now."""
    record = new_record(capsys, tmp_path)
    assert run(capsys, "new-plan", "-C", record, "--window", "june", "--due-year", "2027",
               "--length", "4", "--today", "2027-06-27")[0] == 0
    code, out, err = run(capsys, "render", "action-plan", "-C", record, "--plan", "2027-2031",
                         "--lang", "en", "--format", "md", "-o", "-", "--today", "2027-06-27")
    assert code == 0, out + err
    text = " ".join(out.split())
    assert "start of co-creation" not in text
    assert "No forum meeting is recorded in the year before delivery (the co-creation " \
           "stages have no dates)." in text

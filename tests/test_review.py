"""`ogpctl review`: a real git repository with a base and a head commit, several kinds of
changes (texts in two languages, dates, leads, statuses, milestones added and withdrawn,
a contribution answered, a finding introduced and one fixed), checked against the
expected review in English and Spanish (tests/golden/review.*.md)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, run
from tests.gitrecord import committed_sample, git

GOLDEN = Path(__file__).parent / "golden"
PLAN = "plans/2026-2030"
WORKS = f"{PLAN}/commitments/01-public-works-open-contracting.yaml"
CLIMATE = f"{PLAN}/commitments/03-climate-finance-transparency.yaml"
JUSTICE = f"{PLAN}/commitments/04-justice-open-data.yaml"
CONTRIBUTIONS = f"{PLAN}/contributions.yaml"
TODAY = "2026-11-23"

NEW_CONTRIBUTION = """
  - id: citizen-budget-portal
    received: 2026-10-02
    from: climate-citizens-alliance
    channel: email
    summary:
      en: Publish the climate budget tags in the citizen budget.
      es: Publicar las etiquetas climáticas en el presupuesto ciudadano.
    decision: pending
"""

ANSWER = """    decision: include
    response:
      en: Included in milestone 3.2, which will show the tags in the citizen budget.
      es: Se incluye en el hito 3.2, que mostrará las etiquetas en el presupuesto ciudadano.
    responded: 2026-11-10
"""

NEW_MILESTONE = """  - number: 5
    title:
      en: Climate tags in the citizen budget
      es: Etiquetas climáticas en el presupuesto ciudadano
    output:
      en: The citizen budgets of 2028 and 2029 show the climate tag of every programme
      es: Los presupuestos ciudadanos de 2028 y 2029 muestran la etiqueta climática de cada programa
    due: 2029-06-30
    lead: climate-office
    status: not-started
evidence:
"""

PROGRESS = """    status: in-progress
    progress:
      - date: 2026-11-15
        status: in-progress
        note:
          en: Terms of reference of the portal agreed with the Ministry of Environment.
          es: Términos de referencia del portal acordados con el Ministerio de Ambiente.
  - number: 3
"""


def edit(record: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = record / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def base_and_head(tmp_path: Path) -> Path:
    """The sample as delivered, then a base commit with a contribution still unanswered, a
    milestone date that is not a date and a lead nobody fixes; then the head commit."""
    record = committed_sample(SAMPLE, tmp_path / "record")
    (record / CONTRIBUTIONS).write_text((record / CONTRIBUTIONS).read_text(encoding="utf-8")
                                        + NEW_CONTRIBUTION, encoding="utf-8")
    edit(record, CLIMATE, "    due: 2030-03-31\n", "    due: early 2030\n")
    edit(record, JUSTICE, "lead: supreme-court\n", "lead: supreme-cort\n")
    git(record, "commit", "-qam", "Base", date="2026-10-05T10:00:00+00:00")
    git(record, "tag", "base")
    edit(record, WORKS, "Publish payments, amendments and physical progress of every public "
         "work above 1 million VRD", "Publish payments, amendments and physical progress of "
         "every public work above 500,000 VRD")
    edit(record, WORKS, "toda obra pública de más de 1 millón de VRD",
         "toda obra pública de más de 500.000 VRD")
    edit(record, WORKS, "lead: procurement-agency\n", "lead: ministry-of-finance\n")
    edit(record, WORKS, "    due: 2027-06-30\n", "    due: 2027-12-31\n")
    edit(record, CLIMATE, "    status: not-started\n  - number: 3\n", PROGRESS)
    edit(record, CLIMATE, "    lead: ministry-of-environment\n    supporting:\n      other: "
         "[assembly-transparency-committee]\n    status: not-started\n",
         "    lead: ministry-of-environment\n    supporting:\n      other: "
         "[assembly-transparency-committee]\n    status: withdrawn\n")
    edit(record, CLIMATE, "    due: early 2030\n", "    due: 2030-03-31\n")
    edit(record, CLIMATE, "\nevidence:\n", "\n" + NEW_MILESTONE)
    edit(record, CONTRIBUTIONS, "    decision: pending\n", ANSWER)
    git(record, "commit", "-qam", "Amend commitments 1 and 3; answer a contribution",
        date="2026-11-20T10:00:00+00:00")
    git(record, "tag", "head")
    return record


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return base_and_head(tmp_path_factory.mktemp("review"))


@pytest.fixture(autouse=True)
def _no_forge(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "CI_PROJECT_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_review_reads_as_expected(capsys, record: Path, lang: str) -> None:
    code, out, err = run(capsys, "review", "base", "head", "-C", record, "--lang", lang,
                         "--today", TODAY)
    assert code == 1, err   # the change introduces an error (an unknown lead)
    golden = GOLDEN / f"review.{lang}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8"), \
        f"{golden.name} differs; if the change is intended: UPDATE_GOLDEN=1 pytest {__file__}"


def test_review_as_json(capsys, record: Path) -> None:
    code, out, _ = run(capsys, "review", "base", "head", "-C", record, "-f", "json",
                       "--today", TODAY)
    data = json.loads(out)
    assert code == 1 and data["range"] == "base .. head"
    kinds = {(c["kind"], c["field"]) for c in data["changes"]}
    assert {("text", "brief-description"), ("changed", "lead"), ("redated", "due"),
            ("changed", "status"), ("progress-added", "progress"), ("added", None),
            ("answered", "contribution")} <= kinds
    introduced = [(f["code"], f["file"]) for f in data["findings"]["introduced"]]
    fixed = [f["code"] for f in data["findings"]["fixed"]]
    assert ("F110", CLIMATE) in introduced and fixed, (introduced, fixed)
    assert not any(f["file"] == JUSTICE for f in data["findings"]["introduced"]
                   + data["findings"]["fixed"]), "a finding on both sides is not news"
    moved = {(d["id"], d["subject"]): (d["old"], d["new"]) for d in data["deadlines"]}
    assert moved[("milestone-due", "1.2")] == ("2027-06-30", "2027-12-31")
    assert moved[("milestone-due", "3.5")] == (None, "2029-06-30")


def test_findings_link_to_their_line_on_the_forge(capsys, record: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "veridia/ogp-record")
    head = git(record, "rev-parse", "head^{commit}").strip()
    _, out, _ = run(capsys, "review", "base", "head", "-C", record, "--lang", "en",
                    "--today", TODAY)
    line = next(n for n, text in enumerate(
        (record / CLIMATE).read_text(encoding="utf-8").splitlines(), 1)
        if "climate-office" in text)
    link = f"https://github.com/veridia/ogp-record/blob/{head}/{CLIMATE}#L{line}"
    assert f"(<{link}>)" in out
    monkeypatch.delenv("GITHUB_SERVER_URL")
    monkeypatch.setenv("CI_PROJECT_URL", "https://gitlab.example/veridia/record")
    _, out, _ = run(capsys, "review", "base", "head", "-C", record, "--today", TODAY)
    assert f"https://gitlab.example/veridia/record/-/blob/{head}/{CLIMATE}#L{line}" in out


def test_preview_builds_the_site_and_lists_the_pages_touched(capsys, record: Path,
                                                             tmp_path: Path) -> None:
    preview = tmp_path / "preview"
    code, out, err = run(capsys, "review", "base", "head", "-C", record, "--lang", "es",
                         "--today", TODAY, "--preview", preview, "--preview-url",
                         "https://example.org/preview")
    assert code == 1, err
    pages = re.findall(r"\(<https://example.org/preview/([^>]+)>\)", out)
    assert "es/plans/2026-2030/commitments/01-public-works-open-contracting.html" in pages
    assert "es/plans/2026-2030/commitments/03-climate-finance-transparency.html" in pages
    assert "es/plans/2023-2025/index.html" not in pages
    assert all(page.startswith("es/") for page in pages)
    assert (preview / "index.html").is_file()
    page = (preview / "es/plans/2026-2030/commitments/01-public-works-open-contracting.html")
    assert "500.000 VRD" in page.read_text(encoding="utf-8")


def test_pages_in_another_language_say_which(capsys, record: Path, tmp_path: Path) -> None:
    """A review read in French of an es/en record: the site has no French page, so the
    list is the default language's, and says so (it said "dans cette langue")."""
    code, out, err = run(capsys, "review", "base", "head", "-C", record, "--lang", "fr",
                         "--today", TODAY, "--preview", tmp_path / "preview")
    assert code == 1, err
    assert "toutes langues confondues ; en espagnol :" in out
    assert "dans cette langue" not in out
    code, out, err = run(capsys, "review", "base", "head", "-C", record, "--lang", "es",
                         "--today", TODAY, "--preview", tmp_path / "preview-es")
    assert "en este idioma:" in out


def test_review_of_the_working_tree_takes_new_files(capsys, tmp_path: Path) -> None:
    record = committed_sample(SAMPLE, tmp_path / "record")
    edit(record, WORKS, "lead: procurement-agency\n", "lead: ministry-of-finance\n")
    new = record / f"{PLAN}/commitments/07-open-budget-data.yaml"
    new.write_text("title: {en: Open budget data, es: Datos presupuestarios abiertos}\n",
                   encoding="utf-8")
    (record / "notes.tmp").write_text("ignored\n", encoding="utf-8")
    (record / ".gitignore").write_text("*.tmp\n", encoding="utf-8")
    code, out, err = run(capsys, "review", "-C", record, "--lang", "en", "--today", TODAY)
    assert "*HEAD .. working tree*" in out, err
    assert "- Lead changed from National Public Procurement Directorate to Ministry of " \
        "Finance and Public Credit." in out or "Lead changed from" in out
    assert "#### 7. Open budget data\n\n- Commitment added." in out


def test_nothing_changed(capsys, record: Path) -> None:
    code, out, _ = run(capsys, "review", "head", "head", "-C", record, "--lang", "en",
                       "--today", TODAY)
    assert code == 0
    assert "No file of the record changes." in out
    assert "The change introduces no finding." in out and "No deadline moves." in out


@pytest.mark.parametrize("args, words", [
    (["--lang", "e s"], "--lang"),
    (["--source-url", "file:///etc/{path}"], "--source-url"),
    (["--source-url", "https://x.example/{commit}/{path}/{secret}"], "--source-url"),
    (["--source-url", "https://x.example/{commit"], "--source-url"),
    (["--preview-url", "javascript:alert(1)"], "--preview-url"),
    (["--", "--output=/tmp/x"], "revision"),
    (["base", "head", "head"], "at most two"),
])
def test_usage_errors(capsys, record: Path, args: list[str], words: str) -> None:
    code, _, err = run(capsys, "review", "-C", record, *args)
    assert code == 2 and words in err and "Traceback" not in err, err


def test_record_text_cannot_become_markup(capsys, tmp_path: Path) -> None:
    record = committed_sample(SAMPLE, tmp_path / "record")
    edit(record, WORKS, "  en: Open contracting for public works, from award to completion\n",
         "  en: '<img src=x onerror=alert(1)> [click](https://evil.example) # Heading'\n")
    _, out, _ = run(capsys, "review", "-C", record, "--lang", "en", "--today", TODAY)
    assert not re.search(r"(?<!\\)<img", out), "raw HTML"
    assert not re.search(r"(?<!\\)\]\(https://evil", out), "a link"
    assert not re.search(r"^#+ .*(?<!\\)# Heading", out, re.M), "a heading"
    assert "\\<img src=x onerror=alert(1)\\>" in out


def test_the_reviewers_guide_names_every_option(capsys) -> None:
    """docs/review.md stays true: each option of `ogpctl review` is explained there, in
    English and in Spanish."""
    from tests.conftest import ROOT

    _, help_text, _ = run(capsys, "review", "--help")
    options = set(re.findall(r"(--[a-z][a-z-]+)", help_text)) - {"--help", "--record",
                                                                  "--today"}
    guide = (ROOT / "docs" / "review.md").read_text(encoding="utf-8")
    english, spanish = guide.split("# Revisar un cambio al registro de OGP")
    for option in sorted(options):
        assert option in english and option in spanish, option


def test_a_file_that_cannot_be_read_is_said_so(capsys, tmp_path: Path) -> None:
    """A commitment file broken by the change is not told as every milestone removed and
    every field emptied (nor are its deadlines), in the review, `diff` or the note."""
    record = committed_sample(SAMPLE, tmp_path / "record")
    git(record, "tag", "-a", "-m", "Delivered", "submitted/2026-2030")
    path = record / CLIMATE
    path.write_text(path.read_text(encoding="utf-8") + "  broken: [\n", encoding="utf-8")
    _, out, _ = run(capsys, "review", "-C", record, "--lang", "en", "--today", TODAY)
    assert f"- `{CLIMATE}` cannot be read, so what its change means is not known" in out
    assert "#### 3. Climate finance transparency" in out
    assert "removed" not in out.split("## Files")[0] and "No deadline moves." in out
    assert "`R001`" in out
    _, out, _ = run(capsys, "diff", "-C", record)
    assert "cannot be read on one side" in out and "removed" not in out
    code, out, err = run(capsys, "render", "amendment-note", "--plan", "2026-2030", "-C",
                         record, "-o", "-", "--lang", "en", "-f", "md", "--today", TODAY)
    # the note OGP receives is not written from a file that cannot be read
    # (tests/test_unusable_files.py): it said "No changes."
    assert code == 1 and out == "" and f"{CLIMATE}:" in err and "R001" in err


def test_full_commit_ids_are_shortened_in_the_title(capsys, record: Path) -> None:
    base = git(record, "rev-parse", "base^{commit}").strip()
    _, out, _ = run(capsys, "review", base, "head", "-C", record, "--today", TODAY)
    assert f"*{base[:12]} .. head*" in out and base not in out.split("## ")[0]


def test_changes_to_the_plan_itself(capsys, tmp_path: Path) -> None:
    record = committed_sample(SAMPLE, tmp_path / "record")
    edit(record, f"{PLAN}/plan.yaml", "window: june\n", "window: december\n")
    edit(record, f"{PLAN}/plan.yaml", "delivered: 2026-06-24\n", "delivered: 2026-06-30\n")
    _, out, _ = run(capsys, "review", "-C", record, "--lang", "es", "--today", TODAY)
    assert "- El período de entrega cambió de junio a diciembre.\n" in out
    assert "- La fecha de entrega cambió del 24 de junio de 2026 al 30 de junio de 2026.\n" \
        in out
    assert "| 2026-2030 | Fin del plan | 30 de junio de 2030 | 31 de diciembre de 2030 |" in out


def test_a_line_break_in_a_value_cannot_start_markdown_blocks(capsys, tmp_path: Path) -> None:
    """A date that is not one, quoted with line breaks, stays on its line in the review
    (and in every Markdown document: the writer puts no line break of a text's own)."""
    record = committed_sample(SAMPLE, tmp_path / "record")
    edit(record, WORKS, "    due: 2027-06-30\n", '    due: "x\\n# Injected\\n- item\\r> q"\n')
    _, out, _ = run(capsys, "review", "-C", record, "--lang", "en", "--today", TODAY)
    assert not re.search(r"^\s*(#+ Injected|- item|> q)", out, re.M), out
    assert "to x \\# Injected - item \\> q." in out


def test_long_lists_of_findings_are_cut_errors_first(capsys, record: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import ogpctl.review.render as review_module

    monkeypatch.setattr(review_module, "MAX_FINDINGS", 1)
    _, out, _ = run(capsys, "review", "base", "head", "-C", record, "--lang", "en",
                    "--today", TODAY)
    introduced = out.split("### Introduced by this change (3)\n\n")[1].split("###")[0]
    assert introduced.startswith("- **error** `F110`")
    assert "… and 2 more, none more severe: the review as JSON and `ogpctl check` list " \
        "them all." in introduced
    _, data, _ = run(capsys, "review", "base", "head", "-C", record, "-f", "json",
                     "--today", TODAY)
    assert len(json.loads(data)["findings"]["introduced"]) == 3


def test_a_file_the_change_makes_readable_is_not_called_unreadable(capsys,
                                                                    tmp_path: Path) -> None:
    """The base (the delivered plan) holds a file with a YAML error that the change fixes:
    the review says the base could not be read, not that the file cannot be."""
    record = committed_sample(SAMPLE, tmp_path / "record")
    path = record / CLIMATE
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "  broken: [\n", encoding="utf-8")
    git(record, "commit", "-qam", "Broken", date="2026-10-05T10:00:00+00:00")
    git(record, "tag", "-a", "-m", "Delivered", "submitted/2026-2030")
    path.write_text(good, encoding="utf-8")
    _, out, _ = run(capsys, "review", "-C", record, "--lang", "en", "--today", TODAY)
    assert f"- `{CLIMATE}` could not be read at `submitted/2026-2030`, so its change cannot " \
        "be told field by field; it can be read now" in out, out
    assert "cannot be read, so what its change means is not known" not in out
    _, out, _ = run(capsys, "review", "-C", record, "--lang", "fr", "--today", TODAY)
    assert f"- `{CLIMATE}` n'a pas pu être lu à `submitted/2026-2030`" in out, out


@pytest.mark.parametrize("lang, words", [
    ("fr", "Contribution envoyée par une personne ou un groupe sans nom (web-1) : "),
    ("en", "Contribution received from an unnamed contributor (web-1): ")])
def test_a_contribution_from_no_one_named(capsys, tmp_path: Path, lang: str,
                                          words: str) -> None:
    """"anonymous", as older imports stored it, is no name; French says "envoyée par"
    (never "reçue de une personne")."""
    record = committed_sample(SAMPLE, tmp_path / "record")
    path = record / CONTRIBUTIONS
    path.write_text(path.read_text(encoding="utf-8") + NEW_CONTRIBUTION.replace(
        "citizen-budget-portal", "web-1").replace("from: climate-citizens-alliance",
                                                  "from: {name: anonymous}"), encoding="utf-8")
    _, out, _ = run(capsys, "review", "-C", record, "--lang", lang, "--today", TODAY)
    assert words in out and "anonymous" not in out, out


def test_preview_says_which_pages_the_change_removes(capsys, tmp_path: Path) -> None:
    """newuser5 N5: a deleted meeting's page was listed among the pages that change, linked
    to a preview that has no such file; it says it is removed (translated), with no link."""
    record = committed_sample(SAMPLE, tmp_path / "record")
    (record / "forum/meetings/2026-10-28-implementation-review.md").unlink()
    gone = "es/meetings/2026-10-28-implementation-review.html"
    code, out, err = run(capsys, "review", "-C", record, "--lang", "es", "--today", TODAY,
                         "--preview", tmp_path / "preview", "--preview-url",
                         "https://example.org/preview")
    assert f"`{gone}` (página eliminada)" in out, err
    assert f"preview/{gone}" not in out and not (tmp_path / "preview" / gone).exists()
    code, out, err = run(capsys, "review", "-C", record, "--lang", "es", "--today", TODAY,
                         "--preview", tmp_path / "preview2", "--format", "json")
    said = json.loads(out)
    assert said["removed-pages"] == [gone.replace("es/", "en/", 1), gone], err
    assert set(said["removed-pages"]) < set(said["pages"])

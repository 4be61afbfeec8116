"""A recorded amendment and a translation left behind, as a reviewer and OGP see them (a new
user's F7): a French-first record (fr, en) made with `init`, `new-plan` and
`new-commitment`, delivered with `tag-submission`, then a branch that renames commitment 1
in English only, moves milestone 1.1 and records the amendment in plan.yaml (handbook 2.2:
"an updated version that clearly outlines all changes"). `review` (md, html, json,
--preview), `diff` and `render amendment-note` show the amendment's date and summary, in
every language, and review asks for the French title the English rename left behind."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import FRENCH_FIRST, new_plan_record, run
from tests.gitrecord import git, use_identity
from tests.test_amendments import edit

PLAN = "plans/2027-2031/plan.yaml"
COMMITMENT = "plans/2027-2031/commitments/01-donnees-ouvertes.yaml"
TODAY = "2027-09-10"
SUMMARY = "Milestone 1.1 moved to 1 March 2029; commitment 1 renamed <script>x</script>."
AMENDMENT = f"""amendments:
  - date: 2027-09-03
    summary:
      en: "{SUMMARY}"
"""


@pytest.fixture(autouse=True)
def _identity(monkeypatch: pytest.MonkeyPatch) -> None:
    use_identity(monkeypatch, "2027-06-20T12:00:00+00:00")
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "CI_PROJECT_URL"):
        monkeypatch.delenv(name, raising=False)


def delivered(capsys, tmp_path: Path) -> Path:
    """The fr/en record as a new user makes it, its commitment titled in both languages,
    delivered on 2027-06-20 (tag submitted/2027-2031)."""
    record = new_plan_record(capsys, tmp_path, today="2026-12-04", **FRENCH_FIRST)
    assert run(capsys, "new-commitment", "-C", record, "2027-2031", "Données ouvertes")[0] == 0
    path = record / COMMITMENT
    edit(path, "title:\n  en:\n  fr: Données ouvertes",
         "title:\n  en: Open data\n  fr: Données ouvertes")
    edit(path, "    title:\n      en:\n      fr:",
         "    title:\n      en: Publish the register\n      fr: Publier le registre")
    edit(path, "    due:\n", "    due: 2028-06-30\n")
    git(record, "init", "-q")
    git(record, "add", "-A")
    git(record, "commit", "-qm", "Plan 2027-2031", date="2027-06-19T10:00:00+00:00")
    assert run(capsys, "tag-submission", "2027-2031", "-C", record, "--date", "2027-06-20",
               "--today", "2027-06-21")[0] == 0
    return record


def amended(capsys, tmp_path: Path, *, french_too: bool = False) -> Path:
    """A branch that renames commitment 1 in English (and in French with `french_too`),
    moves milestone 1.1 and records the amendment."""
    record = delivered(capsys, tmp_path)
    git(record, "checkout", "-qb", "amend")
    edit(record / COMMITMENT, "  en: Open data\n", "  en: Open data for all\n")
    if french_too:
        edit(record / COMMITMENT, "  fr: Données ouvertes\n",
             "  fr: Données ouvertes pour tous\n")
    edit(record / COMMITMENT, "    due: 2028-06-30\n", "    due: 2029-03-01\n")
    path = record / PLAN
    path.write_text(path.read_text(encoding="utf-8") + AMENDMENT, encoding="utf-8")
    git(record, "commit", "-qam", "Amend the plan", date="2027-09-03T10:00:00+00:00")
    return record


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    capture = _Quiet()
    with pytest.MonkeyPatch.context() as patch:
        use_identity(patch, "2027-06-20T12:00:00+00:00")
        return amended(capture, tmp_path_factory.mktemp("amended"))


class _Quiet:
    """`run`'s capsys for a module fixture: output is read from the commands' results."""

    def readouterr(self) -> SimpleNamespace:
        return SimpleNamespace(out="", err="")


def review(capsys, record: Path, *args: str) -> str:
    code, out, err = run(capsys, "review", "submitted/2027-2031", "amend", "-C", record,
                         "--today", TODAY, *args)
    assert code in (0, 1), err
    return out


@pytest.mark.parametrize(("lang", "said"), [
    ("en", f"Amendment recorded, dated September 3, 2027: {SUMMARY}"),
    ("fr", f"Amendement enregistré, daté du 3 septembre 2027 : {SUMMARY} *(en anglais)*"),
    ("es", f"Enmienda registrada, con fecha del 3 de septiembre de 2027: {SUMMARY} "
           "*(en inglés)*"),
    ("pt", "Emenda registrada, datada de 3 de setembro de 2027: "),
    ("ar", "سُجّل تعديل بتاريخ 3 سبتمبر 2027: "),
])
def test_review_shows_the_amendment_recorded(capsys, record: Path, lang: str, said: str
                                             ) -> None:
    """F7: review listed the rename and the date, and not the amendment that records them."""
    out = review(capsys, record, "--lang", lang)
    escaped = said.replace("<", "\\<").replace(">", "\\>") if "<" in said else said
    assert escaped in out, out
    assert "<script>" not in out


def test_review_as_json_and_html_shows_the_amendment(capsys, record: Path) -> None:
    from ogpctl.render.html import write_html
    from ogpctl.review.model import review_revisions
    from ogpctl.review.render import review_document

    changes = json.loads(review(capsys, record, "-f", "json"))["changes"]
    recorded = [c for c in changes if c["kind"] == "amendment-added"]
    assert recorded == [{"kind": "amendment-added", "plan": "2027-2031", "commitment": None,
                         "milestone": None, "contribution": None,
                         "file": "plans/2027-2031/plan.yaml", "update": None,
                         "field": "amendments",
                         "old": None, "new": "2027-09-03",
                         "message": f"plan 2027-2031 amendment dated 2027-09-03 recorded: "
                                    f"{SUMMARY}"}]
    base = git(record, "rev-parse", "submitted/2027-2031^{commit}").strip()
    head = git(record, "rev-parse", "amend").strip()
    result = review_revisions(record, base, head, "submitted/2027-2031 .. amend",
                              date.fromisoformat(TODAY))
    html = write_html(review_document(result, "fr")).decode("utf-8")
    assert "Amendement enregistré, daté du 3 septembre 2027" in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x" not in html


def test_review_with_a_preview_shows_the_amendment(capsys, record: Path,
                                                   tmp_path: Path) -> None:
    out = review(capsys, record, "--lang", "fr", "--preview", str(tmp_path / "preview"))
    assert "Amendement enregistré, daté du 3 septembre 2027 : " in out
    assert (tmp_path / "preview" / "index.html").is_file()


def test_diff_shows_the_amendment(capsys, record: Path) -> None:
    code, out, err = run(capsys, "diff", "submitted/2027-2031", "amend", "-C", record)
    assert code == 0, err
    assert f"  plan 2027-2031 amendment dated 2027-09-03 recorded: {SUMMARY}\n" in out


def test_an_amendment_edited_or_removed_is_said_so(capsys, record: Path, tmp_path: Path
                                                   ) -> None:
    """The summary reworded and the date moved are one amendment changed, not one removed
    and another added; an amendment deleted is said removed."""
    from ogpctl.domain.diff import compare
    from ogpctl.record.load import load_record

    new = load_record(record)
    plan = next(p for p in new.plans if p.id == "2027-2031")
    edited = [{"date": date(2027, 9, 4), "summary": {"en": SUMMARY.replace("renamed",
                                                                           "retitled")}}]
    before = plan.fields["amendments"]
    try:
        plan.fields["amendments"] = edited
        changed = [c for c in compare(load_record(record), new) if c.kind.startswith("amend")]
    finally:
        plan.fields["amendments"] = before
    assert [(c.kind, str(c.old), str(c.new), c.detail) for c in changed] == [
        ("amendment-changed", "2027-09-03", "2027-09-04",
         "Milestone 1.1 moved to 1 March 2029; commitment 1 [-renamed-] {+retitled+} "
         "<script>x</script>.")]
    path = record / PLAN
    text = path.read_text(encoding="utf-8")
    try:
        path.write_text(text.replace(AMENDMENT, "amendments: []\n"), encoding="utf-8")
        code, out, _ = run(capsys, "diff", "amend", "-C", record)
        assert "plan 2027-2031 amendment dated 2027-09-03 removed: " in out, out
        out = run(capsys, "review", "amend", "-C", record, "--today", TODAY, "--lang", "en")[1]
        assert "Amendment dated September 3, 2027 removed from the record: " in out
    finally:
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("lang", "heading", "summary"), [
    ("en", "## Amendment of September 3, 2027", "\n\nMilestone 1.1 moved"),
    ("fr", "## Amendement du 3 septembre 2027",
     "> *Pas encore traduit en français\xa0; affiché en anglais.*"),
    ("pt", "## Emenda de 3 de setembro de 2027", "> *"),
    ("ar", "## تعديل بتاريخ 3 سبتمبر 2027", "> *"),
])
def test_the_amendment_note_carries_the_date_and_summary(capsys, record: Path, lang: str,
                                                         heading: str, summary: str) -> None:
    """F7: the note sent to OGP listed the changes and not the amendment's date or the
    reasons its summary gives."""
    code, out, err = run(capsys, "render", "amendment-note", "--plan", "2027-2031", "-C",
                         record, "--lang", lang, "-f", "md", "-o", "-", "--today", TODAY)
    assert code == 0, err
    assert heading + "\n" in out, out
    after = out.split(heading, 1)[1]
    assert summary in after.split("## 1. ", 1)[0]
    assert SUMMARY.split(";")[0] in after.split("## 1. ", 1)[0]


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "**To check:** The name in French was not changed with the name in English."),
    ("fr", "**À vérifier :** Le texte « nom » en français n’a pas été modifié avec le texte "
           "« nom » en anglais."),
    ("es", "**Por revisar:** El texto «nombre» en francés no se cambió junto con el texto "
           "«nombre» en inglés."),
])
def test_review_asks_for_the_translation_left_behind(capsys, record: Path, lang: str,
                                                     said: str) -> None:
    """F7: commitment 1 renamed in English, its French title untouched: nothing said so."""
    out = review(capsys, record, "--lang", lang)
    assert out.count(said) == 1, out
    changes = json.loads(review(capsys, record, "-f", "json"))["changes"]
    title = next(c for c in changes if c["field"] == "title")
    assert title["stale-translations"] == [{"language": "fr", "source": "en"}]


def test_a_text_changed_in_both_languages_is_not_flagged(capsys, tmp_path: Path) -> None:
    record = amended(capsys, tmp_path, french_too=True)
    out = review(capsys, record, "--lang", "en")
    assert "Name changed: Open data {+for all+}" in out
    assert "To check:" not in out and "stale-translations" not in \
        review(capsys, record, "-f", "json")


def test_a_milestone_text_left_behind_names_the_milestone(capsys, tmp_path: Path) -> None:
    record = delivered(capsys, tmp_path)
    edit(record / COMMITMENT, "      en: Publish the register\n",
         "      en: Publish the full register\n")
    out = run(capsys, "review", "submitted/2027-2031", "-C", record, "--today", TODAY,
              "--lang", "en")[1]
    assert "**To check:** Milestone 1.1: the name in French was not changed with the name " \
        "in English." in out, out

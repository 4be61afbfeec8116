"""`ogpctl review` and `ogpctl diff` tell every change a reviewer needs to see (docs/review.md:
"so nothing goes unseen"), not only plans, commitments, milestones and contributions: a
progress update rewritten or back-dated (newuser4 H1), one added with its date, note and
evidence, forum meetings added, deleted or changed, a plan section rewritten, ogp.yaml's
values, stakeholders renamed or moved to another sector, the self-assessment (H4), a
translation imported with the text it translates (H12), and any other file named as not
described, never "0 changes"."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, run
from tests.gitrecord import committed_sample, git

PLAN = "plans/2026-2030"
WORKS = f"{PLAN}/commitments/01-public-works-open-contracting.yaml"
MEETING = "forum/meetings/2026-11-18-civil-society-results-session.md"
FIRST_MEETING = "forum/meetings/2023-03-15-installation-session.md"
SECTION = f"{PLAN}/sections/development-process.es.md"
ASSESSMENT = "plans/2023-2025/self-assessment.yaml"
EVIDENCE = f"{PLAN}/evidence/01-public-works-open-contracting/pilot-entities.csv"
TODAY = "2026-12-01"
NOTE_EN = ("          en: Draft guide consulted with 12 entities and Transparencia Veridia; "
           "10 written comments received, 9 accepted in full or in part.\n")
NOTE_ES = ("          es: Borrador de guía consultado con 12 entidades y Transparencia Veridia; "
           "se recibieron 10 comentarios escritos, 9 aceptados total o parcialmente.\n")
NEW_UPDATE = """      - date: 2026-11-30
        status: in-progress
        note:
          en: Pilot portal launched in four entities.
        evidence:
          - evidence/01-public-works-open-contracting/pilot-entities.csv
"""


def edit(record: Path, name: str, old: str, new: str) -> None:
    path = record / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def commit(record: Path, tag: str) -> None:
    git(record, "add", "-A")
    git(record, "commit", "-qm", tag, date="2026-11-25T10:00:00+00:00")
    git(record, "tag", tag)


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Base: the sample with a Spanish note taken out; head: every kind of edit at once."""
    record = committed_sample(SAMPLE, tmp_path_factory.mktemp("documents") / "record")
    edit(record, WORKS, NOTE_ES, "")
    commit(record, "base")
    edit(record, WORKS, "      - date: 2026-08-14\n", "      - date: 2026-07-14\n")
    translated = NOTE_ES.replace("12 entidades", "3 entidades").replace("9 aceptados",
                                                                       "todos aceptados")
    edit(record, WORKS, NOTE_EN, NOTE_EN.replace("12 entities", "3 entities") + translated)
    edit(record, WORKS, "      - date: 2026-07-14\n", NEW_UPDATE + "      - date: 2026-07-14\n")
    edit(record, "ogp.yaml", "  email: lucia.mendoza@gobiernoabierto.veridia.example\n",
         "  email: contacto@example.org\n")
    edit(record, "stakeholders.yaml", "    sector: government\n", "    sector: civil-society\n")
    edit(record, "stakeholders.yaml", "en: Ministry of Finance and Public Accounts",
         "en: Ministry of Economy")
    edit(record, MEETING, "  - transparencia-veridia\n", "")
    edit(record, MEETING, "presented-results: true", "presented-results: false")
    (record / FIRST_MEETING).unlink()
    section = record / SECTION
    section.write_text(section.read_text(encoding="utf-8").rstrip()
                       + "\n\nTodas las organizaciones aprobaron el plan.\n", encoding="utf-8")
    edit(record, ASSESSMENT, "    rating: green\n", "    rating: red\n")
    (record / EVIDENCE).write_text("entity\nnone\n", encoding="utf-8")
    commit(record, "head")
    return record


def review(capsys, record: Path, *args: str) -> str:
    code, out, err = run(capsys, "review", "base", "head", "-C", record, "--today", TODAY,
                         *args)
    assert code in (0, 1) and "Traceback" not in err, err
    return out.replace("\u00a0", " ")   # French puts a no-break space before a colon


def test_an_update_rewritten_and_back_dated_is_told(capsys, record: Path) -> None:
    out = review(capsys, record, "--lang", "fr")
    assert "point d’avancement du 14 août 2026 : date est passé de 14 août 2026 à " \
        "14 juillet 2026." in out
    assert "consulted with \\[-12-\\] {+3+} entities" in out


def test_an_update_added_is_told_with_its_date_note_and_evidence(capsys, record: Path
                                                               ) -> None:
    out = review(capsys, record, "--lang", "fr")
    assert "point d’avancement du 30 novembre 2026 ajouté : état : en cours ; remarque : " \
        "Pilot portal launched in four entities. *(en anglais)* ; justificatifs : " \
        "evidence/01-public-works-open-contracting/pilot-entities.csv" in out


def test_a_new_translation_is_shown_with_the_text_it_translates(capsys, record: Path
                                                                ) -> None:
    out = review(capsys, record, "--lang", "es")
    line = next(line for line in out.splitlines() if "{+Borrador de guía" in line)
    assert "todos aceptados" in line and "(el texto que traduce:" in line
    assert "Draft guide consulted with 3 entities" in line


def test_forum_meetings_added_deleted_and_changed(capsys, record: Path) -> None:
    out = review(capsys, record, "--lang", "fr")
    assert "Réunion du forum du 15 mars 2023 `forum/meetings/2023-03-15-installation-" \
        "session.md`\n\n- Fichier supprimé ; il contenait : date : 15 mars 2023" in out
    meeting = out.split("Réunion du forum du 18 novembre 2026")[1].split("####")[0]
    assert "participants : Transparency Veridia *(en anglais)* retiré." in meeting
    assert "résultats présentés est passé de oui à non." in meeting


def test_profile_stakeholders_section_and_self_assessment(capsys, record: Path) -> None:
    out = review(capsys, record, "--lang", "fr")
    assert "point de contact › courriel est passé de " \
        "lucia.mendoza@gobiernoabierto.veridia.example à contacto@example.org." in out
    assert "National Open Government Secretariat › secteur est passé de Gouvernement à " \
        "Société civile." in out
    assert "Ministry of \\[-Finance and Public Accounts-\\] {+Economy+}" in out
    assert "{+Todas las organizaciones aprobaron el plan.+}" in out
    assert "Rapport d'auto-évaluation de fin de mandat `plans/2023-2025/self-assessment.yaml`" \
        in out
    assert "engagement open-contracting › note est passé de Vert : achevé ou avancement " \
        "substantiel à Rouge : non commencé" in out


def test_a_file_no_change_tells_of_is_named_never_zero_changes(capsys, record: Path,
                                                               tmp_path: Path) -> None:
    out = review(capsys, record, "--lang", "fr")
    assert f"`{EVIDENCE}` (modifié) : ogpctl ne décrit pas" in out
    only = committed_sample(SAMPLE, tmp_path / "only")
    git(only, "tag", "base")
    (only / EVIDENCE).write_text("entity\nnone\n", encoding="utf-8")
    commit(only, "head")
    out = review(capsys, only, "--lang", "es")
    assert "El cambio hace 1 modificación en el registro." in out
    assert "Ningún archivo" not in out and f"`{EVIDENCE}` (modificado)" in out
    data = json.loads(review(capsys, only, "-f", "json"))
    assert [(c["kind"], c["file"]) for c in data["changes"]] == [("undescribed", EVIDENCE)]


def test_json_and_diff_tell_the_same(capsys, record: Path) -> None:
    data = json.loads(review(capsys, record, "-f", "json"))
    kinds = {(c["kind"], c["file"]) for c in data["changes"]}
    assert ("progress-changed", WORKS) in kinds and ("progress-text", WORKS) in kinds
    assert ("document-removed", FIRST_MEETING) in kinds
    assert ("field-changed", ASSESSMENT) in kinds and ("field-text", SECTION) in kinds
    code, out, _ = run(capsys, "diff", "base", "head", "-C", record)
    assert code == 0
    assert "ogp.yaml: point-of-contact/email changed from " \
        "lucia.mendoza@gobiernoabierto.veridia.example to contacto@example.org" in out
    assert f"{ASSESSMENT}: commitments/open-contracting/rating changed from green to red" in out
    code, out, err = run(capsys, "diff", "base", "head", "-C", record, "--lang", "fr")
    assert code == 0, err
    assert "# Ce que signifie la modification" in out and "Rapport d'auto-évaluation de fin" in out


def test_progress_and_documents_are_no_amendment(record: Path) -> None:
    """C418 and the amendment note count amendments only: none of these is one."""
    from ogpctl.base.vcs import resolve_revision
    from ogpctl.domain.delivery import nature_of
    from ogpctl.domain.diff import compare_revisions

    changes = compare_revisions(record, resolve_revision(record, "base"),
                                resolve_revision(record, "head"))
    assert changes and not [c for c in changes if nature_of(c, "es")]


def test_document_values_cannot_become_markup(capsys, tmp_path: Path) -> None:
    """Everything in a pull request is untrusted: a value, a meeting's attendee, a section's
    text, a file's name reach the review as text, never as Markdown or HTML."""
    from ogpctl.render.html import write_html
    from ogpctl.review.model import review_revisions
    from ogpctl.review.render import review_document

    record = committed_sample(SAMPLE, tmp_path / "record")
    git(record, "tag", "base")
    edit(record, "ogp.yaml", "website: https://gobiernoabierto.veridia.example\n",
         "website: '<img src=x onerror=alert(1)> [click](https://evil.example)'\n")
    edit(record, MEETING, "  - transparencia-veridia\n", "  - '<script>x</script>'\n")
    (record / f"{PLAN}/evidence/<b>x.csv").write_text("a\n", encoding="utf-8")
    commit(record, "head")
    out = review(capsys, record, "--lang", "en")
    prose = re.sub(r"`[^`]*`", "", out)   # a code span shows its text as it is
    assert not re.search(r"(?<!\\)<(img|script|b>)", prose), "raw HTML"
    assert not re.search(r"(?<!\\)\]\(https://evil", out), "a link"
    meaning = out.split("## Deadlines")[0]   # the values are told there, as text
    assert "\\<img src=x onerror=alert(1)\\>" in meaning and "\\<script\\>" in meaning
    base, head = (git(record, "rev-parse", tag).strip() for tag in ("base", "head"))
    html = write_html(review_document(review_revisions(record, base, head, "base .. head",
                                                       date(2026, 12, 1)), "fr"))
    assert b"<script>x" not in html and b"<img src=x" not in html and b"<b>x" not in html
    assert b"&lt;script&gt;" in html


def test_a_contribution_deleted_or_edited_is_told(capsys, tmp_path: Path) -> None:
    """Civil society's input gone from the record, or its channel rewritten (handbook
    2.1.d, minimum requirement 4.1), is told, not left to the file list."""
    record = committed_sample(SAMPLE, tmp_path / "record")
    git(record, "tag", "base")
    path = record / f"{PLAN}/contributions.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("  - id: works-implementation-data\n")
    second = text.index("  - id: public-works-map\n")
    text = text[:first] + text[second:]
    path.write_text(text.replace("    channel: meeting\n", "    channel: phone\n", 1),
                    encoding="utf-8")
    commit(record, "head")
    out = review(capsys, record, "--lang", "fr")
    assert "contribution works-implementation-data supprimé (c’était date de réception : " \
        "19 février 2026 ; auteur : Transparency Veridia *(en anglais)*" in out
    assert "contribution public-works-map › canal est passé de meeting à phone." in out


def test_a_whole_list_replaced_is_said_briefly() -> None:
    """`stakeholders: 3` in place of the list: the message names the change, it does not
    print every stakeholder."""
    from ogpctl.domain.diff import Change

    entries = [{"id": f"org-{n}", "name": {"en": "An organisation " * 5}} for n in range(40)]
    change = Change("field-changed", "", field="stakeholders", old=entries, new=3,
                    document="stakeholders.yaml")
    assert len(change.message()) < 300 and change.message().endswith("… to 3")


def test_an_entry_named_by_its_address_and_a_section_behind_its_guide(capsys, tmp_path: Path
                                                                      ) -> None:
    """newuser6 K17: an input mechanism named by its URL read "input-mechanisms › https: ›
    ogp.gov.ge › survey added", and a section's diff began with the tail of the scaffold's
    guide comment ("… the action plan? --> {+…+}"). The address stays whole; the diff is
    of the text a reader sees, with the sentence around the change."""
    record = committed_sample(SAMPLE, tmp_path / "record")
    section = record / SECTION
    text = section.read_text(encoding="utf-8")
    section.write_text("<!-- ¿Cómo se elaboró el plan de acción? -->\n\n" + text,
                       encoding="utf-8")
    scaffolded = record / f"{PLAN}/sections/introduction.en.md"
    scaffolded.write_text("<!-- Guide: what does the plan want to achieve, and why? -->\n",
                          encoding="utf-8")
    commit(record, "base")
    scaffolded.write_text(scaffolded.read_text(encoding="utf-8") + "\nThe plan opens data.\n",
                          encoding="utf-8")
    edit(record, f"{PLAN}/co-creation.yaml", "input-mechanisms:\n",
         "input-mechanisms:\n  - channel: survey\n    title:\n      en: Second survey\n"
         "    url: https://ogp.example/plan/survey\n")
    section.write_text(section.read_text(encoding="utf-8").replace(
        "El 10 de diciembre de 2025 el foro", "El 11 de diciembre de 2025 el foro", 1),
        encoding="utf-8")
    commit(record, "head")
    out = review(capsys, record, "--lang", "en")
    assert "input-mechanisms › https://ogp.example/plan/survey added" in out, out
    assert "https: ›" not in out
    assert "- text changed: {+The plan opens data.+}\n" in out
    said = next(line for line in out.splitlines() if "{+11+}" in line)
    assert "--" not in said and "plan de acción?" not in said, said
    assert "**Planificación y cronograma.** El [-10-] {+11+} de diciembre de 2025 el foro " \
        "aprobó el plan de cocreación y las respuestas a las cinco recomendaciones clave " \
        "del IRM. …" in said.replace("\\", ""), said

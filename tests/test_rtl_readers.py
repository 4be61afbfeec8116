"""Readers of every language, right to left included (newuser4 H2, H8, H9, H11, H14, H15):
lists joined with the language's comma, no Arabic prefix glued to a name, left-to-right
pieces kept in order inside right-to-left text."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pypdf
import pytest
from babel.messages.pofile import read_po

from ogpctl.base.i18n import Language
from ogpctl.domain.wording import value_in
from ogpctl.render.blocks import Code, Document, Link, ListBlock, Paragraph, Table, Text
from ogpctl.render.docx import write_docx
from ogpctl.render.html import write_html
from ogpctl.render.pdf import write_pdf
from tests.conftest import ROOT, run
from tests.gitrecord import git

ARABIC_PO = ROOT / "templates" / "locales" / "ar" / "LC_MESSAGES" / "ogpctl.po"


def test_arabic_lists_use_the_arabic_comma() -> None:
    assert Language("ar").join(["الشفافية", "المساءلة"]) == "الشفافية، المساءلة"
    assert Language("fr").join(["Transparence", "Participation"]) == "Transparence, Participation"
    assert value_in("ar", ("أ", "ب")) == "أ، ب"
    assert value_in("en", ("a", "b")) == "a, b"


def test_no_arabic_prefix_is_glued_to_a_name() -> None:
    """"بـ{country}" printed "بـالمملكة" (bi- + al-): a letter joined by a tatweel to a
    placeholder cannot agree with the name put there; the sentence names it without one."""
    with ARABIC_PO.open("rb") as stream:
        catalogue = read_po(stream, locale="ar")
    glued = [m.id for m in catalogue if m.id and any(
        re.search(r"\w\u0640\{", text) for text in
        (m.string if isinstance(m.string, tuple) else (m.string,)))]
    assert glued == []


def arabic_record(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """A new user's Arabic and French record with a plan and one commitment."""
    record = tmp_path / "record"
    assert run(capsys, "init", record, "--country", "المملكة التجريبية", "--iso-code", "XT",
               "--languages", "ar,fr", "--lead-agency", "وزارة المالية")[0] == 0
    assert run(capsys, "new-plan", "-C", record, "--window", "june", "--due-year", "2027",
               "--length", "4", "--today", "2026-12-01")[0] == 0
    assert run(capsys, "new-commitment", "-C", record, "2027-2031", "الشفافية")[0] == 0
    return record


def test_an_english_finding_keeps_its_order_in_an_arabic_review(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """newuser4 H8: rendered right to left, "… (الدليل MR 2.2, 5.2)" showed its parentheses,
    path and references scrambled. Each left-to-right piece is isolated; the message is
    Arabic (`rules.wording`), or says it is English."""
    record = arabic_record(capsys, tmp_path)
    git(record, "init", "-q")
    git(record, "add", "ogp.yaml")
    git(record, "commit", "-qm", "init")
    git(record, "add", "-A")
    git(record, "commit", "-qm", "plan")
    code, out, err = run(capsys, "review", "HEAD~1", "HEAD", "-C", record, "--lang", "ar",
                         "--today", "2026-12-04")
    findings = [line for line in out.splitlines() if line.startswith("- **")]
    assert findings, out
    english = Language("en").name_in("ar")
    for line in findings:
        code_span, message = re.match(r"- \*\*\w+\*\* `([^`]*)` (.*)", line).groups()
        assert code_span.startswith("\u2068") and code_span.endswith("\u2069"), line
        arabic = re.match(r"[\u0600-\u06ff\u2068]", message) and english not in message
        assert "— `\u2068" in line and (english in message or arabic), line
        assert line.endswith("`") or re.search(r"\u2068[\w.,: ]+\u2069\)$", line), line
    code, out, err = run(capsys, "review", "HEAD~1", "HEAD", "-C", record, "--lang", "fr",
                         "--today", "2026-12-04")
    assert "\u2068" not in out and "*(en anglais)*" in out


PATH_SHOWN = "evidence/01-lshffyh-fy-lsfqt-l-mwmyh/decret-2025.pdf"
ADDRESS = "https://example.org/a-long-path/decret-2025.pdf"


def arabic_evidence_document() -> Document:
    cell = (ListBlock((
        (Paragraph((Code(PATH_SHOWN),)),),
        (Paragraph((Link(ADDRESS, (Text(ADDRESS),)),)),),
        (Paragraph((Link(ADDRESS, (Text("المرسوم"),)),)),))),)
    return Document(title=(Text("التقييم الذاتي"),), lang="ar", rtl=True, blocks=[
        Table(((Paragraph((Text("الأدلة الداعمة للتقييم"),)),),), ((cell,),))])


def test_paths_and_addresses_read_left_to_right_in_an_arabic_document() -> None:
    """newuser4 H9: an Arabic PDF printed an evidence path as "-evidence/01", "-lshffyh-fy",
    "/lsfqt-l-mwmyh". A path or an address shown as itself is a left-to-right box in HTML
    and PDF (a left-to-right isolate, `document.typ`) and a run without w:rtl in DOCX; a
    titled link is not."""
    doc = arabic_evidence_document()
    page = write_html(doc).decode("utf-8")
    assert f'<code dir="ltr">{PATH_SHOWN}</code>' in page
    assert page.count(' dir="ltr">') == 2   # the path and the address, not "المرسوم"
    pdf = pypdf.PdfReader(io.BytesIO(write_pdf(doc, date(2026, 12, 4)))).pages[0]
    lines = pdf.extract_text().splitlines()
    assert f"•{PATH_SHOWN}" in lines and f"•{ADDRESS}" in lines, lines   # whole, in order
    assert [a.get_object()["/A"]["/URI"] for a in pdf["/Annots"]] == [ADDRESS, ADDRESS]
    with zipfile.ZipFile(io.BytesIO(write_docx(doc, date(2026, 12, 4)))) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    runs = re.findall(r"<w:r>(?:(?!</w:r>).)*</w:r>", xml)
    assert [r for r in runs if PATH_SHOWN in r or f">{ADDRESS}<" in r]
    for run_xml in runs:
        ltr = PATH_SHOWN in run_xml or f">{ADDRESS}<" in run_xml
        assert ("<w:rtl/>" in run_xml) is not ltr, run_xml


MINUTES = """---
date: 2026-09-18
kind: msf
title:
  ar: جلسة المنتدى
  fr: Séance du forum
attendees: []
presented-results: true
---

## ملخص (العربية)

ناقش المنتدى خطة العمل.

## Résumé (français)

Le forum a discuté du plan d'action.

- Point 1 (décret).
"""


def test_minutes_in_several_languages_take_each_paragraphs_direction(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """newuser4 H14: French minutes on the Arabic site inherited dir="rtl" and read
    ".Le forum a discuté du plan d'action"; the commitment's values were joined with a
    Latin comma; the footer glued بـ to the country's name."""
    record = arabic_record(capsys, tmp_path)
    (record / "forum" / "meetings" / "2026-09-18-session.md").write_text(MINUTES, "utf-8")
    commitment = next((record / "plans" / "2027-2031" / "commitments").glob("01-*.yaml"))
    text = commitment.read_text(encoding="utf-8")
    commitment.write_text(re.sub(r"(?m)^values:.*$", "values: [transparency, accountability]",
                                 text), encoding="utf-8")
    code, _, err = run(capsys, "site", "-C", record, "--out", tmp_path / "site", "--no-search",
                       "--formats", "none", "--today", "2026-12-04")
    assert code == 0, err
    page = (tmp_path / "site" / "ar" / "meetings" / "2026-09-18-session.html").read_text("utf-8")
    assert "<p dir=\"auto\">Le forum a discuté du plan d&#39;action.</p>" in page
    assert re.search(r'<h3 id="minutes-2" dir="auto">Résumé', page)
    assert '<ul dir="auto"><li dir="auto">' in page
    assert "بـ" not in page
    shown = (tmp_path / "site" / "ar" / "plans" / "2027-2031").rglob("*.html")
    values = Language("ar").join([Language("ar")._("Transparency"),
                                  Language("ar")._("Accountability")])
    assert any(values in p.read_text("utf-8") for p in shown), values


def test_the_timeline_reads_from_the_left_and_scrolls_on_a_phone() -> None:
    """newuser4 H14: on the Arabic dashboard the timeline's row labels (x = 4, anchored at
    their start) fell off the left edge, the page's right-to-left direction putting their
    start on the right; at 390 px the chart was a few pixels high."""
    css = (ROOT / "templates" / "site" / "site.css").read_text(encoding="utf-8")
    assert re.search(r"(?m)^svg\.timeline \{ direction: ltr; \}", css)
    assert re.search(r"svg\.timeline text \{ unicode-bidi: plaintext; \}", css)
    assert re.search(r"@media \(max-width: 40rem\) \{ svg\.timeline \{ min-width: \d+rem", css)
    assert re.search(r"figure:has\(> svg\.timeline\) \{ overflow-x: auto;", css)


PLAN_EVIDENCE = "evidence/01-public-works-open-contracting/pilot-entities.csv"


@pytest.mark.parametrize(("start", "given"), [
    ("", "plans/2026-2030/" + PLAN_EVIDENCE),      # from the record's folder
    ("plans/2026-2030/evidence", PLAN_EVIDENCE.removeprefix("evidence/")),   # from here
    ("", PLAN_EVIDENCE),                             # from the plan's folder, as before
])
def test_evidence_is_taken_from_the_record_or_the_current_folder(
        capsys: pytest.CaptureFixture[str], sample: Path, monkeypatch: pytest.MonkeyPatch,
        start: str, given: str) -> None:
    """newuser4 H2: `--evidence plans/<plan>/evidence/…`, tab-completed in the record, was
    refused as "the evidence file plans/<plan>/plans/<plan>/evidence/… does not exist"."""
    commitment = sample / "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
    before = commitment.read_text(encoding="utf-8").count(f"- {PLAN_EVIDENCE}\n")
    monkeypatch.chdir(sample / start)
    code, _, err = run(capsys, "progress", "add", "2026-2030", "1.2", "--status", "completed",
                       "--note", "Pilot finished", "--evidence", given, "--date", "2026-11-30",
                       "-C", sample, "--lang", "es", "--today", "2026-12-02")
    assert code == 0, err
    text = commitment.read_text(encoding="utf-8")
    assert text.count(f"- {PLAN_EVIDENCE}\n") == before + 1
    assert "plans/2026-2030/evidence" not in text


@pytest.mark.parametrize(("given", "said"), [
    ("plans/2026-2030/evidence/none.pdf", "no such file in the plan's folder plans/2026-2030/"),
    ("plans/2026-2030/../../ogp.yaml", "uses '..' to leave its folder"),
    ("plans/2026-2030/evidence/linked.csv", "goes through a symbolic link"),
    ("ogp.yaml", "no such file in the plan's folder plans/2026-2030/"),
])
def test_evidence_outside_the_plans_evidence_folder_is_refused(
        capsys: pytest.CaptureFixture[str], sample: Path, monkeypatch: pytest.MonkeyPatch,
        given: str, said: str) -> None:
    (sample / "plans/2026-2030/evidence/linked.csv").symlink_to(sample / "ogp.yaml")
    monkeypatch.chdir(sample)
    code, _, err = run(capsys, "progress", "add", "2026-2030", "1.2", "--status", "completed",
                       "--note", "Pilot finished", "--evidence", given, "--date", "2026-11-30",
                       "-C", sample, "--today", "2026-12-02")
    assert code == 2 and said in err, err
    assert "plans/2026-2030/plans/" not in err


def test_an_out_with_a_documents_extension_is_that_file(
        capsys: pytest.CaptureFixture[str], sample: Path, tmp_path: Path) -> None:
    """newuser4 H15: `render … -o amend.ar.docx` made a folder named amend.ar.docx. A name
    with the format's extension is the one file written; with several documents, or another
    format's extension, it is refused, saying what to give."""
    base = ("render", "action-plan", "--plan", "2026-2030", "-C", sample, "--today",
            "2026-12-02", "-f", "docx")
    target = tmp_path / "plan.es.docx"
    code, out, err = run(capsys, *base, "--lang", "es", "-o", target)
    assert code == 0, err
    assert target.is_file() and zipfile.is_zipfile(target)
    code, _, err = run(capsys, *base, "-o", tmp_path / "all.docx")
    assert code == 2 and "give --lang xx for one, or a folder" in err
    code, _, err = run(capsys, *base, "--lang", "es", "-o", tmp_path / "plan.pdf")
    assert code == 2 and "ends in .pdf but the format is docx" in err
    assert not (tmp_path / "all.docx").exists() and not (tmp_path / "plan.pdf").exists()

"""`ogpctl render`: every document in every format from the sample, golden files, identical
bytes on a second run, hostile record text that stays text, Arabic laid out right to left,
and English fallbacks that are marked."""

from __future__ import annotations

import io
import os
import re
import zipfile
from datetime import date
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import docx
import pytest

from ogpctl.record.load import load_record
from ogpctl.render import Request, render_bytes
from tests.conftest import SAMPLE, run

GOLDEN = Path(__file__).parent / "golden"
DAY = date(2026, 12, 2)
#: document -> (plan, commitment)
DOCUMENTS = {"action-plan": ("2026-2030", None), "commitment": ("2026-2030", 6),
             "self-assessment": ("2023-2025", None), "reasoned-response": ("2026-2030", None)}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_dump(data: bytes) -> str:
    """What a reader of the Word file sees: each paragraph's style and text, and tables."""
    document = docx.Document(io.BytesIO(data))
    lines = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == W + "p":
            paragraph = docx.text.paragraph.Paragraph(child, document)
            if paragraph.text.strip():
                lines.append(f"[{paragraph.style.name}] {paragraph.text}")
        elif child.tag == W + "tbl":
            table = docx.table.Table(child, document)
            for row in table.rows:
                lines.append("| " + " | ".join(" / ".join(p.text for p in cell.paragraphs
                                                          if p.text) for cell in row.cells))
    return "\n".join(lines) + "\n"


def readable(fmt: str, data: bytes) -> str:
    return docx_dump(data) if fmt == "docx" else data.decode("utf-8")


@pytest.fixture(scope="module")
def record():
    return load_record(SAMPLE.resolve())


#: The documents' stylesheet: every HTML golden holds STYLE_REFERENCE in its place, and
#: each page's own <style> is compared with this one golden file instead.
STYLESHEET = GOLDEN / "document.css"
STYLE_REFERENCE = "<style>/* tests/golden/document.css */</style>"
_STYLE = re.compile(r"<style>\n(.*?)</style>", re.S)


def without_stylesheet(page: str) -> tuple[str, str]:
    """The page with its one <style> element replaced by STYLE_REFERENCE, and the CSS."""
    styles = _STYLE.findall(page)
    assert len(styles) == 1, f"{len(styles)} <style> elements; a document has one"
    return _STYLE.sub(lambda _: STYLE_REFERENCE, page), styles[0]


def assert_golden(golden: Path, text: str) -> None:
    """`text` is the golden file's (UPDATE_GOLDEN=1 writes it instead)."""
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file; create it with UPDATE_GOLDEN=1 ({golden.name})"
    assert text == golden.read_text(encoding="utf-8"), \
        f"{golden.name} differs; if the change is intended: UPDATE_GOLDEN=1 pytest {__file__}"


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_golden(record, document: str, lang: str, fmt: str) -> None:
    plan, number = DOCUMENTS[document]
    data = render_bytes(record, Request(document, plan, lang, number), fmt, DAY)
    assert render_bytes(record, Request(document, plan, lang, number), fmt, DAY) == data
    text = readable(fmt, data)
    if fmt == "html":
        text, stylesheet = without_stylesheet(text)
        assert_golden(STYLESHEET, stylesheet)
    assert_golden(GOLDEN / f"{document}.{lang}.{fmt}{'.txt' if fmt == 'docx' else ''}", text)


class Outline(HTMLParser):
    """Headings, tables, links and anything that could run, from an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))


def outline(data: bytes) -> Outline:
    parser = Outline()
    parser.feed(data.decode("utf-8"))
    return parser


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_html_is_accessible(record, document: str) -> None:
    plan, number = DOCUMENTS[document]
    page = outline(render_bytes(record, Request(document, plan, "es", number), "html", DAY))
    html = next(attrs for tag, attrs in page.tags if tag == "html")
    assert html == {"lang": "es", "dir": "ltr"}
    assert page.headings[0] == 1 and page.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in pairwise(page.headings)), page.headings
    tags = [tag for tag, _ in page.tags]
    assert tags.count("table") and tags.count("th") >= tags.count("table")
    assert all(attrs.get("scope") in ("col", "row") for tag, attrs in page.tags if tag == "th")
    assert "main" in tags and "script" not in tags


def test_docx_uses_word_structure(record) -> None:
    data = render_bytes(record, Request("action-plan", "2026-2030", "en"), "docx", DAY)
    document = docx.Document(io.BytesIO(data))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet"} <= styles
    assert len(document.tables) >= 8
    header = document.tables[1].rows[0]._tr
    assert header.find(f"{W}trPr/{W}tblHeader") is not None     # repeats on every page
    names = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert {info.date_time for info in names} == {(1980, 1, 1, 0, 0, 0)}
    assert document.core_properties.created.date() == DAY


HOSTILE_TEXT = ('<script>alert(1)</script> {{ 7*7 }} {% raw %} <img src=x onerror=alert(2)> '
                '[click](javascript:alert(3)) [data](data:text/html,x) '
                '<a href="javascript:alert(4)">a</a> | pipe # hash')


def hostile_record(tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "record"
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    path = target / "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
    text = path.read_text(encoding="utf-8")
    quoted = '"' + HOSTILE_TEXT.replace('"', '\\"') + '"'
    text = re.sub(r"(?m)^  en: Open contracting for public works.*$", f"  en: {quoted}", text,
                  count=1)
    text = text.replace("problem:\n  what:\n    en: >-\n",
                        f"problem:\n  what:\n    en: {quoted}\n    x-old: >-\n", 1)
    path.write_text(text, encoding="utf-8")
    intro = target / "plans/2026-2030/sections/introduction.en.md"
    intro.write_text("# 1. Introduction\n\n" + HOSTILE_TEXT + "\n\n<iframe src=x></iframe>\n")
    return target


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_hostile_text_stays_text(tmp_path: Path, fmt: str) -> None:
    record = load_record(hostile_record(tmp_path))
    data = render_bytes(record, Request("action-plan", "2026-2030", "en"), fmt, DAY)
    if fmt == "html":
        page = outline(data)
        tags = {tag for tag, _ in page.tags}
        assert not tags & {"script", "img", "iframe"}
        assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
        hrefs = [attrs.get("href", "") for tag, attrs in page.tags if tag == "a"]
        assert hrefs and all(h.startswith(("http://", "https://", "mailto:")) or
                             not re.match(r"[a-z]+:", h) for h in hrefs)
        assert "{{ 7*7 }}" in data.decode() and "&lt;script&gt;" in data.decode()
    elif fmt == "md":
        from markdown_it import MarkdownIt

        tokens = MarkdownIt("commonmark").enable("table").parse(data.decode())
        html = [c.content for t in tokens for c in [t, *(t.children or [])]
                if c.type in ("html_inline", "html_block")]
        assert set(html) <= {"<br>"}, html    # the writer's own line breaks in table cells
        links = [c.attrs.get("href", "") for t in tokens for c in t.children or []
                 if c.type == "link_open"]
        assert not any(h.lower().startswith(("javascript:", "data:")) for h in links)
    else:
        text = docx_dump(data)
        assert "<script>alert(1)</script>" in text and "{{ 7*7 }}" in text
        rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels").decode()
        assert "javascript:" not in rels and "data:" not in rels


def arabic_record(tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "record"
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    ogp = target / "ogp.yaml"
    ogp.write_text(ogp.read_text().replace("administrative: [es]", "administrative: [es, ar]"))
    path = target / "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
    text = path.read_text(encoding="utf-8")
    spanish = "  es: Contratación abierta de obras públicas, de la adjudicación a la entrega"
    assert spanish in text
    path.write_text(text.replace(spanish, spanish + "\n  ar: التعاقد المفتوح في تنفيذ الأشغال "
                                 "العامة", 1))
    return target


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_arabic_runs_right_to_left(tmp_path: Path, fmt: str) -> None:
    record = load_record(arabic_record(tmp_path))
    data = render_bytes(record, Request("action-plan", "2026-2030", "ar"), fmt, DAY)
    if fmt == "html":
        page = outline(data)
        assert dict(page.tags[0][1]) == {"lang": "ar", "dir": "rtl"}
        text = data.decode()
        assert "التعاقد المفتوح في تنفيذ الأشغال العامة" in text
        foreign = [attrs for _, attrs in page.tags[1:] if attrs.get("lang", "ar") != "ar"]
        assert foreign, "the rest falls back to English, marked"
        assert all(a.get("dir") == "ltr" for a in foreign), "a fallback without its direction"
    else:
        xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
        assert "<w:bidi/>" in xml and "<w:rtl/>" in xml and "<w:bidiVisual/>" in xml
        assert "التعاقد المفتوح" in docx_dump(data)


def runs_by_language(data: bytes) -> tuple[list, list]:
    """(paragraphs, runs) of the Word file: each paragraph as (bidi, [(lang, rtl, text)])."""
    from lxml import etree

    xml = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    paragraphs, runs = [], []
    for p in xml.iter(W + "p"):
        found = []
        for r in p.iter(W + "r"):
            lang = r.find(f"{W}rPr/{W}lang")
            found.append((lang.get(W + "val") if lang is not None else "ar",
                          r.find(f"{W}rPr/{W}rtl") is not None,
                          "".join(x.text or "" for x in r.iter(W + "t"))))
        paragraphs.append((p.find(f"{W}pPr/{W}bidi") is not None, found))
        runs += found
    return paragraphs, runs


def test_arabic_word_file_lays_english_fallbacks_left_to_right(tmp_path: Path) -> None:
    record = load_record(arabic_record(tmp_path))
    data = render_bytes(record, Request("commitment", "2026-2030", "ar", 1), "docx", DAY)
    paragraphs, runs = runs_by_language(data)
    english = [r for r in runs if r[0] == "en" and r[2].strip()]
    arabic = [r for r in runs if r[0] == "ar" and re.search("[\u0600-\u06ff]", r[2])]
    assert english and arabic
    assert not any(rtl for _, rtl, _ in english), "English fallback runs laid out right to left"
    assert all(rtl for _, rtl, _ in arabic), "Arabic runs (notes included) without rtl"
    whole = [bidi for bidi, found in paragraphs if found and {r[0] for r in found} == {"en"}]
    assert whole and not any(whole), "a paragraph wholly in English is bidi"
    mixed = [bidi for bidi, found in paragraphs if {r[0] for r in found} >= {"en", "ar"}]
    assert mixed and all(mixed), "an Arabic paragraph with an English piece lost its bidi"
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "<w:bidi/><w:bidi/>" not in xml      # once a paragraph, however deep the inlines


def test_arabic_markdown_holds_english_fallbacks_together(tmp_path: Path) -> None:
    record = load_record(arabic_record(tmp_path))
    text = render_bytes(record, Request("commitment", "2026-2030", "ar", 2), "md",
                        DAY).decode()
    mark = "\u200e"
    quoted = [line[2:] for line in text.splitlines() if line.startswith("> ")
              and re.match("[A-Za-z]", line[2:].lstrip(mark))]
    assert quoted and all(line.startswith(mark) and line.endswith(mark) for line in quoted)
    inline = re.findall(mark + "([^" + mark + "\n]+)" + mark + " \\*\\(", text)
    assert inline and all(re.match("[A-Za-z0-9]", piece) for piece in inline)
    english = render_bytes(record, Request("commitment", "2026-2030", "es", 2), "md", DAY)
    assert mark.encode() not in english          # marks only where the direction changes


@pytest.mark.parametrize("document", ["action-plan", "commitment", "self-assessment"])
def test_an_untranslated_title_keeps_its_language_in_the_heading(tmp_path: Path,
                                                                  document: str) -> None:
    """The plan's title written only in Arabic, read in an Arabic-record's English documents:
    the heading (and a commitment's or report's subtitle) marks it as Arabic, right to left,
    as the body marks every fallback; it used to be plain text in the English heading."""
    target = arabic_record(tmp_path)
    plan = target / "plans/2026-2030/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    title = re.search(r"(?m)^title:\n(?:  .*\n)+", text)
    assert title is not None
    plan.write_text(text.replace(title.group(), "title:\n  ar: خطة العمل الوطنية\n", 1),
                    encoding="utf-8")
    record = load_record(target)
    request = Request(document, "2026-2030", "en", 1 if document == "commitment" else None)
    markdown = render_bytes(record, request, "md", DAY).decode()
    assert "\u200fخطة العمل الوطنية\u200f *(in Arabic)*" in markdown.split("\n\n", 2)[
        0 if document == "action-plan" else 1]
    page = render_bytes(record, request, "html", DAY).decode()
    assert '<span lang="ar" dir="rtl" class="untranslated">خطة العمل الوطنية</span> ' \
           '<small class="untranslated-note">(in Arabic)</small>' in page.split("</header>")[0]
    assert "<small" not in page.split("<title>")[1].split("</title>")[0]
    word = docx.Document(io.BytesIO(render_bytes(record, request, "docx", DAY)))
    heading = [p for p in word.paragraphs if p.style.name in ("Title", "Subtitle")
               and "خطة العمل الوطنية" in p.text]
    assert heading and "(in Arabic)" in heading[0].text


def test_missing_translation_falls_back_marked(tmp_path: Path, capsys) -> None:
    target = arabic_record(tmp_path)
    record = load_record(target)
    data = render_bytes(record, Request("commitment", "2026-2030", "ar", 2), "md", DAY)
    assert "English" in data.decode() or "الإنجليزية" in data.decode()
    code, out, _ = run(capsys, "check", target, "--for", "submission", "--today", "2026-12-02")
    assert code == 1 and "L301" in out and "Arabic (ar)" in out


def test_cli_writes_every_language_and_refuses_hand_edits(capsys, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ("render", "action-plan", "--plan", "2026-2030", "-C", SAMPLE, "-f", "docx",
            "--out", out, "--today", "2026-12-02")
    code, stdout, _ = run(capsys, *args)
    assert code == 0, stdout
    assert sorted(p.name for p in out.glob("*.docx")) == ["2026-2030-action-plan.en.docx",
                                                          "2026-2030-action-plan.es.docx"]
    first = (out / "2026-2030-action-plan.es.docx").read_bytes()
    assert run(capsys, *args)[0] == 0                          # regenerating is allowed
    assert (out / "2026-2030-action-plan.es.docx").read_bytes() == first
    (out / "2026-2030-action-plan.es.docx").write_bytes(b"edited by hand")
    code, _, err = run(capsys, *args)
    assert code == 2 and "was not written by ogpctl" in err
    assert (out / "2026-2030-action-plan.es.docx").read_bytes() == b"edited by hand"
    assert run(capsys, *args, "--force")[0] == 0


@pytest.mark.parametrize("args, message", [
    (("action-plan", "--plan", "1999-2001"), "no plan '1999-2001'"),
    (("commitment", "--plan", "2026-2030"), "--commitment N"),
    (("commitment", "--plan", "2026-2030", "--commitment", "42"), "no commitment 42"),
    (("action-plan", "--plan", "2026-2030", "--lang", "../x"), "--lang"),
    (("action-plan", "--plan", "2026-2030", "-f", "docx", "-o", "-"), "--out -"),
])
def test_cli_usage_errors(capsys, args, message: str) -> None:
    code, _, err = run(capsys, "render", *args, "-C", SAMPLE)
    assert code == 2 and message in err, err


def test_print_one_document(capsys) -> None:
    code, out, _ = run(capsys, "render", "reasoned-response", "--plan", "2026-2030", "--lang",
                       "en", "-f", "md", "-o", "-", "-C", SAMPLE, "--today", "2026-12-02")
    assert code == 0 and out.startswith("# Reasoned response to contributions\n")


def test_libreoffice_opens_the_docx(record, tmp_path: Path) -> None:
    import shutil
    import subprocess

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (Debian: apt-get install "
                    "libreoffice-writer-nogui); python-docx reads the files back above")
    path = tmp_path / "plan.docx"
    path.write_bytes(render_bytes(record, Request("action-plan", "2026-2030", "es"), "docx", DAY))
    done = subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                          capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "plan.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 20_000, done.stdout + done.stderr
    assert len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes())) >= 10


# -- the amendment note -------------------------------------------------------------------

MILESTONE_AT_DELIVERY = """  - number: 1
    title: {es: Publicar el catálogo de datos}
    output: {es: Un catálogo}
    due: 2028-06-30
    status: not-started
  - number: 2
    title: {es: Abrir los datos de compras}
    output: {es: Datos de compras}
    due: 2029-06-30
    status: not-started
"""


def delivered_record(capsys, tmp_path: Path, monkeypatch) -> Path:
    """A record made as a user makes one (init, new-plan, new-commitment), delivered with
    tag-submission on 30 June 2027."""
    from tests.gitrecord import git, use_identity

    use_identity(monkeypatch, "2027-06-30T12:00:00+00:00")
    target = tmp_path / "record"
    for args in (("init", target, "--country", "Testland", "--iso-code", "XT", "--languages",
                  "es,en", "--lead-agency", "Agencia de Gobierno Abierto"),
                 ("new-plan", "-C", target, "--window", "june", "--due-year", "2027",
                  "--length", "4"),
                 ("new-commitment", "-C", target, "2027-2031", "Datos abiertos")):
        assert run(capsys, *args)[0] == 0
    path = target / "plans/2027-2031/commitments/01-datos-abiertos.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("  - number: 1\n")] + MILESTONE_AT_DELIVERY,
                    encoding="utf-8")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "Plan as delivered", date="2027-06-29T10:00:00+00:00")
    code, out, err = run(capsys, "tag-submission", "-C", target, "2027-2031", "--date",
                         "2027-06-30", "--today", "2027-06-30")
    assert code == 0, err
    return target


def amend(target: Path, capsys) -> None:
    """After delivery: the plan goes into implementation, milestone 1 is re-dated, retitled,
    given an English title and a progress update, milestone 2 is withdrawn, 3 is added."""
    plan = target / "plans/2027-2031/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "status: co-creation", "status: implementation"), encoding="utf-8")
    path = target / "plans/2027-2031/commitments/01-datos-abiertos.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("due: 2028-06-30", "due: 2028-12-31").replace(
        "{es: Publicar el catálogo de datos}",
        "{es: Publicar el catálogo nacional de datos, en: Publish the national data catalogue}"
    ).replace("{es: Un catálogo}", "{es: Un catálogo, en: A catalogue}").replace(
        "    due: 2029-06-30\n    status: not-started",
        "    due: 2029-06-30\n    status: withdrawn")
    path.write_text(text + "  - number: 3\n    title: {es: Capacitar a los funcionarios}\n"
                    "    due: 2029-06-30\n    status: not-started\n", encoding="utf-8")
    code, _, err = run(capsys, "progress", "add", "-C", target, "2027-2031", "1.1", "--status",
                       "in-progress", "--note", "Se inició el trabajo", "--date", "2027-09-01",
                       "--today", "2027-09-01")
    assert code == 0, err


def test_amendment_note_names_each_change_in_the_readers_language(capsys, tmp_path: Path,
                                                                  monkeypatch) -> None:
    target = delivered_record(capsys, tmp_path, monkeypatch)
    amend(target, capsys)
    out = tmp_path / "out"
    code, _, err = run(capsys, "render", "amendment-note", "--plan", "2027-2031", "--lang",
                       "all", "-f", "md", "-o", out, "-C", target, "--today", "2027-10-01")
    assert code == 0, err
    spanish = (out / "2027-2031-amendment-note.es.md").read_text(encoding="utf-8")
    english = (out / "2027-2031-amendment-note.en.md").read_text(encoding="utf-8")
    assert "Cambios desde la entrega del plan el 30 de junio de 2027." in spanish
    assert "Changes since the plan was delivered on June 30, 2027." in english
    items = [line for line in spanish.splitlines() if line.startswith("- ")]
    assert items == [
        "- Hito 1.1 «Publicar el catálogo nacional de datos»: la fecha de finalización pasó "
        "del 30 de junio de 2028 al 31 de diciembre de 2028.",
        "- Hito 1.1, cambio en «nombre»: Publicar el catálogo {+nacional+} de datos",
        "- Hito 1.2 «Abrir los datos de compras»: el estado cambió de no iniciado a retirado.",
        "- Hito 1.3 «Capacitar a los funcionarios» añadido."], spanish
    assert "- Milestone 1.3 “Capacitar a los funcionarios *(in Spanish)*” added." in english
    assert "- Milestone 1.1, name changed: Publicar el catálogo {+nacional+} de datos " \
        "*(in Spanish)*" in english
    for document in (spanish, english):   # no git words, no progress, no plan status
        for word in ("None", "submitted/", "co-creation", "implementation", "progress",
                     "avance", "output", "producto"):
            assert word not in document, (word, document)


def test_amendment_note_counts_from_a_revision_by_its_date(capsys, tmp_path: Path,
                                                          monkeypatch) -> None:
    from tests.gitrecord import git

    target = delivered_record(capsys, tmp_path, monkeypatch)
    code, out, err = run(capsys, "render", "amendment-note", "--plan", "2027-2031", "--lang",
                         "fr", "-f", "md", "-o", "-", "-C", target, "--since", "HEAD~1")
    assert code == 0, err
    assert "Modifications depuis le plan tel qu’il était le 29 juin 2027." in out
    assert "HEAD" not in out and "Aucune modification." in out
    git(target, "tag", "submitted/2099-2103")   # another plan's tag counts for nothing
    code, out, err = run(capsys, "render", "amendment-note", "--plan", "2027-2031", "--lang",
                         "en", "-f", "md", "-o", "-", "-C", target)
    assert code == 0 and "delivered on June 30, 2027" in out, err


def test_amendment_note_says_what_changed_in_a_commitment(capsys, tmp_path: Path,
                                                          monkeypatch) -> None:
    target = delivered_record(capsys, tmp_path, monkeypatch)
    path = target / "plans/2027-2031/commitments/01-datos-abiertos.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  end: 2031-06-30\n" in text and "values: []\n" in text
    path.write_text(text.replace("  end: 2031-06-30\n", "  end: 2030-12-31\n").replace(
        "values: []\n", "values: [transparency, participation]\n").replace(
        "kind: regular\n", "kind: local\n").replace(
        "  es: Datos abiertos\n", "  es: Datos abiertos y reutilizables\n"), encoding="utf-8")
    code, out, err = run(capsys, "render", "amendment-note", "--plan", "2027-2031", "--lang",
                         "es", "-f", "md", "-o", "-", "-C", target)
    assert code == 0, err
    assert [line for line in out.splitlines() if line.startswith("- ")] == [
        "- El tipo de compromiso cambió de Compromiso regular a Compromiso local.",
        "- La fecha de fin pasó del 30 de junio de 2031 al 31 de diciembre de 2030.",
        "- Los valores de gobierno abierto cambiaron de - a Transparencia, Participación.",
        "- Cambio en «nombre»: Datos abiertos {+y reutilizables+}"], out
    code, out, err = run(capsys, "render", "amendment-note", "--plan", "2027-2031", "--lang",
                         "en", "-f", "md", "-o", "-", "-C", target)
    assert "- Name changed: Datos abiertos {+y reutilizables+} *(in Spanish)*" in out, out


def test_amendment_note_names_a_replaced_commitment_apart(capsys, tmp_path: Path,
                                                          monkeypatch) -> None:
    target = delivered_record(capsys, tmp_path, monkeypatch)
    folder = target / "plans/2027-2031/commitments"
    (folder / "01-datos-abiertos.yaml").unlink()
    (folder / "01-compras-abiertas.yaml").write_text("title: {es: Compras abiertas}\n",
                                                     encoding="utf-8")
    code, out, err = run(capsys, "render", "amendment-note", "--plan", "2027-2031", "--lang",
                         "es", "-f", "md", "-o", "-", "-C", target)
    assert code == 0, err
    assert "## 1. Compras abiertas\n\n- Compromiso añadido.\n\n## 1. Datos abiertos\n\n" \
        "- Compromiso eliminado.\n" in out, out
# -- scaffold text -------------------------------------------------------------------------

def scaffolded_record(capsys, tmp_path: Path) -> Path:
    """A record from `init` and `new-plan` whose English introduction is written below the
    guide comment the scaffold left in it."""
    target = tmp_path / "record"
    assert run(capsys, "init", target, "--country", "es=Costa Serena", "--languages", "es,en",
               "--iso-code", "XT")[0] == 0
    assert run(capsys, "new-plan", "-C", target, "--window", "june", "--due-year", "2027",
               "--length", "4", "--today", "2026-01-10")[0] == 0
    intro = target / "plans/2027-2031/sections/introduction.en.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\nOur vision is an open state. "
                     "<!-- inline note -->Seen.\n\n- a point\n  <!-- note in a list -->\n",
                     encoding="utf-8")
    return target


GUIDE_WORDS = ("long-term vision", "This section provides", "inline note", "<!--", "&lt;!--")


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_guide_comments_never_reach_a_document(capsys, tmp_path: Path, fmt: str) -> None:
    record = load_record(scaffolded_record(capsys, tmp_path))
    for lang in ("en", "es"):
        text = readable(fmt, render_bytes(record, Request("action-plan", "2027-2031", lang),
                                          fmt, DAY))
        assert "Our vision is an open state. Seen." in text
        assert not [w for w in GUIDE_WORDS if w in text], lang


def test_guide_comments_never_reach_the_website(capsys, tmp_path: Path) -> None:
    from ogpctl.site import build_site

    files = build_site(load_record(scaffolded_record(capsys, tmp_path)), DAY, search=False)
    texts = {name: data.decode() for name, data in files.items() if name.endswith(".html")}
    assert any("Our vision is an open state. Seen." in t for t in texts.values())
    assert not {name for name, t in texts.items() for w in GUIDE_WORDS if w in t}


def test_comments_inside_code_are_code() -> None:
    from ogpctl.render.blocks import Code, CodeBlock
    from ogpctl.render.prose import parse

    blocks = parse("`<!-- a -->` and <b>b</b>\n\n```\n<!-- b -->\n```\n\n<div>**c**</div>\n")
    assert blocks[0].children[0] == Code("<!-- a -->")
    assert "".join(getattr(c, "text", "") for c in blocks[0].children) == \
        "<!-- a --> and <b>b</b>"
    assert blocks[1] == CodeBlock("<!-- b -->")
    assert [getattr(c, "text", None) for c in blocks[2].children] == ["<div>", None, "</div>"]


def test_an_unnumbered_template_heading_prints_with_its_number(sample: Path) -> None:
    """Records scaffolded before the headings were numbered say "# Introduction"; the plan
    prints the template's "1. Introduction" (handbook 3.2.b), and a heading of the author's
    own stays as written."""
    sections = sample / "plans/2026-2030/sections"
    intro = sections / "introduction.en.md"
    intro.write_text(intro.read_text(encoding="utf-8").replace("# 1. Introduction",
                                                               "# Introduction", 1),
                     encoding="utf-8")
    efforts = sections / "efforts-to-date.en.md"
    text = efforts.read_text(encoding="utf-8")
    efforts.write_text("# Our reforms so far\n" + text.split("\n", 1)[1], encoding="utf-8")
    page = render_bytes(load_record(sample), Request("action-plan", "2026-2030", "en"), "md",
                        date(2026, 11, 23)).decode("utf-8")
    assert "\n## 1. Introduction\n" in page and "\n## Introduction\n" not in page
    assert "\n## Our reforms so far\n" in page


def test_a_milestone_without_a_lead_prints_no_empty_lead(sample: Path) -> None:
    path = sample / "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
    text = path.read_text(encoding="utf-8")
    assert re.search(r"\n    lead: \S+\n", text)
    path.write_text(re.sub(r"\n    lead: \S+\n", "\n", text), encoding="utf-8")
    page = render_bytes(load_record(sample), Request("commitment", "2026-2030", "en", 1), "md",
                        date(2026, 11, 23)).decode("utf-8")
    assert not re.search(r"\*\*Lead\*\*: *(\||$)", page, flags=re.M)


def test_a_period_known_at_one_end_only_prints_no_half_span(sample: Path) -> None:
    """A commitment stating only its start, in a plan whose dates cannot be computed (length
    3), printed "Period covered: September 1, 2026 to " with nothing after "to"."""
    plan = sample / "plans/2026-2030/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("\nlength: 4\n", "\nlength: 3\n"),
                    encoding="utf-8")
    path = sample / "plans/2026-2030/commitments/06-participatory-budgeting-puerto-alegre.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "period:\n  start: 2026-09-01\n",
                    encoding="utf-8")
    record = load_record(sample)
    commitment = next(c for p in record.plans if p.id == "2026-2030" for c in p.commitments
                      if c.number == 6)
    assert commitment.plan.period() is None and commitment.period() is None
    for document in ("commitment", "action-plan"):
        page = render_bytes(record, Request(document, "2026-2030", "en", 6), "md",
                            date(2026, 11, 23)).decode("utf-8")
        rows = [line for line in page.splitlines() if "Period covered" in line]
        assert rows and not any(line.rstrip(" |").endswith(" to") for line in rows), rows


def _with_themes(sample: Path) -> None:
    folder = sample / "plans/2026-2030/commitments"
    for path in sorted(folder.glob("*.yaml")):
        theme = "Following public money" if path.name[:2] in ("01", "02") else None
        if theme:
            path.write_text(path.read_text(encoding="utf-8").replace(
                "\nkind:", f"\ntheme: {theme}\nkind:", 1), encoding="utf-8")


def test_the_action_plan_groups_commitments_by_theme_with_totals(sample: Path) -> None:
    """Plans that group commitments by policy area (issue 14): a heading a theme with its
    totals, the commitments without a theme last."""
    _with_themes(sample)
    page = render_bytes(load_record(sample), Request("action-plan", "2026-2030", "en"), "md",
                        date(2026, 11, 23)).decode("utf-8")
    public, other = page.index("\n### Following public money\n"), page.index(
        "\n### Other commitments\n")
    assert public < page.index("\n#### 1. ") < page.index("\n#### 2. ") < other \
        < page.index("\n#### 3. ")
    assert re.search(r"### Following public money\n\n\d+ of 2 commitments complete; \d+ of "
                     r"\d+ milestones completed\.", page)


def test_the_site_plan_page_groups_commitments_by_theme(sample: Path, capsys) -> None:
    _with_themes(sample)
    site = sample.parent / "site"
    code, _, err = run(capsys, "site", "-C", sample, "-o", site, "--formats", "none",
                       "--no-search", "--today", "2026-11-23")
    assert code == 0, err
    page = (site / "en/plans/2026-2030/index.html").read_text(encoding="utf-8")
    assert '<h3 id="theme-1">Following public money</h3>' in page
    assert '<h3 id="theme-2">Other commitments</h3>' in page
    assert "of 2 commitments complete" in page

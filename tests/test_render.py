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


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_golden(record, document: str, lang: str, fmt: str) -> None:
    plan, number = DOCUMENTS[document]
    data = render_bytes(record, Request(document, plan, lang, number), fmt, DAY)
    assert render_bytes(record, Request(document, plan, lang, number), fmt, DAY) == data
    golden = GOLDEN / f"{document}.{lang}.{fmt}{'.txt' if fmt == 'docx' else ''}"
    text = readable(fmt, data)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file; create it with UPDATE_GOLDEN=1 ({golden.name})"
    assert text == golden.read_text(encoding="utf-8"), \
        f"{golden.name} differs; if the change is intended: UPDATE_GOLDEN=1 pytest {__file__}"


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
    assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:])), page.headings
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
        assert 'lang="en" class="untranslated"' in text     # the rest falls back, marked
    else:
        xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
        assert "<w:bidi/>" in xml and "<w:rtl/>" in xml and "<w:bidiVisual/>" in xml
        assert "التعاقد المفتوح" in docx_dump(data)


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

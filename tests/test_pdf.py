"""`ogpctl render --format pdf` and the website's PDF downloads, read back with pypdf: the
text of the headings in English, Spanish and Arabic, pages, A4, page numbers and running
title, Arabic laid out right to left with a font that has its letters, every font embedded,
identical bytes on a second run (also in another process, and several documents at once),
record text shown as text (never Typst markup), nothing read or fetched, and a one-line
error, never a traceback, where the typst package is missing."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ogpctl.record.load import load_record
from ogpctl.render import Request, render_bytes
from ogpctl.render.pdf import pdf_missing
from tests.conftest import ROOT, SAMPLE, run
from tests.test_render import arabic_record

pypdf = pytest.importorskip("pypdf", reason="pypdf reads the PDFs back: pip install pypdf")

DAY = date(2026, 12, 2)
MISSING = pdf_missing()
needs_pdf = pytest.mark.skipif(MISSING is not None, reason=f"no PDF on this machine: {MISSING}"
                               " (pip install typst)")
A4 = (595.28, 841.89)
MARGIN = 2.2 / 2.54 * 72    # document.typ: 2.2 cm, in points


def reader(data: bytes) -> pypdf.PdfReader:
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    return pypdf.PdfReader(io.BytesIO(data))


def text_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in reader(data).pages]


def fonts(data: bytes) -> list:
    """The font descriptor of every font the pages use."""
    found = []
    for page in reader(data).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() \
                if "/DescendantFonts" in font else font
            found.append(descendant["/FontDescriptor"].get_object())
    return found


def characters_in_fonts(data: bytes) -> set[int]:
    """Every character an embedded font draws with one of its glyphs: the fonts' maps from
    glyph to text (`/ToUnicode`), less the empty box (glyph 0, `.notdef`) a font draws for
    a character it lacks."""
    found: set[int] = set()
    for page in reader(data).pages:
        for font in page["/Resources"]["/Font"].values():
            cmap = font.get_object()["/ToUnicode"].get_object().get_data().decode("latin-1")
            for glyph, text in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]+)>", cmap):
                if int(glyph, 16) and len(text) == 4:
                    found.add(int(text, 16))
    return found


def text_and_margins(page) -> tuple[str, str, str]:
    """The page's text, and the text in its top and bottom margins (the running title, the
    number): one extraction gives all three (a page's extraction is most of a test's time)."""
    height = float(page.mediabox.height)
    top: list[str] = []
    bottom: list[str] = []

    def visit(text: str, cm, tm, font, size) -> None:
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and y > height - MARGIN:
            top.append(text)
        elif text.strip() and y < MARGIN:
            bottom.append(text)

    text = page.extract_text(visitor_text=visit)
    return text, "".join(top).strip(), "".join(bottom).strip()


@pytest.fixture(scope="module")
def record():
    return load_record(SAMPLE.resolve())


@pytest.fixture(scope="module")
def plans(record) -> dict[str, bytes]:
    """The sample's action plan in English and Spanish, rendered once for the module."""
    if MISSING is not None:
        pytest.skip(f"no PDF on this machine: {MISSING}")
    return {lang: render_bytes(record, Request("action-plan", "2026-2030", lang), "pdf", DAY)
            for lang in ("en", "es")}


@needs_pdf
@pytest.mark.parametrize("lang, headings", [
    ("en", ["Second National Open Government Action Plan of Veridia 2026-2030",
            "1. Introduction", "2. Open government efforts to date",
            "3. Action plan development process", "4. Commitments", "Milestones"]),
    ("es", ["Segundo Plan de Acción Nacional de Gobierno Abierto de Veridia 2026-2030",
            "1. Introducción", "2. Esfuerzos de gobierno abierto hasta la fecha",
            "3. Proceso de elaboración del plan de acción", "4. Compromisos", "Hitos"]),
])
def test_action_plan_reads_back(plans, lang: str, headings: list[str]) -> None:
    document = reader(plans[lang])
    pages = [text_and_margins(page) for page in document.pages]
    assert len(pages) > 1
    whole = "\n".join(text for text, _, _ in pages)
    for heading in headings:
        assert heading in whole, heading
    assert "None" not in whole and "{{" not in whole
    title = headings[0]
    for number, (_, head, foot) in enumerate(pages, 1):
        assert foot == f"{number} / {len(pages)}"
        assert head == ("" if number == 1 else title)            # the running title
    box = document.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == A4
    meta = document.metadata
    assert meta.title == title and meta["/CreationDate"].startswith("D:20261202000000")
    catalog = document.trailer["/Root"]
    assert catalog["/Lang"] == lang and "/StructTreeRoot" in catalog   # tagged, for readers
    assert catalog["/MarkInfo"]["/Marked"] and b"pdfuaid:part" in \
        catalog["/Metadata"].get_object().get_data()                    # PDF/UA-1


@needs_pdf
def test_every_font_is_embedded(plans) -> None:
    descriptors = fonts(plans["es"])
    assert descriptors
    assert all({"/FontFile", "/FontFile2", "/FontFile3"} & set(d) for d in descriptors)
    assert {ord(c) for c in "Introducción"} <= characters_in_fonts(plans["es"])


@needs_pdf
def test_same_bytes_in_another_process(plans, tmp_path: Path) -> None:
    """Nothing in the file depends on the clock, the process or its hash seed; a fresh
    process lays several documents out in worker processes (one a processor), each the
    PDF this process wrote alone."""
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "12345"}
    done = subprocess.run([sys.executable, "-m", "ogpctl", "render", "action-plan", "--plan",
                           "2026-2030", "--lang", "all", "-f", "pdf", "-C", str(SAMPLE),
                           "-o", str(out), "--today", DAY.isoformat()],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    for lang in ("es", "en"):
        assert (out / f"2026-2030-action-plan.{lang}.pdf").read_bytes() == plans[lang]


@needs_pdf
def test_several_at_once_the_same_bytes(record, plans) -> None:
    """Several documents written together (`render --lang all`, the benchmark): each PDF
    is the one written alone, in the order asked."""
    from ogpctl.render import build
    from ogpctl.render.pdf import write_pdfs

    docs = {f"{lang}.pdf": build(record, Request("action-plan", "2026-2030", lang), DAY)
            for lang in ("es", "en")}
    made = write_pdfs(docs, DAY, jobs=2)
    assert list(made.items()) == [("es.pdf", plans["es"]), ("en.pdf", plans["en"])]


@needs_pdf
def test_no_child_is_forked_to_lay_out_once_this_process_has(plans) -> None:
    """Typst's threads do not survive a fork: a child forked after a layout waited for
    ever (the site's documents, made in a forked process, in a test run or a Python
    caller that wrote a PDF before). Such a process makes its documents itself."""
    from ogpctl.render import pdf
    from ogpctl.site import downloads

    assert not pdf.forkable() and downloads._fork_context(pdfs=True) is None
    assert pdf._workers(4, 2) == 1
    if (os.cpu_count() or 1) > 1:     # a child that lays no PDF out is still forked
        assert downloads._fork_context(pdfs=False) is not None


@needs_pdf
def test_a_worker_that_dies_costs_time_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed while the PDFs are laid out side by side: they are laid out here."""
    from ogpctl.render import pdf
    from ogpctl.render.blocks import Document, Paragraph, Text

    compiler = pdf._compiler

    class DyingWorker:
        def __call__(self) -> object:
            return compiler()

        def cache_clear(self) -> None:     # a worker's first step, before any layout
            os._exit(1)

    monkeypatch.setattr(pdf, "_compiler", DyingWorker())
    monkeypatch.setattr(pdf, "_started", [False])
    docs = {name: Document(title=(Text(name),), lang="en", rtl=False,
                           blocks=[Paragraph((Text(f"Plan {name}"),))])
            for name in ("a.pdf", "b.pdf")}
    made = pdf.write_pdfs(docs, DAY, jobs=2)
    assert [text_of(data)[0].split("\n")[1] for data in made.values()] == [
        "Plan a.pdf", "Plan b.pdf"]


MARKUP = '#eval("1") *x* $y$ @ref <l> _e_ `c` #read("/etc/passwd") #image("x.png")'


@needs_pdf
def test_record_text_is_never_typst_markup() -> None:
    """A record's text holding Typst markup comes out letter for letter in every place a
    text goes (title, heading, paragraph, code, link, table, a text in another language),
    and nothing it names is read: the template places strings as text."""
    from ogpctl.render.blocks import (
        Code,
        Document,
        Foreign,
        ForeignBlock,
        Heading,
        Link,
        Paragraph,
        Table,
        Text,
    )
    from ogpctl.render.pdf import write_pdf

    body = (Text(MARKUP),)
    doc = Document(title=body, lang="en", rtl=False, subtitle=body, blocks=[
        Heading(2, body), Paragraph((*body, Code(MARKUP))),
        Paragraph((Link("https://example.org/", body), Foreign("fr", body, MARKUP))),
        Table(((Paragraph(body),),), (((Paragraph(body),),),), caption=body),
        ForeignBlock("fr", (Paragraph(body),), MARKUP)])
    data = write_pdf(doc, DAY)
    whole = " ".join(" ".join(text_of(data)).split())
    assert whole.count(MARKUP) >= 9, whole
    assert reader(data).metadata.title == MARKUP
    assert "root:" not in whole


@needs_pdf
@pytest.mark.parametrize("code, lang", [("pt-BR", "pt-BR"), ("zh-Hant", "zh"),
                                        ("sr-Latn-RS", "sr-RS"), ("es", "es")])
def test_a_language_with_a_region_or_a_script(code: str, lang: str) -> None:
    """A record language with a region or a script (the schema allows `pt-BR`): Typst
    takes a two or three letter language and a region apart, and refused `pt-BR` whole."""
    from ogpctl.render.blocks import Document, Foreign, ForeignBlock, Paragraph, Text
    from ogpctl.render.pdf import write_pdf

    doc = Document(title=(Text("Plano"),), lang=code, rtl=False, blocks=[
        Paragraph((Foreign(code, (Text("texto"),), "nota"),)),
        ForeignBlock(code, (Paragraph((Text("bloco"),)),), "nota")])
    data = write_pdf(doc, DAY)
    assert reader(data).trailer["/Root"]["/Lang"] == lang
    assert "texto" in text_of(data)[0] and "bloco" in text_of(data)[0]


@needs_pdf
def test_a_document_typst_refuses_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Were the template to fail on a document, the command says it in one line (an
    `OgpctlError`: exit 2), not with a traceback of the Typst binding."""
    from ogpctl.base.errors import OgpctlError
    from ogpctl.render import pdf
    from ogpctl.render.blocks import Document, Text

    monkeypatch.setattr(pdf, "_template", lambda: b"#let d = json(bytes(sys.inputs.doc))\n"
                                                  b"#d.no-such-key")
    with pytest.raises(OgpctlError, match="^Typst could not lay the PDF out: "):
        pdf.write_pdf(Document(title=(Text("Plan"),), lang="en", rtl=False), DAY)


@needs_pdf
def test_a_link_outside_the_allowed_addresses_stays_text() -> None:
    """Only http, https, mailto and relative addresses are links (`prose.safe_href`), as
    in HTML and DOCX; another scheme is its text, not a link."""
    from ogpctl.render.blocks import Document, Link, Paragraph, Text
    from ogpctl.render.pdf import write_pdf

    doc = Document(title=(Text("Links"),), lang="en", rtl=False, blocks=[Paragraph((
        Link("https://example.org/a", (Text("web"),)), Text(" "),
        Link("evidence/minutes.pdf", (Text("minutes"),)), Text(" "),
        Link("javascript:alert(1)", (Text("script"),)), Text(" "),
        Link("file:///etc/passwd", (Text("file"),))))])
    data = write_pdf(doc, DAY)
    uris = [annotation.get_object()["/A"]["/URI"]
            for annotation in reader(data).pages[0].get("/Annots", [])]
    assert uris == ["https://example.org/a", "evidence/minutes.pdf"]
    assert "web minutes script file" in text_of(data)[0]


def with_one_commitment(root: Path) -> Path:
    """The record with only its plans' first commitment: a short plan lays out in a third
    of the time and holds every kind of block a longer one has."""
    for plan in (root / "plans").iterdir():
        for path in sorted((plan / "commitments").glob("*.yaml"))[1:]:
            path.unlink()
    return root


@needs_pdf
def test_arabic_runs_right_to_left(tmp_path: Path) -> None:
    record = load_record(with_one_commitment(arabic_record(tmp_path)))
    request = Request("action-plan", "2026-2030", "ar")
    html = render_bytes(record, request, "html", DAY)
    assert b'<html lang="ar" dir="rtl">' in html
    data = render_bytes(record, request, "pdf", DAY)
    whole = "\n".join(text_of(data))
    for words in ("مقدمة", "الالتزامات", "التعاقد المفتوح في تنفيذ الأشغال العامة"):
        assert all(word in whole for word in words.split()), words
    # A right-to-left run is written in the order it is seen and marked so (PDF 1.7,
    # 14.8.2.3.3): a reader that copies or reads it aloud takes it in reading order
    # (pypdf does not, and reads a line's words from the left).
    assert b"/ReversedChars BMC" in b"".join(page.get_contents().get_data()
                                              for page in reader(data).pages)
    # Glyphs came from a font that has Arabic letters (a missing one would show as empty
    # boxes mapped to no character); shaped medial forms are not in a subset's cmap, so
    # count the letters rather than name them.
    arabic = {c for c in characters_in_fonts(data) if 0x0621 <= c <= 0x064A}
    assert len(arabic) >= 15, sorted(map(chr, arabic))
    width = float(reader(data).pages[0].mediabox.width)
    starts: dict[str, float] = {}

    def visit(text: str, cm, tm, font, size) -> None:
        for word in ("مقدمة", "Veridia's first action plan"):
            if word in text:
                starts.setdefault(word, tm[4] * cm[0] + cm[4])

    reader(data).pages[0].extract_text(visitor_text=visit)
    # The Arabic heading sits on the right; the English text shown in its place (marked
    # as not yet translated) starts on the left, in its own direction.
    assert starts["مقدمة"] > width / 2
    assert starts["Veridia's first action plan"] < width / 4


@needs_pdf
def test_every_document_and_language(record, capsys, tmp_path: Path) -> None:
    """`render -f pdf` for each kind of document and `--lang all`; each reads back."""
    for document, plan, extra in (("commitment", "2026-2030", ("--commitment", "1")),
                                  ("self-assessment", "2023-2025", ()),
                                  ("reasoned-response", "2026-2030", ())):
        code, out, err = run(capsys, "render", document, "--plan", plan, *extra, "-f", "pdf",
                             "-C", SAMPLE, "-o", tmp_path, "--today", DAY.isoformat())
        assert code == 0, err
        assert out.count(".pdf") == 2                           # en and es
    names = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert names == ["2023-2025-self-assessment.en.pdf", "2023-2025-self-assessment.es.pdf",
                     "2026-2030-commitment-01.en.pdf", "2026-2030-commitment-01.es.pdf",
                     "2026-2030-reasoned-response.en.pdf",
                     "2026-2030-reasoned-response.es.pdf"]
    assert "Informe de autoevaluación" in "".join(
        text_of((tmp_path / "2023-2025-self-assessment.es.pdf").read_bytes()))


@needs_pdf
def test_a_row_longer_than_a_page_starts_on_it(sample: Path) -> None:
    """A commitment's header table with a description longer than a page goes on from the
    first page instead of leaving it empty, and loses nothing."""
    path = sample / "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
    text = path.read_text(encoding="utf-8")
    sentence = "Publicar pagos, modificaciones y avance físico de toda obra pública"
    long = " ".join(f"Paso {n} publicar los datos de cada obra." for n in range(1, 161))
    assert sentence in text
    path.write_text(text.replace(sentence, long, 1), encoding="utf-8")
    data = render_bytes(load_record(sample), Request("commitment", "2026-2030", "es", 1),
                        "pdf", DAY)
    pages = [" ".join(page.split()) for page in text_of(data)]
    assert "Paso 1 publicar" in pages[0]
    assert " ".join(pages).count("Paso ") == 160                 # nothing lost


@needs_pdf
def test_a_table_row_longer_than_a_page_stays_on_the_pages() -> None:
    """A row of an ordinary table longer than a page (a long description in a cell) goes
    on over the next pages under the repeated header: nothing runs into the margin, where
    a reader would lose it."""
    from ogpctl.render.blocks import Document, Paragraph, Table, Text
    from ogpctl.render.pdf import write_pdf

    long = " ".join(f"Paso {n} publicar los datos de cada obra." for n in range(1, 400))
    rows = tuple(((Paragraph((Text(f"r{n}"),)),),
                  (Paragraph((Text(long if n == 2 else "corto"),)),)) for n in range(5))
    head = ((Paragraph((Text("Hito"),)),), (Paragraph((Text("Descripción"),)),))
    data = write_pdf(Document(title=(Text("Plan"),), lang="es", rtl=False,
                              blocks=[Table(head, rows)]), DAY)
    pages = [text_and_margins(page) for page in reader(data).pages]
    assert len(pages) > 2
    for number, (text, _, foot) in enumerate(pages, 1):
        assert foot == f"{number} / {len(pages)}", foot            # the number alone
        assert "Hito" in text and "Descripción" in text            # the header, repeated
    assert " ".join(" ".join(t for t, _, _ in pages).split()).count("Paso ") == 399


@needs_pdf
def test_amendment_note(capsys, tmp_path: Path) -> None:
    from tests.test_diff import amended

    out = tmp_path / "out"
    code, _, err = run(capsys, "render", "amendment-note", "--plan", "2026-2030", "--lang",
                       "es", "-f", "pdf", "-C", amended(tmp_path), "-o", out, "--today",
                       DAY.isoformat())
    assert code == 0, err
    text = " ".join(text_of((out / "2026-2030-amendment-note.es.pdf").read_bytes()))
    assert "Nota de enmienda" in text and "Datos presupuestarios abiertos" in text


@needs_pdf
def test_nothing_is_read_from_disk() -> None:
    """The template reads no file, and Typst's root is an empty folder: no record text can
    reach `read()` or `image()`, and the layout sees no file of the working folder."""
    from ogpctl.render import pdf

    template = pdf._template().decode("utf-8")
    code = "\n".join(line for line in template.splitlines() if not line.startswith("//"))
    assert not any(f"{name}(" in code for name in ("read", "image", "include", "import",
                                                    "csv", "yaml", "toml", "xml", "cbor"))
    assert "#let d = json(bytes(sys.inputs.doc))" in code      # the one input, from memory
    root = Path(pdf._root())
    assert root.is_dir() and list(root.iterdir()) == []


@needs_pdf
def test_site_offers_the_pdf_beside_the_docx(capsys, tmp_path: Path) -> None:
    record = tmp_path / "record"
    assert run(capsys, "init", record, "--country", "Testland", "--iso-code", "XT",
               "--languages", "es,ar", "--lead-agency", "Secretaría de Gobierno Abierto")[0] == 0
    assert run(capsys, "new-plan", "-C", record, "--window", "june", "--due-year", "2027",
               "--length", "4")[0] == 0
    site = tmp_path / "site"
    code, _, err = run(capsys, "site", "-C", record, "--out", site, "--today", "2026-11-23",
                       "--no-search")
    assert code == 0, err
    pdf = site / "documents/2027-2031-action-plan.ar.pdf"
    text = "".join(text_of(pdf.read_bytes()))
    assert all(word in text for word in "الحد الأدنى من المتطلبات".split()), text
    page = (site / "es/documents.html").read_text(encoding="utf-8")
    for lang in ("es", "en", "ar"):
        docx = f'2027-2031-action-plan.{lang}.docx'
        pdf_link = f'2027-2031-action-plan.{lang}.pdf" hreflang="{lang}" download>PDF</a>'
        assert docx in page and pdf_link in page
    assert not list(site.glob("documents/*commitment*.pdf"))   # per plan, not per page


def test_without_typst_one_line_and_exit_2(tmp_path: Path) -> None:
    """The typst package is not installed: render says what to install in one line and
    exits 2; the site leaves PDF out and says why."""
    script = tmp_path / "no_typst.py"
    script.write_text(
        "import sys, importlib.util\n"
        "found = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda name, *a: None if name == 'typst' else "
        "found(name, *a)\n"
        "sys.modules['typst'] = None\n"
        "from ogpctl.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def ogpctl(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(script), *args], capture_output=True,
                              text=True, env=env, timeout=300)

    done = ogpctl("render", "action-plan", "--plan", "2026-2030", "-C", str(SAMPLE),
                  "-f", "pdf", "-o", str(tmp_path / "out"), "--today", "2026-12-02")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "pip install 'typst" in done.stderr, done.stderr
    assert not (tmp_path / "out").exists()
    record = tmp_path / "record"   # the site's store is written inside the record; one that
    # `make demo` left there holds the PDFs already
    shutil.copytree(SAMPLE, record, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    done = ogpctl("site", "-C", str(record), "--out", str(tmp_path / "site"), "--no-search",
                  "--today", "2026-11-23")
    assert done.returncode == 0, done.stderr
    assert "no PDF downloads" in done.stderr and "Traceback" not in done.stderr
    documents = {p.suffix for p in (tmp_path / "site/documents").iterdir()}
    assert ".docx" in documents and ".pdf" not in documents


def test_pdf_is_never_printed(capsys) -> None:
    code, out, err = run(capsys, "render", "action-plan", "--plan", "2026-2030", "--lang", "en",
                         "-f", "pdf", "-o", "-", "-C", SAMPLE)
    assert code == 2 and out == "" and "--out -" in err


@needs_pdf
def test_a_path_in_a_narrow_cell_wraps_without_doubled_hyphens() -> None:
    """newuser7 Q10: the Spanish self-assessment's evidence paths ran out of their column
    and every break at a hyphen repeated it on the next line ("05-" "-c05-access-"), as
    Spanish words do, so the printed path was not the file's name."""
    from ogpctl.render.blocks import Code, Document, Paragraph, Table, Text
    from ogpctl.render.pdf import write_pdf

    path = "evidence/05-c05-access-to-environmental-information/hito-4-2026-11-27.md"
    cell = (Paragraph((Code(path),)),)
    head = tuple((Paragraph((Text(f"Columna {n}"),)),) for n in range(6))
    rows = (tuple(cell if n == 2 else (Paragraph((Text("corto"),)),) for n in range(6)),)
    data = write_pdf(Document(title=(Text("Informe"),), lang="es", rtl=False,
                              blocks=[Table(head, rows)]), DAY)
    text = reader(data).pages[0].extract_text()
    assert "\u200b" not in text          # nothing invisible in what a reader copies
    start = text.index("evidence/")
    pieces = text[start:text.index(".md", start) + 3].split("\n")
    assert len(pieces) >= 3, pieces                             # wrapped inside its cell
    assert not any(piece.startswith("-") for piece in pieces), pieces
    assert "".join(pieces) == path

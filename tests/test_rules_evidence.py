"""P601 and P602 ask whether an evidence folder holds anything (issue 16): a folder with a
file in it does, so the repository index, which resolves every citation of the record, is
built only when some folder has no file. The findings stay those of the index."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from ogpctl.record.discover import discover
from ogpctl.record.load import load_documents
from ogpctl.record.model import build_record
from ogpctl.rules import repository
from ogpctl.rules.runner import RuleContext, run_rules

TODAY = date(2026, 11, 23)
PLAN = "plans/2026-2030"


def _findings(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple], int]:
    """The P60x findings and how many times the index was built."""
    built: list[int] = []
    real = repository.build_index

    def counting(*args: object, **kwargs: object) -> object:
        built.append(1)
        return real(*args, **kwargs)   # type: ignore[arg-type]

    monkeypatch.setattr(repository, "build_index", counting)
    layout = discover(root)
    documents, _ = load_documents(root, layout)
    found = run_rules(RuleContext(build_record(root, documents, layout.plan_ids), TODAY))
    return [(d.code, d.file) for d in found if d.code in ("P601", "P602")], len(built)


def test_folders_with_files_need_no_index(sample: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    assert _findings(sample, monkeypatch) == ([], 0)


def test_an_empty_folder_is_judged_by_the_index(sample: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """An emptied commitment folder is reported (P602), unless the commitment's updates
    cite a link, which the index lists in the folder (04); an emptied process folder whose
    files are cited nowhere else is reported too (P601). The index is built once."""
    for name in ("03-climate-finance-transparency", "04-justice-open-data", "process"):
        folder = sample / PLAN / "evidence" / name
        shutil.rmtree(folder)
        folder.mkdir()
    found, built = _findings(sample, monkeypatch)
    assert built == 1
    assert sorted(found) == [("P601", f"{PLAN}/plan.yaml"),
                             ("P602", f"{PLAN}/commitments/03-climate-finance-transparency.yaml")]

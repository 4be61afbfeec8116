"""A whole output (a website, a set of documents, a review preview) gets a folder of its
own: never the record's root, the file system's root or the home folder (a new user's
`site --out /` wrote 95 files into /, and a later build there removes what the earlier
one wrote)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run


@pytest.mark.parametrize("command", [["site", "--no-search", "--formats", "none"],
                                     ["render", "action-plan", "--plan", "2026-2030"]])
@pytest.mark.parametrize("where", ["root", "system-root", "home"])
def test_a_whole_output_is_not_written_among_other_files(
        capsys: pytest.CaptureFixture[str], sample: Path, command: list[str], where: str,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    folder = {"root": sample, "system-root": Path("/"),
              "home": home}[where]
    before = sorted(p.name for p in folder.iterdir())
    code, out, err = run(capsys, *command, "-C", str(sample), "--out", str(folder),
                         "--today", "2026-11-23")
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and "give a folder of its own" in err
    assert sorted(p.name for p in folder.iterdir()) == before


def test_a_folder_beside_the_record_files_is_fine(capsys: pytest.CaptureFixture[str],
                                                  sample: Path) -> None:
    code, out, err = run(capsys, "site", "-C", str(sample), "--no-search", "--formats",
                         "none", "--out", str(sample / "build" / "site"),
                         "--today", "2026-11-23")
    assert code == 0, err
    assert (sample / "build" / "site" / "index.html").is_file()

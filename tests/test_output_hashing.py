"""An output folder reads and hashes each file once: a rebuild of a website (thousands of
files) hashed every file twice, the copy on disk to check it and the new bytes for the
manifest. The one hash must not weaken the check: a file changed by a person is still refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogpctl.base import outputs
from ogpctl.base.errors import RecordWriteError
from ogpctl.base.outputs import OutputFolder


def _files() -> dict[str, bytes]:
    return {"index.html": b"<p>plan</p>", "en/a.html": b"a" * 5000, "en/b.html": b"b"}


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    hashed: list[bytes] = []
    digest = outputs._digest

    def counting(data: bytes) -> str:
        hashed.append(data)
        return digest(data)

    monkeypatch.setattr(outputs, "_digest", counting)
    return hashed


def test_a_rebuild_hashes_each_file_once(monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    OutputFolder(tmp_path, keep_same=True).replace(_files(), lambda name: True)
    changed = {**_files(), "en/b.html": b"b, revised"}
    hashed = _counted(monkeypatch)
    written, removed = OutputFolder(tmp_path, keep_same=True).replace(
        changed, lambda name: True)
    assert len(hashed) == len(changed) + 1     # + the changed file's old copy, to check it
    assert written == [tmp_path / "en/b.html"] and removed == 0
    assert (tmp_path / "en/b.html").read_bytes() == b"b, revised"


def test_a_file_changed_on_disk_is_still_refused(tmp_path: Path) -> None:
    OutputFolder(tmp_path).write(_files())
    (tmp_path / "en/a.html").write_bytes(b"edited by a person")
    with pytest.raises(RecordWriteError, match="was not written by ogpctl"):
        OutputFolder(tmp_path, keep_same=True).write(_files())
    assert (tmp_path / "en/a.html").read_bytes() == b"edited by a person"


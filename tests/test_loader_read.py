"""Reading a record file's bytes (`ogpctl.record.load`): to the end whatever the reads
return, never through a link, never more than the limit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ogpctl.record import load
from ogpctl.source.text import MAX_FILE_BYTES


def test_a_file_is_read_to_the_end_when_reads_come_back_short(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = bytes(range(256)) * 40
    (tmp_path / "ogp.yaml").write_bytes(data)
    real_read = os.read
    monkeypatch.setattr(load.os, "read", lambda fd, n: real_read(fd, min(n, 1000)))
    assert load._read(str(tmp_path / "ogp.yaml")) == data


def test_no_more_than_the_limit_is_read(tmp_path: Path) -> None:
    (tmp_path / "big.yaml").write_bytes(b"x" * (MAX_FILE_BYTES + 100))
    assert len(load._read(str(tmp_path / "big.yaml"))) == MAX_FILE_BYTES + 1


def test_a_link_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "target.yaml").write_text("a: 1\n")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "target.yaml")
    with pytest.raises(OSError):
        load._read(str(tmp_path / "link.yaml"))


def test_a_file_grown_since_its_size_was_taken_is_read_whole(tmp_path: Path) -> None:
    data = b"title: x\n" * 3000
    (tmp_path / "plan.yaml").write_bytes(data)
    assert load._read(str(tmp_path / "plan.yaml"), expected=9) == data
    assert load._read(str(tmp_path / "plan.yaml"), expected=len(data)) == data

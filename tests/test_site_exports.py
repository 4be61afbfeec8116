"""record.json made a file at a time, each file's part kept escaped and encoded between
builds: the same bytes as the whole record dumped and escaped at once."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from ogpctl.record.load import load_record
from ogpctl.record.model import Document
from ogpctl.site.exports import record_json
from tests.conftest import SAMPLE, TODAY

COMMITMENT = "plans/2026-2030/commitments/02-beneficial-ownership-open-data.yaml"


def _reference(root: Path) -> bytes:
    data = json.loads(record_json(load_record(root), TODAY))
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def test_kept_parts_make_the_record_json_of_a_whole_dump(tmp_path: Path) -> None:
    root = tmp_path / "record"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns(".ogpctl-cache", ".git"))
    path = root / COMMITMENT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("en: Beneficial ownership", "en: \u202eBeneficial ownership",
                                 1), encoding="utf-8")
    record = load_record(root)
    kept: dict[str, bytes] = {}

    def keep(doc: Document, make: Callable[[], bytes]) -> bytes:
        if doc.path not in kept:
            kept[doc.path] = make()
        return kept[doc.path]

    first = record_json(record, TODAY, keep)
    assert first == record_json(record, TODAY, keep) == record_json(record, TODAY)
    assert first == _reference(root)
    assert b"Beneficial ownership" in first     # the override dropped, as on the pages
    assert b"\\u202e" not in first and "\u202e".encode() not in first
    assert all(isinstance(part, bytes) for part in kept.values())


def test_updates_csv_from_kept_lines_is_the_file_made_at_once(tmp_path: Path) -> None:
    from ogpctl.record.model import Commitment
    from ogpctl.site.exports import updates_csv

    root = tmp_path / "record"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns(".ogpctl-cache", ".git"))
    kept: dict[tuple[str, int], list[bytes]] = {}
    made: list[tuple[str, int]] = []

    def keep(c: Commitment, make: Callable[[], list[bytes]]) -> list[bytes]:
        name = (c.plan.id, c.number)
        if name not in kept:
            made.append(name)
            kept[name] = make()
        return kept[name]

    record = load_record(root)
    first = updates_csv(record, kept=keep)
    assert first == updates_csv(record) and first.count(b"\r\n") > 10
    assert len(made) == len(kept) > 3
    made.clear()
    assert updates_csv(record, kept=keep) == first and made == []
    kept[made_name := next(iter(kept))] = [b"not, a line\r\n"] * 1000   # not one a row
    assert updates_csv(record, kept=keep) == first, made_name

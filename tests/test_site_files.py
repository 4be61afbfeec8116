"""The digests a site build knows already (`ogpctl.site.files.Files`: each page's SHA-256,
kept in the store with the page) go into the search keys and the output manifest without
hashing the pages again; a digest is used only for the bytes it was made for."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from ogpctl.base import outputs
from ogpctl.record.load import load_record
from ogpctl.site import build_site, write_site
from ogpctl.site.files import Files, file_digest
from tests.conftest import SAMPLE, TODAY
from tests.gitrecord import committed_sample


def _hashed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    sizes: list[int] = []
    digest = outputs._digest

    def counting(data: bytes) -> str:
        sizes.append(len(data))
        return digest(data)

    monkeypatch.setattr(outputs, "_digest", counting)
    return sizes


def test_a_digest_is_used_for_its_own_bytes_only(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    page, other = b"<p>page</p>", b"<p>changed by the caller</p>"
    files = Files({"en/a.html": page, "en/b.html": page},
                  {"en/a.html": (page, file_digest(page)), "en/b.html": (page, "0" * 64)})
    files["en/b.html"] = other   # the caller replaced it: its digest is not that one
    hashed = _hashed(monkeypatch)
    write_site(files, tmp_path / "site")
    assert hashed == [len(other)]
    manifest = json.loads((tmp_path / "site" / ".ogpctl-outputs.json").read_text())
    assert manifest["en/a.html"] == hashlib.sha256(page).hexdigest()
    assert manifest["en/b.html"] == hashlib.sha256(other).hexdigest()


def test_a_rebuild_hashes_no_page_it_kept(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    root, out = committed_sample(SAMPLE, tmp_path / "record"), tmp_path / "site"

    def build() -> dict[str, bytes]:
        return build_site(load_record(root), TODAY, formats=("html",), search=False,
                          reuse=True)

    write_site(build(), out)
    again = build()
    pages = [name for name in again if name.endswith(".html") and "/" in name
             and not name.startswith(("documents/", "files/"))]
    assert isinstance(again, Files) and set(pages) <= set(again.digests())
    hashed = _hashed(monkeypatch)
    write_site(again, out)
    assert len(hashed) == len(again) - len(pages)
    manifest = json.loads((out / ".ogpctl-outputs.json").read_text())
    assert all(manifest[name] == hashlib.sha256(data).hexdigest()
               for name, data in again.items())

"""What the site's keys read of the installation (`ogpctl.site.inputs.code_digest`): the
libraries' versions as `importlib.metadata` gives them, found without importing it."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from ogpctl.site import inputs

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", [*inputs.LIBRARIES, "python_docx", "Jinja2", "typer",
                                  "no-such-library-here"])
def test_library_versions_are_those_of_importlib_metadata(name: str) -> None:
    try:
        expected: str | None = metadata.version(name)
    except metadata.PackageNotFoundError:
        expected = None
    assert inputs.library_version(name) == expected


def test_an_egg_info_is_read_by_importlib_metadata(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    egg = tmp_path / "eggy_thing.egg-info"
    egg.mkdir()
    (egg / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: eggy-thing\nVersion: 4.5.6\n",
                                  encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    inputs._entries.cache_clear()
    try:
        assert inputs.library_version("eggy-thing") == "4.5.6"
    finally:
        inputs._entries.cache_clear()


def test_the_site_keys_do_not_import_importlib_metadata() -> None:
    code = ("import sys\nfrom ogpctl.site.inputs import code_digest\ncode_digest()\n"
            "print('importlib.metadata' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=ROOT, check=True, env={"PYTHONPATH": str(ROOT)})
    assert found.stdout.strip() == "False"

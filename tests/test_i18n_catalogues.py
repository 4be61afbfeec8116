"""The label catalogues: a compiled .mo (`make locales`) is read only when it was made
from the .po as it is now; otherwise the .po is compiled in memory, as before any .mo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ogpctl.base import i18n

SPANISH = i18n.catalogue_path("es")


def _messages(translations: object) -> dict:
    """Every message of a catalogue but the digest of its .po."""
    catalog = dict(translations._catalog)   # type: ignore[attr-defined]
    catalog.pop("\x04".join(i18n.SOURCE_DIGEST), None)
    return catalog


@pytest.fixture
def catalogue(tmp_path: Path) -> tuple[Path, Path]:
    po, mo = tmp_path / "ogpctl.po", tmp_path / "ogpctl.mo"
    shutil.copyfile(SPANISH, po)
    mo.write_bytes(i18n.compiled_catalogue(po, "es"))
    return po, mo


def test_a_matching_mo_is_read_and_says_what_the_po_says(catalogue: tuple[Path, Path]) -> None:
    po, mo = catalogue
    read = i18n.load_catalogue(po, mo, "es")
    assert read.pgettext(*i18n.SOURCE_DIGEST) != i18n.SOURCE_DIGEST[1]   # from the .mo
    compiled_here = i18n.load_catalogue(po, po.with_name("missing.mo"), "es")
    assert _messages(read) == _messages(compiled_here)
    assert len(_messages(read)) > 100


def test_a_stale_mo_is_never_used(catalogue: tuple[Path, Path]) -> None:
    po, mo = catalogue
    text = po.read_text(encoding="utf-8")
    assert 'msgstr "Actividades"' in text
    po.write_text(text.replace('msgstr "Actividades"', 'msgstr "Tareas"'), encoding="utf-8")
    read = i18n.load_catalogue(po, mo, "es")
    assert read.gettext("Activities") == "Tareas"
    assert read.pgettext(*i18n.SOURCE_DIGEST) == i18n.SOURCE_DIGEST[1]   # not from the .mo


@pytest.mark.parametrize("damage", [b"", b"\xde\x12\x04\x95garbage", None])
def test_a_damaged_or_missing_mo_is_not_used(catalogue: tuple[Path, Path],
                                             damage: bytes | None) -> None:
    po, mo = catalogue
    if damage is None:
        mo.unlink()
    else:
        mo.write_bytes(damage)
    read = i18n.load_catalogue(po, mo, "es")
    assert read.gettext("Activities") == "Actividades"


def test_a_mo_from_another_babel_is_not_used(catalogue: tuple[Path, Path],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    po, mo = catalogue
    monkeypatch.setattr(i18n.babel, "__version__", "0.0-other")
    read = i18n.load_catalogue(po, mo, "es")
    assert read.pgettext(*i18n.SOURCE_DIGEST) == i18n.SOURCE_DIGEST[1]


def test_every_label_language_reads_the_same_with_or_without_its_mo() -> None:
    for lang in i18n.catalogue_languages():
        po = i18n.catalogue_path(lang)
        with_mo = i18n.load_catalogue(po, i18n.catalogue_path(lang, ".mo"), lang)
        without = i18n.load_catalogue(po, po.with_name("absent.mo"), lang)
        assert _messages(with_mo) == _messages(without), lang
        assert with_mo.plural(2) == without.plural(2), lang

"""The site's search index in bundles (`ogpctl.site.search`): each plan's pages in a
language and each language's meetings have their own Pagefind bundle, merged in the
browser into the main one, so a rebuild after one commitment changed indexes again only
its plan's pages (and the few pages of the language folder that list everything), and
the search still finds every page, the edited title and no longer the old one."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from ogpctl.base.vcs import read_history
from ogpctl.record.load import load_record
from ogpctl.site import build, build_site, write_site
from ogpctl.site.search import MAIN, bundle_of, by_bundle, merged_part
from tests import site_browser
from tests.conftest import SAMPLE, TODAY
from tests.gitrecord import committed_sample

PLAN = "plans/2026-2030"
CHANGED = f"{PLAN}/commitments/02-beneficial-ownership-open-data.yaml"
PAGE = f"{PLAN}/commitments/02-beneficial-ownership-open-data.html"
#: Words in the commitment's title before and after the edit, found on no other page.
OLD = {"en": "quokkaland", "es": "quokkalandia"}
NEW = {"en": "wombatshire", "es": "wombatera"}


def test_each_page_has_one_bundle() -> None:
    assert bundle_of("index.html") == MAIN
    assert bundle_of("en/index.html") == bundle_of("en/plans/index.html") == MAIN
    assert bundle_of(f"es/{PAGE}") == "es/plans/2026-2030"
    assert bundle_of("en/plans/2026-2030/index.html") == "en/plans/2026-2030"
    assert bundle_of("ar/meetings/index.html") == "ar/meetings"
    assert bundle_of("ar/meetings/2026-06-17-validation.html") == "ar/meetings"
    pages = {"en/index.html": b"a", "en/plans/x/index.html": b"b", "fr/meetings/m.html": b"c"}
    assert by_bundle(pages) == {MAIN: {"en/index.html": b"a"},
                                "en/plans/x": {"en/plans/x/index.html": b"b"},
                                "fr/meetings": {"fr/meetings/m.html": b"c"}}


def test_a_merged_bundle_holds_only_its_index() -> None:
    run = {f"pagefind/{name}": b"x" for name in (
        "pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "wasm.en.pagefind",
        "pagefind-entry.json", "pagefind.en_0123456789.pf_meta", "index/en_1.pf_index",
        "fragment/en_2.pf_fragment", "filter/en_3.pf_filter")}
    assert set(merged_part(run, "en/plans/x")) == {
        "pagefind/en/plans/x/pagefind-entry.json",
        "pagefind/en/plans/x/pagefind.en_0123456789.pf_meta",
        "pagefind/en/plans/x/index/en_1.pf_index",
        "pagefind/en/plans/x/fragment/en_2.pf_fragment",
        "pagefind/en/plans/x/filter/en_3.pf_filter"}


def titled(root: Path, words: dict[str, str]) -> None:
    """The commitment's title ends with `words` in each language."""
    path = root / CHANGED
    text = path.read_text(encoding="utf-8")
    for lang, word in words.items():
        start = text.index(f"\n  {lang}: ", text.index("title:")) + len(lang) + 5
        end = text.index("\n", start)
        title = text[start:end]
        for other in (*OLD.values(), *NEW.values()):
            title = title.removesuffix(f" {other}")
        text = text[:start] + f"{title} {word}" + text[end:]
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory):
    """A site built with `OLD` in the title, then rebuilt with the store after the title
    changed to `NEW`: (the folders to serve, each with the site in `site/`, before and
    after; the files before and after; the bundles the rebuild indexed; a full build of
    the changed record)."""
    base = tmp_path_factory.mktemp("search")
    record = committed_sample(SAMPLE, base / "record")
    before, out = base / "before" / "site", base / "after" / "site"
    titled(record, OLD)
    first = build_site(load_record(record), TODAY, formats=(), reuse=True)
    write_site(first, before)
    write_site(first, out)
    titled(record, NEW)
    indexed: Counter = Counter()
    with pytest.MonkeyPatch.context() as patch:
        real = build.Indexing

        def counting(pages: dict[str, bytes]) -> object:
            indexed.update({bundle_of(min(pages))})
            return real(pages)
        patch.setattr(build, "Indexing", counting)
        again = build_site(load_record(record), TODAY, formats=(), reuse=True)
    write_site(again, out)
    whole = build_site(load_record(record), TODAY, read_history(record), formats=())
    return before.parent, out.parent, first, again, indexed, whole


def test_a_rebuild_indexes_only_the_bundles_it_changed(rebuilt) -> None:
    _, _, first, again, indexed, whole = rebuilt
    assert again == whole                     # byte for byte, the bundles included
    assert set(indexed) <= {"en/plans/2026-2030", "es/plans/2026-2030", MAIN}
    assert indexed["en/plans/2026-2030"] == indexed["es/plans/2026-2030"] == 1
    changed = {name for name in again if first.get(name) != again[name]}
    assert not any(name.startswith(("pagefind/en/plans/2023-2025/", "pagefind/en/meetings/"))
                   for name in changed)
    assert any(name.startswith("pagefind/en/plans/2026-2030/fragment/") for name in changed)


def test_the_bundles_are_deterministic(rebuilt) -> None:
    _, _, _, again, _, whole = rebuilt
    record = load_record(SAMPLE)
    once = build_site(record, TODAY, read_history(SAMPLE), formats=())
    twice = build_site(load_record(SAMPLE), TODAY, read_history(SAMPLE), formats=())
    assert once == twice
    bundles = {name.rsplit("/", 1)[0] for name in whole if name.endswith("pagefind-entry.json")}
    assert bundles == {"pagefind"} | {f"pagefind/{lang}/{folder}" for lang in ("en", "es")
                                      for folder in ("meetings", "plans/2023-2025",
                                                     "plans/2026-2030")}
    for folder in bundles - {"pagefind"}:
        entry = json.loads(whole[f"{folder}/pagefind-entry.json"])
        assert list(entry["languages"]) == [folder.split("/")[1]]
        assert f"{folder}/pagefind.js" not in whole     # the main bundle's is used


def test_the_search_page_names_its_languages_bundles(rebuilt) -> None:
    """Each language's search page merges exactly the bundles built in that language."""
    _, _, _, again, _, _ = rebuilt
    for lang in ("en", "es"):
        built = sorted(f"../{name.removesuffix('pagefind-entry.json')}" for name in again
                       if name.startswith(f"pagefind/{lang}/")
                       and name.endswith("/pagefind-entry.json"))
        page = again[f"{lang}/search.html"].decode("utf-8")
        assert f'data-bundles="{" ".join(built)}"' in page
        assert len(built) == 3    # the meetings and two plans
    assert ('data-bundles="../pagefind/es/meetings/ ../pagefind/es/plans/2023-2025/ '
            '../pagefind/es/plans/2026-2030/"') in again["es/search.html"].decode("utf-8")


def fragment(files: dict[str, bytes], url: str) -> str:
    """The text Pagefind indexed of the page at `url` (in whichever bundle)."""
    import gzip

    for name, data in files.items():
        if name.startswith("pagefind/") and "/fragment/" in name:
            found = json.loads(gzip.decompress(data).removeprefix(b"pagefind_dcd"))
            if found["url"] == url:
                return found["content"]
    raise AssertionError(f"no Pagefind fragment for {url}")


def test_an_update_is_indexed_on_its_commitment_page_only(rebuilt) -> None:
    """The updates page (and the home page's latest) list every update with its context:
    search finds an update on its commitment's page, and the list's many words are not
    indexed again (the updates page was most of what a rebuild indexed)."""
    *_, whole = rebuilt
    note = "Data quality baseline completed"
    assert note in fragment(whole, f"/en/{PAGE}")
    assert note in whole["en/updates.html"].decode("utf-8")
    assert note not in fragment(whole, "/en/updates.html")
    assert "Every update on a milestone" in fragment(whole, "/en/updates.html")


# -- in a browser --------------------------------------------------------------------------

browser = pytest.mark.skipif(site_browser.missing() is not None,
                             reason=site_browser.missing() or "")


#: Pagefind's first page of results, each filled in once its fragment is loaded.
LOADED = """shown => {
    const items = document.querySelectorAll('.pagefind-ui__result');
    return items.length >= shown && Array.from(items).every(
        item => item.querySelector('.pagefind-ui__result-link'));
}"""


#: The search for a word is done: its message names the word and is not the "Searching
#: for WORD..." one shown while the index loads.
SEARCHED = """word => {
    const message = document.querySelector('.pagefind-ui__message');
    const text = message ? message.textContent.trim() : '';
    return text.includes(word) && !text.endsWith('...') && !text.endsWith('\u2026');
}"""


def results(tab: site_browser.Watched, lang: str, word: str) -> set[str]:
    """The pages the search page of `lang` finds for `word`, without the sections' anchors:
    once Pagefind says how many it found (in the page's language), its first page of
    results (five) is waited for."""
    tab.open(f"site/{lang}/search.html")
    tab.page.fill(".pagefind-ui__search-input", word)
    # Pagefind first says "Searching for WORD..." (no count), then how many it found.
    tab.page.wait_for_function(SEARCHED, arg=word, timeout=15_000)
    message = tab.page.locator(".pagefind-ui__message").filter(has_text=word)
    count = re.search(r"\d+", message.inner_text())
    tab.page.wait_for_function(LOADED, arg=min(int(count[0]) if count else 0, 5),
                               timeout=15_000)
    return set(tab.page.locator(".pagefind-ui__result-link").evaluate_all(
        "links => links.map(a => a.href.split('#')[0])"))


@browser
def test_search_finds_the_edited_title_in_every_language(rebuilt, tmp_path: Path) -> None:
    """The site is served below a path (/site/), as a git host's pages are: a merged
    bundle's results link there too."""
    before, after, _, _, _, _ = rebuilt
    with site_browser.chromium(tmp_path / "profile") as context:
        with site_browser.serve(before) as base:
            tab = site_browser.watch(context, base)
            for lang, word in OLD.items():
                assert f"{base}/site/{lang}/{PAGE}" in results(tab, lang, word), lang
        with site_browser.serve(after) as base:
            tab = site_browser.watch(context, base)
            for lang in ("en", "es"):
                found = results(tab, lang, NEW[lang])
                assert f"{base}/site/{lang}/{PAGE}" in found, (lang, found, tab.errors)
                assert results(tab, lang, OLD[lang]) == set(), lang
                # the main bundle still answers: a page of the language folder
                assert f"{base}/site/{lang}/contacts.html" in results(tab, lang, "contact")
            tab.page.locator(".pagefind-ui__result-link").first.click()
            assert tab.errors == [] and tab.outside == []


# -- when Pagefind fails -------------------------------------------------------------------

@pytest.fixture
def pagefind_at(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Point ogpctl at another Pagefind program (`PAGEFIND_BINARY_PATH`), with the scratch
    folders in a temporary folder of the test's own."""
    import tempfile

    from ogpctl.site import search

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    def use(program: Path) -> Path:
        monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(program))
        search.executable.cache_clear()
        return scratch
    yield use
    search.executable.cache_clear()


@pytest.mark.parametrize("program", ["#!/bin/sh\necho 'boom: no index' >&2\nexit 3\n", None])
def test_a_failing_pagefind_is_an_error_and_leaves_nothing(pagefind_at, tmp_path: Path,
                                                           capsys, program: str | None) -> None:
    """Pagefind runs in threads of its own: a program that fails or cannot start is a
    one-line error of `ogpctl site` (exit 2), every scratch folder removed, no site."""
    from ogpctl.cli import main

    path = tmp_path / "pagefind"
    if program is not None:
        path.write_text(program, encoding="utf-8")
        path.chmod(0o755)
    scratch = pagefind_at(path)
    record = committed_sample(SAMPLE, tmp_path / "record")
    out = tmp_path / "out"
    code = main(["site", "-C", str(record), "--out", str(out), "--formats", "none",
                 "--today", TODAY.isoformat()])
    err = capsys.readouterr().err
    assert code == 2, err
    expected = "Pagefind failed (exit 3): boom: no index" if program else "Pagefind could not run"
    assert expected in err and "Traceback" not in err
    assert list(scratch.iterdir()) == []
    assert not out.exists()

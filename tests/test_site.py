"""`ogpctl site`: the national OGP website built from a record in a real git repository
(fixed identity and dates), checked as files (every page in every language, links that
resolve, accessible structure, evidence with its last change, exports, identical bytes on
a second build, hostile text that stays text) and in headless Chromium (no console
errors, search, the language switch, keyboard, a phone's width, a hostile record)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from ogpctl.base.errors import RecordWriteError
from ogpctl.record.load import load_record
from ogpctl.site import build_site, write_site
from tests import site_browser
from tests.conftest import SAMPLE, run

DAY = date(2026, 11, 23)
# PDF downloads are tested in test_pdf.py (and skipped there without the typst package).
FORMATS = ("html", "docx")
FIRST, LATER = "2026-06-24T10:00:00+00:00", "2026-10-15T09:30:00+00:00"
PILOT = "plans/2026-2030/evidence/01-public-works-open-contracting/pilot-entities.csv"
COMMITMENT_1 = "plans/2026-2030/commitments/01-public-works-open-contracting.html"
COMMITMENT_2 = "plans/2026-2030/commitments/02-beneficial-ownership-open-data.html"
IDENTITY = {"GIT_AUTHOR_NAME": "Point of Contact", "GIT_AUTHOR_EMAIL": "poc@example.org",
            "GIT_COMMITTER_NAME": "Point of Contact", "GIT_COMMITTER_EMAIL": "poc@example.org",
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str, when: str = FIRST) -> str:
    env = {**os.environ, **IDENTITY, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    return subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main",
                           *args], cwd=repo, env=env, capture_output=True, text=True,
                          check=True).stdout


def committed_record(target: Path) -> Path:
    """sample-country in a new repository: all of it delivered on 2026-06-24, then one
    evidence file updated on 2026-10-15."""
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "Record as delivered")
    with (target / PILOT).open("a", encoding="utf-8") as stream:
        stream.write("AGR,Ministerio de Agricultura,6,scheduled 2027-04,,no\n")
    git(target, "commit", "-q", "-am", "Pilot entity added", when=LATER)
    return target


def build(root: Path, **options) -> dict[str, bytes]:
    return build_site(load_record(root), DAY, **options)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, bytes]]:
    """(record, site folder, files) of the sample, built once for the module."""
    base = tmp_path_factory.mktemp("site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(base))
        for key, value in IDENTITY.items():
            patch.setenv(key, value)
        record = committed_record(base / "record")
        files = build(record, formats=FORMATS)
    write_site(files, base / "out")
    return record, base / "out", files


class Page(HTMLParser):
    """What the tests look at in a page: tags with attributes, headings, text."""

    def __init__(self, data: bytes) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(data.decode("utf-8"))

    def handle_starttag(self, tag: str, attrs) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.tags if name == tag]

    @property
    def headings(self) -> list[int]:
        return [int(name[1]) for name, _ in self.tags if re.fullmatch(r"h[1-6]", name)]


def pages(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if name.endswith(".html")
            and not name.startswith(("documents/", "files/", "pagefind/"))}


# -- files ---------------------------------------------------------------------------------

def test_every_page_in_every_language(built) -> None:
    _, _, files = built
    record = load_record(SAMPLE)
    expected = {"index.html", "contacts.html", "forum.html", "participate.html",
                "meetings/index.html", "plans/index.html", "updates.html", "documents.html",
                "search.html", COMMITMENT_1, "plans/2026-2030/dashboard.html",
                "plans/2023-2025/evidence.html"}
    expected |= {f"meetings/{Path(m.path).stem}.html" for m in record.meetings}
    for lang in ("en", "es"):
        assert {f"{lang}/{p}" for p in expected} <= set(files)
    root = Page(files["index.html"])
    assert [a["href"] for a in root.all("a")] == ["en/index.html", "es/index.html"]
    assert {"pagefind/pagefind-ui.js", "pagefind/pagefind-entry.json", "assets/site.css",
            "data/record.json", "documents/2026-2030-action-plan.es.docx"} <= set(files)
    entry = json.loads(files["pagefind/pagefind-entry.json"])
    assert set(entry["languages"]) == {"en", "es"}


def test_links_are_relative_and_resolve(built) -> None:
    _, _, files = built
    for name, data in pages(files).items():
        page = Page(data)
        for attrs in page.all("a") + page.all("link") + page.all("script"):
            target = attrs.get("href") or attrs.get("src") or ""
            if not target or target.startswith("#") or target.startswith("data:"):
                continue
            if re.match(r"[a-z]+:", target):
                assert target.startswith(("https://", "http://", "mailto:")), (name, target)
                continue
            assert not target.startswith("/"), (name, target)
            path = os.path.normpath(os.path.join(os.path.dirname(name),
                                                 unquote(urlsplit(target).path)))
            assert path in files, f"{name} links to {target}, which is not in the site"


def test_pages_are_accessible(built) -> None:
    _, _, files = built
    for name, data in pages(files).items():
        if name == "index.html":
            continue
        page = Page(data)
        html = page.all("html")[0]
        assert html["lang"] == name.split("/")[0] and html["dir"] == "ltr", name
        assert page.headings[0] == 1 and page.headings.count(1) == 1, name
        assert all(b - a <= 1 for a, b in pairwise(page.headings)), name
        tags = [tag for tag, _ in page.tags]
        assert {"header", "nav", "main", "footer"} <= set(tags), name
        first = page.all("a")[0]
        assert first == {"class": "skip", "href": "#main"} and page.all("main")[0]["id"] == "main"
        assert all(a.get("scope") in ("col", "row") for a in page.all("th")), name
        assert all(a.get("role") == "img" and a.get("aria-label") or a.get("aria-hidden")
                   for a in page.all("svg")), name
        assert all("alt" in a for a in page.all("img")), name
        assert "viewport" in {a.get("name") for a in page.all("meta")}
        assert not re.search(r"built-in method|bound method|object at 0x", "".join(page.text))


TABLE = re.compile(r"<table class=\"responsive\"([^>]*)>\s*(?:<caption>(.*?)</caption>)?", re.S)
HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S)


def _words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_every_table_is_named_without_repeating_its_heading(built) -> None:
    """A plan page showed the heading "Commitments" and right under it the caption
    "Commitments": each table of the site's own (the documents' tables are render's) is
    named by the heading above it (aria-labelledby, or aria-label where an id would split
    the page for search) or by a caption that says something else."""
    _, _, files = built
    tables = 0
    for name, data in pages(files).items():
        html = data.decode("utf-8")
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        for table in TABLE.finditer(html):
            tables += 1
            labelled = re.search(r'aria-labelledby="([^"]+)"', table[1])
            assert labelled or table[2] or "aria-label=" in table[1], (name, table[0])
            if labelled:
                assert set(labelled[1].split()) <= ids, (name, table[0])
            headings = HEADING.findall(html, 0, table.start())
            if table[2] and headings:
                assert _words(table[2]) != _words(headings[-1]), (name, table[0])
    assert tables > 20


def test_labels_are_not_names_of_dict_methods() -> None:
    from ogpctl.site.labels import labels

    assert not set(labels("en")) & set(dir(dict)), "templates would read the method instead"


def test_second_build_is_byte_identical(built) -> None:
    record, _, files = built
    again = build(record, formats=FORMATS)
    assert again.keys() == files.keys()
    assert [name for name in files if files[name] != again[name]] == []


def test_evidence_links_to_files_and_their_last_change(built) -> None:
    record, out, files = built
    page = files[f"en/{COMMITMENT_1}"].decode()
    assert f'href="../../../../files/{PILOT}"' in page
    assert (out / "files" / PILOT).read_bytes() == (record / PILOT).read_bytes()
    commit = git(record, "log", "-1", "--format=%H", "--", PILOT).strip()
    assert "October 15, 2026" in page and commit[:10] in page
    spanish = files[f"es/{COMMITMENT_1}"].decode()
    assert "15 de octubre de 2026" in spanish and "24 de junio de 2026" in spanish
    repository = files["es/plans/2026-2030/evidence.html"].decode()
    assert "Repositorio de evidencias" in repository and "Hito 1.2, actualización del" in \
        repository


def test_dashboard_draws_progress_without_script(built) -> None:
    _, _, files = built
    page = Page(files["en/plans/2026-2030/dashboard.html"])
    svgs = page.all("svg")
    assert sum(1 for a in svgs if "bar" in a.get("class", "")) == 6
    assert any("timeline" in a.get("class", "") for a in svgs)
    text = " ".join(page.text)
    assert "3 of 26 milestones completed" in text and "54 days late" in text
    assert not page.all("script")


def test_exports_are_open_data(built) -> None:
    _, _, files = built
    data = json.loads(files["data/record.json"])
    assert data["languages"] == ["en", "es"] and "ogp.yaml" in data["files"]
    rows = list(csv.DictReader(io.StringIO(files["data/commitments.csv"].decode())))
    assert len(rows) == 10 and rows[4]["title.es"].startswith("Contratación abierta de obras")
    updates = list(csv.DictReader(io.StringIO(files["data/updates.csv"].decode())))
    assert updates[0]["date"] >= updates[-1]["date"] and "note.en" in updates[0]
    evidence = list(csv.DictReader(io.StringIO(files["data/evidence.csv"].decode())))
    assert any(r["path"] == PILOT and r["last-change"] == "2026-10-15" for r in evidence)


def test_comment_links_open_an_issue_for_the_page(built) -> None:
    _, _, files = built
    page = Page(files[f"es/{COMMITMENT_1}"])
    link = next(a["href"] for a in page.all("a") if "/issues/new?" in a.get("href", ""))
    assert link.startswith("https://git.gobiernoabierto.veridia.example/veridia/registro-ogp/")
    assert "title=1.%20Contrataci%C3%B3n%20abierta" in link
    assert "body=https%3A%2F%2Fgobiernoabierto.veridia.example%2Fes%2Fplans%2F" in link
    assert "Comentar esta página" in files[f"es/{COMMITMENT_1}"].decode()
    assert b"/issues/new?" not in files["en/search.html"]


# -- what a reader sees --------------------------------------------------------------------

NEW_COMMITMENT = "plans/2027-2031/commitments/01-datos-abiertos-de-contratos.html"


def fill(path: Path, blank: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert blank in text, f"the scaffold changed: {blank!r} is not in {path.name}"
    path.write_text(text.replace(blank, value, 1), encoding="utf-8")


def started_record(target: Path) -> Path:
    """A record as a country starts it: `init --languages es,en`, `new-plan`,
    `new-commitment`, a few answers in Spanish only (so English pages fall back), a list,
    and one progress update."""
    from ogpctl.cli import main

    today = ("--today", "2027-11-23")
    assert main(["init", str(target), "--country", "Testland", "--iso-code", "XT",
                 "--languages", "es,en", "--lead-agency", "Ministerio de Prueba"]) == 0
    assert main(["new-plan", "-C", str(target), "--window", "june", "--due-year", "2027",
                 "--length", "4", *today]) == 0
    assert main(["new-commitment", "-C", str(target), "2027-2031",
                 "Datos abiertos de contratos", *today]) == 0
    path = target / "plans/2027-2031/commitments/01-datos-abiertos-de-contratos.yaml"
    fill(path, "brief-description:\n  en:\n  es:\n",
         "brief-description:\n  en:\n  es: Publicar los contratos (y sus cambios).\n")
    fill(path, "  what:\n    en:\n    es:\n", "  what:\n    en: Contracts are hidden.\n"
         "    es: |\n      Los contratos no son públicos.\n\n      - uno\n      - dos\n")
    fill(path, "values: []", "values: [transparency]")
    fill(path, "    title:\n      en:\n      es:\n",
         "    title:\n      en:\n      es: Portal en línea\n")
    fill(path, "    due:\n", "    due: 2028-06-30\n")
    assert main(["progress", "add", "-C", str(target), "2027-2031", "1.1",
                 "--status", "in-progress", "--note", "Borrador **listo**.",
                 "--date", "2027-11-01", "--lang", "es", *today]) == 0
    return target


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """(site folder, files) of `started_record`, without search."""
    base = tmp_path_factory.mktemp("started")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(base))
        for key, value in IDENTITY.items():
            patch.setenv(key, value)
        record = started_record(base / "record")
        files = build_site(load_record(record), date(2027, 11, 23), formats=("html",),
                           search=False)
    write_site(files, base / "out")
    return base / "out", files


def test_leak_check_sees_markup_and_python_values() -> None:
    for shown in ('&lt;div class="x"&gt;', "&amp;lt;b&amp;gt;", "&amp;amp;", "&lt;!-- note --&gt;",
                  "None", "True", "False", "{&#39;en&#39;: 1}", "[&#39;a&#39;]",
                  "{{ title }}", 'class="fields"'):
        page = f"<html><body><p>Text {shown} text</p></body></html>"
        assert site_browser.leaks(site_browser.visible_text(page)), shown
    unseen = ("<html><head><style>a{}</style><script>if (x < 1) {}</script></head><body>"
              "<!-- a comment --><p>Trueness &amp; <b>Nonesuch</b>, 1 &lt; 2 [1] {x} &lt;3</p>"
              "<template><p>None</p></template></body></html>")
    assert site_browser.leaks(site_browser.visible_text(unseen)) == []
    assert site_browser.leaks(site_browser.visible_text('<p title="None">x</p>'))
    assert site_browser.leaks(site_browser.visible_text('<a href="?a=1&amp;amp;b=2">x</a>'))
    assert site_browser.leaks(site_browser.visible_text('<a href="?a=1&amp;b=2">x</a>')) == []


def test_no_page_shows_markup_or_python_values(built, started) -> None:
    _, _, files = built
    assert site_browser.site_leaks(files) == {}
    _, files = started
    assert site_browser.site_leaks(files) == {}
    assert sum(1 for name in files if name.endswith(".html")) > 20


#: Markup made from something else than a literal: each a file of ogpctl's own, or an
#: update entry that the macro made in an earlier build (trusted as the stored pages are).
#: html.py's writer gathers literals and escaped values in a list and makes Markup once.
TRUSTED_MARKUP = {("ogpctl/render/html.py", "css"), ("ogpctl/render/html.py", "''.join(pieces)"),
                  ("ogpctl/site/updates.py", "kept")}


def test_markup_is_only_made_from_literals() -> None:
    """HTML is built one way (`ogpctl.render.html`): `Markup("literal") % values`, which
    escapes each value once. `Markup(x)` of anything else trusts text that was computed,
    such as `Markup(markup.replace(...))`, whose `replace` escaped the new tags."""
    import ast

    root = Path(__file__).resolve().parents[1]
    found = []
    for path in sorted((root / "ogpctl").rglob("*.py")):
        name = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Markup" \
                    and node.args and not (isinstance(node.args[0], ast.Constant)
                                           and isinstance(node.args[0].value, str)):
                if (name, ast.unparse(node.args[0])) not in TRUSTED_MARKUP:
                    found.append(f"{name}:{node.lineno}: {ast.unparse(node)}")
    templates = [p.relative_to(root).as_posix() for p in (root / "templates").rglob("*.j2")
                 if re.search(r"\|\s*safe\b|Markup", p.read_text(encoding="utf-8"))]
    assert found == [] and templates == []


def test_full_text_tables_are_elements_in_a_scrolling_box(started) -> None:
    _, files = started
    for lang in ("en", "es"):
        page = Page(files[f"{lang}/{NEW_COMMITMENT}"])
        boxes = [i for i, (tag, attrs) in enumerate(page.tags)
                 if tag == "div" and attrs.get("class") == "table-wrap" and "tabindex" in attrs]
        assert len(boxes) == 2 and all(page.tags[i + 1][0] == "table" for i in boxes), lang
        assert page.tags[boxes[0] + 1][1] == {"class": "fields"}


# -- search sections -----------------------------------------------------------------------

def misfiled_headings(page: bytes) -> list[str]:
    """Headings whose text Pagefind would file under another heading: Pagefind splits a
    page at headings with an id, so a heading without one is filed under the nearest
    earlier heading with an id, which must then be its parent (a lower level)."""
    found, last = [], None
    parser = Page(page)
    for tag, attrs in parser.tags:
        if re.fullmatch(r"h[1-6]", tag):
            level = int(tag[1])
            if attrs.get("id"):
                last = (level, attrs["id"])
            elif last and last[0] >= level:
                found.append(f"<{tag}> after #{last[1]}")
    return found


def test_every_section_has_its_own_search_anchor(built, started) -> None:
    for files in (built[2], started[1]):
        wrong = {name: found for name, data in pages(files).items()
                 if (found := misfiled_headings(data))}
        assert wrong == {}
        for name, data in pages(files).items():
            ids = [a["id"] for _, a in Page(data).tags if a.get("id")]
            assert len(ids) == len(set(ids)), name


def pagefind_fragment(files: dict[str, bytes], url: str) -> dict:
    import gzip

    for name, data in files.items():
        if name.startswith("pagefind/") and "/fragment/" in name:
            fragment = json.loads(gzip.decompress(data).removeprefix(b"pagefind_dcd"))
            if fragment["url"] == url:
                return fragment
    raise AssertionError(f"no Pagefind fragment for {url}")


def test_search_files_the_full_text_under_its_own_headings(built) -> None:
    _, _, files = built
    fragment = pagefind_fragment(files, f"/en/{COMMITMENT_2}")
    words = fragment["content"].split()
    headings = [a for a in fragment["anchors"] if a["element"].startswith("h")]

    def owner(word: str) -> str:   # of the word's last place on the page
        at = len(words) - 1 - words[::-1].index(word)
        return max((a for a in headings if a["location"] <= at),
                   key=lambda a: a["location"])["text"]

    assert owner("Country.") == "The commitment as written in the action plan"
    assert owner("088-2024,").startswith("1. What problem does the commitment aim")
    assert owner("Transparency,") == "Open government values"


# -- hostile record ------------------------------------------------------------------------

SCRIPT = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'


def hostile_record(target: Path) -> Path:
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    path = target / "plans/2026-2030/commitments/02-beneficial-ownership-open-data.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  en: Beneficial ownership open data and use in procurement",
                        "  en: " + json.dumps("Beneficial " + SCRIPT), 1)
    text = text.replace("\nevidence:\n", "\nevidence:\n  - evidence/02-beneficial-ownership-"
                        "open-data/evil.html\n"
                        "  - {title: \"x\", url: \"javascript:alert(3)\"}\n", 1)
    assert "evil.html" in text
    path.write_text(text, encoding="utf-8")
    evil = target / "plans/2026-2030/evidence/02-beneficial-ownership-open-data"
    (evil / "evil.html").write_text("<script>alert(4)</script>", encoding="utf-8")
    (evil / 'a"onmouseover=alert(5) #x?.csv').write_text("a,b\n", encoding="utf-8")
    meeting = target / "forum/meetings/2026-11-18-civil-society-results-session.md"
    meeting.write_text(meeting.read_text(encoding="utf-8") + "\n" + SCRIPT + "\n\n"
                       "[click](javascript:window.pwned=3) ![img](https://example.org/x.png) "
                       "<iframe src=https://example.org></iframe> {{ 7*7 }}\n", encoding="utf-8")
    ogp = target / "ogp.yaml"
    ogp.write_text(ogp.read_text(encoding="utf-8").replace(
        "  url: https://git.gobiernoabierto", "  url: javascript:alert(6)//https://git.", 1))
    return target


def test_hostile_record_stays_text(tmp_path: Path) -> None:
    # documents as HTML and Word (the PDF is laid out from the same HTML: test_pdf.py)
    files = build(hostile_record(tmp_path / "record"), search=False, formats=FORMATS)
    commitment = files[f"en/{COMMITMENT_2}"].decode()
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in commitment
    assert "evil.html" in commitment and not any(n.endswith("evil.html") for n in files)
    # a name outside the allow-list (F117) is listed as text, never published
    assert not any("onmouseover" in n for n in files)
    evidence = files["en/plans/2026-2030/evidence.html"].decode()
    assert "a&#34;onmouseover=alert(5) #x?.csv" in evidence or \
        "a&quot;onmouseover=alert(5) #x?.csv" in evidence
    for name, data in pages(files).items():
        page = Page(data)
        scripts = [a.get("src", "") for a in page.all("script")]
        assert all(s.endswith(("pagefind-ui.js", "search.js")) for s in scripts), name
        assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs), name
        assert not page.all("img") and not page.all("iframe"), name
        hrefs = [a.get("href", "") for a in page.all("a")]
        assert not any(h.lower().startswith(("javascript:", "data:")) for h in hrefs), name
        assert not any("/issues/new" in h for h in hrefs), name


# -- writing and the command ---------------------------------------------------------------

def test_write_refuses_hand_edits_and_removes_what_it_no_longer_builds(tmp_path: Path) -> None:
    record = shutil.copytree(SAMPLE, tmp_path / "record",
                             ignore=shutil.ignore_patterns(".ogpctl-cache"))
    out = tmp_path / "out"
    out.mkdir()
    (out / "CNAME").write_text("ogp.example\n")            # the host's file: never touched
    files = build(record, search=False, formats=("html",))
    write_site(files, out)
    assert write_site(files, out) == (0, 0)    # rebuilding is the workflow: nothing changed
    (out / "en/forum.html").write_text("edited by hand")
    with pytest.raises(RecordWriteError, match="was not written by ogpctl"):
        write_site(files, out)
    assert (out / "en/forum.html").read_text() == "edited by hand"
    write_site(files, out, force=True)
    (record / "plans/2026-2030/commitments/06-participatory-budgeting-puerto-alegre.yaml"
     ).unlink()
    smaller = build(record, search=False, formats=("html",))
    written, removed = write_site(smaller, out)
    assert removed > 0 and not (out / "en/plans/2026-2030/commitments").joinpath(
        "06-participatory-budgeting-puerto-alegre.html").exists()
    assert (out / "CNAME").read_text() == "ogp.example\n"


def test_cli_builds_the_site(capsys, tmp_path: Path) -> None:
    import shutil

    out, record = tmp_path / "out", tmp_path / "record"
    # the site's store is written inside the record (never the one `make demo` left)
    shutil.copytree(SAMPLE, record, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    code, stdout, err = run(capsys, "site", "-C", record, "--out", out, "--today",
                            "2026-11-23", "--no-search", "--formats", "html")
    assert code == 0, err
    assert "94 pages in 2 languages" in stdout and (out / "es/index.html").is_file()
    assert not (out / "pagefind").exists()
    code, _, err = run(capsys, "site", "-C", record, "--out", out, "--formats", "odt")
    assert code == 2 and "--formats" in err


def test_arabic_pages_run_right_to_left(tmp_path: Path) -> None:
    record = shutil.copytree(SAMPLE, tmp_path / "record",
                             ignore=shutil.ignore_patterns(".ogpctl-cache"))
    ogp = record / "ogp.yaml"
    ogp.write_text(ogp.read_text().replace("administrative: [es]", "administrative: [es, ar]"))
    files = build(record, search=False, formats=())
    page = Page(files["ar/index.html"])
    assert page.all("html")[0] == {"lang": "ar", "dir": "rtl"}
    assert "العربية" in " ".join(Page(files["en/index.html"]).text)
    assert "الشراكة من أجل الحكومة المنفتحة" in files["ar/index.html"].decode()
    forum = Page(files["ar/forum.html"])
    assert {"lang": "en", "dir": "ltr"} in forum.all("div"), "fallback without its direction"
    for name, data in pages(files).items():   # all text in another language: its direction
        if name.startswith("ar/"):
            foreign = [(tag, a) for tag, a in Page(data).tags[1:] if a.get("lang", "ar") != "ar"]
            assert all(a.get("dir") == "ltr" for _, a in foreign), (name, foreign)


def test_history_note_without_git(tmp_path: Path) -> None:
    record = shutil.copytree(SAMPLE, tmp_path / "record",
                             ignore=shutil.ignore_patterns(".ogpctl-cache"))
    files = build(record, search=False, formats=())
    assert "not in a git repository" in files["en/plans/2026-2030/evidence.html"].decode()


# -- in a browser --------------------------------------------------------------------------

browser = pytest.mark.skipif(site_browser.missing() is not None,
                             reason=site_browser.missing() or "")

@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory):
    """One headless Chromium for the module's browser tests (a fresh profile)."""
    with site_browser.chromium(tmp_path_factory.mktemp("profile")) as context:
        yield context


VISIT = ("index.html", "contacts.html", "forum.html", "participate.html", "meetings/index.html",
         "meetings/2026-11-18-civil-society-results-session.html", "plans/index.html",
         "plans/2026-2030/index.html", "plans/2026-2030/dashboard.html",
         "plans/2026-2030/evidence.html", COMMITMENT_1, "updates.html", "documents.html",
         "search.html")


@browser
def test_pages_load_without_console_errors(built, chromium) -> None:
    _, out, _ = built
    with site_browser.serve(out) as base:
        tab = site_browser.watch(chromium, base)
        for path in ["index.html", *(f"{lang}/{p}" for lang in ("en", "es") for p in VISIT)]:
            assert tab.open(path).status == 200, path
            assert tab.page.evaluate("getComputedStyle(document.body).margin") == "0px", path
            assert tab.page.evaluate("document.documentElement.scrollWidth <= innerWidth"), path
            assert site_browser.leaks(site_browser.shown_text(tab.page)) == [], path
        assert tab.errors == [] and tab.outside == []


@browser
def test_a_started_record_shows_no_markup(started, chromium) -> None:
    """The pages a country sees first, in the browser: what they show and read aloud
    (every page's text nodes are checked without a browser above)."""
    out, files = started
    tab = site_browser.watch(chromium, out.as_uri())
    shown = [name for name in files if name.endswith(".html") and (
        "/commitments/" in name or name.startswith("documents/")
        or name.endswith(("plans/2027-2031/index.html", "updates.html")))]
    assert len(shown) >= 8
    for path in shown:
        tab.open(path)
        assert site_browser.leaks(site_browser.shown_text(tab.page)) == [], path
    tab.open(f"en/{NEW_COMMITMENT}")
    full = tab.page.locator("#full-text ~ .table-wrap > table.fields")
    assert full.count() == 1 and "Testland" in full.inner_text()
    assert tab.errors == []


@browser
def test_search_finds_a_commitment_by_a_word_of_its_title(built, chromium) -> None:
    _, out, _ = built
    with site_browser.serve(out) as base:
        tab = site_browser.watch(chromium, base)
        for lang, word in (("en", "beneficial"), ("es", "beneficiarios")):
            tab.open(f"{lang}/search.html")
            tab.page.fill(".pagefind-ui__search-input", word)
            # Results come from several merged bundles: wait for the one expected, not
            # for whichever result is shown first.
            link = tab.page.locator(f'.pagefind-ui__result-link[href$="{COMMITMENT_2}"]')
            link.first.wait_for(timeout=15_000)
            hrefs = tab.page.locator(".pagefind-ui__result-link").evaluate_all(
                "links => links.map(a => a.href)")
            assert f"{base}/{lang}/{COMMITMENT_2}" in hrefs, hrefs
            link.first.click()
            tab.page.wait_for_url(f"{base}/{lang}/{COMMITMENT_2}")
        assert tab.errors == [] and tab.outside == []


@browser
def test_language_switch_keyboard_and_phone(built, chromium) -> None:
    _, out, _ = built
    with site_browser.serve(out) as base:
        tab = site_browser.watch(chromium, base)
        tab.open(f"en/{COMMITMENT_1}")
        tab.page.click('nav.languages a[hreflang="es"]')
        tab.page.wait_for_url(f"{base}/es/{COMMITMENT_1}")
        assert tab.page.evaluate("document.documentElement.lang") == "es"
        tab.page.keyboard.press("Tab")
        assert tab.page.evaluate("document.activeElement.className") == "skip"
        tab.page.keyboard.press("Enter")
        assert tab.page.evaluate("document.activeElement.id") == "main"
        tab.page.set_viewport_size({"width": 360, "height": 740})
        for path in ("es/index.html", f"es/{COMMITMENT_1}", "es/plans/2026-2030/dashboard.html"):
            tab.open(path)
            assert tab.page.evaluate("document.documentElement.scrollWidth") <= 360, path
        assert tab.errors == []


@browser
def test_opened_from_a_folder(built, chromium) -> None:
    _, out, _ = built
    tab = site_browser.watch(chromium, out.as_uri())
    tab.open("es/index.html")
    colour = tab.page.evaluate("getComputedStyle(document.querySelector('header')).color")
    assert colour == "rgb(255, 255, 255)"          # the stylesheet loaded
    tab.open("es/search.html")
    assert tab.page.is_visible("#search-file")
    assert tab.errors == []


@browser
def test_hostile_record_script_does_not_run(chromium, tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_site(build(hostile_record(tmp_path / "record"), formats=()), out)
    with site_browser.serve(out) as base:
        tab = site_browser.watch(chromium, base)
        for path in (f"en/{COMMITMENT_2}", "en/meetings/2026-11-18-civil-society-results-"
                     "session.html", "en/plans/2026-2030/evidence.html", "en/updates.html"):
            tab.open(path)
            tab.page.evaluate("""() => document.querySelectorAll('main *').forEach(e => {
                for (const kind of ['mouseover', 'focus', 'click'])
                    if (kind !== 'click' || e.tagName !== 'A') e.dispatchEvent(new Event(kind));
            })""")
            assert tab.page.evaluate("window.pwned") is None, path
        tab.open("en/search.html")
        tab.page.fill(".pagefind-ui__search-input", "beneficial")
        tab.page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15_000)
        assert tab.page.evaluate("window.pwned") is None
        assert tab.dialogs == [] and tab.errors == [] and tab.outside == []


def test_relative_links_are_those_of_posixpath() -> None:
    """`urls.relative` computes links without `posixpath.relpath` (which asks the OS for
    the working folder twice a link): the same href for every pair of site paths, odd
    segments included."""
    import itertools
    import posixpath

    from ogpctl.site import urls

    segments = ("en", "plans", "a b", ".", "..", "..x", "", "x.html")
    paths = ["/".join(p) for n in (1, 2, 3) for p in itertools.product(segments, repeat=n)]
    paths = [p for p in paths if p]
    for target, base in itertools.product(paths[::7], paths[::5]):
        assert urls._relpath(target, base) == posixpath.relpath(target, base), (target, base)
    assert urls.relative("en/plans/x/index.html", "en/updates.html#u-1") == \
        "../../updates.html#u-1"

"""`ogpctl site` rebuilds: after a change, only what reads the changed file is made and
written again, and the site is byte for byte the one a full build makes; the store of
earlier builds (`<record>/.ogpctl-cache/site.sqlite`) is never trusted when it came with
the record's history, and a broken or linked one only costs time."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from ogpctl.base.vcs import read_history
from ogpctl.record.load import load_record
from ogpctl.site import build, build_site, downloads, write_site
from tests.conftest import SAMPLE, TODAY
from tests.gitrecord import committed_sample, git

FORMATS = ("html", "md")
PLAN = "plans/2026-2030"
CHANGED = f"{PLAN}/commitments/02-beneficial-ownership-open-data.yaml"
OTHER_PAGE = "en/plans/2026-2030/commitments/01-public-works-open-contracting.html"
STORE = Path(".ogpctl-cache") / "site-2.sqlite"


@pytest.fixture
def record(tmp_path: Path) -> Path:
    return committed_sample(SAMPLE, tmp_path / "record")


def rebuild(root: Path) -> dict[str, bytes]:
    """A build as `ogpctl site` makes it: the record's own history, so with its store."""
    return build_site(load_record(root), TODAY, formats=FORMATS, search=False, reuse=True)


def full(root: Path) -> dict[str, bytes]:
    """A build from nothing: a history given by the caller means no store."""
    return build_site(load_record(root), TODAY, read_history(root), formats=FORMATS,
                      search=False)


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """How many commitment pages, plan pages and document files this build made."""
    counts: Counter = Counter()

    def counting(name: str, module: object, attribute: str) -> None:
        original = getattr(module, attribute)

        def wrapper(*args: object, **kwargs: object) -> object:
            counts[name] += 1
            return original(*args, **kwargs)
        monkeypatch.setattr(module, attribute, wrapper)

    counting("commitment page", build, "commitment_page")
    counting("plan page", build, "plan_page")
    counting("front door", build, "_root")
    counting("forum page", build, "forum")
    counting("documents page", build, "documents_page")
    counting("document file", downloads, "write")
    return counts


def test_one_commitment_changed(record: Path, tmp_path: Path, made: Counter) -> None:
    out = tmp_path / "site"
    first = rebuild(record)
    write_site(first, out)
    languages = len(load_record(record).languages.required)
    before = {name: os.stat(out / name).st_ino for name in first}
    made.clear()

    edit(record, CHANGED, "en: Beneficial ownership open data and use in procurement",
         "en: Beneficial <ownership> & open data in procurement")
    again = rebuild(record)
    assert made["commitment page"] == languages      # this commitment, in each language
    assert made["plan page"] == languages            # its plan lists its title
    assert made["front door"] == 0                    # it names the country only
    assert made["forum page"] == made["documents page"] == 0   # no commitment title there
    assert again == full(record)
    written, removed = write_site(again, out)
    rewritten = {n for n in again if os.stat(out / n).st_ino != before.get(n)}
    changed = {n for n in again if first.get(n) != again[n]}
    assert rewritten == changed and written == len(changed) and removed == 0
    assert f"en/{CHANGED.removesuffix('.yaml')}.html" in changed
    assert OTHER_PAGE not in changed
    assert len(changed) < len(again) / 4
    page = (out / f"en/{CHANGED.removesuffix('.yaml')}.html").read_text(encoding="utf-8")
    assert "Beneficial &lt;ownership&gt; &amp; open data" in page


def test_nothing_changed_makes_nothing(record: Path, made: Counter) -> None:
    first = rebuild(record)
    made.clear()
    # a comment changes no value that any page or document shows
    edit(record, CHANGED, "kind: regular", "kind: regular  # still regular")
    again = rebuild(record)
    assert made == Counter()
    assert again == first


@pytest.mark.parametrize(("name", "old", "new"), [
    ("ogp.yaml", "en: ", "en: Renamed "),
    (f"{PLAN}/plan.yaml", "en: ", "en: Renamed "),
    (f"{PLAN}/commitments/01-public-works-open-contracting.yaml", "due: 2027-",
     "due: 2028-"),
    ("stakeholders.yaml", "en: ", "en: Renamed "),
    ("forum/meetings/2026-06-17-action-plan-validation.md", "\n\n", "\n\nA new line.\n\n"),
    (f"{PLAN}/sections/introduction.en.md", "\n\n", "\n\nA new paragraph.\n\n"),
])
def test_any_change_rebuilds_as_a_full_build(record: Path, name: str, old: str,
                                             new: str) -> None:
    """Every kind of file the graph tells apart: the record's, a plan's own, a
    commitment, the stakeholders, a meeting, a section."""
    rebuild(record)
    edit(record, name, old, new)
    assert rebuild(record) == full(record)


def test_a_rebuild_computes_the_calendar_of_a_changed_plan_only(
        record: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stage line of every plan on the home page and the plans index says how many
    obligations it has failed: kept with the plan's pages, not computed again for each
    plan in each language at every build."""
    from ogpctl.site import view

    rebuild(record)
    computed: Counter = Counter()
    calendar = view.plan_calendar

    def counting(record: object, plan: object, *args: object) -> object:
        computed[plan.id] += 1   # type: ignore[attr-defined]
        return calendar(record, plan, *args)   # type: ignore[arg-type]

    monkeypatch.setattr(view, "plan_calendar", counting)
    edit(record, CHANGED, "en: Beneficial ownership open data and use in procurement",
         "en: Beneficial ownership data")
    rebuild(record)
    assert set(computed) == {PLAN.removeprefix("plans/")}


def test_a_plan_failing_one_more_obligation_says_so_everywhere(record: Path) -> None:
    first = rebuild(record)
    assert "2 obligations overdue or missed" in first["en/index.html"].decode()
    edit(record, CHANGED, "due: 2026-12-31", "due: 2026-10-15")   # a milestone now late
    again = rebuild(record)
    assert again == full(record)
    for page in ("en/index.html", "en/plans/index.html", "en/plans/2026-2030/index.html"):
        assert "3 obligations overdue or missed" in again[page].decode(), page


def test_a_renamed_record_without_a_country(record: Path) -> None:
    """Without a country in ogp.yaml the site names it after the record's folder: a
    folder renamed (its store goes with it) is a change too."""
    edit(record, "ogp.yaml", "country:", "former-country:")
    rebuild(record)
    renamed = record.rename(record.with_name("republic-of-elsewhere"))
    again = rebuild(renamed)
    assert again == full(renamed)
    assert b"republic-of-elsewhere" in again["en/index.html"]


def test_new_evidence_and_commit(record: Path) -> None:
    """The evidence index (its files and their last change in git) is read too."""
    rebuild(record)
    folder = record / PLAN / "evidence" / "02-beneficial-ownership-open-data"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "new-report.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert rebuild(record) == full(record)
    git(record, "add", "-A")
    git(record, "commit", "-q", "-m", "New report", date="2026-11-20T10:00:00+00:00")
    assert rebuild(record) == full(record)


def test_a_store_from_the_history_is_not_used(record: Path) -> None:
    """A pull request can commit .ogpctl-cache/site.sqlite with entries under the keys
    this build would look up: such a store is never read."""
    rebuild(record)
    with sqlite3.connect(record / STORE) as db:
        db.execute("UPDATE outputs SET data=?", (b"<script>alert(1)</script>",))
    db.close()
    git(record, "add", "-f", str(STORE))
    git(record, "commit", "-q", "-m", "A cache", date="2026-11-20T10:00:00+00:00")
    files = rebuild(record)
    assert not any(b"alert(1)" in data for data in files.values())
    assert files == full(record)


def test_a_broken_store_costs_only_time(record: Path) -> None:
    expected = full(record)
    (record / STORE).parent.mkdir(exist_ok=True)
    (record / STORE).write_bytes(b"not a database")
    assert rebuild(record) == expected
    (record / STORE).unlink()
    rebuild(record)
    with sqlite3.connect(record / STORE) as db:   # torn entries: files cut short
        db.execute("UPDATE outputs SET data=substr(data, 1, 10) WHERE length(data) > 10")
    db.close()
    assert rebuild(record) == expected


def test_a_linked_store_is_not_followed(record: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.sqlite"
    outside.write_bytes(b"")
    (record / STORE).parent.mkdir(exist_ok=True)
    (record / STORE).symlink_to(outside)
    assert rebuild(record) == full(record)
    assert outside.read_bytes() == b""


def test_a_store_of_an_earlier_layout_is_removed(record: Path, tmp_path: Path) -> None:
    """`site-1.sqlite` (the build marks in the rows) is dropped, not left to take space;
    a link by that name is not followed nor removed."""
    former = record / ".ogpctl-cache" / "site-1.sqlite"
    former.parent.mkdir()
    former.write_bytes(b"an old store")
    rebuild(record)
    assert not former.exists() and (record / STORE).is_file()
    outside = tmp_path / "elsewhere.sqlite"
    outside.write_bytes(b"kept")
    former.symlink_to(outside)
    rebuild(record)
    assert former.is_symlink() and outside.read_bytes() == b"kept"


def test_a_python_caller_gets_no_store_in_the_record(record: Path) -> None:
    """`build_site` is a function that returns bytes: only `ogpctl site` (reuse=True) keeps
    a store, so a library caller or a test never writes into the record it reads."""
    build_site(load_record(record), TODAY, formats=(), search=False)
    assert not list(record.glob(".ogpctl-cache/site-*"))
    build_site(load_record(record), TODAY, formats=(), search=False, reuse=True)
    assert list(record.glob(".ogpctl-cache/site-*"))


TYPST_LOADED = """import sys
from datetime import date
from pathlib import Path
from ogpctl.cli import main
if sys.argv[1] != "site":
    sys.exit(main(sys.argv[1:]))
# as `ogpctl site` does, in one process (its documents may be made in a forked one)
from ogpctl.cli.site import default_formats
from ogpctl.record.load import load_record
from ogpctl.site import build_site, write_site
files = build_site(load_record(Path(sys.argv[2])), date(2026, 11, 23),
                   formats=default_formats(), search=False, reuse=True)
write_site(files, Path(sys.argv[3]))
print("typst loaded" if "typst" in sys.modules else "typst not loaded")
"""


def test_pdfs_from_the_store_do_not_load_typst(tmp_path: Path) -> None:
    """`ogpctl site` imports Typst only to lay a PDF out, so a build into an empty folder
    whose PDFs all come from the store lays none out, and gives the same files."""
    pytest.importorskip("typst")
    from ogpctl.render.pdf import pdf_missing

    if pdf_missing():
        pytest.skip("PDF cannot be written here")
    root, script = tmp_path / "record", tmp_path / "site.py"
    script.write_text(TYPST_LOADED, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}

    def ogpctl(*args: str) -> str:
        done = subprocess.run([sys.executable, str(script), *args], capture_output=True,
                              text=True, env=env, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()[-1] if done.stdout else "(no output)"

    ogpctl("init", str(root), "--country", "Testland", "--iso-code", "XT", "--languages",
           "es,en", "--lead-agency", "Agency")
    ogpctl("new-plan", "-C", str(root), "--window", "june", "--due-year", "2027",
           "--length", "4")
    assert ogpctl("site", str(root), str(tmp_path / "first")) == "typst loaded"
    assert ogpctl("site", str(root), str(tmp_path / "again")) == "typst not loaded"
    first, again = (sorted(p.relative_to(tmp_path / name).as_posix()
                           for p in (tmp_path / name).rglob("*.pdf"))
                    for name in ("first", "again"))
    assert first and first == again
    assert all((tmp_path / "first" / name).read_bytes() == (tmp_path / "again" / name)
               .read_bytes() for name in first)


def test_a_site_is_written_without_an_fsync_a_file(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """An fsync after each of a large site's thousands of files was most of the time of a
    build into an empty folder: the site's files are not flushed one by one (rebuilt from
    the record, not the record itself), while other outputs still are."""
    from ogpctl.base.outputs import OutputFolder

    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    files = {"en/index.html": b"<p>home</p>", "en/plans/index.html": b"<p>plans</p>"}
    write_site(files, tmp_path / "site")
    assert synced == [] and (tmp_path / "site/en/plans/index.html").read_bytes() == \
        b"<p>plans</p>"
    OutputFolder(tmp_path / "documents").write(files)
    assert len(synced) == len(files) + 1          # each file and the manifest


def test_documents_made_in_a_second_process(record: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """`ogpctl site` makes the documents in a forked process while it makes the pages:
    the same files, and its store entries kept (a second build makes no document); a
    child that dies without a word costs only time."""
    def forked() -> dict[str, bytes]:
        return build_site(load_record(record), TODAY, formats=FORMATS, search=False,
                          reuse=True, fork=True)

    expected = full(record)
    assert forked() == expected

    def refuse(*args: object) -> bytes:
        raise AssertionError("a document written again")   # raised in the parent too

    with monkeypatch.context() as patch:
        patch.setattr(downloads, "write", refuse)
        assert forked() == expected

    def silent(send: object, *args: object) -> None:
        send.close()    # type: ignore[attr-defined]

    monkeypatch.setattr(downloads, "_made_in_child", silent)
    edit(record, CHANGED, "en: Beneficial ownership open data and use in procurement",
         "en: Beneficial ownership data")
    assert forked() == full(record)


def test_a_record_named_by_a_relative_path(capsys, tmp_path: Path, monkeypatch) -> None:
    """`ogpctl site -C sample-country` (relative, as the README and `make demo` write it)
    crashed in the process that makes the documents: a relative path has no file URI."""
    import shutil

    from tests.conftest import SAMPLE, run

    shutil.copytree(SAMPLE, tmp_path / "record", ignore=shutil.ignore_patterns(".ogpctl-cache"))
    monkeypatch.chdir(tmp_path)
    for _ in range(2):      # the second build reads the store the first one made
        code, out, err = run(capsys, "site", "-C", "record", "--out", "site", "--today",
                             "2026-12-02", "--formats", "html", "--no-search")
        assert code == 0, err
    assert (tmp_path / "site/index.html").exists()


@pytest.mark.parametrize("early", [False, True])
def test_the_last_language_made_in_the_second_process(record: Path, early: bool,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """With `fork`, the second process makes the last language's pages before the
    documents (the first languages' pages are made here meanwhile, and Pagefind starts on
    each as soon as it is there): the same site as one process makes, and the last
    language is not made here too, however early its pages come (`early`: taken after
    the first language)."""
    made_here: list[str] = []
    if early:
        taking = downloads.Documents.take_pages
        monkeypatch.setattr(downloads.Documents, "take_pages",
                            lambda self, wait: taking(self, True))
    original = build._language

    def counting(view: build.View, *args: object) -> dict[str, bytes]:
        if os.getpid() == parent:
            made_here.append(view.code)
        return original(view, *args)   # type: ignore[arg-type]

    parent = os.getpid()
    monkeypatch.setattr(build, "_language", counting)
    languages = load_record(record).languages.required
    assert len(languages) > 1
    forked = build_site(load_record(record), TODAY, formats=FORMATS, search=False,
                        reuse=True, fork=True)
    assert made_here == list(languages[:-1])
    assert forked == full(record)


def test_ogpctl_site_parses_again_only_the_changed_file(record: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """`ogpctl site` keeps each file's parse in its store: a rebuild reads every file's
    bytes and parses only those that changed (a parse kept for other bytes is not used),
    and makes the site of a full build."""
    from ogpctl.cli import main
    from ogpctl.record import load

    parsed: list[bytes] = []
    read_bytes = load.read_bytes

    def counting(raw: bytes, *args: object) -> object:
        parsed.append(raw)
        return read_bytes(raw, *args)   # type: ignore[arg-type]

    monkeypatch.setattr(load, "read_bytes", counting)
    out = tmp_path / "site"
    command = ["site", "-C", str(record), "--out", str(out), "--today", TODAY.isoformat(),
               "--formats", ",".join(FORMATS), "--no-search"]
    assert main(command) == 0
    assert len(parsed) > 20
    parsed.clear()
    edit(record, CHANGED, "en: Beneficial ownership open data and use in procurement",
         "en: Beneficial ownership registers")
    assert main(command) == 0
    assert len(parsed) == 1 and b"en: Beneficial ownership registers" in parsed[0]
    built = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*")
             if p.is_file() and p.name != ".ogpctl-outputs.json"}
    assert built == full(record)
    page = built[f"en/{CHANGED.removesuffix('.yaml')}.html"].decode()
    assert "Beneficial ownership registers" in page


def test_parses_kept_by_another_ogpctl_are_not_used(record: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A parse depends on ogpctl's code and schemas, Python and the YAML library: the
    store's parses are used only by the ogpctl that kept them (`site.inputs.code_digest`),
    another's are dropped and every file is parsed again."""
    from ogpctl.cli import main
    from ogpctl.record import load

    out = tmp_path / "site"
    command = ["site", "-C", str(record), "--out", str(out), "--today", TODAY.isoformat(),
               "--formats", "html", "--no-search"]
    assert main(command) == 0
    with sqlite3.connect(record / STORE) as db:
        assert db.execute("SELECT count(*) FROM parsed").fetchone()[0] > 20
        db.execute("UPDATE meta SET value='another ogpctl' WHERE key='parsed'")
    parsed: list[bytes] = []
    read_bytes = load.read_bytes

    def counting(raw: bytes, *args: object) -> object:
        parsed.append(raw)
        return read_bytes(raw, *args)   # type: ignore[arg-type]

    monkeypatch.setattr(load, "read_bytes", counting)
    assert main(command) == 0
    assert len(parsed) > 20
    parsed.clear()
    assert main(command) == 0
    assert parsed == []


def test_the_second_process_pages_are_taken_as_soon_as_they_are_made(
        record: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The forked process sends its language's pages, then makes the documents: a pipe
    holds little, so it waits until they are taken. They are looked for after each page
    made here, not only between languages, so it starts on the documents at once."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one processor: no second process")
    made_here: list[str] = []
    took: list[int] = []
    page, take = build._page, downloads.Documents.take_pages

    def counting_page(*args: object, **kwargs: object) -> object:
        made_here.append(str(args[2] if len(args) > 2 else kwargs["path"]))
        return page(*args, **kwargs)   # type: ignore[arg-type]

    def taking(self: downloads.Documents, wait: bool) -> object:
        took.append(len(made_here))
        return take(self, wait)

    monkeypatch.setattr(build, "_page", counting_page)
    monkeypatch.setattr(downloads.Documents, "take_pages", taking)
    files = build_site(load_record(record), TODAY, formats=FORMATS, search=False,
                       reuse=True, fork=True)
    assert files == full(record)
    languages = load_record(record).languages.required
    assert len(languages) == 2
    assert len(took) > len(languages) and took[0] <= 1   # after the first page made here

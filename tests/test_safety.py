"""What docs/security.md promises: no command writes or removes a file outside its target
or through a symbolic link, the output manifest is not trusted, and commands that edit a
record run one at a time (real processes) so no update is lost."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ogpctl.base.confined import open_folder, parts_of, write_scratch
from ogpctl.base.errors import RecordWriteError
from tests.conftest import ROOT, run

TODAY = "2026-01-10"
PLAN = "2027-2031"
COMMITMENT = "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"


@pytest.fixture
def record(capsys, tmp_path: Path) -> Path:
    """A small record as a user makes one: init, new-plan, new-commitment."""
    root = tmp_path / "rec"
    assert run(capsys, "init", root, "--country", "Xland", "--iso-code", "XT", "--languages",
               "es,en", "--lead-agency", "Ministry")[0] == 0
    assert run(capsys, "new-plan", "-C", root, "--window", "june", "--due-year", "2027",
               "--length", "4", "--today", TODAY)[0] == 0
    assert run(capsys, "new-commitment", "-C", root, PLAN, "Open data",
               "--today", TODAY)[0] == 0
    return root


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder no command is ever asked to write in."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "precious.txt").write_text("precious\n")
    return folder


def untouched(folder: Path) -> bool:
    return sorted(p.name for p in folder.iterdir()) == ["precious.txt"] and \
        (folder / "precious.txt").read_text() == "precious\n"


def refused(result: tuple[int, str, str], words: str = "symbolic link") -> bool:
    code, _, err = result
    return code == 2 and words in err and len(err.strip().splitlines()) == 1


# --- writes outside the target ---------------------------------------------------------

@pytest.mark.parametrize("force", [(), ("--force",)])
def test_site_never_writes_through_a_folder_link(capsys, record: Path, elsewhere: Path,
                                                  force: tuple[str, ...]) -> None:
    site = record / "docs"
    assert run(capsys, "site", "-C", record, "-o", site, "--no-search", "--today", TODAY)[0] == 0
    for child in sorted((site / "es").rglob("*"), reverse=True):
        child.rmdir() if child.is_dir() else child.unlink()
    (site / "es").rmdir()
    (site / "es").symlink_to(elsewhere, target_is_directory=True)
    assert refused(run(capsys, "site", "-C", record, "-o", site, "--no-search",
                       "--today", TODAY, *force))
    assert untouched(elsewhere)


def test_a_tampered_manifest_removes_nothing_outside(capsys, record: Path,
                                                    elsewhere: Path) -> None:
    site = record / "docs"
    assert run(capsys, "site", "-C", record, "-o", site, "--no-search", "--today", TODAY)[0] == 0
    manifest = site / ".ogpctl-outputs.json"
    claims = json.loads(manifest.read_text())
    claims["zz/v/precious.txt"] = hashlib.sha256(b"precious\n").hexdigest()
    claims.update({"../elsewhere/precious.txt": "0", str(elsewhere / "precious.txt"): "0",
                   "es/\u0000": "0", "es//x": "0", "es/./x": "0"})
    manifest.write_text(json.dumps(claims))
    (site / "zz").mkdir()
    (site / "zz" / "v").symlink_to(elsewhere, target_is_directory=True)
    code, _, err = run(capsys, "site", "-C", record, "-o", site, "--no-search", "--today", TODAY)
    assert code == 0, err
    assert untouched(elsewhere)
    assert not any(n.startswith(("zz", "..", "/")) or "\0" in n or "//" in n or "/./" in n
                   for n in json.loads(manifest.read_text()))


def test_render_output_links_are_refused(capsys, record: Path, elsewhere: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(record.parent)
    (record.parent / "out").symlink_to(elsewhere, target_is_directory=True)
    args = ("render", "action-plan", "--plan", PLAN, "--lang", "es", "-C", record)
    assert refused(run(capsys, *args, "-o", "out"))                   # the way down
    assert refused(run(capsys, *args, "-o", "out/deeper"))
    real = record.parent / "real"
    real.mkdir()
    (real / f"{PLAN}-action-plan.es.html").symlink_to(elsewhere / "precious.txt")
    assert refused(run(capsys, *args, "-o", real, "--force"))          # the file itself
    assert untouched(elsewhere)
    assert run(capsys, *args, "-o", elsewhere / "docs")[0] == 0        # named outside: fine


def test_index_and_exports_refuse_a_folder_link_inside_the_record(
        capsys, record: Path, elsewhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(record)
    Path("docs").symlink_to(elsewhere, target_is_directory=True)
    assert refused(run(capsys, "index", "-o", "docs/index.json"))
    assert refused(run(capsys, "translate", "export", "--lang", "en", "-o", "docs/en.po",
                       "--today", TODAY))
    assert refused(run(capsys, "progress", "export", "-o", "docs/progress.csv"))
    assert untouched(elsewhere)


def test_scaffolds_refuse_links(capsys, record: Path, elsewhere: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(record.parent)
    Path("linked").symlink_to(elsewhere, target_is_directory=True)
    assert refused(run(capsys, "init", "linked/new", "--country", "Y", "--languages", "fr"))
    commitments = record / "plans" / PLAN / "commitments"
    for child in commitments.iterdir():
        child.unlink()
    commitments.rmdir()
    commitments.symlink_to(elsewhere, target_is_directory=True)
    assert refused(run(capsys, "new-commitment", "-C", record, PLAN, "Second",
                       "--today", TODAY))
    (record / "plans" / "2031-2035").symlink_to(elsewhere, target_is_directory=True)
    assert refused(run(capsys, "new-plan", "-C", record, "--window", "june", "--due-year",
                       "2031", "--length", "4", "--today", TODAY))
    assert untouched(elsewhere)


def test_imports_refuse_links(capsys, sample: Path, elsewhere: Path, tmp_path: Path) -> None:
    contributions = sample / "plans/2026-2030/contributions.yaml"
    contributions.rename(elsewhere / "contributions.yaml")
    contributions.symlink_to(elsewhere / "contributions.yaml")
    kept = (elsewhere / "contributions.yaml").read_bytes()
    survey = tmp_path / "survey.csv"
    survey.write_text("summary,from\nMore open data,Citizen\n")
    assert refused(run(capsys, "import", "contributions", survey, "--plan", "2026-2030",
                       "--map", "summary=summary,from=from", "-C", sample))
    sheet = tmp_path / "progress.csv"
    assert run(capsys, "progress", "export", "-o", sheet, "-C", sample)[0] == 0
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r[:2] == ["2026-2030", "1.2"])
    for column, value in (("new status", "completed"), ("note", "Done"),
                          ("new date", "2026-11-30")):
        row[rows[0].index(column)] = value
    with sheet.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    path = sample / COMMITMENT
    path.rename(elsewhere / "commitment.yaml")
    path.symlink_to(elsewhere / "commitment.yaml")
    before = (elsewhere / "commitment.yaml").read_bytes()
    for args in (("import", sheet), ("2026-2030", "1.2", "--status", "completed", "--note",
                                      "x", "--date", "2026-11-30")):
        code, _, err = run(capsys, "progress", *args, "-C", sample)
        assert code == 2 and "Traceback" not in err, args   # the loader skips the link
    assert (elsewhere / "commitment.yaml").read_bytes() == before
    assert (elsewhere / "contributions.yaml").read_bytes() == kept
    assert (elsewhere / "precious.txt").read_text() == "precious\n"


def test_translate_import_refuses_a_link_to_its_state(capsys, record: Path, elsewhere: Path,
                                                     tmp_path: Path) -> None:
    (record / ".ogpctl").mkdir()
    (record / ".ogpctl" / "translations").symlink_to(elsewhere, target_is_directory=True)
    po = tmp_path / "en.po"
    assert run(capsys, "translate", "export", "--lang", "en", "-o", po, "-C", record,
               "--today", TODAY)[0] == 0
    po.write_text(po.read_text().replace('msgid "Xland"\nmsgstr ""', 'msgid "Xland"\n'
                                         'msgstr "Xland"'))
    assert refused(run(capsys, "translate", "import", po, "-C", record))
    assert untouched(elsewhere)


def test_a_changed_file_is_not_replaced(sample: Path) -> None:
    from ogpctl.edit.files import replace_file

    path = sample / COMMITMENT
    read = path.read_bytes()
    path.write_bytes(read + b"# saved by an editor meanwhile\n")
    with pytest.raises(RecordWriteError, match="changed while ogpctl was working"):
        replace_file(path, b"new: text\n", sample, expected=read)
    assert path.read_bytes().endswith(b"# saved by an editor meanwhile\n")
    assert sorted(p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")) == []


def test_the_cache_is_not_written_through_a_link(capsys, record: Path, elsewhere: Path) -> None:
    shutil.rmtree(record / ".ogpctl-cache")   # made by the editing commands' lock
    (record / ".ogpctl-cache").symlink_to(elsewhere, target_is_directory=True)
    assert run(capsys, "check", record, "--today", TODAY)[0] in (0, 1)
    assert untouched(elsewhere)


@pytest.mark.parametrize("name", ["", "/etc/x", "a/../b", "..", "a//b", "./a", "a/.",
                                  "a\0b"])
def test_names_that_are_not_plain_are_refused(name: str) -> None:
    with pytest.raises(RecordWriteError):
        parts_of(name)


def test_open_folder_refuses_each_kind_of_link(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "a" / "file").write_text("x")
    for parts, words in ((("a", "dangling"), "symbolic link"), (("a", "file"), "not a folder")):
        with pytest.raises(RecordWriteError, match=words):
            with open_folder(tmp_path, parts, create=True):
                pass
    assert not (tmp_path / "nowhere").exists()


def test_scratch_files_stay_in_their_folder(tmp_path: Path, elsewhere: Path) -> None:
    """`diff` writes files named by a git tree, which a crafted commit can fill with `..`."""
    scratch = tmp_path / "scratch"
    (tmp_path / "scratch-link").symlink_to(elsewhere, target_is_directory=True)
    for name in ("../elsewhere/x", "../scratch-link/x", "/x"):
        with pytest.raises(RecordWriteError):
            write_scratch(scratch / name, b"x", inside=scratch)
    write_scratch(scratch / "plans" / "p.yaml", b"x", inside=scratch)
    assert (scratch / "plans" / "p.yaml").read_bytes() == b"x" and untouched(elsewhere)


# --- lost data -------------------------------------------------------------------------

def ogpctl(*args: object, **kwargs) -> subprocess.Popen:
    """ogpctl in a process of its own, as two people (or two CI jobs) would run it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "ogpctl", *map(str, args)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def update(sample: Path, milestone: str, note: str) -> tuple[str, ...]:
    return ("progress", "add", "2026-2030", milestone, "--status", "in-progress", "--note", note,
            "--date", "2026-11-30", "-C", sample)


def test_concurrent_updates_are_never_lost(sample: Path) -> None:
    for round_ in range(6):
        first = ogpctl(*update(sample, "1.2", f"round {round_} a"))
        second = ogpctl(*update(sample, "1.3", f"round {round_} b"))
        for process in (first, second):
            _, err = process.communicate(timeout=120)
            assert process.returncode == 0, err.decode()
        text = (sample / COMMITMENT).read_text(encoding="utf-8")
        assert f"round {round_} a" in text and f"round {round_} b" in text, round_


def test_an_editing_command_waits_and_then_reads_the_new_record(capsys, sample: Path,
                                                                 tmp_path: Path) -> None:
    from ogpctl.base.lock import record_lock

    with record_lock(sample):
        waiting = ogpctl(*update(sample, "1.3", "second"))
        assert "waiting for another ogpctl" in _first_line(waiting)
        code, _, err = run(capsys, *update(sample, "1.2", "first"))   # this process: re-entered
        assert code == 0, err
    _, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err.decode()
    text = (sample / COMMITMENT).read_text(encoding="utf-8")
    assert "es: first" in text and "es: second" in text


def _first_line(process: subprocess.Popen) -> str:
    assert process.stderr is not None
    return process.stderr.readline().decode()


def test_an_editing_command_gives_up_with_one_line(capsys, sample: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from ogpctl.base.lock import record_lock\n"
         "with record_lock(__import__('pathlib').Path(sys.argv[1])):\n"
         "    print('held', flush=True); time.sleep(60)", str(sample)],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        monkeypatch.setattr("ogpctl.base.lock.WAIT_SECONDS", 0.3)
        before = (sample / COMMITMENT).read_bytes()
        started = time.monotonic()
        code, _, err = run(capsys, *update(sample, "1.2", "late"))
        assert code == 2 and "gave up" in err and "waiting" in err, err
        assert err.count("\n") == 2 and "Traceback" not in err
        assert time.monotonic() - started < 30
        assert (sample / COMMITMENT).read_bytes() == before
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("link", [".ogpctl-cache/lock", ".ogpctl-cache"])
def test_the_lock_is_never_opened_through_a_link(capsys, sample: Path, elsewhere: Path,
                                                 link: str) -> None:
    (sample / ".ogpctl-cache").mkdir(exist_ok=True)
    target = elsewhere / "precious.txt" if link.endswith("lock") else elsewhere
    if link.endswith("lock"):
        (sample / link).symlink_to(target)
    else:
        (sample / link).rmdir()
        (sample / link).symlink_to(target, target_is_directory=True)
    assert refused(run(capsys, *update(sample, "1.2", "x")))
    assert untouched(elsewhere)


@pytest.mark.parametrize("ignored", [True, False], ids=["init-gitignore", "no-gitignore"])
def test_the_lock_file_is_not_committed(capsys, record: Path, ignored: bool) -> None:
    """Not even from a record made by hand or cloned, with no .gitignore of ogpctl's."""
    git = ["git", "-C", str(record), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    if not ignored:
        (record / ".gitignore").unlink()
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "record"], check=True)
    assert run(capsys, "new-commitment", "-C", record, PLAN, "Second", "--today", TODAY)[0] == 0
    status = subprocess.run([*git, "status", "--porcelain", "--untracked-files=all"],
                            check=True, capture_output=True, text=True).stdout
    assert "lock" not in status, status
    assert not (record / ".ogpctl.lock").exists()


def test_every_test_docs_security_names_exists() -> None:
    """docs/security.md names the test behind each promise; renaming one breaks this."""
    import re

    named = set(re.findall(r"`(test_\w+)`", (ROOT / "docs/security.md").read_text()))
    defined = set(re.findall(r"^def (test_\w+)", "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py")), re.M))
    assert len(named) > 15 and named <= defined, sorted(named - defined)

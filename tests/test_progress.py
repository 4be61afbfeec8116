"""`ogpctl progress`: an update appended in place (every other byte kept), bad values refused
before writing, and the spreadsheet round trip."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.conftest import run

FILE = "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"
EVIDENCE = "evidence/01-public-works-open-contracting/pilot-entities.csv"


def comment_heavily(path: Path) -> str:
    """Comments, odd quoting and blank lines everywhere: what the edit must not touch."""
    lines = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        lines.append(line + ("   # reviewed" if number % 7 == 3 and "#" not in line
                             and not line.rstrip().endswith((">-", "|")) else ""))
        if number % 11 == 5:
            lines.append("")
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    return text


def _sheet(tmp_path: Path, rows: list[list[str]]) -> Path:
    """The rows as the progress spreadsheet a user saves back (CSV)."""
    sheet = tmp_path / "progress.csv"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    sheet.write_text(buffer.getvalue(), encoding="utf-8")
    return sheet


def test_update_keeps_every_other_byte(capsys, sample: Path) -> None:
    path = sample / FILE
    before = comment_heavily(path)
    code, out, err = run(capsys, "progress", "add", "2026-2030", "1.2", "--status", "completed",
                         "--note", "Pilot finished: 1,204 contracts with payments",
                         "--evidence", EVIDENCE, "--next-steps", "Scale to all entities",
                         "--date", "2026-11-30", "-C", sample, "--lang", "es",
                         "--today", "2026-12-02")
    assert code == 0, err
    after = path.read_text(encoding="utf-8")
    removed = [line for line in before.splitlines() if line not in after.splitlines()]
    assert removed == ["    status: in-progress"] or \
        [line.split("#")[0].rstrip() for line in removed] == ["    status: in-progress"]
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert "      - date: 2026-11-30" in added
    assert '          es: "Pilot finished: 1,204 contracts with payments"' in added
    assert run(capsys, "check", sample, "--today", "2026-12-02")[0] == 0


def test_bad_values_are_refused_before_writing(capsys, sample: Path) -> None:
    path = sample / FILE
    before = path.read_bytes()
    base = ("progress", "add", "2026-2030", "1.2", "-C", sample, "--note", "x")
    for args, message in (((*base, "--status", "done"), "--status"),
                          ((*base, "--status", "completed", "--evidence", "../../ogp.yaml"),
                           "--evidence"),
                          ((*base, "--status", "completed", "--evidence", "javascript:x"),
                           "--evidence"),
                          ((*base, "--status", "completed", "--date", "2026-01-01"),
                           "never sorted into place"),
                          (("progress", "add", "2026-2030", "9.9", "-C", sample, "--note", "x",
                            "--status", "completed"), "no commitment 9"),
                          (("progress", "add", "2026-2030", "1", "-C", sample, "--note", "x",
                            "--status", "completed"), "milestones: name one"),
                          (("progress", "add", "2026-2030", "1.2", "-C", sample, "--status",
                            "completed"), "--note")):
        code, _, err = run(capsys, *args)
        assert code == 2 and message in err, (args, err)
    assert path.read_bytes() == before


def test_spreadsheet_round_trip(capsys, sample: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "progress", "export", "--plan", "2026-2030", "-C", sample)
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    head = rows[0]
    assert head[:3] == ["plan", "milestone", "commitment"] and len(rows) > 20
    target = next(r for r in rows if r[1] == "3.1")
    target[head.index("new status")] = "in-progress"
    target[head.index("note")] = "Taxonomy drafted with 4 ministries"
    target[head.index("delay reason")] = "Waiting for the climate law"
    target[head.index("new date")] = "2026-11-30"
    sheet = tmp_path / "progress.csv"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    sheet.write_text(buffer.getvalue(), encoding="utf-8-sig")
    code, out, err = run(capsys, "progress", "import", sheet, "-C", sample, "--lang", "es",
                         "--today", "2026-12-02")
    assert code == 0, err
    assert "1 progress update recorded" in out
    text = (sample / "plans/2026-2030/commitments/03-climate-finance-transparency.yaml") \
        .read_text(encoding="utf-8")
    assert "es: Waiting for the climate law" in text
    target[head.index("status")] = "whatever"           # columns of the export are ignored
    target[head.index("new status")] = "half done"      # no status's usual word
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    sheet.write_text(buffer.getvalue(), encoding="utf-8")
    code, _, err = run(capsys, "progress", "import", sheet, "-C", sample)
    assert code == 2 and "nothing was written" in err
    assert "column 'new status': 'half done' is not a status" in err and "--status" not in err


def test_a_date_a_spreadsheet_rewrote_is_named_with_its_column(capsys, sample: Path,
                                                                tmp_path: Path) -> None:
    """A French spreadsheet saves 2026-12-01 as 01/12/2026: the import said Python's
    "Invalid isoformat string", without the column, and the row's other problem (a status
    no record knows) only on the next run."""
    code, out, _ = run(capsys, "progress", "export", "--plan", "2026-2030", "-C", sample)
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    head = rows[0]
    target = next(r for r in rows if r[1] == "3.1")
    for column, value in (("new status", "presque"), ("note", "Fait"),
                          ("new date", "01/12/2026")):
        target[head.index(column)] = value
    sheet = _sheet(tmp_path, rows)
    code, _, err = run(capsys, "progress", "import", sheet, "-C", sample, "--today",
                       "2026-12-02")
    assert code == 2 and "isoformat" not in err
    assert "column 'new date': '01/12/2026' is not a date written YYYY-MM-DD" in err
    assert "'presque'" in err


def test_an_update_after_today_is_refused_unless_forced(capsys, sample: Path,
                                                       tmp_path: Path) -> None:
    path = sample / FILE
    before = path.read_bytes()
    update = ("progress", "add", "2026-2030", "1.2", "-C", sample, "--status", "completed",
              "--note", "Pilot finished", "--date", "2027-11-30", "--today", "2026-12-02")
    code, _, err = run(capsys, *update)
    assert code == 2 and "2027-11-30 is after today (2026-12-02)" in err
    assert len(err.splitlines()) == 1 and path.read_bytes() == before
    code, out, err = run(capsys, "progress", "export", "--plan", "2026-2030", "-C", sample)
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    target = next(r for r in rows if r[1] == "1.2")
    for column, value in (("new status", "completed"), ("note", "Pilot finished"),
                          ("new date", "2027-11-30")):
        target[rows[0].index(column)] = value
    sheet = _sheet(tmp_path, rows)
    code, _, err = run(capsys, "progress", "import", sheet, "-C", sample, "--today",
                       "2026-12-02")
    assert code == 2 and "after today" in err and path.read_bytes() == before
    code, _, err = run(capsys, *update, "--force")
    assert code == 0, err
    assert "- date: 2027-11-30" in path.read_text(encoding="utf-8")


def test_export_neutralises_formulas(capsys, sample: Path) -> None:
    path = sample / FILE
    text = path.read_text(encoding="utf-8")
    text = text.replace("  es: Contratación abierta de obras públicas",
                        "  es: =HYPERLINK(\"http://x\")", 1)
    path.write_text(text.replace("      es: Piloto en 12 entidades\n",
                                 "      es: ' @SUM(1)'\n", 1), encoding="utf-8")
    code, out, _ = run(capsys, "progress", "export", "-C", sample, "--lang", "es")
    assert code == 0 and "\"'=HYPERLINK" in out
    assert "\"' @SUM(1)\"" in out      # a spreadsheet may trim the blank first


def test_a_number_used_twice_names_no_milestone(capsys, sample: Path) -> None:
    """Two milestones numbered 1 (F113), or two commitments numbered 1 (F112): an update on
    "1.1" would land on whichever comes first; it is refused and nothing is written."""
    path = sample / FILE
    path.write_text(path.read_text(encoding="utf-8").replace("  - number: 3\n",
                                                            "  - number: 1\n", 1),
                    encoding="utf-8")
    twin = path.with_name("01-another.yaml")
    before = path.read_bytes()
    add = ("progress", "add", "2026-2030", "-C", sample, "--status", "completed", "--note",
           "x", "--today", "2026-12-02")
    code, _, err = run(capsys, *add, "1.1")
    assert code == 2 and len(err.splitlines()) == 1, err
    assert "commitment 1 has 2 milestones numbered 1 (the 1st in its list, the 3rd in its " \
        "list)" in err
    twin.write_bytes(before)
    code, _, err = run(capsys, *add, "1.2")
    assert code == 2 and "plan 2026-2030 has 2 commitments numbered 1 (01-another.yaml, " \
        "01-public-works-open-contracting.yaml)" in err, err
    assert path.read_bytes() == before == twin.read_bytes()


def test_texts_and_languages_the_record_cannot_hold_are_named(capsys, sample: Path,
                                                              tmp_path: Path) -> None:
    path = sample / FILE
    before = path.read_bytes()
    add = ("progress", "add", "2026-2030", "1.2", "-C", sample, "--status", "in-progress",
           "--today", "2026-12-02")
    for args, message in (
            (("--note", "a\x1b[31mred"), "--note holds an escape character, which no record "
                                         "text may hold; remove it"),
            (("--note", "ok", "--next-steps", "a\x07b"), "--next-steps holds the control "
                                                        "character U+0007"),
            (("--note", "paid \u202eevil"), "--note holds U+202E RIGHT-TO-LEFT OVERRIDE"),
            (("--note", "   "), "--note needs a text"),
            (("--note", "x", "--lang", "zz"), "--lang zz: not a language of this record "
                                             "(ogp.yaml: en, es)")):
        code, _, err = run(capsys, *add, *args)
        assert code == 2 and message in err and len(err.splitlines()) == 1, (args, err)
    code, out, _ = run(capsys, "progress", "export", "--plan", "2026-2030", "-C", sample)
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    target = next(r for r in rows if r[1] == "1.2")
    target[rows[0].index("note")] = "Pilot finished"
    sheet = _sheet(tmp_path, rows)
    code, _, err = run(capsys, "progress", "import", sheet, "-C", sample, "--lang", "zz",
                       "--today", "2026-12-02")
    assert code == 2 and err.count("not a language of this record") == 1, err
    assert path.read_bytes() == before


def test_an_edit_answers_for_the_errors_it_adds_not_those_already_there(capsys,
                                                                         sample: Path) -> None:
    from ogpctl.base.errors import RecordWriteError
    from ogpctl.record.kinds import Kind
    from ogpctl.workflow.guard import refuse_errors

    path = sample / FILE
    text = path.read_text(encoding="utf-8")
    wrong = text.replace("  - number: 5\n", "  - number: five\n", 1)
    path.write_text(wrong, encoding="utf-8")            # F103 already there: not the edit's
    code, _, err = run(capsys, "progress", "add", "2026-2030", "1.2", "-C", sample, "--status",
                       "completed", "--note", "Done", "--today", "2026-12-02")
    assert code == 0, err
    refuse_errors(FILE, Kind.COMMITMENT, wrong, wrong)
    with pytest.raises(RecordWriteError) as raised:
        refuse_errors(FILE, Kind.COMMITMENT, wrong, text)
    assert str(raised.value).splitlines()[1].startswith(f"  {FILE}:194:13 error F103 ")


def _updates_of(path: Path, number: str) -> list[dict]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    milestone = next(m for m in data["milestones"] if str(m["number"]) == number)
    return milestone["progress"]


def test_one_update_in_each_record_language(capsys, sample: Path) -> None:
    """newuser5 N2: in a bilingual record one update is one update: `--note LANG=TEXT` once
    per language (as `init --country`), and a later call in the other language fills the
    update of that day instead of adding a second one (two public updates, two L305)."""
    path = sample / FILE
    count = len(_updates_of(path, "2"))
    add = ("progress", "add", "2026-2030", "1.2", "-C", sample, "--status", "in-progress",
           "--date", "2026-12-01", "--today", "2026-12-02")
    code, _, err = run(capsys, *add, "--note", "es=Cuatro entidades más",
                       "--note", "en=Four more entities", "--next-steps", "es=Seguir")
    assert code == 0, err
    code, out, err = run(capsys, *add, "--lang", "en", "--note", "ignored",
                         "--next-steps", "Carry on", "--note", "x")
    assert code == 2 and "--note gives the text in en twice" in err
    code, out, err = run(capsys, *add, "--lang", "en", "--next-steps", "Carry on",
                         "--note", "es=ya está")
    assert code == 0 and "of 2026-12-01 now also in" not in out   # es already there: new
    updates = _updates_of(path, "2")
    assert len(updates) == count + 2
    assert updates[-2]["note"] == {"es": "Cuatro entidades más", "en": "Four more entities"}
    assert updates[-2]["next-steps"] == {"es": "Seguir"}


def test_the_other_language_fills_the_update_of_the_day(capsys, sample: Path) -> None:
    path = sample / FILE
    count = len(_updates_of(path, "2"))
    add = ("progress", "add", "2026-2030", "1.2", "-C", sample, "--status", "in-progress",
           "--date", "2026-12-01", "--today", "2026-12-02")
    assert run(capsys, *add, "--note", "Cuatro entidades más", "--lang", "es")[0] == 0
    code, out, err = run(capsys, *add, "--lang", "en", "--note", "Four more entities",
                         "--evidence", EVIDENCE)
    assert code == 0, err
    assert out.strip().endswith("milestone 1.2: the update of 2026-12-01 now also in en")
    updates = _updates_of(path, "2")
    assert len(updates) == count + 1
    assert updates[-1]["note"] == {"es": "Cuatro entidades más", "en": "Four more entities"}
    assert updates[-1]["evidence"] == [EVIDENCE]
    code, out, _ = run(capsys, "check", sample, "--today", "2026-12-02")
    assert "L305" not in out

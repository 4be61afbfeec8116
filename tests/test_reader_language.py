"""`deadlines` and `status` are a reader's copy in a language (docs/cli.md, "The
convention"): labels, states, handbook sections, what each state rests on, dates and
numbers in it; record texts it has not, in another language marked as such; by default the
record's default language, as render and review. A new user's French `deadlines` was French
in its titles only, its calendar's descriptions English, and `status` had no `--lang`."""

from __future__ import annotations

import json
import re
from pathlib import Path

from icalendar import Calendar

from tests.conftest import FRENCH_FIRST, SAMPLE, new_plan_record, run

TODAY = ("--today", "2026-11-23")
#: English words of the screens that a French reader must not meet.
ENGLISH = re.compile(r"\b(state|handbook|on the record|overdue|met|"
                     r"recorded|needed|minimum requirement|as of|next|not met|"
                     r"commitment|colour|milestones?|status|completed|Handbook|On)\b")


def french_first(capsys, tmp_path: Path) -> Path:
    """A record as a new user makes it: French first, then English, one plan."""
    return new_plan_record(capsys, tmp_path, folder="fr", today="2026-12-01", **FRENCH_FIRST)


def _english_words(text: str) -> list[str]:
    """English words left in a French screen, the record's own texts (marked "(en
    anglais)") and ids aside."""
    text = re.sub(r"[^\n(]*\(en anglais\)", "", text)
    return ENGLISH.findall(text)


def test_deadlines_in_french_is_french(capsys, monkeypatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)   # not a terminal: each row on one line
    code, out, err = run(capsys, "deadlines", "-C", SAMPLE, "--lang", "fr", *TODAY)
    assert code == 0, err
    assert "date  " in out and "état" in out and "dans le dossier" in out
    assert "exigence minimale 1.1" in out and "respectée" in out
    assert "1er janvier 2026" in out and "30 septembre 2026" in out
    assert "(en anglais)" in out                    # English milestone titles, marked
    assert not _english_words(out), _english_words(out)
    assert out.rstrip().splitlines()[-1].startswith("au 23 novembre 2026 : ")


def test_deadlines_json_and_calendar_in_french(capsys) -> None:
    code, out, _ = run(capsys, "deadlines", "-C", SAMPLE, "--lang", "fr", "-f", "json", *TODAY)
    items = json.loads(out)
    assert {i["state"] for i in items} <= {"met", "due", "overdue", "missed", "early", "n/a"}
    window = next(i for i in items if i["id"] == "delivery-window-closes"
                  and i["plan"] == "2026-2030")
    assert window["rule"].startswith("Le plan est remis") and window["date"] == "2026-08-31"
    assert any(i["handbook"] == "exigence minimale 1.1" for i in items)
    code, out, _ = run(capsys, "deadlines", "-C", SAMPLE, "--lang", "fr", "-f", "ics", *TODAY)
    descriptions = [str(e["DESCRIPTION"]) for e in Calendar.from_ical(out).walk("VEVENT")]
    assert descriptions and all("Manuel " in d and "Au 23 novembre 2026 : " in d
                                for d in descriptions)
    assert not any(" Handbook " in d or " On 2026" in d for d in descriptions)


def test_status_takes_lang_and_speaks_it(capsys) -> None:
    code, out, err = run(capsys, "status", "-C", SAMPLE, "--lang", "fr", *TODAY)
    assert code == 0, err
    assert "engagement" in out and "jalons" in out and "Exigences minimales" in out
    assert "forum se réunit tous les six mois" in out and out.rstrip().endswith(
        "au 23 novembre 2026")
    code, _, err = run(capsys, "status", "-C", SAMPLE, "--lang", "de", *TODAY)
    assert code == 2 and err.startswith("ogpctl: --lang de: ") and len(err.splitlines()) == 1


def test_a_french_first_record_is_read_in_french(capsys, tmp_path: Path, monkeypatch) -> None:
    """Without --lang, the record's default language, as render and review."""
    monkeypatch.delenv("COLUMNS", raising=False)
    record = french_first(capsys, tmp_path)
    code, out, _ = run(capsys, "deadlines", "-C", record, "--today", "2026-12-04")
    assert code == 0 and "Ouverture de la période de remise" in out
    assert "Delivery window" not in out and not _english_words(out), _english_words(out)
    code, out, _ = run(capsys, "status", "-C", record, "--today", "2026-12-04")
    assert code == 0 and "République de Testie" in out and "au 4 décembre 2026" in out
    assert not _english_words(out), _english_words(out)
    code, out, _ = run(capsys, "status", "-C", record, "--lang", "en", "--today",
                       "2026-12-04")
    assert "Republic of Testie" in out and out.rstrip().endswith("as of 2026-12-04")


def test_arabic_keeps_english_texts_apart(capsys) -> None:
    """An English milestone title in an Arabic line is held between direction marks and
    marked as English, as the review does."""
    code, out, _ = run(capsys, "deadlines", "-C", SAMPLE, "--lang", "ar", "-f", "json", *TODAY)
    titles = [i["title"] for i in json.loads(out) if i["id"] == "milestone-due"]
    assert titles and all("\u200e" in t and "الإنجليزية" in t for t in titles)

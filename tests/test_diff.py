"""`ogpctl diff`: changes between revisions said as meaning, on a real git repository."""

from __future__ import annotations

import json
from pathlib import Path

from ogpctl.domain.diff import word_diff
from tests.conftest import SAMPLE, run
from tests.gitrecord import committed_sample, git

COMMITMENT = "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"


def amended(tmp_path: Path) -> Path:
    record = committed_sample(SAMPLE, tmp_path / "record")
    git(record, "tag", "-a", "-m", "Delivered", "submitted/2026-2030")
    path = record / COMMITMENT
    text = path.read_text(encoding="utf-8")
    assert "    due: 2027-06-30\n" in text
    path.write_text(text.replace("    due: 2027-06-30\n", "    due: 2027-12-31\n", 1)
                    .replace("lead: procurement-agency", "lead: ministry-of-finance", 1),
                    encoding="utf-8")
    new = record / "plans/2026-2030/commitments/07-open-budget-data.yaml"
    new.write_text("title: {en: Open budget data, es: Datos presupuestarios abiertos}\n")
    (record / "plans/2026-2030/commitments/05-digital-services-feedback.yaml").unlink()
    return record


def test_diff_since_submission(capsys, tmp_path: Path) -> None:
    record = amended(tmp_path)
    code, out, err = run(capsys, "diff", "-C", record)
    assert code == 0, err
    assert out.startswith("changes submitted/2026-2030 .. working tree:")
    assert "milestone 1.1 due date moved from 2027-06-30 to 2027-12-31" in out or \
        "due date moved from 2027-06-30 to 2027-12-31" in out
    assert "commitment 1 lead changed from procurement-agency to ministry-of-finance" in out
    assert "commitment 7 added: Open budget data" in out
    assert "commitment 5 removed: User feedback on digital public services" in out


def test_diff_between_commits_as_json(capsys, tmp_path: Path) -> None:
    record = amended(tmp_path)
    git(record, "add", "-A")
    git(record, "commit", "-q", "-m", "Amendment", date="2027-03-01T10:00:00+00:00")
    code, out, _ = run(capsys, "diff", "submitted/2026-2030", "HEAD", "-C", record, "-f", "json")
    assert code == 0
    data = json.loads(out)
    kinds = sorted({c["kind"] for c in data["changes"]})
    assert kinds == ["added", "changed", "redated", "removed"]
    assert run(capsys, "diff", "HEAD", "-C", record)[1].endswith("none\n")


def test_diff_refuses_option_like_revisions(capsys, tmp_path: Path) -> None:
    record = amended(tmp_path)
    for bad in ("--output=/tmp/x", "-p", "no-such-rev", "HEAD HEAD"):
        code, _, err = run(capsys, "diff", "-C", record, "--", bad)
        assert code == 2 and ("revision" in err or "commit" in err), (bad, err)
    assert not Path("/tmp/x").exists()


def test_diff_outside_git(capsys, sample: Path) -> None:
    code, _, err = run(capsys, "diff", "-C", sample)
    assert code == 2 and "not in a git repository" in err


def test_word_diff() -> None:
    assert word_diff("publish 10 datasets by June", "publish 12 datasets by June") == \
        "publish [-10-] {+12+} datasets by June"


def test_amendment_note_in_every_language(capsys, tmp_path: Path) -> None:
    record = amended(tmp_path)
    out = tmp_path / "out"
    for fmt in ("md", "html", "docx"):
        code, stdout, err = run(capsys, "render", "amendment-note", "--plan", "2026-2030",
                                "-C", record, "-f", fmt, "-o", out, "--today", "2026-12-02")
        assert code == 0, err
    spanish = (out / "2026-2030-amendment-note.es.md").read_text(encoding="utf-8")
    assert spanish.startswith("# Nota de enmienda\n")
    assert "Hito 1.2 «Piloto en 12 entidades»: la fecha de finalización pasó del 30 de junio " \
        "de 2027 al 31 de diciembre de 2027." in spanish
    assert "La institución responsable cambió de Dirección Nacional de Contrataciones " \
        "Públicas a Ministerio de Hacienda y Finanzas Públicas." in spanish
    english = (out / "2026-2030-amendment-note.en.md").read_text(encoding="utf-8")
    assert "## 7. Open budget data\n\n- Commitment added." in english
    assert "## 5. User feedback on digital public services\n\n- Commitment removed." in english


def test_amendment_note_needs_a_starting_point(capsys, sample: Path, tmp_path: Path) -> None:
    record = committed_sample(SAMPLE, tmp_path / "untagged")
    code, _, err = run(capsys, "render", "amendment-note", "--plan", "2026-2030", "-C", record,
                       "-o", "-", "--lang", "en", "-f", "md")
    assert code == 2 and "tag-submission" in err
    code, out, _ = run(capsys, "render", "amendment-note", "--plan", "2026-2030", "-C", record,
                       "-o", "-", "--lang", "en", "-f", "md", "--since", "HEAD")
    assert code == 0 and "No changes." in out


def test_diff_names_a_milestone_titled_only_in_the_default_language(capsys,
                                                                    tmp_path: Path) -> None:
    record = committed_sample(SAMPLE, tmp_path / "record")
    git(record, "tag", "-a", "-m", "Delivered", "submitted/2026-2030")
    path = record / COMMITMENT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    status: not-started\nevidence:\n",
                                 "    status: not-started\n  - number: 9\n    title: {es: Nuevo "
                                 "hito}\n    due: 2029-03-31\nevidence:\n", 1), encoding="utf-8")
    code, out, err = run(capsys, "diff", "-C", record)
    assert code == 0 and "milestone 1.9 added: Nuevo hito\n" in out, (out, err)


def test_a_translation_alone_changed_is_named_alone(capsys, tmp_path: Path) -> None:
    """Only the Spanish title changed: the diff said "en, es translation changed"."""
    record = committed_sample(SAMPLE, tmp_path / "record")
    git(record, "tag", "-a", "-m", "Delivered", "submitted/2026-2030")
    path = record / COMMITMENT
    text = path.read_text(encoding="utf-8")
    spanish = "  es: Contratación abierta de obras públicas, de la adjudicación a la entrega"
    assert spanish in text
    path.write_text(text.replace(spanish, spanish + " (revisado)", 1), encoding="utf-8")
    code, out, err = run(capsys, "diff", "-C", record)
    assert code == 0, err
    assert "es translation changed" in out and "en, es translation" not in out

"""`ogpctl import contributions`: a real-looking survey export (BOM, semicolons, quotes, a
duplicate row) appended to contributions.yaml without touching what is there."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run

SURVEY = ("\ufeffMarca temporal;Organización;Comentario;Canal\r\n"
          "2026-02-20 10:12:00;Transparencia Veridia;\"Publicar los pagos; también las "
          "adendas\";survey\r\n"
          "2026-02-21 09:00:00;María Pérez;\"Un mapa de obras, con \"\"fotos\"\"\";survey\r\n"
          "2026-02-21 09:00:00;María Pérez;\"Un mapa de obras, con \"\"fotos\"\"\";survey\r\n"
          "2026-02-22;;=HYPERLINK(\"x\");\r\n"
          "ayer;X;Texto;\r\n")
FILE = "plans/2026-2030/contributions.yaml"


def test_import_appends_and_skips(capsys, sample: Path, tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_bytes(SURVEY.encode("utf-8"))
    before = (sample / FILE).read_text(encoding="utf-8")
    code, out, _ = run(capsys, "import", "contributions", survey, "--plan", "2026-2030",
                       "-C", sample, "--dry-run")
    assert code == 0 and "3 to add, 1 duplicates, 1 rows with problems (dry run)" in out
    assert (sample / FILE).read_text(encoding="utf-8") == before
    code, out, _ = run(capsys, "import", "contributions", survey, "--plan", "2026-2030",
                       "-C", sample)
    assert code == 0 and "3 contributions added" in out
    assert "survey.csv:4: skipped, the same source and text" in out
    assert "survey.csv:6: skipped, 'ayer' is not a date" in out
    after = (sample / FILE).read_text(encoding="utf-8")
    assert after.startswith(before)                     # existing entries and comments kept
    added = after[len(before):]
    assert "  - id: input-001\n    received: 2026-02-20\n    from: transparencia-veridia\n" \
        in added
    assert "name: María Pérez" in added and 'es: Un mapa de obras, con "fotos"' in added
    assert added.count("decision: pending") == 3
    code, out, _ = run(capsys, "import", "contributions", survey, "--plan", "2026-2030",
                       "-C", sample)
    assert "0 to add, 4 duplicates" in out and (sample / FILE).read_text() == after
    code, out, _ = run(capsys, "check", sample, "--today", "2026-12-02")
    assert code == 1 and out.count("M707") == 3             # decisions are now due


def test_import_with_a_map_and_bad_files(capsys, sample: Path, tmp_path: Path) -> None:
    survey = tmp_path / "export.csv"
    survey.write_text("When,Who,Your suggestion\n2026-03-01,Red de Mujeres Líderes Comunitarias,"
                      "Night meetings\n", encoding="utf-8")
    code, _, err = run(capsys, "import", "contributions", survey, "--plan", "2026-2030",
                       "-C", sample)
    assert code == 2 and "--map summary=COLUMN" in err
    code, out, _ = run(capsys, "import", "contributions", survey, "--plan", "2026-2030",
                       "-C", sample, "--map", "summary=Your suggestion,from=Who,received=When",
                       "--lang", "en", "--prefix", "workshop")
    assert code == 0 and "added workshop-001" in out
    text = (sample / FILE).read_text(encoding="utf-8")
    assert "from: women-leaders-network" in text and "en: Night meetings" in text
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Comentario\nInformación\n".encode("latin-1"))
    code, _, err = run(capsys, "import", "contributions", latin, "--plan", "2026-2030",
                       "-C", sample)
    assert code == 2 and "not UTF-8" in err
    for args in (("--plan", "1999-2001"), ("--plan", "2026-2030", "--channel", "fax"),
                 ("--plan", "2026-2030", "--map", "colour=Who")):
        assert run(capsys, "import", "contributions", survey, *args, "-C", sample)[0] == 2

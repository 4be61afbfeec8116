"""The handbook's progress colours (3.3: "Completed or substantial progress", "Limited
progress", "Not started/With severe delays"), quoted word for word, and on the first days of
implementation a red commitment none of whose milestones is due yet says so (newuser6 K17:
"not started, nothing due" could not be told from "severely late")."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from tests.conftest import new_plan_record, run

COMMITMENT = "plans/2027-2031/commitments/01-datos-abiertos.yaml"


def _started_plan(capsys, tmp_path: Path) -> Path:
    """A plan delivered on 2027-06-20, its one milestone due on 2028-06-30, not started."""
    record = new_plan_record(capsys, tmp_path)
    assert run(capsys, "new-commitment", "-C", record, "2027-2031", "Datos abiertos",
               "--today", "2026-12-01")[0] == 0
    plan = record / "plans/2027-2031/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("status: co-creation", "status: implementation").replace(
        "\ndelivered:\n", "\ndelivered: 2027-06-20\n"), encoding="utf-8")
    path = record / COMMITMENT
    path.write_text(re.sub(r"\n    due:[^\n]*\n", "\n    due: 2028-06-30\n",
                           path.read_text(encoding="utf-8")), encoding="utf-8")
    return record


def _badges(capsys, record: Path, out: Path, today: str) -> set[str]:
    code, _, err = run(capsys, "site", "-C", record, "-o", out, "--today", today)
    assert code == 0, err
    return {badge for page in out.rglob("*.html")
            for badge in re.findall(r'class="badge red">([^<]*)<',
                                    page.read_text(encoding="utf-8"))}


def test_red_with_nothing_due_says_so_in_every_language(capsys, tmp_path: Path) -> None:
    record = _started_plan(capsys, tmp_path)
    first_days = _badges(capsys, record, tmp_path / "site", "2027-07-01")
    assert first_days == {"Red: Not started/With severe delays (no milestone due yet)",
                          "Rojo: no iniciado o con retrasos graves (ningún hito vence todavía)"}
    late = _badges(capsys, record, tmp_path / "site", "2028-09-01")
    assert late == {"Red: Not started/With severe delays",
                    "Rojo: no iniciado o con retrasos graves"}


def test_the_colours_are_the_handbooks_words() -> None:
    from ogpctl.base.i18n import Language
    from ogpctl.record.load import load_record
    from ogpctl.render.context import RenderContext
    from ogpctl.render.self_assessment import colour_label
    from tests.conftest import SAMPLE
    from tests.test_handbook import HANDBOOK

    c = RenderContext(load_record(SAMPLE), Language("en"), date(2026, 12, 1))
    words = {colour: colour_label(c, colour).split(": ", 1)[1]
             for colour in ("green", "amber", "red")}
    assert words == {"green": "Completed or substantial progress",
                     "amber": "Limited progress", "red": "Not started/With severe delays"}
    handbook = HANDBOOK / "national-handbook-v5.md"
    if handbook.is_file():   # the handbook beside the repository, where it is
        text = " ".join(handbook.read_text(encoding="utf-8").split())
        assert all(said in text for said in words.values())

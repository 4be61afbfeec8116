"""`make demo`: one import. A new record and plan, then a bilingual tracker (CSV) with its
mapping imported into it, imported again (nothing new), and the status it gives."""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

from ogpctl.cli import main

TODAY = "2028-07-15"
ROWS = [
    ("N°", "Compromiso", "Commitment", "Hito", "Hito (ES)", "Milestone (EN)",
     "Fecha de término", "Estado"),
    ("1", "Presupuesto abierto", "Open budget", "1.1", "Publicar datos presupuestarios",
     "Publish budget data", "31/12/2027", "Completado"),
    ("", "", "", "1.2", "Talleres de uso de datos", "Data use workshops", "30/06/2028",
     "En curso"),
    ("2", "Datos judiciales", "Judicial data", "2.1", "Repositorio de sentencias",
     "Rulings repository", "30/06/2028", "No iniciado"),
]
MAPPING = """\
source: tracker
date-format: "%d/%m/%Y"
commitment: {number: N°, title: {es: Compromiso, en: Commitment}}
milestone:
  number: Hito
  title: {es: Hito (ES), en: Milestone (EN)}
  due: Fecha de término
  status: Estado
"""


def step(*args: str) -> None:
    print(f"$ ogpctl {' '.join(args)}", flush=True)
    main(list(args))


def demo(folder: Path) -> None:
    import contextlib
    import io
    import os

    os.chdir(folder)                 # the commands then name short relative paths
    record = "record"
    with contextlib.redirect_stdout(io.StringIO()):   # what init and new-plan say
        main(["init", record, "--country", "es=República de Xalia,en=Republic of Xalia",
              "--iso-code", "XA", "--languages", "es,en", "--lead-agency", "Ministerio"])
        main(["new-plan", "-C", record, "--window", "june", "--due-year", "2027",
              "--length", "2", "--today", "2026-10-01"])
    with (folder / "tracker.csv").open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(ROWS)
    (folder / "tracker.yaml").write_text(MAPPING, encoding="utf-8")
    imported = ("import", "plan", "tracker.csv", "--map", "tracker.yaml", "--plan",
                "2027-2029", "-C", record, "--today", TODAY)
    step(*imported)
    step(*imported)
    # The tracker is of a plan already delivered: record the delivery, so that the plan is
    # in implementation and its commitments are rated.
    step("tag-submission", "2027-2029", "--date", "2027-06-20", "-C", record, "--today", TODAY)
    step("status", "-C", record, "--today", TODAY)
    os.chdir(Path(__file__).resolve().parent)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as temporary:
        demo(Path(temporary))
    sys.exit(0)

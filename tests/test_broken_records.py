"""Every command that reads a record survives every broken record of tests/cases: render,
status, deadlines and the index give output or a one-line error, never a traceback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ogpctl.errors import OgpctlError
from ogpctl.record.load import load_record
from ogpctl.render import Request, render_bytes
from tests.test_cases import build_record, case_dirs

DAY = date(2026, 11, 23)


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_documents_and_status_survive(case: Path, tmp_path: Path) -> None:
    from ogpctl.obligations import obligations
    from ogpctl.repository import build_index
    from ogpctl.status import status, to_json
    from ogpctl.vcs import History

    record = load_record(build_record(case, tmp_path / "record"))
    to_json(status(record, DAY))
    obligations(record, DAY)
    build_index(record, History("not-a-repository"))
    for plan in record.plans:
        for document in ("action-plan", "self-assessment", "reasoned-response"):
            try:
                render_bytes(record, Request(document, plan.id, "es"), "md", DAY)
            except OgpctlError:
                pass


MUTATIONS = {
    "ogp.yaml": [("website: https://gobiernoabierto.veridia.example", "website: 12"),
                 ("repository: https://", "repository: [x]\nx-old: https://")],
    "forum/forum.yaml": [("  - stakeholder: ", "  - stakeholder: [1]\n    x-old: ")],
    "plans/2026-2030/co-creation.yaml": [("  - id: planning", "  - id: [planning]"),
                                         ("  published: 2026-01-12", "  published: soon")],
    "plans/2026-2030/contributions.yaml": [("    decision: include", "    decision: [1]"),
                                           ("    commitments: [public-works-open-contracting]",
                                            "    commitments: {a: 1}")],
    "plans/2026-2030/commitments/02-beneficial-ownership-open-data.yaml": [
        ("values: [", "values: 7\nx-values: ["), ("    due: ", "    due: [1]\n    x-due: "),
        ("lead: ", "lead: {a: 1}\nx-lead: ")],
}


def test_odd_types_everywhere(sample: Path) -> None:
    from ogpctl.site import build_site
    from ogpctl.status import status, to_json

    for name, swaps in MUTATIONS.items():
        path = sample / name
        text = path.read_text(encoding="utf-8")
        for old, new in swaps:
            assert old in text, (name, old)
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    record = load_record(sample)
    to_json(status(record, DAY))
    for document in ("action-plan", "self-assessment", "reasoned-response"):
        for fmt in ("md", "html", "docx"):
            render_bytes(record, Request(document, "2026-2030", "es"), fmt, DAY)
    render_bytes(record, Request("commitment", "2026-2030", "en", 2), "html", DAY)
    build_site(record, DAY, formats=(), search=False)

"""The national OGP website (handbook 5.1 a-g, 5.2, 5.3.a) as a static site: every record
language with a language switch, the plans, commitments and milestones with their progress
history and evidence, a progress dashboard in inline SVG, the rendered documents, open
data exports, full-text search (Pagefind) and "comment on this" links. Usable from Python::

    record = load_record("sample-country")
    files = build_site(record, date(2026, 11, 23))     # {path: bytes}
    write_site(files, Path("site"))
"""

from __future__ import annotations

from ogpctl.site.build import build_site
from ogpctl.site.write import write_site

__all__ = ["build_site", "write_site"]

#!/usr/bin/env python3
"""Render every document of the largest plan of a corpus, in every language and format.

    .venv/bin/python benchmarks/render_plan.py benchmarks/corpus

Each document is built once (its document model) and written in every format, as the
website does; the PDFs are laid out by Typst in worker processes, one a processor, as
`ogpctl render` does (`ogpctl.render.pdf.write_pdfs`). Prints one JSON object: the plan,
how many documents, bytes and PDF pages, and the seconds spent loading the record,
building the documents and writing each format (wall, and CPU of this process and of its
workers). Used by benchmarks/run.py.
"""

from __future__ import annotations

import io
import json
import resource
import sys
import time
from datetime import date
from pathlib import Path

from ogpctl.record.discover import find_records
from ogpctl.record.load import load_record
from ogpctl.render import DOCUMENTS, FORMATS, Format, Request, build, file_name, write
from ogpctl.render.pdf import write_pdfs

TODAY = date(2026, 11, 23)


def pdf_pages(data: bytes) -> int:
    """The pages of a PDF (pypdf reads the compressed object streams), 0 without pypdf."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return 0
    return len(PdfReader(io.BytesIO(data)).pages)


def written_in(fmt: Format, requests: list, docs: list) -> list[bytes]:
    if fmt != Format.pdf:
        return [write(doc, fmt, TODAY) for doc in docs]
    names = [file_name(request, fmt) for request in requests]
    return list(write_pdfs(dict(zip(names, docs, strict=True)), TODAY).values())


def cpu_time() -> float:
    """User and system time of this process and of the workers it waited for."""
    own, workers = (resource.getrusage(who) for who in
                    (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def largest_plan(corpus: Path) -> tuple[Path, str, int]:
    best = (Path(), "", -1)
    for root in find_records(corpus):
        for plan in sorted((root / "plans").iterdir()):
            count = len(list((plan / "commitments").glob("*.yaml")))
            if count > best[2]:
                best = (root, plan.name, count)
    return best


def main(corpus: Path) -> dict:
    root, plan_id, count = largest_plan(corpus)
    started = time.perf_counter()
    record = load_record(root)
    loaded = time.perf_counter() - started
    plan = next(p for p in record.plans if p.id == plan_id)
    requests = []
    for lang in record.languages.required:
        for document in (d for d in DOCUMENTS if d != "amendment-note"):   # needs git
            numbers = [c.number for c in plan.commitments] if document == "commitment" \
                else [None]
            requests += [Request(document, plan_id, lang, n) for n in numbers]
    started = time.perf_counter()
    docs = [build(record, request, TODAY) for request in requests]
    built = time.perf_counter() - started
    seconds, cpu, size, pages = {}, {}, 0, 0
    for fmt in FORMATS:
        started, used = time.perf_counter(), cpu_time()
        written = written_in(fmt, requests, docs)
        seconds[fmt] = round(time.perf_counter() - started, 3)
        cpu[fmt] = round(cpu_time() - used, 3)
        size += sum(len(data) for data in written)
        if fmt == "pdf":
            pages = sum(pdf_pages(data) for data in written)
    return {"record": root.name, "plan": plan_id, "commitments": count,
            "languages": list(record.languages.required), "documents": len(requests),
            "formats": list(FORMATS), "bytes": size, "pdf-pages": pages,
            "load": round(loaded, 3), "build": round(built, 3), "write": seconds,
            "write-cpu": cpu,
            "total": round(loaded + built + sum(seconds.values()), 3)}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))

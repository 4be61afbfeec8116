"""Every field the review can name in a progress update, a self-assessment or the
contributions has a label in every catalogue: no raw key ("delay-reason") in a review
(newuser7 Q6)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from ogpctl.base.i18n import Language
from ogpctl.record.load import load_record
from ogpctl.render.context import RenderContext
from ogpctl.review.documents import field_label
from tests.conftest import SAMPLE

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "templates" / "locales"
LANGUAGES = sorted(p.name for p in LOCALES.iterdir() if p.is_dir())


def keys(schema: str, under: tuple[str, ...] = ()) -> set[str]:
    data = json.loads((ROOT / "schemas" / schema).read_text(encoding="utf-8"))
    for step in under:
        data = data[step]
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, item in node.items():
                if key == "properties" and isinstance(item, dict):
                    found.update(item)
                walk(item)
        elif isinstance(node, list):
            for item in node:
                walk(item)
    walk(data)
    return found


def progress_keys() -> set[str]:
    common = json.loads((ROOT / "schemas" / "common.schema.json").read_text(encoding="utf-8"))
    return {key for name, node in common["$defs"].items() if "progress" in name
            for key in node.get("properties", {})}


SHOWN = sorted(progress_keys() | keys("self-assessment.schema.json")
               | keys("contributions.schema.json") | keys("meeting.schema.json"))


def test_the_progress_update_fields_are_found() -> None:
    assert {"delay-reason", "next-steps", "note", "evidence"} <= set(SHOWN)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_field_the_review_shows_is_translated(code: str) -> None:
    record = load_record(SAMPLE)
    english = RenderContext(record, Language("en"), date(2027, 1, 1))
    catalogue = read_po((LOCALES / code / "LC_MESSAGES" / "ogpctl.po").open("rb"))
    missing = []
    for key in SHOWN:
        label = field_label(english, (key,))
        message = catalogue.get(label)
        if message is None or not message.string:
            missing.append(key)
    assert not missing, f"{code}: no label for {missing}"

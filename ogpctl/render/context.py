"""What a builder knows while writing one document in one language: the record, the
language, and how to show a record text (with a visible mark when it falls back)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ogpctl.base.i18n import Language
from ogpctl.record.model import Plan, Record, listed
from ogpctl.record.text import translations
from ogpctl.render import prose
from ogpctl.render.blocks import Block, Foreign, ForeignBlock, Inline, Paragraph, Text


@dataclass
class RenderContext:
    record: Record
    lang: Language
    today: date

    def resolve(self, value: Any) -> tuple[str, str] | None:
        """(language, text) of a record text in the document's language, else English,
        else the record's default language, else any language it has."""
        texts = translations(value, self.record.languages.default)
        for candidate in (self.lang.code, "en", self.record.languages.default):
            if candidate in texts:
                return candidate, texts[candidate].strip()
        if texts:
            lang = sorted(texts)[0]
            return lang, texts[lang].strip()
        return None

    def fallback_note(self, source: str) -> str:
        return self.lang._("Not yet translated into {language}; shown in {source}.",
                           language=self.lang.name, source=Language(source).name_in(
                               self.lang.code))

    def inline(self, value: Any) -> tuple[Inline, ...]:
        """A short record text (a title, a name) as inlines; () when there is none."""
        found = self.resolve(value)
        if found is None:
            return ()
        lang, text = found
        content = (Text(" ".join(text.split())),)
        if lang == self.lang.code:
            return content
        return (Foreign(lang, content, self.lang._(
            "in {language}", language=Language(lang).name_in(self.lang.code))),)

    def string(self, value: Any) -> str:
        found = self.resolve(value)
        return " ".join(found[1].split()) if found else ""

    def blocks(self, value: Any, base_level: int = 4) -> list[Block]:
        """A long record text (Markdown allowed) as blocks; [] when there is none."""
        found = self.resolve(value)
        if found is None:
            return []
        lang, text = found
        content = prose.parse(text, base_level)
        if lang == self.lang.code:
            return content
        return [ForeignBlock(lang, tuple(content), self.fallback_note(lang))]

    def blocks_or(self, value: Any, missing: str, base_level: int = 4) -> list[Block]:
        return self.blocks(value, base_level) or [Paragraph((Text(missing),))]

    def stakeholder(self, ident: Any) -> tuple[Inline, ...]:
        """An organisation's name from stakeholders.yaml (its id when it is not listed)."""
        if not isinstance(ident, str):
            return ()
        for item in self.registry():
            if item.get("id") == ident:
                return self.inline(item.get("name")) or (Text(ident),)
        return (Text(ident),)

    def registry(self) -> list[dict]:
        return listed(self.record.stakeholders, "stakeholders")

    def country(self) -> str:
        fields = self.record.ogp.fields if self.record.ogp else {}
        return self.string(fields.get("country")) or self.record.root.name

    def plan_title(self, plan: Plan) -> str:
        return self.string(plan.fields.get("title")) or plan.id

    def plan_heading(self, plan: Plan) -> tuple[Inline, ...]:
        """The plan's title as inlines: marked when it is shown in another language."""
        return self.inline(plan.fields.get("title")) or (Text(plan.id),)

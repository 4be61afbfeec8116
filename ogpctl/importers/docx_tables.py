"""The tables of a Word action plan: a commitment's header table (row labels in the first
column, merged cells read once, rows the template does not have reported and left out) and
its milestone table (columns found by their headings, with or without a lead column;
stakeholders written "Lead: …" and by sector in one cell or in rows below the milestone).

Supporting stakeholders are read by sector: under the template's Government / Civil
Society / Other Actors columns, after a line naming the sector ("Civil society", "CSOs:
…"), as ogpctl writes them (the sector in bold, then one organisation a list item, "Name:
role" when it has a role)."""

from __future__ import annotations

import re
from typing import Any

from ogpctl.base.i18n import Language
from ogpctl.importers.docx_text import (
    cell_markdown,
    cell_text,
    is_list_item,
    marked_language,
    paragraph_markdown,
    paragraph_text,
    part_languages,
)
from ogpctl.importers.fields import number_of
from ogpctl.importers.labels import (
    header,
    kind_of,
    lead_words,
    match,
    milestone_columns,
    questions,
    sector_of,
    value_of,
)
from ogpctl.importers.model import Commitment, Milestone, Place, Source, Supported
from ogpctl.importers.words import Undated, Unreadable, date_of, label_key

_RANGE = re.compile(r"\s+(?:[-–—]|to|a|al|au|à|até|hasta)\s+|\s*[–—]\s*", re.I)
_MARK = "\x00"


def unique_cells(row: Any) -> list[Any]:
    """A row's cells, a cell merged across columns once."""
    seen: list[Any] = []
    for cell in row.cells:
        if not any(cell._tc is other._tc for other in seen):
            seen.append(cell)
    return seen


class TableReader:
    def __init__(self, source: Source, lang: str) -> None:
        self.source = source
        self.lang = lang
        self.commitment: Commitment | None = None

    def place(self, table: int, row: int | None = None) -> Place:
        return Place(self.source.name, table=table, row=row)

    def read(self, table: Any, index: int) -> str | None:
        """Read one table; the question left without an answer at its end, if any."""
        rows = list(table.rows)
        kind = table_kind(table)
        if kind == "milestones":
            heads = [match(milestone_columns(), cell_text(c), exact=True) for c in rows[0].cells]
            self._milestones(rows, [h[0] if h else None for h in heads], index)
            return None
        if kind == "commitment":
            return _HeaderTable(self, index).read(rows)
        self.source.warn(self.place(index), "not a commitment or milestone table of the OGP "
                         "template (no row label or column heading of it); left out")
        return None

    # -- milestones ------------------------------------------------------------------------

    def _milestones(self, rows: list[Any], columns: list[str | None], index: int) -> None:
        commitment = self.commitment
        if commitment is None:
            self.source.error(self.place(index), "a milestone table before any commitment's "
                              "table (with its number and name); left out")
            return
        previous: list[Any] | None = None
        last: Milestone | None = None
        heads = {name: " ".join(cell_text(cell).split()) for cell, name in
                 zip(rows[0].cells, columns, strict=True) if name}
        for number, row in enumerate(rows[1:], 2):
            cells = list(row.cells)
            cell = {name: cells[i] for i, name in reversed(list(enumerate(columns)))
                    if name and i < len(cells)}
            title_cell = cell.get("title")
            same = previous is not None and title_cell is not None and any(
                title_cell._tc is c._tc for c in previous)
            title = cell_markdown(title_cell) if title_cell is not None and not same else ""
            previous = cells
            if not title:
                if last is not None:
                    self._stakeholders(last, cell, same)
                continue
            last = self._milestone(commitment, cell, title, self.place(index, number),
                                   heads) or last

    def _milestone(self, commitment: Commitment, cell: dict, title: str, place: Place,
                   heads: dict[str, str]) -> Milestone | None:
        found = re.match(r"^(?:[^\d\n]{0,12}?)(\d{1,3}(?:\.\d{1,3})?)[.):]?(?:\s+|$)", title)
        first, second = number_of(found.group(1)) if found else (None, None)
        number = second if second is not None else first
        if found is None or number is None or any(m.number == number
                                                  for m in commitment.milestones):
            number = len(commitment.milestones) + 1
        else:
            title = title[found.end():]
        milestone = Milestone(number, place)
        if title.strip():           # ogpctl writes the number alone for an untitled one
            milestone.title[self.language(cell["title"])] = title.strip()
        output = cell_markdown(cell["output"]) if "output" in cell else ""
        if output:
            milestone.output[self.language(cell["output"])] = output
        due = cell_text(cell["due"]) if "due" in cell else ""
        if due:
            milestone.due = due_date(self.source, due, self.lang,
                                     place.at(column=heads.get("due")))
        if "lead" in cell and cell_text(cell["lead"]):
            milestone.lead = " ".join(cell_text(cell["lead"]).split())
            self.named(milestone.lead, cell["lead"])
        self._stakeholders(milestone, cell, False)
        commitment.milestones.append(milestone)
        return milestone

    def _stakeholders(self, milestone: Milestone, cell: dict, continued: bool) -> None:
        if "stakeholders" in cell:
            supporters(self.source, milestone, cell["stakeholders"], self.lang, "[;,]")

    def language(self, cell: Any) -> str:
        """The language of a cell's text: the document's, unless ogpctl marked it."""
        return marked_language(list(cell.paragraphs)) or self.lang

    def named(self, name: str, cell: Any) -> None:
        """Note the language an organisation's name is written in: the document's, unless
        ogpctl marked it as another's."""
        self.source.name_languages.setdefault(name, self.language(cell))


def table_kind(table: Any) -> str | None:
    """"milestones" for a milestone table, "commitment" for a table with the template's row
    labels, None for any other table."""
    rows = list(table.rows)
    if not rows:
        return None
    heads = [match(milestone_columns(), cell_text(c), exact=True) for c in rows[0].cells]
    if sum(1 for h in heads if h) >= 2 and any(h and h[0] == "title" for h in heads):
        return "milestones"
    return "commitment" if any(_label(list(r.cells)) for r in rows if r.cells) else None


def markdown_table(table: Any) -> str:
    """A table of a plan's narrative section as a Markdown table, its first row the head."""
    rows = [[" ".join(cell_markdown(c).split()).replace("|", "\\|") for c in unique_cells(r)]
            for r in table.rows]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines)


def supporters(source: Source, whom: Supported, cell: Any, lang: str, separators: str,
               sector: str | None = None) -> None:
    """The stakeholders a cell names, by sector, each with its role when it says one; a
    line "Lead: …" is the lead of `whom` when it has none."""
    lines = [(line.strip(" -•\t"), is_list_item(paragraph), part_languages(paragraph))
             for paragraph in cell.paragraphs
             for line in paragraph_text(paragraph).splitlines()]
    for line, item, (marked, role_marked) in lines:
        if not line or match(header(), line, exact=True):
            continue
        head, sep, rest = line.partition(":")
        if not item:
            if sep and label_key(head) in lead_words():
                whom.lead = whom.lead or " ".join(rest.split()) or None
                if whom.lead:
                    source.name_languages.setdefault(whom.lead, role_marked or lang)
                continue
            named = sector_of(head if sep else line)
            if named:
                sector, line = named, rest
        for name in (n.strip(" -•\t") for n in ([line] if item else re.split(separators, line))):
            if name:
                _supporter(source, whom, sector or "other", name,
                           (marked or lang, role_marked or lang))


def _supporter(source: Source, whom: Supported, sector: str, text: str,
               langs: tuple[str, str]) -> None:
    """One supporting stakeholder, "Name: role" as ogpctl writes one with a role; `langs`
    are the languages of the name and of the role."""
    name, sep, role = text.partition(": ")
    name = " ".join(name.split())
    source.name_languages.setdefault(name, langs[0])
    lang = langs[1]
    listed = whom.supporting.setdefault(sector, [])
    if name not in listed:
        listed.append(name)
    if sep and role.strip():
        whom.roles.setdefault(name, {})[lang] = " ".join(role.split())


def _label(cells: list[Any]) -> tuple[str, str] | None:
    label = cell_text(cells[0]) if cells else ""
    return match(header(), label) or match(questions(), label)


class _HeaderTable:
    """One commitment's header table, row by row."""

    def __init__(self, reader: TableReader, index: int) -> None:
        self.reader, self.index = reader, index
        self.source, self.lang = reader.source, reader.lang
        self.commitment: Commitment | None = None
        self.pending: str | None = None         # a question whose answer is on the next row
        self.sectors: dict[int, str] = {}       # cell position -> sector of supporting names

    def read(self, rows: list[Any]) -> str | None:
        table = [(number, unique_cells(row)) for number, row in enumerate(rows, 1)]
        for number, cells in table:
            found = _label(cells)
            if found and found[0] == "name":
                self._name(cells[1:], number)
        if self.commitment is None and not any(
                (said := _label(cells)) and said[0] in questions() for _, cells in table):
            self.source.error(self.reader.place(self.index), "a commitment table without its "
                              "number and name; left out")
            return None
        self.commitment = self.commitment or self.reader.commitment
        if self.commitment is None:
            self.source.error(self.reader.place(self.index), "the template's questions before "
                              "any commitment's table (with its number and name); left out")
            return None
        above: Any = None
        for number, cells in table:
            found = _label(cells)
            merged = above is not None and cells and cells[0]._tc is above._tc
            above = cells[0] if cells else None
            if found and found[0] == "name":
                continue
            if found and not merged:
                self.pending, self.sectors = None, {}
                self._row(number, found[0], cells[1:])
            elif self.pending:
                self._row(number, "", cells[1:] if merged else cells)
            elif self.sectors:
                self._row(number, "", cells[1:])
            elif any(cell_text(c) for c in cells):
                label = cell_text(cells[0])
                self.source.warn(self.reader.place(self.index, number), f"{label[:60]!r} is "
                                 "not a row of the OGP commitment template; left out")
        return self.pending

    def _name(self, cells: list[Any], number: int) -> None:
        text = " ".join(" ".join(cell_text(c).split()) for c in cells if cell_text(c))
        found = re.match(r"^\D{0,20}?(\d{1,3})\s*[.:)\-–]?\s*", text)
        place = self.reader.place(self.index, number)
        if not found:
            self.source.error(place, f"{text[:60]!r} gives no commitment number (such as "
                              "'1. Open contracting'); table left out")
            return
        title = text[found.end():].strip()
        self.commitment = self.source.commitment(int(found.group(1)), place)
        if title:
            said = marked_language([p for c in cells for p in c.paragraphs])
            self.commitment.text("title")[said or self.lang] = title
        self.reader.commitment = self.commitment

    def _row(self, number: int, name: str, cells: list[Any]) -> None:
        commitment = self.commitment
        assert commitment is not None
        text = "\n\n".join(cell_markdown(c) for c in cells if cell_text(c)).strip()
        place = self.reader.place(self.index, number)
        if not name:
            name, self.pending = self.pending or "supporting", None
            if name == "supporting":
                self._supporting_names(commitment, cells)
                return
        if name == "supporting":
            self._supporting_head(commitment, cells)
        elif name in ("lead", "ogp-id") and text:
            setattr(commitment, name.replace("-", "_"), " ".join(text.split()))
            if name == "lead":
                self.reader.named(commitment.lead or "", cells[0])
        elif name == "period" and text:
            self._period(commitment, text, place)
        elif name == "values":
            self._values(commitment, text, place)
        elif name == "kind":
            commitment.kind = kind_of(text) or commitment.kind
        elif name in ("country", "links"):
            return
        elif text:
            commitment.text(name)[marked_language(
                [p for c in cells for p in c.paragraphs]) or self.lang] = text
        else:
            self.pending = name

    def _supporting_head(self, commitment: Commitment, cells: list[Any]) -> None:
        """The template's sector columns (names on the row below), else names."""
        heads = {i: sector_of(cell_text(c)) if "\n" not in cell_text(c) else None
                 for i, c in enumerate(cells)}
        if any(heads.values()):
            self.sectors = {i: s for i, s in heads.items() if s}
            return
        self._supporting_names(commitment, cells)

    def _supporting_names(self, commitment: Commitment, cells: list[Any]) -> None:
        for i, cell in enumerate(cells):
            supporters(self.source, commitment, cell, self.lang, "[;]", self.sectors.get(i))
        self.sectors = {}

    def _period(self, commitment: Commitment, text: str, place: Place) -> None:
        splits = _period_splits(" ".join(text.split()), self.lang)
        if not splits:
            self.source.error(place, f"{text!r} is not a period (such as 30 June 2027 – 30 "
                              "June 2029)")
            return
        problem: Unreadable | None = None
        for first, second in splits:
            try:
                start, start_note = date_of(first, self.lang, start=True)
                end, end_note = date_of(second, self.lang)
            except Unreadable as error:
                problem = problem or error
                continue
            commitment.start, commitment.end = start, end
            for note in filter(None, (start_note, end_note)):
                self.source.warn(place, f"the period: {note}")
            return
        self.source.error(place, f"the period: {problem}")

    def _values(self, commitment: Commitment, text: str, place: Place) -> None:
        values_of(self.source, commitment, text, place)


def due_date(source: Source, text: str, lang: str, place: Place) -> str | None:
    """A milestone's completion date; None, said, when the cell gives none or none that
    can be read: the milestone is kept without it (`check` then asks for one)."""
    try:
        when, note = date_of(text, lang)
    except Undated as said:
        source.warn(place, f"{said}; the completion date is left empty")
        return None
    except Unreadable as error:
        source.error(place, f"{error}; the completion date is left empty")
        return None
    if note:
        source.warn(place, note)
    return when


def values_of(source: Source, commitment: Commitment, text: str, place: Place) -> None:
    """The OGP values a text names ("Transparency, Participation"; "transparencia y
    participación"), in the words ogpctl writes them or other plans do."""
    for part in filter(None, (p.strip(" *") for p in re.split(r"[;,،、؛\n/]", text))):
        words = [part] if value_of(part) else \
            [w for w in re.split(r"\b(?:y|and|et|e)\b", part) if w.strip()]
        for word in words:
            code = value_of(word)
            if code is None:
                source.warn(place, f"{word.strip()!r} is not an OGP value; left out")
            elif code not in commitment.values:
                commitment.values.append(code)


def _period_splits(text: str, lang: str) -> list[tuple[str, str]]:
    """Where a period may split into its start and end, the likeliest first: as ogpctl
    writes one in `lang` ("Du … au …", at each place the word between may be), then at a
    dash or a word such as "to"."""
    from ogpctl.render.commitment import period_text

    def spaced(literal: str) -> str:
        return r"\s+".join(re.escape(word) for word in literal.split())

    said = period_text(Language(lang), _MARK + "1", _MARK + "2")
    before, _, rest = said.partition(_MARK + "1")
    between, _, after = rest.partition(_MARK + "2")
    splits: list[tuple[str, str]] = []
    inner = re.fullmatch(spaced(before) + r"\s*(.+?)\s*" + spaced(after), text, re.I)
    if inner and between.strip():
        middle = re.compile(r"\s+" + spaced(between) + r"\s+", re.I)
        splits += [(inner.group(1)[:m.start()], inner.group(1)[m.end():])
                   for m in middle.finditer(inner.group(1))]
    parts = [p for p in _RANGE.split(text.strip()) if p.strip()]
    if len(parts) == 2:
        splits.append((parts[0], parts[1]))
    return splits


__all__ = ["TableReader", "cell_markdown", "paragraph_markdown"]

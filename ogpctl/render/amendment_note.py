"""The amendment note (handbook 2.2; 2.3 for the four-year refresh): the document sent to
OGP with an amended plan, which "clearly outlines all changes" to its commitments and
milestones since delivery, each named by number and title, in the reader's language.

What the changes are is `ogpctl.domain.delivery`'s answer, the one C418 reads: every
amendment (a commitment's or milestone's, the plan's title, its sections), then the
translations corrected while their source stayed as delivered. Progress (milestone
statuses and updates), the plan's other fields and translations added to a text that did
not otherwise change are not listed. The changes come from `ogpctl.domain.diff`; nothing
about git reaches the document.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from itertools import groupby
from typing import Any

from ogpctl.base.errors import UsageError
from ogpctl.domain.delivery import AMENDMENT, CORRECTION, after_delivery, section_of
from ogpctl.domain.diff import Change, commitment_of, word_diff
from ogpctl.record.model import Commitment, Plan, Record, as_date
from ogpctl.record.text import translations
from ogpctl.render.amendments import titles_by_number
from ogpctl.render.blocks import Block, Foreign, Heading, Inline, ListBlock, Paragraph, Text
from ogpctl.render.context import RenderContext

FIELDS = {"title": "name", "brief-description": "brief description",
          "problem/what": "problem", "problem/causes": "causes of the problem",
          "description/done-so-far": "what has been done so far",
          "description/solution": "proposed solution", "description/results": "results wanted",
          "relevance": "relevance to the open government values", "output": "expected output"}

#: Every placeholder of the note's sentences, marked so that record texts are placed as
#: inlines after translation and never go through `str.format`.
MARKS = {name: f"\x00{name}\x00" for name in
          ("milestone", "title", "number", "field", "old", "new", "diff", "language")}
_MARK = re.compile("\x00([a-z]+)\x00")

Parts = tuple[Inline, ...]


def amendment_note(c: RenderContext, plan: Plan, since: str | None) -> list[Block]:
    """The note's blocks: changes from `since` (a git revision; default: the plan's
    delivery, its submitted/<plan> tag) to the working tree."""
    from ogpctl.base.vcs import commit_day, has_tag, resolve_revision, tag_name
    from ogpctl.domain.diff import compare_revisions
    from ogpctl.render.history import changes_since_delivery

    if since is None:
        if not has_tag(c.record.root, tag_name(plan.id)):
            raise UsageError(f"plan {plan.id} has no {tag_name(plan.id)} tag to count changes "
                             "from; record its delivery with `ogpctl tag-submission` or give "
                             "--since REV")
        commit = resolve_revision(c.record.root, tag_name(plan.id))
    else:
        commit = resolve_revision(c.record.root, since)
    changes = (changes_since_delivery(c.record, plan) or [] if since is None else
               [ch for ch in compare_revisions(c.record.root, commit, None)
                if ch.plan == plan.id])
    uncovered: frozenset[tuple[Any, ...]] = frozenset()
    if since is None:
        day = _delivered(plan, changes) or commit_day(c.record.root, commit)
        opening = c.lang._("Changes since the plan was delivered on {date}.",
                           date=c.lang.date(day))
        uncovered = _uncovered(c.record, plan, as_date(plan.fields.get("delivered"))
                               or commit_day(c.record.root, commit))
    else:
        opening = c.lang._("Changes since the plan as it stood on {date}.",
                           date=c.lang.date(commit_day(c.record.root, commit)))
    return amendment_blocks(c, plan, changes, opening, uncovered)


def _uncovered(record: Record, plan: Plan, delivered: date) -> frozenset[tuple[Any, ...]]:
    """What each amendment made after the commit that recorded the plan's amendments
    changed (C418's rule): no recorded amendment covers it, so the note cannot file it
    under one."""
    from ogpctl.rules.amendments import changes_after, recorded_in, recorded_since

    entries = recorded_since(plan.fields, delivered)
    commit = recorded_in(record.root, plan.id, delivered, entries) if entries else None
    if commit is None:
        return frozenset()
    return frozenset(map(_identity, changes_after(record, plan.id, record.root, commit)))


def _identity(change: Change) -> tuple[Any, ...]:
    """What a change is about (a commitment's or milestone's field), whatever its values:
    a date moved once under an amendment and again after it is the same date."""
    plan_level = change.document if commitment_of(change) is None else None
    return (commitment_of(change), change.milestone, change.field, change.kind == "removed",
            plan_level)


def _delivered(plan: Plan, changes: list[Change]) -> date | None:
    """The delivery date as recorded when the plan was delivered (it may be edited since)."""
    for change in changes:
        if change.commitment is None and change.field == "delivered":
            return as_date(change.old)
    return as_date(plan.fields.get("delivered"))


def amendment_blocks(c: RenderContext, plan: Plan, changes: list[Change], opening: str,
                     uncovered: frozenset[tuple[Any, ...]] = frozenset()) -> list[Block]:
    """The note: the amendments recorded, then the changes by commitment; those in
    `uncovered` (`_identity`), made after the last amendment was recorded, apart."""
    blocks: list[Block] = [Paragraph((Text(opening + " " + c.lang._(
        "This note lists the commitments and milestones added, removed or changed, as the "
        "handbook asks of an amended or refreshed plan (sections 2.2 and 2.3). Removed words "
        "are shown [-like this-], added words {+like this+}.")),))]
    blocks += recorded_amendments(c, changes)
    found = after_delivery(changes, plan, c.record.languages.default)
    amendments = sorted((item.change for item in found if item.nature == AMENDMENT),
                        key=_heading)
    if not found:
        blocks.append(Paragraph((Text(c.lang._("No changes.")),)))
    later = [ch for ch in amendments if _identity(ch) in uncovered]
    blocks += _by_commitment(c, plan, [ch for ch in amendments
                                       if _identity(ch) not in uncovered], 2)
    if later:
        blocks.append(Heading(2, (Text(c.lang._("Not covered by a recorded amendment")),)))
        blocks.append(Paragraph((Text(c.lang._(
            "These changes were made after the plan's latest amendment was recorded: no "
            "amendment covers them (finding C418). Record one, with its date and summary, "
            "before sending this note.")),)))
        blocks += _by_commitment(c, plan, later, 3)
    return blocks + _corrections(c, plan, sorted(
        (item.change for item in found if item.nature == CORRECTION), key=_heading))


def _corrections(c: RenderContext, plan: Plan, corrections: list[Change]) -> list[Block]:
    """The translations corrected since: listed, as no amendment."""
    if not corrections:
        return []
    return [Heading(2, (Text(c.lang._("Translations corrected")),)),
            Paragraph((Text(c.lang._(
                "These texts changed only in a translation: their source text (in English, "
                "else in the record's main language) is as it was delivered. They correct "
                "the translation and amend nothing.")),)),
            *_by_commitment(c, plan, corrections, 3)]


def _by_commitment(c: RenderContext, plan: Plan, amendments: list[Change], level: int
                   ) -> list[Block]:
    """The changes under their commitment's heading; those to the plan's own title and
    sections first, under the plan's."""
    blocks: list[Block] = []
    by_number = {commitment.number: commitment for commitment in plan.commitments}
    for (number, removed), group in groupby(amendments, key=_heading):
        items = list(group)
        if number == 0:
            blocks.append(Heading(level, (Text(c.lang._("The action plan")),)))
            items.sort(key=_plan_order)
            blocks.append(ListBlock(tuple((Paragraph(plan_item(c, ch)),) for ch in items)))
            continue
        commitment = None if removed else by_number.get(number)
        title = (items[0].values or (None, None))[0] if removed else \
            commitment.fields.get("title") if commitment else None
        blocks.append(Heading(level, (Text(f"{number}. "), *c.inline(title))))
        blocks.append(ListBlock(tuple((Paragraph(change_item(c, commitment, ch)),)
                                      for ch in items)))
    return blocks


def _plan_order(change: Change) -> tuple[int, str]:
    """The plan's title, then its sections in the plan's order, each by language."""
    from ogpctl.record.kinds import SECTIONS

    found = section_of(change)
    if found is None:
        return 0, ""
    place = SECTIONS.index(found[0]) + 1 if found[0] in SECTIONS else len(SECTIONS) + 1
    return place, found[1]


def plan_item(c: RenderContext, change: Change) -> Parts:
    """A change to the plan's title or to one of its sections (its file's language)."""
    _ = c.lang._
    found = section_of(change)
    if found is None:
        return compose(_("Title of the action plan changed: {diff}", **MARKS),
                       diff=text_diff(c, change))
    from ogpctl.base.i18n import Language
    from ogpctl.render.action_plan import section_titles

    section = section_titles(c.lang).get(found[0], found[0])
    language = Language(found[1]).name_in(c.lang.code)
    if change.kind == "document-added":
        return compose(_("Section {field} added ({language}).", **MARKS), field=section,
                       language=language)
    if change.kind == "document-removed":
        return compose(_("Section {field} removed ({language}).", **MARKS), field=section,
                       language=language)
    return compose(_("Section {field}, text in {language} changed: {diff}", **MARKS),
                   field=section, language=language, diff=text_diff(c, change))


def recorded_amendments(c: RenderContext, changes: list[Change]) -> list[Block]:
    """Each amendment plan.yaml records since the starting point, with its date and its
    summary (the handbook's "updated version that clearly outlines all changes", 2.2):
    the reasons, in the reader's language or marked as shown in another."""
    recorded = sorted((ch for ch in changes
                       if ch.kind in ("amendment-added", "amendment-changed")),
                      key=lambda ch: (as_date(ch.new) or date.max).isoformat())
    blocks: list[Block] = []
    for change in recorded:
        day = as_date(change.new)
        blocks.append(Heading(2, (Text(c.lang._("Amendment of {date}", date=c.lang.date(day))
                                       if day else c.lang._("Amendment with no date")),)))
        blocks += c.blocks_or((change.values or (None, None))[1],
                              c.lang._("No summary of the changes is recorded."), 3)
    return blocks


def _heading(change: Change) -> tuple[int, bool]:
    """Changes go under their commitment's heading; a commitment removed has its own, with
    its old title, even when another now has its number."""
    removed = change.kind == "removed" and change.milestone is None
    return commitment_of(change) or 0, removed


def change_item(c: RenderContext, commitment: Commitment | None, change: Change) -> Parts:
    if change.kind.startswith("field-"):
        return _field_item(c, commitment, change)
    if change.milestone is not None:
        return _milestone_item(c, commitment, change)
    _ = c.lang._
    if change.kind == "added":
        return (Text(_("Commitment added.")),)
    if change.kind == "removed":
        return (Text(_("Commitment removed.")),)
    if change.kind == "renumbered":
        return (Text(_("Previously commitment {number}.", number=change.old)),)
    if change.kind == "text":
        message = _("{field} changed: {diff}", **MARKS)
        label = field_label(c, change.field)
        if message.startswith(MARKS["field"]):   # it opens the sentence
            label = label[:1].upper() + label[1:]
        return compose(message, field=label, diff=text_diff(c, change))
    if change.kind == "redated":
        message = _("Start date moved from {old} to {new}.", **MARKS) \
            if change.field == "period/start" else \
            _("End date moved from {old} to {new}.", **MARKS)
        return compose(message, old=_day(c, change.old), new=_day(c, change.new))
    if change.field == "values":
        return compose(_("Open government values changed from {old} to {new}.", **MARKS),
                        old=values_label(c, change.old), new=values_label(c, change.new))
    if change.field == "kind":
        return compose(_("Kind of commitment changed from {old} to {new}.", **MARKS),
                        old=kind_label(c, change.old), new=kind_label(c, change.new))
    return compose(_("Lead changed from {old} to {new}.", **MARKS),
                    old=_who(c, change.old), new=_who(c, change.new))


def _field_item(c: RenderContext, commitment: Commitment | None, change: Change) -> Parts:
    """Another field of the commitment's file (its supporting stakeholders, its
    implementation plan; a milestone's): a text by its word diff, a value by what it was
    and is."""
    _ = c.lang._
    label = commitment_field_label(c, change.field)
    field: str | Parts = label
    if change.milestone is not None:
        label = in_sentence(label)   # it follows the milestone's name
        field = compose(_("{milestone}, {field}", **MARKS), field=label,
                         milestone=milestone_name(c, replace(change, commitment=change.part),
                                                  milestone_title(commitment, change)))
    if change.kind == "field-text":
        return compose(_("{field} changed: {diff}", **MARKS), field=field,
                        diff=text_diff(c, change))
    if change.kind == "field-items":
        return _items(c, change, field)
    if change.kind == "field-added":
        return compose(_("{field}: {new} added.", **MARKS), field=field,
                        new=_said(c, change.field, change.new))
    if change.kind == "field-removed":
        return compose(_("{field}: {old} removed.", **MARKS), field=field,
                        old=_said(c, change.field, change.old))
    return compose(_("{field} changed from {old} to {new}.", **MARKS), field=field,
                    old=_said(c, change.field, change.old),
                    new=_said(c, change.field, change.new))


def _items(c: RenderContext, change: Change, field: str | Parts) -> Parts:
    """A list of names or codes by the entries it lost and those it gained."""
    before, after = (v if isinstance(v, list) else [] for v in (change.old, change.new))
    lost = [item for item in before if item not in after]
    gained = [item for item in after if item not in before]
    parts: Parts = ()
    for items, message in ((lost, c.lang._("{field}: {old} removed.", **MARKS)),
                           (gained, c.lang._("{field}: {new} added.", **MARKS))):
        if items:
            said = _said(c, change.field, items)
            parts += ((Text(" "),) if parts else ()) + compose(message, field=field,
                                                                old=said, new=said)
    return parts or compose(c.lang._("{field}: the same items in another order.",
                                      **MARKS), field=field)


def commitment_field_label(c: RenderContext, path: str | None) -> str:
    """A field of a commitment's file (`supporting/civil-society/2`) by the labels its
    document uses, each step in the reader's language ("Supporting stakeholders › Civil
    society"); a list entry by its list, since the sentence says what was added or removed."""
    from ogpctl.render import commitment as labels

    words: dict[str, str] = {}
    for table in (labels.question_labels, labels.milestone_labels, labels.special_labels,
                  labels.implementation_labels, labels.part_labels, labels.header_labels,
                  labels.sector_labels):
        words.update(table(c.lang))
    steps = [step for step in (path or "").split("/") if step and not step.isdigit()]
    return " › ".join(words.get(step, step) for step in steps)


def in_sentence(label: str) -> str:
    """A label inside a sentence: each step opens in lower case."""
    return " › ".join(step[:1].lower() + step[1:] for step in label.split(" › "))


def _said(c: RenderContext, path: str | None, value: Any) -> str | Parts:
    """A value as the note says it; organisations (supporting stakeholders, a lead) by
    their names in stakeholders.yaml."""
    steps = [step for step in (path or "").split("/") if not step.isdigit()]
    if not steps or not ({"supporting", "stakeholders"} & set(steps) or steps[-1] == "lead"):
        return _value(c, value)
    items = value if isinstance(value, list) else [] if value in (None, "") else [value]
    names = [c.stakeholder(item) if isinstance(item, str) else (Text(_value(c, item)),)
             for item in items]
    joined: list[Inline] = []
    for index, name in enumerate(names):
        joined += [Text(", ")] if index else []
        joined += name
    return tuple(joined) or "—"


def _value(c: RenderContext, value: Any) -> str:
    """A field's value as the note says it: a list joined, a text in the reader's language
    (else the first it has), nothing as a dash."""
    if isinstance(value, list):
        return ", ".join(_value(c, item) for item in value) or "—"
    if isinstance(value, dict):
        said = translations(value, c.record.languages.default)
        if said:
            return said.get(c.lang.code) or next(iter(said.values()))
        from ogpctl.render.commitment import label_end

        return c.lang._("; ").join(f"{key}{label_end(c.lang)}{_value(c, item)}"
                                   for key, item in value.items())
    return "—" if value in (None, "") else str(value)


def _milestone_item(c: RenderContext, commitment: Commitment | None, change: Change) -> Parts:
    _ = c.lang._
    name = milestone_name(c, change, milestone_title(commitment, change))
    if change.kind in ("added", "removed"):
        message = _("{milestone} added.", **MARKS) if change.kind == "added" else \
            _("{milestone} removed.", **MARKS)
        return compose(message, milestone=name)
    if change.kind == "redated":
        return compose(_("{milestone}: completion date moved from {old} to {new}.", **MARKS),
                        milestone=name, old=_day(c, change.old), new=_day(c, change.new))
    if change.kind == "text":
        if change.field == "title":   # the diff shows the title: say it once
            name = milestone_name(c, change, None)
        return compose(_("{milestone}, {field} changed: {diff}", **MARKS), milestone=name,
                        field=field_label(c, change.field), diff=text_diff(c, change))
    if change.field == "status":
        return compose(_("{milestone}: status changed from {old} to {new}.", **MARKS),
                        milestone=name, old=status_label(c, change.old),
                        new=status_label(c, change.new))
    return compose(_("{milestone}: lead changed from {old} to {new}.", **MARKS),
                    milestone=name, old=_who(c, change.old), new=_who(c, change.new))


def milestone_title(commitment: Commitment | None, change: Change) -> Any:
    if change.kind in ("added", "removed"):
        return (change.values or (None, None))[change.kind == "added"]
    return titles_by_number(commitment).get(change.milestone) if commitment else None


def milestone_name(c: RenderContext, change: Change, title: Any) -> Parts:
    """`Milestone 1.2 “Train the officials”` (commitment.milestone, as the plan numbers
    them), or `Milestone 1.2` when it has no title."""
    number = (f"{change.commitment}.{change.milestone}" if change.commitment is not None
              else str(change.milestone))
    inlines = c.inline(title)
    if not inlines:
        return (Text(c.lang._("Milestone {number}", number=number)),)
    return compose(c.lang._("Milestone {number} “{title}”", **MARKS),
                    number=number, title=inlines)


def compose(message: str, **parts: str | Parts) -> Parts:
    """A translated sentence with its placeholders replaced by inlines (or plain text)."""
    found: list[Inline] = []
    for index, piece in enumerate(_MARK.split(message)):
        if index % 2:
            part = parts.get(piece, "")
            found.extend((Text(part),) if isinstance(part, str) else part)
        elif piece:
            found.append(Text(piece))
    return tuple(found)


def text_diff(c: RenderContext, change: Change) -> Parts:
    """The word diff in the reader's language, else in the first language (English, then
    the record's default) whose text changed, marked as shown in that language. A language
    whose text was only now written shows no change of meaning: one that had a text before
    is preferred."""
    old, new = (translations(v, c.record.languages.default) for v in change.values or ({}, {}))
    order = (c.lang.code, "en", c.record.languages.default, *sorted(old.keys() | new.keys()))
    changed = [code for code in order if old.get(code) != new.get(code)]
    lang = next((code for code in changed if code in old and code in new),
                changed[0] if changed else c.lang.code)
    diff = (Text(word_diff(old.get(lang, ""), new.get(lang, ""))),)
    if lang == c.lang.code:
        return diff
    from ogpctl.base.i18n import Language

    return (Foreign(lang, diff, c.lang._("in {language}", language=Language(lang).name_in(
        c.lang.code))),)


def field_label(c: RenderContext, field: str | None) -> str:
    labels = {"name": c.lang._("name"), "brief description": c.lang._("brief description"),
              "problem": c.lang._("problem"),
              "causes of the problem": c.lang._("causes of the problem"),
              "what has been done so far": c.lang._("what has been done so far"),
              "proposed solution": c.lang._("proposed solution"),
              "results wanted": c.lang._("results wanted"),
              "relevance to the open government values": c.lang._(
                  "relevance to the open government values"),
              "expected output": c.lang._("expected output")}
    return labels.get(FIELDS.get(field or "", ""), field or "")


def status_label(c: RenderContext, value: object) -> str:
    return {"not-started": c.lang._("not started"), "in-progress": c.lang._("in progress"),
            "completed": c.lang._("completed"),
            "withdrawn": c.lang._("withdrawn")}.get(str(value), str(value or "-"))


def kind_label(c: RenderContext, value: object) -> str:
    return {"regular": c.lang._("Regular commitment"),
            "challenge": c.lang._("Challenge commitment"),
            "local": c.lang._("Local commitment")}.get(str(value or "regular"), str(value))


def values_label(c: RenderContext, value: object) -> str:
    """`Transparency, Participation` for the codes `transparency, participation`."""
    from ogpctl.render.commitment import value_label

    codes = [code.strip() for code in str(value or "").split(",") if code.strip()]
    return c.lang.join(value_label(c, code) for code in codes) or "-"


def _day(c: RenderContext, value: object) -> str:
    day = as_date(value)
    return c.lang.date(day) if day else str(value or "-")


def _who(c: RenderContext, value: object) -> Parts:
    return c.stakeholder(value) if isinstance(value, str) else (Text("-"),)

"""Sentences of the review about a plan's own fields and its contributions (handbook
2.1.d); those about commitments and milestones are the amendment note's."""

from __future__ import annotations

from typing import Any

from ogpctl.domain.diff import Change
from ogpctl.record.model import Plan, as_date, listed
from ogpctl.record.text import translations
from ogpctl.render.amendment_note import MARKS, compose, field_label, text_diff
from ogpctl.render.blocks import Code, Inline, Strong, Text
from ogpctl.render.context import RenderContext

Parts = tuple[Inline, ...]


def unreadable_item(c: RenderContext, change: Change, base: str | None = None) -> Parts:
    """A file one side cannot parse: what its change means is not known. `base` names the
    revision when only its version could not be read: the file reads now (the change fixed
    it), and the reviewer must not be told it cannot be read."""
    if base is not None:
        return compose(c.lang._(
            "{file} could not be read at {base}, so its change cannot be told field by field; "
            "it can be read now (the fixed findings below say why it could not).",
            file=MARKS["title"], base=MARKS["old"]),
            title=(Code(change.field or ""),), old=(Code(base),))
    return compose(c.lang._("{file} cannot be read, so what its change means is not known; "
                             "the findings below say why.", file=MARKS["title"]),
                    title=(Code(change.field or ""),))


def plan_item(c: RenderContext, change: Change, base: str | None = None) -> Parts:
    """A change to the plan itself: added or removed, its status, delivery date, window,
    due year or length (`base`: see `unreadable_item`)."""
    _ = c.lang._
    if change.kind == "unreadable":
        return unreadable_item(c, change, base)
    if change.kind.startswith("amendment-"):
        return amendment_item(c, change)
    if change.kind == "added":
        return (Text(_("Action plan added.")),)
    if change.kind == "removed":
        return (Text(_("Action plan removed.")),)
    old, new = _plan_value(c, change.field, change.old), _plan_value(c, change.field, change.new)
    message = {
        "status": _("Status of the plan changed from {old} to {new}.", **MARKS),
        "delivered": _("Delivery date changed from {old} to {new}.", **MARKS),
        "window": _("Delivery window changed from {old} to {new}.", **MARKS),
        "due-year": _("Year the plan is due changed from {old} to {new}.", **MARKS),
        "length": _("Length of the plan changed from {old} to {new}.", **MARKS),
    }.get(change.field or "", _("{field} changed from {old} to {new}.", **MARKS))
    return compose(message, field=change.field or "", old=old, new=new)


def amendment_item(c: RenderContext, change: Change) -> Parts:
    """An amendment plan.yaml records (handbook 2.2), its date and its summary of the
    changes, so that the reviewer can hold the summary against the changes listed."""
    _ = c.lang._
    old, new = change.values or (None, None)
    if change.kind == "amendment-added":
        return compose(_("Amendment recorded, dated {new}: {diff}", **MARKS),
                        new=_plan_value(c, "delivered", change.new), diff=_summary(c, new))
    if change.kind == "amendment-removed":
        return compose(_("Amendment dated {old} removed from the record: {diff}", **MARKS),
                        old=_plan_value(c, "delivered", change.old), diff=_summary(c, old))
    said: Parts = ()
    if change.old != change.new:
        said = compose(_("Date of an amendment changed from {old} to {new}.", **MARKS),
                        old=_plan_value(c, "delivered", change.old),
                        new=_plan_value(c, "delivered", change.new))
    if translations(old, c.record.languages.default) != \
            translations(new, c.record.languages.default):
        said += (Text(" "),) if said else ()
        said += compose(_("Summary of the amendment dated {new} changed: {diff}", **MARKS),
                         new=_plan_value(c, "delivered", change.new),
                         diff=text_diff(c, change))
    return said


def _summary(c: RenderContext, value: Any) -> Parts:
    """An amendment's summary in the reader's language (else marked as in another)."""
    return c.inline(value) or (Text(c.lang._("no summary of the changes")),)


def stale_items(c: RenderContext, change: Change, subject: Parts = ()) -> list[Parts]:
    """One sentence for each translation the change leaves behind: its source text changed
    and it did not (`ogpctl.domain.diff.stale_translations`). The reviewer is the one who
    can ask for it, as the amended plan is sent in English and in the administrative
    language (handbook 2.2). `subject` names the milestone or contribution the text is of."""
    from ogpctl.base.i18n import Language

    _ = c.lang._
    label = _text_label(c, change)
    message = _("{title}: the {field} in {old} was not changed with the {field} in {new}.",
                **MARKS) if subject else \
        _("The {field} in {old} was not changed with the {field} in {new}.", **MARKS)
    return [(Strong((Text(_("To check:")),)), Text(" "), *compose(
        message, title=subject, field=label, old=Language(lang).name_in(c.lang.code),
        new=Language(source).name_in(c.lang.code))) for lang, source in change.stale]


def _text_label(c: RenderContext, change: Change) -> str:
    if change.field == "amendments":
        return c.lang._("summary of the amendment")
    if change.field == "contribution/response":
        return c.lang._("reasoned response")
    if change.kind.startswith("field-") and change.part is not None:
        from ogpctl.render.amendment_note import commitment_field_label, in_sentence

        return in_sentence(commitment_field_label(c, change.field))
    if change.kind.startswith(("field-", "progress-")):
        from ogpctl.review.documents import field_label as document_field
        from ogpctl.review.documents import steps_of

        return document_field(c, steps_of(change))
    return field_label(c, change.field)


def _plan_value(c: RenderContext, field: str | None, value: Any) -> str:
    _ = c.lang._
    if value in (None, ""):
        return "—"
    if field == "status":
        return {"co-creation": _("co-creation"), "implementation": _("implementation"),
                "refresh": _("four-year refresh"), "closed": _("closed")}.get(str(value),
                                                                             str(value))
    if field == "delivered":
        day = as_date(value)
        return c.lang.date(day) if day else str(value)
    if field == "window" and value in ("june", "december"):
        return _month(c, 6 if value == "june" else 12)
    if field == "length" and isinstance(value, int):
        return c.lang.n_("{count} year", "{count} years", value)
    return str(value)


def _month(c: RenderContext, month: int) -> str:
    """The month's name as said alone in the reader's language (CLDR, through Babel)."""
    from babel.dates import get_month_names

    from ogpctl.base.i18n import _locale

    return get_month_names("wide", "stand-alone", locale=_locale(c.lang.code))[month]


def contribution_item(c: RenderContext, change: Change, plan: Plan | None,
                      old: Plan | None, base: str | None = None) -> Parts:
    """A contribution received, answered, decided otherwise, or answered anew (`base`: see
    `unreadable_item`)."""
    _ = c.lang._
    if change.kind == "unreadable":
        return unreadable_item(c, change, base)
    who = contributor(c, change.subject or "", plan, old)
    if change.kind == "added":
        summary = c.inline((change.values or (None, None))[1])
        message = _("Contribution received from {who}: {summary}", who=MARKS["title"],
                    summary=MARKS["diff"]) if summary else \
            _("Contribution received from {who}.", who=MARKS["title"])
        return compose(message, title=who, diff=summary)
    if change.kind == "answered":
        return compose(_("Reasoned response given to the contribution of {who}: {decision}.",
                          who=MARKS["title"], decision=MARKS["new"]),
                        title=who, new=_decision(c, change.new))
    if change.field == "contribution/decision":
        return compose(_("Decision on the contribution of {who} changed from {old} to {new}.",
                          who=MARKS["title"], **MARKS),
                        title=who, old=_decision(c, change.old), new=_decision(c, change.new))
    return compose(_("Reasoned response to the contribution of {who} changed: {diff}",
                      who=MARKS["title"], **MARKS), title=who, diff=text_diff(c, change))


def _decision(c: RenderContext, value: Any) -> str:
    """The decision on one contribution, as said of it in a sentence."""
    return {"include": c.lang._("included in the plan"),
            "amend": c.lang._("included with changes"),
            "reject": c.lang._("not included"),
            "pending": c.lang._("still to be decided")}.get(str(value), str(value or "—"))


def contributor(c: RenderContext, ident: str, plan: Plan | None, old: Plan | None) -> Parts:
    """Who made the contribution (a stakeholder's name, or as recorded), with its id."""
    for source in (plan, old):
        for item in listed(source.contributions if source else None, "contributions"):
            if str(item.get("id")) == ident:
                return (*_source(c, item.get("from")), Text(f" ({ident})"))
    return (Text(ident),)


def _source(c: RenderContext, value: Any) -> Parts:
    if isinstance(value, str):
        return c.stakeholder(value)
    if isinstance(value, dict) and "name" in value:
        if value.get("name") and not _no_name(value.get("name")):
            return c.inline(value.get("name")) or (Text("—"),)
    elif translations(value, c.record.languages.default):
        return c.inline(value)
    return (Text(c.lang._("an unnamed contributor")),)


def _no_name(name: Any) -> bool:
    """A name that forms write for none ("anonymous", "N/A"), as older imports kept it."""
    from ogpctl.importers.contribution_columns import NO_NAME, key

    return isinstance(name, str) and key(name) in NO_NAME

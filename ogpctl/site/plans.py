"""Action plans and commitments: each plan with its dates and commitments, and each
commitment with its milestones, status, progress history and evidence (handbook 3.2.c,
5.1.f, 5.2), then its full text in the commitment template."""

from __future__ import annotations

from markupsafe import Markup

from ogpctl.base.values import list_at
from ogpctl.domain.rollup import UNREASONED, Totals, completed_on, totals_from, totals_of
from ogpctl.domain.stage import plan_stage
from ogpctl.record.model import Commitment, Plan, as_date
from ogpctl.render.action_plan import themes
from ogpctl.render.amendments import (
    added_by_amendment,
    amendment_summary,
    amendment_title,
    changes_blocks,
    recorded,
)
from ogpctl.render.commitment import commitment_blocks, value_label
from ogpctl.render.history import original_dues
from ogpctl.render.period import period_words
from ogpctl.render.self_assessment import (
    colour_label,
    colour_said,
    completion_label,
    totals_sentence,
    withdrawal_sentence,
)
from ogpctl.site import svg, urls
from ogpctl.site.evidence import folder_entries
from ogpctl.site.labels import milestone_status, plan_status
from ogpctl.site.overdue import (
    ANCHOR,
    overdue_count,
    overdue_link,
    overdue_section,
    refresh_alert,
)
from ogpctl.site.progress import CommitmentState, MilestoneState, commitment_state
from ogpctl.site.updates import update_entry
from ogpctl.site.view import Page, View


def period(v: View, plan: Plan) -> str:
    return period_words(v.c.lang, plan, plan.period())


def stage_text(v: View, plan: Plan) -> tuple[str, str]:
    """Where the plan is, as every page says it (`ogpctl.domain.stage`): its status, and
    for a plan not delivered when its window closed what that means (handbook 3.1.a)."""
    stage = plan_stage(plan, v.site.today)
    if stage.late:
        return (v._("Not delivered: the delivery window closed on {date}",
                    date=v.date(stage.closes)),
                v._("An action plan is delivered once it is uploaded to the OGP website, and "
                    "OGP grants no extension: this plan is late (handbook 3.1.a)."))
    return plan_status(v.code, stage.status), ""


def plan_totals(states: list[CommitmentState]) -> Totals:
    """The plan's totals from its commitments' roll-ups (`ogpctl.domain.rollup`): the one
    figure of completed milestones every page gives, withdrawn milestones left out."""
    return totals_from([state.rollup for state in states])


def milestone_counts(v: View, states: list[CommitmentState]) -> dict:
    """The milestones by status: the bar and its label count those not withdrawn, as the
    totals do; the withdrawn ones are named apart."""
    counts = {key: 0 for key in ("completed", "in-progress", "not-started", "withdrawn")}
    for state in states:
        for key, value in state.counts().items():
            counts[key] += value
    withdrawn = counts.pop("withdrawn")
    figures = plan_totals(states)
    label = v.c.lang.n_("{done} of {count} milestone completed",
                        "{done} of {count} milestones completed", figures.milestones,
                        done=v.number(figures.completed))
    if withdrawn:
        label = v.c.lang.join((label, v.c.lang.n_("{count} withdrawn", "{count} withdrawn",
                                                  withdrawn)), semicolon=True)
    legend = [{"swatch": svg.swatch(key), "label": milestone_status(v.code, key),
               "count": v.number(value)} for key, value in counts.items() if value]
    if withdrawn:
        legend.append({"swatch": svg.swatch("withdrawn"),
                       "label": milestone_status(v.code, "withdrawn"),
                       "count": v.number(withdrawn)})
    return {"label": label, "chart": svg.stacked(counts, label), "legend": legend}


def plan_summary(v: View, plan: Plan) -> dict:
    states = v.site.plan_states(plan)
    return {"id": plan.id, "title": v.plan_heading(plan), "href": v.href(urls.plan_page(plan.id)),
            "status": stage_text(v, plan)[0], "overdue": overdue_link(v, plan),
            "period": period(v, plan),
            "commitments": len(plan.commitments), "milestones": milestone_counts(v, states),
            "dashboard": v.href(urls.plan_page(plan.id, "dashboard.html"))}


def plans_index(v: View) -> Page:
    v = v.at("plans/index.html")
    return Page("plans/index.html", v.L["plans"], "plans.html.j2", {
        "plans": [plan_summary(v, plan) for plan in reversed(v.site.record.plans)],
        "intro": v._("Each action plan is co-created by government and civil society and "
                     "holds commitments with milestones, followed here until the plan ends."),
    }, section="plans")


def completion(v: View, state: CommitmentState) -> dict:
    share = state.rollup.share
    percent = v.c.lang.percent(share) if share is not None else "-"
    label = f"{percent} ({completion_label(v.c, state.rollup.completion)})"
    return {"percent": percent, "label": label,
            "bar": svg.bar(share, f"{v.L['completion']}{v.L['colon']} {label}",
                           state.rollup.colour),
            "colour": state.rollup.colour,
            "colour_label": colour_said(v.c, state.rollup, state.commitment),
            "rating_note": rating_note(v, state)}


def rating_note(v: View, state: CommitmentState) -> Markup:
    """Where a self-assessment rates the commitment another colour than its milestones
    give, what the milestones give and the self-assessment's reason, as the report says
    (`ogpctl.render.self_assessment.rating_cell`)."""
    result = state.rollup
    if result.withdrawn:
        return Markup("{}").format(withdrawal_sentence(v.c, state.commitment))
    if result.superseded:
        return set_aside_note(v, state)
    if not result.rated:
        return Markup("")
    source = v._("Rated in the self-assessment of {date}.", date=v.date(result.assessed)) \
        if result.assessed else v._("Rated in the self-assessment.")
    note = v.c.lang._("The milestones alone give {colour}; reason for the difference:",
                      colour=colour_label(v.c, result.milestone_colour))
    reason = v.inline(result.reason) or v.c.lang._("none given.")
    return Markup("{} {} {}").format(source, note, reason)


def set_aside_note(v: View, state: CommitmentState) -> Markup:
    """A self-assessment's rating that is not the colour shown (`Rollup.set_aside`): it no
    longer speaks for the day, or it differs from the milestones with no reason."""
    result = state.rollup
    rating = colour_label(v.c, result.rating)
    if result.assessed:
        said = v._("The self-assessment of {date} rated it {rating}.", rating=rating,
                   date=v.date(result.assessed))
    else:
        said = v._("The self-assessment rated it {rating}.", rating=rating)
    if result.set_aside == UNREASONED:
        why = v._("The report gives no reason for differing from the milestones, which give "
                  "{colour}: their colour is shown.", colour=colour_label(v.c, result.colour))
    else:
        why = v._("The milestones now give {colour}: the report no longer speaks for the "
                  "plan's progress.", colour=colour_label(v.c, result.colour))
    return Markup("{} {}").format(said, why)


def uncounted_note(v: View, state: MilestoneState) -> str:
    """Why a milestone recorded completed is shown with another status: its completion is
    dated after today, after the plan's end, or the plan is not in implementation yet
    (`ogpctl.domain.rollup.counted_status`); or that no update dates its completion (P611),
    though it counts as completed."""
    clock = state.clock
    if state.status == "completed" and completed_on(state.milestone) is None:
        return v._("Recorded as completed, but no progress update says when or with what "
                   "evidence.")
    if state.recorded != "completed" or clock is None:
        return ""
    day = completed_on(state.milestone)
    if not clock.implementing:
        return v._("Recorded as completed: progress counts once the plan is delivered and "
                   "its implementation begins.")
    if day is not None and day > clock.today:
        return v._("Recorded as completed on {date}, after today: in progress until then.",
                   date=v.date(day))
    if day is not None and clock.end is not None and day > clock.end:
        return v._("Completed on {date}, after the plan's end on {end}: not counted in the "
                   "plan's result.", date=v.date(day), end=v.date(clock.end))
    return ""


def commitment_row(v: View, state: CommitmentState) -> dict:
    c = state.commitment
    return {"number": c.number, "title": v.inline(c.fields.get("title")),
            "href": v.href(urls.commitment_page(c.plan.id, c.number, c.id)),
            "lead": v.stakeholder(c.fields.get("lead")), "completion": completion(v, state),
            "last": v.date(state.last), "counts": state.counts(),
            "late": sum(1 for m in state.milestones if m.late),
            "severe": sum(1 for m in state.milestones if m.severe)}


def plan_facts(v: View, plan: Plan) -> list[tuple[str, str | Markup]]:
    dates = plan.dates()
    stage = stage_text(v, plan)
    status = Markup("{}<br><small>{}</small>").format(*stage) if stage[1] else stage[0]
    if alert := refresh_alert(v, plan):
        status = Markup('{} · <strong class="late">{}</strong>').format(status, alert)
    if label := overdue_count(v, plan):
        status = Markup('{} · <a href="#{}">{}</a>').format(status, ANCHOR, label)
    facts: list[tuple[str, str | Markup]] = [
        (v.L["status"], status), (v.L["period"], period(v, plan))]
    if dates:
        facts.append((v.L["due"], v.date(dates.due)))
    delivered = as_date(plan.fields.get("delivered"))
    if delivered:
        facts.append((v.L["delivered"], v.date(delivered)))
    if dates:
        facts.append((v.L["ends"], v.date(dates.end)))
        if dates.refresh_mark:
            facts.append((v.L["refresh"], v.date(dates.refresh_mark)))
    return [(label, value) for label, value in facts if value]


def plan_page(v: View, plan: Plan) -> Page:
    path = urls.plan_page(plan.id)
    v = v.at(path)
    states = v.site.plan_states(plan)
    return Page(path, v.plan_title(plan), "plan.html.j2", {
        "facts": plan_facts(v, plan), "ogp_url": v.url(plan.fields.get("url")),
        "milestones": milestone_counts(v, states),
        "groups": theme_groups(v, plan, states),
        "downloads": downloads(v, plan.id, None),
        "amendments": amendment_entries(v, plan), "overdue": overdue_section(v, plan),
    }, section="plans", plan=plan.id, heading=v.plan_heading(plan))


def amendment_entries(v: View, plan: Plan) -> dict | None:
    """The plan's amendments (handbook 2.2: the amended plan "clearly outlines all
    changes"): each with its date and summary (in the reader's language or marked), and
    the amendment note in each language when the site could build it from git history."""
    items = recorded(plan)
    if not items:
        return None
    from ogpctl.site.documents import download_rows

    note = [d for d in v.site.downloads if d.plan == plan.id and d.document == "amendment-note"]
    return {"title": v._("Amendments to this action plan"),
            "intro": v.c.lang.n_("This action plan was amended once after its delivery.",
                                 "This action plan was amended {count} times after its "
                                 "delivery.", len(items)),
            "items": [{"title": amendment_title(v.c, day),
                       "summary": v.markup(amendment_summary(v.c, summary, 4))}
                      for day, summary in items],
            "changes": v.markup(changes_blocks(v.c, plan, 3)),
            "note": download_rows(v, note),
            "note_caption": v._("Amendment note: every change since the plan was delivered")}


def theme_groups(v: View, plan: Plan, states: list[CommitmentState]) -> list[dict]:
    """The commitments table, one a theme (policy area) with its totals when the plan's
    commitments have themes; else one table with no heading."""
    by_number = {s.commitment.number: s for s in states}
    groups = []
    for index, (theme, commitments) in enumerate(themes(v.c, plan), start=1):
        rows = [commitment_row(v, by_number[c.number]) for c in commitments
                if c.number in by_number]
        groups.append({"title": theme or (v._("Other commitments") if index > 1 else None),
                       "id": f"theme-{index}", "rows": rows,
                       "totals": totals_sentence(v.c.lang, totals_of(commitments,
                                                                     v.site.today))})
    return groups


def downloads(v: View, plan: str, number: int | None) -> list[dict]:
    from ogpctl.site.documents import download_rows

    return download_rows(v, [d for d in v.site.downloads if d.plan == plan
                             and d.commitment == number])


def due_text(v: View, c: Commitment, state: MilestoneState) -> str:
    """The completion date, and for a milestone re-dated since delivery the date it had
    then (`ogpctl.render.history`: where git history gives it)."""
    original = original_dues(v.site.record, c.plan).get((c.number, state.number or 0))
    if original is None or original == state.due:
        return v.date(state.due)
    return v._("{date} (originally {original})", date=v.date(state.due),
               original=v.date(original))


def milestone_entry(v: View, c: Commitment, state: MilestoneState) -> dict:
    fields = state.milestone.fields
    return {"number": f"{c.number}.{state.number}" if state.number else "",
            "title": v.inline(fields.get("title")), "status": state.status,
            "status_label": milestone_status(v.code, state.status),
            "status_note": uncounted_note(v, state),
            "due": due_text(v, c, state), "late": state.late, "severe": state.severe,
            "days_late": v.c.lang.n_("{count} day late", "{count} days late", state.days_late),
            "completed_late": v.c.lang.n_("completed {count} day late",
                                          "completed {count} days late", state.days_late)
            if state.status == "completed" and state.days_late else "",
            "lead": v.stakeholder(fields.get("lead")), "output": v.blocks(fields.get("output"), 4),
            "updates": [update_entry(v, u) for u in state.updates]}


def commitment_page(v: View, c: Commitment) -> Page:
    path = urls.commitment_page(c.plan.id, c.number, c.id)
    v = v.at(path)
    state = commitment_state(c, v.site.today)
    values = list_at(c.fields, "values")
    added = added_by_amendment(v.c, c)
    return Page(path, f"{c.number}. {v.text(c.fields.get('title'))}".strip(),
                "commitment.html.j2", {
        "plan": {"title": v.plan_heading(c.plan), "href": v.href(urls.plan_page(c.plan.id))},
        "brief": v.inline(c.fields.get("brief-description")),
        "added": v.markup([added]) if added else None,
        "lead": v.stakeholder(c.fields.get("lead")),
        "values": v.c.lang.join(value_label(v.c, x) for x in values if isinstance(x, str)),
        "completion": completion(v, state), "last": v.date(state.last),
        "milestones": [milestone_entry(v, c, m) for m in state.milestones],
        "folders": folder_entries(v, c.plan.id, c.number),
        "full": v.markup(commitment_blocks(v.c, c, level=2)[1:], anchors="text"),
        "downloads": downloads(v, c.plan.id, c.number),
    }, section="plans", plan=c.plan.id)

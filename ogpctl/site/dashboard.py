"""The progress dashboard of a plan (handbook 5.1.f, 5.3.a): completion of each commitment
and milestone, late milestones with the reasons given, drawn as inline SVG with the same
figures in tables, so it works without JavaScript and with a screen reader."""

from __future__ import annotations

from markupsafe import Markup

from ogpctl.domain.rollup import reckoning
from ogpctl.domain.stage import plan_stage
from ogpctl.record.model import Plan
from ogpctl.render.self_assessment import totals_sentence
from ogpctl.site import svg, urls
from ogpctl.site.labels import milestone_status
from ogpctl.site.plans import (
    commitment_row,
    milestone_counts,
    plan_totals,
    stage_text,
    uncounted_note,
)
from ogpctl.site.progress import CommitmentState
from ogpctl.site.view import Page, View


def milestone_rows(v: View, states: list[CommitmentState]) -> list[dict]:
    rows = []
    for state in states:
        c = state.commitment
        href = v.href(urls.commitment_page(c.plan.id, c.number, c.id))
        for m in state.milestones:
            rows.append({
                "number": f"{c.number}.{m.number}" if m.number else str(c.number),
                "title": v.inline(m.milestone.fields.get("title")), "href": href,
                "status": m.status, "status_label": milestone_status(v.code, m.status),
                "status_note": uncounted_note(v, m),
                "due": v.date(m.due), "late": m.late, "severe": m.severe,
                "days_late": v.c.lang.n_("{count} day late", "{count} days late", m.days_late),
                "last": v.date(m.last), "delay": v.blocks(m.latest("delay-reason"), 4),
                "next": v.blocks(m.latest("next-steps"), 4)})
    return rows


def timeline(v: View, plan: Plan, states: list[CommitmentState]):
    span = plan.period()
    marks = [svg.Mark(row, m.due, m.status, f"{s.commitment.number}.{m.number or '?'} "
                      f"{v.text(m.milestone.fields.get('title'))}{v.L['colon']} "
                      f"{v.c.lang.join((milestone_status(v.code, m.status), v.date(m.due)))}")
             for row, s in enumerate(states) for m in s.milestones if m.due]
    if span is None or not marks:
        return None
    label = v._("Milestones of each commitment by expected completion date, from {start} to "
                "{end}; the dashed line is today, {today}.", start=v.date(span[0]),
                end=v.date(span[1]), today=v.date(v.site.today))
    return svg.timeline([str(s.commitment.number) for s in states], marks, span[0], span[1],
                        v.site.today, label, v.date(v.site.today))


def stage_note(v: View, plan: Plan) -> list[str]:
    """Where the plan is, when its commitments are not rated yet (`ogpctl.domain.stage`):
    a late plan says so as its plan page does (`stage_text`)."""
    stage = plan_stage(plan, v.site.today)
    if stage.late:
        return [*stage_text(v, plan), v._("Its commitments are rated once implementation "
                                          "begins.")]
    if not stage.implementing:
        return [v._("This plan is in co-creation: its commitments are rated once "
                    "implementation begins.")]
    clock = reckoning(plan, v.site.today)
    if clock.end is not None and clock.day < v.site.today:
        return [v._("This plan ended on {date}: its figures are its result on that day, and "
                    "updates dated later do not change them.", date=v.date(clock.end))]
    return []


def dashboard_page(v: View, plan: Plan) -> Page:
    path = urls.plan_page(plan.id, "dashboard.html")
    v = v.at(path)
    states = v.site.plan_states(plan)
    milestones = milestone_rows(v, states)
    title = f"{v.L['dashboard']}{v.L['colon']} {v.plan_title(plan)}"
    return Page(path, title, "dashboard.html.j2", {
        "intro": v._("Each commitment's completion is rolled up from its milestones: only "
                     "completed milestones count. Most of them completed is substantial "
                     "progress; work in progress alone is limited progress. Figures as of "
                     "{date}.", date=v.date(reckoning(plan, v.site.today).day)),
        "stage": stage_note(v, plan),
        "totals": totals_sentence(v.c.lang, plan_totals(states)),
        "milestones": milestone_counts(v, states),
        "rows": [commitment_row(v, s) for s in states],
        "timeline": timeline(v, plan, states),
        "milestone_rows": milestones,
        "late": [row for row in milestones if row["late"]],
        "updates": v.href("updates.html"),
    }, section="plans", plan=plan.id,
        heading=Markup("{}{} {}").format(v.L["dashboard"], v.L["colon"], v.plan_heading(plan)))

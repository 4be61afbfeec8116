"""What became of each contribution (handbook 2.1.d, minimum requirement 4.1): a page a plan
with every contribution grouped by decision, what was received, how it was considered and
why, and the commitments it fed — the reasoned response as a page the site's search
indexes, in every language. Who contributed follows `ogpctl.domain.contributors`: an
organisation and its sector are named, a private person's name is not."""

from __future__ import annotations

from markupsafe import Markup

from ogpctl.record.model import Plan
from ogpctl.render.reasoned_response import contributions, reasoned_response_blocks
from ogpctl.site import urls
from ogpctl.site.view import Page, View

#: The page's name in a plan's folder.
PAGE = "contributions.html"


def contributions_path(plan: Plan) -> str:
    return urls.plan_page(plan.id, PAGE)


def contributions_page(v: View, plan: Plan) -> Page:
    path = contributions_path(plan)
    v = v.at(path)
    from ogpctl.site.documents import download_rows

    documents = [d for d in v.site.downloads
                 if d.plan == plan.id and d.document == "reasoned-response"]
    title = f"{v.L['contributions']}{v.L['colon']} {v.plan_title(plan)}"
    return Page(path, title, "contributions.html.j2", {
        "intro": v._("Every idea and proposal received while the plan was co-created, with "
                     "the decision taken on it and the reason: the reasoned response. "
                     "Organisations are named; the names of private persons are not "
                     "published."),
        "response": v.markup(reasoned_response_blocks(v.c, plan)) if contributions(plan)
        else Markup(""),
        "empty": v._("No contribution is recorded for this plan yet."),
        "documents": download_rows(v, documents),
        "participate": v.href("participate.html"),
    }, section="plans", plan=plan.id,
        heading=Markup("{}{} {}").format(v.L["contributions"], v.L["colon"],
                                         v.plan_heading(plan)))

"""Every fixed word of the website in one language, from the gettext catalogues.

Templates read labels from this table (`L.search`), so all messages stay in Python where
`pybabel extract` finds them; sentences with values are formatted by the page builders.
"""

from __future__ import annotations

from functools import cache

from ogpctl.base.i18n import Language


@cache
def labels(code: str) -> dict[str, str]:
    lang = Language(code)
    _ = lang._
    return {
        # layout
        # the colon after a label, with the space French puts before it
        "colon": _(":"),
        # between two pieces that hold commas themselves: "؛ " in Arabic
        "semicolon": lang.separator(semicolon=True),
        "comma": lang.separator(),
        "skip": _("Skip to main content"), "main_nav": _("Main"),
        "languages": _("Languages"), "home": _("Home"), "plans": _("Action plans"),
        "updates": _("Progress updates"), "forum": _("Multi-stakeholder forum"),
        "meetings": _("Meetings"), "participate": _("Take part"), "contacts": _("Contacts"),
        "documents": _("Documents and data"), "search": _("Search"),
        "comment": _("Comment on this page"), "plan_nav": _("In this plan"),
        "overview": _("Overview"), "dashboard": _("Progress dashboard"),
        "repository": _("Evidence repository"), "open_data": _("Open data"),
        "contributions": _("Contributions and responses"),
        # people and organisations
        "lead_agency": _("Lead agency"), "poc": _("Point of contact"),
        "ministerial": _("Ministerial contact"), "agencies": _("Government agencies taking part"),
        "email": _("Email"), "phone": _("Telephone"), "website": _("Website"),
        "leads": _("Leads commitments"), "members": _("Members"),
        "former": _("Former members"), "representative": _("Representative"),
        "basis": _("Legal or administrative basis"), "rules": _("Rules of the forum"),
        "frequency": _("How often it meets"), "member_since": _("Member since"),
        "civil_society_members": _("Civil society organisations in the forum"),
        # meetings and participation
        "date": _("Date"), "kind": _("Kind"), "role": _("Role"), "agenda": _("Agenda"),
        "minutes": _("Minutes"),
        "attendees": _("Organisations that took part"), "plan": _("Action plan"),
        "no_meetings": _("No meetings are recorded yet."),
        "presented": _("Implementation results were presented and comments collected."),
        "remote": _("Remote participation was possible."),
        "cocreation": _("How the plan is co-created"), "why": _("Objectives"),
        "who": _("Who takes part"), "what": _("Activities"), "how": _("Method"),
        "where": _("Where"), "stages": _("Timeline"), "stage": _("Stage"),
        "from": _("From"), "to": _("To"), "timeline_link": _("Published timeline"),
        "mechanisms": _("Ways to send your ideas"),
        "coming_mechanisms": _("Opening later: not taking ideas yet"),
        "closed_mechanisms": _("Closed: no longer taking ideas"),
        "outreach": _("Outreach activities"),
        "audience": _("Audience"), "participants": _("Participants"),
        "open_meetings": _("Open meetings of the forum"),
        # plans, commitments, progress
        "status": _("Status"), "period": _("Period covered"), "delivered": _("Delivered to OGP"),
        "due": _("Due"), "ends": _("Ends"), "refresh": _("Four-year refresh"),
        "ogp_page": _("The plan on the OGP website"), "commitments": _("Commitments"),
        "commitment": _("Commitment"), "milestones": _("Milestones"),
        "milestone": _("Milestone"), "lead": _("Lead"), "completion": _("Completion"),
        "late": _("Late"), "last_update": _("Last update"),
        "history": _("Progress history"), "note": _("What was done"),
        "delay": _("Reason for delay"), "next_steps": _("Next steps"),
        "evidence": _("Evidence"), "no_updates": _("No progress updates yet."),
        "full_text": _("The commitment as written in the action plan"),
        "expected_date": _("Expected completion date"), "output": _("Expected outputs"),
        "delays": _("Delays"), "no_delays": _("No milestone is past its due date."),
        "severe": _("Severely delayed: not completed six months after its due date."),
        "ogp_values": _("Open government values"),
        # evidence repository
        "file": _("File"), "size": _("Size"), "last_change": _("Last change"),
        "cited_by": _("Cited by"), "link": _("Web link"), "process": _("Co-creation process"),
        "uncited": _("Files not cited anywhere"),
        "without_evidence": _("Commitments without evidence"),
        "not_published_kind": _("Not published here: this kind of file could run code in "
                                "a browser. Ask the point of contact for it."),
        "not_published_name": _("Not published here: its file name cannot be used safely "
                                "in a web address. Ask the point of contact for it."),
        "not_published_size": _("Not published here: the file is too large. Ask the point "
                                "of contact for it."),
        "no_files": _("No evidence yet."), "missing_folder": _("The folder does not exist."),
        # documents, data and search
        "document": _("Document"), "html": _("Web page (HTML)"),
        "docx": _("Word (DOCX)"), "md": _("Markdown"),
        "pdf": "PDF",  # the format's name, the same in every language
        "action_plan": _("Action plan"), "self_assessment": _("Self-assessment report"),
        "reasoned_response": _("Reasoned response to contributions"),
        "record_json": _("The whole record (JSON)"),
        "commitments_csv": _("Commitments and their completion (CSV)"),
        "milestones_csv": _("Milestones (CSV)"), "updates_csv": _("Progress updates (CSV)"),
        "evidence_csv": _("Evidence repository index (CSV)"),
        "search_label": _("Search the site"), "all_pages": _("All pages"),
        "search_noscript": _("Search needs JavaScript. Every page of the site is listed "
                             "below."),
        "search_file": _("Search works when the site is served by a web server. Opened from "
                         "a folder, use the list of pages below."),
        "choose_language": _("Choose a language"), "more": _("More on this site"),
    }


def milestone_status(code: str, status: str) -> str:
    _ = Language(code)._
    return {"not-started": _("Not started"), "in-progress": _("In progress"),
            "completed": _("Completed"), "withdrawn": _("Withdrawn")}.get(status, status)


def plan_status(code: str, status: object) -> str:
    _ = Language(code)._
    return {"co-creation": _("In co-creation"), "implementation": _("In implementation"),
            "refresh": _("In its four-year refresh"), "closed": _("Closed")}.get(
        status if isinstance(status, str) else "", "")


def sector(code: str, value: object) -> str:
    _ = Language(code)._
    return {"government": _("Government"), "civil-society": _("Civil society"),
            "parliament": _("Parliament"), "judiciary": _("Judiciary"),
            "local-government": _("Local government"), "private-sector": _("Private sector"),
            "academia": _("Academia"), "international": _("International organisations")}.get(
        value if isinstance(value, str) else "", _("Other"))


def member_role(code: str, value: object) -> str:
    _ = Language(code)._
    return {"chair": _("Chair"), "co-chair": _("Co-chair"), "member": _("Member"),
            "observer": _("Observer"), "secretariat": _("Secretariat")}.get(
        value if isinstance(value, str) else "", _("Member"))


def meeting_kind(code: str, value: object) -> str:
    _ = Language(code)._
    return {"msf": _("Forum meeting"), "civil-society": _("Meeting with civil society"),
            "public": _("Public meeting"), "ministerial": _("Ministerial meeting")}.get(
        value if isinstance(value, str) else "", _("Meeting"))

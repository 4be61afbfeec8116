"""Where a plan is in the OGP cycle, derived in one place from the record and the calendar.

`status:` in plan.yaml says where the people keeping the record think the plan is; the
stage ogpctl works with comes from facts instead, as of a day (`--today`):

* no delivery recorded (or one dated after the day) while the delivery window is open or
  still to come: **co-creation** (handbook 2);
* no delivery recorded and the window has closed: the plan is **late** — it is judged as at
  submission, so every rule that holds a delivered plan applies (3.1, 3.1.a);
* delivered: **implementation** until the end date (handbook 4), for a four-year plan the
  **refresh** from the review's start (or the two-year mark) until the refreshed plan is
  delivered (2.3);
* delivered and past the end date: **closed** (the end of term).

`ogpctl status`, `check`, the website, the self-assessment and the documents all ask
`plan_stage`; C415 reports a `status:` that disagrees with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ogpctl.record.model import Plan, Stage, as_date

#: What `status:` may say at each derived stage ("refresh" is a part of implementation).
STATUS_WORDS = {Stage.CO_CREATION: ("co-creation",), Stage.SUBMISSION: ("co-creation",),
                Stage.IMPLEMENTATION: ("implementation", "refresh"),
                Stage.END_OF_TERM: ("closed",)}


@dataclass(frozen=True)
class PlanStage:
    """A plan's stage as of a day, with the facts it rests on."""

    stage: Stage
    status: str               # the word plan.yaml should say: co-creation ... closed
    delivered: date | None    # the delivery, when it is recorded and not after the day
    late: bool                # the window closed with no delivery recorded
    closes: date | None       # the delivery window's last day (None without a calendar)
    four_year: bool = False   # a four-year plan, which has a refresh (2.3)
    recorded: date | None = None   # `delivered:` as written, also when after the day
    as_of: date | None = None      # the day the stage is for

    @property
    def undelivered(self) -> str:
        """Why the plan counts as not delivered yet: no delivery recorded, or one dated
        after the day (a date to correct, not a delivery)."""
        if self.recorded is not None and self.as_of is not None and self.recorded > self.as_of:
            return f"delivered: {self.recorded} is after today ({self.as_of})"
        return "no delivery is recorded"

    @property
    def implementing(self) -> bool:
        """Implementation has begun: commitments can be rated (handbook 3.3)."""
        return self.stage >= Stage.IMPLEMENTATION

    def accepts(self, word: object) -> bool:
        """Whether `status: word` agrees with this stage; a four-year plan may say
        "refresh" at any time of its implementation, and "implementation" during the
        refresh (the review's dates are the forum's to choose, 2.3)."""
        if word == "refresh" and not self.four_year:
            return False
        return word in STATUS_WORDS[self.stage]


def plan_stage(plan: Plan, today: date) -> PlanStage:
    """The stage of `plan` as of `today` (see the module's docstring)."""
    dates = plan.dates()
    recorded = delivered = as_date(plan.fields.get("delivered"))
    if delivered is not None and delivered > today:
        delivered = None
    four_year = plan.fields.get("length") == 4
    closes = dates.window_closes if dates else None
    if delivered is None:
        late = closes is not None and today > closes
        stage = Stage.SUBMISSION if late else Stage.CO_CREATION
        return PlanStage(stage, "co-creation", None, late, closes, four_year, recorded, today)
    if dates is not None and today > dates.end:
        return PlanStage(Stage.END_OF_TERM, "closed", delivered, False, closes, four_year)
    word = "refresh" if four_year and _refreshing(plan, today) else "implementation"
    return PlanStage(Stage.IMPLEMENTATION, word, delivered, False, closes, four_year)


def _refreshing(plan: Plan, today: date) -> bool:
    """A four-year plan is in its refresh from the review's start (or the two-year mark)
    until the refreshed plan is delivered (handbook 2.3)."""
    dates = plan.dates()
    refresh = plan.fields.get("refresh")
    refresh = refresh if isinstance(refresh, dict) else {}
    starts = as_date(refresh.get("review-starts")) or (dates.refresh_mark if dates else None)
    done = as_date(refresh.get("delivered"))
    return starts is not None and starts <= today and (done is None or done > today)

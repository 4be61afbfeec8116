"""Repository (handbook 5.2, 5.3.a; minimum requirement 2.2): an evidence folder for the
process and one a commitment, holding evidence by the stage it is needed; updates at least
twice a year, proved from git history; progress updates with progress, reasons for delay
and next steps.

Git history is read only when a rule needs it, once per check (`RuleContext.history`). What
history cannot show (a record not in git, windows before the plan entered git) is not
judged; a shallow clone says what it cannot prove (P604) instead of failing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ogpctl.base.diagnostics import Severity
from ogpctl.base.vcs import NOT_A_REPOSITORY, UNREADABLE, History
from ogpctl.domain.document_repository import PROCESS, FolderIndex, Index, build_index, folder_name
from ogpctl.domain.obligations import overdue_by_id, repository_windows
from ogpctl.record.model import Commitment, Milestone, Plan, Stage, as_date, as_word
from ogpctl.record.text import has_text
from ogpctl.rules import Finding, rule

E, W = Severity.ERROR, Severity.WARNING
F = "repository"
DONE = frozenset({"completed", "withdrawn"})
FETCH = ("fetch the whole history (git fetch --unshallow; in GitHub Actions, "
         "actions/checkout with fetch-depth: 0)")


def _folder(plan: Plan, name: str, context: Any) -> FolderIndex | None:
    folders: dict[tuple[str, str], FolderIndex] = context.shared("evidence-folders",
                                                                 lambda: _folders(context))
    return folders.get((plan.id, name))


def _folders(context: Any) -> dict[tuple[str, str], FolderIndex]:
    """Every evidence folder by (plan, folder name): one listing per check; history is not
    needed for it."""
    index: Index = build_index(context.record, History(NOT_A_REPOSITORY), labels=False,
                               disk=context.evidence_files())
    found: dict[tuple[str, str], FolderIndex] = {}
    for entry in index.plans:
        for folder in entry.folders:
            found.setdefault((entry.plan, folder.name), folder)
    return found


def _empty(plan: Plan, name: str, context: Any) -> str | None:
    """Why a folder holds no evidence (missing, or no file and no link), else None. A
    file in the folder is one of its items (`build_index` lists every file of the process
    and commitment folders), so the index, with every citation resolved, is built only
    for a folder without files."""
    if context.evidence_files().get(plan.id, {}).get(name):
        return None
    folder = _folder(plan, name, context)
    if folder is None or folder.items:
        return None
    where = f"{plan.folder}/evidence/{name}"
    return f"{where} is missing" if not folder.exists else f"{where} holds no evidence"


def _stage(plan: Plan, context: Any) -> Stage:
    stage: Stage = context.plan_stage(plan)
    return stage


@rule("P601", "process-evidence", family=F, severity=E, handbook="MR 2.2, 5.2, 5.3.a",
      subject="plan", applies_from=Stage.SUBMISSION)
def process_evidence(plan: Plan, context: Any) -> Iterator[Finding]:
    """The plan's evidence folder for the process is missing or empty.

    The repository holds "at a minimum, information and evidence of the co-creation
    process" (minimum requirement 2.2), in "a series of electronic folders, including at least
    one per commitment and one for the action plan development process" (5.3.a). Put the
    timeline, outreach records, survey results and reasoned responses in
    plans/<plan>/evidence/process/ and cite them
    from co-creation.yaml or the meetings; a link cited there counts too.

    Fails:
      # plans/2026-2030/evidence/process/ holds only .gitkeep
    Passes:
      # plans/2026-2030/evidence/process/validation-attendance.csv
    """
    if plan.doc is None or _stage(plan, context) < Stage.SUBMISSION:
        return   # the rule does not apply yet: nothing it found would be reported
    reason = _empty(plan, PROCESS, context)
    if reason:
        yield Finding(plan.path, f"{reason}: the repository keeps the evidence of the "
                      "co-creation process", line=1, column=1)


def _name(commitment: Commitment, milestone: Milestone) -> str:
    """"milestone 1.2", as the commitment template numbers them."""
    number = milestone.fields.get("number")
    return f"milestone {commitment.number}.{number}" if isinstance(number, int) \
        else milestone.label


def _progress_at(commitment: Commitment) -> Milestone | None:
    """The first milestone completed or with a progress update: from then on the
    commitment has progress to prove."""
    return next((m for m in commitment.milestones if m.fields.get("status") == "completed"
                 or m.fields.get("progress")), None)


@rule("P602", "commitment-evidence", family=F, severity=E, handbook="MR 2.2, 5.2, 5.3.a",
      subject="commitment", applies_from=Stage.IMPLEMENTATION)
def commitment_evidence(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """A commitment reports progress but its evidence folder is missing or empty.

    The repository is "linked to evidence" of implementation (5.2) with a folder for each
    commitment (5.3.a). Once a milestone is completed or has a progress update, put what
    shows it in plans/<plan>/evidence/NN-slug/ (named like the commitment's file) and cite
    it from the progress update; a cited link counts too.

    Fails:
      # evidence/01-open-contracting/ is empty
      milestones:
        - number: 1
          status: completed
    Passes:
      milestones:
        - number: 1
          status: completed
          progress:
            - date: 2026-09-04
              note: Resolution published.
              evidence: [evidence/01-open-contracting/resolution.pdf]
    """
    if _stage(commitment.plan, context) < Stage.IMPLEMENTATION:
        return   # the rule does not apply yet: nothing it found would be reported
    milestone = _progress_at(commitment)
    if milestone is None:
        return
    reason = _empty(commitment.plan, folder_name(commitment), context)
    if reason:
        yield Finding(commitment.doc.path, f"{reason}, but commitment {commitment.number} "
                      f"reports progress ({_name(commitment, milestone)}): add the evidence "
                      "there", milestone.path)


def _closed_windows(plan: Plan, context: Any) -> Windows:
    """The six-month windows of implementation that ended before today: the windows
    `ogpctl deadlines` lists (`ogpctl.domain.obligations.repository_windows`)."""
    dates, delivered = plan.dates(), as_date(plan.fields.get("delivered"))
    if plan.doc is None or dates is None or delivered is None \
            or _stage(plan, context) < Stage.IMPLEMENTATION:
        return []
    return [(first, last) for first, last, _needed in repository_windows(delivered, dates.end)
            if last < context.today]


Windows = list[tuple[date, date]]


def _unproved(plan: Plan, context: Any) -> tuple[Windows, Windows]:
    """(windows with no commit, windows history cannot judge) of a plan's closed windows;
    P603 and P604 share one computation."""
    key = f"repository-windows:{plan.id}"
    if key not in context.memo:
        context.memo[key] = _judge_windows(plan, context)
    windows: tuple[Windows, Windows] = context.memo[key]
    return windows


def _judge_windows(plan: Plan, context: Any) -> tuple[Windows, Windows]:
    windows = _closed_windows(plan, context)
    if not windows:
        return [], []
    history: History = context.history()
    if not history.known:
        return [], windows if history.state == UNREADABLE else []
    days = [d for d in history.days_below(plan.folder) if d <= context.today]
    if not days:
        return [], []          # the plan never entered git: nothing to judge it by
    known_from = max(days[0], history.since or days[0])
    missing: Windows = []
    unknown: Windows = []
    for first, last in windows:
        if any(first <= day <= last for day in days):
            continue
        if last < known_from or (history.shallow and first < known_from):
            # Before the plan entered git (no history anywhere) or before a shallow clone's
            # boundary (history exists, this clone lacks it).
            unknown.extend([(first, last)] if history.shallow else [])
        else:
            missing.append((first, last))
    return missing, unknown


@rule("P603", "repository-not-updated", family=F, severity=E, handbook="MR 2.2, 5.2",
      subject="plan", applies_from=Stage.IMPLEMENTATION)
def repository_not_updated(plan: Plan, context: Any) -> Iterator[Finding]:
    """No commit changed the plan's files in a six-month window of implementation.

    The repository is "updated regularly, at least twice a year" (5.2; minimum
    requirement 2.2). ogpctl proves it from git history, not from dates written in the
    record: every six months from delivery to the end of the plan, some commit must change
    a file below plans/<plan>/ (a progress update, new evidence). Windows before the plan
    entered git are not judged, nor is a record that is not in git.

    Fails:
      # delivered 2026-06-24; no commit touched plans/2026-2030/ in 2026-12-24..2027-06-23
    Passes:
      # a commit of 2027-03-10 added a progress update to plans/2026-2030/commitments/
    """
    for first, last in _unproved(plan, context)[0]:
        yield Finding(plan.path, f"no commit changed {plan.folder}/ from {first} to "
                      f"{last}: the repository is updated at least every six months",
                      line=1, column=1)


@rule("P604", "repository-history-unknown", family=F, severity=Severity.INFO,
      handbook="MR 2.2, 5.2", subject="plan", applies_from=Stage.IMPLEMENTATION)
def repository_history_unknown(plan: Plan, context: Any) -> Iterator[Finding]:
    """Repository updates cannot be proved: the clone is shallow, or git failed.

    P603 judges the updates from git history. A shallow clone (the default of CI checkouts)
    lacks the older commits, so those windows are reported here to confirm, not failed.
    Fetch the whole history (in GitHub Actions: actions/checkout with fetch-depth: 0).

    Fails:
      # git clone --depth 1; windows before the one commit cannot be judged
    Passes:
      # a full clone
    """
    unknown = _unproved(plan, context)[1]
    if unknown:
        history: History = context.history()
        fix = FETCH if history.shallow else "check that git can read the repository"
        yield Finding(plan.path, f"updates from {unknown[0][0]} to {unknown[-1][1]} cannot "
                      f"be proved: {history.note()}; {fix}", line=1, column=1)


def _latest(days: list[date | None]) -> int | None:
    """The index of the newest dated update (the last written wins a tie)."""
    dated = [(day, i) for i, day in enumerate(days) if day is not None]
    return max(dated)[1] if dated else None


def _incomplete(items: list[Any], milestone: dict[str, Any], live: bool
                ) -> list[tuple[int, list[str]]]:
    """(index, what it lacks) of each incomplete update in a milestone's `items`: a note
    (or a delay reason), the reason for a delay when dated after the due day while not
    completed, and, while `live`, the next steps of the latest update of a milestone not
    completed. Inline, a loop a milestone: a check reads every update of every plan."""
    status, due = as_word(milestone.get("status")), as_date(milestone.get("due"))
    # An update's day is read only where it counts: for the newest update while `live`, and
    # for a delay of an update not completed (a milestone's days are not all parsed).
    latest = _latest([as_date(u.get("date")) if isinstance(u, dict) else None
                      for u in items]) if live else None
    found = []
    for index, update in enumerate(items):
        if not isinstance(update, dict):
            continue
        word = update.get("status")
        word = word if isinstance(word, str) and word else status   # as_word(...) or status
        reason = update.get("delay-reason")
        delay = reason is not None and has_text(reason)
        note = update.get("note")    # has_text(note), a plain text tested inline
        noted = delay or (not note.isspace() and note != "" if isinstance(note, str)
                          else has_text(note))
        if noted and word in DONE:
            continue          # what follows asks only of a milestone not completed
        problems = [] if noted else ["no note on the progress made"]
        if word not in DONE and due and not delay and (day := as_date(update.get("date"))) \
                and day > due:
            problems.append(f"no reason for the delay (due {due}, {word or 'no status'})")
        if index == latest and word not in DONE and not has_text(update.get("next-steps")):
            problems.append("no next steps")
        if problems:
            found.append((index, problems))
    return found


@rule("P605", "progress-update-incomplete", family=F, severity=W, handbook="5.1, 5.2",
      subject="commitment", applies_from=Stage.IMPLEMENTATION)
def progress_update_incomplete(commitment: Commitment, context: Any) -> Iterator[Finding]:
    """A progress update lacks its note, the reason for a delay, or the next steps.

    Updates "should include progress against milestones, reasons for any delays, and next
    steps" (5.2; 5.1 f). Every update says what progress was made (`note`, or a
    `delay-reason` when there was none); an update made after the milestone's due date
    while it is not completed gives `delay-reason`; and, while the plan is in
    implementation, the latest update of a milestone not completed gives `next-steps`.

    Fails:
      due: 2026-09-30
      progress:
        - {date: 2026-10-15, status: in-progress, note: Draft under review.}
    Passes:
      due: 2026-09-30
      progress:
        - date: 2026-10-15
          status: in-progress
          note: Draft under review.
          delay-reason: The legal review took six weeks longer than planned.
          next-steps: Signature in November.
    """
    stage = context.plan_stage(commitment.plan)
    if stage < Stage.IMPLEMENTATION:
        return   # the rule does not apply yet: nothing it found would be reported
    live = stage == Stage.IMPLEMENTATION
    for milestone in commitment.milestones:
        items = milestone.fields.get("progress")
        if not isinstance(items, list) or not items:
            continue
        for index, problems in _incomplete(items, milestone.fields, live):
            yield Finding(commitment.doc.path, f"the progress update of "
                          f"{items[index].get('date')} on {_name(commitment, milestone)} has "
                          f"{', '.join(problems)}", milestone.path + ("progress", index))


@rule("P606", "progress-update-missing", family=F, severity=W, handbook="5.1, 5.2",
      subject="record", applies_from=Stage.IMPLEMENTATION)
def progress_update_missing(record: Any, context: Any) -> Iterator[Finding]:
    """No progress update was dated in a six-month window of implementation.

    The website publishes "Regular updates (at least every six months) on the progress of
    commitment implementation, including progress toward milestones, reasons for any
    delays, and next steps" (5.1), and the repository is "Updated regularly, at least twice
    a year" (5.2). Every six months from delivery to the end of the plan, some milestone
    gets a dated progress update (`ogpctl deadlines` lists the windows as
    repository-update). P603 proves from git that the files changed; this rule that the
    changes report progress.

    Fails:
      # delivered 2026-06-24; no progress update dated 2026-06-24..2026-12-23
    Passes:
      milestones:
        - number: 1
          progress:
            - {date: 2026-10-15, status: in-progress, note: Pilot started in 4 agencies.}
    """
    overdue = context.shared("overdue-obligations",
                             lambda: overdue_by_id(record, context.today))
    for item in overdue.get("repository-update", []):
        yield Finding(f"plans/{item.plan}/plan.yaml", f"plan {item.plan} has no progress "
                          f"update dated in these six months: {item.basis}", line=1, column=1)

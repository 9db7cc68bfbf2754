"""The follow-up planner: ``plan(case, now) -> Plan``.

It reads what happened at the interviews and since, and decides who to thank, when to check in,
through which channel and when to stop. Every action names the docs/GUIDANCE.md rules it follows,
deciding rule first, and says why in one sentence.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from operator import attrgetter

from afterword.rules.calendar import CLOSING, OPENING, BusinessCalendar, skipped_days_text
from afterword.rules.case import Case, Event, Interview, Interviewer
from afterword.rules.check_ins import FollowUp, plan_follow_up
from afterword.rules.kinds import CHECK_IN_ENDING_EVENTS, DECIDING_EVENTS, EVENTS, THANK_YOU_KINDS
from afterword.rules.plan import Action, Note, Plan, Status
from afterword.rules.wording import day_text

THANK_YOU_DUE = timedelta(hours=24)
THANK_YOU_LATEST = timedelta(hours=48)
URGENT_THANK_YOU_DUE = timedelta(hours=4)
FAST_DECISION_BUSINESS_DAYS = 3
LETTER_BUSINESS_DAYS = 2
_BY_DUE_THEN_KIND = attrgetter("due", "kind")
_BY_TIME = attrgetter("at")


def plan(case: Case, now: datetime) -> Plan:
    """Plan every pending follow-up of one application as seen at ``now``.

    1. A decision (offer, rejection, withdrawal) ends the plan (F8).
    2. Every interviewer of every round is thanked by email, and by letter when asked for (K1-K5).
    3. One check-in, call or portal visit comes next, unless it is time to stop (F1-F8, H1-H3).
    4. Another offer asks for an expedite message (F9).
    5. Snoozed actions move to the next business day; past-latest actions are overdue.
    """
    calendar = BusinessCalendar.for_employer(case.employer)
    events = sorted(case.events, key=_BY_TIME)

    decision = next((event for event in events if event.type in DECIDING_EVENTS), None)
    if decision is not None:
        return Plan("decided", (), (_decided_note(decision, calendar),))

    actions = _thank_you_actions(case, calendar, events, now)
    follow_up = plan_follow_up(case, calendar, events, now)
    actions.extend(follow_up.actions)
    actions = _apply_snoozes(actions, events, calendar, now)
    actions.sort(key=_BY_DUE_THEN_KIND)
    notes = _missing_information_notes(case, calendar) + list(follow_up.notes)
    return Plan(_status(actions, follow_up), tuple(actions), tuple(notes))


def _thank_you_actions(
    case: Case, calendar: BusinessCalendar, events: list[Event], now: datetime
) -> list[Action]:
    sent = {(e.interview, e.interviewer) for e in events if e.type == "thank_you_sent"}
    mailed = {(e.interview, e.interviewer) for e in events if e.type == "letter_sent"}
    wants_letters = case.user.letters or case.employer.style == "formal"
    actions: list[Action] = []
    for interview in case.interviews:
        # What depends only on the interview is worked out once, not once per interviewer.
        emails = [p for p in interview.interviewers if (interview.id, p.id) not in sent]
        letters = [p for p in interview.interviewers if (interview.id, p.id) not in mailed]
        if emails:
            actions += _thank_you_emails(interview, emails, calendar, now)
        if wants_letters and letters:
            actions += _thank_you_letters(case, interview, letters, calendar, now)
    return actions


def _thank_you_emails(
    interview: Interview, people: list[Interviewer], calendar: BusinessCalendar, now: datetime
) -> list[Action]:
    end = interview.end.astimezone(calendar.tz)
    interview_day = day_text(end.date())
    fast = interview.decision_by is not None and interview.decision_by <= calendar.add(
        end.date(), FAST_DECISION_BUSINESS_DAYS
    )
    # Durations are added in UTC so that a DST change never stretches "24 hours" to 25.
    end_utc = interview.end.astimezone(UTC)
    due = (end_utc + (URGENT_THANK_YOU_DUE if fast else THANK_YOU_DUE)).astimezone(calendar.tz)
    latest_utc = end_utc + THANK_YOU_LATEST
    latest = latest_utc.astimezone(calendar.tz)
    overdue = latest_utc < now  # the same instant; quicker to compare when ``now`` is in UTC
    if fast:
        assert interview.decision_by is not None
        rules: tuple[str, ...] = ("K3", "K1", "K4")
        decide = day_text(interview.decision_by)
        reason = (
            f"They decide by {decide}, so thank {{name}} within hours of the {interview_day} "
            "interview, not tomorrow."
        )
    else:
        rules = ("K2", "K1", "K4")
        reason = (
            f"Thank {{name}} for the {interview_day} interview within a day, while the "
            "conversation is fresh."
        )
    return [
        Action(
            "thank_you_email",
            interview.id,
            person.id,
            "email",
            end,
            due,
            latest,
            rules,
            reason.replace("{name}", person.name),
            overdue,
        )
        for person in people
    ]


def _thank_you_letters(
    case: Case,
    interview: Interview,
    people: list[Interviewer],
    calendar: BusinessCalendar,
    now: datetime,
) -> list[Action]:
    end = interview.end.astimezone(calendar.tz)
    day = calendar.add(end.date(), LETTER_BUSINESS_DAYS)
    reason = (
        "This employer is formal"
        if case.employer.style == "formal"
        else "You asked for printed letters"
    )
    due = max(calendar.at(day, time(case.user.contact_hour)), end)
    latest = max(calendar.at(day, CLOSING), end)
    by = day_text(day)
    return [
        Action(
            "thank_you_letter",
            interview.id,
            person.id,
            "post",
            end,
            due,
            latest,
            ("K5", "K1", "T1"),
            f"{reason}: post {person.name} a signed letter, worded differently from the email, "
            f"by {by}.",
            latest < now,
        )
        for person in people
    ]


def _apply_snoozes(
    actions: list[Action], events: list[Event], calendar: BusinessCalendar, now: datetime
) -> list[Action]:
    """Each snooze moves its action to the business day after its due day, or after the day
    of the snooze when that is later (it was overdue): every snooze, however many (T1).

    A check-in's snooze lasts until that check-in is over: once a check-in goes out, a call
    goes unanswered or they reply, the next one is a new step and starts unsnoozed.
    """
    snoozes = [event for event in events if event.type == "snoozed"]
    if not snoozes:
        return actions
    last_advance = max(
        (event.at for event in events if event.type in CHECK_IN_ENDING_EVENTS), default=None
    )
    moved = []
    for action in actions:
        days: list[date] = []
        due = action.due.astimezone(calendar.tz)
        for snooze in snoozes:
            if (snooze.action, snooze.interview, snooze.interviewer) != (
                action.kind,
                action.interview,
                action.interviewer,
            ):
                continue
            if action.kind not in THANK_YOU_KINDS and last_advance and snooze.at < last_advance:
                continue
            start = max(days[-1] if days else due.date(), calendar.local_date(snooze.at))
            days.append(calendar.after(start))
        moved.append(_moved_to(action, days, calendar, now) if days else action)
    return moved


def _moved_to(
    action: Action, days: list[date], calendar: BusinessCalendar, now: datetime
) -> Action:
    """``action`` on the last of ``days``, same local time inside contact hours, saying why."""
    day = days[-1]
    due = calendar.at(day, action.due.astimezone(calendar.tz).timetz().replace(tzinfo=None))
    due = min(max(due, calendar.at(day, OPENING)), calendar.at(day, CLOSING))
    skipped = skipped_days_text(calendar, day)
    times = "" if len(days) == 1 else f" ({len(days)} snoozes)"
    why = f"{action.why.rstrip('.')}; snoozed to {day_text(day)}{times}{skipped}."
    latest = max(action.latest, calendar.at(day, CLOSING))
    return Action(
        action.kind,
        action.interview,
        action.interviewer,
        action.channel,
        calendar.at(day, OPENING),
        due,
        latest,
        (*action.rules, "T1") if "T1" not in action.rules else action.rules,
        why,
        latest < now,
    )


def _status(actions: list[Action], follow_up: FollowUp) -> Status:
    if any(action.kind in THANK_YOU_KINDS for action in actions):
        return "thank_you_pending"
    if follow_up.gave_up:
        return "no_response"
    return "waiting"


def _decided_note(decision: Event, calendar: BusinessCalendar) -> Note:
    outcome = EVENTS[decision.type].outcome
    day = day_text(calendar.local_date(decision.at))
    return Note(("F8",), f"Decided with {outcome} on {day}: nothing more is planned here.")


def _missing_information_notes(case: Case, calendar: BusinessCalendar) -> list[Note]:
    """Say which capture-checklist answers are missing and what the plan assumed instead."""
    notes = []
    for interview in case.interviews:
        if not interview.interviewers:
            notes.append(
                Note(
                    ("C3", "K1"),
                    f"No interviewer is recorded for round {interview.round}: add each person's "
                    "name so that every one of them gets a thank-you.",
                )
            )
    wants_letters = case.user.letters or case.employer.style == "formal"
    if wants_letters:
        for interview in case.interviews:
            for person in interview.interviewers:
                if not person.address:
                    notes.append(
                        Note(
                            ("C3", "K5"),
                            f"The letter to {person.name} needs a postal address; ask the "
                            "recruiter or use the company's office address.",
                        )
                    )
    return notes

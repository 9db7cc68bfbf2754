"""The facts a draft is written from, gathered once from the case, the action and the plan.

Everything a template prints is a finished string here (dates already worded for the
employer's country), so templates hold wording only, and never print ``None``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from afterword.drafting.dates import format_clock, format_day, local_day, zone_place
from afterword.drafting.model import Tone
from afterword.drafting.salutations import salutation
from afterword.rules.calendar import BusinessCalendar
from afterword.rules.case import Case, Event, Interview, Interviewer
from afterword.rules.kinds import ANNOUNCED_CHECK_INS, THANK_YOU_EVENTS
from afterword.rules.plan import Action, Plan

_ORDINALS = {2: "second", 3: "third"}
_WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Promise:
    """The check-in a thank-you announces (K7): the planner's day, and why it is that day."""

    day: date
    rule: str
    decision: date | None


def find_interview(case: Case, interview_id: str) -> Interview:
    for interview in case.interviews:
        if interview.id == interview_id:
            return interview
    raise ValueError(f"the action names interview {interview_id!r}, which the case does not have")


def find_person(case: Case, interview: Interview, person_id: str | None) -> Interviewer | None:
    """The person an action addresses: in its own interview first, else in any round."""
    if person_id is None:
        return None
    rounds = [interview, *(i for i in case.interviews if i is not interview)]
    for each in rounds:
        for person in each.interviewers:
            if person.id == person_id:
                return person
    raise ValueError(f"the action names interviewer {person_id!r}, who is not in the case")


def position_of(interview: Interview, person: Interviewer | None) -> int:
    if person is None:
        return 0
    for index, other in enumerate(interview.interviewers):
        if other.id == person.id:
            return index
    return 0


def greeting(
    tone: Tone, person: Interviewer | None, employer: str | None, country: str = "US"
) -> str:
    """Never empty: a named person if there is one (salutations.py), else the hiring team."""
    if person is not None:
        opener = "Dear" if tone == "formal" else "Hi"
        return f"{opener} {salutation(person, tone, country)},"
    if tone == "formal":
        return "Dear Hiring Team,"
    return f"Hello {employer} team," if employer else "Hello,"


def signature_lines(case: Case) -> tuple[str, ...]:
    """Under the sign-off of an email: the candidate's name and phone, whichever are known."""
    candidate = case.candidate
    return tuple(line for line in (candidate.name, candidate.phone) if line)


def common(case: Case, tone: Tone, person: Interviewer | None) -> dict[str, Any]:
    """What every message needs: who writes to whom, about which role, at which company."""
    employer = case.employer.name
    role = case.role
    code = case.job_code
    noun = "position" if tone == "formal" else "role"
    the_role = f"the {role} {noun}" if role else f"the {noun}"
    if role and code:
        my_application = f"my {role} application ({code})"
    elif role:
        my_application = f"my {role} application"
    elif employer:
        my_application = f"my application to {employer}"
    else:
        my_application = "my application"
    return {
        "tone": tone,
        "employer": employer,
        "company_or_team": employer or "your team",
        "at_company": f" at {employer}" if employer else "",
        "role": role,
        "job_code": code,
        "code_suffix": f" ({code})" if code else "",
        "the_role": the_role,
        "the_role_code": f"{the_role} ({code})" if code else the_role,
        "topic": (
            f"{role} interview"
            if role
            else (f"interview at {employer}" if employer else "interview")
        ),
        "my_application": my_application,
        "greeting": greeting(tone, person, employer, case.employer.country),
        "person_name": person.name if person else None,
        "person_title": person.title if person else None,
        "candidate_name": case.candidate.name,
    }


def interview_day(case: Case, calendar: BusinessCalendar, interview: Interview) -> str:
    return format_day(calendar.local_date(interview.end), case.employer.country)


def writing_day(calendar: BusinessCalendar, action: Action, now: datetime) -> date:
    """The day the message is written: today, but never before the action may start."""
    return calendar.local_date(max(now, action.earliest))


def promise_for(
    case: Case, calendar: BusinessCalendar, action: Action, plan: Plan, now: datetime
) -> Promise | None:
    """The check-in a thank-you may announce (K7), or None.

    1. The plan must hold a check-in email or call; a portal visit promises nothing to anyone.
    2. The check-in belongs to the latest interview, so only that round's thank-yous announce it.
    3. Its day is the planner's due day in the employer's zone, and it must lie ahead.
    """
    check_in = next((a for a in plan.actions if a.kind in ANNOUNCED_CHECK_INS), None)
    if check_in is None or check_in.interview != action.interview:
        return None
    day = local_day(check_in.due, calendar.tz)
    if day <= writing_day(calendar, action, now):
        return None
    offer = latest_offer(case)
    if offer is not None and offer.deadline is not None and day > offer.deadline:
        return None  # a date past the other offer's deadline would contradict the expedite note
    rule = check_in.rules[0]
    decision = find_interview(case, check_in.interview).decision_by if rule == "F1" else None
    return Promise(day, rule, decision)


@dataclass(frozen=True, slots=True)
class History:
    """What happened since the latest interview, as the check-in wording needs it."""

    check_ins: int
    last_check_in: Event | None
    reply: Event | None
    unanswered_calls: int
    last_no_answer: Event | None
    decision: date | None


def history_since(case: Case, interview: Interview) -> History:
    """Replay the events of the latest round (the planner's own reading of them, F5-F8, H3)."""
    events: Iterable[Event] = sorted(
        (e for e in case.events if e.at >= interview.start), key=lambda e: e.at
    )
    check_ins = 0
    last: Event | None = None
    reply: Event | None = None
    calls = 0
    no_answer: Event | None = None
    decision = interview.decision_by
    for event in events:
        if event.type == "check_in_sent":
            check_ins += 1
            last, reply, calls = event, None, 0
        elif event.type == "reply":
            reply, calls = event, 0
            if event.new_decision_by is not None:
                decision = event.new_decision_by
        elif event.type == "call_no_answer":
            calls += 1
            no_answer = event
    return History(check_ins, last, reply, calls, no_answer, decision)


def follow_up_facts(
    case: Case, calendar: BusinessCalendar, action: Action, interview: Interview, now: datetime
) -> dict[str, Any]:
    """Check-ins, calls and expedite messages: the history of the round and its dates."""
    country = case.employer.country
    history = history_since(case, interview)
    today = writing_day(calendar, action, now)
    due = action.due.astimezone(calendar.tz)

    def day(value: date | None) -> str | None:
        return format_day(value, country) if value is not None else None

    last = history.last_check_in
    return {
        "interview_day": interview_day(case, calendar, interview),
        "nth": history.check_ins + 1,
        "rule": action.rules[0],
        "last_check_in_day": day(calendar.local_date(last.at)) if last else None,
        "last_by_phone": last is not None and last.channel == "phone",
        "reply_day": day(calendar.local_date(history.reply.at)) if history.reply else None,
        "tried_calls": history.unanswered_calls,
        "try_ordinal": _ORDINALS.get(history.unanswered_calls + 1, "next"),
        "last_try_day": (
            day(calendar.local_date(history.last_no_answer.at)) if history.last_no_answer else None
        ),
        "decision_day": day(history.decision),
        "decision_passed": history.decision is not None and history.decision < today,
        "agreed_day": day(interview.agreed_follow_up),
        "due_day": format_day(due.date(), country),
        # H4: "may I call again in a week?" - the day that answer would promise.
        "week_later": format_day(calendar.on_or_after(due.date() + _WEEK), country),
        "from_clock": format_clock(action.earliest.astimezone(calendar.tz).time(), country),
        "to_clock": format_clock(action.latest.astimezone(calendar.tz).time(), country),
        "due_clock": format_clock(due.time(), country),
        "place": zone_place(case.employer.timezone),
        "overdue": action.overdue,
    }


def thanked_before(case: Case, interview: Interview, person: Interviewer | None) -> bool:
    """Whether a thank-you for this interview went out already (to this person, if named), so
    that a later message may say "thank you again"."""
    return any(
        e.type in THANK_YOU_EVENTS
        and e.interview == interview.id
        and (person is None or e.interviewer == person.id)
        for e in case.events
    )


def latest_offer(case: Case) -> Event | None:
    offers = [e for e in case.events if e.type == "other_offer" and e.deadline is not None]
    return max(offers, key=lambda e: e.at, default=None)

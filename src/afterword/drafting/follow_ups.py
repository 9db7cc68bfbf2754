"""Messages about the decision: check-in email (F1-F8), call script (H3, H4), portal visit (H1)
and the expedite email when another offer is waiting (F9)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from afterword.drafting.context import (
    common,
    find_interview,
    find_person,
    follow_up_facts,
    history_since,
    latest_offer,
    signature_lines,
    thanked_before,
)
from afterword.drafting.dates import format_day
from afterword.drafting.model import Draft, DraftKind, Tone
from afterword.drafting.phrasing import first_name
from afterword.drafting.render import render_paragraphs
from afterword.drafting.variants import Chooser
from afterword.rules.calendar import BusinessCalendar
from afterword.rules.case import Case, Interview, Interviewer
from afterword.rules.plan import Action


def _context(
    case: Case,
    calendar: BusinessCalendar,
    action: Action,
    now: datetime,
    tone: Tone,
) -> tuple[Interview, Interviewer | None, dict[str, Any]]:
    interview = find_interview(case, action.interview)
    person = find_person(case, interview, action.interviewer)
    met = person is not None and any(p.id == person.id for p in interview.interviewers)
    reply = history_since(case, interview).reply
    country = case.employer.country
    context: dict[str, Any] = {
        **common(case, tone, person),
        **follow_up_facts(case, calendar, action, interview, now),
        "one_of": Chooser(f"{action.kind}|{interview.id}|{tone}").one_of,
        "with_you": " with you" if met else "",
        "person_first": first_name(person.name) if person else None,
        "phone": person.phone if person else None,
        "reply_decision_day": (
            format_day(reply.new_decision_by, country)
            if reply is not None and reply.new_decision_by is not None
            else None
        ),
    }
    return interview, person, context


def _email(
    kind: DraftKind,
    template: str,
    case: Case,
    interview: Interview,
    person: Interviewer | None,
    context: dict[str, Any],
    tone: Tone,
) -> Draft:
    """An email template renders its subject first and its sign-off last."""
    paragraphs = render_paragraphs(template, context)
    *content, signoff = paragraphs[1:]
    body = "\n\n".join([*content, "\n".join([signoff, *signature_lines(case)])])
    return Draft(
        kind=kind,
        tone=tone,
        interview=interview.id,
        interviewer=person.id if person else None,
        to_name=person.name if person else None,
        to_email=person.email if person else None,
        subject=paragraphs[0],
        body=body,
    )


def check_in_email(
    case: Case, calendar: BusinessCalendar, action: Action, now: datetime, tone: Tone
) -> Draft:
    """Polite and brief: interest, a question about timing, an offer of more; its wording moves
    on with the second and third check-in of the round, and after a reply."""
    interview, person, context = _context(case, calendar, action, now, tone)
    return _email(
        "check_in_email", f"check_in_email_{tone}.j2", case, interview, person, context, tone
    )


def expedite(
    case: Case, calendar: BusinessCalendar, action: Action, now: datetime, tone: Tone
) -> Draft:
    """Another offer must be answered by its deadline: still keen on this role, can they move?"""
    interview, person, context = _context(case, calendar, action, now, tone)
    offer = latest_offer(case)
    if offer is None or offer.deadline is None:
        raise ValueError("an expedite message needs an other_offer event with a deadline")
    context["deadline_day"] = format_day(offer.deadline, case.employer.country)
    context["thanked"] = thanked_before(case, interview, person)
    return _email("expedite", f"expedite_{tone}.j2", case, interview, person, context, tone)


def call_script(
    case: Case, calendar: BusinessCalendar, action: Action, now: datetime, tone: Tone
) -> Draft:
    """Who to ask for, what to say and ask, what to do when they are out (no voicemail, try the
    next business day), and the question whether you may call again in a week."""
    interview, person, context = _context(case, calendar, action, now, tone)
    return Draft(
        kind="call_script",
        tone=tone,
        interview=interview.id,
        interviewer=person.id if person else None,
        to_name=person.name if person else None,
        to_email=None,
        subject="",
        body="\n\n".join(render_paragraphs("call_script.j2", context)),
    )


def portal_check(
    case: Case, calendar: BusinessCalendar, action: Action, now: datetime, tone: Tone
) -> Draft:
    """Steps for looking at the employer's portal, and what to record in Afterword."""
    interview, _, context = _context(case, calendar, action, now, tone)
    employer = case.employer.name
    role = case.role
    context["portal"] = f"the {employer} candidate portal" if employer else "the candidate portal"
    context["your_application"] = f"your {role} application" if role else "your application"
    return Draft(
        kind="portal_check",
        tone=tone,
        interview=interview.id,
        interviewer=None,
        to_name=None,
        to_email=None,
        subject="",
        body="\n\n".join(render_paragraphs("portal_check.j2", context)),
    )

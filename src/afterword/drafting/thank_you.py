"""Thank-you notes, one per interviewer: the email (K4, K7) and the printed letter (K5)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from afterword.drafting.context import (
    common,
    find_interview,
    find_person,
    interview_day,
    position_of,
    promise_for,
    signature_lines,
    writing_day,
)
from afterword.drafting.dates import format_day, format_full_date, month_first
from afterword.drafting.material import Material, material_for
from afterword.drafting.model import Draft, Letter, Tone
from afterword.drafting.phrasing import address_lines, role_title
from afterword.drafting.render import render_paragraphs
from afterword.drafting.salutations import salutation
from afterword.drafting.variants import Chooser
from afterword.rules.calendar import BusinessCalendar
from afterword.rules.case import Case, Interview, Interviewer
from afterword.rules.plan import Action, Plan


def _notes(material: Material, *, letter: bool = False) -> dict[str, str | None]:
    """The template's pieces. A letter never repeats the points: the email carried them, and the
    same person reads both (K5 asks for different text)."""
    topic_slot = material.slot if material.slot_for_topic else None
    point_slot = material.slot if not material.slot_for_topic else None
    return {
        "emphasis": material.topic,
        "asked": material.asked,
        "topic_slot": topic_slot,
        "forgot": None if letter else material.forgot,
        "clarify": None if letter else material.clarify,
        "point_slot": None if letter else point_slot,
    }


def _chooser(kind: str, interview: Interview, tone: Tone, person: Interviewer | None) -> Chooser:
    # The seed is shared by everyone in the interview; the position makes each person's
    # choices differ from their neighbours' (variants.py).
    return Chooser(f"{kind}|{interview.id}|{tone}", position_of(interview, person))


def thank_you_email(
    case: Case,
    calendar: BusinessCalendar,
    action: Action,
    plan: Plan,
    now: datetime,
    tone: Tone,
    announce_check_in: bool,
) -> Draft:
    """Thanks first (with an apology when it is late); fit tied to this person's topics; the
    points routed to them (material.py); the check-in date when the plan has one and it falls
    before any other offer's deadline (K7). Notes become short phrases, so it stays brief."""
    interview = find_interview(case, action.interview)
    person = find_person(case, interview, action.interviewer)
    promise = promise_for(case, calendar, action, plan, now) if announce_check_in else None
    country = case.employer.country
    context: dict[str, Any] = {
        **common(case, tone, person),
        "one_of": _chooser("thank_you_email", interview, tone, person).one_of,
        "promise": format_day(promise.day, country) if promise else None,
        "promise_rule": promise.rule if promise else None,
        "promise_decision": (
            format_day(promise.decision, country) if promise and promise.decision else None
        ),
    }
    context["late"] = action.overdue
    context["person_title"] = role_title(person.title) if person else None
    paragraphs = render_paragraphs(
        f"thank_you_email_{tone}.j2", {**context, **_notes(material_for(interview, person))}
    )
    subject, body = paragraphs[0], _with_signature(paragraphs[1:], signature_lines(case))
    return Draft(
        kind="thank_you_email",
        tone=tone,
        interview=interview.id,
        interviewer=person.id if person else None,
        to_name=person.name if person else None,
        to_email=person.email if person else None,
        subject=subject,
        body=body,
        promised_next=promise.day if promise else None,
    )


def thank_you_letter(
    case: Case, calendar: BusinessCalendar, action: Action, now: datetime, tone: Tone
) -> Draft:
    """The printed letter: its own sentences (never the email's), dated in the employer's zone,
    with sender and recipient blocks for the page."""
    interview = find_interview(case, action.interview)
    person = find_person(case, interview, action.interviewer)
    chooser = _chooser("thank_you_letter", interview, tone, person)
    context: dict[str, Any] = {
        **common(case, tone, person),
        "one_of": chooser.one_of,
        "interview_day": interview_day(case, calendar, interview),
        "late": action.overdue,
        # "your view as HR" calls a person a department: only a role is named so.
        "person_title": role_title(person.title) if person else None,
    }
    notes = _notes(material_for(interview, person), letter=True)
    paragraphs = render_paragraphs(f"thank_you_letter_{tone}.j2", {**context, **notes})
    letter = Letter(
        sender_lines=_sender_lines(case),
        date_line=format_full_date(writing_day(calendar, action, now), case.employer.country),
        recipient_lines=_recipient_lines(case, person),
        salutation=_salutation(tone, person, case.employer.country),
        paragraphs=tuple(paragraphs),
        closing=_closing(tone, case.employer.country, chooser),
        signature=case.candidate.name or "",
    )
    return Draft(
        kind="thank_you_letter",
        tone=tone,
        interview=interview.id,
        interviewer=person.id if person else None,
        to_name=person.name if person else None,
        to_email=None,
        subject="",
        body=letter_text(letter),
        letter=letter,
    )


def letter_text(letter: Letter) -> str:
    """The letter as plain text, blocks in page order, blank lines between them."""
    blocks = [
        "\n".join(letter.sender_lines),
        letter.date_line,
        "\n".join(letter.recipient_lines),
        letter.salutation,
        *letter.paragraphs,
        letter.closing,
        letter.signature,
    ]
    return "\n\n".join(block for block in blocks if block)


def _with_signature(paragraphs: list[str], signature: tuple[str, ...]) -> str:
    """The template ends with the sign-off; the name and phone go on the lines below it."""
    *content, signoff = paragraphs
    return "\n\n".join([*content, "\n".join([signoff, *signature])])


def _sender_lines(case: Case) -> tuple[str, ...]:
    candidate = case.candidate
    lines = [candidate.name, *address_lines(candidate.address, candidate.name)]
    lines += [candidate.phone, candidate.email]
    return tuple(line for line in lines if line)


def _recipient_lines(case: Case, person: Interviewer | None) -> tuple[str, ...]:
    employer = case.employer.name
    if person is None:
        return tuple(line for line in ("Hiring Team", employer) if line)
    lines = [person.name, person.title, employer]
    lines += address_lines(person.address, person.name, person.title, employer)
    return tuple(line for line in lines if line)


def _salutation(tone: Tone, person: Interviewer | None, country: str) -> str:
    # A printed letter opens with "Dear" in either tone; warmth is the first name.
    if person is None:
        return "Dear Hiring Team,"
    return f"Dear {salutation(person, tone, country)},"


def _closing(tone: Tone, country: str, chooser: Chooser) -> str:
    if tone == "warm":
        return chooser.one_of("closing", ("Warm regards,", "With best wishes,", "All the best,"))
    if month_first(country):
        return chooser.one_of("closing", ("Sincerely,", "Sincerely yours,"))
    return chooser.one_of("closing", ("Yours sincerely,", "With kind regards,"))

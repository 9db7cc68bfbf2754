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
from afterword.drafting.model import Draft, Letter, Tone
from afterword.drafting.phrasing import address_lines, first_name, formal_name, note_phrase, words
from afterword.drafting.render import render_paragraphs
from afterword.drafting.variants import Chooser
from afterword.rules.calendar import BusinessCalendar
from afterword.rules.case import Case, Interview, Interviewer
from afterword.rules.plan import Action, Plan

MAX_EMAIL_WORDS = 200  # K4: brief
MAX_LETTER_WORDS = 230  # paragraphs only: with the address blocks it stays on one page
# How many words of each of the user's notes a draft quotes: the whole note when it fits,
# then shorter and shorter until the draft is within its limit.
NOTE_BUDGETS = (60, 35, 20, 12, 6)


def _notes(interview: Interview, person: Interviewer | None, budget: int) -> dict[str, str | None]:
    """The person's own emphasis wins over the interview's (K4): that is what makes it theirs."""
    own = person.emphasised if person is not None else None
    return {
        "emphasis": note_phrase(own or interview.emphasised, budget),
        "forgot": note_phrase(interview.forgot, budget),
        "clarify": note_phrase(interview.to_clarify, budget),
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
    """Thanks first; fit tied to this person's emphasis; what was forgotten or unclear; the
    check-in date when the plan has one (K7); at most 200 words, notes shortened to fit."""
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
    signature = signature_lines(case)
    for budget in NOTE_BUDGETS:
        paragraphs = render_paragraphs(
            f"thank_you_email_{tone}.j2", {**context, **_notes(interview, person, budget)}
        )
        subject, body = paragraphs[0], _with_signature(paragraphs[1:], signature)
        if words(body) <= MAX_EMAIL_WORDS:
            break
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
    }
    for budget in NOTE_BUDGETS:
        paragraphs = render_paragraphs(
            f"thank_you_letter_{tone}.j2", {**context, **_notes(interview, person, budget)}
        )
        if sum(words(p) for p in paragraphs) <= MAX_LETTER_WORDS:
            break
    letter = Letter(
        sender_lines=_sender_lines(case),
        date_line=format_full_date(writing_day(calendar, action, now), case.employer.country),
        recipient_lines=_recipient_lines(case, person),
        salutation=_salutation(tone, person),
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


def _salutation(tone: Tone, person: Interviewer | None) -> str:
    # A printed letter opens with "Dear" in either tone; warmth is the first name.
    if person is None:
        return "Dear Hiring Team,"
    name = formal_name(person.name) if tone == "formal" else first_name(person.name)
    return f"Dear {name},"


def _closing(tone: Tone, country: str, chooser: Chooser) -> str:
    if tone == "warm":
        return chooser.one_of("closing", ("Warm regards,", "With best wishes,", "All the best,"))
    if month_first(country):
        return chooser.one_of("closing", ("Sincerely,", "Sincerely yours,"))
    return chooser.one_of("closing", ("Yours sincerely,", "With kind regards,"))

"""Saving a captured interview: the round, its people and the new plan, all or nothing.

Pages, the command line and the API hand over unsaved rows; this module checks them once,
reads the decision phrase, and writes everything with the re-plan in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from afterword.rules.case import zone
from afterword.tracker.models import Application, Interview, Interviewer
from afterword.tracker.services.dates import DateReadError, read_date
from afterword.tracker.services.replan import replan

NO_PEOPLE = "Add at least one interviewer: everyone you met gets a thank-you."
TWO_MAIN = "Mark only one person as the main contact."
# The interview's fields that name the one person a kind of point goes to.
POINT_PEOPLE = {
    "forgot_for": "what you forgot to say",
    "to_clarify_for": "what you want to clarify",
}


def save_interview(
    application: Application,
    interview: Interview,
    people: Sequence[Interviewer],
    existing: Sequence[Interviewer],
    now: datetime,
) -> Interview:
    """Store the interview and its interviewers, then re-plan, in one transaction.

    ``interview`` carries its start and end (aware) and what was said; ``people`` are the
    interviewers typed on this round (new or edited rows), ``existing`` the people from
    earlier rounds who were there too. Problems are raised as one ValidationError keyed by
    field before anything is written; a refusal from the planner rolls everything back.

    1. The interview row, with the decision date read from the phrase when no date was given.
    2. Each person as an Interviewer of the application (new or edited); people left off are
       only unlinked, since past events may still name them.
    3. The interview's people: those rows plus the people from earlier rounds.
    4. At most one main contact per application: a newly marked one replaces the old.
    5. Re-plan, so that the stored actions never lag behind the facts.

    ``interview.forgot_for`` / ``to_clarify_for`` may name one of ``people`` not saved yet:
    the people are saved before the interview row, so the link gets its id.
    """
    interview.application = application
    _check(application, interview, people, existing)
    with transaction.atomic():
        present: list[Interviewer] = []
        for person in people:
            person.application = application
            person.save()
            present.append(person)
        interview.save()
        present += list(existing)
        interview.interviewers.set(present)
        main = [person for person in present if person.is_primary]
        if main:
            application.interviewers.exclude(pk=main[0].pk).update(is_primary=False)
        replan(application, now)
    return interview


def interview_problems(application: Application, interview: Interview) -> ValidationError | None:
    """What is wrong with the interview's own fields (times, decision date, follow-up date).

    For a form whose interviewer rows are still wrong: the page shows every problem at once
    instead of one batch per submit. Reading the phrase fills ``decision_by``, as saving does.
    """
    errors = _interview_errors(application, interview)
    return ValidationError(errors) if errors else None


def _check(
    application: Application,
    interview: Interview,
    people: Sequence[Interviewer],
    existing: Sequence[Interviewer],
) -> None:
    errors = _interview_errors(application, interview)
    strangers = [
        person
        for person in [*people, *existing]
        if person.pk is not None and person.application_id != application.pk
    ]
    if strangers:
        errors.setdefault("existing", []).append("Only people from this application can be added.")
    if not people and not existing:
        errors.setdefault(NON_FIELD_ERRORS, []).append(NO_PEOPLE)
    # A main contact from an earlier round gives way to one marked now (step 4).
    if sum(person.is_primary for person in people) > 1:
        errors.setdefault(NON_FIELD_ERRORS, []).append(TWO_MAIN)
    for field, what in POINT_PEOPLE.items():
        chosen = _point_person(interview, field)
        if chosen is not None and not any(_same(chosen, p) for p in [*people, *existing]):
            who = chosen.name or "That person"
            errors.setdefault(field, []).append(
                f"{who} was not at this interview, so cannot receive {what}: "
                "choose someone who was there, or leave it automatic."
            )
    if errors:
        raise ValidationError(errors)


def _point_person(interview: Interview, field: str) -> Interviewer | None:
    """The person a field names, saved or not (an empty link costs no query)."""
    person: Interviewer | None = getattr(interview, field)
    return person


def _same(one: Interviewer, other: Interviewer) -> bool:
    return one is other or (one.pk is not None and one.pk == other.pk)


def _interview_errors(application: Application, interview: Interview) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if interview.start is None or interview.end is None:
        return {"start": ["Enter when the interview started and ended."]}
    if interview.end <= interview.start:
        errors.setdefault("end", []).append("The end time must be after the start time.")
    day = interview.start.astimezone(zone(application.employer_timezone)).date()
    # Where a date came from decides which field an error about it belongs to.
    decision_field = "decision_by"
    if interview.decision_by is None and interview.decision_phrase:
        decision_field = "decision_phrase"
        try:
            interview.decision_by = read_date(
                interview.decision_phrase,
                day,
                application.employer_country,
                application.employer_subdivision,
            ).end
        except DateReadError as error:
            errors.setdefault("decision_phrase", []).append(str(error))
    for when, field in (
        (interview.decision_by, decision_field),
        (interview.agreed_follow_up, "agreed_follow_up"),
    ):
        if when is not None and when < day:
            errors.setdefault(field, []).append(_before(when, day))
    return errors


def _before(when: date, day: date) -> str:
    return f"{when:%d %b %Y} is before the interview ({day:%d %b %Y})."

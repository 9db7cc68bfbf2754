"""Interviews and the people met: list, read, and capture a round (the interview service)."""

# No "from __future__ import annotations": ninja reads these signatures at run time.
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from afterword.api.schemas import InterviewerOut, InterviewIn, InterviewOut, Message, Problems
from afterword.tracker.access import get_application_or_404, get_interview_or_404
from afterword.tracker.models import Interview, Interviewer
from afterword.tracker.services.interviews import save_interview

router = Router(tags=["interviews"])

INTERVIEW_FIELDS = (
    "round",
    "start",
    "end",
    "decision_by",
    "decision_phrase",
    "agreed_follow_up",
    "still_interviewing_others",
    "preferred_channel",
    "emphasised",
    "forgot",
    "to_clarify",
    "next_steps",
)


@router.get(
    "/applications/{application_id}/interviews",
    response={200: list[InterviewOut], 404: Message},
)
def list_interviews(request: HttpRequest, application_id: int) -> QuerySet[Interview]:
    application = get_application_or_404(request.user, application_id)
    return application.interviews.prefetch_related("interviewers").order_by("start", "pk")


@router.post(
    "/applications/{application_id}/interviews",
    response={201: InterviewOut, 404: Message, 422: Problems},
)
def add_interview(
    request: HttpRequest, application_id: int, payload: InterviewIn
) -> Status[Interview]:
    """Capture a round: its times, what was said, and who was there; the plan follows."""
    application = get_application_or_404(request.user, application_id)
    interview = Interview(**{name: getattr(payload, name) for name in INTERVIEW_FIELDS})
    people = [Interviewer(**person.dict()) for person in payload.interviewers]
    _check_people(people)
    wanted = set(payload.existing_interviewers)
    existing = list(application.interviewers.filter(pk__in=wanted))
    if len(existing) != len(wanted):
        raise ValidationError(
            {"existing_interviewers": ["Only people from this application can be added."]}
        )
    save_interview(application, interview, people, existing, timezone.now())
    return Status(201, interview)


def _check_people(people: list[Interviewer]) -> None:
    """Each new person's fields checked as the model checks them (an email address, say)."""
    errors: dict[str, list[str]] = {}
    for index, person in enumerate(people):
        try:
            person.full_clean(exclude=["application", "email_bounced_at"])
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors[f"interviewers.{index}.{field}"] = messages
    if errors:
        raise ValidationError(errors)


@router.get("/interviews/{interview_id}", response={200: InterviewOut, 404: Message})
def get_interview(request: HttpRequest, interview_id: int) -> Interview:
    return get_interview_or_404(request.user, interview_id)


@router.get(
    "/applications/{application_id}/interviewers",
    response={200: list[InterviewerOut], 404: Message},
)
def list_interviewers(request: HttpRequest, application_id: int) -> QuerySet[Interviewer]:
    application = get_application_or_404(request.user, application_id)
    return application.interviewers.order_by("name", "pk")

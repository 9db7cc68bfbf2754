"""Every query for a user's data starts here: deny by default, 404 for anyone else's rows.

An outsider gets 404 rather than 403 so that ids of other people's records reveal nothing.
Anonymous users own nothing: every function returns an empty set or raises Http404 for them.
"""

from __future__ import annotations

from typing import Any, TypeAlias, TypeGuard, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404

from afterword.tracker.models import Action, Application, Draft, Event, Interview, Interviewer

User: TypeAlias = AbstractBaseUser | AnonymousUser
M = TypeVar("M", bound=Model)


def is_member(user: User) -> TypeGuard[AbstractBaseUser]:
    """Signed in and active: the only kind of user that may see any tracker data."""
    return bool(user.is_authenticated and user.is_active)


def may_view(user: User, application: Application) -> bool:
    return is_member(user) and application.owner_id == user.pk


def applications_for(user: User) -> QuerySet[Application]:
    if not is_member(user):
        return Application.objects.none()
    return Application.objects.filter(owner_id=user.pk)


def interviews_for(user: User) -> QuerySet[Interview]:
    return Interview.objects.filter(application__in=applications_for(user))


def interviewers_for(user: User) -> QuerySet[Interviewer]:
    return Interviewer.objects.filter(application__in=applications_for(user))


def events_for(user: User) -> QuerySet[Event]:
    return Event.objects.filter(application__in=applications_for(user))


def actions_for(user: User) -> QuerySet[Action]:
    if not is_member(user):
        return Action.objects.none()
    # Actions carry their owner, so this needs no join (the Today index covers it).
    return Action.objects.filter(owner_id=user.pk)


def drafts_for(user: User) -> QuerySet[Draft]:
    if not is_member(user):
        return Draft.objects.none()
    # Drafts carry their owner too, so that a draft URL is checked without a join.
    return Draft.objects.filter(owner_id=user.pk)


def get_application_or_404(user: User, pk: Any) -> Application:
    return _get_or_404(applications_for(user), pk)


def get_interview_or_404(user: User, pk: Any) -> Interview:
    return _get_or_404(interviews_for(user).select_related("application"), pk)


def get_interviewer_or_404(user: User, pk: Any) -> Interviewer:
    return _get_or_404(interviewers_for(user).select_related("application"), pk)


def get_event_or_404(user: User, pk: Any) -> Event:
    return _get_or_404(events_for(user).select_related("application"), pk)


def get_action_or_404(user: User, pk: Any) -> Action:
    return _get_or_404(
        actions_for(user).select_related("application", "interview", "interviewer"), pk
    )


def get_draft_or_404(user: User, pk: Any) -> Draft:
    return _get_or_404(
        drafts_for(user).select_related("application", "interview", "interviewer"), pk
    )


def _get_or_404(queryset: QuerySet[M], pk: Any) -> M:
    # A malformed id ("abc") is as unknown as someone else's: same 404, same message.
    try:
        return queryset.get(pk=int(pk))
    except (TypeError, ValueError, ObjectDoesNotExist):
        raise Http404("No such record.") from None

"""Who may see or change what: every query for a user's data starts here.

Deny by default: only an active, signed-in user owns anything, and anyone else's row answers
404, exactly like a row that does not exist, so ids reveal nothing. Anonymous users get empty
sets.

Every user-owned model reaches its owner through one column: ``owner`` or ``user`` on the row
itself, or ``application__owner`` for the rows that hang off an application. ``owner_path``
finds it, so feature apps scope their own models here without this module importing them.

Two questions, answered in one place each:
- ``visible(user, ...)``: rows ``user`` may see. Today the owner's; a consenting student's
  coach is added in ``_visible_owners`` and nowhere else.
- ``changeable(user, ...)``: rows ``user`` may change. Only the owner, and it stays so: a
  coach reads, the student acts.
``belonging_to(owner_id, ...)`` is not a permission check: it is for code acting on one
user's behalf with no request (the worker, services), which must stay away from anyone else's.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any, TypeAlias, TypeGuard, TypeVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.http import Http404

from afterword.tracker.models import Action, Application, Draft, Event, Interview, Interviewer

User: TypeAlias = AbstractBaseUser | AnonymousUser
M = TypeVar("M", bound=models.Model)


def is_member(user: User) -> TypeGuard[AbstractBaseUser]:
    """Signed in and active: the only kind of user that may see any tracker data."""
    return bool(user.is_authenticated and user.is_active)


@cache
def owner_path(model: type[models.Model]) -> str:
    """The lookup from ``model`` to the user who owns its rows ("owner", "application__owner")."""
    for name in ("owner", "user"):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        # Only a column on the row itself: a reverse relation (Group.user) owns nothing.
        if field.concrete and field.related_model and _is_user_model(field.related_model):
            return name
    try:
        application = model._meta.get_field("application")
    except FieldDoesNotExist:
        pass
    else:
        if application.concrete:
            return "application__owner"
    raise TypeError(f"{model.__name__} has no owner: it cannot be scoped to a user.")


def _is_user_model(model: Any) -> bool:
    return bool(model._meta.label == settings.AUTH_USER_MODEL)


def _queryset(source: type[M] | QuerySet[M]) -> QuerySet[M]:
    if isinstance(source, QuerySet):
        return source
    return source._default_manager.all()


def _visible_owner_ids(user: AbstractBaseUser) -> list[int]:
    """The users whose rows ``user`` may see. The one place to add a consenting student's coach."""
    return [int(user.pk)]


def belonging_to(owner_id: int, source: type[M] | QuerySet[M]) -> QuerySet[M]:
    """The rows of one user, for code acting on that user's behalf (no permission asked)."""
    return _queryset(source).filter(**{f"{owner_path(_model(source))}_id": owner_id})


def belonging_to_any(owner_ids: Iterable[int], source: type[M] | QuerySet[M]) -> QuerySet[M]:
    """The rows of several users at once, for a worker acting for each of them in one batch
    (no permission asked); only active users own anything, as for a signed-in member."""
    path = owner_path(_model(source))
    return _queryset(source).filter(
        **{f"{path}_id__in": list(owner_ids), f"{path}__is_active": True}
    )


def changeable(user: User, source: type[M] | QuerySet[M]) -> QuerySet[M]:
    """The rows ``user`` may change: their own; nothing for anyone not signed in."""
    queryset = _queryset(source)
    if not is_member(user):
        return queryset.none()
    return belonging_to(int(user.pk), queryset)


def visible(user: User, source: type[M] | QuerySet[M]) -> QuerySet[M]:
    """The rows ``user`` may see; nothing for anyone not signed in."""
    queryset = _queryset(source)
    if not is_member(user):
        return queryset.none()
    owners = _visible_owner_ids(user)
    if owners == [user.pk]:
        # A plain column test, which the owner indexes cover.
        return belonging_to(int(user.pk), queryset)
    return queryset.filter(**{f"{owner_path(queryset.model)}_id__in": owners})


def get_changeable_or_404(user: User, source: type[M] | QuerySet[M], pk: Any) -> M:
    return _get_or_404(changeable(user, source), pk)


def get_visible_or_404(user: User, source: type[M] | QuerySet[M], pk: Any) -> M:
    return _get_or_404(visible(user, source), pk)


def own_row(user: User, model: type[M]) -> M | None:
    """The user's one row of a one-to-one model (a mailbox, a feed), or None."""
    return changeable(user, model).first()


def one_row_of(owner_id: int, model: type[M]) -> M:
    """The one row of a one-to-one model (settings, a feed) of a user, made on first use.

    Like ``belonging_to``, for code that already knows whose row it needs. get_or_create
    survives two first requests at once: the one-to-one column is unique, and the loser of
    the race reads the winner's row.
    """
    owner: dict[str, Any] = {f"{owner_path(model)}_id": owner_id}
    found, _ = model._default_manager.get_or_create(**owner)
    return found


def may_view(user: User, row: models.Model) -> bool:
    return visible(user, type(row)).filter(pk=row.pk).exists()


def may_change(user: User, row: models.Model) -> bool:
    return changeable(user, type(row)).filter(pk=row.pk).exists()


# The tracker's own rows, by name: what the pages ask for most.


def applications_for(user: User) -> QuerySet[Application]:
    return changeable(user, Application)


def visible_applications(user: User) -> QuerySet[Application]:
    return visible(user, Application)


def interviews_for(user: User) -> QuerySet[Interview]:
    return changeable(user, Interview)


def interviewers_for(user: User) -> QuerySet[Interviewer]:
    return changeable(user, Interviewer)


def events_for(user: User) -> QuerySet[Event]:
    return changeable(user, Event)


def actions_for(user: User) -> QuerySet[Action]:
    # Actions carry their owner, so this needs no join (the Today index covers it).
    return changeable(user, Action)


def drafts_for(user: User) -> QuerySet[Draft]:
    # Drafts carry their owner too, so that a draft URL is checked without a join.
    return changeable(user, Draft)


def get_application_or_404(user: User, pk: Any) -> Application:
    return get_changeable_or_404(user, Application, pk)


def get_interview_or_404(user: User, pk: Any) -> Interview:
    return get_changeable_or_404(user, Interview.objects.select_related("application"), pk)


def get_interviewer_or_404(user: User, pk: Any) -> Interviewer:
    return get_changeable_or_404(user, Interviewer.objects.select_related("application"), pk)


def get_event_or_404(user: User, pk: Any) -> Event:
    return get_changeable_or_404(user, Event.objects.select_related("application"), pk)


def get_action_or_404(user: User, pk: Any) -> Action:
    return get_changeable_or_404(
        user, Action.objects.select_related("application", "interview", "interviewer"), pk
    )


def get_draft_or_404(user: User, pk: Any) -> Draft:
    return get_changeable_or_404(
        user, Draft.objects.select_related("application", "interview", "interviewer"), pk
    )


def _model(source: type[M] | QuerySet[M]) -> type[M]:
    return source.model if isinstance(source, QuerySet) else source


def _get_or_404(queryset: QuerySet[M], pk: Any) -> M:
    # A malformed id ("abc") is as unknown as someone else's: same 404, same message.
    try:
        return queryset.get(pk=int(pk))
    except (TypeError, ValueError, ObjectDoesNotExist):
        raise Http404("No such record.") from None

"""Who may see or change what: every query for a user's data starts here.

Deny by default: only an active, signed-in user owns anything, and anyone else's row answers
404, exactly like a row that does not exist, so ids reveal nothing. Anonymous users get empty
sets.

Every user-owned model reaches its owner through one column: ``owner``, ``user`` or
``student`` on the row itself, or ``application__owner`` for the rows that hang off an
application. ``owner_path`` finds it, so feature apps scope their own models here without this
module importing them.

Two questions, answered in one place each:
- ``visible(user, ...)``: rows ``user`` may see. Today the owner's; a consenting student's
  coach is added in ``_visible_owners`` and nowhere else.
- ``changeable(user, ...)``: rows ``user`` may change. Only the owner, and it stays so: a
  coach reads, the student acts.
- ``coached_rows(coach, ...)`` and ``student_rows_or_404(coach, student_id, ...)``: what a coach
  may read of the students who consent to it now (see "Coaches" below). ``visible`` stays the
  owner's alone, so no page of the coach's own ever mixes in a student's rows.
``belonging_to(owner_id, ...)`` is not a permission check: it is for code acting on one
user's behalf with no request (the worker, services), which must stay away from anyone else's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeAlias, TypeGuard, TypeVar

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from afterword.tracker.models import Action, Application, Draft, Event, Interview, Interviewer
from afterword.tracker.services import compiled

User: TypeAlias = AbstractBaseUser | AnonymousUser
M = TypeVar("M", bound=models.Model)


def is_member(user: User) -> TypeGuard[AbstractBaseUser]:
    """Signed in and active: the only kind of user that may see any tracker data."""
    return bool(user.is_authenticated and user.is_active)


@cache
def owner_path(model: type[models.Model]) -> str:
    """The lookup from ``model`` to the user who owns its rows ("owner", "application__owner")."""
    # "student": a career centre's rows about a student (a consent, a coach's note, the log of
    # views) are the student's, to read and change; the coach only writes them via services.
    for name in ("owner", "user", "student"):
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
    """The users whose rows ``user`` may see on their own pages: themselves. A coach reads a
    consenting student's rows through ``student_rows_or_404`` below, never mixed with its own."""
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


def belonging_to_loaded(
    owners: Iterable[AbstractBaseUser], source: type[M] | QuerySet[M]
) -> QuerySet[M]:
    """The rows of several users the caller has just read (a worker's page of claimed rows
    with their owners): like ``belonging_to_any``, nothing of a user who is not active, but
    judged from the users as loaded, so the query needs no join to the user table.

    For reads repeated thousands of times a morning: with the join, PostgreSQL may hash the
    whole user table for each page of 50 users (bench/README.md, "Digest").
    """
    path = owner_path(_model(source))
    active = [int(owner.pk) for owner in owners if owner.is_active]
    return _queryset(source).filter(**{f"{path}_id__in": active})


def member_id(user: User) -> int | None:
    """Whose rows ``user`` may change: their own id; None for anyone not signed in.

    For reads compiled once and run with an owner's id (tracker/services/compiled.py): they
    filter with ``belonging_to`` that id, as ``changeable`` does, and read nothing for None.
    """
    return int(user.pk) if is_member(user) else None


def changeable(user: User, source: type[M] | QuerySet[M]) -> QuerySet[M]:
    """The rows ``user`` may change: their own; nothing for anyone not signed in."""
    queryset = _queryset(source)
    owner = member_id(user)
    if owner is None:
        return queryset.none()
    return belonging_to(owner, queryset)


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
    # Read as values through SQL compiled once (every page reads the settings): building the
    # query with the ORM cost more than the database takes to answer it.
    for values in compiled.fetch(_one_row_read, owner_id, fixed=(model,)):
        return model.from_db(DEFAULT_DB_ALIAS, _columns(model), values)
    owner: dict[str, Any] = {f"{owner_path(model)}_id": owner_id}
    found, _ = model._default_manager.get_or_create(**owner)
    return found


@cache
def _columns(model: type[models.Model]) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


def _one_row_read(model: type[M], owner_id: int) -> QuerySet[M, tuple[Any, ...]]:
    return belonging_to(owner_id, model).values_list(*_columns(model))[:1]


def may_view(user: User, row: models.Model) -> bool:
    return visible(user, type(row)).filter(pk=row.pk).exists()


def may_change(user: User, row: models.Model) -> bool:
    return changeable(user, type(row)).filter(pk=row.pk).exists()


# The tracker's own rows, by name: what the pages ask for most.


def applications_for(user: User) -> QuerySet[Application]:
    return changeable(user, Application)


def current_applications(user: User) -> QuerySet[Application]:
    """The user's applications that are not archived: what the board, Today and the digest
    count. Archived ones stay reachable by id (``get_application_or_404``) to be restored."""
    owner = member_id(user)
    if owner is None:
        return Application.objects.none()
    return current_applications_of(owner)


def current_applications_of(owner_id: int) -> QuerySet[Application]:
    """``current_applications`` of the member ``owner_id`` (see ``member_id``)."""
    return belonging_to(owner_id, Application).filter(archived_at__isnull=True)


def archived_applications(user: User) -> QuerySet[Application]:
    return applications_for(user).filter(archived_at__isnull=False)


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


def get_follow_up_or_404(
    user: User, application_pk: Any, key: str
) -> tuple[Application, Action | None]:
    """The user's application and its pending action named ``key``, or None when it is no
    longer pending (an outsider, or an application that is not there, gets 404)."""
    application = get_application_or_404(user, application_pk)
    action = (
        Action.objects.select_related("application", "interview", "interviewer")
        .filter(application=application, key=key)
        .first()
    )
    return application, action


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


# Coaches. A student's Consent (coaching app) lets one coach of their organisation read their
# follow-up picture: applications, statuses, the plan, due follow-ups, decision dates, and the
# notes on their news only if they chose to share them. Never mailbox contents, drafts, emails,
# channels or passwords: only the models below can be asked for. A consent counts while it is
# not revoked and the coach is still staff of that organisation; without one the coach gets the
# same 404 as anyone else. The models are looked up by name: the coaching app sits above this
# module and cannot be imported here.
COACH_READABLE = frozenset(
    {"tracker.Application", "tracker.Action", "tracker.Interview", "tracker.Event"}
)
_STAFF_ROLES = ("admin", "coach")


def _rows_of_model(app_label: str, name: str = "") -> QuerySet[Any]:
    """All rows of a model named by label ("coaching.Consent"), without importing its app."""
    model = apps.get_model(app_label, name) if name else apps.get_model(app_label)
    rows: QuerySet[Any] = model._default_manager.all()
    return rows


def active_consents(coach: User) -> QuerySet[Any]:
    """The coach's consents that count now (no revoked ones, and the coach still staff there)."""
    consents = _rows_of_model("coaching", "Consent")
    if not is_member(coach):
        return consents.none()
    still_staff = _rows_of_model("coaching", "Membership").filter(
        organisation=OuterRef("organisation"), user_id=coach.pk, role__in=_STAFF_ROLES
    )
    return consents.filter(
        coach_id=coach.pk, revoked_at__isnull=True, student__is_active=True
    ).filter(Exists(still_staff))


def coached_student_ids(coach: User) -> QuerySet[Any]:
    """The ids of the students whose data ``coach`` may read now (a subquery, not a list)."""
    return active_consents(coach).values("student_id")


def coached_students(coach: User) -> QuerySet[Any]:
    """The students who consent to ``coach`` now, as user rows."""
    users = _rows_of_model(settings.AUTH_USER_MODEL)
    if not is_member(coach):
        return users.none()
    return users.filter(pk__in=coached_student_ids(coach))


# The largest id a BIGINT column holds: a larger one names no row (and must not reach the SQL).
_MAX_ID = 2**63 - 1


def row_id(text: str) -> int | None:
    """The id ``text`` names if a row could have it, else None: ASCII digits only
    (``str.isdigit`` also accepts "²", which ``int`` refuses) and within a BIGINT (a larger
    number names no row, and PostgreSQL refuses it instead of finding nothing)."""
    # The length first: int() refuses texts of over 4,300 digits with a ValueError of its own.
    if not (text.isascii() and text.isdigit() and len(text) <= 19):
        return None
    wanted = int(text)
    return wanted if 0 < wanted <= _MAX_ID else None


def _id_or_404(value: Any) -> int:
    try:
        wanted = int(value)
    except (TypeError, ValueError):
        raise Http404("No such record.") from None
    if not 0 < wanted <= _MAX_ID:
        raise Http404("No such record.")
    return wanted


def consent_or_404(coach: User, student_id: Any) -> Any:
    """The consent that lets ``coach`` read ``student_id``'s data, or 404 as for an outsider."""
    wanted = _id_or_404(student_id)
    found = active_consents(coach).filter(student_id=wanted).select_related("student").first()
    if found is None:
        raise Http404("No such record.")
    return found


def _coach_may_read(model: type[models.Model]) -> None:
    if model._meta.label not in COACH_READABLE:
        raise TypeError(f"{model._meta.label} is not shared with coaches.")


def coached_rows(coach: User, source: type[M] | QuerySet[M]) -> QuerySet[M]:
    """Rows of every student who consents to ``coach`` now (for the cohort's aggregates)."""
    queryset = _queryset(source)
    _coach_may_read(queryset.model)
    if not is_member(coach):
        return queryset.none()
    path = owner_path(queryset.model)
    return queryset.filter(**{f"{path}_id__in": coached_student_ids(coach)})


def student_rows_or_404(coach: User, student_id: Any, source: type[M] | QuerySet[M]) -> QuerySet[M]:
    """One consenting student's rows for their coach; 404 without a consent that counts now."""
    queryset = _queryset(source)
    _coach_may_read(queryset.model)
    consent = consent_or_404(coach, student_id)
    return belonging_to(int(consent.student_id), queryset)


@dataclass(frozen=True, slots=True)
class Coached:
    """The students one coach may read, looked up once for one request (made only here).

    The cohort reads several tables for the same students; handing their ids to each query
    lets PostgreSQL use the owner indexes instead of joining the consents again every time.
    """

    coach_id: int
    # (id, username, first name, last name, email) of each student, by id.
    students: tuple[tuple[int, str, str, str, str], ...]

    @property
    def student_ids(self) -> list[int]:
        return [row[0] for row in self.students]


def coached(coach: User) -> Coached:
    """The students who consent to ``coach`` now, with their names (one query)."""
    rows = coached_students(coach).order_by("pk")
    found = rows.values_list("pk", "username", "first_name", "last_name", "email")
    return Coached(int(coach.pk) if is_member(coach) else 0, tuple(found))


def rows_of_coached(students: Coached, source: type[M] | QuerySet[M]) -> QuerySet[M]:
    """Rows of the students in ``students`` (from ``coached`` in this request), of a model a
    coach may read."""
    queryset = _queryset(source)
    _coach_may_read(queryset.model)
    return queryset.filter(**{f"{owner_path(queryset.model)}_id__in": students.student_ids})


def statistics_rows(organisation_id: int, source: type[M] | QuerySet[M]) -> QuerySet[M]:
    """Rows of the organisation's students who agreed to be counted in its statistics.

    Not a permission on any one student: the statistics page shows only totals, and the page
    itself is for the organisation's staff (``coaching/membership.py``).
    """
    queryset = _queryset(source)
    _coach_may_read(queryset.model)
    counted = (
        _rows_of_model("coaching", "Membership")
        .filter(organisation_id=organisation_id, role="student", shares_statistics=True)
        .values("user_id")
    )
    return queryset.filter(**{f"{owner_path(queryset.model)}_id__in": counted})


def memberships(
    user: User, roles: tuple[str, ...] = ("admin", "coach", "student")
) -> QuerySet[Any]:
    """The user's memberships of organisations with one of ``roles``."""
    rows = _rows_of_model("coaching", "Membership")
    if not is_member(user):
        return rows.none()
    return rows.filter(user_id=user.pk, role__in=roles).select_related("organisation")


def in_a_centre(user: User) -> bool:
    """Whether ``user`` belongs to a career centre in any role (the menu's Coaching item).

    Every signed-in page asks, so the read is compiled once (tracker/services/compiled.py):
    building it with the ORM cost more than the database takes to answer it.
    """
    owner = member_id(user)
    return owner is not None and bool(compiled.fetch(_membership_read, owner))


def _membership_read(user_id: int) -> QuerySet[Any]:
    rows = _rows_of_model("coaching", "Membership").filter(
        user_id=user_id, role__in=("admin", "coach", "student")
    )
    return rows.values_list("pk")[:1]


def membership_or_404(user: User, organisation_id: Any, roles: tuple[str, ...]) -> Any:
    """The user's membership of that organisation with one of ``roles``, or 404 like an outsider."""
    wanted = _id_or_404(organisation_id)
    found = memberships(user, roles).filter(organisation_id=wanted).first()
    if found is None:
        raise Http404("No such record.")
    return found

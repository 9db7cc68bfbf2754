"""The applications board: search, filter by status, sort, and the count of each status.

Each page reads one page of applications (with its next action and, for a decided one, how it
ended, as subqueries rather than every action of every application) and one GROUP BY for the
column counts, so its cost does not grow with the number of applications.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.expressions import Combinable

from afterword.rules.kinds import DECIDING_EVENTS
from afterword.tracker.access import applications_for, current_applications
from afterword.tracker.models import Action, Application, Event, Interviewer, Status

# The orders the board offers, by the name the query string uses.
SORTS: dict[str, tuple[str, tuple[str | Combinable, ...]]] = {
    "newest": ("Newest first", ("-created_at", "-pk")),
    "oldest": ("Oldest first", ("created_at", "pk")),
    # Applications with nothing planned go last, in either database.
    "next": ("Next follow-up first", (F("next_due").asc(nulls_last=True), "-created_at", "-pk")),
}
DEFAULT_SORT = "newest"
MAX_QUERY = 100


@dataclass(frozen=True, slots=True)
class BoardQuery:
    """What the board was asked for; anything unknown falls back to showing everything."""

    text: str = ""
    status: str = ""
    sort: str = DEFAULT_SORT

    @classmethod
    def from_params(cls, params: dict[str, str]) -> BoardQuery:
        text = " ".join(params.get("q", "").split())[:MAX_QUERY]
        status = params.get("status", "")
        sort = params.get("sort", "")
        return cls(
            text=text,
            status=status if status in Status.values else "",
            sort=sort if sort in SORTS else DEFAULT_SORT,
        )

    @property
    def is_filtered(self) -> bool:
        return bool(self.text or self.status)


def matching(user: AbstractBaseUser | AnonymousUser, text: str) -> QuerySet[Application]:
    """The user's applications whose employer, role, job code or one of whose interviewers'
    names contains every word of ``text`` (case-insensitive); archived ones are on their own
    page."""
    found = current_applications(user)
    for word in text.split():
        people = Interviewer.objects.filter(application=OuterRef("pk"), name__icontains=word)
        found = found.filter(
            Q(employer__icontains=word)
            | Q(role__icontains=word)
            | Q(job_code__icontains=word)
            | Exists(people)
        )
    return found


def status_counts(user: AbstractBaseUser | AnonymousUser, query: BoardQuery) -> dict[str, int]:
    """How many applications match the search in each status (the status filter aside)."""
    counts = dict.fromkeys(Status.values, 0)
    rows = matching(user, query.text).order_by().values_list("status").annotate(count=Count("pk"))
    for status, count in rows:
        counts[status] = count
    return counts


def board_ids(
    user: AbstractBaseUser | AnonymousUser, query: BoardQuery
) -> QuerySet[Application, int]:
    """The ids of the applications to show, in order; slice it to a page, then ``with_details``.

    Two steps, because a database sorting the whole list would work out the next action and
    the outcome of every application first, not only of the page's fifty.
    """
    found = matching(user, query.text)
    if query.status:
        found = found.filter(status=query.status)
    if query.sort == "next":
        found = found.annotate(next_due=Subquery(_first_action().values("due")[:1]))
    ordering = SORTS[query.sort][1]
    return found.order_by(*ordering).values_list("pk", flat=True)


def with_details(user: AbstractBaseUser | AnonymousUser, ids: list[int]) -> list[Application]:
    """The applications ``ids`` in that order, each with ``next_kind``/``next_due`` (its first
    planned action) and ``outcome`` (the latest deciding event, for a decided one)."""
    outcomes = Event.objects.filter(application=OuterRef("pk"), type__in=DECIDING_EVENTS).order_by(
        "-at", "-pk"
    )
    rows = (
        applications_for(user)
        .filter(pk__in=ids)
        .annotate(
            next_kind=Subquery(_first_action().values("kind")[:1]),
            next_due=Subquery(_first_action().values("due")[:1]),
            outcome=Subquery(outcomes.values("type")[:1]),
        )
    )
    found = {row.pk: row for row in rows}
    return [found[pk] for pk in ids if pk in found]


def _first_action() -> QuerySet[Action]:
    return Action.objects.filter(application=OuterRef("pk")).order_by("position")

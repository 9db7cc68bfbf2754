"""The cohort: every student who consents to a coach, with their follow-up health in numbers.

One query builds the whole table, whatever the number of students: the students come from
tracker/access.py (consents that count now), their applications are grouped in a join, and the
overdue thank-yous and this week's decisions are correlated subqueries on indexed columns
(``tracker_action_owner_due``, the interview's application). Filtering, sorting and paging all
happen in that SQL, so a page of 25 out of 500 students costs the same few queries as out of 5.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from afterword.rules.kinds import ACTIONS
from afterword.tracker import access
from afterword.tracker.models import Action, Interview, Status

THANK_YOU_KINDS = tuple(name for name, info in ACTIONS.items() if info.role == "thank_you")
IDLE_DAYS = 14
WEEK_DAYS = 7
PAGE_SIZE = 25

# Filter name -> (label, condition on the annotated rows).
FILTERS: dict[str, tuple[str, Q]] = {
    "overdue": ("Overdue thank-yous", Q(overdue_thanks__gt=0)),
    "silent": ("Applications with no response", Q(silent__gt=0)),
    "idle": (f"No new application for {IDLE_DAYS} days", Q(idle=True)),
    "deciding": ("Decisions due this week", Q(deciding__gt=0)),
}
# Sort name -> (label, ORDER BY). Every order ends on the username, so pages never overlap.
SORTS: dict[str, tuple[str, list[Any]]] = {
    "attention": (
        "Needs attention first",
        ["-overdue_thanks", "-silent", "-deciding", F("last_applied").asc(nulls_first=True)],
    ),
    "name": ("Name", []),
    "overdue": ("Most overdue thank-yous", ["-overdue_thanks"]),
    "silent": ("Most with no response", ["-silent"]),
    "idle": ("Longest without applying", [F("last_applied").asc(nulls_first=True)]),
    "deciding": ("Most decisions this week", ["-deciding"]),
}


@dataclass(frozen=True, slots=True)
class CohortQuery:
    """What the coach asked for: a filter, a sort and a name search (all optional)."""

    filter: str = ""
    sort: str = "attention"
    search: str = ""

    @classmethod
    def from_params(cls, params: Any) -> CohortQuery:
        """From the page's query string; anything unknown falls back to the default."""
        chosen = str(params.get("filter", ""))
        sort = str(params.get("sort", "attention"))
        return cls(
            filter=chosen if chosen in FILTERS else "",
            sort=sort if sort in SORTS else "attention",
            search=str(params.get("q", "")).strip()[:100],
        )


def week_of(today: date) -> tuple[date, date]:
    """This week as the coach reads it: today and the six days after."""
    return today, today + timedelta(days=WEEK_DAYS - 1)


def cohort(coach: AbstractBaseUser, now: datetime, today: date) -> QuerySet[Any]:
    """Every consenting student, annotated with their counts (not yet filtered or sorted)."""
    overdue = (
        Action.objects.filter(owner=OuterRef("pk"), kind__in=THANK_YOU_KINDS, latest__lt=now)
        .order_by()
        .values("owner")
        .annotate(n=Count("pk"))
        .values("n")
    )
    first, last = week_of(today)
    deciding = (
        Interview.objects.filter(
            application__owner=OuterRef("pk"),
            decision_by__gte=first,
            decision_by__lte=last,
        )
        .exclude(application__status=Status.DECIDED)
        .order_by()
        .values("application__owner")
        .annotate(n=Count("application", distinct=True))
        .values("n")
    )
    idle_since = now - timedelta(days=IDLE_DAYS)
    rows: QuerySet[Any] = (
        access.coached_students(coach)
        .annotate(
            application_count=Count("applications"),
            silent=Count("applications", filter=Q(applications__status=Status.NO_RESPONSE)),
            last_applied=Max("applications__created_at"),
            overdue_thanks=Coalesce(Subquery(overdue, output_field=IntegerField()), Value(0)),
            deciding=Coalesce(Subquery(deciding, output_field=IntegerField()), Value(0)),
        )
        .annotate(
            idle=ExpressionWrapper(
                Q(last_applied__isnull=True) | Q(last_applied__lt=idle_since),
                output_field=BooleanField(),
            ),
        )
    )
    return rows


def chosen_rows(
    coach: AbstractBaseUser, now: datetime, today: date, query: CohortQuery
) -> QuerySet[Any]:
    """The cohort filtered, searched and sorted as ``query`` asks."""
    rows = cohort(coach, now, today)
    if query.filter:
        rows = rows.filter(FILTERS[query.filter][1])
    if query.search:
        rows = rows.filter(
            Q(username__icontains=query.search)
            | Q(first_name__icontains=query.search)
            | Q(last_name__icontains=query.search)
            | Q(email__icontains=query.search)
        )
    return rows.order_by(*SORTS[query.sort][1], "username")


def totals(coach: AbstractBaseUser, now: datetime, today: date) -> dict[str, int]:
    """How many students fall under each filter, for the filter buttons (one query).

    Counted here from the four numbers per student: an aggregate over these grouped
    annotations is not something every database and Django version gets right.
    """
    found = {"everyone": 0, **dict.fromkeys(FILTERS, 0)}
    rows = cohort(coach, now, today).order_by().values_list(
        "overdue_thanks", "silent", "idle", "deciding"
    )
    for overdue, silent, idle, deciding in rows:
        found["everyone"] += 1
        found["overdue"] += overdue > 0
        found["silent"] += silent > 0
        found["idle"] += bool(idle)
        found["deciding"] += deciding > 0
    return found

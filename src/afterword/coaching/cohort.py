"""The cohort: every student who consents to a coach, with their follow-up health in numbers.

Four aggregate queries build the whole table, whatever the number of students: the students
themselves (tracker/access.py: the consents that count now), then their applications, their
overdue thank-yous and this week's decisions, each grouped by student in the database and
limited to those students' ids, so that each is an index scan on its owner column.

Filtering, searching, sorting and paging then happen on those rows in Python: a coach has
hundreds of students, not millions, and one pass over them also gives the filter counts, so
nothing is asked of the database twice. (Doing it all in one SQL statement made PostgreSQL
group the joined applications by correlated subqueries and compile it with its JIT: 2 to 4
times slower, bench/README.md.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Max, Q

from afterword.rules.kinds import ACTIONS
from afterword.tracker import access
from afterword.tracker.models import Action, Application, Interview, Status

THANK_YOU_KINDS = tuple(name for name, info in ACTIONS.items() if info.role == "thank_you")
IDLE_DAYS = 14
WEEK_DAYS = 7
PAGE_SIZE = 25


@dataclass(frozen=True, slots=True)
class CohortRow:
    """One student and their numbers (``pk`` is the student's user id)."""

    pk: int
    username: str
    first_name: str
    last_name: str
    email: str
    application_count: int
    silent: int
    last_applied: datetime | None
    overdue_thanks: int
    deciding: int
    idle: bool

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


# Filter name -> (label, test on a row).
FILTERS: dict[str, tuple[str, Callable[[CohortRow], bool]]] = {
    "overdue": ("Overdue thank-yous", lambda row: row.overdue_thanks > 0),
    "silent": ("Applications with no response", lambda row: row.silent > 0),
    "idle": (f"No new application for {IDLE_DAYS} days", lambda row: row.idle),
    "deciding": ("Decisions due this week", lambda row: row.deciding > 0),
}


def _applied(row: CohortRow) -> float:
    # Never applied sorts before anyone who did.
    return row.last_applied.timestamp() if row.last_applied else float("-inf")


# Sort name -> (label, key). Every key ends on the username, so pages never overlap.
SORTS: dict[str, tuple[str, Callable[[CohortRow], Any]]] = {
    "attention": (
        "Needs attention first",
        lambda r: (-r.overdue_thanks, -r.silent, -r.deciding, _applied(r), r.username),
    ),
    "name": ("Name", lambda r: (r.get_full_name().casefold() or r.username, r.username)),
    "overdue": ("Most overdue thank-yous", lambda r: (-r.overdue_thanks, r.username)),
    "silent": ("Most with no response", lambda r: (-r.silent, r.username)),
    "idle": ("Longest without applying", lambda r: (_applied(r), r.username)),
    "deciding": ("Most decisions this week", lambda r: (-r.deciding, r.username)),
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


def cohort(coach: AbstractBaseUser, now: datetime, today: date) -> list[CohortRow]:
    """Every consenting student with their numbers, in no particular order (four queries)."""
    students = access.coached(coach)
    if not students.students:
        return []
    applications = {
        row["owner_id"]: row
        for row in access.rows_of_coached(students, Application)
        .order_by()
        .values("owner_id")
        .annotate(
            total=Count("pk"),
            silent=Count("pk", filter=Q(status=Status.NO_RESPONSE)),
            last=Max("created_at"),
        )
    }
    overdue = dict(
        access.rows_of_coached(students, Action)
        .filter(kind__in=THANK_YOU_KINDS, latest__lt=now)
        .order_by()
        .values("owner_id")
        .annotate(n=Count("pk"))
        .values_list("owner_id", "n")
    )
    first, last = week_of(today)
    deciding = dict(
        access.rows_of_coached(students, Interview)
        .filter(decision_by__gte=first, decision_by__lte=last)
        .exclude(application__status=Status.DECIDED)
        .order_by()
        .values("application__owner_id")
        .annotate(n=Count("application", distinct=True))
        .values_list("application__owner_id", "n")
    )
    idle_since = now - timedelta(days=IDLE_DAYS)
    rows = []
    for pk, username, first_name, last_name, email in students.students:
        applied = applications.get(pk, {})
        last_applied = applied.get("last")
        rows.append(
            CohortRow(
                pk=pk,
                username=username,
                first_name=first_name,
                last_name=last_name,
                email=email,
                application_count=int(applied.get("total", 0)),
                silent=int(applied.get("silent", 0)),
                last_applied=last_applied,
                overdue_thanks=int(overdue.get(pk, 0)),
                deciding=int(deciding.get(pk, 0)),
                idle=last_applied is None or last_applied < idle_since,
            )
        )
    return rows


def chosen_rows(rows: list[CohortRow], query: CohortQuery) -> list[CohortRow]:
    """The cohort filtered, searched and sorted as ``query`` asks."""
    if query.filter:
        keep = FILTERS[query.filter][1]
        rows = [row for row in rows if keep(row)]
    if query.search:
        wanted = query.search.casefold()
        rows = [
            row
            for row in rows
            if any(
                wanted in text.casefold() for text in (row.username, row.get_full_name(), row.email)
            )
        ]
    return sorted(rows, key=SORTS[query.sort][1])


def totals(rows: list[CohortRow]) -> dict[str, int]:
    """How many students fall under each filter, for the filter buttons."""
    return {
        "everyone": len(rows),
        **{name: sum(1 for row in rows if keep(row)) for name, (_label, keep) in FILTERS.items()},
    }

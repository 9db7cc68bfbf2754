"""The Today list: what is overdue, due today and coming up in the next seven days.

``today_sections`` reads every action due before the end of the week in one query on the
(owner, due) index (the CLI and the digest list them all); the split into sections happens in
Python because "today" depends on the user's own time zone.

``today_page`` is the web page's version, which stays small whatever the number of applications:
each section reads at most its share of rows (the most recent overdue first, the others by due
time), and the counts of all three come from one aggregate query when a section has more.
Its reads are compiled once per shape (tracker/services/compiled.py): building them anew on
every request cost Django several times what the database takes to answer them.
``section_rows`` pages through one whole section.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Max, Q, QuerySet

from afterword.rules import Note
from afterword.rules.plan import Status
from afterword.rules.search import ApplicationSummary, keep_searching
from afterword.tracker.access import (
    actions_for,
    belonging_to,
    current_applications_of,
    is_member,
    member_id,
)
from afterword.tracker.models import Action
from afterword.tracker.preferences import settings_for
from afterword.tracker.services import compiled

WEEK_AHEAD_DAYS = 7


@dataclass(frozen=True, slots=True)
class TodaySections:
    overdue: list[Action]
    today: list[Action]
    this_week: list[Action]
    day: date
    zone: ZoneInfo

    def __bool__(self) -> bool:
        return bool(self.overdue or self.today or self.this_week)

    def __len__(self) -> int:
        return len(self.overdue) + len(self.today) + len(self.this_week)


def today_sections(user: AbstractBaseUser | AnonymousUser, now: datetime) -> TodaySections:
    """The user's pending actions in three sections, each ordered by due time.

    Overdue: the window has closed (``latest`` passed) or it was due on an earlier day.
    Today: due on the user's current local day. This week: due in the following seven days.
    """
    zone = ZoneInfo(settings_for(user).timezone) if is_member(user) else ZoneInfo("UTC")
    day = now.astimezone(zone).date()
    tomorrow = _midnight(day + timedelta(days=1), zone)
    week_end = _midnight(day + timedelta(days=1 + WEEK_AHEAD_DAYS), zone)
    today_start = _midnight(day, zone)
    rows = (
        actions_for(user)
        .filter(due__lt=week_end)
        .select_related("application", "interview", "interviewer")
        .order_by("due", "application_id", "position")
    )
    overdue: list[Action] = []
    today: list[Action] = []
    this_week: list[Action] = []
    for action in rows:
        if action.latest < now or action.due < today_start:
            overdue.append(action)
        elif action.due < tomorrow:
            today.append(action)
        else:
            this_week.append(action)
    return TodaySections(overdue, today, this_week, day, zone)


SECTION_KEYS = ("overdue", "today", "week")
# What a Today row shows of an action, its application and its interviewer, read as values:
# building three model instances per row cost more than the query itself.
ROW_VALUES = (
    "pk",
    "application_id",
    "kind",
    "key",
    "due",
    "latest",
    "why",
    "rules",
    "application__employer",
    "application__role",
    "application__employer_timezone",
    "interviewer__name",
)


@dataclass(frozen=True, slots=True)
class Bounds:
    """The instants that split the user's actions into sections, in the user's zone."""

    now: datetime
    day: date
    zone: ZoneInfo
    today_start: datetime
    tomorrow: datetime
    week_end: datetime

    @property
    def instants(self) -> tuple[datetime, datetime, datetime, datetime]:
        """What the sections compare due times with: now, today's start, tomorrow's, the
        week's end (the params of ``where``)."""
        return (self.now, self.today_start, self.tomorrow, self.week_end)


def where(
    section: str, now: datetime, today_start: datetime, tomorrow: datetime, week_end: datetime
) -> Q:
    """The rows of one section (``SECTION_KEYS``) as a filter, given ``Bounds.instants``."""
    if section == "overdue":
        # latest >= due always, so every overdue row has due < now: the index narrows it.
        return Q(due__lt=now) & (Q(latest__lt=now) | Q(due__lt=today_start))
    pending = Q(latest__gte=now, due__gte=today_start)
    if section == "today":
        return pending & Q(due__lt=tomorrow)
    if section == "week":
        return pending & Q(due__gte=tomorrow, due__lt=week_end)
    raise ValueError(f"no Today section {section!r}")


ORDERING = {
    # The most recently missed first: the oldest are the least worth acting on now.
    "overdue": ("-due", "-application_id", "position"),
    "today": ("due", "application_id", "position"),
    "week": ("due", "application_id", "position"),
}


def bounds_for(
    user: AbstractBaseUser | AnonymousUser, now: datetime, zone: ZoneInfo | None = None
) -> Bounds:
    """The section bounds at ``now``; ``zone`` is the user's, read from their settings if None."""
    if zone is None:
        zone = ZoneInfo(settings_for(user).timezone) if is_member(user) else ZoneInfo("UTC")
    day = now.astimezone(zone).date()
    return Bounds(
        now=now,
        day=day,
        zone=zone,
        today_start=_midnight(day, zone),
        tomorrow=_midnight(day + timedelta(days=1), zone),
        week_end=_midnight(day + timedelta(days=1 + WEEK_AHEAD_DAYS), zone),
    )


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    actions: list[dict[str, Any]]  # the ``ROW_VALUES`` of those shown, at most the limit
    total: int  # how many the section holds

    @property
    def hidden(self) -> int:
        return self.total - len(self.actions)


@dataclass(frozen=True, slots=True)
class TodayPage:
    sections: tuple[Section, ...]
    bounds: Bounds

    def __bool__(self) -> bool:
        return any(section.total for section in self.sections)


def section_rows(
    user: AbstractBaseUser | AnonymousUser, bounds: Bounds, section: str
) -> QuerySet[Action, dict[str, Any]]:
    """Every action of one section, in the order the page shows them (lazy: slice it), as
    the ``ROW_VALUES`` a row shows."""
    owner = member_id(user)
    actions = Action.objects.none() if owner is None else _section(owner, section, *bounds.instants)
    rows: QuerySet[Action, dict[str, Any]] = actions.values(*ROW_VALUES)
    return rows


def today_page(
    user: AbstractBaseUser | AnonymousUser,
    now: datetime,
    limits: dict[str, int],
    zone: ZoneInfo | None = None,
) -> TodayPage:
    """Each section's first ``limits[key]`` actions, and how many each holds in all.

    One query per section, each reading at most limit + 1 rows; only when a section has more
    than it shows does one aggregate query count all three.
    """
    bounds = bounds_for(user, now, zone)
    owner = member_id(user)
    if owner is None:
        return TodayPage(tuple(Section(key, [], 0) for key in SECTION_KEYS), bounds)
    shown = {
        key: [
            dict(zip(ROW_VALUES, row, strict=True))
            for row in compiled.fetch(
                _section_read, owner, *bounds.instants, fixed=(key, limits[key] + 1)
            )
        ]
        for key in SECTION_KEYS
    }
    totals = {key: len(rows) for key, rows in shown.items()}
    if any(len(shown[key]) > limits[key] for key in SECTION_KEYS):
        for counted in compiled.fetch(_counts_read, owner, *bounds.instants):
            totals = dict(zip(SECTION_KEYS, counted, strict=True))
    return TodayPage(
        tuple(Section(key, shown[key][: limits[key]], totals[key]) for key in SECTION_KEYS),
        bounds,
    )


def _section_read(
    section: str,
    limit: int,
    owner_id: int,
    now: datetime,
    today_start: datetime,
    tomorrow: datetime,
    week_end: datetime,
) -> QuerySet[Action, tuple[Any, ...]]:
    """The first ``limit`` rows of one section, as ``ROW_VALUES`` (compiled once per section)."""
    return _section(owner_id, section, now, today_start, tomorrow, week_end).values_list(
        *ROW_VALUES
    )[:limit]


def _section(
    owner_id: int,
    section: str,
    now: datetime,
    today_start: datetime,
    tomorrow: datetime,
    week_end: datetime,
) -> QuerySet[Action]:
    """Every action of one section of ``owner_id``, in the order the page shows them."""
    return (
        belonging_to(owner_id, Action)
        .filter(where(section, now, today_start, tomorrow, week_end))
        .order_by(*ORDERING[section])
    )


def _counts_read(
    owner_id: int, now: datetime, today_start: datetime, tomorrow: datetime, week_end: datetime
) -> QuerySet[Action, tuple[Any, ...]]:
    """How many rows each section holds, in ``SECTION_KEYS`` order: one row, grouped by the
    one owner (none when the owner has no action before the week's end)."""
    times = (now, today_start, tomorrow, week_end)
    return (
        belonging_to(owner_id, Action)
        .filter(due__lt=week_end)
        .order_by()
        .values("owner")
        .annotate(**{key: Count("pk", filter=where(key, *times)) for key in SECTION_KEYS})
        .values_list(*SECTION_KEYS)
    )


def search_reminder(user: AbstractBaseUser | AnonymousUser, now: datetime) -> Note | None:
    """P1 across all the user's applications: keep applying while answers are awaited."""
    owner = member_id(user)
    groups = [] if owner is None else compiled.fetch(_status_groups, owner)
    # The column's choices are exactly the planner's statuses.
    summaries = [
        ApplicationSummary(cast(Status, status), newest, count) for status, count, newest in groups
    ]
    return keep_searching(summaries, now)


def _status_groups(owner_id: int) -> QuerySet[Any, tuple[Any, ...]]:
    # One row per status (not one per application): the rule only counts them and asks
    # whether any was added lately, for which the newest of each status is enough.
    return (
        current_applications_of(owner_id)
        .order_by()
        .values_list("status")
        .annotate(count=Count("pk"), newest=Max("created_at"))
    )


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)

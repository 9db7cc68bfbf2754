"""The Today list: what is overdue, due today and coming up in the next seven days.

One query on the (owner, due) index fetches every action due before the end of the week; the
split into sections happens in Python because "today" depends on the user's own time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import cast
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from afterword.rules import Note
from afterword.rules.plan import Status
from afterword.rules.search import ApplicationSummary, keep_searching
from afterword.tracker.access import actions_for, current_applications, is_member
from afterword.tracker.models import Action
from afterword.tracker.preferences import settings_for

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


def search_reminder(user: AbstractBaseUser | AnonymousUser, now: datetime) -> Note | None:
    """P1 across all the user's applications: keep applying while answers are awaited."""
    rows = current_applications(user).values_list("status", "created_at")
    # The column's choices are exactly the planner's statuses.
    summaries = [ApplicationSummary(cast(Status, status), created) for status, created in rows]
    return keep_searching(summaries, now)


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)

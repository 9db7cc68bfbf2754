"""Today: what is overdue, what is due today and what comes up this week, across applications.

The page stays the same size whatever the number of applications: each section shows at most
``SHOWN`` actions, grouped by day; the rest of a section is one link away, on a paginated page of
its own (``today_section``), so nothing is ever out of reach.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import groupby

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET

from afterword.site.pages import member_view, user_zone
from afterword.tracker.today import (
    Bounds,
    bounds_for,
    search_reminder,
    section_rows,
    today_page,
)
from afterword.web.action_rows import ActionRow, glossary, rows_html, value_rows

# How many actions each section shows before the rest is behind "Show all".
SHOWN = {"overdue": 10, "today": 25, "week": 20}
PER_PAGE = 50
TITLES = {"overdue": "Overdue", "today": "Due today", "week": "Coming up this week"}
NONE_LEFT = {
    "overdue": "Nothing overdue.",
    "today": "Nothing due today.",
    "week": "Nothing else this week.",
}


@dataclass(frozen=True, slots=True)
class Day:
    label: str  # "Yesterday", "Mon 7 Dec"; "" when the section is a single day
    rows: list[ActionRow]
    html: SafeString  # the rows' <li> elements (web/action_rows.py)


@dataclass(frozen=True, slots=True)
class SectionView:
    key: str
    title: str
    days: list[Day]
    total: int
    hidden: int
    url: str  # the whole section, paginated
    empty: str

    @property
    def is_overdue(self) -> bool:
        """Its heading already says so: the rows need no "Overdue" tag of their own."""
        return self.key == "overdue"


def day_label(day: date, today: date) -> str:
    if day == today - timedelta(days=1):
        return "Yesterday"
    if day == today + timedelta(days=1):
        return "Tomorrow"
    if day == today:
        return "Earlier today"  # only overdue rows fall on today under a day heading
    return f"{day:%a} {day.day} {day:%b}" + (f" {day.year}" if day.year != today.year else "")


def by_day(rows: list[ActionRow], key: str, bounds: Bounds, *, page: bool = False) -> list[Day]:
    """The rows in groups of one local day each (one unnamed group for "Due today").

    On Today a day's heading is an h3 under the section's h2, so its rows' are h4; on a
    section's own ``page`` the days are the h2s.
    """

    def day(label: str, group: list[ActionRow]) -> Day:
        level = 3 if page or not label else 4
        html = rows_html(group, show_employer=True, level=level, in_overdue=key == "overdue")
        return Day(label, group, html)

    if key == "today":
        return [day("", rows)] if rows else []
    return [
        day(day_label(when, bounds.day), list(group))
        for when, group in groupby(rows, key=lambda row: row.day)
    ]


@cache
def section_url(key: str) -> str:
    """The address of a whole section, reversed once per process (site/routes.py says why)."""
    return reverse("today_section", args=[key])


def today_context(request: HttpRequest) -> dict[str, object]:
    now = timezone.now()
    page = today_page(request.user, now, SHOWN, user_zone(request))
    sections = []
    shown: list[ActionRow] = []
    for section in page.sections:
        rows = value_rows(section.actions, now, page.bounds.zone)
        shown += rows
        sections.append(
            SectionView(
                key=section.key,
                title=TITLES[section.key],
                days=by_day(rows, section.key, page.bounds),
                total=section.total,
                hidden=section.hidden,
                url=section_url(section.key),
                empty=NONE_LEFT[section.key],
            )
        )
    return {
        "sections": sections,
        "nothing_due": not page,
        "rules_used": glossary(shown),
        "search_reminder": search_reminder(request.user, now),
        "now": now,
    }


@member_view
@require_GET
def today(request: HttpRequest) -> HttpResponse:
    return render(request, "web/today.html", today_context(request))


@member_view
@require_GET
def today_section(request: HttpRequest, section: str) -> HttpResponse:
    """Every action of one Today section, 50 to a page, grouped by day like Today itself."""
    if section not in TITLES:
        raise Http404("No such list.")
    now = timezone.now()
    bounds = bounds_for(request.user, now, user_zone(request))
    paginator = Paginator(section_rows(request.user, bounds, section), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    rows = value_rows(page.object_list, now, bounds.zone)
    return render(
        request,
        "web/today_section.html",
        {
            "section": SectionView(
                key=section,
                title=TITLES[section],
                days=by_day(rows, section, bounds, page=True),
                total=paginator.count,
                hidden=0,
                url=request.path,
                empty=NONE_LEFT[section],
            ),
            "page": page,
            "rules_used": glossary(rows),
            "now": now,
        },
    )

"""Template helpers: plain-language labels for action kinds, statuses, events and rule ids.

The labels of kinds are rules.kinds' own; these filters only make them available to templates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from afterword.rules import kinds
from afterword.rules.case import zone
from afterword.rules.wording import range_text, understood_text
from afterword.site import slots
from afterword.tracker import access
from afterword.tracker.services.dates import ReadDate, stored_range

register = template.Library()

# Short names of the docs/GUIDANCE.md rules, in our own words, shown when hovering a rule id.
RULE_NAMES: dict[str, str] = {
    "T1": "business days only",
    "T2": "within office hours",
    "T3": "time zones are explicit",
    "C1": "ask about next steps",
    "C2": "ask how to follow up",
    "C3": "collect every contact",
    "C4": "note what mattered",
    "K1": "thank every interviewer",
    "K2": "thank within a day",
    "K3": "quick decision, quick thanks",
    "K4": "personal and specific",
    "K5": "a letter on paper too",
    "K6": "no mistakes in names",
    "K7": "say when you will check back",
    "F1": "after their decision date",
    "F2": "when they agreed",
    "F3": "they are early in their search",
    "F4": "about a week later",
    "F5": "spacing after silence",
    "F6": "keep your promise",
    "F7": "know when to stop",
    "F8": "news changes the plan",
    "F9": "another offer is waiting",
    "H1": "their preferred channel",
    "H2": "email unless you chose phone",
    "H3": "unanswered calls",
    "H4": "what to say on the phone",
    "P1": "keep searching",
}

STATUS_LABELS: dict[str, str] = {
    "thank_you_pending": "Thank-you pending",
    "waiting": "Waiting",
    "no_response": "No response",
    "decided": "Decided",
}


@register.filter
def rule_name(rule_id: str) -> str:
    """``K2`` -> ``K2: thank within a day`` (unknown ids are shown as they are)."""
    name = RULE_NAMES.get(rule_id)
    return f"{rule_id}: {name}" if name else rule_id


@register.filter
def rules_title(rule_ids: Iterable[str]) -> str:
    """All rule ids of an action in one line, for a ``title`` attribute."""
    return "Rules: " + "; ".join(rule_name(rule_id) for rule_id in rule_ids)


@register.filter
def kind_label(kind: str) -> str:
    return kinds.action_label(kind)


@register.filter
def kind_info(kind: str) -> kinds.ActionKindInfo | None:
    """Everything the kinds table says about an action kind, for ``{% with %}`` in templates."""
    return kinds.ACTIONS.get(kind)


@register.filter
def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status.replace("_", " ").capitalize())


@register.filter
def event_label(event_type: str) -> str:
    return kinds.event_label(event_type)


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One line of a form's error summary: the field's id (for the link) and the message."""

    anchor: str
    text: str


@register.filter
def form_problems(form: Any, prefix: str = "") -> list[FieldProblem]:
    """Every error of ``form`` as "Field: message", the field named so the summary stands alone."""
    lead = f"{prefix} · " if prefix else ""
    found = [
        FieldProblem("main", f"{prefix}: {error}" if prefix else str(error))
        for error in form.non_field_errors()
    ]
    for field in form:
        found += [
            FieldProblem(field.auto_id, f"{lead}{_named(str(field.label), str(error))}")
            for error in field.errors
        ]
    return found


def _named(label: str, message: str) -> str:
    """ "Employer: message"; a label that asks a question takes no colon after its "?"."""
    return f"{label} {message}" if label.endswith("?") else f"{label}: {message}"


def _zone_note(zone_name: str, shown_in: str | None = None) -> str:
    """ " (Berlin time)" when the employer's zone is not the one the page is shown in
    (``shown_in``, the current zone's name if None), else ""."""
    if zone_name == (shown_in or timezone.get_current_timezone_name()):
        return ""
    return f" ({zone_name.rsplit('/', 1)[-1].replace('_', ' ')} time)"


@register.filter
def employer_time(moment: datetime, application: Any) -> str:
    """A due time on the employer's clock, which is what office hours (T2) are about."""
    return time_on_clock(moment, application.employer_timezone)


def time_on_clock(moment: datetime, zone_name: str, shown_in: str | None = None) -> str:
    """ "Tue 3 Mar, 11:00 (New York time)": ``moment`` in the zone ``zone_name``, on a page
    shown in the zone named ``shown_in`` (the current zone if None: a list passes it once)."""
    local = moment.astimezone(zone(zone_name))
    stamp = f"{local:%a} {local.day} {local:%b}, {local:%H:%M}"
    return stamp + _zone_note(zone_name, shown_in)


@register.filter
def interview_span(interview: Any) -> str:
    """ "Thu 19 Nov 2026, 10:00–11:00", on the clock of the place where it happened."""
    zone_name = interview.application.employer_timezone
    start = interview.start.astimezone(zone(zone_name))
    end = interview.end.astimezone(zone(zone_name))
    stamp = f"{start:%a} {start.day} {start:%b %Y}, {start:%H:%M}–{end:%H:%M}"
    return stamp + _zone_note(zone_name)


@register.filter
def decision_when(interview: Any) -> str:
    """The decision date as the range their words meant: "Mon 12 – Fri 16 Jan 2027", not only
    the last day the plan counts from; a plain date stays one day."""
    if interview.decision_by is None:
        return ""
    application = interview.application
    said_on = interview.start.astimezone(zone(application.employer_timezone)).date()
    found = stored_range(
        interview.decision_by,
        interview.decision_phrase,
        said_on,
        application.employer_country,
        application.employer_subdivision,
    )
    return range_text(found.start, found.end)


@register.filter
def understood(found: ReadDate) -> str:
    """ "Understood: Mon 9 – Tue 10 Mar 2026 (early next week); the plan uses Tue 10 Mar." """
    return understood_text(found.start, found.end, found.phrase)


@register.simple_tag(takes_context=True)
def slot(context: template.Context, name: str) -> str:
    """``{% slot "today.top" %}``: what the features registered for this place (site/slots.py)."""
    return slots.render(name, context)


# The main menu of every signed-in page: (route, label), in order.
NAV = (
    ("today", "Today"),
    ("board", "Applications"),
    ("checklist", "Checklist"),
    ("stats", "Stats"),
    ("outbox", "Outbox"),
    ("settings", "Settings"),
)

# Shown only to members of a career centre (coach, admin or student), before Settings; current
# on every page under it (the hub, the cohort, a student, an organisation).
COACHING = ("coaching_hub", "Coaching")


@cache
def _nav_urls() -> tuple[tuple[str, str], ...]:
    # The same on every request: reversed once per process, as site/routes.py does for rows.
    return tuple((reverse(name), label) for name, label in NAV)


@cache
def _coaching_url() -> str:
    return reverse(COACHING[0])


def nav_items(path: str, coaching: bool) -> list[tuple[str, str, bool]]:
    """(url, label, current) of each menu item for a page at ``path``; the Coaching item only
    when ``coaching`` (the user belongs to a career centre)."""
    items = [(url, label, url == path) for url, label in _nav_urls()]
    if coaching:
        hub = _coaching_url()
        items.insert(len(items) - 1, (hub, COACHING[1], path.startswith(hub)))
    return items


@register.simple_tag(takes_context=True)
def site_nav(context: template.Context) -> SafeString:
    """``{% site_nav %}``: the menu's items, the current page marked for screen readers."""
    request = context["request"]
    current = mark_safe(' aria-current="page"')
    coaching = access.in_a_centre(request.user)
    return format_html_join(
        "\n          ",
        '<li><a href="{}"{}>{}</a></li>',
        (
            (url, current if is_current else "", label)
            for url, label, is_current in nav_items(request.path, coaching)
        ),
    )

"""Rows to planner input, and stored rows back to the planner's output shape.

``build_case`` writes exactly the docs/PLAN_FORMAT.md input, so the same dict can be saved to a file
and given to ``afterword plan``; ``stored_plan_json`` rebuilds what ``plan(...).as_json()``
returned from the stored rows, so a test can prove the two never disagree.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import Prefetch

from afterword.tracker.models import (
    Action,
    Application,
    Event,
    Interview,
    Interviewer,
    UserSettings,
)
from afterword.tracker.preferences import settings_for

# What build_case reads besides the application and its owner, for reading many applications in
# a few queries: ``Application.objects.select_related("owner").prefetch_related(*CASE_ROWS)``.
CASE_ROWS = (
    Prefetch(
        "interviews",
        queryset=Interview.objects.order_by("start", "pk").prefetch_related(
            Prefetch("interviewers", queryset=Interviewer.objects.order_by("pk"))
        ),
    ),
    Prefetch("events", queryset=Event.objects.order_by("at", "pk")),
)


def build_case(
    application: Application, now: datetime, prefs: UserSettings | None = None
) -> dict[str, Any]:
    """The application as one planner case (docs/PLAN_FORMAT.md input), as seen at ``now``.

    ``prefs`` are the owner's settings when the caller has read them already. Interviews and
    events prefetched with ``CASE_ROWS`` are used as they are; otherwise they are read here.
    """
    if prefs is None:
        prefs = settings_for(application.owner)
    zone = employer_zone(application)
    prefetched = getattr(application, "_prefetched_objects_cache", {})
    if "interviews" in prefetched and "events" in prefetched:
        interviews: Any = application.interviews.all()
        events: Any = application.events.all()
    else:
        interviews = application.interviews.prefetch_related("interviewers").order_by("start", "pk")
        events = application.events.order_by("at", "pk")
    return {
        "now": now.astimezone(zone).isoformat(),
        "profile": prefs.profile,
        "employer": {
            "name": application.employer,
            "timezone": application.employer_timezone,
            "country": application.employer_country,
            "subdivision": application.employer_subdivision or None,
            "style": application.employer_style,
        },
        "role": application.role or None,
        "job_code": application.job_code or None,
        "user": {
            "letters": prefs.letters,
            "check_in_channel": prefs.check_in_channel,
            "contact_hour": prefs.contact_hour,
        },
        "candidate": candidate_data(application, prefs),
        "interviews": [interview_data(interview, zone) for interview in interviews],
        "events": [event_data(event, zone) for event in events],
    }


def interview_data(interview: Interview, zone: ZoneInfo) -> dict[str, Any]:
    people = list(interview.interviewers.all())
    data: dict[str, Any] = {
        "id": interview.case_id,
        "round": interview.round,
        "start": interview.start.astimezone(zone).isoformat(),
        "end": interview.end.astimezone(zone).isoformat(),
        "interviewers": [interviewer_data(person) for person in people],
        "decision_by": _day(interview.decision_by),
        "agreed_follow_up": _day(interview.agreed_follow_up),
        "still_interviewing_others": interview.still_interviewing_others,
        "preferred_channel": interview.preferred_channel or None,
    }
    for field in ("emphasised", "forgot", "to_clarify"):
        value = getattr(interview, field)
        if value:
            data[field] = value
    present = {person.pk for person in people}
    for field in ("forgot_for", "to_clarify_for"):
        # Someone taken off this round since keeps no claim on its points: automatic again.
        chosen = getattr(interview, f"{field}_id")
        if chosen is not None and chosen in present:
            data[field] = f"p{chosen}"
    return data


def candidate_data(application: Application, prefs: UserSettings) -> dict[str, Any]:
    """The user as their drafts sign and address messages; blanks are left out."""
    owner = application.owner
    values = {
        "name": prefs.full_name or owner.get_full_name(),
        "email": owner.email,
        "phone": prefs.phone,
        "address": prefs.postal_address,
    }
    return {name: value for name, value in values.items() if value}


def interviewer_data(person: Interviewer) -> dict[str, Any]:
    data: dict[str, Any] = {"id": person.case_id, "name": person.name}
    # Blank contact details are left out rather than sent as "", which the planner would refuse.
    for field in ("title", "email", "phone", "address", "emphasised", "salutation"):
        value = getattr(person, field)
        if value:
            data[field] = value
    if person.is_primary:
        data["primary"] = True
    return data


def event_data(event: Event, zone: ZoneInfo) -> dict[str, Any]:
    """One event with only the fields it has; ids refer to the case ids of its rows."""
    data: dict[str, Any] = {"at": event.at.astimezone(zone).isoformat(), "type": event.type}
    if event.interview_id is not None:
        data["interview"] = f"i{event.interview_id}"
    if event.interviewer_id is not None:
        data["interviewer"] = f"p{event.interviewer_id}"
    for field in ("channel", "action", "note"):
        value = getattr(event, field)
        if value:
            data[field] = value
    for field in ("promised_next", "new_decision_by", "deadline", "until"):
        value = getattr(event, field)
        if value is not None:
            data[field] = value.isoformat()
    if event.no_decision_yet is not None:
        data["no_decision_yet"] = event.no_decision_yet
    if event.offer_mentioned is not None:
        data["offer_mentioned"] = event.offer_mentioned
    return data


def stored_plan_json(application: Application) -> dict[str, Any]:
    """The stored plan in the shape of ``Plan.as_json()``, as it was at ``planned_at``."""
    zone = employer_zone(application)
    planned_at = application.planned_at
    actions = Action.objects.filter(application=application).order_by("position")
    return {
        "status": application.status,
        "actions": [
            {
                "kind": action.kind,
                "interview": f"i{action.interview_id}",
                "interviewer": (
                    f"p{action.interviewer_id}" if action.interviewer_id is not None else None
                ),
                "channel": action.channel,
                "earliest": action.earliest.astimezone(zone).isoformat(),
                "due": action.due.astimezone(zone).isoformat(),
                "latest": action.latest.astimezone(zone).isoformat(),
                "overdue": planned_at is not None and action.is_overdue(planned_at),
                "rules": list(action.rules),
                "why": action.why,
            }
            for action in actions
        ],
        "notes": list(application.plan_notes),
    }


def employer_zone(application: Application) -> ZoneInfo:
    """The employer's zone for writing times; UTC when the name is unknown.

    Times are absolute either way; an unknown zone name still reaches the planner, which
    refuses it with a message naming ``employer.timezone``.
    """
    try:
        return ZoneInfo(application.employer_timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None

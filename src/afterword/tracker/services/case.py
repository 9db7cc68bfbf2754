"""Rows to planner input, and stored rows back to the planner's output shape.

``build_case`` writes exactly the docs/PLAN_FORMAT.md input, so the same dict can be saved to a file
and given to ``afterword plan``; ``stored_plan_json`` rebuilds what ``plan(...).as_json()``
returned from the stored rows, so a test can prove the two never disagree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import connection
from django.db.models import QuerySet

from afterword.tracker.models import (
    Action,
    Application,
    Event,
    Interview,
    Interviewer,
    UserSettings,
)
from afterword.tracker.preferences import settings_for
from afterword.tracker.services import compiled


# The rows build_case reads, as plain tuples (``case_rows``): a model instance costs more to
# make than the planner takes to plan its case. Field names are the models' attribute names.
class InterviewRow(NamedTuple):
    pk: int
    round: int
    start: datetime
    end: datetime
    decision_by: date | None
    agreed_follow_up: date | None
    still_interviewing_others: bool | None
    preferred_channel: str
    emphasised: str
    forgot: str
    to_clarify: str
    forgot_for_id: int | None
    to_clarify_for_id: int | None


class PersonRow(NamedTuple):
    pk: int
    name: str
    title: str
    email: str
    phone: str
    address: str
    emphasised: str
    salutation: str
    is_primary: bool


class EventRow(NamedTuple):
    at: datetime
    type: str
    interview_id: int | None
    interviewer_id: int | None
    channel: str
    action: str
    note: str
    promised_next: date | None
    new_decision_by: date | None
    deadline: date | None
    until: date | None
    no_decision_yet: bool | None
    offer_mentioned: bool | None


@dataclass(slots=True)
class CaseRows:
    """An application's interviews (each with its people) and events, in case order."""

    interviews: list[tuple[InterviewRow, list[PersonRow]]] = dataclasses.field(default_factory=list)
    events: list[EventRow] = dataclasses.field(default_factory=list)


def case_rows(application_ids: Iterable[int]) -> dict[int, CaseRows]:
    """The interviews, people and events of many applications, each read through an index.

    Interviews by start then id, each one's people by id, events by time then id: the order
    build_case has always written them in. Every id asked for gets an entry.

    The interviews are joined to their people, except for a batch on PostgreSQL: there the
    interviews, their links to people and those people are each read from their own table
    by an index (``read_apart``). Joined, PostgreSQL hashes the whole link and interviewer
    tables for the thousands of interviews of a batch, a cost that grows with the database
    rather than the batch (bench/README.md, "Reads that grow with the database"). For one
    application (a re-plan, an event recorded) it follows the indexes, and SQLite only ever
    joins through them.
    """
    ids = list(application_ids)
    found = {pk: CaseRows() for pk in ids}
    if len(ids) > 1 and connection.vendor == "postgresql":
        read_apart(ids, found)
    else:
        read_joined(ids, found)
    for row in compiled.rows(_events, ids):
        found[row[0]].events.append(EventRow._make(row[1:]))
    return found


def read_joined(ids: list[int], found: dict[int, CaseRows]) -> None:
    """The interviews of ``ids`` with their people into ``found``, in one joined query."""
    width = len(InterviewRow._fields)
    last: tuple[InterviewRow, list[PersonRow]] | None = None
    for row in compiled.rows(_interviews_with_people, ids):
        if last is None or last[0].pk != row[1]:
            last = (InterviewRow._make(row[1 : width + 1]), [])
            found[row[0]].interviews.append(last)
        if row[width + 1] is not None:
            last[1].append(PersonRow._make(row[width + 1 :]))


def read_apart(ids: list[int], found: dict[int, CaseRows]) -> None:
    """The interviews of ``ids`` with their people into ``found``, as ``read_joined`` puts
    them, each table read on its own through an index: the interviews and the people by
    their application, the links between them by interview."""
    interviews: dict[int, tuple[InterviewRow, list[PersonRow]]] = {}
    for row in compiled.rows(_interviews, ids):
        interview: tuple[InterviewRow, list[PersonRow]] = (InterviewRow._make(row[1:]), [])
        interviews[interview[0].pk] = interview
        found[row[0]].interviews.append(interview)
    links = compiled.rows(_people_links, list(interviews))
    people = {row[0]: PersonRow._make(row) for row in compiled.rows(_people_of, ids)}
    # An interview may name a person of another application: read by their own ids.
    elsewhere = sorted({person for _, person in links} - people.keys())
    people.update((row[0], PersonRow._make(row)) for row in compiled.rows(_people, elsewhere))
    for interview_id, person in links:
        # Gone only if deleted since the links were read, and its links with it: as after.
        if person in people:
            interviews[interview_id][1].append(people[person])


def _interviews_with_people(ids: list[int]) -> QuerySet[Any, Any]:
    """One row per interview and person (a LEFT JOIN through the interview's people)."""
    people = [f"interviewers__{name}" for name in PersonRow._fields]
    return (
        Interview.objects.filter(application_id__in=ids)
        .order_by("start", "pk", "interviewers__pk")
        .values_list("application_id", *InterviewRow._fields, *people)
    )


def _interviews(ids: list[int]) -> QuerySet[Any, Any]:
    return (
        Interview.objects.filter(application_id__in=ids)
        .order_by("start", "pk")
        .values_list("application_id", *InterviewRow._fields)
    )


def _people_links(interview_ids: list[int]) -> QuerySet[Any, Any]:
    """Which person was at which interview, each interview's people by id."""
    return (
        Interview.interviewers.through.objects.filter(interview_id__in=interview_ids)
        .order_by("interview_id", "interviewer_id")
        .values_list("interview_id", "interviewer_id")
    )


def _people_of(ids: list[int]) -> QuerySet[Any, Any]:
    return (
        Interviewer.objects.filter(application_id__in=ids)
        .order_by()
        .values_list(*PersonRow._fields)
    )


def _people(person_ids: list[int]) -> QuerySet[Any, Any]:
    return Interviewer.objects.filter(pk__in=person_ids).order_by().values_list(*PersonRow._fields)


def _events(ids: list[int]) -> QuerySet[Any, Any]:
    return (
        Event.objects.filter(application_id__in=ids)
        .order_by("at", "pk")
        .values_list("application_id", *EventRow._fields)
    )


def build_case(
    application: Application,
    now: datetime,
    prefs: UserSettings | None = None,
    rows: CaseRows | None = None,
) -> dict[str, Any]:
    """The application as one planner case (docs/PLAN_FORMAT.md input), as seen at ``now``.

    ``prefs`` are the owner's settings and ``rows`` its ``case_rows`` when the caller has read
    them already.
    """
    if prefs is None:
        prefs = settings_for(application.owner)
    if rows is None:
        rows = case_rows([application.pk])[application.pk]
    owner = application.owner
    return case_data(
        application, candidate(prefs, owner.get_full_name(), owner.email), prefs, rows, now
    )


def case_data(
    application: Any, candidate: dict[str, Any], prefs: UserSettings, rows: CaseRows, now: datetime
) -> dict[str, Any]:
    """The case of ``application`` (a model instance or a row with the same attribute names)."""
    zone = employer_zone(application)
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
        "candidate": candidate,
        "interviews": [
            interview_data(interview, zone, people) for interview, people in rows.interviews
        ],
        "events": [event_data(event, zone) for event in rows.events],
    }


def interview_data(
    interview: Any, zone: ZoneInfo, people: list[Any] | None = None
) -> dict[str, Any]:
    """One interview (a model instance or an ``InterviewRow``) with ``people``, its interviewers
    in id order (the instance's own, by Interviewer's ordering, when not given)."""
    if people is None:
        people = list(interview.interviewers.all())
    data: dict[str, Any] = {
        "id": f"i{interview.pk}",
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
    return candidate(prefs, owner.get_full_name(), owner.email)


# The owner's settings a case is made of (case_data and candidate read no other).
CASE_SETTINGS = (
    "profile",
    "letters",
    "check_in_channel",
    "contact_hour",
    "full_name",
    "phone",
    "postal_address",
)


def account_name(first_name: str, last_name: str) -> str:
    """The account's name as ``User.get_full_name()`` writes it, from the two columns."""
    return f"{first_name} {last_name}".strip()


def candidate(prefs: UserSettings, account_name: str, email: str) -> dict[str, Any]:
    """The candidate of a case from the owner's settings and account (``get_full_name()``)."""
    values = {
        "name": prefs.full_name or account_name,
        "email": email,
        "phone": prefs.phone,
        "address": prefs.postal_address,
    }
    return {name: value for name, value in values.items() if value}


def interviewer_data(person: Any) -> dict[str, Any]:
    """One person (an Interviewer or a ``PersonRow``)."""
    data: dict[str, Any] = {"id": f"p{person.pk}", "name": person.name}
    # Blank contact details are left out rather than sent as "", which the planner would refuse.
    for field in ("title", "email", "phone", "address", "emphasised", "salutation"):
        value = getattr(person, field)
        if value:
            data[field] = value
    if person.is_primary:
        data["primary"] = True
    return data


def event_data(event: Any, zone: ZoneInfo) -> dict[str, Any]:
    """One event (an Event or an ``EventRow``) with only the fields it has; ids refer to the
    case ids of its rows."""
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

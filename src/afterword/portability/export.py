"""Everything a user entered, as one JSON document (docs/EXPORT_FORMAT.md).

Each application is a planner case exactly as docs/PLAN_FORMAT.md describes it (without ``now``,
so ``afterword plan`` plans it for the moment it runs), next to what the case does not carry:
the phrases typed, people met at no interview, bounced addresses and drafts. Ids are renumbered
per application (``i1``, ``p1``...) so that exporting, importing and exporting again gives the
same document.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from afterword.tracker import access
from afterword.tracker.models import Application, Draft, Event, Interviewer
from afterword.tracker.preferences import settings_for
from afterword.tracker.services.case import (
    candidate_data,
    employer_zone,
    event_data,
    interview_data,
    interviewer_data,
)

FORMAT = "afterword-export"
VERSION = 1
SETTINGS_FIELDS = (
    "timezone",
    "country",
    "subdivision",
    "profile",
    "check_in_channel",
    "contact_hour",
    "letters",
    "full_name",
    "phone",
    "postal_address",
    "tone",
    "spelling_words",
)


def user_applications(user: AbstractBaseUser) -> list[Application]:
    """The user's applications, oldest first (the order an import recreates them in)."""
    return list(
        access.belonging_to(int(user.pk), Application)
        .select_related("owner")
        .order_by("created_at", "pk")
    )


def export_bundle(
    user: AbstractBaseUser,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """The whole account as one JSON-ready dict; ``progress(done, total)`` after each one."""
    applications = user_applications(user)
    entries = []
    for done, application in enumerate(applications, start=1):
        entries.append(application_entry(application))
        if progress is not None:
            progress(done, len(applications))
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.isoformat(),
        "settings": settings_entry(user),
        "applications": entries,
    }


def settings_entry(user: AbstractBaseUser) -> dict[str, Any]:
    prefs = settings_for(user)
    return {name: getattr(prefs, name) for name in SETTINGS_FIELDS}


def application_entry(application: Application) -> dict[str, Any]:
    """One application: its case and the facts the case does not carry."""
    zone = employer_zone(application)
    people = list(application.interviewers.order_by("pk"))
    interviews = list(
        application.interviews.prefetch_related("interviewers").order_by("start", "pk")
    )
    events = list(application.events.order_by("at", "pk"))
    ids = _Renumber(people, interviews, events)
    prefs = settings_for(application.owner)
    # The account's preferences and signature are repeated in each case, so that one case
    # plans and drafts with ``afterword plan`` exactly as the web app does; import reads them
    # from ``settings`` only.
    case: dict[str, Any] = {
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
        "interviews": [ids.interview(interview_data(i, zone)) for i in interviews],
        "events": [ids.event(event_data(event, zone)) for event in events],
    }
    present = {person.pk for interview in interviews for person in interview.interviewers.all()}
    entry: dict[str, Any] = {
        "case": case,
        "created_at": application.created_at.isoformat(),
        "archived_at": (
            application.archived_at.isoformat() if application.archived_at is not None else None
        ),
        "interview_notes": {
            ids.interviews[i.pk]: _notes(i.decision_phrase, i.next_steps)
            for i in interviews
            if i.decision_phrase or i.next_steps
        },
        "other_people": [
            ids.person(interviewer_data(person)) for person in people if person.pk not in present
        ],
        "bounced": {
            ids.people[person.pk]: person.email_bounced_at.isoformat()
            for person in people
            if person.email_bounced_at is not None
        },
        "drafts": [
            _draft(draft, ids)
            for draft in access.belonging_to(application.owner_id, Draft)
            .filter(application=application)
            .order_by("created_at", "pk")
        ],
    }
    return entry


def _notes(phrase: str, next_steps: str) -> dict[str, str]:
    notes = {"decision_phrase": phrase, "next_steps": next_steps}
    return {name: value for name, value in notes.items() if value}


def _draft(draft: Draft, ids: _Renumber) -> dict[str, Any]:
    return {
        "kind": draft.kind,
        "interview": ids.interviews[draft.interview_id],
        "interviewer": ids.people.get(draft.interviewer_id) if draft.interviewer_id else None,
        "tone": draft.tone,
        "subject": draft.subject,
        "body": draft.body,
        "sent_at": draft.sent_at.isoformat() if draft.sent_at else None,
        "promised_next": draft.promised_next.isoformat() if draft.promised_next else None,
        "event": ids.events.get(draft.event_id) if draft.event_id else None,
        "created_at": draft.created_at.isoformat(),
        "updated_at": draft.updated_at.isoformat(),
    }


class _Renumber:
    """Row ids to per-application case ids: people ``p1..`` by age, interviews ``i1..`` by time."""

    def __init__(
        self, people: list[Interviewer], interviews: list[Any], events: list[Event]
    ) -> None:
        self.people = {person.pk: f"p{n}" for n, person in enumerate(people, start=1)}
        self.interviews = {row.pk: f"i{n}" for n, row in enumerate(interviews, start=1)}
        # A draft names the event its sending recorded by its place in ``events``.
        self.events = {event.pk: n for n, event in enumerate(events)}

    def _person_id(self, case_id: str) -> str:
        return self.people[int(case_id[1:])]

    def _interview_id(self, case_id: str) -> str:
        return self.interviews[int(case_id[1:])]

    def person(self, data: dict[str, Any]) -> dict[str, Any]:
        data["id"] = self._person_id(data["id"])
        return data

    def interview(self, data: dict[str, Any]) -> dict[str, Any]:
        data["id"] = self._interview_id(data["id"])
        data["interviewers"] = [self.person(person) for person in data["interviewers"]]
        for field in ("forgot_for", "to_clarify_for"):
            if field in data:
                data[field] = self._person_id(data[field])
        return data

    def event(self, data: dict[str, Any]) -> dict[str, Any]:
        if "interview" in data:
            data["interview"] = self._interview_id(data["interview"])
        if "interviewer" in data:
            data["interviewer"] = self._person_id(data["interviewer"])
        return data


def export_json(
    user: AbstractBaseUser,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The export as UTF-8 JSON text, indented for people who open it."""
    bundle = export_bundle(user, now, progress)
    return (json.dumps(bundle, indent=2, ensure_ascii=False) + "\n").encode()

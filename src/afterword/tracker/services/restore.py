"""Writing an exported account back: settings, applications and everything under them.

The caller (the import of ``afterword.portability``) has already checked the document's shape and
each case with the planner's schema; this service turns the checked records into rows, checks
each row as the forms would, and re-plans, all in one transaction: a problem anywhere leaves
nothing behind. Problems name the JSON path they are about.

An application the account already has (``known_applications``: same employer, role, job code
and interviews) is skipped rather than written again, so importing a file twice adds nothing
the second time; the result says which were added and which skipped, by their path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction

from afterword.rules import case as schema
from afterword.tracker.models import Application, Draft, Event, Interview, Interviewer
from afterword.tracker.preferences import settings_for
from afterword.tracker.services.known_applications import (
    Added,
    Imported,
    KnownApplications,
    likeness_of,
    lock_account,
)
from afterword.tracker.services.replan import replan


class RestoreError(ValueError):
    """The rows could not be written; ``problems`` has one ``path: message`` line each."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class DraftRecord:
    kind: str
    interview: str
    interviewer: str | None
    tone: str
    subject: str
    body: str
    sent_at: datetime | None = None
    promised_next: date | None = None
    event: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class ApplicationRecord:
    """One application as checked by the import; ``path`` is where it sits in the document."""

    path: str
    employer: schema.Employer
    role: str | None
    job_code: str | None
    interviews: Sequence[schema.Interview]
    events: Sequence[schema.Event]
    created_at: datetime | None = None
    archived_at: datetime | None = None
    interview_notes: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    other_people: Sequence[schema.Interviewer] = ()
    bounced: Mapping[str, datetime] = field(default_factory=dict)
    drafts: Sequence[DraftRecord] = ()


def restore(
    owner: User,
    settings: Mapping[str, Any] | None,
    applications: Sequence[ApplicationRecord],
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> Imported:
    """Write the settings (when given) and every application the account does not have yet,
    all or nothing."""
    result = Imported()
    with transaction.atomic():
        lock_account(owner)
        if settings is not None:
            _settings(owner, settings)
        known = KnownApplications(owner.pk)
        for done, record in enumerate(applications, start=1):
            key = likeness_of(
                record.employer.name or "",
                record.role,
                record.job_code,
                [interview.start for interview in record.interviews],
            )
            skipped = known.match(record.path, key, record.created_at)
            if skipped is not None:
                result.skipped.append(skipped)
            else:
                application = _application(owner, record, now)
                known.add(record.path, key, record.created_at or application.created_at)
                result.added.append(Added(record.path, application))
            if progress is not None:
                progress(done, len(applications))
    return result


def _settings(owner: User, values: Mapping[str, Any]) -> None:
    prefs = settings_for(owner)
    for name, value in values.items():
        setattr(prefs, name, value)
    _clean(prefs, "settings", exclude=["user"])
    prefs.save()


def _application(owner: User, record: ApplicationRecord, now: datetime) -> Application:
    """1. the application, 2. its people, 3. interviews, 4. events, 5. drafts, 6. the plan."""
    employer = record.employer
    application = Application(
        owner=owner,
        employer=employer.name or "",
        role=record.role or "",
        job_code=record.job_code or "",
        employer_timezone=employer.timezone,
        employer_country=employer.country,
        employer_subdivision=employer.subdivision or "",
        employer_style=employer.style,
        archived_at=record.archived_at,
    )
    _clean(
        application,
        f"{record.path}.case",
        exclude=["owner", "status", "plan_notes", "planned_at"],
        names=_APPLICATION_PATHS,
    )
    application.save()
    if record.created_at is not None:
        # auto_now_add ignores a given value; the export's order and dates come back this way.
        Application.objects.filter(pk=application.pk).update(created_at=record.created_at)
    people = _people(application, record)
    interviews = _interviews(application, record, people)
    events = _events(application, record, interviews, people)
    _drafts(application, record, interviews, people, events)
    try:
        replan(application, now)
    except ValidationError as error:
        raise RestoreError([f"{record.path}.case: {m}" for m in error.messages]) from None
    return application


def _people(application: Application, record: ApplicationRecord) -> dict[str, Interviewer]:
    """Every person once, by case id; the first listing of a person is the one kept."""
    listed: list[tuple[str, schema.Interviewer]] = []
    for n, interview in enumerate(record.interviews):
        for m, person in enumerate(interview.interviewers):
            listed.append((f"{record.path}.case.interviews[{n}].interviewers[{m}]", person))
    for n, person in enumerate(record.other_people):
        listed.append((f"{record.path}.other_people[{n}]", person))
    people: dict[str, Interviewer] = {}
    for path, person in listed:
        if person.id in people:
            continue
        row = Interviewer(
            application=application,
            name=person.name,
            title=person.title or "",
            email=person.email or "",
            phone=person.phone or "",
            address=person.address or "",
            is_primary=person.primary,
            emphasised=person.emphasised or "",
            salutation=person.salutation or "",
            email_bounced_at=record.bounced.get(person.id),
        )
        _clean(row, path, exclude=["application"])
        row.save()
        people[person.id] = row
    return people


def _interviews(
    application: Application, record: ApplicationRecord, people: Mapping[str, Interviewer]
) -> dict[str, Interview]:
    interviews: dict[str, Interview] = {}
    for n, data in enumerate(record.interviews):
        notes = record.interview_notes.get(data.id, {})
        row = Interview(
            application=application,
            round=data.round,
            start=data.start,
            end=data.end,
            decision_by=data.decision_by,
            decision_phrase=notes.get("decision_phrase", ""),
            agreed_follow_up=data.agreed_follow_up,
            still_interviewing_others=data.still_interviewing_others,
            preferred_channel=data.preferred_channel or "",
            emphasised=data.emphasised or "",
            forgot=data.forgot or "",
            to_clarify=data.to_clarify or "",
            next_steps=notes.get("next_steps", ""),
            forgot_for=people[data.forgot_for] if data.forgot_for else None,
            to_clarify_for=people[data.to_clarify_for] if data.to_clarify_for else None,
        )
        _clean(row, f"{record.path}.case.interviews[{n}]", exclude=["application"])
        row.save()
        row.interviewers.set([people[person.id] for person in data.interviewers])
        interviews[data.id] = row
    return interviews


def _events(
    application: Application,
    record: ApplicationRecord,
    interviews: Mapping[str, Interview],
    people: Mapping[str, Interviewer],
) -> list[Event]:
    rows = []
    for n, data in enumerate(record.events):
        row = Event(
            application=application,
            at=data.at,
            type=data.type,
            interview=interviews[data.interview] if data.interview else None,
            interviewer=people[data.interviewer] if data.interviewer else None,
            channel=data.channel or "",
            promised_next=data.promised_next,
            new_decision_by=data.new_decision_by,
            deadline=data.deadline,
            no_decision_yet=data.no_decision_yet,
            until=data.until,
            action=data.action or "",
            note=data.note or "",
            offer_mentioned=data.offer_mentioned,
        )
        _clean(row, f"{record.path}.case.events[{n}]", exclude=["application"])
        rows.append(row)
    Event.objects.bulk_create(rows)
    return rows


def _drafts(
    application: Application,
    record: ApplicationRecord,
    interviews: Mapping[str, Interview],
    people: Mapping[str, Interviewer],
    events: Sequence[Event],
) -> None:
    for n, data in enumerate(record.drafts):
        path = f"{record.path}.drafts[{n}]"
        row = Draft(
            application=application,
            owner_id=application.owner_id,
            kind=data.kind,
            interview=interviews[data.interview],
            interviewer=people[data.interviewer] if data.interviewer else None,
            tone=data.tone,
            subject=data.subject,
            body=data.body,
            sent_at=data.sent_at,
            promised_next=data.promised_next,
            event=events[data.event] if data.event is not None else None,
        )
        _clean(row, path, exclude=["application", "owner"])
        row.save()
        stamps = {"created_at": data.created_at, "updated_at": data.updated_at}
        given = {name: value for name, value in stamps.items() if value is not None}
        if given:
            Draft.objects.filter(pk=row.pk).update(**given)


_APPLICATION_PATHS = {
    "employer": "employer.name",
    "employer_timezone": "employer.timezone",
    "employer_country": "employer.country",
    "employer_subdivision": "employer.subdivision",
    "employer_style": "employer.style",
}


def _clean(
    row: models.Model,
    path: str,
    exclude: list[str],
    names: Mapping[str, str] | None = None,
) -> None:
    """Check a row as a form would; each problem as ``path.field: message``."""
    try:
        row.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as error:
        problems = []
        for name, messages in error.message_dict.items():
            where = path if name == NON_FIELD_ERRORS else f"{path}.{(names or {}).get(name, name)}"
            problems += [f"{where}: {message}" for message in messages]
        raise RestoreError(problems) from None

"""Reading an exported JSON document back into checked records, every problem at its JSON path.

The shape is checked with pydantic, each case with the planner's own schema (the same call as
``afterword plan``), and the references between parts (a draft's interview, a bounced person)
by hand. Nothing is written here: ``tracker.services.restore`` does that.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from afterword.portability.export import FORMAT, VERSION
from afterword.rules import CaseError, case_from_data
from afterword.rules import case as schema
from afterword.rules.validation import Problem, problems_from
from afterword.tracker.services.restore import ApplicationRecord, DraftRecord

MAX_BYTES = 20 * 1024 * 1024


class BundleError(ValueError):
    """The document cannot be imported; ``problems`` has one ``path: message`` line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class SettingsEntry(_Strict):
    timezone: str = "UTC"
    country: str = "US"
    subdivision: str = ""
    profile: str = "standard"
    check_in_channel: str = "email"
    contact_hour: int = 10
    letters: bool = False
    full_name: str = ""
    phone: str = ""
    postal_address: str = ""
    tone: str = "auto"
    spelling_words: str = ""


class DraftEntry(_Strict):
    kind: str
    interview: str
    interviewer: str | None = None
    tone: str = "auto"
    subject: str = ""
    body: str
    sent_at: AwareDatetime | None = None
    promised_next: date | None = None
    event: int | None = Field(default=None, ge=0)
    created_at: AwareDatetime | None = None
    updated_at: AwareDatetime | None = None


class InterviewNotes(_Strict):
    decision_phrase: str = ""
    next_steps: str = ""


class ApplicationEntry(_Strict):
    case: dict[str, Any]
    created_at: AwareDatetime | None = None
    archived_at: AwareDatetime | None = None
    interview_notes: dict[str, InterviewNotes] = {}
    other_people: list[schema.Interviewer] = []
    bounced: dict[str, AwareDatetime] = {}
    drafts: list[DraftEntry] = []


class Bundle(_Strict):
    format: Literal["afterword-export"]
    version: Literal[1]
    exported_at: AwareDatetime | None = None
    settings: SettingsEntry | None = None
    applications: list[ApplicationEntry]


def parse_bundle(
    raw: bytes, now: datetime
) -> tuple[dict[str, Any] | None, list[ApplicationRecord]]:
    """The settings and the checked applications of an export; BundleError lists every problem."""
    if len(raw) > MAX_BYTES:
        raise BundleError([f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB"])
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise BundleError(["the file is not UTF-8 text"]) from None
    except json.JSONDecodeError as error:
        raise BundleError([f"line {error.lineno}, column {error.colno}: {error.msg}"]) from None
    if isinstance(data, dict) and data.get("format") != FORMAT:
        raise BundleError(
            [f'format: expected "{FORMAT}" (a file made by Afterword\'s export, version {VERSION})']
        )
    try:
        bundle = Bundle.model_validate(data)
    except ValidationError as error:
        raise BundleError([str(problem) for problem in problems_from(error)]) from None
    problems: list[str] = []
    records = []
    for n, entry in enumerate(bundle.applications):
        path = f"applications[{n}]"
        record = _record(entry, path, now, problems)
        if record is not None:
            records.append(record)
    if problems:
        raise BundleError(problems)
    settings = bundle.settings.model_dump() if bundle.settings is not None else None
    return settings, records


def _record(
    entry: ApplicationEntry, path: str, now: datetime, problems: list[str]
) -> ApplicationRecord | None:
    case = _case(entry.case, f"{path}.case", now, problems)
    if case is None:
        return None
    interviews, events = case
    people = {p.id for i in interviews for p in i.interviewers} | {p.id for p in entry.other_people}
    interview_ids = {interview.id for interview in interviews}
    found = len(problems)
    for name in entry.interview_notes:
        if name not in interview_ids:
            problems.append(f"{path}.interview_notes.{name}: no interview has this id")
    for name in entry.bounced:
        if name not in people:
            problems.append(f"{path}.bounced.{name}: no person has this id")
    for n, draft in enumerate(entry.drafts):
        where = f"{path}.drafts[{n}]"
        if draft.interview not in interview_ids:
            problems.append(f"{where}.interview: no interview has the id {draft.interview!r}")
        if draft.interviewer is not None and draft.interviewer not in people:
            problems.append(f"{where}.interviewer: no person has the id {draft.interviewer!r}")
        if draft.event is not None and draft.event >= len(events):
            problems.append(f"{where}.event: there is no event number {draft.event}")
    if len(problems) > found:
        return None
    employer, role, job_code = _employer(entry.case)
    return ApplicationRecord(
        path=path,
        employer=employer,
        role=role,
        job_code=job_code,
        interviews=interviews,
        events=events,
        created_at=entry.created_at,
        archived_at=entry.archived_at,
        interview_notes={k: v.model_dump() for k, v in entry.interview_notes.items()},
        other_people=entry.other_people,
        bounced=entry.bounced,
        drafts=[DraftRecord(**draft.model_dump()) for draft in entry.drafts],
    )


def _employer(data: dict[str, Any]) -> tuple[schema.Employer, str | None, str | None]:
    return schema.Employer.model_validate(data["employer"]), data.get("role"), data.get("job_code")


def _case(
    data: dict[str, Any], path: str, now: datetime, problems: list[str]
) -> tuple[tuple[schema.Interview, ...], tuple[schema.Event, ...]] | None:
    """The case's interviews and events, checked exactly as ``afterword plan`` checks a case.

    An application with no interview yet is no plannable case (the contract asks for one), so
    its employer and events are checked on their own.
    """
    if data.get("interviews"):
        try:
            checked = case_from_data({**data, "now": None}, now)
        except CaseError as error:
            problems.extend(_at(path, problem) for problem in error.problems)
            return None
        return checked.interviews, checked.events
    found = len(problems)
    try:
        schema.Employer.model_validate(data.get("employer"))
    except ValidationError as error:
        problems.extend(_located(f"{path}.employer", error))
    events = []
    for n, event in enumerate(data.get("events") or []):
        try:
            events.append(schema.Event.model_validate(event))
        except ValidationError as error:
            problems.extend(_located(f"{path}.events[{n}]", error))
    if len(problems) > found:
        return None
    return (), tuple(events)


def _located(path: str, error: ValidationError) -> list[str]:
    return [_at(path, problem) for problem in problems_from(error)]


def _at(path: str, problem: Problem) -> str:
    """A problem found inside ``applications[2].case``, named by its full path."""
    if not problem.path:
        return f"{path}: {problem.message}"
    joiner = "" if problem.path.startswith("[") else "."
    return f"{path}{joiner}{problem.path}: {problem.message}"

"""The shapes the API reads and writes (OpenAPI components), one per resource."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import AwareDatetime, Field

Text = Field(default="", max_length=2000)


class Problem(Schema):
    """One thing wrong with a request: where (``loc``, as pydantic names it) and what."""

    loc: list[str | int]
    msg: str
    type: str = "invalid"


class Problems(Schema):
    detail: list[Problem]


class Message(Schema):
    detail: str


class ApplicationOut(Schema):
    id: int
    employer: str
    role: str
    job_code: str
    employer_timezone: str
    employer_country: str
    employer_subdivision: str
    employer_style: str
    status: str
    planned_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ApplicationIn(Schema):
    employer: str = Field(min_length=1, max_length=200)
    role: str = Field(min_length=1, max_length=200)
    job_code: str = Field(default="", max_length=100)
    employer_timezone: str | None = Field(
        default=None, max_length=64, description="IANA zone; your own zone when left out."
    )
    employer_country: str | None = Field(
        default=None, max_length=2, description="ISO country code; your own when left out."
    )
    employer_subdivision: str = Field(default="", max_length=10)
    employer_style: Literal["formal", "casual", "unknown"] = "unknown"


class InterviewerOut(Schema):
    id: int
    name: str
    title: str
    email: str
    phone: str
    is_primary: bool
    emphasised: str
    salutation: str
    email_bounced: bool

    @staticmethod
    def resolve_email_bounced(obj: Any) -> bool:
        return obj.email_bounced_at is not None


class InterviewerIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    title: str = Field(default="", max_length=200)
    email: str = Field(default="", max_length=254)
    phone: str = Field(default="", max_length=50)
    is_primary: bool = False
    emphasised: str = Text
    salutation: str = Field(default="", max_length=200)


class InterviewOut(Schema):
    id: int
    application: int
    round: int
    start: datetime
    end: datetime
    interviewers: list[int]
    decision_by: date | None
    decision_phrase: str
    agreed_follow_up: date | None
    still_interviewing_others: bool | None
    preferred_channel: str
    emphasised: str
    forgot: str
    to_clarify: str
    next_steps: str

    @staticmethod
    def resolve_application(obj: Any) -> int:
        return int(obj.application_id)

    @staticmethod
    def resolve_interviewers(obj: Any) -> list[int]:
        return sorted(person.pk for person in obj.interviewers.all())


class InterviewIn(Schema):
    round: int = Field(ge=1, le=20)
    start: AwareDatetime
    end: AwareDatetime
    interviewers: list[InterviewerIn] = Field(default_factory=list, max_length=20)
    existing_interviewers: list[int] = Field(
        default_factory=list,
        max_length=20,
        description="Ids of people of this application, met in earlier rounds, who were there.",
    )
    decision_by: date | None = None
    decision_phrase: str = Field(
        default="", max_length=200, description='Their words, such as "end of next week".'
    )
    agreed_follow_up: date | None = None
    still_interviewing_others: bool | None = None
    preferred_channel: Literal["", "email", "phone", "portal"] = ""
    emphasised: str = Text
    forgot: str = Text
    to_clarify: str = Text
    next_steps: str = Text


class EventOut(Schema):
    id: int
    type: str
    at: datetime
    interview: int | None
    interviewer: int | None
    channel: str
    promised_next: date | None
    new_decision_by: date | None
    deadline: date | None
    no_decision_yet: bool | None
    until: date | None
    action: str
    note: str

    @staticmethod
    def resolve_interview(obj: Any) -> int | None:
        return obj.interview_id  # type: ignore[no-any-return]

    @staticmethod
    def resolve_interviewer(obj: Any) -> int | None:
        return obj.interviewer_id  # type: ignore[no-any-return]


class NewsIn(Schema):
    """What happened, as on the Record news form (its choices and its checks)."""

    news: str = Field(
        description="One of the Record news choices: no_decision, check_in_sent, offer, ..."
    )
    new_date: str = Field(
        default="", max_length=200, description="For no_decision: a date or their words."
    )
    channel: Literal["", "email", "phone"] = ""
    promised_next: date | None = None
    deadline: date | None = None
    note: str = Text


class ActionOut(Schema):
    id: int
    application: int
    employer: str
    role: str
    kind: str
    what: str
    person: str
    channel: str
    earliest: datetime
    due: datetime
    latest: datetime
    rules: list[str]
    why: str


class TodayOut(Schema):
    day: date
    timezone: str
    overdue: list[ActionOut]
    today: list[ActionOut]
    this_week: list[ActionOut]
    keep_searching: str | None


class DraftOut(Schema):
    id: int
    application: int
    kind: str
    interview: int
    interviewer: int | None
    tone: str
    subject: str
    body: str
    sent_at: datetime | None
    updated_at: datetime

    @staticmethod
    def resolve_application(obj: Any) -> int:
        return int(obj.application_id)

    @staticmethod
    def resolve_interview(obj: Any) -> int:
        return int(obj.interview_id)

    @staticmethod
    def resolve_interviewer(obj: Any) -> int | None:
        return obj.interviewer_id  # type: ignore[no-any-return]


class DraftIn(Schema):
    subject: str = Field(default="", max_length=300)
    body: str = Field(min_length=1, max_length=20000)


class FindingOut(Schema):
    code: str
    severity: str
    message: str
    field: str
    start: int
    end: int


class DraftCheckOut(Schema):
    findings: list[FindingOut]
    send_blocked: str | None

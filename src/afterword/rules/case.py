"""The planner's input: one application ("case") as docs/PLAN_FORMAT.md describes it.

These pydantic models are the single validation path for the CLI, the API and the forms. They are
frozen: the planner never changes its input.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from afterword.rules.holiday_tables import holidays_package
from afterword.rules.kinds import EVENTS, ActionKind, EventType, MessageChannel

Profile = Literal["prompt", "standard", "patient"]
Style = Literal["formal", "casual", "unknown"]
PreferredChannel = Literal["email", "phone", "portal"]


def _aware_datetime(value: Any) -> Any:
    """Accept ISO 8601 text or a datetime, but only with a UTC offset (T3)."""
    if isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            raise PydanticCustomError(
                "datetime_format", "not an ISO 8601 date and time ({value})", {"value": repr(value)}
            ) from None
        # A parsed offset is a fixed one, never None: only its absence needs checking (every
        # time of every case comes this way, so the shorter test counts).
        if value.tzinfo is not None:
            return value
    elif not isinstance(value, datetime):
        raise PydanticCustomError("datetime_type", "must be an ISO 8601 date and time text")
    elif value.tzinfo is not None and value.utcoffset() is not None:
        return value
    # Text or a datetime without an offset: the one place that says so.
    raise PydanticCustomError("datetime_naive", "must include a UTC offset")


def _plain_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError(
                "date_format", "not an ISO 8601 date YYYY-MM-DD ({value})", {"value": repr(value)}
            ) from None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise PydanticCustomError("date_type", "must be a date text YYYY-MM-DD")
    return value


AwareDatetime = Annotated[datetime, BeforeValidator(_aware_datetime)]
PlainDate = Annotated[date, BeforeValidator(_plain_date)]
Text = Annotated[str, Field(min_length=1, max_length=200)]


@cache
def known_timezones() -> frozenset[str]:
    return frozenset(available_timezones())


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def is_known_timezone(name: str) -> bool:
    """``name in known_timezones()``, without listing every zone (13 ms of CPU, most of what
    validating one case costs): the zone loads, and it is not one of the names
    ``available_timezones`` leaves out (``posixrules``, the ``right/`` and ``posix/`` copies).
    The planner loads the zone next anyway, and ``zone`` keeps it."""
    if name == "posixrules" or name.partition("/")[0] in ("right", "posix"):
        return False
    try:
        zone(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # Unknown name, or not a plain relative key ("../x", "a//b"), or a folder ("America").
        return False
    return True


@cache
def supported_countries() -> dict[str, frozenset[str]]:
    """Every country the holiday tables know, with its subdivisions (loads every country)."""
    return {country: subdivisions_of(country) for country in country_codes()}


@cache
def country_codes() -> frozenset[str]:
    """The country codes (aliases included) the holiday tables know, without loading any."""
    from holidays.registry import EntityLoader

    holidays_package()
    return frozenset(EntityLoader.get_country_codes(include_aliases=True))


@cache
def subdivisions_of(country: str) -> frozenset[str]:
    """The subdivision codes of one known country; loads that country's tables only.

    Validating a case needs one country, and loading all of them (``supported_countries``)
    takes a quarter of a second: longer than ``afterword plan`` may take in all.
    """
    return frozenset(getattr(holidays_package(), country).subdivisions)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Employer(_Model):
    name: Text | None = None
    timezone: str
    country: str
    subdivision: str | None = None
    style: Style = "unknown"

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if not is_known_timezone(value):
            raise PydanticCustomError(
                "timezone",
                "unknown time zone {value} (use an IANA name such as 'Europe/Berlin')",
                {"value": repr(value)},
            )
        return value

    @field_validator("country")
    @classmethod
    def _known_country(cls, value: str) -> str:
        code = value.upper()
        if code not in country_codes():
            raise PydanticCustomError(
                "country",
                "unknown country code {value} (use ISO 3166, such as 'US')",
                {"value": repr(value)},
            )
        return code

    @model_validator(mode="after")
    def _known_subdivision(self) -> Employer:
        if self.subdivision is None:
            return self
        subdivisions = subdivisions_of(self.country)
        if self.subdivision.upper() not in subdivisions and self.subdivision not in subdivisions:
            raise PydanticCustomError(
                "subdivision",
                "subdivision: unknown code {value} for country {country}",
                {"value": repr(self.subdivision), "country": self.country},
            )
        return self


class UserPrefs(_Model):
    letters: bool = False
    check_in_channel: MessageChannel = "email"
    contact_hour: int = Field(default=10, ge=9, le=16)


def _email_address(value: str | None) -> str | None:
    if value is not None and (
        value.count("@") != 1 or value.startswith("@") or value.endswith("@") or " " in value
    ):
        raise PydanticCustomError("email", "not an email address ({value})", {"value": repr(value)})
    return value or None


EmailText = Annotated[str, Field(max_length=254)]
LongText = Annotated[str, Field(max_length=2000)]


class Candidate(_Model):
    """The job seeker, as the drafts sign and address their messages (not used by the planner)."""

    name: Text | None = None
    email: EmailText | None = None
    phone: Annotated[str, Field(max_length=50)] | None = None
    address: Annotated[str, Field(max_length=500)] | None = None

    _email = field_validator("email")(_email_address)


class Interviewer(_Model):
    id: Text
    name: Text
    title: Text | None = None
    email: EmailText | None = None
    phone: Annotated[str, Field(max_length=50)] | None = None
    address: Annotated[str, Field(max_length=500)] | None = None
    primary: bool = False
    # What this person cared about most: each thank-you is tied to it (K4).
    emphasised: LongText | None = None
    # How the drafts greet this person ("Dr Brandt", "Ms Okafor", "Sam"); default: from the
    # title in ``name`` and the tone (drafting/salutations.py).
    salutation: Annotated[str, Field(min_length=1, max_length=80)] | None = None

    _email = field_validator("email")(_email_address)


class Interview(_Model):
    id: Text
    round: int = Field(default=1, ge=1, le=20)
    start: AwareDatetime
    end: AwareDatetime
    interviewers: tuple[Interviewer, ...]
    decision_by: PlainDate | None = None
    agreed_follow_up: PlainDate | None = None
    still_interviewing_others: bool | None = None
    preferred_channel: PreferredChannel | None = None
    emphasised: LongText | None = None
    # Material for the thank-you notes (K4): what the candidate forgot to say, what to clarify.
    forgot: LongText | None = None
    to_clarify: LongText | None = None
    # The interviewer (id) whose thank-you carries ``forgot`` / ``to_clarify``; default: chosen
    # by what the point is about, else the primary or most senior person (drafting/routing.py).
    forgot_for: Text | None = None
    to_clarify_for: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Interview:
        # One validator, not one per check: each is a call from pydantic-core into Python,
        # made for every interview of every case.
        if self.end <= self.start:
            raise PydanticCustomError("end_before_start", "end: must be after start")
        if self.forgot_for is None and self.to_clarify_for is None:
            return self
        ids = {person.id for person in self.interviewers}
        for name in ("forgot_for", "to_clarify_for"):
            value = getattr(self, name)
            if value is not None and value not in ids:
                raise PydanticCustomError(
                    "unknown_interviewer",
                    "{name}: {value} is not an interviewer of this interview",
                    {"name": name, "value": repr(value)},
                )
        return self


class Event(_Model):
    at: AwareDatetime
    type: EventType
    interview: Text | None = None
    interviewer: Text | None = None
    channel: MessageChannel | None = None
    promised_next: PlainDate | None = None
    new_decision_by: PlainDate | None = None
    no_decision_yet: bool | None = None
    deadline: PlainDate | None = None
    action: ActionKind | None = None
    note: Annotated[str, Field(max_length=2000)] | None = None
    # out_of_office: the last day the person is away (their automatic reply said so).
    until: PlainDate | None = None
    # check_in_sent while another offer waits: false when the check-in did not mention it, so
    # the expedite message stays planned (absent: it did, as the first contract assumed).
    offer_mentioned: bool | None = None

    @model_validator(mode="after")
    def _fields_for_type(self) -> Event:
        requires = EVENTS[self.type].requires
        if not requires:  # most types require nothing
            return self
        missing = [name for name in requires if getattr(self, name) is None]
        if missing:
            raise PydanticCustomError(
                "event_fields",
                "{names}: required for a {type} event",
                {"names": ", ".join(missing), "type": self.type},
            )
        return self


class Case(_Model):
    now: AwareDatetime | None = None
    profile: Profile = "standard"
    employer: Employer
    role: Text | None = None
    job_code: Annotated[str, Field(max_length=100)] | None = None
    user: UserPrefs = UserPrefs()
    candidate: Candidate = Candidate()
    interviews: tuple[Interview, ...] = Field(min_length=1)
    events: tuple[Event, ...] = ()

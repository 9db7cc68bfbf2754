"""Business days and contact hours in the employer's country and time zone (T1, T2, T3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from afterword.rules.case import Employer, country_codes, subdivisions_of, zone
from afterword.rules.holiday_tables import holidays_package
from afterword.rules.wording import day_text

OPENING = time(9)
CLOSING = time(17)
_ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=4096)
def holiday_dates(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    """The public holidays of one year; cached because building them costs milliseconds."""
    holidays = holidays_package()
    return frozenset(holidays.country_holidays(country, subdiv=subdivision, years=year))


def canonical_subdivision(country: str, subdivision: str | None) -> str | None:
    if subdivision is None:
        return None
    known = subdivisions_of(country) if country in country_codes() else frozenset()
    return subdivision if subdivision in known else subdivision.upper()


@dataclass(frozen=True, slots=True)
class BusinessCalendar:
    country: str
    subdivision: str | None
    tz: ZoneInfo

    @classmethod
    def for_employer(cls, employer: Employer) -> BusinessCalendar:
        return calendar_for(employer.country, employer.subdivision, employer.timezone)

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in holiday_dates(
            self.country, self.subdivision, day.year
        )

    def on_or_after(self, day: date) -> date:
        """The day itself if it is a business day, else the next one (T1)."""
        while not self.is_business_day(day):
            day += _ONE_DAY
        return day

    def after(self, day: date) -> date:
        """The first business day strictly after ``day``."""
        return self.on_or_after(day + _ONE_DAY)

    def add(self, day: date, business_days: int) -> date:
        """``business_days`` business days after ``day`` (``day`` itself is not counted)."""
        for _ in range(business_days):
            day = self.after(day)
        return day

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.tz).date()

    def at(self, day: date, clock: time) -> datetime:
        """A wall-clock time on a local day, with the UTC offset in force on that day."""
        return datetime.combine(day, clock, tzinfo=self.tz)


@lru_cache(maxsize=4096)
def holiday_name(country: str, subdivision: str | None, day: date) -> str | None:
    """The public holiday's name on ``day`` ("Memorial Day"), or None on an ordinary day."""
    import holidays

    found = holidays.country_holidays(country, subdiv=subdivision, years=day.year).get(day)
    return str(found) if found else None


def skipped_days_text(calendar: BusinessCalendar, day: date) -> str:
    """Why a move to business day ``day`` skipped the weekdays before it, if any did.

    `` (Fri 4 Dec is a public holiday in GB-SCT: St Andrew's Day)``: the planner's business-day
    rule made visible. Empty when the day before (weekends aside) is an ordinary business day.
    """
    skipped = []
    before = day - _ONE_DAY
    while not calendar.is_business_day(before):
        if before.weekday() < 5:
            skipped.append(before)
        before -= _ONE_DAY
    if not skipped:
        return ""
    place = calendar.country + (f"-{calendar.subdivision}" if calendar.subdivision else "")
    parts = []
    for holiday in reversed(skipped):
        name = holiday_name(calendar.country, calendar.subdivision, holiday)
        parts.append(f"{day_text(holiday)} is a public holiday in {place}: {name}")
    return " (" + "; ".join(parts) + ")"


@lru_cache(maxsize=1024)
def calendar_for(country: str, subdivision: str | None, timezone: str) -> BusinessCalendar:
    return BusinessCalendar(
        country.upper(), canonical_subdivision(country.upper(), subdivision), zone(timezone)
    )

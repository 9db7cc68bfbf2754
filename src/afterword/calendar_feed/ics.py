"""The calendar feed as iCalendar (RFC 5545): pending actions and interviews as events.

Built from rows the caller has already fetched (and scoped to their owner); nothing here
queries the database, so the same functions serve the subscribed feed and the one-event
download, and their output depends only on the rows: the same plan gives byte-for-byte the
same feed, which is what makes the feed's ETag meaningful.

Calendars recognise an event they already hold by its UID and replace it in place. The
planner's Action rows are deleted and re-created whenever a re-plan changes them, so a UID from an
Action's primary key would make every re-plan look like a new set of events (duplicates in
the user's calendar). The UID therefore names what the action is *for*: the application, the
kind of follow-up, the interview and the person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from django.urls import reverse
from icalendar import Alarm, Calendar, Event, vDuration

from afterword.rules.case import zone
from afterword.rules.kinds import ACTIONS, action_label
from afterword.rules.wording import day_text
from afterword.site.templatetags.afterword_site import rule_name
from afterword.tracker.models import Action, Application, Interview

PRODID = "-//Afterword//Follow-up plan//EN"
UID_HOST = "afterword"
CALENDAR_NAME = "Afterword follow-ups"
# How often calendar apps are asked to fetch the feed again (RFC 7986, and Outlook's own name).
REFRESH = timedelta(hours=1)
REMIND_BEFORE = timedelta(minutes=15)
CALL_LENGTH = timedelta(minutes=30)
TASK_LENGTH = timedelta(minutes=15)
# SEQUENCE counts revisions; seconds since this moment grow with every re-plan and stay far
# below the 2^31 that some calendar apps store it in until the 2080s.
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def action_uid_base(action: Action) -> str:
    """``application-12.check-in.interview-31.interviewer-none@afterword``."""
    # Every check-in kind shares one purpose, so a check-in that changes channel moves in place.
    kind = ACTIONS.get(action.kind)
    purpose = kind.calendar_purpose if kind else action.kind.replace("_", "-")
    person = action.interviewer_id if action.interviewer_id is not None else "none"
    return (
        f"application-{action.application_id}.{purpose}.interview-{action.interview_id}"
        f".interviewer-{person}@{UID_HOST}"
    )


def action_uids(actions: Iterable[Action]) -> dict[int, str]:
    """The UID of each action, keyed by the action's primary key.

    1. Each action's UID is named for its purpose (``action_uid_base``).
    2. The planner never plans two actions with the same purpose, but two events with one UID
       would make calendars silently drop one; so should it ever happen, the later ones (by
       due time, then plan position) get ``-2``, ``-3`` before the ``@``. Sorting first makes
       the answer the same whatever order the rows came in.
    """
    seen: Counter[str] = Counter()
    uids: dict[int, str] = {}
    for action in sorted(actions, key=lambda a: (a.due, a.position, a.pk)):
        base = action_uid_base(action)
        seen[base] += 1
        if seen[base] > 1:
            local, host = base.rsplit("@", 1)
            base = f"{local}-{seen[base]}@{host}"
        uids[action.pk] = base
    return uids


def interview_uid(interview: Interview) -> str:
    return f"application-{interview.application_id}.interview-{interview.pk}@{UID_HOST}"


def revised_at(application: Application) -> datetime:
    """When the application's plan last changed: the stored plan's own time stamp."""
    return application.planned_at or application.updated_at


def sequence_of(moment: datetime) -> int:
    return max(0, int((moment - SEQUENCE_EPOCH).total_seconds()))


def application_url(site_url: str | None, application_id: int) -> str | None:
    if not site_url:
        return None
    return site_url.rstrip("/") + reverse("application", args=[application_id])


def place_of(application: Application) -> str:
    """``New York`` for America/New_York: how the employer's clock is named in the text."""
    return application.employer_timezone.rsplit("/", 1)[-1].replace("_", " ")


def on_employer_clock(moment: datetime, application: Application) -> str:
    """``Tue 3 Mar 2026, 10:00 (New York time)``: calendar apps show their own zone, so the
    text always names the employer's, where office hours (T2) apply."""
    local = moment.astimezone(zone(application.employer_timezone))
    return f"{day_text(local.date())} {local.year}, {local:%H:%M} ({place_of(application)} time)"


def action_summary(action: Action) -> str:
    """``Check in by phone · Priya Natarajan · Harbour Logistics``."""
    parts = [action_label(action.kind)]
    if action.interviewer is not None:
        parts.append(action.interviewer.name)
    parts.append(action.application.employer)
    return " · ".join(parts)


def action_description(action: Action, url: str | None) -> str:
    """Why, by when on the employer's clock, how to reach the person, and the rules behind it."""
    application = action.application
    lines = [action.why, "", f"Due {on_employer_clock(action.due, application)}."]
    person = action.interviewer
    if person is not None:
        contact = person.phone if action.channel == "phone" else person.email
        if contact:
            lines.append(f"{person.name}: {contact}")
    lines.append(
        f"For: {application}" + (f" ({application.job_code})" if application.job_code else "")
    )
    lines.append("Rules: " + "; ".join(rule_name(rule) for rule in action.rules))
    if url:
        lines += ["", f"Open in Afterword: {url}"]
    return "\n".join(lines)


def action_event(action: Action, uid: str, site_url: str | None = None) -> Event:
    """One pending action: a short timed event in UTC at its due time, with a reminder."""
    application = action.application
    revised = revised_at(application)
    url = application_url(site_url, application.pk)
    start = action.due.astimezone(UTC)
    length = CALL_LENGTH if action.channel == "phone" else TASK_LENGTH
    summary = action_summary(action)
    event = Event.new(
        uid=uid,
        summary=summary,
        description=action_description(action, url),
        start=start,
        end=start + length,
        stamp=revised.astimezone(UTC),
        last_modified=revised.astimezone(UTC),
        sequence=sequence_of(revised),
        url=url,
    )
    event.add("class", "PRIVATE")
    # A call takes the time it takes; writing an email should not mark the user as busy.
    event.add("transp", "OPAQUE" if action.channel == "phone" else "TRANSPARENT")
    alarm = Alarm.new(description=summary)
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -REMIND_BEFORE)
    event.add_component(alarm)
    return event


def interview_summary(interview: Interview) -> str:
    """``Interview: Data Analyst at Harbour Logistics (round 2)``."""
    application = interview.application
    what = (
        f"{application.role} at {application.employer}"
        if application.role
        else application.employer
    )
    return f"Interview: {what} (round {interview.round})"


def decision_line(interview: Interview) -> str:
    """When they expect to decide, as the latest news has it.

    A reply after the interview that named a new date replaces the one given at the interview;
    the feed's SEQUENCE follows the re-plan that news caused, so calendars update the entry.
    """
    later = [
        event
        for event in interview.application.events.all()
        if event.type == "reply"
        and event.new_decision_by is not None
        and event.at >= interview.start
    ]
    if later:
        news = max(later, key=lambda event: (event.at, event.pk))
        assert news.new_decision_by is not None
        said = news.at.astimezone(zone(interview.application.employer_timezone)).date()
        return (
            f"They now expect to decide by {day_text(news.new_decision_by)} "
            f"(their reply of {day_text(said)})."
        )
    if interview.decision_by is not None:
        return f"They expect to decide by {day_text(interview.decision_by)}."
    return ""


def interview_event(interview: Interview, site_url: str | None = None) -> Event:
    """An interview as an all-day entry on the day it happens, on the employer's calendar."""
    application = interview.application
    revised = revised_at(application)
    url = application_url(site_url, application.pk)
    employer_zone = zone(application.employer_timezone)
    start = interview.start.astimezone(employer_zone)
    end = interview.end.astimezone(employer_zone)
    day: date = start.date()
    people = ", ".join(
        f"{person.name} ({person.title})" if person.title else person.name
        for person in interview.interviewers.all()
    )
    when = f"{start:%H:%M}–{end:%H:%M} ({place_of(application)} time)"
    lines = [when + (f" with {people}." if people else ".")]
    decision = decision_line(interview)
    if decision:
        lines.append(decision)
    if url:
        lines += ["", f"Open in Afterword: {url}"]
    event = Event.new(
        uid=interview_uid(interview),
        summary=interview_summary(interview),
        description="\n".join(lines),
        start=day,
        end=day + timedelta(days=1),
        stamp=revised.astimezone(UTC),
        last_modified=revised.astimezone(UTC),
        sequence=sequence_of(revised),
        url=url,
    )
    event.add("class", "PRIVATE")
    # All day, yet not busy all day: the interview is a marker, not a block of time.
    event.add("transp", "TRANSPARENT")
    return event


def _calendar(*, feed: bool) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if feed:
        # Only the subscribed feed is named: a named one-event file would make some apps
        # create a new calendar for it instead of adding the event to an existing one.
        calendar.add("name", CALENDAR_NAME)
        calendar.add("x-wr-calname", CALENDAR_NAME)
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH))
    return calendar


def feed_calendar(
    actions: Iterable[Action], interviews: Iterable[Interview], site_url: str | None = None
) -> Calendar:
    """The whole feed: every pending action (timed, with an alarm) and every interview (all day).

    ``actions`` need their application, interview and interviewer loaded; ``interviews`` their
    application and interviewers. The order of the events follows the order of the rows.
    """
    actions = list(actions)
    uids = action_uids(actions)
    calendar = _calendar(feed=True)
    for interview in interviews:
        calendar.add_component(interview_event(interview, site_url))
    for action in actions:
        calendar.add_component(action_event(action, uids[action.pk], site_url))
    return calendar


def single_action_calendar(action: Action, uid: str, site_url: str | None = None) -> Calendar:
    """One action as a file to import, with the feed's UID for it: importing the file again
    after a re-plan moves the event instead of adding a second one."""
    calendar = _calendar(feed=False)
    calendar.add_component(action_event(action, uid, site_url))
    return calendar

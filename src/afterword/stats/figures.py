"""The numbers behind the Stats page, worked out from the user's interviews and events.

``load_history`` reads the rows once (through the access module); the functions below are plain
computations on that history, so they are tested with hand-made histories and a fixed ``now``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count

from afterword.rules.kinds import ACTIONS, ANSWER_EVENTS, CONTACT_KINDS, DECIDING_EVENTS, EVENTS
from afterword.tracker import access
from afterword.tracker.models import Application, Event, Interview

THANK_YOU_EVENT = ACTIONS["thank_you_email"].done_event
CHECK_IN_EVENTS = frozenset(ACTIONS[kind].done_event for kind in CONTACT_KINDS)
# K2: a thank-you within 24 hours is on time; after 48 it is late.
ON_TIME = timedelta(hours=24)
LATE = timedelta(hours=48)
# Stages of an application over time, in the order the stacked bars draw them.
STAGES = ("No interview yet", "Interviewing", "Offer", "Closed")
REPLY_BUCKETS = ((0, 2, "0–2 days"), (3, 6, "3–6"), (7, 13, "7–13"), (14, 20, "14–20"))


@dataclass(frozen=True)
class Moment:
    at: datetime
    type: str
    interview_id: int | None = None
    interviewer_id: int | None = None


@dataclass
class AppHistory:
    created_at: datetime
    interviews: list[tuple[int, datetime, datetime, int]] = field(default_factory=list)
    events: list[Moment] = field(default_factory=list)


def load_history(user: AbstractBaseUser) -> list[AppHistory]:
    """Every application of the user with its interviews (id, start, end, people) and events."""
    owner = int(user.pk)
    histories: dict[int, AppHistory] = {
        pk: AppHistory(created)
        for pk, created in access.belonging_to(owner, Application).values_list("pk", "created_at")
    }
    interviews = (
        access.belonging_to(owner, Interview)
        .annotate(people=Count("interviewers"))
        .order_by("start", "pk")
    )
    for pk, app, start, end, people in interviews.values_list(
        "pk", "application_id", "start", "end", "people"
    ):
        histories[app].interviews.append((pk, start, end, people))
    events = access.belonging_to(owner, Event).order_by("at", "pk")
    for app, at, kind, interview, person in events.values_list(
        "application_id", "at", "type", "interview_id", "interviewer_id"
    ):
        histories[app].events.append(Moment(at, kind, interview, person))
    return list(histories.values())


def stage_at(history: AppHistory, moment: datetime) -> str | None:
    """Where the application stood at ``moment``; None before it existed."""
    # An application noted after its first interview (or imported) existed from that interview.
    began = min([history.created_at, *(start for _pk, start, _end, _n in history.interviews)])
    if began > moment:
        return None
    decided = [e for e in history.events if e.type in DECIDING_EVENTS and e.at <= moment]
    if decided:
        return STAGES[2] if _is_offer(decided[-1]) else STAGES[3]
    if any(start <= moment for _pk, start, _end, _n in history.interviews):
        return STAGES[1]
    return STAGES[0]


def _is_offer(event: Moment) -> bool:
    # An offer is the one deciding event that is good news; the table names it "an offer".
    return EVENTS[event.type].outcome == "an offer"


def stages_by_week(
    histories: Sequence[AppHistory], now: datetime, weeks: int = 12
) -> list[tuple[datetime, dict[str, int]]]:
    """At the end of each of the last ``weeks`` weeks: how many applications were at each stage."""
    points = []
    for back in range(weeks - 1, -1, -1):
        moment = now - timedelta(weeks=back)
        counts = dict.fromkeys(STAGES, 0)
        for history in histories:
            stage = stage_at(history, moment)
            if stage is not None:
                counts[stage] += 1
        points.append((moment, counts))
    return points


def _first_answer_after(
    history: AppHistory, start: datetime, until: datetime | None
) -> Moment | None:
    for event in history.events:
        if (
            event.type in ANSWER_EVENTS
            and event.at >= start
            and (until is None or event.at < until)
        ):
            return event
    return None


def interview_replies(histories: Sequence[AppHistory], now: datetime) -> list[timedelta | None]:
    """For each past interview: the time until the employer's first answer after it, or None.

    An answer counts for an interview when it came before the application's next interview.
    """
    found: list[timedelta | None] = []
    for history in histories:
        rounds = history.interviews
        for n, (_pk, _start, end, _people) in enumerate(rounds):
            if end > now:
                continue
            following = rounds[n + 1][1] if n + 1 < len(rounds) else None
            answer = _first_answer_after(history, end, following)
            found.append(answer.at - end if answer else None)
    return found


def reply_share(replies: Sequence[timedelta | None]) -> tuple[int, int]:
    """(interviews that got a reply, interviews held)."""
    return sum(1 for reply in replies if reply is not None), len(replies)


def reply_days(replies: Sequence[timedelta | None]) -> list[tuple[str, int]]:
    """How many replies came within each span of days after the interview."""
    days = [reply.days for reply in replies if reply is not None]
    rows = [(label, sum(1 for d in days if low <= d <= high)) for low, high, label in REPLY_BUCKETS]
    rows.append(("21 or more", sum(1 for d in days if d >= 21)))
    return rows


def thank_you_timing(histories: Sequence[AppHistory], now: datetime) -> list[tuple[str, int]]:
    """For each person met at a past interview: thanked within 24 h, within 48 h, later, not yet."""
    counts = {"Within 24 hours": 0, "24–48 hours": 0, "Later": 0, "Not sent": 0}
    for history in histories:
        sent = {
            (e.interview_id, e.interviewer_id): e.at
            for e in reversed(history.events)
            if e.type == THANK_YOU_EVENT
        }
        for pk, _start, end, people in history.interviews:
            if end > now:
                continue
            times = [at - end for (interview, _p), at in sent.items() if interview == pk]
            for delay in times:
                if delay <= ON_TIME:
                    counts["Within 24 hours"] += 1
                elif delay <= LATE:
                    counts["24–48 hours"] += 1
                else:
                    counts["Later"] += 1
            counts["Not sent"] += max(people - len(times), 0)
    return list(counts.items())


def check_ins(histories: Sequence[AppHistory]) -> tuple[int, int]:
    """(check-ins sent, check-ins the employer answered before the next check-in)."""
    sent = answered = 0
    for history in histories:
        moments = [e for e in history.events if e.type in CHECK_IN_EVENTS]
        for n, event in enumerate(moments):
            sent += 1
            following = moments[n + 1].at if n + 1 < len(moments) else None
            if _first_answer_after(history, event.at, following) is not None:
                answered += 1
    return sent, answered

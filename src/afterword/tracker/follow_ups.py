"""What became of a follow-up that is no longer pending: done, cancelled by a reply, replaced.

An old tab, the back button or a saved link names a follow-up by its key
(tracker/follow_up_keys.py). When no pending action has that key any more, the timeline says
why; this module reads it there, so the page can say so plainly instead of "not found".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from afterword.rules.kinds import ACTIONS, DECIDING_EVENTS, EVENTS, action_label
from afterword.rules.wording import day_text
from afterword.tracker.follow_up_keys import ADVANCING_EVENTS, parse_key
from afterword.tracker.models import Action, Application, Event, Interviewer
from afterword.tracker.services.case import employer_zone


@dataclass(frozen=True, slots=True)
class Fate:
    """A follow-up's end, in two sentences, and the pending step that took its place."""

    headline: str
    detail: str
    replaced_by: Action | None

    @property
    def text(self) -> str:
        return f"{self.headline} {self.detail}"


def what_became_of(application: Application, key: str) -> Fate:
    """Why no pending action of ``application`` has ``key`` (any more)."""
    parts = parse_key(key)
    pending = list(application.actions.select_related("interviewer").order_by("due", "position"))
    if parts is None:
        return Fate(
            "This follow-up is not in the plan.",
            "The link does not name one of this application's follow-ups.",
            pending[0] if pending else None,
        )
    role = ACTIONS[parts.kind].role
    replaced_by = next((a for a in pending if ACTIONS[a.kind].role == role), None)
    events = list(application.events.order_by("at", "pk"))
    what = _what(application, parts.kind, parts.interviewer_id)
    day = _day_of(application)
    ending = _ending(events, parts.kind, parts.interview_id, parts.interviewer_id, parts.ordinal)
    if ending is not None:
        event = ending
        if event.type == "reply":
            return Fate(
                f"Cancelled by a reply: {what}.",
                f"They replied on {day(event)}, so this follow-up is no longer needed.",
                replaced_by,
            )
        if event.type == "call_no_answer":
            return Fate(
                f"Done: {what}.",
                f"Nobody answered on {day(event)}; the call is planned again.",
                replaced_by,
            )
        return Fate(f"Done: {what}.", f"Recorded on {day(event)}.", replaced_by)
    decision = next((e for e in events if e.type in DECIDING_EVENTS), None)
    if decision is not None:
        outcome = EVENTS[decision.type].outcome
        return Fate(
            f"No longer needed: {what}.",
            f"The application was decided with {outcome} on {day(decision)}.",
            None,
        )
    next_round = next((e for e in reversed(events) if e.type == "next_round"), None)
    if next_round is not None and role != "thank_you":
        return Fate(
            f"Replaced: {what}.",
            f"Another round was arranged on {day(next_round)}; the plan follows it now.",
            replaced_by,
        )
    return Fate(
        f"No longer planned: {what}.",
        "The plan has changed since this link was made.",
        replaced_by,
    )


def _what(application: Application, kind: str, interviewer_id: int | None) -> str:
    label = action_label(kind)
    if interviewer_id is None:
        return label
    person = Interviewer.objects.filter(application=application, pk=interviewer_id).first()
    return f"{label} ({person.name})" if person is not None else label


def _ending(
    events: list[Event], kind: str, interview_id: int, interviewer_id: int | None, ordinal: int
) -> Event | None:
    """The event that ended this follow-up: its done event, or the ``ordinal``-th advance."""
    info = ACTIONS[kind]
    if info.role == "thank_you":
        return next(
            (
                e
                for e in events
                if e.type == info.done_event
                and e.interview_id == interview_id
                and e.interviewer_id == interviewer_id
            ),
            None,
        )
    advances = [e for e in events if e.type in ADVANCING_EVENTS]
    return advances[ordinal - 1] if 0 < ordinal <= len(advances) else None


def _day_of(application: Application) -> Callable[[Event], str]:
    zone = employer_zone(application)

    def day(event: Event) -> str:
        return day_text(event.at.astimezone(zone).date())

    return day

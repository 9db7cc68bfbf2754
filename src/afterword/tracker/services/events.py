"""Recording what happened (news, sent messages, snoozes) and re-planning in the same breath."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from pydantic import ValidationError as SchemaError

from afterword.rules import Case, CaseError, Problem, case_from_data
from afterword.rules.case import Event as EventSchema
from afterword.rules.kinds import ACTIONS, EXPEDITE_KINDS, THANK_YOU_KINDS
from afterword.rules.validation import problems_from
from afterword.tracker.models import Action, Application, Event, UserSettings
from afterword.tracker.services import compiled
from afterword.tracker.services.case import (
    CASE_SETTINGS,
    account_name,
    build_case,
    candidate,
    case_data,
    case_rows,
    employer_zone,
    event_data,
)
from afterword.tracker.services.errors import validation_error_from
from afterword.tracker.services.replan import as_stored, event_types, plan_case, store_plan

# The fields a caller may give record_event; each is a column of Event.
EVENT_FIELDS = frozenset(
    {
        "at",
        "interview",
        "interviewer",
        "channel",
        "promised_next",
        "new_decision_by",
        "deadline",
        "no_decision_yet",
        "action",
        "note",
        "until",
        "offer_mentioned",
    }
)


def record_event(
    application: Application,
    type: str,
    now: datetime,
    *,
    seen_planned_at: datetime | None = None,
    **fields: Any,
) -> Event:
    """Validate one event with the planner's schema, save it and re-plan, all or nothing.

    ``fields`` are Event columns (``interview`` and ``interviewer`` as model instances); ``at``
    defaults to ``now``. Raises ValidationError naming the field when the event is invalid or
    would make the case invalid; then nothing is saved.

    ``seen_planned_at`` is when the plan the user was looking at was made (the news form
    carries it): if the application was re-planned since, another tab or a second click got
    there first, and StalePage is raised instead of recording the news twice.
    """
    unknown = set(fields) - EVENT_FIELDS
    if unknown:
        raise TypeError(f"record_event() got unknown fields: {', '.join(sorted(unknown))}")
    fields.setdefault("at", now)
    event = Event(application=application, type=type, **_blank_for_none(fields))
    _check_ownership(application, event)
    with transaction.atomic():
        # The application's lock first, as every writer of its facts takes it (see replan);
        # the same query reads its owner's name and settings, which the case needs.
        locked = compiled.rows(_locked, [application.pk])
        fresh = Locked._make(locked[0][: len(Locked._fields)]) if locked else None
        if seen_planned_at is not None and (fresh is None or fresh.planned_at != seen_planned_at):
            raise StalePage()
        # The case is read once: the new event joins it in memory, is checked with it, and
        # the same case is planned once the event is saved (the planner orders events by time,
        # and a later row sorts after earlier ones of the same time, as build_case orders them).
        if fresh is None or fresh.settings_id is None:  # gone, or no settings made yet
            data = build_case(application, now)
        else:
            prefs = UserSettings(
                pk=fresh.settings_id,
                user_id=application.owner_id,
                **dict(zip(CASE_SETTINGS, locked[0][len(Locked._fields) :], strict=True)),
            )
            person = candidate(prefs, account_name(fresh.first_name, fresh.last_name), fresh.email)
            rows = case_rows([application.pk])[application.pk]
            data = case_data(application, person, prefs, rows, now)
        case = _validate(application, event, now, data)
        event.save()
        archived_at = fresh.archived_at if fresh is not None else None
        result = as_stored(plan_case(data, now, case), archived_at)
        # Only the actions that changed are written, but a snooze writes them all anew: the
        # snoozed row must get a new id even if it did not move (see snooze_action).
        store_plan(application, result, now, event_types(data), renew=type == "snoozed")
    return event


class Locked(NamedTuple):
    """What recording an event reads of the application under its lock; the owner's
    ``CASE_SETTINGS`` follow in the row (``settings_id`` is None until they are first made)."""

    planned_at: datetime | None
    archived_at: datetime | None
    first_name: str
    last_name: str
    email: str
    settings_id: int | None


def _locked(ids: list[int]) -> QuerySet[Any, Any]:
    # of=self: the owner's rows that the name and settings join are not locked (PostgreSQL
    # refuses FOR UPDATE on the nullable side of an outer join, such as the settings).
    return (
        Application.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .values_list(
            "planned_at",
            "archived_at",
            "owner__first_name",
            "owner__last_name",
            "owner__email",
            "owner__afterword__id",
            *(f"owner__afterword__{name}" for name in CASE_SETTINGS),
        )
    )


class ActionGone(ValidationError):
    """The action is no longer planned: done, snoozed or re-planned away since the page showed it.

    A second click (or a second tab) on the same button meets this; the caller answers calmly
    instead of recording the event twice.
    """

    def __init__(self) -> None:
        super().__init__("Already done: the plan has moved on since this page was shown.")


class StalePage(ValidationError):
    """The application changed since the page was shown: the news may be recorded already."""

    def __init__(self) -> None:
        super().__init__(
            "This application changed since the page was shown (perhaps this news was just "
            "recorded); check the timeline below before recording it again."
        )


def locked_pending(action: Action, *, same_row: bool = False) -> Action:
    """``action`` read again under the application's lock; ActionGone if it is no longer planned.

    Every writer of an application's facts (``replan`` and the functions here) locks the
    application row first, so they queue one behind the other; a re-plan replaces the actions
    it changed, so an action that was done meanwhile is simply not found. Call it inside a
    transaction. ``same_row``: only the very row will do (a snooze: the same follow-up snoozed
    meanwhile is a new row, and a second click must not move it again). On SQLite
    ``select_for_update`` is a no-op: the IMMEDIATE transaction already
    took the write lock at BEGIN (settings.py).
    """
    Application.objects.select_for_update().filter(pk=action.application_id).exists()
    fresh = (
        Action.objects.select_related("application", "interview", "interviewer")
        .filter(pk=action.pk)
        .first()
    )
    if fresh is None and not same_row:
        # A re-plan writes its actions anew; the row with the same key is the same follow-up
        # (tracker/follow_up_keys.py), moved perhaps, but still the one the page meant.
        fresh = (
            Action.objects.select_related("application", "interview", "interviewer")
            .filter(application_id=action.application_id, key=action.key)
            .first()
        )
    if fresh is None:
        raise ActionGone()
    return fresh


def complete_action(action: Action, now: datetime, promised_next: date | None = None) -> Event:
    """Record the event that doing ``action`` means, and re-plan; once, however often called.

    ``promised_next`` is the date the message told them the user would check back (K7, F6).
    Raises ActionGone when the action was done (or re-planned away) in the meantime.
    """
    with transaction.atomic():
        action = locked_pending(action)
        kind = ACTIONS[action.kind]
        type, channel = kind.done_event, kind.done_channel
        if kind.role == "expedite" and action.channel == "phone":
            channel = "phone"  # the expedite went out the way the employer prefers (H1)
        fields: dict[str, Any] = {"promised_next": promised_next}
        if action.kind in THANK_YOU_KINDS:
            fields.update(interview=action.interview, interviewer=action.interviewer)
        elif kind.role == "expedite":
            fields["offer_mentioned"] = True
        elif action.application.actions.filter(kind__in=EXPEDITE_KINDS).exists():
            # An ordinary check-in done while the other offer is still to be told: the
            # expedite message stays planned.
            fields["offer_mentioned"] = False
        return record_event(action.application, type, now, channel=channel, **fields)


def snooze_action(action: Action, now: datetime) -> Event:
    """Put ``action`` off to the next business day (T1), kept as a ``snoozed`` event.

    Once per row: every snooze re-plans and so writes a new row, so twenty clicks on one page
    move it once, while pressing Snooze again on the page that came back moves it again.
    """
    with transaction.atomic():
        action = locked_pending(action, same_row=True)
        return record_event(
            action.application,
            "snoozed",
            now,
            action=action.kind,
            interview=action.interview,
            interviewer=action.interviewer,
        )


def call_unanswered(action: Action, now: datetime) -> Event:
    """A planned call that reached no one: logged, and the call is planned again (H3)."""
    with transaction.atomic():
        action = locked_pending(action)
        if not ACTIONS[action.kind].is_call:
            raise ValidationError("Only a planned call can go unanswered.")
        return record_event(action.application, "call_no_answer", now)


def _blank_for_none(fields: dict[str, Any]) -> dict[str, Any]:
    """Text columns store "" for nothing; callers (forms) may hand over None."""
    text_columns = {"channel", "action", "note"}
    return {
        name: ("" if value is None and name in text_columns else value)
        for name, value in fields.items()
    }


def _check_ownership(application: Application, event: Event) -> None:
    """An event may only point at interviews and people of its own application."""
    errors = {}
    if event.interview is not None and event.interview.application_id != application.pk:
        errors["interview"] = "This interview belongs to another application."
    if event.interviewer is not None and event.interviewer.application_id != application.pk:
        errors["interviewer"] = "This person belongs to another application."
    if errors:
        raise ValidationError(errors)


def _validate(
    application: Application, event: Event, now: datetime, data: dict[str, Any]
) -> Case | None:
    """``data`` (the case as it is) with the new event added, validated; None without interviews."""
    if not isinstance(event.at, datetime) or event.at.tzinfo is None:
        raise ValidationError({"at": "Give the date and time with a time zone."})
    for name in ("promised_next", "new_decision_by", "deadline", "until"):
        value = getattr(event, name)
        if value is not None and not isinstance(value, date):
            raise ValidationError({name: "Give a date."})
    new_event = event_data(event, employer_zone(application))
    data["events"].append(new_event)
    if not data["interviews"]:
        _validate_alone(new_event, now)
        return None
    try:
        return case_from_data(data, now)
    except CaseError as error:
        raise validation_error_from(error, focus=f"events[{len(data['events']) - 1}]") from None


def _validate_alone(new_event: dict[str, Any], now: datetime) -> None:
    """Without an interview there is no case to check against; check the event by itself."""
    try:
        checked = EventSchema.model_validate(new_event)
    except SchemaError as error:
        problems = [Problem(f"event.{p.path}", p.message) for p in problems_from(error)]
        raise validation_error_from(CaseError(problems), focus="event") from None
    if checked.interview is not None or checked.interviewer is not None:
        raise ValidationError({"interview": "Add the interview before recording news about it."})
    if checked.at > now:
        raise ValidationError({"at": "This is in the future; record only what has happened."})

"""Deleting what the user entered: an application, an interview, a person, a timeline event.

Each deletion says first what it takes with it (``what_goes``, the numbers its confirmation page
shows), then deletes and re-plans in one transaction. The counts come from Django's own deletion
collector, the same walk along the foreign keys that the deletion makes, so the page cannot
promise less than is removed, including rows of feature apps the tracker does not import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.db.models import Count
from django.db.models.deletion import Collector

from afterword.tracker.models import Application, Event, Interview, Interviewer
from afterword.tracker.services.replan import replan

# The order a confirmation page lists them in; anything else follows, by name.
_FIRST = [
    "tracker.Application",
    "tracker.Interview",
    "tracker.Interviewer",
    "tracker.Event",
    "tracker.Draft",
    "tracker.Action",
]


@dataclass(frozen=True, slots=True)
class Going:
    """How many rows of one kind a deletion removes, with their ids."""

    label: str
    singular: str
    plural: str
    ids: frozenset[int]

    @property
    def count(self) -> int:
        return len(self.ids)

    def __str__(self) -> str:
        return f"{self.count} {self.singular if self.count == 1 else self.plural}"


@dataclass(frozen=True, slots=True)
class Removal:
    """Everything a deletion takes, kind by kind (``tracker.Draft``, ``outbox.OutgoingEmail``)."""

    kinds: tuple[Going, ...]

    def ids(self, label: str) -> frozenset[int]:
        """The ids of the rows of one model (by its label) that go; empty if none."""
        return next((going.ids for going in self.kinds if going.label == label), frozenset())

    def without(self, *labels: str) -> tuple[Going, ...]:
        return tuple(going for going in self.kinds if going.label not in labels)


def what_goes(rows: Sequence[models.Model]) -> Removal:
    """What deleting ``rows`` removes, following every foreign key that cascades.

    Many-to-many link rows are left out: they are not something the user entered.
    """
    if not rows:
        return Removal(())
    collector = Collector(using=router.db_for_write(type(rows[0])), origin=rows[0])
    # The collector takes one model at a time (an interview and its people are two calls).
    by_model: dict[type[models.Model], list[models.Model]] = {}
    for row in rows:
        by_model.setdefault(type(row), []).append(row)
    for same in by_model.values():
        collector.collect(same)
    found: dict[type[models.Model], set[int]] = {}
    for model, instances in collector.data.items():
        found.setdefault(model, set()).update(int(row.pk) for row in instances)
    for queryset in collector.fast_deletes:
        found.setdefault(queryset.model, set()).update(queryset.values_list("pk", flat=True))
    kinds = [
        Going(
            model._meta.label,
            str(model._meta.verbose_name),
            str(model._meta.verbose_name_plural),
            frozenset(ids),
        )
        for model, ids in found.items()
        if ids and not model._meta.auto_created
    ]
    kinds.sort(key=_place)
    return Removal(tuple(kinds))


def _place(going: Going) -> tuple[int, str]:
    label = going.label
    return (_FIRST.index(label) if label in _FIRST else len(_FIRST), label)


def application_rows(application: Application) -> list[models.Model]:
    return [application]


def delete_application(application: Application) -> None:
    """The application and everything under it: interviews, people, events, drafts, plan, and
    what feature apps keep for it (its emails in the outbox, its messages from the inbox)."""
    with transaction.atomic():
        _lock(application)
        Application.objects.filter(pk=application.pk).delete()


def interview_rows(interview: Interview) -> list[models.Model]:
    """The interview, and the people met at it and at no other round (they go with it)."""
    # Counted on a fresh query: on ``interview.interviewers`` the count would reuse the join
    # that picks this interview, and every person would seem to have one round only.
    only_here = (
        Interviewer.objects.filter(pk__in=interview.interviewers.values("pk"))
        .annotate(rounds=Count("interviews"))
        .filter(rounds=1)
        .order_by("pk")
    )
    return [interview, *only_here]


def delete_interview(interview: Interview, now: datetime) -> None:
    """One round with its events and drafts, and the people met only there; then re-plan."""
    application = interview.application
    with transaction.atomic():
        _lock(application)
        rows = interview_rows(interview)
        Interviewer.objects.filter(pk__in=[row.pk for row in rows[1:]]).delete()
        Interview.objects.filter(pk=interview.pk).delete()
        replan(application, now)


def person_rows(person: Interviewer) -> list[models.Model]:
    return [person]


def alone_at(person: Interviewer) -> list[Interview]:
    """The rounds at which ``person`` was the only one there: they cannot lose them."""
    return list(
        Interview.objects.filter(pk__in=person.interviews.values("pk"))
        .annotate(people=Count("interviewers"))
        .filter(people=1)
        .order_by("start")
    )


def delete_person(person: Interviewer, now: datetime) -> None:
    """Someone noted by mistake, with their thank-yous, drafts and events; then re-plan.

    A round needs someone to thank (the capture form asks for one), so a person who was alone
    at a round is refused: edit or delete that round instead.
    """
    application = person.application
    with transaction.atomic():
        _lock(application)
        lonely = alone_at(person)
        if lonely:
            rounds = ", ".join(f"round {interview.round}" for interview in lonely)
            raise ValidationError(
                f"{person.name} is the only person noted at {rounds}: edit that round to put "
                "the right person in, or delete the round."
            )
        Interviewer.objects.filter(pk=person.pk).delete()
        replan(application, now)


def event_rows(event: Event) -> list[models.Model]:
    return [event]


def remove_event(event: Event, now: datetime) -> None:
    """A timeline event recorded by mistake: gone, and the plan is made again without it.

    A draft marked sent keeps its text as history (its link to the event is cleared), and the
    plan asks for that message again if nothing else answers it.
    """
    application = event.application
    with transaction.atomic():
        _lock(application)
        Event.objects.filter(pk=event.pk).delete()
        replan(application, now)


def _lock(application: Application) -> None:
    # The application's lock first, as every writer of its facts takes it (see replan).
    Application.objects.select_for_update().filter(pk=application.pk).exists()

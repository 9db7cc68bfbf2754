"""Access: every lookup is limited to the signed-in owner; anyone else gets 404."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from afterword.tracker import access
from afterword.tracker.models import Action, Event
from afterword.tracker.services import record_event, replan
from tests.factories import ApplicationFactory, UserFactory
from tests.tracker.conftest import Sample, ny

pytestmark = pytest.mark.django_db

GETTERS: dict[str, Callable[[Any, Any], Any]] = {
    "application": access.get_application_or_404,
    "interview": access.get_interview_or_404,
    "interviewer": access.get_interviewer_or_404,
    "event": access.get_event_or_404,
    "action": access.get_action_or_404,
}


@pytest.fixture
def owned(sample: Sample) -> dict[str, Any]:
    """One row of each kind, all belonging to ``user``."""
    replan(sample.application, ny(2026, 3, 3, 9))
    record_event(sample.application, "reply", ny(2026, 3, 3, 9), no_decision_yet=True)
    return {
        "application": sample.application,
        "interview": sample.interview,
        "interviewer": sample.dana,
        "event": Event.objects.get(),
        "action": Action.objects.first(),
    }


@pytest.mark.parametrize("kind", list(GETTERS))
def test_it_finds_the_owners_own_rows(owned: dict[str, Any], user: Any, kind: str) -> None:
    """The owner gets each of their rows by id."""
    row = owned[kind]

    found = GETTERS[kind](user, row.pk)

    assert found == row


@pytest.mark.parametrize("kind", list(GETTERS))
def test_it_gives_404_to_an_outsider(owned: dict[str, Any], outsider: Any, kind: str) -> None:
    """Another user asking for the owner's row by id gets 404, not 403."""
    row = owned[kind]

    with pytest.raises(Http404):
        GETTERS[kind](outsider, row.pk)


@pytest.mark.parametrize("kind", list(GETTERS))
def test_it_gives_404_to_anonymous_visitors(owned: dict[str, Any], kind: str) -> None:
    """Nobody signed in: nothing is found."""
    row = owned[kind]

    with pytest.raises(Http404):
        GETTERS[kind](AnonymousUser(), row.pk)


@pytest.mark.parametrize("pk", ["abc", None, "1.5", ""])
def test_it_gives_404_for_malformed_ids(owned: dict[str, Any], user: Any, pk: Any) -> None:
    """An id that is not a number is as unknown as someone else's."""
    with pytest.raises(Http404):
        access.get_application_or_404(user, pk)


def test_it_gives_404_to_a_deactivated_owner(owned: dict[str, Any], user: Any) -> None:
    """A deactivated account sees nothing, even its own rows."""
    user.is_active = False
    user.save()

    with pytest.raises(Http404):
        access.get_application_or_404(user, owned["application"].pk)


def test_it_lists_only_the_users_own_rows(owned: dict[str, Any], user: Any, outsider: Any) -> None:
    """List helpers return the owner's rows and nothing of anyone else's."""
    theirs = ApplicationFactory(owner=outsider)

    mine = list(access.applications_for(user))

    assert mine == [owned["application"]]
    assert list(access.applications_for(outsider)) == [theirs]
    assert list(access.actions_for(outsider)) == []
    assert list(access.applications_for(AnonymousUser())) == []


def test_it_allows_viewing_only_to_the_owner(owned: dict[str, Any], user: Any) -> None:
    """may_view is true for the owner alone."""
    application = owned["application"]

    verdicts = [access.may_view(who, application) for who in (user, UserFactory(), AnonymousUser())]

    assert verdicts == [True, False, False]

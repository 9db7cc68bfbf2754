"""Access: every lookup is limited to the signed-in owner; anyone else gets 404."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.http import Http404

from afterword.calendar_feed.models import CalendarFeed
from afterword.inbox.models import InboxMessage, MailboxWatch
from afterword.outbox.models import MailAccount, OutgoingEmail
from afterword.reminders.models import NotificationChannel, ReminderSettings
from afterword.tracker import access
from afterword.tracker.models import Action, Application, Event, Interviewer, UserSettings
from afterword.tracker.services import record_event, replan
from tests.factories import (
    ApplicationFactory,
    MailAccountFactory,
    NotificationChannelFactory,
    UserFactory,
)
from tests.tracker.conftest import Sample, ny

pytestmark = pytest.mark.django_db

GETTERS: dict[str, Callable[[Any, Any], Any]] = {
    "application": access.get_application_or_404,
    "interview": access.get_interview_or_404,
    "interviewer": access.get_interviewer_or_404,
    "event": access.get_event_or_404,
    "action": access.get_action_or_404,
}

OWNED_MODELS = [
    Application,
    Interviewer,
    Event,
    Action,
    MailAccount,
    NotificationChannel,
    OutgoingEmail,
    MailboxWatch,
    InboxMessage,
    CalendarFeed,
    ReminderSettings,
    UserSettings,
]


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


def test_it_finds_the_owner_of_every_user_owned_model() -> None:
    """Rows reach their owner through owner, user or their application."""
    paths = {model.__name__: access.owner_path(model) for model in OWNED_MODELS}

    assert paths == {
        "Application": "owner",
        "Interviewer": "application__owner",
        "Event": "application__owner",
        "Action": "owner",
        "MailAccount": "user",
        "NotificationChannel": "owner",
        "OutgoingEmail": "owner",
        "MailboxWatch": "user",
        "InboxMessage": "owner",
        "CalendarFeed": "user",
        "ReminderSettings": "user",
        "UserSettings": "user",
    }


def test_it_refuses_to_scope_a_model_without_an_owner() -> None:
    """A model with no owner column cannot be scoped: a clear error, not every row."""
    with pytest.raises(TypeError, match="has no owner"):
        access.owner_path(Group)


def test_feature_rows_are_visible_and_changeable_by_their_owner_alone(
    user: Any, outsider: Any
) -> None:
    """A mailbox and a channel: the owner sees and changes them; an outsider gets nothing."""
    account = MailAccountFactory(user=user)
    channel = NotificationChannelFactory(owner=user)

    for row in (account, channel):
        model = type(row)
        assert list(access.visible(user, model)) == [row]
        assert list(access.changeable(user, model)) == [row]
        assert list(access.visible(outsider, model)) == []
        assert list(access.changeable(outsider, model)) == []
        assert access.may_change(user, row) and not access.may_change(outsider, row)


def test_an_outsider_gets_404_for_a_feature_row_by_id(user: Any, outsider: Any) -> None:
    """Someone else's channel answers like a missing one, whichever queryset it is asked from."""
    channel = NotificationChannelFactory(owner=user)

    with pytest.raises(Http404):
        access.get_changeable_or_404(outsider, NotificationChannel, channel.pk)
    with pytest.raises(Http404):
        access.get_visible_or_404(outsider, NotificationChannel.objects.all(), channel.pk)
    assert access.get_visible_or_404(user, NotificationChannel, channel.pk) == channel


def test_own_row_is_the_users_one_row_or_none(user: Any, outsider: Any) -> None:
    """A one-to-one row (the mailbox) is found for its owner; others and visitors get None."""
    account = MailAccountFactory(user=user)

    assert access.own_row(user, MailAccount) == account
    assert access.own_row(outsider, MailAccount) is None
    assert access.own_row(AnonymousUser(), MailAccount) is None


def test_one_row_of_creates_the_settings_once(user: Any) -> None:
    """Settings rows are made on first use and found again after."""
    first = access.one_row_of(user.pk, UserSettings)

    again = access.one_row_of(user.pk, UserSettings)

    assert first.pk == again.pk
    assert UserSettings.objects.filter(user=user).count() == 1


def test_one_row_of_reads_every_column_as_the_orm_does(user: Any, outsider: Any) -> None:
    """The settings read through compiled SQL equal the ORM's row, field for field, and a
    saved change is read back; each owner gets their own row."""
    UserSettings.objects.filter(user=user).update(timezone="Europe/Berlin", contact_hour=10)
    access.one_row_of(outsider.pk, UserSettings)

    found = access.one_row_of(user.pk, UserSettings)
    found.country = "DE"
    found.save()
    again = access.one_row_of(user.pk, UserSettings)

    stored = UserSettings.objects.get(user=user)
    columns = [field.attname for field in UserSettings._meta.concrete_fields]
    assert [getattr(again, name) for name in columns] == [getattr(stored, name) for name in columns]
    assert (again.timezone, again.contact_hour, again.country) == ("Europe/Berlin", 10, "DE")
    assert access.one_row_of(outsider.pk, UserSettings).pk != again.pk


def test_member_id_is_the_signed_in_users_own_id_only(user: Any) -> None:
    """Whose rows a compiled read may fetch: the member's; nobody's for a visitor or a
    deactivated account."""
    assert access.member_id(user) == user.pk
    assert access.member_id(AnonymousUser()) is None
    user.is_active = False
    assert access.member_id(user) is None


def test_belonging_to_keeps_to_one_owner(owned: dict[str, Any], outsider: Any) -> None:
    """The worker's view of one user holds that user's rows only."""
    ApplicationFactory(owner=outsider)

    rows = list(access.belonging_to(owned["application"].owner_id, Application))

    assert rows == [owned["application"]]


def test_belonging_to_any_keeps_to_the_owners_named_and_active(
    owned: dict[str, Any], outsider: Any
) -> None:
    """The worker's view of a page of users: theirs only, and nothing of a deactivated one."""
    mine = owned["application"]
    other = ApplicationFactory(owner=outsider)
    stranger = ApplicationFactory(owner=UserFactory())

    both = set(access.belonging_to_any([mine.owner_id, outsider.pk], Application))
    outsider.is_active = False
    outsider.save()
    active_only = set(access.belonging_to_any([mine.owner_id, outsider.pk], Application))

    assert both == {mine, other} and stranger not in both
    assert active_only == {mine}


def test_belonging_to_loaded_keeps_to_the_owners_given_and_active_as_loaded(
    owned: dict[str, Any], outsider: Any
) -> None:
    """A worker's page of owners it has read: their rows only, none of one loaded inactive."""
    mine = owned["application"]
    other = ApplicationFactory(owner=outsider)
    stranger = ApplicationFactory(owner=UserFactory())

    both = set(access.belonging_to_loaded([mine.owner, outsider], Application))
    outsider.is_active = False
    active_only = set(access.belonging_to_loaded([mine.owner, outsider], Application))

    assert both == {mine, other} and stranger not in both
    assert active_only == {mine}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", 7),
        ("0007", 7),
        (str(2**63 - 1), 2**63 - 1),
        (str(2**63), None),
        ("0", None),
        ("", None),
        ("-3", None),
        ("²", None),
        ("٣", None),
        ("1e3", None),
        ("9" * 5000, None),
    ],
)
def test_row_id_takes_only_ids_a_row_could_have(text: str, expected: int | None) -> None:
    """ASCII digits within a BIGINT, above 0; "²" passes str.isdigit but is no id."""
    assert access.row_id(text) == expected

"""Removing or switching a channel changes only the owner's own channels."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import Http404

from afterword.reminders.channels import remove_channel, toggle_channel
from afterword.reminders.models import NotificationChannel
from tests.factories import NotificationChannelFactory, UserFactory


def test_toggling_switches_the_channel_off_and_on_again(user: Any) -> None:
    """Two toggles bring the channel back to where it started."""
    channel = NotificationChannelFactory(owner=user, enabled=True)

    first = toggle_channel(user, channel.pk)
    second = toggle_channel(user, channel.pk)

    assert (first.enabled, second.enabled) == (False, True)


def test_removing_a_channel_deletes_it_and_names_it(user: Any) -> None:
    """The label comes back for the page's message; the row is gone."""
    channel = NotificationChannelFactory(owner=user, label="My phone")

    label = remove_channel(user, channel.pk)

    assert label == "My phone"
    assert not NotificationChannel.objects.filter(pk=channel.pk).exists()


def test_someone_elses_channel_is_neither_switched_nor_removed(user: Any) -> None:
    """Another user's channel answers 404 and stays as it was."""
    theirs = NotificationChannelFactory(owner=UserFactory(), enabled=True)

    with pytest.raises(Http404):
        toggle_channel(user, theirs.pk)
    with pytest.raises(Http404):
        remove_channel(user, theirs.pk)

    theirs.refresh_from_db()
    assert theirs.enabled

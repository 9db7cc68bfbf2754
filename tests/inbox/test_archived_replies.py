"""A reply to an archived application waits off Today until the application is restored."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from afterword.tracker.services.archive import archive_application, restore_application
from tests.inbox import mail as inbox_mail
from tests.inbox.fixtures import arrive

pytestmark = pytest.mark.django_db


def test_a_reply_to_an_archived_application_is_not_on_today_until_restored(
    member: Any, quiet_watch: Any, harbour: Any
) -> None:
    """Archived: no "Replies to confirm"; restored: the offer is there to confirm."""
    arrive(quiet_watch, inbox_mail.offer())
    archive_application(harbour, timezone.now())

    hidden = member.get(reverse("today")).content.decode()
    restore_application(harbour, timezone.now())
    shown = member.get(reverse("today")).content.decode()

    assert "Harbour Logistics replied" not in hidden
    assert "Harbour Logistics replied" in shown

"""A victim for the security tests: one user with one row of every kind, and their rows."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.db import models

from afterword.api.tokens import create_token
from afterword.calendar_feed.models import CalendarFeed
from afterword.inbox.models import InboxMessage, MailboxWatch
from afterword.outbox.messages import new_message_id
from afterword.outbox.models import EmailState, OutgoingEmail
from afterword.tracker.access import owner_path
from afterword.tracker.models import Draft, Event
from afterword.tracker.services import replan
from tests.factories import (
    ApplicationFactory,
    InterviewerFactory,
    InterviewFactory,
    MailAccountFactory,
    NotificationChannelFactory,
    UserFactory,
)

# Words that appear only in the victim's rows: no page shown to anyone else may contain them.
SECRETS = ("Zebrafish Analytics", "Ottoline Quarrie", "Wombat subject line", "Kestrel channel")


def make_victim(now: datetime) -> Any:
    """Someone with one of every kind of row: an application with its plan, a draft, an email,
    a mailbox, a notification channel, a watched inbox with a reply and a calendar feed."""
    owner = UserFactory(username="victim")
    application = ApplicationFactory(owner=owner, employer="Zebrafish Analytics")
    person = InterviewerFactory(application=application, name="Ottoline Quarrie")
    InterviewFactory(application=application, interviewers=[person])
    replan(application, now)
    Event.objects.create(application=application, type="reply", at=now, note="Zebrafish Analytics")
    action = application.actions.filter(kind="thank_you_email").first()
    assert action is not None
    draft = Draft.objects.create(
        application=application,
        owner=owner,
        kind=action.kind,
        interview=action.interview,
        interviewer=action.interviewer,
        subject="Wombat subject line",
        body="Ottoline Quarrie, thank you.",
    )
    MailAccountFactory(user=owner)
    OutgoingEmail.objects.create(
        owner=owner,
        application=application,
        draft=draft,
        to="ottoline@example.test",
        subject="Wombat subject line",
        body="Ottoline Quarrie, thank you.",
        message_id=new_message_id("victim@example.test"),
        due_at=now + timedelta(days=1),
        event_type="thank_you_sent",
        state=EmailState.UNCERTAIN,
    )
    NotificationChannelFactory(owner=owner, label="Kestrel channel")
    create_token(owner, "Kestrel script", can_write=True)
    watch = MailboxWatch.objects.create(
        user=owner, host="127.0.0.1", port=1, security="none", username="victim@example.test"
    )
    InboxMessage.objects.create(
        watch=watch,
        owner=owner,
        application=application,
        interviewer=person,
        message_id="<zebra@example.test>",
        kind="reply",
        received_at=now,
        sender="ottoline@example.test",
        sender_name="Ottoline Quarrie",
        subject="Re: Wombat subject line",
        suggestion="offer",
    )
    InboxMessage.objects.create(
        watch=watch,
        owner=owner,
        application=application,
        message_id="<quokka-invite@example.test>",
        kind="invitation",
        received_at=now,
        sender="ottoline@example.test",
        sender_name="Ottoline Quarrie",
        subject="Invitation: Wombat round two",
        proposal={
            "start": (now + timedelta(days=3)).isoformat(),
            "end": (now + timedelta(days=3, hours=1)).isoformat(),
            "zone": "UTC",
            "summary": "Wombat round two",
            "people": [
                {"name": "Ottoline Quarrie", "email": "ottoline@example.test", "primary": True}
            ],
            "cancelled": False,
            "employer": "Wombat",
        },
    )
    CalendarFeed.objects.create(user=owner)
    return owner


def owned_models() -> list[type[models.Model]]:
    """Every model whose rows belong to a user (the ones access.py can scope)."""
    found = []
    for model in apps.get_models():
        try:
            owner_path(model)
        except TypeError:
            continue
        found.append(model)
    return found


def rows_of(owner: Any) -> dict[str, list[dict[str, Any]]]:
    """Every row ``owner`` has, field by field: a snapshot to compare after the walk."""
    return {
        model._meta.label: list(
            model._default_manager.filter(**{f"{owner_path(model)}_id": owner.pk})
            .order_by("pk")
            .values()
        )
        for model in owned_models()
    }


def ids_of(owner: Any) -> list[int]:
    """The ids of all the owner's rows, of every kind (a URL's right kind is among them)."""
    ids = {int(row["id"]) for rows in rows_of(owner).values() for row in rows if "id" in row}
    return sorted(ids | {int(owner.pk)})

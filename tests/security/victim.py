"""A victim for the security tests: one user with one row of every kind, and their rows."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.db import models

from afterword.api.tokens import create_token
from afterword.calendar_feed.models import CalendarFeed
from afterword.coaching.consent import grant
from afterword.coaching.models import (
    AccessLog,
    CoachNote,
    Invitation,
    Membership,
    Organisation,
)
from afterword.coaching.organisations import create_organisation, invite
from afterword.inbox.models import InboxMessage, MailboxWatch
from afterword.outbox.messages import new_message_id
from afterword.outbox.models import EmailState, OutgoingEmail
from afterword.tracker.access import owner_path
from afterword.tracker.models import Action, Draft, Event
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
SECRETS = (
    "Zebrafish Analytics",
    "Ottoline Quarrie",
    "Wombat subject line",
    "Kestrel channel",
    "Platypus Placement Annex",
    "Numbat placement nudge",
)


def make_victim(now: datetime, username: str = "victim") -> Any:
    """Someone with one of every kind of row: an application with its plan, a draft, an email,
    a mailbox, a notification channel, a watched inbox with a reply and a calendar feed."""
    owner = UserFactory(username=username)
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
        user=owner, host="127.0.0.1", port=1, security="none", username=f"{username}@example.test"
    )
    InboxMessage.objects.create(
        watch=watch,
        owner=owner,
        application=application,
        interviewer=person,
        message_id=f"<zebra-{username}@example.test>",
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
    make_coached(owner, now)
    return owner


def make_coached(owner: Any, now: datetime) -> None:
    """The victim in a career centre: a student with a consenting coach, a note and a log, and
    the admin of a second centre with an open invitation."""
    # Named after the owner: a test may make two victims, and names of centres are unique.
    coach = UserFactory(username=f"{owner.username}s-coach")
    centre = create_organisation(f"Shared Careers Centre {owner.username}", coach.username, now)
    Membership.objects.create(organisation=centre, user=owner, role="student", joined_at=now)
    staff = Membership.objects.get(organisation=centre, user=coach)
    grant(owner, staff.pk, True, now)
    CoachNote.objects.create(
        coach=coach, student=owner, kind="nudge", text="Numbat placement nudge", created_at=now
    )
    AccessLog.objects.create(coach=coach, student=owner, page="student page", path="/", at=now)
    own = create_organisation(f"Platypus Placement Annex {owner.username}", owner.username, now)
    invite(own, "coach", owner, now)


def coaching_rows(owner: Any) -> dict[str, list[dict[str, Any]]]:
    """The victim's organisations and their invitations, which belong to no one user."""
    organisations = Membership.objects.filter(user=owner).values("organisation_id")
    return {
        "coaching.Invitation": list(
            Invitation.objects.filter(organisation_id__in=organisations).order_by("pk").values()
        ),
        "coaching.Organisation": list(
            Organisation.objects.filter(pk__in=organisations).order_by("pk").values()
        ),
    }


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
    } | coaching_rows(owner)


def ids_of(owner: Any) -> list[int]:
    """The ids of all the owner's rows, of every kind (a URL's right kind is among them)."""
    ids = {int(row["id"]) for rows in rows_of(owner).values() for row in rows if "id" in row}
    return sorted(ids | {int(owner.pk)})


def keys_of(owner: Any) -> list[str]:
    """The keys of the owner's planned follow-ups (their lasting URLs name them)."""
    return sorted(Action.objects.filter(owner=owner).values_list("key", flat=True))

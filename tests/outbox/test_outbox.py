"""Queueing emails, and what the user decides about them: cancel, try again, send again."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from afterword.outbox.models import EmailState, MailAccount, OutgoingEmail
from afterword.outbox.queue import (
    cancel,
    confirm_sent,
    get_email_or_404,
    outbox_for,
    queue_draft,
    queue_email,
    retry_failed,
    send_again,
)
from afterword.tracker.models import Application, Event
from tests.factories import MailAccountFactory
from tests.support.builders import draft_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailbox(user: Any) -> MailAccount:
    return MailAccountFactory(user=user, from_address="sam@rivera.example")


def _email(user: Any, now: datetime, **fields: Any) -> OutgoingEmail:
    fields.setdefault("to", "priya@harbour.example")
    fields.setdefault("subject", "Thank you")
    fields.setdefault("body", "Thank you for Monday.")
    return queue_email(user, now=now, **fields)


def test_a_queued_email_gets_a_message_id_on_the_users_own_domain(
    user: Any, mailbox: MailAccount, now: datetime
) -> None:
    """Message-IDs are ours, unique, and on the sender's domain; due now unless told."""
    first, second = _email(user, now), _email(user, now)

    assert first.message_id.startswith("<") and first.message_id.endswith("@rivera.example>")
    assert first.message_id != second.message_id
    assert (first.state, first.due_at, first.attempts) == (EmailState.PENDING, now, 0)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"to": ""}, "to", "Give an email address."),
        ({"to": "priya at harbour"}, "to", "'priya at harbour' is not an email address."),
        ({"cc": "a@b.example, nope"}, "cc", "'nope' is not an email address."),
        ({"subject": "  "}, "subject", "Give the email a subject."),
        ({"subject": "Two\nlines"}, "subject", "The subject must be one line."),
        ({"body": ""}, "body", "The email is empty."),
    ],
)
def test_it_names_the_field_and_saves_nothing_when_the_email_is_wrong(
    user: Any, mailbox: MailAccount, now: datetime, fields: dict[str, str], field: str, message: str
) -> None:
    """Each problem is keyed by its field; the outbox stays empty."""
    with pytest.raises(ValidationError) as caught:
        _email(user, now, **fields)

    assert caught.value.message_dict[field] == [message]
    assert not OutgoingEmail.objects.exists()


def test_it_needs_a_connected_mailbox(user: Any, now: datetime) -> None:
    """Without mail settings there is nothing to send through."""
    with pytest.raises(ValidationError) as caught:
        _email(user, now)

    assert caught.value.message_dict["mail_account"] == [
        "Connect your mailbox in Mail settings before sending."
    ]


def test_it_refuses_someone_elses_application(
    user: Any, outsider: Any, mailbox: MailAccount, application: Application, now: datetime
) -> None:
    """An outsider cannot attach an email to my application."""
    MailAccountFactory(user=outsider)

    with pytest.raises(ValidationError) as caught:
        _email(outsider, now, application=application)

    assert "application" in caught.value.message_dict


def test_a_draft_sent_at_the_due_time_waits_for_its_planned_action(
    user: Any, mailbox: MailAccount, application: Application, now: datetime
) -> None:
    """Due time = the planned thank-you's due; the event to record is the thank-you."""
    draft = draft_for(application, "thank_you_email", "Tomasz Wilk")
    planned = application.actions.get(kind="thank_you_email", interviewer=draft.interviewer)

    email = queue_draft(draft, now, "due")

    assert email.due_at == planned.due > now
    assert (email.to, email.subject) == ("tomasz@harbour.example", draft.subject)
    assert (email.event_type, email.application, email.draft) == (
        "thank_you_sent",
        application,
        draft,
    )


def test_a_due_time_already_past_means_now(
    user: Any, mailbox: MailAccount, application: Application, now: datetime
) -> None:
    """An overdue thank-you queued "at the due time" goes now, not in the past."""
    draft = draft_for(application, "thank_you_email", "Tomasz Wilk")
    later = now + timedelta(days=3)

    email = queue_draft(draft, later, "due")

    assert email.due_at == later


def test_a_draft_is_queued_only_once(
    user: Any, mailbox: MailAccount, application: Application, now: datetime
) -> None:
    """A double click cannot put the same draft in the outbox twice."""
    draft = draft_for(application, "thank_you_email", "Priya Natarajan")
    queue_draft(draft, now, "now")

    with pytest.raises(ValidationError) as caught:
        queue_draft(draft, now, "now")

    assert caught.value.message_dict["draft"] == ["This draft is already in the outbox."]
    assert OutgoingEmail.objects.count() == 1


def test_a_draft_to_someone_without_an_address_says_whose_is_missing(
    user: Any, mailbox: MailAccount, application: Application, now: datetime
) -> None:
    """No email address for Tomasz: the error names him."""
    draft = draft_for(application, "thank_you_email", "Tomasz Wilk")
    draft.interviewer.email = ""
    draft.interviewer.save()

    with pytest.raises(ValidationError) as caught:
        queue_draft(draft, now, "now")

    assert caught.value.message_dict["to"] == ["Add an email address for Tomasz Wilk first."]


def test_a_pending_email_can_be_cancelled_but_not_one_being_sent(
    user: Any, mailbox: MailAccount, now: datetime
) -> None:
    """Cancel is a conditional update: it loses to a worker that already claimed the row."""
    waiting, busy = _email(user, now), _email(user, now)
    OutgoingEmail.objects.filter(pk=busy.pk).update(state=EmailState.SENDING)

    results = (cancel(waiting), cancel(busy))

    waiting.refresh_from_db()
    busy.refresh_from_db()
    assert results == (True, False)
    assert (waiting.state, busy.state) == (EmailState.CANCELLED, EmailState.SENDING)


def test_a_failed_email_can_be_tried_again_with_the_same_message_id(
    user: Any, mailbox: MailAccount, now: datetime
) -> None:
    """It never reached the server, so the very same message is queued again, due now."""
    email = _email(user, now)
    OutgoingEmail.objects.filter(pk=email.pk).update(
        state=EmailState.FAILED, attempts=6, last_error="Not sent."
    )

    again = retry_failed(email, now + timedelta(hours=1))

    email.refresh_from_db()
    assert again is True
    assert (email.state, email.attempts, email.last_error) == (EmailState.PENDING, 0, "")
    assert email.due_at == now + timedelta(hours=1)


def test_send_again_queues_a_new_message_and_closes_the_uncertain_one(
    user: Any, mailbox: MailAccount, application: Application, now: datetime
) -> None:
    """A new row with a new Message-ID, pointing back; the uncertain row becomes cancelled."""
    draft = draft_for(application, "thank_you_email", "Priya Natarajan")
    email = queue_draft(draft, now, "now")
    OutgoingEmail.objects.filter(pk=email.pk).update(state=EmailState.UNCERTAIN)

    copy = send_again(email, now)

    email.refresh_from_db()
    assert email.state == EmailState.CANCELLED
    assert (copy.state, copy.retry_of, copy.draft) == (EmailState.PENDING, email, draft)
    assert copy.message_id != email.message_id
    assert (copy.to, copy.subject, copy.body) == (email.to, email.subject, email.body)


def test_send_again_only_for_an_uncertain_email(
    user: Any, mailbox: MailAccount, now: datetime
) -> None:
    """A sent email is not "sent again" by a stale button."""
    email = _email(user, now)
    OutgoingEmail.objects.filter(pk=email.pk).update(state=EmailState.SENT)

    with pytest.raises(ValidationError):
        send_again(email, now)

    assert OutgoingEmail.objects.count() == 1


def test_it_was_sent_records_the_event_and_closes_the_draft(
    user: Any, mailbox: MailAccount, application: Application, now: datetime
) -> None:
    """The user found it in their Sent folder: sent, thank-you recorded, plan moves on."""
    draft = draft_for(application, "thank_you_email", "Priya Natarajan")
    email = queue_draft(draft, now, "now")
    OutgoingEmail.objects.filter(pk=email.pk).update(state=EmailState.UNCERTAIN)

    confirmed = confirm_sent(email, now)

    email.refresh_from_db()
    draft.refresh_from_db()
    assert confirmed is True
    assert (email.state, email.sent_at, email.last_error) == (
        EmailState.SENT,
        now,
        "You confirmed it was sent.",
    )
    assert Event.objects.get(application=application, type="thank_you_sent").draft == draft
    assert draft.sent_at == now


def test_the_outbox_is_scoped_to_its_owner(
    user: Any, outsider: Any, mailbox: MailAccount, now: datetime
) -> None:
    """Nobody else lists or opens my emails: 404, as for an id that does not exist."""
    email = _email(user, now)

    listed = list(outbox_for(outsider))

    assert listed == []
    with pytest.raises(Http404):
        get_email_or_404(outsider, email.pk)
    with pytest.raises(Http404):
        get_email_or_404(user, "abc")
    assert get_email_or_404(user, email.pk) == email

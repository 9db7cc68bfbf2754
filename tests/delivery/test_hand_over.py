"""A database made before the split into outbox, reminders, calendar_feed and inbox upgrades
without losing a row: the tables change hands (and names), the data stays."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from afterword.calendar_feed.models import CalendarFeed
from afterword.inbox.models import InboxMessage, MailboxWatch, WatchedFolder
from afterword.outbox.models import MailAccount, OutgoingEmail
from afterword.reminders.models import NotificationChannel, Reminder, ReminderSettings
from tests.factories import ApplicationFactory, InterviewerFactory, UserFactory

BEFORE_SPLIT = [
    ("delivery", "0005_mailbox_idle"),
    ("outbox", None),
    ("reminders", None),
    ("calendar_feed", None),
    ("inbox", None),
]
WHEN = datetime(2026, 3, 3, 14, 0, tzinfo=UTC)


def _migrate(targets: list[tuple[str, str | None]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


def _latest() -> list[tuple[str, str | None]]:
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.fixture
def back_in_time(transactional_db: None) -> Iterator[Any]:
    """Call it to take the database back to before the split; it returns the models of then.

    Whatever the test does, the database ends at the latest migrations again.
    """

    def go_back() -> Any:
        executor = _migrate(BEFORE_SPLIT)
        return executor.loader.project_state([("delivery", "0005_mailbox_idle")]).apps

    yield go_back
    _migrate(_latest())


def test_every_row_of_every_handed_over_table_survives_the_upgrade(back_in_time: Any) -> None:
    """One row in each of delivery's nine tables reads back, field for field, after migrating."""
    user = UserFactory()
    application = ApplicationFactory(owner=user)
    person = InterviewerFactory(application=application)
    old = back_in_time()
    old.get_model("delivery", "MailAccount").objects.create(
        user_id=user.pk,
        host="smtp.example.org",
        port=587,
        username="sam",
        from_address="sam@example.org",
        password_encrypted="sealed",
    )
    first = old.get_model("delivery", "OutgoingEmail").objects.create(
        owner_id=user.pk,
        application_id=application.pk,
        to="hiring@example.org",
        subject="Thank you",
        body="Thank you for your time.",
        message_id="<one@afterword>",
        due_at=WHEN,
    )
    old.get_model("delivery", "OutgoingEmail").objects.create(
        owner_id=user.pk,
        application_id=application.pk,
        to="hiring@example.org",
        subject="Thank you",
        body="Thank you again.",
        message_id="<two@afterword>",
        due_at=WHEN,
        retry_of_id=first.pk,
    )
    old.get_model("delivery", "NotificationChannel").objects.create(
        owner_id=user.pk, label="My phone", url_encrypted="sealed-url"
    )
    old.get_model("delivery", "Reminder").objects.create(
        owner_id=user.pk,
        kind="digest",
        dedupe_key="digest:1:2026-03-03",
        due_at=WHEN,
        next_attempt_at=WHEN,
    )
    old.get_model("delivery", "ReminderSettings").objects.create(user_id=user.pk, digest_hour=8)
    old.get_model("delivery", "CalendarFeed").objects.create(user_id=user.pk, token="t" * 40)
    watch = old.get_model("delivery", "MailboxWatch").objects.create(
        user_id=user.pk,
        host="imap.example.org",
        port=993,
        username="sam",
        password_encrypted="sealed",
        folders="INBOX",
    )
    old.get_model("delivery", "WatchedFolder").objects.create(
        watch_id=watch.pk, name="INBOX", uidvalidity=7, last_uid=42
    )
    old.get_model("delivery", "InboxMessage").objects.create(
        watch_id=watch.pk,
        owner_id=user.pk,
        application_id=application.pk,
        interviewer_id=person.pk,
        message_id="<reply@example.org>",
        received_at=WHEN,
    )

    _migrate(_latest())

    account = MailAccount.objects.get(user=user)
    assert (account.host, account.port, account.from_address) == (
        "smtp.example.org",
        587,
        "sam@example.org",
    )
    emails = list(OutgoingEmail.objects.order_by("message_id"))
    assert [e.message_id for e in emails] == ["<one@afterword>", "<two@afterword>"]
    assert emails[1].retry_of == emails[0]
    assert NotificationChannel.objects.get(owner=user).label == "My phone"
    assert Reminder.objects.get(owner=user).dedupe_key == "digest:1:2026-03-03"
    assert ReminderSettings.objects.get(user=user).digest_hour == 8
    assert CalendarFeed.objects.get(user=user).token == "t" * 40
    moved_watch = MailboxWatch.objects.get(user=user)
    assert moved_watch.host == "imap.example.org"
    assert WatchedFolder.objects.get(watch=moved_watch).last_uid == 42
    reply = InboxMessage.objects.get(watch=moved_watch)
    assert (reply.application, reply.interviewer) == (application, person)


def test_the_tables_carry_their_new_apps_names(transactional_db: None) -> None:
    """After the upgrade each table is named for the app that owns it; no delivery table is left."""
    tables = set(connection.introspection.table_names())

    assert {"outbox_mailaccount", "outbox_outgoingemail", "inbox_inboxmessage"} <= tables
    assert {"reminders_reminder", "calendar_feed_calendarfeed"} <= tables
    assert not {t for t in tables if t.startswith("delivery_")}


def test_content_types_follow_the_tables(back_in_time: Any) -> None:
    """A content type made before the split (and so its permissions) moves to the new app."""
    back_in_time()
    ContentType.objects.filter(app_label="outbox", model="mailaccount").delete()
    ContentType.objects.get_or_create(app_label="delivery", model="mailaccount")

    _migrate(_latest())

    assert ContentType.objects.filter(app_label="outbox", model="mailaccount").exists()
    assert not ContentType.objects.filter(app_label="delivery", model="mailaccount").exists()

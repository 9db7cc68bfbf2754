"""One not-held condition for reserving and for starting an email: outbox/archive_hold.py."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.db import connection

from afterword.outbox import transitions
from afterword.outbox.archive_hold import NOT_HELD, not_held_sql
from afterword.outbox.dispatch import reserve, start
from afterword.outbox.models import MailAccount, OutgoingEmail
from afterword.outbox.queue import queue_email
from afterword.tracker.models import Application
from afterword.tracker.services.archive import archive_application
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def _queue(owner: Any, now: datetime, application: Application | None) -> OutgoingEmail:
    return queue_email(
        owner,
        to="priya@harbour.example",
        subject="A note",
        body="A note.\n",
        now=now,
        application=application,
    )


def test_starting_an_email_repeats_the_condition_reserving_it_checks(
    application: Application, mail_account: MailAccount, now: datetime
) -> None:
    """Reserved first, then one application archived: the ORM's NOT_HELD and the start's
    single UPDATE agree on every row (no application, an open one, an archived one)."""
    archived = ApplicationFactory(owner=application.owner)
    digest = _queue(application.owner, now, None)
    open_one = _queue(application.owner, now, application)
    waiting = _queue(application.owner, now, archived)
    reserved = {email.pk: email for email in reserve(now, "w1", 10)}

    assert archive_application(archived, now)
    not_held = set(OutgoingEmail.objects.filter(NOT_HELD).values_list("pk", flat=True))
    started = {pk for pk, email in reserved.items() if start(email, now, "w1")}

    assert set(reserved) == {digest.pk, open_one.pk, waiting.pk}
    assert started == not_held == {digest.pk, open_one.pk}


def test_the_start_statement_holds_the_compiled_condition_itself() -> None:
    """The UPDATE's text carries NOT_HELD as Django compiles it, with its parameters last: the
    condition is written once."""
    held, params = not_held_sql(connection.alias)

    sql, extra = transitions._start_statement(connection.alias)

    assert sql.rstrip().endswith(held) and extra == params
    assert '"archived_at" IS NOT NULL' in held and "EXISTS" in held

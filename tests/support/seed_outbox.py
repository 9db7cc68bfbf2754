"""Fill a scratch database with due emails for the worker-process tests and the benchmark.

Run as ``python -m tests.support.seed_outbox --emails N --port P`` with AFTERWORD_DATA_DIR or
DATABASE_URL naming the scratch database: it migrates, adds one user whose mailbox is the SMTP
server on 127.0.0.1:P (no encryption, allowed on loopback), and queues N emails, all due now.
``--stall K`` gives email K the subject "STALL" and the earliest due time, so a test server
can hold that one message and a test can stop the worker in the middle of sending it.
"""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime, timedelta


def seed(emails: int, port: int, stall: int | None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "afterword.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from afterword.outbox.messages import new_message_id
    from afterword.outbox.models import MailAccount, OutgoingEmail

    call_command("migrate", interactive=False, verbosity=0)
    user = get_user_model().objects.create_user("load", "load@example.test", "unused-password")
    MailAccount.objects.create(
        user=user,
        host="127.0.0.1",
        port=port,
        security="none",
        username="",
        from_address="load@example.test",
        from_name="Load Test",
    )
    now = datetime.now(UTC)
    rows = []
    for number in range(emails):
        stalled = number == stall
        rows.append(
            OutgoingEmail(
                owner=user,
                to=f"employer{number}@example.test",
                subject="STALL" if stalled else f"Message {number}",
                body=f"Body of message {number}.\n",
                message_id=new_message_id("load@example.test"),
                # Earlier due times are claimed first; the stalled one leads the queue.
                due_at=now - timedelta(hours=1 if stalled else 0, seconds=emails - number),
            )
        )
    OutgoingEmail.objects.bulk_create(rows, batch_size=500)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--emails", type=int, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--stall", type=int, default=None)
    arguments = parser.parse_args()
    seed(arguments.emails, arguments.port, arguments.stall)


if __name__ == "__main__":
    main()

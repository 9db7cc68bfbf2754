"""The user's mailbox: saving its settings and the "Send test email" check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

from afterword.outbox.messages import new_message_id, sender
from afterword.outbox.models import MailAccount
from afterword.outbox.smtp import SendError, send_message

# A person is waiting for the answer in the browser: give up sooner than the worker does.
TEST_TIMEOUT = 15.0
TEST_SUBJECT = "Afterword test email"


@dataclass(frozen=True)
class TestResult:
    ok: bool
    text: str


def send_test_email(account: MailAccount, now: datetime) -> TestResult:
    """Send a short message to the account's own address and keep the outcome on the account.

    This really connects, secures the connection, logs in and sends, exactly as the worker
    will; whatever goes wrong is reported in the words the worker would record.
    """
    message = EmailMessage()
    message["From"] = sender(account)
    message["To"] = account.from_address
    message["Subject"] = TEST_SUBJECT
    message["Date"] = format_datetime(now)
    message["Message-ID"] = new_message_id(account.from_address)
    message.set_content(
        "Afterword sent this message through "
        f"{account.host}:{account.port} to check your mail settings. They work: your "
        "thank-you notes and check-ins will go out from this mailbox, and copies will appear "
        "in your Sent folder if your provider keeps them.\n\nYou can delete this message.\n",
        charset="utf-8",
        cte="quoted-printable",
    )
    try:
        send_message(account, message, timeout=TEST_TIMEOUT)
    except SendError as error:
        result = TestResult(False, error.message)
    else:
        result = TestResult(True, f"Sent: check your inbox at {account.from_address}.")
    account.tested_at, account.test_ok, account.test_result = now, result.ok, result.text
    account.save(update_fields=["tested_at", "test_ok", "test_result", "updated_at"])
    return result

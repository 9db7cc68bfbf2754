"""Mail settings and the Outbox in headless Chromium: a real test email, states, phone widths."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from afterword.outbox.models import EmailState, OutgoingEmail
from afterword.outbox.queue import queue_email
from tests.factories import PASSWORD, ApplicationFactory, MailAccountFactory, UserFactory
from tests.support.smtp_server import PASSWORD as SMTP_PASSWORD
from tests.support.smtp_server import USERNAME, SmtpServer
from tests.web.browser import assert_no_horizontal_scroll, log_in, open_page

# The browser fixtures live with the web tests; importing them makes them usable here.
from tests.web.conftest import chromium, shoot  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture
def sam(transactional_db: None) -> Any:
    return UserFactory(username="sam", email="sam@example.test")


@pytest.fixture
def outbox_rows(sam: Any) -> list[OutgoingEmail]:
    """One email in each state the page explains."""
    MailAccountFactory(user=sam)
    application = ApplicationFactory(owner=sam, employer="Harbour Logistics")
    now = datetime.now(UTC)
    rows = []
    for subject, to, changes in [
        ("Thank you for Monday, Priya", "priya@harbour.example", {"state": "sent"}),
        ("Checking in on the analyst role", "priya@harbour.example", {"state": "uncertain"}),
        (
            "Thank you, Tomasz",
            "tomasz.wilk-recruitment-team@harbour-logistics-international.example",
            {
                "state": "failed",
                "attempts": 6,
                "last_error": "Not sent after 6 attempts: Could not connect to "
                "smtp.example.com:587: connection refused.",
            },
        ),
        ("Following up on my application", "grace@harbour.example", {}),
    ]:
        email = queue_email(
            sam,
            to=to,
            subject=subject,
            body="Thank you.",
            now=now,
            due_at=now + timedelta(days=2),
            application=application,
        )
        if changes.get("state") == "sent":
            changes["sent_at"] = now - timedelta(hours=3)
        if changes.get("state") == "uncertain":
            changes["last_error"] = (
                "The worker stopped while sending this email, so we could not confirm that it "
                "was sent."
            )
        OutgoingEmail.objects.filter(pk=email.pk).update(**changes)
        rows.append(email)
    return rows


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_connecting_a_mailbox_and_sending_a_test_email(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    sam: Any,
    smtp_server: SmtpServer,
    shoot: Callable[..., Path],  # noqa: F811
    viewport: str,
) -> None:
    """From Settings: a wrong host is named at its field; saved, the test email really arrives."""
    base = str(live_server)
    context, page = open_page(chromium, viewport)
    log_in(page, base, "sam", PASSWORD)
    page.goto(f"{base}/settings/")
    page.get_by_role("link", name="Set up sending from your mailbox").click()

    page.get_by_label("SMTP server").fill("smtp://localhost:25")
    page.get_by_label("Port", exact=True).fill(str(smtp_server.port))
    page.get_by_label("User name").fill(USERNAME)
    page.get_by_label("App password").fill(SMTP_PASSWORD)
    page.get_by_role("button", name="Save mail settings").click()
    expect(page.get_by_text("Give just the server name").first).to_be_visible()
    assert SMTP_PASSWORD not in page.content()
    shoot(page, f"mail-settings-error-{viewport}")
    page.get_by_label("SMTP server").fill("localhost")
    page.get_by_label("App password").fill(SMTP_PASSWORD)
    page.get_by_role("button", name="Save mail settings").click()
    expect(page.get_by_text("Mail settings saved.")).to_be_visible()
    page.get_by_role("button", name="Send test email").click()

    expect(page.get_by_text("Sent: check your inbox at sam@example.test.")).to_be_visible()
    assert [item.recipients for item in smtp_server.mailbox.received] == [["sam@example.test"]]
    assert_no_horizontal_scroll(page)
    shoot(page, f"mail-settings-{viewport}")
    context.close()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_outbox_explains_each_state_and_resolves_an_uncertain_email(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    outbox_rows: list[OutgoingEmail],
    shoot: Callable[..., Path],  # noqa: F811
    viewport: str,
) -> None:
    """Sent, waiting, not sent and not confirmed read plainly; "It was sent" settles one."""
    base = str(live_server)
    context, page = open_page(chromium, viewport)
    log_in(page, base, "sam", PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Outbox").click()
    expect(page.get_by_text("We could not confirm that this email was sent.")).to_be_visible()
    expect(page.get_by_text("Could not connect to smtp.example.com:587")).to_be_visible()
    assert_no_horizontal_scroll(page)
    shoot(page, f"outbox-{viewport}")

    page.get_by_role("button", name="It was sent").click()

    expect(page.get_by_text("Noted: “Checking in on the analyst role” was sent.")).to_be_visible()
    uncertain = outbox_rows[1]
    uncertain.refresh_from_db()
    assert uncertain.state == EmailState.SENT
    shoot(page, f"outbox-confirmed-{viewport}")
    context.close()


@pytest.fixture
def planned(sam: Any, smtp_server: SmtpServer) -> Any:
    """Sam's mailbox on the test server, and an interview that ended two hours ago."""
    from afterword.tracker.services import replan
    from tests.factories import InterviewerFactory, InterviewFactory

    MailAccountFactory(
        user=sam,
        host="localhost",
        port=smtp_server.port,
        username=USERNAME,
        password=SMTP_PASSWORD,
        from_address="sam@example.test",
    )
    application = ApplicationFactory(owner=sam, employer="Harbour Logistics", role="Analyst")
    ended = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=2)
    person = InterviewerFactory(
        application=application, name="Priya Natarajan", email="priya@harbour.example"
    )
    InterviewFactory(
        application=application, start=ended - timedelta(hours=1), end=ended, interviewers=[person]
    )
    replan(application, datetime.now(UTC))
    return application


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_sending_a_thank_you_from_its_draft(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    planned: Any,
    smtp_server: SmtpServer,
    shoot: Callable[..., Path],  # noqa: F811
    viewport: str,
) -> None:
    """Send now queues it; the worker sends it; the draft and the Outbox both say it went."""
    from afterword.outbox.dispatch import send_due_emails

    base = str(live_server)
    context, page = open_page(chromium, viewport)
    log_in(page, base, "sam", PASSWORD)
    action = planned.actions.get(kind="thank_you_email")
    page.goto(f"{base}/actions/{action.pk}/draft/")
    expect(page.get_by_role("heading", name="Send from your mailbox")).to_be_visible()
    shoot(page, f"draft-send-{viewport}")

    page.get_by_role("button", name="Send now").click()
    expect(page.get_by_text("Going out now.")).to_be_visible()
    shoot(page, f"draft-queued-{viewport}")
    send_due_emails(datetime.now(UTC), "browser-test")
    page.reload()

    expect(page.get_by_text("You marked this sent on")).to_be_visible()
    [received] = smtp_server.mailbox.received
    assert received.recipients == ["priya@harbour.example"]
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Outbox").click()
    expect(page.get_by_text("Sent", exact=True)).to_be_visible()
    assert_no_horizontal_scroll(page)
    context.close()

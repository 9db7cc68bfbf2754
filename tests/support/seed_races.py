"""Fill a scratch database for the race tests: one member, one application per button.

Run as ``python -m tests.support.seed_races`` with AFTERWORD_DATA_DIR or DATABASE_URL naming
the scratch database. It migrates, adds the member ``racer`` with a signed-in session, and
prints one JSON object: the session key and the ids each burst of clicks aims at. Each button
gets its own application, because doing one action re-plans and renumbers that application's
actions.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from typing import Any


def seed() -> dict[str, Any]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "afterword.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from afterword.outbox.messages import new_message_id
    from afterword.outbox.models import EmailState, MailAccount, OutgoingEmail
    from afterword.tracker.models import Application, Draft, Interview, Interviewer
    from afterword.tracker.services import replan

    call_command("migrate", interactive=False, verbosity=0)
    user = get_user_model().objects.create_user("racer", "racer@example.test", "unused-password")
    MailAccount.objects.create(
        user=user,
        host="127.0.0.1",
        port=9,
        security="none",
        username="",
        from_address="racer@example.test",
        from_name="Racer",
    )
    now = datetime.now(UTC)

    def application(name: str, channel: str = "email") -> Application:
        row = Application.objects.create(
            owner=user,
            employer=f"{name} Ltd",
            role="Data Analyst",
            employer_timezone="America/New_York",
            employer_country="US",
            employer_subdivision="NY",
        )
        person = Interviewer.objects.create(
            application=row, name="Priya Natarajan", email="priya@example.test"
        )
        interview = Interview.objects.create(
            application=row,
            round=1,
            start=now - timedelta(hours=20),
            end=now - timedelta(hours=19),
            preferred_channel=channel,
        )
        interview.interviewers.set([person])
        replan(row, now)
        return row

    def action_id(row: Application, kind: str) -> int:
        return int(row.actions.filter(kind=kind).values_list("pk", flat=True)[0])

    def draft(row: Application) -> Draft:
        action = row.actions.get(kind="thank_you_email")
        return Draft.objects.create(
            application=row,
            owner=user,
            kind=action.kind,
            interview=action.interview,
            interviewer=action.interviewer,
            subject="Thank you",
            body="Thank you for yesterday's conversation.\n",
        )

    def email(row: Application, state: str) -> int:
        sent = draft(row)
        return OutgoingEmail.objects.create(
            owner=user,
            application=row,
            draft=sent,
            to="priya@example.test",
            subject=sent.subject,
            body=sent.body,
            message_id=new_message_id("racer@example.test"),
            due_at=now + timedelta(days=1),
            event_type="thank_you_sent",
            state=state,
        ).pk

    done, snooze, call = application("Done"), application("Snooze"), application("Call", "phone")
    news, sent = application("News"), application("Sent")
    confirm, cancel = application("Confirm"), application("Cancel")
    client = Client()
    client.force_login(user)
    return {
        "session": client.cookies["sessionid"].value,
        "done": {"application": done.pk, "action": action_id(done, "thank_you_email")},
        "snooze": {"application": snooze.pk, "action": action_id(snooze, "thank_you_email")},
        "no_answer": {"application": call.pk, "action": action_id(call, "check_in_call")},
        "news": {"application": news.pk, "seen": news.planned_at.isoformat()},  # type: ignore[union-attr]
        "sent": {"application": sent.pk, "draft": draft(sent).pk},
        "confirm": {"application": confirm.pk, "email": email(confirm, EmailState.UNCERTAIN)},
        "cancel": {"application": cancel.pk, "email": email(cancel, EmailState.PENDING)},
    }


if __name__ == "__main__":
    print(json.dumps(seed()))

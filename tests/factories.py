"""factory_boy factories for the tracker's models, shared by the tracker and web tests.

The defaults describe one ordinary case: a Monday-morning interview in New York on
2 March 2026 with one interviewer, planned with the standard profile.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from afterword.infra.crypto import encrypt
from afterword.outbox.models import MailAccount
from afterword.reminders.models import NotificationChannel
from afterword.tracker.models import Application, Event, Interview, Interviewer

PASSWORD = "a-long-test-password"
# Mon 2 Mar 2026, 10:00-11:00 in New York (UTC-5 before the DST change on 8 Mar).
INTERVIEW_START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"seeker{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.test")
    password = factory.django.Password(PASSWORD)


class ApplicationFactory(DjangoModelFactory):
    class Meta:
        model = Application

    owner = factory.SubFactory(UserFactory)
    employer = factory.Sequence(lambda n: f"Harbour Logistics {n}")
    role = "Data Analyst"
    job_code = factory.Sequence(lambda n: f"REQ-{4100 + n}")
    employer_timezone = "America/New_York"
    employer_country = "US"
    employer_subdivision = "NY"
    employer_style = "unknown"


class InterviewerFactory(DjangoModelFactory):
    class Meta:
        model = Interviewer

    application = factory.SubFactory(ApplicationFactory)
    name = factory.Iterator(["Priya Natarajan", "Tomasz Wilk", "Grace Okafor", "Luis Ferreira"])
    title = "Team Lead"
    email = factory.LazyAttribute(
        lambda person: f"{person.name.split()[0].lower()}@harbour.example"
    )
    phone = "+1 212 555 0142"


class InterviewFactory(DjangoModelFactory):
    """An interview; pass ``interviewers=[...]`` to attach people (default: one new person)."""

    class Meta:
        model = Interview
        skip_postgeneration_save = True

    application = factory.SubFactory(ApplicationFactory)
    round = 1
    start = INTERVIEW_START
    end = factory.LazyAttribute(lambda interview: interview.start + timedelta(hours=1))

    @factory.post_generation
    def interviewers(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create:
            return
        people = (
            extracted
            if extracted is not None
            else [InterviewerFactory(application=self.application)]
        )
        self.interviewers.set(people)


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    application = factory.SubFactory(ApplicationFactory)
    at = factory.LazyFunction(lambda: INTERVIEW_START + timedelta(hours=6))
    type = "reply"


class MailAccountFactory(DjangoModelFactory):
    """A user's own mailbox; ``password`` is stored encrypted, as the settings page does."""

    class Meta:
        model = MailAccount

    class Params:
        password = "app-password-1234"

    user = factory.SubFactory(UserFactory)
    host = "127.0.0.1"
    port = 587
    security = "starttls"
    username = factory.LazyAttribute(lambda account: account.user.email)
    from_name = "Sam Rivera"
    from_address = factory.LazyAttribute(lambda account: account.user.email)
    password_encrypted = factory.LazyAttribute(lambda account: encrypt(account.password))


class NotificationChannelFactory(DjangoModelFactory):
    """A notification channel; ``url`` (an Apprise URL) is stored encrypted, as the page does."""

    class Meta:
        model = NotificationChannel

    class Params:
        url = "json://127.0.0.1:9/hook"

    owner = factory.SubFactory(UserFactory)
    label = factory.Sequence(lambda n: f"Channel {n}")
    url_encrypted = factory.LazyAttribute(lambda channel: encrypt(channel.url))
    service = "JSON"
    masked_url = factory.LazyAttribute(lambda channel: channel.url.split("?", 1)[0])

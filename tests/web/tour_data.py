"""The data of the visual tour (test_browser_tour.py): a full account, a coach and an outsider.

The demo account (tracker/demo.py) gives every state of an application; on top of it come the
things that break layouts: a long employer and role, eight interviewers with long titled names
in several scripts, many events, a reply to confirm, a bounce and an invitation on Today, an
outbox with every state, fifty more applications (the board's second page), a coach with a
long name and a career centre with a long one. The outsider has nothing: every empty state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from afterword.coaching import consent
from afterword.coaching.models import Membership, Role
from afterword.coaching.notes import write_note
from afterword.coaching.organisations import create_organisation
from afterword.inbox.models import InboxMessage, MailboxWatch
from afterword.outbox.models import EmailState, OutgoingEmail
from afterword.tracker.demo import DEMO_USERNAME, create_demo
from afterword.tracker.models import Application, Interview, Interviewer
from afterword.tracker.services import create_application, record_event, replan
from tests.factories import (
    PASSWORD,
    ApplicationFactory,
    MailAccountFactory,
    NotificationChannelFactory,
    UserFactory,
)
from tests.inbox import invitation_mail
from tests.inbox import mail as inbox_mail
from tests.inbox.fixtures import arrive

NEW_YORK = ZoneInfo("America/New_York")
LONG_EMPLOYER = "Harbour Logistics International Holdings – Nordic & Baltic Freight Division"
PEOPLE = [
    ("Priya Natarajan", "Head of Data Science and Machine Learning Platforms", "priya"),
    ("Tomasz Wilk", "Senior Analyst, Warehouse Forecasting", "tomasz"),
    ("Prof. Dr. Maximiliane Oberhauser-Lindqvist", "Chief Operating Officer (Interim)", "max"),
    ("Zoë Ødegård-Łukasiewicz", "Teamleiterin Lagerlogistik & Qualitätssicherung", "zoe"),
    ("Siobhán Ní Mhaolagáin", "Talent Acquisition Partner", "siobhan"),
    ("François-Xavier Dupont-Aignan", "Directeur des Opérations Internationales", "fx"),
    ("Nguyễn Thị Minh Khai", "Data Engineer", "minh"),
    ("Αλέξανδρος Παπαδόπουλος", "Principal Engineer, Routing Optimisation", "alex"),
]


@dataclass
class Tour:
    member: Any  # the demo account, with everything
    coach: Any
    outsider: Any
    harbour: Application
    organisation_pk: int
    invitation_pk: int


def build_tour() -> Tour:
    """Everything the tour visits, on the real clock (the live server's)."""
    now = datetime.now(UTC).replace(microsecond=0)
    create_demo(now)
    member = get_user_model().objects.get(username=DEMO_USERNAME)
    member.first_name, member.last_name = "Jordan", "Avery-Nakamura de la Cruz"
    member.email = inbox_mail.USER_ADDRESS
    member.set_password(PASSWORD)
    member.save(update_fields=["first_name", "last_name", "email", "password"])
    harbour = _harbour(member, now)
    for n in range(50):
        ApplicationFactory(owner=member, employer=f"Sample Employer {n:02d}", role="Analyst")
    _inbox(member, now)
    _outbox(member, harbour, now)
    MailAccountFactory(user=member, from_name="Jordan Avery")
    NotificationChannelFactory(owner=member, label="Phone: ntfy on Jordan's Pixel 8 Pro")
    coach, organisation_pk = _coaching(member, now)
    outsider = UserFactory(username="outsider", first_name="Olu", last_name="Stranger")
    invitation = InboxMessage.objects.get(watch__user=member, kind="invitation")
    return Tour(member, coach, outsider, harbour, organisation_pk, invitation.pk)


def _harbour(member: Any, now: datetime) -> Application:
    """Two rounds with eight people, thanked, another offer: an expedite message is planned."""
    application = create_application(
        member,
        LONG_EMPLOYER,
        now,
        role="Senior Data Platform Engineer (Warehouse Optimisation & Demand Forecasting)",
        job_code="HLI-2026-NORDIC-00417-B",
        employer_timezone="America/New_York",
        employer_country="US",
        employer_subdivision="NY",
    )
    people = [
        Interviewer.objects.create(
            application=application,
            name=name,
            title=title,
            email=f"{handle}@harbour.example",
            is_primary=handle == "priya",
        )
        for name, title, handle in PEOPLE
    ]
    first_end = now - timedelta(days=9)
    first = Interview.objects.create(
        application=application,
        round=1,
        start=first_end - timedelta(hours=1),
        end=first_end,
        emphasised="Getting the Gdańsk and Göteborg warehouses onto one forecasting model.",
        preferred_channel="email",
    )
    first.interviewers.set(people[:4])
    for person in people[:4]:
        record_event(
            application,
            "thank_you_sent",
            now,
            at=first_end + timedelta(hours=3),
            interview=first,
            interviewer=person,
        )
    record_event(application, "next_round", now, at=first_end + timedelta(days=2))
    second_end = now - timedelta(days=3)
    second = Interview.objects.create(
        application=application,
        round=2,
        start=second_end - timedelta(hours=2),
        end=second_end,
        preferred_channel="email",
        decision_phrase="by the end of next week",
    )
    second.interviewers.set(people)
    for person in people[:2]:
        record_event(
            application,
            "thank_you_sent",
            now,
            at=second_end + timedelta(hours=2),
            interview=second,
            interviewer=person,
        )
    deadline = (now + timedelta(days=10)).date()
    record_event(
        application,
        "other_offer",
        now,
        at=now - timedelta(days=1),
        deadline=deadline,
        note="Ålesund Seafood Ånalytics offered a similar role; they need an answer soon.",
    )
    replan(application, now)
    return application


def _inbox(member: Any, now: datetime) -> None:
    """A reply to confirm, a bounce and an invitation, as the watcher would record them."""
    watch = MailboxWatch.objects.create(
        user=member, host="127.0.0.1", port=1, security="none", username=member.email
    )
    arrive(watch, inbox_mail.no_decision_yet(when=now - timedelta(hours=1)))
    arrive(watch, inbox_mail.bounce("tomasz@harbour.example", when=now - timedelta(minutes=50)))
    day: date = (now + timedelta(days=7)).astimezone(NEW_YORK).date()
    arrive(
        watch,
        invitation_mail.google_invitation(
            when=now - timedelta(minutes=20),
            start=f"{day:%Y%m%d}T140000",
            end=f"{day:%Y%m%d}T150000",
        ),
    )


def _outbox(member: Any, application: Application, now: datetime) -> None:
    states = [
        (EmailState.PENDING, now + timedelta(hours=2), ""),
        (EmailState.FAILED, now - timedelta(hours=5), "535 5.7.8 Authentication failed"),
        (EmailState.HELD, now - timedelta(hours=1), ""),
        (EmailState.SENT, now - timedelta(days=2), ""),
    ]
    for n, (state, due, error) in enumerate(states):
        OutgoingEmail.objects.create(
            owner=member,
            application=application,
            to="priya@harbour.example, maximiliane.oberhauser-lindqvist@harbour.example",
            subject=f"Thank you for Tuesday's conversation about the Nordic forecasting work ({n})",
            body="Thank you for the conversation.",
            message_id=f"<tour-{n}@example.test>",
            state=state,
            due_at=due,
            sent_at=due if state == EmailState.SENT else None,
            last_error=error,
        )


def _coaching(member: Any, now: datetime) -> tuple[Any, int]:
    """A coach (the centre's admin) with a long name at a centre with a long name, trusted by
    the member and by a quiet student with no applications."""
    coach = UserFactory(
        username="coach", first_name="Marguerite-Éloïse", last_name="Vandenberghe-Santos"
    )
    organisation = create_organisation(
        "Université Lumière – Centre d'Orientation et d'Insertion Professionnelle", "coach", now
    )
    Membership.objects.create(
        organisation=organisation, user=member, role=Role.STUDENT, joined_at=now
    )
    quiet = UserFactory(username="quiet", first_name="Inês", last_name="Carvalho")
    Membership.objects.create(
        organisation=organisation, user=quiet, role=Role.STUDENT, joined_at=now
    )
    staff = Membership.objects.get(organisation=organisation, user=coach)
    consent.grant(member, staff.pk, True, now)
    consent.grant(quiet, staff.pk, False, now)
    write_note(
        coach,
        member.pk,
        "nudge",
        "Your Harbour thank-yous to the second panel are late: send them this morning, "
        "then tell me how the Ålesund offer changes your timing.",
        timezone.now(),
    )
    return coach, organisation.pk


__all__ = ["PASSWORD", "Tour", "build_tour"]

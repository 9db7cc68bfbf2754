"""The user's own records as the matcher needs them: messages we sent, people met, applications.

Built once per poll with three queries; only applications still open (not decided) take part,
so news about a finished application is never read as news.
"""

from __future__ import annotations

from django.db.models import F, Max

from afterword.inbox.matching import Contact, Directory, Place, Sent
from afterword.outbox.models import EmailState, OutgoingEmail
from afterword.tracker import access
from afterword.tracker.models import Application, Interviewer, Status, UserSettings

# Sent, or maybe sent: a reply to an "uncertain" message proves it went out.
_SENT_STATES = (EmailState.SENT, EmailState.UNCERTAIN)


def directory_for(user_id: int) -> Directory:
    """The matcher's view of one user's open applications, newest interview first."""
    open_applications = (
        access.belonging_to(user_id, Application)
        .exclude(status=Status.DECIDED)
        .annotate(last_interview=Max("interviews__end"))
        .order_by(F("last_interview").desc(nulls_last=True), "-created_at", "-pk")
        .values_list("pk", "employer_country", "employer_subdivision")
    )
    places: dict[int, Place] = {
        pk: (country, subdivision or None) for pk, country, subdivision in open_applications
    }
    ranked = list(places)
    sent = [
        Sent(message_id, subject, application_id)
        for message_id, subject, application_id in access.belonging_to(user_id, OutgoingEmail)
        .filter(state__in=_SENT_STATES, application_id__in=ranked)
        .values_list("message_id", "subject", "application_id")
    ]
    contacts = [
        Contact(email, application_id, pk)
        for pk, email, application_id in Interviewer.objects.filter(application_id__in=ranked)
        .exclude(email="")
        .values_list("pk", "email", "application_id")
    ]
    own = access.belonging_to(user_id, UserSettings).first()
    home: Place = (own.country, own.subdivision or None) if own else ("US", None)
    return Directory(sent=sent, contacts=contacts, applications=ranked, places=places, home=home)

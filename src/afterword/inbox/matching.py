"""Which application an incoming message belongs to, if any.

The ``Directory`` is what the user's own records say (messages we sent, the people met), built
once per poll from the database; ``match`` is pure. A message that matches nothing is not ours
to read: the watcher drops it without storing anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from afterword.inbox.freemail import domain_of, is_free_mail
from afterword.inbox.message import Incoming

How = Literal["thread", "address", "domain", "subject"]
# A country (ISO 3166) and its subdivision, whose public holidays a reading counts.
Place = tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class Sent:
    """A message we sent for an application."""

    message_id: str
    subject: str
    application_id: int


@dataclass(frozen=True, slots=True)
class Contact:
    """A person met for an application, with the address on record."""

    email: str
    application_id: int
    interviewer_id: int


@dataclass(frozen=True, slots=True)
class Match:
    application_id: int
    how: How
    # The person it came from, when the sender's address is one on record.
    interviewer_id: int | None = None


@dataclass(slots=True)
class Directory:
    """Lookup tables over one user's active applications.

    ``applications`` lists the ids of the applications that may be matched, the most recent
    first: when an address or a domain belongs to two applications, the newer one wins.
    ``places`` gives each application's employer country, ``home`` the user's own (for a
    message that answers no application).
    """

    sent: Iterable[Sent]
    contacts: Iterable[Contact]
    applications: Iterable[int]
    places: dict[int, Place] = field(default_factory=dict)
    home: Place = ("US", None)
    by_message_id: dict[str, int] = field(init=False)
    by_subject: dict[str, int] = field(init=False)
    by_address: dict[str, Contact] = field(init=False)
    by_domain: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        rank = {app: position for position, app in enumerate(self.applications)}
        self.applications = tuple(rank)
        newest_first = sorted(
            (item for item in self.sent if item.application_id in rank),
            key=lambda item: rank[item.application_id],
        )
        self.sent = tuple(newest_first)
        self.by_message_id = {}
        self.by_subject = {}
        for item in newest_first:
            self.by_message_id.setdefault(item.message_id, item.application_id)
            key = subject_key(item.subject)
            if key:
                self.by_subject.setdefault(key, item.application_id)
        people = sorted(
            (c for c in self.contacts if c.application_id in rank and "@" in c.email),
            key=lambda c: rank[c.application_id],
        )
        self.contacts = tuple(people)
        self.by_address = {}
        self.by_domain = {}
        for person in people:
            address = person.email.strip().lower()
            self.by_address.setdefault(address, person)
            domain = domain_of(address)
            if not is_free_mail(domain):
                self.by_domain.setdefault(domain, person.application_id)

    def place(self, found: Match | None) -> Place:
        """The country a message is read against: its employer's, else the user's."""
        if found is None:
            return self.home
        return self.places.get(found.application_id, self.home)

    def domain_application(self, domain: str) -> int | None:
        """The application whose people write from ``domain`` or a domain above it."""
        labels = domain.split(".")
        for start in range(len(labels) - 1):
            found = self.by_domain.get(".".join(labels[start:]))
            if found is not None:
                return found
        return None


def match(incoming: Incoming, directory: Directory) -> Match | None:
    """The application ``incoming`` answers, and how we know.

    1. Thread: In-Reply-To or References names a Message-ID we sent.
    2. Address: the sender is a person met for the application.
    3. Domain: the sender writes from the employer's domain (or a subdomain of it), learned from
       the people's addresses; free-mail domains never count.
    4. Subject: "Re: <the subject of a message we sent>".
    """
    for message_id in incoming.refers_to:
        found = directory.by_message_id.get(message_id)
        if found is not None:
            return Match(found, "thread", _person(incoming, directory, found))
    person = directory.by_address.get(incoming.sender)
    if person is not None:
        return Match(person.application_id, "address", person.interviewer_id)
    domain = incoming.sender_domain
    if domain and not is_free_mail(domain):
        found = directory.domain_application(domain)
        if found is not None:
            return Match(found, "domain")
    if is_reply_subject(incoming.subject):
        found = directory.by_subject.get(subject_key(incoming.subject))
        if found is not None:
            return Match(found, "subject", _person(incoming, directory, found))
    return None


def _person(incoming: Incoming, directory: Directory, application_id: int) -> int | None:
    person = directory.by_address.get(incoming.sender)
    if person is not None and person.application_id == application_id:
        return person.interviewer_id
    return None


# "Re:", "AW:", "SV:", "Antw:", "Fwd:" and friends, possibly repeated or numbered ("Re[2]:").
_PREFIX = re.compile(
    r"^\s*(?:re|aw|sv|vs|antw|odp|r|ref|rif|fw|fwd|wg|tr|enc)\s*(?:\[\d+\])?\s*:\s*", re.I
)
_REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|sv|vs|antw|odp|r|ref|rif)\s*(?:\[\d+\])?\s*:", re.I)


def is_reply_subject(subject: str) -> bool:
    return bool(_REPLY_PREFIX.match(subject))


def subject_key(subject: str) -> str:
    """The subject without reply and forward prefixes, spaces collapsed, case folded."""
    text = subject
    while True:
        stripped = _PREFIX.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return " ".join(text.split()).casefold()

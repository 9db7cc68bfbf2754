"""Matching a message to an application: thread, address, employer domain, subject; else none."""

from __future__ import annotations

import pytest

from afterword.inbox.freemail import is_free_mail
from afterword.inbox.matching import Contact, Directory, Match, Sent, match, subject_key
from tests.inbox import mail as inbox_mail
from tests.inbox.parse import incoming as incoming_of

HARBOUR, NORTHWIND = 1, 2


def directory(**overrides) -> Directory:
    """Two active applications: Harbour (newest) and Northwind."""
    values = {
        "sent": [
            Sent("<thanks@example.test>", "Thank you for Monday", HARBOUR),
            Sent("<nw@example.test>", "Following up on the analyst role", NORTHWIND),
        ],
        "contacts": [
            Contact("priya@harbour.example", HARBOUR, 11),
            Contact("Dana.Reyes@Northwind.example", NORTHWIND, 21),
            Contact("dana.personal@gmail.com", NORTHWIND, 22),
        ],
        "applications": [HARBOUR, NORTHWIND],
        **overrides,
    }
    return Directory(**values)


def incoming(sender: str, subject: str = "Hello", **fields):
    return incoming_of(inbox_mail.email(sender, subject, "Hi.", **fields))


def test_a_reply_in_our_thread_matches_by_message_id_even_from_an_unknown_address():
    """In-Reply-To naming our Message-ID is the strongest sign, whoever writes."""
    message = incoming("someone@elsewhere.example", "Re: x", in_reply_to="<nw@example.test>")

    assert match(message, directory()) == Match(NORTHWIND, "thread")


def test_a_reference_deeper_in_the_thread_also_matches():
    """Our Message-ID further back in References (not In-Reply-To) matches Harbour by thread."""
    message = incoming(
        "a@b.example",
        in_reply_to="<theirs@b.example>",
        references="<thanks@example.test> <theirs@b.example>",
    )

    assert match(message, directory()) == Match(HARBOUR, "thread")


def test_the_thread_match_names_the_person_when_the_sender_is_on_record():
    """A thread match from Priya's address, whatever its case, also names Priya (contact 11)."""
    message = incoming("Priya <PRIYA@harbour.example>", in_reply_to="<thanks@example.test>")

    assert match(message, directory()) == Match(HARBOUR, "thread", 11)


def test_a_known_address_matches_whatever_the_case():
    """dana.reyes@northwind.example matches Dana's Dana.Reyes@Northwind.example by address."""
    assert match(incoming("dana.reyes@northwind.example"), directory()) == Match(
        NORTHWIND, "address", 21
    )


def test_a_new_address_at_the_employers_domain_matches_by_domain():
    """An unknown talent@harbour.example matches Harbour by its domain."""
    assert match(incoming("talent@harbour.example"), directory()) == Match(HARBOUR, "domain")


def test_a_subdomain_of_the_employers_domain_matches():
    """An address at careers.harbour.example matches Harbour by domain too."""
    assert match(incoming("noreply@careers.harbour.example"), directory()) == Match(
        HARBOUR, "domain"
    )


def test_a_free_mail_domain_never_becomes_an_employer_domain():
    """Dana wrote once from gmail.com; a gmail.com stranger is still a stranger."""
    assert match(incoming("alex.moreau@gmail.com"), directory()) is None


def test_the_interviewers_own_free_mail_address_still_matches_exactly():
    """Dana's own gmail.com address still matches Northwind by address, free mail or not."""
    assert match(incoming("dana.personal@gmail.com"), directory()) == Match(
        NORTHWIND, "address", 22
    )


def test_re_our_subject_matches_a_thread_we_started():
    """A reply that lost its In-Reply-To still answers "Re: <our subject>"."""
    message = incoming("x@elsewhere.example", "RE: AW:  thank you for monday")

    assert match(message, directory()) == Match(HARBOUR, "subject")


def test_our_subject_without_a_reply_prefix_is_not_a_reply():
    """ "Thank you for Monday" without "Re:", from a stranger, matches nothing."""
    assert match(incoming("x@elsewhere.example", "Thank you for Monday"), directory()) is None


def test_an_address_shared_by_two_applications_goes_to_the_newest():
    """The same recruiter handles two applications: the most recent one wins."""
    shared = directory(
        contacts=[
            Contact("hr@agency.example", NORTHWIND, 31),
            Contact("hr@agency.example", HARBOUR, 32),
        ]
    )

    assert match(incoming("hr@agency.example"), shared) == Match(HARBOUR, "address", 32)


def test_applications_not_listed_are_never_matched():
    """Decided applications are left out of the directory, so nothing matches them."""
    only_harbour = directory(applications=[HARBOUR])

    assert match(incoming("dana.reyes@northwind.example"), only_harbour) is None
    assert match(incoming("x@y.example", in_reply_to="<nw@example.test>"), only_harbour) is None


@pytest.mark.parametrize(
    "domain",
    [
        "gmail.com",
        "outlook.com",
        "hotmail.com",
        "yahoo.com",
        "icloud.com",
        "proton.me",
        "gmx.net",
        "gmx.de",
        "web.de",
        "GMAIL.COM.",
    ],
)
def test_common_free_mail_domains_are_free_mail(domain):
    """Gmail, Outlook, Yahoo, GMX, web.de and the like (any case, trailing dot) are free mail."""
    assert is_free_mail(domain)


def test_an_employers_domain_is_not_free_mail():
    """An employer's domain such as harbour.example is not free mail."""
    assert not is_free_mail("harbour.example")


def test_subject_key_drops_prefixes_numbering_and_case():
    """ "Re[2]: Fwd: RE:  Thank   You" keys as "thank you": prefixes, spaces and case dropped."""
    assert subject_key("Re[2]: Fwd: RE:  Thank   You") == "thank you"

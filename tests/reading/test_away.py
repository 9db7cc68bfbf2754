"""Automatic replies told apart from people who mention an absence: reading/away.py."""

from __future__ import annotations

from afterword.reading.away import read_away
from afterword.reading.message import Mail
from afterword.reading.quoting import own_words
from tests.reading.builders import mail_of


def away(mail: Mail):
    words, quoted = own_words(mail.text)
    return read_away(mail, words, quoted=quoted)


def test_an_rfc_3834_header_with_an_away_text_is_a_sure_automatic_reply():
    """Auto-Submitted: auto-replied and a confirming body."""
    found = away(mail_of("I'm out of the office until Friday.", ("Auto-Submitted", "auto-replied")))

    assert found is not None and found.confident
    assert found.evidence == "I'm out of the office until Friday."


def test_an_rfc_3834_header_without_an_away_text_is_an_unsure_automatic_reply():
    """The header decides; the missing confirmation makes it low."""
    found = away(mail_of("Your ticket number is 4471.", ("X-Autoreply", "yes")))

    assert found is not None and not found.confident
    assert found.evidence == "X-Autoreply: yes"


def test_auto_generated_without_an_away_text_is_not_an_automatic_reply():
    """Tracking systems mark recruiters' own messages auto-generated."""
    found = away(
        mail_of(
            "Thank you for your interest. We have decided to move forward with other candidates.",
            ("Auto-Submitted", "auto-generated"),
        )
    )

    assert found is None


def test_a_subject_alone_never_makes_an_automatic_reply():
    """'Out of office' in the subject of a person's question is a person's message."""
    found = away(
        mail_of(
            "Hi Sam, I'm out of the office until Wednesday. Can you do Thursday at 2pm?",
            ("Subject", "Out of office"),
        )
    )

    assert found is None


def test_a_greeting_by_the_recipients_name_says_a_person_wrote():
    """Vacation programs cannot greet Sam by name."""
    found = away(
        mail_of(
            "Sam, I'm away until Monday but wanted you to hear it from me: we will offer you "
            "the role.",
            ("Subject", "Away until Monday"),
            ("X-Auto-Response-Suppress", "All"),
        )
    )

    assert found is None


def test_a_system_subject_and_an_away_text_without_headers_is_an_unsure_automatic_reply():
    """An old client rule sets no header: the format and the text together, low."""
    found = away(
        mail_of(
            "I am out of the office until Tuesday, December 8 and will reply when I return.",
            ("Subject", "Out of Office: Re: Next steps"),
        )
    )

    assert found is not None and not found.confident

"""The sender's own words only: reading/quoting.py."""

from __future__ import annotations

import pytest

from afterword.reading.quoting import own_words


@pytest.mark.parametrize(
    "quote",
    [
        "On Tue, Dec 1, 2026 at 9:00 AM Lena Fischer <lena@quarry.example> wrote:\n> Old words.",
        "-----Original Message-----\nFrom: Sam\nSent: Monday\nTo: Lena\nSubject: Hi\n\nOld words.",
        "Von: Sam Rivera\nGesendet: Montag, 30. November 2026 10:00\nAn: Lena\nBetreff: Hallo"
        "\n\nOld words.",
        "Le lun. 30 nov. 2026 à 10:00, Sam Rivera <sam@x.example> a écrit :\n> Old words.",
        "Em seg., 30 de nov. de 2026 às 10:00, Sam Rivera <sam@x.example> escreveu:\n> Old.",
        "---------- Forwarded message ---------\nFrom: Anna\nDate: Tue\n\nOld words.",
    ],
)
def test_quoted_history_in_any_language_is_not_the_senders_words(quote: str):
    """Only the text above the quote header is kept, and the quote is noticed."""
    text = "We will decide by the 20th.\n\n" + quote

    words, quoted = own_words(text)

    assert words == "We will decide by the 20th."
    assert quoted


def test_a_signature_is_dropped():
    """Sign-offs and what follows them are not read."""
    words, _ = own_words("We'd like to offer you the role.\n\nBest regards,\nRuth\nHead of HR")

    assert words == "We'd like to offer you the role."


def test_lines_quoted_with_a_marker_and_no_header_are_dropped():
    """A bare '>' quote is someone else's words."""
    words, quoted = own_words("Sounds good.\n> Automatic reply: I am away until the 3rd.")

    assert words == "Sounds good."
    assert quoted


def test_a_message_without_quotes_is_kept_whole():
    """Nothing is cut from a plain message."""
    words, quoted = own_words("I'm out of the office until Friday.")

    assert (words, quoted) == ("I'm out of the office until Friday.", False)

"""Suggesting what a reply means: clear phrases, a fixed order, and the sentence as evidence."""

from __future__ import annotations

from datetime import date

import pytest

from afterword.inbox.meaning import decision_date, suggest

RECEIVED_ON = date(2026, 3, 4)  # a Wednesday


@pytest.mark.parametrize(
    "text",
    [
        "I am delighted to offer you the position of Data Analyst.",
        "We would like to offer you the role, starting in April.",
        "Please find attached your offer letter.",
        "We are happy to extend a formal offer.",
    ],
)
def test_an_offer_is_suggested_as_an_offer(text):
    """Offer wording ("delighted to offer", "your offer letter") is suggested as an offer."""
    assert suggest(text, "Good news", RECEIVED_ON).meaning == "offer"


@pytest.mark.parametrize(
    "text",
    [
        "We regret to inform you that we will not be moving forward.",
        "We have decided to move forward with another candidate.",
        "Unfortunately your application has not been successful.",
        "We are unable to offer you the position at this time.",
        "We won't be inviting you to the next round.",
        "The position has now been filled.",
    ],
)
def test_a_rejection_is_suggested_even_when_it_borrows_offer_or_round_words(text):
    """Rejection is checked first: "unable to offer", "not ... the next round"."""
    assert suggest(text, "Your application", RECEIVED_ON).meaning == "rejection"


@pytest.mark.parametrize(
    "text",
    [
        "The panel would like to invite you to a second interview.",
        "Could we schedule a call with the hiring manager next week?",
        "The next step is a take-home exercise.",
        "We'd love for you to meet the team on site.",
    ],
)
def test_an_invitation_to_another_round_is_next_round(text):
    """A second interview, a call, a take-home or meeting the team is suggested as next_round."""
    assert suggest(text, "Next steps", RECEIVED_ON).meaning == "next_round"


def test_no_decision_with_a_date_carries_the_new_date():
    """ "We expect to decide by the 20th" on Wed 4 Mar means Fri 20 Mar."""
    suggestion = suggest("No decision yet. We expect to decide by the 20th.", "Re: hi", RECEIVED_ON)

    assert suggestion.meaning == "no_decision"
    assert suggestion.new_date == date(2026, 3, 20)
    assert suggestion.evidence == "We expect to decide by the 20th."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will get back to you by the end of next week.", date(2026, 3, 13)),
        ("You will hear from us within 10 days.", date(2026, 3, 14)),
        # Early next week is its Monday and Tuesday (rules/phrases): Tue 10 Mar.
        ("We hope to have an update for you early next week.", date(2026, 3, 10)),
        ("The team will let you know on Friday.", date(2026, 3, 6)),
    ],
)
def test_the_new_date_is_read_with_the_phrase_parser(text, expected):
    """Phrases like "end of next week" or "within 10 days", read on Wed 4 Mar, give the new date."""
    suggestion = suggest(text, "Re: Checking in", RECEIVED_ON)

    assert (suggestion.meaning, suggestion.new_date) == ("no_decision", expected)


def test_no_decision_without_a_date_has_no_date():
    """ "Still interviewing, no decision" with no date named is no_decision with no new date."""
    suggestion = suggest("We are still interviewing and have not made a decision.", "", RECEIVED_ON)

    assert (suggestion.meaning, suggestion.new_date) == ("no_decision", None)


def test_a_reply_that_says_nothing_decisive_is_other():
    """A thank-you for the thank-you is a reply, and nothing more."""
    suggestion = suggest("Thanks Sam, it was lovely to meet you too!", "Re: Thank you", RECEIVED_ON)

    assert (suggestion.meaning, suggestion.evidence) == ("other", "")


def test_the_subject_counts_too():
    """An offer said only in the subject line is still an offer."""
    assert suggest("Details attached.", "Job offer: Data Analyst", RECEIVED_ON).meaning == "offer"


def test_evidence_is_the_sentence_that_decided():
    """The evidence is only the sentence that decided ("...we have chosen another candidate.")."""
    suggestion = suggest(
        "Thanks for coming in. After some thought we have chosen another candidate. Best of luck.",
        "Update",
        RECEIVED_ON,
    )

    assert suggestion.evidence == "After some thought we have chosen another candidate."


def test_a_date_that_is_already_over_is_not_a_new_date():
    """ "We hoped to decide by 1 March", read on 4 March, gives no date."""
    assert decision_date("We hoped to decide by 1 March 2026.", RECEIVED_ON) is None

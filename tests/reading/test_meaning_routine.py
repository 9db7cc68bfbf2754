"""Routine mail (receipts, paperwork, answers, away notes, thanks, bulk mail) reads as "other"."""

from __future__ import annotations

from datetime import date

import pytest

from afterword.reading.meaning import MeaningReading, read_meaning

SENT_ON = date(2026, 3, 4)


def reading(text: str) -> MeaningReading:
    return read_meaning(text, sent_on=SENT_ON, country="US", subdivision=None, language=None)


@pytest.mark.parametrize(
    "text",
    [
        "This is to confirm we have received your application. We'll be in touch if you are "
        "shortlisted.",
        "Eingangsbestätigung: Ihre Bewerbung ist bei uns eingegangen. Wir prüfen Ihre "
        "Unterlagen und melden uns.",
        "Hola Ana, hemos recibido tu candidatura. La revisaremos y te contactaremos si encaja.",
        "Could you send over a copy of your passport and your availability for the background "
        "check form?",
        "Pourriez-vous nous transmettre une copie de votre pièce d'identité ?",
        "Ich bin bis einschließlich 18. März nicht im Büro. Ihre Nachricht wird nicht "
        "weitergeleitet.",
        "Bonjour Alexis, merci pour votre petit mot, ce fut un plaisir de vous rencontrer.",
        "Hi Sam! I'm a recruiter at a fintech agency and came across your profile - open to "
        "new opportunities?",
        "Your application status has been updated. Log in to the candidate portal to view it.",
        "La lettre d'information de mars est arrivée : découvrez nos nouveaux locaux.",
    ],
)
def test_routine_mail_in_any_language_is_other(text: str) -> None:
    """A receipt, a document request, an away note, thanks or bulk mail is not a decision."""

    result = reading(text)

    assert result.meaning == "other"


def test_a_receipt_that_names_nothing_else_is_a_confident_other() -> None:
    """ "We have received your application" alone says surely that nothing is decided."""

    result = reading("Thanks! We have received your application and will review it soon.")

    assert (result.meaning, result.confidence) == ("other", "high")


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("Thank you for your application. We would like to invite you to an interview on "
         "Monday 9 March.", "next_round"),
        ("We have received your documents. Unfortunately we will not be moving forward.",
         "rejection"),
        ("We'd like to offer you the role. Please send a copy of your passport for the "
         "paperwork.", "offer"),
        ("We're still interviewing; thanks for sending your references, received.",
         "no_decision"),
    ],
)  # fmt: skip
def test_a_firm_cue_of_a_class_outranks_routine_words(text: str, meaning: str) -> None:
    """An invitation, rejection, offer or pending decision beside paperwork keeps its class."""

    result = reading(text)

    assert result.meaning == meaning


def test_a_meeting_that_was_is_not_a_next_round() -> None:
    """ "Thanks for the technical interview" before a rejection is about the past."""

    result = reading(
        "Thanks again for the technical interview. I'm afraid we won't be taking things "
        "further this time."
    )

    assert result.meaning == "rejection"

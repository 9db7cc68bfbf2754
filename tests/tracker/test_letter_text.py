"""Reading an edited letter back into the blocks of the printed page."""

from __future__ import annotations

from afterword.drafting.model import Letter
from afterword.drafting.thank_you import letter_text
from afterword.tracker.services.letter_text import letter_from_text

COMPOSED = Letter(
    sender_lines=("Sam Rivera", "12 Elm Street", "Brooklyn, NY 11201"),
    date_line="March 3, 2026",
    recipient_lines=("Priya Natarajan", "Head of Data", "Harbour Logistics"),
    salutation="Dear Priya Natarajan,",
    paragraphs=("Thank you for Monday.", "I remain keen on the role."),
    closing="Sincerely,",
    signature="Sam Rivera",
)


def test_an_untouched_letter_reads_back_as_composed() -> None:
    """The composed text, read back, gives the very same blocks."""
    text = letter_text(COMPOSED)

    assert letter_from_text(COMPOSED, text) == COMPOSED


def test_edited_paragraphs_and_sign_off_are_printed() -> None:
    """A rewritten paragraph, an added one and another sign-off all reach the page."""
    text = letter_text(COMPOSED).replace("I remain keen on the role.", "I am keen.\n\nP.S. Hi.")
    text = text.replace("Sincerely,", "Kind regards,")

    letter = letter_from_text(COMPOSED, text)

    assert letter.paragraphs == ("Thank you for Monday.", "I am keen.", "P.S. Hi.")
    assert (letter.closing, letter.signature) == ("Kind regards,", "Sam Rivera")
    assert letter.salutation == "Dear Priya Natarajan,"


def test_a_corrected_address_block_is_kept() -> None:
    """Fixing a line of the recipient block prints the fix."""
    text = letter_text(COMPOSED).replace("Head of Data", "Director of Data")

    letter = letter_from_text(COMPOSED, text)

    assert letter.recipient_lines == ("Priya Natarajan", "Director of Data", "Harbour Logistics")


def test_a_letter_cut_down_to_its_words_keeps_the_page_blocks() -> None:
    """Only salutation, text and sign-off typed: sender, date and recipient come from Afterword."""
    text = "Dear Priya,\n\nThanks again.\n\nBest wishes,\nSam"

    letter = letter_from_text(COMPOSED, text)

    assert letter.sender_lines == COMPOSED.sender_lines
    assert letter.date_line == COMPOSED.date_line
    assert (letter.salutation, letter.paragraphs) == ("Dear Priya,", ("Thanks again.",))
    assert (letter.closing, letter.signature) == ("Best wishes,", "Sam")


def test_a_letter_without_a_sign_off_prints_none() -> None:
    """When the user removed the sign-off, the page does not invent one."""
    text = "Dear Priya,\n\nThanks again."

    letter = letter_from_text(COMPOSED, text)

    assert (letter.paragraphs, letter.closing, letter.signature) == (("Thanks again.",), "", "")

"""The user's notes, names and addresses shaped to sit inside our sentences."""

from __future__ import annotations

from afterword.drafting.phrasing import (
    address_lines,
    first_name,
    formal_name,
    join_words,
    note_phrase,
)


def test_a_note_loses_its_full_stop_and_a_leading_function_word_its_capital():
    """ "Keeping the intake running." reads "keeping the intake running" inside a sentence."""
    assert note_phrase("Keeping the intake running.", 40) == "keeping the intake running"
    assert note_phrase("The new scheduling system", 40) == "the new scheduling system"


def test_a_note_starting_with_a_name_or_acronym_keeps_its_capitals():
    """Only function words and -ing forms are lowered; names and acronyms stay as typed."""
    assert note_phrase("Python testing at scale", 40) == "Python testing at scale"
    assert note_phrase("SQL reporting.", 40) == "SQL reporting"
    assert note_phrase("I can start in April.", 40) == "I can start in April"


def test_line_breaks_and_spaces_in_a_note_collapse():
    """A note typed over several lines becomes one phrase."""
    assert (
        note_phrase("  my audit of\n  duplicate   records \n", 40)
        == "my audit of duplicate records"
    )


def test_a_blank_note_is_no_note():
    """Nothing but spaces or dots: there is nothing to say."""
    assert note_phrase(" . ", 40) is None
    assert note_phrase(None, 40) is None


def test_a_long_note_keeps_its_first_sentence_then_a_whole_clause():
    """Shortening never leaves a dangling "and" or "the", and prefers a clause break."""
    text = (
        "Moving the intake desk to the new system, training the staff and checking every "
        "booking by hand. Then switching off the old one."
    )

    assert note_phrase(text, 20) == (
        "moving the intake desk to the new system, training the staff and checking every "
        "booking by hand"
    )
    assert note_phrase(text, 10) == "moving the intake desk to the new system"
    assert note_phrase("alpha beta gamma delta and the", 5) == "alpha beta gamma delta"


def test_a_warm_greeting_uses_the_first_name_after_any_title():
    """ "Dr. Katrin Hoffmann" -> "Katrin"; a single name is itself."""
    assert first_name("Dr. Katrin Hoffmann") == "Katrin"
    assert first_name("Ms Dana Reyes") == "Dana"
    assert first_name("Cher") == "Cher"


def test_names_are_joined_as_a_list_in_prose():
    """One, two and three items read naturally."""
    assert join_words(["A"]) == "A"
    assert join_words(["A", "B"]) == "A and B"
    assert join_words(["A", "B", "C"]) == "A, B and C"


def test_an_address_leaves_out_lines_already_above_it():
    """The company line of an address is not printed twice under the company's name."""
    address = "Kranich Feinmechanik GmbH\n Am Spreeufer 12 \n\n10179 Berlin"

    assert address_lines(address, "Kranich Feinmechanik GmbH") == (
        "Am Spreeufer 12",
        "10179 Berlin",
    )
    assert address_lines(None) == ()


def test_a_formal_address_keeps_the_title_and_surname_only_when_a_title_is_given():
    """ "Dr. Katrin Hoffmann" becomes "Dr. Hoffmann"; a name without a title stays whole."""
    assert formal_name("Dr. Katrin Hoffmann") == "Dr. Hoffmann"
    assert formal_name("Prof. Ana María López") == "Prof. López"
    assert formal_name("Dana Reyes") == "Dana Reyes"
    assert formal_name("Dr. Reyes") == "Dr. Reyes"


def test_a_one_line_address_is_split_into_postal_lines_but_a_us_state_stays_with_its_city():
    """The letter's recipient block reads line by line."""
    assert address_lines("Friedrichstraße 12, 10117 Berlin") == (
        "Friedrichstraße 12",
        "10117 Berlin",
    )
    assert address_lines("48 Orchard Lane, Brooklyn, NY 11215") == (
        "48 Orchard Lane",
        "Brooklyn, NY 11215",
    )
    assert address_lines("Am Spreeufer 12\n10179 Berlin") == ("Am Spreeufer 12", "10179 Berlin")


def test_a_note_starting_with_an_ordinary_word_is_lowered_but_a_product_name_is_not():
    """ "Well-tested SQL pipelines" sits mid-sentence in lower case; "Python testing" keeps it."""
    assert note_phrase("Well-tested SQL pipelines", 30) == "well-tested SQL pipelines"
    assert note_phrase("Claims reports for the board", 30) == "claims reports for the board"
    assert note_phrase("Python testing", 30) == "Python testing"
    assert note_phrase("React performance", 30) == "React performance"

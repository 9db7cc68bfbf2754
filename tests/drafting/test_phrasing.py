"""The user's notes, names and addresses shaped to sit inside our sentences."""

from __future__ import annotations

from afterword.drafting.phrasing import (
    address_lines,
    first_name,
    join_words,
    lowered_start,
    role_title,
)


def test_a_leading_function_word_or_ing_form_loses_its_capital():
    """ "Keeping the intake running" reads "keeping the intake running" inside a sentence."""
    assert lowered_start("Keeping the intake running") == "keeping the intake running"
    assert lowered_start("The new scheduling system") == "the new scheduling system"


def test_a_note_starting_with_a_name_or_acronym_keeps_its_capitals():
    """Only function words and -ing forms are lowered; names and acronyms stay as typed."""
    assert lowered_start("Python testing at scale") == "Python testing at scale"
    assert lowered_start("SQL reporting") == "SQL reporting"
    assert lowered_start("I can start in April") == "I can start in April"


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
    assert lowered_start("Well-tested SQL pipelines") == "well-tested SQL pipelines"
    assert lowered_start("Claims reports for the board") == "claims reports for the board"
    assert lowered_start("Python testing") == "Python testing"
    assert lowered_start("React performance") == "React performance"


def test_a_title_that_names_a_department_is_no_role_to_call_a_person():
    """ "your view as HR" calls a person a department; "VP People" and "HR Manager" are roles."""
    assert role_title("HR") is None
    assert role_title("Faculty Finance") is None
    assert role_title("VP People") == "VP People"
    assert role_title("HR Manager") == "HR Manager"

"""Forms of address from names with titles in several languages: drafting/salutations.py."""

from __future__ import annotations

import pytest

from afterword.drafting.salutations import parse_name, salutation
from afterword.rules.case import Interviewer


def greet(name: str, tone: str = "formal", country: str = "DE", **extra: str) -> str:
    return salutation(Interviewer(id="p1", name=name, **extra), tone, country)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "formal"),
    [
        ("Dr.-Ing. Katrin Hoffmann", "Dr. Hoffmann"),
        ("Prof. Dr. Martin Weber", "Professor Weber"),
        ("Herr Dr. Thomas Keller", "Dr. Keller"),
        ("Frau Petra Lang", "Ms. Lang"),
        ("Mme Claire Dubois", "Ms. Dubois"),
        ("Sra. Lucía Martín", "Ms. Martín"),
        ("Ing. Carlos Pérez", "Ing. Pérez"),
        ("Mag. Eva Huber", "Mag. Huber"),
        ("Frau Mag. Claudia Berger", "Ms. Berger"),
        ("Dr. rer. nat. Julia Brenner", "Dr. Brenner"),
        ("Rev. Dr. Alistair Munro", "Reverend Dr. Munro"),
        ("Mx Jordan Blake", "Mx. Blake"),
        ("Prof.in Dr. Miriam Schulz", "Professor Schulz"),
        ("Me Sophie Lambert", "Maître Lambert"),
        ("Dr. ir. Maarten Jansen", "Dr. Jansen"),
    ],
)
def test_a_formal_note_greets_by_title_and_surname_whatever_the_language(name, formal):
    """Titles are recognised in several languages and said in English."""
    assert greet(name) == formal


def test_british_usage_drops_the_full_stop_after_dr_and_ms():
    """ "Dear Dr Brandt" in the UK, "Dear Dr. Brandt" in the US and Germany."""
    assert greet("Dr. Anke Brandt", country="GB") == "Dr Brandt"
    assert greet("Ms Ngozi Okafor", country="US") == "Ms. Okafor"


def test_a_warm_note_greets_by_first_name_and_never_by_a_title_alone():
    """ "Hi Katrin", and "Hi Dr. Brandt" when only the surname is known: never "Hi Dr.-Ing."."""
    assert greet("Dr.-Ing. Katrin Hoffmann", "warm") == "Katrin"
    assert greet("Dr. Brandt", "warm") == "Dr. Brandt"


def test_without_a_title_a_formal_note_uses_the_full_name_and_a_professor_is_named_so():
    """No guessing "Mr" or "Ms"; a job title "Professor of ..." gives "Professor"."""
    assert greet("Dana Reyes", country="US") == "Dana Reyes"
    assert greet("Dana Reyes", country="US", title="Professor of Nursing") == "Professor Reyes"


def test_the_recorded_salutation_wins_in_both_tones():
    """The user knows best how a person likes to be addressed."""
    assert greet("Mx Robin Hart", "formal", salutation="Robin") == "Robin"
    assert greet("Robert Smith", "warm", salutation="Dr Smith") == "Dr Smith"


def test_surnames_keep_their_particles():
    """ "Joost van der Berg": given name Joost, surname "van der Berg"."""
    parsed = parse_name("Joost van der Berg")

    assert (parsed.given, parsed.surname) == ("Joost", "van der Berg")


def test_dutch_degree_titles_are_left_out_of_an_english_greeting():
    """ "drs." and "ir." are degrees, not forms of address: "Dear Eva Bakker", "Hi Pieter"."""
    assert greet("drs. Eva Bakker", country="NL") == "Eva Bakker"
    assert greet("Ir. Pieter van den Berg", "warm", country="NL") == "Pieter"


def test_letters_after_a_name_stay_out_of_the_greeting_and_a_doctorate_makes_a_doctor():
    """ "Rebecca Stein, AIA" is greeted "Rebecca Stein"; "Tom Price, PhD" is "Dr Price"."""
    assert greet("Rebecca Stein, AIA", country="US") == "Rebecca Stein"
    assert greet("Rebecca Stein, AIA", "warm", country="US") == "Rebecca"
    assert greet("Tom Price, PhD", country="GB") == "Dr Price"


def test_a_doctorate_with_its_faculty_and_italian_and_council_titles_are_understood():
    """ "Dr. rer. pol." is Dr; "Dott.ssa" stays as typed; "Cllr" is "Councillor"."""
    assert greet("Dr. rer. pol. Anja Vogt") == "Dr. Vogt"
    assert greet("Dr. rer. pol. Anja Vogt", "warm") == "Anja"
    assert greet("Dott.ssa Giulia Ferri", country="IT") == "Dott.ssa Ferri"
    assert greet("Cllr Dave Morgan", country="GB") == "Councillor Morgan"

"""The speller: drafting/spelling.py."""

from __future__ import annotations

import time

import pytest

from afterword.drafting.spelling import Speller, record_words, words_in, words_of
from afterword.rules import case_from_data
from tests.rules.builders import case, interview, person


def unknown(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    return [m.word for m in Speller(allowed).misspellings(text)]


def test_a_misspelled_word_is_found_with_its_span_and_suggestion():
    """ "recieve" is reported where it is, with "receive" as the fix."""
    text = "I was glad to recieve your note."

    (found,) = Speller().misspellings(text)

    assert (found.word, text[found.start : found.end], found.suggestion) == (
        "recieve",
        "recieve",
        "receive",
    )


def test_a_word_two_edits_away_still_gets_a_suggestion():
    """ "apprecciatte" is far from any word by single edits but close to "appreciate"."""
    (found,) = Speller().misspellings("I apprecciatte it.")

    assert found.suggestion == "appreciate"


def test_the_suggestion_keeps_the_capital_of_the_word():
    """A capitalised typo at the start of a sentence gets a capitalised suggestion."""
    (found,) = Speller().misspellings("Thnak you for your time.")

    assert found.suggestion == "Thank"


def test_correct_english_is_clean():
    """Ordinary words, contractions and possessives are not reported."""
    text = "Thank you for the team's time; I'm keen and I'd welcome the chance to help."

    assert unknown(text) == []


@pytest.mark.parametrize(
    "word", ["organise", "organisation", "colour", "behaviour", "centre", "programme", "analyse"]
)
def test_british_spellings_are_accepted(word):
    """British forms are words too, though the list spells them the American way."""
    assert unknown(f"The {word} matters.") == []


def test_accented_forms_of_words_are_accepted():
    """ "résumé" is "resume" with accents."""
    assert unknown("My résumé is attached.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Write to dana.reyes@northwind.example today.",
        "See https://northwind.example/careers/analyst please.",
        "The job code is REQ-1182 and we met at 10am.",
        "I used SQL and KPIs daily.",
    ],
)
def test_addresses_numbers_and_acronyms_are_skipped(text):
    """Email and web addresses, words with digits and all-capital acronyms are not checked."""
    assert unknown(text) == []


def test_unknown_capitalised_names_without_a_near_word_are_left_alone():
    """A product name such as "Kubernetes" is not a spelling mistake."""
    assert unknown("I have run Kubernetes clusters.") == []


def test_the_record_words_are_allowed_but_not_the_notes():
    """Interviewer names and the company are words of this draft; notes typed in haste are not
    (the speller accepts the words Afterword makes of them instead)."""
    data = case(
        interviews=[
            interview(
                people=[person(name="Dana Reyes", title="Hiring Manager", emphasised="ETL Zorblax")]
            )
        ],
        employer={"name": "Qwzrt Traders"},
    )
    allowed = record_words(case_from_data(data))

    assert unknown("The work at Qwzrt and Reyes's team.", tuple(allowed)) == []
    assert unknown("The zorblax work at Qwzrt.", tuple(allowed)) == ["zorblax"]


def test_a_user_word_list_is_honoured_in_any_case():
    """Words the user added are accepted whatever their capitalisation."""
    assert unknown("I built the flurbix pipeline.", ("Flurbix",)) == []


def test_words_in_gives_exact_spans():
    """Each word's span points at the word itself, hyphenated parts separately."""
    text = "A well-known, thank-you note"

    assert [(w, text[a:b]) for w, a, b in words_in(text)] == [
        ("A", "A"),
        ("well", "well"),
        ("known", "known"),
        ("thank", "thank"),
        ("you", "you"),
        ("note", "note"),
    ]


def test_words_of_lowercases_and_skips_nothing_of_names():
    """words_of collects every name part, lower case."""
    assert words_of(["Dr. Katrin Hoffmann", None, "Adler & Söhne"]) == {
        "dr",
        "katrin",
        "hoffmann",
        "adler",
        "söhne",
    }


def test_checking_a_long_draft_again_is_quick():
    """A sanity bound, not a benchmark: a 200-word draft re-checks well within a second."""
    speller = Speller()
    text = " ".join(["Thank you for the recieve conversation about reporting work."] * 25)
    speller.misspellings(text)

    started = time.perf_counter()
    speller.misspellings(text + " extra")

    assert time.perf_counter() - started < 1.0

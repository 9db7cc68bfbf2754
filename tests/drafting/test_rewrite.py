"""Note items rewritten as clean phrases, or refused: drafting/rewrite.py."""

from __future__ import annotations

import pytest

from afterword.drafting.rewrite import point_clause, slot, topic_phrase


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("wants sql + python", "SQL and Python"),
        ("asked about my dbt exp", "my dbt experience"),
        ("big on SBAR", "SBAR"),
        ("stakeholder mgmt w/ unions", "stakeholder management with unions"),
        ("ks3 curriculum", "KS3 curriculum"),
        ("Keeping the intake running.", "keeping the intake running"),
        ("feature store and spark", "feature store and Spark"),
        ("pipelines that others can maintain", "pipelines that others can maintain"),
    ],
)
def test_a_topic_becomes_a_noun_phrase_with_capitals_and_words_spelled_out(typed, written):
    """Lead-ins dropped, shorthand expanded, symbols as words, fixed spellings applied."""
    assert topic_phrase(typed) == written


@pytest.mark.parametrize(
    "typed",
    ["german C1 required", "she said team is growing", "caseload 12/day", "llm evals", "and"],
)
def test_a_topic_that_is_a_clause_a_scrap_or_a_guessed_typo_is_refused(typed):
    """What these rules cannot make into a noun phrase comes back as None."""
    assert topic_phrase(typed) is None


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("passed 6 ACA exams first time", "I passed 6 ACA exams first time"),
        ("reduced late fees 40% at prev job", "I reduced late fees 40% at my previous job"),
        ("PMP certified", "I am PMP certified"),
        ("first aid cert current", "my first aid certification is current"),
        ("LBP licence", "my LBP licence"),
        ("CTA papers passed", "I have passed the CTA papers"),
        ("i volunteered at youthline 2 yrs", "I volunteered at Youthline for 2 years"),
        ("I can start in April, not May as I said", "I can start in April, not May as I said"),
    ],
)
def test_a_point_becomes_a_first_person_clause(typed, written):
    """The user's own point gets its "I" or "my", shorthand expanded, "i" capitalised."""
    assert point_clause(typed) == written


@pytest.mark.parametrize(
    "typed", ["CCNP", "i said pytorch 5 yrs, 3 really", "clean MVR 10 yrs", "cpa exam - passed"]
)
def test_a_point_that_cannot_be_said_well_is_refused(typed):
    """A lone word, a scrap after a comma, a duration without its verb, a dash list: None."""
    assert point_clause(typed) is None


def test_a_slot_names_what_to_write_about_without_note_punctuation():
    """The gap is visible and says what it is for."""
    assert slot("hybrid? 2 days + wfh") == "[[Write one sentence about hybrid 2 days wfh]]"


def test_two_guessed_names_side_by_side_are_words_of_another_language_and_refused():
    """ "un peu" is French, not a name: it never becomes "Un Peu"."""
    assert topic_phrase("un peu") is None
    assert topic_phrase("netsuite migration") == "NetSuite migration"


def test_an_unknown_word_made_from_a_known_one_keeps_its_lower_case():
    """ "pseudonymisation" is an ordinary word the list lacks, not a name."""
    assert topic_phrase("pseudonymisation of patient data") == "pseudonymisation of patient data"


def test_arrows_and_other_symbols_never_reach_a_sentence():
    """ "fuel costs ↓10%" is a note; the phrase is refused."""
    assert topic_phrase("fuel costs ↓10%") is None


def test_languages_and_shorthand_of_open_source_work_are_written_out():
    """ "catalan" is a language; "contribs" is shorthand."""
    assert point_clause("i speak catalan as well") == "I speak Catalan as well"
    assert point_clause("my open source contribs to django") == (
        "my open source contributions to Django"
    )


def test_an_acronym_naming_one_programme_or_process_gets_its_article():
    """ "ASYE programme" is "the ASYE programme" in a sentence; "SQL skills" needs none."""
    assert topic_phrase("ASYE programme") == "the ASYE programme"
    assert topic_phrase("capa process") == "the CAPA process"
    assert topic_phrase("SQL skills") == "SQL skills"


def test_a_slot_hint_reads_arrows_slashes_and_faces_as_a_list():
    """ "WMS -> scan accuracy + pick rates 😬 / safety walk" asks about a readable list."""
    assert slot("WMS -> scan accuracy + pick rates 😬 / safety walk") == (
        "[[Write one sentence about WMS, scan accuracy pick rates, safety walk]]"
    )


def test_words_in_capitals_for_emphasis_are_lowered_but_acronyms_are_not():
    """ "LUXURY SERVICE" and "DEADLINES" are shouted words; "NICE guidelines" is an acronym."""
    assert topic_phrase("LUXURY SERVICE") == "luxury service"
    assert topic_phrase("DEADLINES") == "deadlines"
    assert topic_phrase("NICE guidelines") == "NICE guidelines"

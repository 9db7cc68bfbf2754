"""What one interviewer's thank-you may say, taken from the notes: drafting/material.py."""

from __future__ import annotations

from afterword.drafting.material import joined_topics, kept_private, material_for, note_words
from afterword.rules import case_from_data
from tests.rules.builders import case, interview, person


def the_case(**details: object):
    people = [
        person("p1", "Priya Nair", title="Engineering Manager", emphasised=details.pop("p1", None)),
        person("p2", "Tom Becker", title="Staff Engineer", emphasised=details.pop("p2", None)),
    ]
    return case_from_data(case(interviews=[interview(people=people, **details)]))


def test_only_work_topics_reach_the_note_rewritten():
    """Logistics, questions and asides are left out; topics are clean phrases, joined."""
    the = the_case(p1="pipeline testing, wants sql + python; hybrid 2 days/wk; seemed bored lol")
    interview_ = the.interviews[0]

    material = material_for(interview_, interview_.interviewers[0])

    assert material.topic == "pipeline testing, SQL and Python"
    assert material.slot is None


def test_a_point_goes_only_to_the_person_it_is_routed_to():
    """The forgotten point is in the manager's material, not the engineer's."""
    the = the_case(forgot="the airflow migration i led at my last job")
    interview_ = the.interviews[0]

    first, second = (material_for(interview_, p) for p in interview_.interviewers)

    assert first.forgot == "the Airflow migration I led at my previous job"
    assert second.forgot is None


def test_one_slot_when_a_point_cannot_be_written_well():
    """ "CCNP" alone cannot make a sentence: the draft asks the user for one."""
    the = the_case(forgot="CCNP")
    interview_ = the.interviews[0]

    material = material_for(interview_, interview_.interviewers[0])

    assert material.slot == "[[Write one sentence about CCNP]]"
    assert not material.slot_for_topic


def test_a_topic_slot_only_when_nothing_of_the_topics_can_be_written():
    """Topics that all fail leave the fit sentence to the user."""
    the = the_case(p2="caseload 12/day")
    interview_ = the.interviews[0]

    material = material_for(interview_, interview_.interviewers[1])

    assert material.topic is None and material.slot_for_topic


def test_topics_with_their_own_and_never_make_a_list_of_ands():
    """ "crunch and 1040s and 1120s" would read badly: a comma instead, and the list ends."""
    assert joined_topics(["tax season crunch", "1040s and 1120s", "x"]) == (
        "tax season crunch, 1040s and 1120s"
    )
    assert joined_topics(["SQL and Python", "testing"]) == "SQL and Python"
    assert joined_topics(["triage", "throughput"]) == "triage and throughput"


def test_private_notes_and_note_words_are_what_the_checker_needs():
    """Questions and asides are kept for the checker; rewritten words are allowed words."""
    the = the_case(p1="wants sql; seemed bored lol", to_clarify="pay diff for nights??")

    assert set(kept_private(the.interviews[0])) == {"seemed bored lol", "pay diff for nights??"}
    assert "SQL" in note_words(the)


def test_a_question_about_the_user_is_thanked_for_never_praised_as_their_emphasis():
    """ "asked about my code 10 licence" alone is their question, not their emphasis."""
    the = the_case(p1="asked about my code 10 licence", p2="asked how i handle burnout")
    interview_ = the.interviews[0]

    first, second = (material_for(interview_, p) for p in interview_.interviewers)

    assert first.topic is None and first.asked == "my code 10 licence"
    assert second.topic is None and second.asked is None and second.slot is None


def test_a_note_that_states_a_fact_leaves_no_slot():
    """ "client is a fintech" names no topic; the draft stays general, with nothing to fill."""
    the = the_case(p1="client is a fintech (cant say name yet), 6m contract inside IR35")
    interview_ = the.interviews[0]

    material = material_for(interview_, interview_.interviewers[0])

    assert material.topic is None and material.slot is None


def test_a_topic_that_reads_like_a_private_remark_elsewhere_is_left_out():
    """ "keeping intake" beside a remark "keeping intake seemed" would look like the remark."""
    the = the_case(p1="keeping intake, sql reporting", to_clarify="keeping intake seemed")
    interview_ = the.interviews[0]

    material = material_for(interview_, interview_.interviewers[0])

    assert material.topic == "SQL reporting"


def test_a_topic_is_left_out_when_its_sentence_would_echo_a_private_remark():
    """ "keeping" beside the template's "your team" would repeat "keeping team ugh"."""
    the = the_case(p1="keeping", to_clarify="keeping team ugh")
    interview_ = the.interviews[0]

    assert material_for(interview_, interview_.interviewers[0]).topic is None

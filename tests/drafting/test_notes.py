"""Notes as typed, split into items and classified: drafting/notes.py."""

from __future__ import annotations

from afterword.drafting.notes import classify, note_items, remarks


def kinds(text: str, source: str = "emphasised") -> list[tuple[str, str]]:
    return [(item.kind, item.text) for item in note_items(text, source)]  # type: ignore[arg-type]


def test_a_typed_line_splits_into_the_things_it_lists():
    """Semicolons end a remark; commas inside a remark about the interviewer separate topics."""
    found = kinds("pipeline testing, wants sql + python; asked about my dbt exp")

    assert found == [
        ("topic", "pipeline testing"),
        ("topic", "wants sql + python"),
        ("topic", "asked about my dbt exp"),
    ]


def test_sentence_ends_and_line_breaks_end_remarks_but_titles_do_not():
    """ "Dr. Brandt" keeps its full stop; ". seemed" starts a new remark."""
    assert remarks("met Dr. Brandt, on-call rota. seemed bored\n- budget") == [
        "met Dr. Brandt, on-call rota",
        "seemed bored",
        "budget",
    ]


def test_a_question_mark_anywhere_keeps_the_whole_remark_from_the_employer():
    """ "hourly rate - $38?" is one question, not a topic and a question."""
    assert kinds("hourly rate - $38?", "to_clarify") == [("question", "hourly rate - $38?")]


def test_questions_are_known_by_their_opening_too():
    """ "ask recruiter about relocation" has no question mark and is still a question."""
    assert classify("ask recruiter about relocation", "to_clarify").kind == "question"
    assert classify("is there a bonus", "forgot").kind == "question"


def test_private_remarks_never_count_as_topics():
    """Asides about the people or the place are private, whatever field they are in."""
    for text in ("seemed bored lol", "said team is burnt out - hmm", "he was nice!"):
        assert classify(text, "emphasised").kind == "private"


def test_pay_hours_and_contract_are_logistics_not_topics():
    """Salary, hybrid days, relocation, probation: facts, not reasons for enthusiasm."""
    for text in ("comp band 170-190", "hybrid 2 days/wk", "relocation package", "probation 6 mo"):
        assert classify(text, "emphasised").kind == "logistics", text


def test_the_users_own_points_stay_whole_and_say_whether_they_are_about_logistics():
    """A forgotten point is said in one sentence; a salary point is marked for HR."""
    (item,) = note_items("cpa exam - passed FAR and AUD", "forgot")
    (salary,) = note_items("salary expectation said 70 meant 75", "to_clarify")

    assert (item.kind, item.logistics) == ("point", False)
    assert (salary.kind, salary.logistics) == ("point", True)


def test_an_empty_note_has_no_items():
    """None, blanks and bare punctuation give nothing."""
    assert note_items(None, "emphasised") == []
    assert note_items(" - ; . ", "forgot") == []


def test_what_follows_a_question_mark_on_the_line_belongs_to_the_question():
    """ "OTE 45k?? base only 24k" is one question: its tail is never sent as a point."""
    assert kinds("OTE 45k?? base only 24k", "to_clarify") == [
        ("question", "OTE 45k?? base only 24k")
    ]


def test_a_numbered_list_on_one_line_splits_at_its_numbers():
    """ "1. leases 2. due diligence" and "1) feeds 2) quality" are lists, not one phrase."""
    assert remarks("1. commercial leases 2. due diligence") == [
        "commercial leases",
        "due diligence",
    ]
    assert remarks("1) HL7 feeds 2) data quality") == ["HL7 feeds", "data quality"]
    assert remarks("ISO 13485, version 2.5 of the spec") == ["ISO 13485, version 2.5 of the spec"]


def test_spaced_slashes_and_arrows_separate_topics_but_an_arrow_to_a_change_does_not():
    """ "WMS -> scan accuracy / safety walk" is three things; "sas -> python migration" one."""
    assert [text for _, text in kinds("WMS -> scan accuracy / safety walk")] == [
        "WMS",
        "scan accuracy",
        "safety walk",
    ]
    assert kinds("sas -> python migration") == [("topic", "sas -> python migration")]


def test_emoji_are_dropped_from_an_item():
    """A face typed after a topic says how the user felt; the topic stays."""
    assert kinds("pick rates 😬") == [("topic", "pick rates")]


def test_an_observation_about_someone_or_the_users_own_liking_is_private():
    """ "she was 10 min late", "was quiet, hard to read", "LOVED the studio" stay with the user."""
    assert classify("she was 10 min late", "emphasised").kind == "private"
    assert classify("was quiet, hard to read", "emphasised").kind == "private"
    assert classify("LOVED the studio", "emphasised").kind == "private"
    assert classify("likes clean code", "emphasised").kind == "topic"


def test_pay_permits_and_contracts_typed_in_other_languages_are_logistics():
    """Salary, permits and contract terms are logistics whatever the language they are typed in."""
    for typed in (
        "B permit",
        "gehalt lt KV",
        "sueldo 35k neto",
        "tickets resto",
        "befristet 2 yrs",
    ):
        assert classify(typed, "emphasised").kind == "logistics", typed
    assert classify("site visits 2x wk", "emphasised").kind == "logistics"
    assert classify("1st years shadow partners", "emphasised").kind == "logistics"


def test_a_slash_pair_names_one_matter_judged_together_and_a_lone_term_gives_way_to_its_gloss():
    """ "ploegensysteem / shift system" is logistics whole; "gefahrstoffe / hazardous substances
    training" keeps the English phrase; "budget templates / excel macros" keeps both."""
    assert kinds("ploegensysteem / shift system") == [
        ("logistics", "ploegensysteem"),
        ("logistics", "shift system"),
    ]
    assert kinds("gefahrstoffe / hazardous substances training") == [
        ("topic", "hazardous substances training")
    ]
    assert len(kinds("budget templates / excel macros")) == 2


def test_shift_patterns_and_weekly_hours_are_logistics():
    """ "4 on 4 off", "35 hr week" and "6-6" say when, not what."""
    for typed in ("4 on 4 off", "35 hr week", "36h week", "shift pattern 6-6"):
        assert classify(typed, "emphasised").kind == "logistics", typed


def test_a_grade_beside_pay_or_hours_is_a_pay_grade_but_alone_it_may_be_a_class():
    """ "grade 6, 37 hrs" is pay; "grade 6 maths, reading recovery" is teaching."""
    assert kinds("grade 6, 37 hrs, LGPS pension")[0] == ("logistics", "grade 6")
    assert kinds("grade 6, reading recovery")[0] == ("topic", "grade 6")


def test_a_numbered_list_with_dashes_and_a_lone_answer_are_understood():
    """ "1- complaints 2- upselling" is a list; "-> yes" is the user's answer, not a topic."""
    assert [text for _, text in kinds("1- guest complaints 2- upselling excursions")] == [
        "guest complaints",
        "upselling excursions",
    ]
    assert ("private", "yes") in kinds("asked if ok w/ distressed clients -> yes")

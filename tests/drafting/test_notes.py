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

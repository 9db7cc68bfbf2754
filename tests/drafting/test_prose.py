"""The checker's rules for the writing itself: drafting/prose.py, through check()."""

from __future__ import annotations

from datetime import date

from afterword.drafting.checker import CheckContext, check
from afterword.drafting.names import RecordName
from afterword.drafting.prose import longest_shared_run

GOOD = """Dear Dana Reyes,

Thank you for meeting with me about the Junior Analyst position. Your focus on reporting stayed \
with me.

Kind regards,
Alex Morgan"""


def context(**changes: object) -> CheckContext:
    fields: dict[str, object] = {
        "kind": "thank_you_email",
        "country": "US",
        "written_on": date(2026, 3, 2),
        "addressee": "Dana Reyes",
        "people": ("Dana Reyes", "Sam Okafor"),
        "names": (RecordName("Dana Reyes", "person"), RecordName("Sam Okafor", "person")),
    }
    fields.update(changes)
    return CheckContext(**fields)  # type: ignore[arg-type]


def codes(body: str, **changes: object) -> list[str]:
    return [f.code for f in check("Thank you", body, context(**changes))]


def test_a_careful_note_has_nothing_to_fix():
    """The rules below stay quiet on good writing."""
    assert codes(GOOD) == []


def test_an_unfilled_slot_is_an_error_and_nothing_else_is_said_inside_it():
    """The slot blocks sending; the speller does not also complain about its words."""
    body = GOOD.replace("Your focus", "[[Write one sentence about dbt exp]] Your focus")

    assert codes(body) == ["user_slot"]


def test_lower_case_i_months_and_sentence_starts_are_errors():
    """ "i", "july" and a sentence opening in lower case."""
    body = GOOD.replace("Your focus", "i can start in july. your focus")

    assert codes(body).count("lower_case") == 3


def test_a_title_with_its_full_stop_does_not_end_a_sentence():
    """ "Dr. med. Andreas Wolf" and "Dear Mx. de Jong" are not sentences opening in lower case."""
    letter = GOOD.replace(
        "Dear Dana Reyes,", "Dr. med. Andreas Wolf\nMedical Director\n\nDear Mx. de Jong,"
    )

    assert "lower_case" not in codes(letter, kind="thank_you_letter")


def test_a_lower_case_start_after_me_still_ends_a_sentence():
    """Only titles as titles are written hold a sentence together: "... see me. then" is two."""
    body = GOOD.replace("Your focus", "Thank you for seeing me. then your focus")

    assert codes(body).count("lower_case") == 1


def test_shorthand_and_list_punctuation_are_flagged():
    """ "exp" and "w/" are notes; "+" and "->" are list marks."""
    body = GOOD.replace("on reporting", "on reporting w/ sql + python -> my exp")

    found = codes(body)
    assert found.count("shorthand") == 2 and found.count("list_punctuation") == 2


def test_a_language_in_lower_case_is_an_error_but_the_verb_polish_is_not():
    """ "I speak catalan" needs a capital; "polish the report" is a verb."""
    body = GOOD.replace("Your focus", "I speak catalan and will polish the report. Your focus")

    assert codes(body).count("lower_case") == 1


def test_list_numbers_arrows_and_pictographs_in_a_sentence_are_list_punctuation():
    """ "feeds 2) data quality", "costs ↓10%" and a face are notes, not prose; "(P5)" is not."""
    body = GOOD.replace("on reporting", "on 1) feeds 2) data quality, costs ↓10% 😬 in (P5)")

    assert codes(body).count("list_punctuation") == 4  # "1)", "2)", "↓" and the face


def test_a_sentence_that_opens_like_a_note_is_a_fragment():
    """ "Wants SQL." has no one doing the wanting."""
    body = GOOD.replace("Your focus on reporting stayed with me.", "Wants SQL and Python.")

    assert "fragment" in codes(body)


def test_a_greeting_with_a_title_alone_is_an_error():
    """ "Hi Dr.-Ing.," greets nobody."""
    body = GOOD.replace("Dear Dana Reyes,", "Hi Dr.-Ing.,")

    assert "greeting_title_only" in codes(body)


def test_a_private_note_told_to_the_employer_is_an_error():
    """The user's own question reaches the email: flagged with the note it repeats."""
    body = GOOD.replace("Your focus", "Is the night shift pay differential negotiable? Your focus")

    found = codes(body, private_notes=("night shift pay differential??",))
    assert "private_note" in found and "question_in_thanks" in found


def test_a_remark_sharing_only_the_records_words_is_not_a_private_note():
    """ "data analysts seemed" kept private; the draft names the Data Analyst role: no leak."""
    body = GOOD.replace("Junior Analyst", "Data Analyst")
    names = (RecordName("Dana Reyes", "person"), RecordName("Data Analyst", "role"))

    found = codes(body, names=names, private_notes=("data analysts seemed",))

    assert "private_note" not in found


def test_a_passage_shared_word_for_word_with_a_sibling_is_flagged():
    """Twelve words or more the same as the note to Sam, names left out."""
    shared = "I would bring real care to the weekly reporting work that your team described"
    mine = GOOD.replace("Your focus on reporting stayed with me.", shared + ".")
    theirs = GOOD.replace("Dana Reyes", "Sam Okafor").replace("Your focus", shared + ". Focus")

    assert "shared_passage" in codes(mine, siblings=(("Sam Okafor", theirs),))
    assert longest_shared_run(mine, theirs, ("Dana Reyes", "Sam Okafor"))[0] >= 12


def test_thank_you_again_before_any_thanks_is_an_error_in_a_later_message():
    """An expedite email may only thank "again" once a thank-you went out."""
    body = GOOD.replace("Thank you for meeting", "Thank you again for meeting")

    assert "thanks_again_too_early" in codes(body, kind="expedite")
    assert "thanks_again_too_early" not in codes(body, kind="expedite", thanked_before=True)

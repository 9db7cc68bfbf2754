"""Thank-you emails and letters (K4, K5, K7): personal, brief, thanks first, the plan's date."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from afterword.drafting import Draft, compose, format_day
from afterword.drafting.promises import find_promise
from afterword.rules import plan
from tests.drafting import scenarios
from tests.drafting.scenarios import (
    CLARIFY,
    DEV_EMPHASIS,
    FORGOT,
    MAREN_EMPHASIS,
    PANEL_EMPHASIS,
    actions,
    drafts,
    larkspur,
    three_strangers,
)
from tests.rules.builders import event, interview, person

TONES = ["formal", "warm"]


def core(text: str) -> str:
    """A note as it appears inside a sentence: without its closing full stop, first letter low."""
    text = text.rstrip(".")
    return text[0].lower() + text[1:]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def content(draft: Draft) -> str:
    """The body between the greeting and the sign-off."""
    paragraphs = draft.body.split("\n\n")
    return "\n\n".join(paragraphs[1:-1])


def blanked(draft: Draft, names: list[str]) -> str:
    text = f"{draft.subject}\n{draft.body}"
    for name in names:
        for part in [name, *name.split()]:
            text = text.replace(part, "NAME")
    return text


@pytest.mark.parametrize("tone", TONES)
def test_the_first_sentence_after_the_greeting_says_thank_you(tone):
    """K4: thanks is the main point, so it comes first, for every interviewer."""
    for data in (larkspur(), three_strangers()):
        for draft in drafts(data, "thank_you_email", tone):
            first = sentences(content(draft))[0]

            assert "thank" in first.lower(), first


@pytest.mark.parametrize("tone", TONES)
def test_each_interviewer_gets_what_they_emphasised(tone):
    """K4: Maren's note is about her emphasis, Dev's about his, and neither gets the other's."""
    maren, dev, sam = drafts(larkspur(), "thank_you_email", tone)

    assert core(MAREN_EMPHASIS) in maren.body
    assert core(DEV_EMPHASIS) not in maren.body
    assert core(DEV_EMPHASIS) in dev.body
    assert core(MAREN_EMPHASIS) not in dev.body
    assert core(PANEL_EMPHASIS) in sam.body


@pytest.mark.parametrize("tone", TONES)
def test_what_was_forgotten_and_what_to_clarify_go_to_one_person_once(tone):
    """K4 (C4): the second chance to sell goes to the most senior interviewer, in the email
    only: not to everyone, and not again in the letter."""
    emails = drafts(larkspur(), "thank_you_email", tone)
    letters = drafts(larkspur(), "thank_you_letter", tone)

    carrying = [d.to_name for d in emails if core(FORGOT) in d.body]
    clarifying = [d.to_name for d in emails if CLARIFY.rstrip(".") in d.body]
    assert carrying == clarifying == ["Maren Holloway"]
    assert not any(core(FORGOT) in d.body or "April" in d.body for d in letters)


@pytest.mark.parametrize("tone", TONES)
def test_a_thank_you_email_has_at_most_200_words_even_with_long_notes(tone):
    """K4: brief. Long notes are shortened at a clause break, not dropped."""
    long_note = (
        "Moving the whole intake desk onto the new scheduling system without losing a single "
        "appointment, which means training the front-desk staff, cleaning the records first, "
        "running both systems side by side for a month, and then checking every booking by hand "
        "before the old system is switched off for good at the end of the quarter. " * 3
    )
    data = larkspur()
    data["interviews"][0]["forgot"] = long_note
    data["interviews"][0]["to_clarify"] = long_note
    data["interviews"][0]["interviewers"][0]["emphasised"] = long_note

    emails = drafts(data, "thank_you_email", tone)

    assert all(len(draft.body.split()) <= 200 for draft in emails)
    assert "moving the whole intake desk" in emails[0].body.lower()


@pytest.mark.parametrize("tone", TONES)
def test_the_announced_check_in_is_the_planners_due_day_in_the_employers_zone(tone):
    """K7: the date in the note is exactly the day the planner put the check-in on."""
    subject, found = actions(larkspur(), "thank_you_email")
    result = plan(subject, scenarios.now_of(subject))
    check_in = next(a for a in result.actions if a.kind == "check_in_email")
    due_day = check_in.due.astimezone(check_in.due.tzinfo).date()

    for action in found:
        draft = compose(subject, action, scenarios.now_of(subject), tone=tone, plan=result)

        assert draft.promised_next == due_day == date(2026, 3, 16)
        assert format_day(due_day, "US") in draft.body


def test_the_promise_finder_reads_back_the_date_the_note_announces():
    """K7, F6: the checker's finder (drafting.promises) reads our wording as the plan's date."""
    for data in (larkspur(), scenarios.fabrikam(), three_strangers()):
        subject, _ = actions(data, "thank_you_email")
        for tone in TONES:
            for draft in drafts(data, "thank_you_email", tone):
                written_on = scenarios.now_of(subject).astimezone(UTC).date()

                found = find_promise(draft.body, written_on, subject.employer.country)

                assert found is not None and found.day == draft.promised_next, draft.body


def test_a_thank_you_never_promises_a_day_past_another_offers_deadline():
    """Drafts agree with each other: the check-in (21 Dec) is after the offer's deadline
    (11 Dec), which the same day's expedite email names, so no thank-you announces it."""
    for tone in TONES:
        for draft in drafts(scenarios.berlin(), "thank_you_email", tone):
            assert draft.promised_next is None
            assert "21 December" not in draft.body


def test_the_announcement_follows_the_plan_across_a_daylight_saving_change():
    """K7, T3: a due time after the March clock change is still the planner's local day."""
    data = larkspur(now="2026-03-03T08:00:00-06:00")
    data["interviews"][0]["decision_by"] = "2026-03-06"  # Fri; DST starts Sun 8 Mar

    maren = drafts(data, "thank_you_email", "formal")[0]

    assert maren.promised_next == date(2026, 3, 9)
    assert "Monday, March 9" in maren.body
    assert "Friday, March 6" in maren.body


def test_the_announcement_can_be_left_out():
    """K7 says the note *may* announce the date: without it there is no date and no promise."""
    subject, found = actions(larkspur(), "thank_you_email")

    draft = compose(subject, found[0], scenarios.now_of(subject), announce_check_in=False)

    assert draft.promised_next is None
    assert "March 16" not in draft.body
    assert "follow up" not in draft.body


def test_no_check_in_is_announced_when_they_asked_candidates_to_use_the_portal():
    """H1: a portal visit promises nothing to a person, so the note names no date."""
    data = larkspur()
    data["interviews"][0]["preferred_channel"] = "portal"

    for draft in drafts(data, "thank_you_email"):
        assert draft.promised_next is None


def test_an_earlier_rounds_late_thank_you_does_not_announce_the_later_rounds_check_in():
    """K7: the check-in belongs to the latest round; round 1's overdue note stays quiet about it."""
    rounds = [
        interview("i1", people=[person("p1", "Dana Reyes")]),
        interview(
            "i2",
            start="2026-03-09T10:00:00-04:00",
            end="2026-03-09T11:00:00-04:00",
            people=[person("p2", "Sam Okafor")],
            round=2,
        ),
    ]
    data = scenarios.case(interviews=rounds, now="2026-03-09T13:00:00-04:00")

    first, second = drafts(data, "thank_you_email")

    assert (first.interview, first.promised_next) == ("i1", None)
    assert second.interview == "i2" and second.promised_next is not None


@pytest.mark.parametrize("tone", TONES)
def test_two_interviewers_never_get_the_same_text_even_with_names_blanked(tone):
    """K4: with nothing noted about anyone, the wording itself differs person by person."""
    data = three_strangers()
    names = ["Dana Reyes", "Sam Okafor", "Lee Chen"]

    texts = [blanked(d, names) for d in drafts(data, "thank_you_email", tone)]
    letters_data = three_strangers()
    letters_data["user"] = {"letters": True}
    letters = [blanked(d, names) for d in drafts(letters_data, "thank_you_letter", tone)]

    assert len(set(texts)) == 3
    assert len(set(letters)) == 3


@pytest.mark.parametrize("tone", TONES)
def test_people_with_the_same_name_in_one_interview_still_get_different_sentences(tone):
    """Variety comes from each person's place in the interview, not from the name."""
    people = [person("a", "Lee Chen"), person("b", "Lee Chen")]
    data = scenarios.case(interviews=[interview(people=people)])

    first, second = drafts(data, "thank_you_email", tone)

    shared = set(sentences(content(first))) & set(sentences(content(second)))
    assert first.subject != second.subject
    assert not shared - {s for s in shared if "follow up" in s or "get in touch" in s}


@pytest.mark.parametrize("tone", TONES)
def test_the_letter_shares_no_sentence_with_the_email(tone):
    """K5: the printed letter is written anew, not the email on paper."""
    emails = drafts(larkspur(), "thank_you_email", tone)
    letters = drafts(larkspur(), "thank_you_letter", tone)

    for email, letter in zip(emails, letters, strict=True):
        assert letter.letter is not None
        letter_sentences = {s for p in letter.letter.paragraphs for s in sentences(p)}
        assert letter_sentences.isdisjoint(sentences(content(email)))


def test_the_letter_has_every_block_of_a_printed_page():
    """K5: sender, date (employer's zone), recipient with title and address, salutation, body."""
    maren = drafts(larkspur(), "thank_you_letter", "formal")[0]
    letter = maren.letter

    assert letter is not None
    assert letter.sender_lines == (
        "Alex Morgan",
        "48 Elm Street",
        "Apt 3",
        "Evanston, IL 60201",
        "+1 312 555 0199",
        "alex.morgan@example.com",
    )
    assert letter.date_line == "March 3, 2026"
    # The address's own "Larkspur Health" line is not repeated under the employer's name.
    assert letter.recipient_lines == (
        "Maren Holloway",
        "Director of Clinical Operations",
        "Larkspur Health",
        "200 W Madison St",
        "Chicago, IL 60606",
    )
    assert letter.salutation == "Dear Maren Holloway,"
    assert letter.signature == "Alex Morgan"
    assert maren.body.startswith("Alex Morgan\n48 Elm Street")
    assert maren.subject == "" and maren.to_email is None
    for block in (letter.date_line, letter.salutation, *letter.paragraphs, letter.closing):
        assert block in maren.body


def test_the_letter_is_dated_on_the_employers_day_not_the_servers():
    """T3: at 23:30 UTC on 2 Dec it is already 3 Dec in Berlin; the letter says 3 December."""
    data = scenarios.berlin()
    data["now"] = "2026-12-02T23:30:00+00:00"

    letters = drafts(data, "thank_you_letter", "formal")

    assert {d.letter.date_line for d in letters if d.letter} == {"3 December 2026"}


def test_formal_and_warm_notes_read_differently():
    """Two tones: formal greets by full name, warm by first name, and their sentences differ."""
    formal = drafts(larkspur(), "thank_you_email", "formal")[0]
    warm = drafts(larkspur(), "thank_you_email", "warm")[0]

    assert formal.body.startswith("Dear Maren Holloway,\n")
    assert warm.body.startswith("Hi Maren,\n")
    assert set(sentences(content(formal))).isdisjoint(sentences(content(warm)))
    assert formal.subject != warm.subject


def test_a_warm_greeting_uses_the_first_name_and_a_formal_one_the_title_and_surname():
    """ "Dr. Katrin Hoffmann" is greeted warmly as Katrin, formally as Dr. Hoffmann."""
    data = scenarios.berlin()

    warm = drafts(data, "expedite", "warm")[0]
    formal = drafts(data, "expedite", "formal")[0]

    assert warm.body.startswith("Hi Katrin,")
    assert formal.body.startswith("Dear Dr. Hoffmann,")


def test_without_the_candidates_name_the_note_signs_off_without_one():
    """No placeholder for a missing name: the sign-off simply ends the note."""
    data = larkspur()
    del data["candidate"]

    for draft in drafts(data, "thank_you_email", "formal"):
        assert draft.body.endswith(("Kind regards,", "Yours sincerely,", "Best regards,"))
    letter = drafts(data, "thank_you_letter", "formal")[0].letter
    assert letter is not None and letter.signature == "" and letter.sender_lines == ()


def test_without_a_role_or_employer_name_the_note_still_reads_whole():
    """Optional facts missing: no gaps, no "None", still a subject and a thank-you."""
    data = three_strangers()
    del data["role"]
    del data["employer"]["name"]
    data.pop("job_code")

    for tone in TONES:
        for draft in drafts(data, "thank_you_email", tone):
            assert draft.subject and "None" not in draft.body and "  " not in draft.body
            assert "thank" in sentences(content(draft))[0].lower()


def test_a_thank_you_composed_days_later_still_promises_a_day_ahead():
    """K7: a promise is never for a day already past when the note is written."""
    data = larkspur(now="2026-03-16T12:00:00-05:00")
    subject, found = actions(data, "thank_you_email")

    for action in found:
        draft = compose(subject, action, scenarios.now_of(subject))

        assert draft.promised_next is None or draft.promised_next > date(2026, 3, 16)


def test_the_default_tone_follows_the_employers_style():
    """tone_for: formal or unknown style writes formally, casual warmly."""
    formal = drafts(larkspur(), "thank_you_email")[0]
    casual = drafts(scenarios.fabrikam(), "thank_you_email")[0]

    assert (formal.tone, casual.tone) == ("formal", "warm")


def test_a_promise_in_a_sent_thank_you_keeps_the_next_notes_date_the_same():
    """F6, K7: once Maren's note is sent with its date, Dev's note still names the same day."""
    data = larkspur()
    maren = drafts(data, "thank_you_email")[0]
    data["events"] = [
        event(
            "2026-03-03T08:30:00-06:00",
            "thank_you_sent",
            interview="i1",
            interviewer="p1",
            promised_next=maren.promised_next.isoformat(),
        )
    ]
    data["now"] = (datetime(2026, 3, 3, 15, tzinfo=UTC) + timedelta(minutes=1)).isoformat()

    later = drafts(data, "thank_you_email")

    assert {d.promised_next for d in later} == {maren.promised_next}


def test_a_letter_with_very_long_notes_still_fits_on_one_page():
    """K5: the notes are shortened until the letter fits one page of A4 and of US Letter."""
    from afterword.drafting.letters import letter_fit

    long_note = "Moving the intake desk to the new system, one clinic at a time, " * 20
    data = larkspur()
    data["interviews"][0]["forgot"] = long_note
    data["interviews"][0]["to_clarify"] = long_note
    data["interviews"][0]["interviewers"][0]["emphasised"] = long_note

    for tone in TONES:
        letter = drafts(data, "thank_you_letter", tone)[0].letter
        assert letter is not None
        for paper in ("a4", "letter"):
            # letter_fit raises LetterTooLong when no readable layout fits one page.
            assert letter_fit(letter, paper).font_pt >= 10

"""Add / edit interview: the capture checklist, interviewers, decision phrases, all or nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.test import Client

from afterword.tracker.models import Application, Interview, Interviewer
from afterword.tracker.services import build_case
from tests.factories import ApplicationFactory


def people(*rows: dict[str, str], initial: int = 0) -> dict[str, str]:
    """The interviewer formset's POST fields for ``rows`` (blank rows make up the rest)."""
    data = {
        "people-TOTAL_FORMS": str(max(len(rows), 2)),
        "people-INITIAL_FORMS": str(initial),
        "people-MIN_NUM_FORMS": "0",
        "people-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(rows):
        data.update({f"people-{number}-{name}": value for name, value in row.items()})
    return data


TWO_PEOPLE = people(
    {"name": "Amara Osei", "title": "Engineering Manager", "email": "amara@fjord.example"},
    {"name": "Jon Berg", "phone": "+47 22 00 00 00"},
)


def capture(rows: dict[str, str] = TWO_PEOPLE, **overrides: Any) -> dict[str, str]:
    """A valid interview form (Tue 3 Mar, 09:00-10:00) with ``rows`` as its interviewers."""
    data = {
        "round": "1",
        "day": "2026-03-03",
        "start_time": "09:00",
        "end_time": "10:00",
        "preferred_channel": "",
        "still_interviewing_others": "unknown",
        **rows,
    }
    data.update(overrides)
    return data


def fresh(user: Any) -> Application:
    return ApplicationFactory(owner=user, employer="Fjord Analytics")


def test_it_lays_out_the_capture_checklist(member: Client, user: Any, now: datetime) -> None:
    """The form follows C1-C4 and starts with two blank interviewer rows."""
    application = fresh(user)

    response = member.get(f"/applications/{application.pk}/interviews/new/")

    html = response.content.decode()
    for heading in ("Who was there", "What stood out", "Next steps and timing", "Following up"):
        assert heading in html
    for rule in ("C1", "C2", "C3", "C4"):
        assert f">{rule}</span>" in html
    assert 'name="people-0-name"' in html and 'name="people-1-name"' in html
    assert 'name="people-2-name"' not in html
    assert "America/New York" in html


def test_it_saves_an_interview_with_two_interviewers(
    member: Client, user: Any, now: datetime
) -> None:
    """Both people are stored, linked to the interview, and each gets a thank-you."""
    application = fresh(user)

    response = member.post(f"/applications/{application.pk}/interviews/new/", capture())

    assert response.status_code == 302
    interview = Interview.objects.get(application=application)
    assert interview.start == datetime(2026, 3, 3, 14, 0, tzinfo=UTC)  # 09:00 in New York
    assert sorted(p.name for p in interview.interviewers.all()) == ["Amara Osei", "Jon Berg"]
    thanked = application.actions.filter(kind="thank_you_email")
    assert sorted(a.interviewer.name for a in thanked) == ["Amara Osei", "Jon Berg"]


def test_it_turns_a_decision_phrase_into_a_date(member: Client, user: Any, now: datetime) -> None:
    """ "End of next week", said at a Tuesday interview, means Friday of the following week."""
    application = fresh(user)

    member.post(
        f"/applications/{application.pk}/interviews/new/",
        capture(decision_phrase="end of next week"),
    )

    interview = Interview.objects.get(application=application)
    assert interview.decision_by == date(2026, 3, 13)
    assert interview.decision_phrase == "end of next week"


def test_it_plans_with_the_last_day_of_a_range_and_says_so(
    member: Client, user: Any, now: datetime
) -> None:
    """ "Early next week" at a Tue 3 Mar interview is Mon 9 - Tue 10 Mar; Tue 10 is stored."""
    application = fresh(user)

    response = member.post(
        f"/applications/{application.pk}/interviews/new/",
        capture(decision_phrase="early next week"),
        follow=True,
    )

    assert Interview.objects.get(application=application).decision_by == date(2026, 3, 10)
    assert (
        "Saved round 1. Understood: Mon 9 – Tue 10 Mar 2026 (early next week); "
        "the plan uses Tue 10 Mar. The plan is updated." in response.content.decode()
    )


def test_it_refuses_a_decision_phrase_it_cannot_read(
    member: Client, user: Any, now: datetime
) -> None:
    """Unreadable words are refused under the phrase field's name; nothing is saved or guessed."""
    application = fresh(user)

    response = member.post(
        f"/applications/{application.pk}/interviews/new/",
        capture(decision_phrase="when the stars align"),
    )

    html = response.content.decode()
    assert "When will they decide, in their words? Could not understand" in html
    assert "Understood" not in html
    assert not Interview.objects.filter(application=application).exists()


def test_it_prefers_an_exact_date_over_the_phrase(member: Client, user: Any, now: datetime) -> None:
    """When both are given, the exact date counts and the words are kept."""
    application = fresh(user)

    member.post(
        f"/applications/{application.pk}/interviews/new/",
        capture(decision_phrase="soon-ish", decision_by="2026-03-18"),
    )

    assert Interview.objects.get().decision_by == date(2026, 3, 18)


def test_it_refuses_an_end_before_the_start(member: Client, user: Any, now: datetime) -> None:
    """End before start: the error names the end time and nothing at all is saved."""
    application = fresh(user)

    response = member.post(
        f"/applications/{application.pk}/interviews/new/",
        capture(start_time="11:00", end_time="10:00"),
    )

    html = response.content.decode()
    assert "End time: The end time must be after the start time." in html
    assert not Interview.objects.exists()
    assert not Interviewer.objects.exists()


def test_it_refuses_a_bad_date(member: Client, user: Any, now: datetime) -> None:
    """An impossible date is named and nothing is saved."""
    application = fresh(user)

    response = member.post(
        f"/applications/{application.pk}/interviews/new/", capture(day="2026-02-30")
    )

    assert "Date: Enter the date as 12/31/2026 (or 2026-12-31)" in response.content.decode()
    assert not Interview.objects.exists()


def test_it_refuses_a_decision_date_before_the_interview(
    member: Client, user: Any, now: datetime
) -> None:
    """A decision date earlier than the interview is refused on that field."""
    application = fresh(user)

    response = member.post(
        f"/applications/{application.pk}/interviews/new/", capture(decision_by="2026-03-01")
    )

    assert "Or the exact date: 01 Mar 2026 is before the interview" in response.content.decode()
    assert not Interview.objects.exists()


def test_it_refuses_a_person_without_a_name(member: Client, user: Any, now: datetime) -> None:
    """A row with an email but no name is refused; the other row is not saved either."""
    application = fresh(user)
    data = capture(people({"name": "Amara Osei"}, {"email": "jon@fjord.example"}))

    response = member.post(f"/applications/{application.pk}/interviews/new/", data)

    html = response.content.decode()
    assert "Interviewer 2 · Name: Enter the interviewer&#x27;s name, or clear this row." in html
    assert not Interviewer.objects.exists()
    assert not Interview.objects.exists()


def test_it_needs_at_least_one_interviewer(member: Client, user: Any, now: datetime) -> None:
    """Two blank rows and nobody ticked: the form asks for at least one person."""
    application = fresh(user)

    response = member.post(f"/applications/{application.pk}/interviews/new/", capture(people()))

    assert "Add at least one interviewer" in response.content.decode()
    assert not Interview.objects.exists()


def test_it_refuses_two_main_contacts(member: Client, user: Any, now: datetime) -> None:
    """Only one person can be the main contact for check-ins."""
    application = fresh(user)
    data = capture(
        people({"name": "Amara Osei", "is_primary": "on"}, {"name": "Jon Berg", "is_primary": "on"})
    )

    response = member.post(f"/applications/{application.pk}/interviews/new/", data)

    assert "Mark only one person as the main contact." in response.content.decode()
    assert not Interview.objects.exists()


def test_it_reuses_people_from_an_earlier_round(
    member: Client, application: Application, now: datetime
) -> None:
    """A second round can tick Priya from round one instead of typing her again."""
    priya = application.interviewers.get(name="Priya Natarajan")
    data = capture(people({"name": "Lena Vogt"}), round="2", existing=[str(priya.pk)])

    member.post(f"/applications/{application.pk}/interviews/new/", data)

    second = application.interviews.get(round=2)
    assert sorted(p.name for p in second.interviewers.all()) == ["Lena Vogt", "Priya Natarajan"]
    assert application.interviewers.filter(name="Priya Natarajan").count() == 1


def test_it_refuses_someone_elses_interviewer(
    member: Client, user: Any, outsider: Any, now: datetime
) -> None:
    """Ticking an interviewer id from another user's application is an error; nothing is saved."""
    theirs = ApplicationFactory(owner=outsider, employer="Quiet Harbour Bank")
    stranger = Interviewer.objects.create(application=theirs, name="Hidden Person")
    application = fresh(user)

    response = member.post(
        f"/applications/{application.pk}/interviews/new/",
        capture(people({"name": "Lena Vogt"}), existing=[str(stranger.pk)]),
    )

    assert response.status_code == 200
    assert "Hidden Person" not in response.content.decode()
    assert not Interview.objects.filter(application=application).exists()
    assert not stranger.interviews.exists()


def test_it_edits_an_interview_and_its_people(
    member: Client, application: Application, now: datetime
) -> None:
    """Editing fixes a misspelt name and adds what they emphasised; the plan follows."""
    interview = application.interviews.get()
    priya, tomasz = interview.interviewers.order_by("pk")
    page = member.get(f"/interviews/{interview.pk}/edit/").content.decode()
    assert 'value="Priya Natarajan"' in page
    data = capture(
        day="2026-03-02",
        start_time="10:00",
        end_time="11:00",
        emphasised="Forecasting for the spring season",
    )
    data.update(
        people(
            {"id": str(priya.pk), "name": "Priya Natarajan-Reed", "is_primary": "on"},
            {"id": str(tomasz.pk), "name": "Tomasz Wilk"},
            initial=2,
        )
    )
    data["people-TOTAL_FORMS"] = "3"

    response = member.post(f"/interviews/{interview.pk}/edit/", data)

    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.emphasised == "Forecasting for the spring season"
    assert application.interviewers.filter(name="Priya Natarajan-Reed").exists()
    assert application.actions.filter(interviewer__name="Priya Natarajan-Reed").exists()


def test_it_previews_the_date_in_the_edit_form(member: Client, application: Application) -> None:
    """An interview with an exact decision date shows that day under the phrase field."""
    interview = application.interviews.get()
    interview.decision_by = date(2026, 3, 13)
    interview.decision_phrase = ""
    interview.save()

    page = member.get(f"/interviews/{interview.pk}/edit/").content.decode()

    assert "Understood: Fri 13 Mar 2026." in page


def test_it_previews_the_range_of_saved_words_in_the_edit_form(
    member: Client, application: Application
) -> None:
    """Saved words show again as the range they were read as (Mon 2 Mar interview)."""
    interview = application.interviews.get()
    interview.decision_phrase = "early next week"
    interview.decision_by = date(2026, 3, 10)
    interview.save()

    page = member.get(f"/interviews/{interview.pk}/edit/").content.decode()

    assert (
        "Understood: Mon 9 – Tue 10 Mar 2026 (early next week); the plan uses Tue 10 Mar." in page
    )


def test_it_previews_only_the_stored_day_when_the_words_read_otherwise(
    member: Client, application: Application
) -> None:
    """An exact date that won over the words is shown alone: the words are not a guess for it."""
    interview = application.interviews.get()
    interview.decision_phrase = "early next week"
    interview.decision_by = date(2026, 3, 18)
    interview.save()

    page = member.get(f"/interviews/{interview.pk}/edit/").content.decode()

    assert "Understood: Wed 18 Mar 2026." in page
    assert "Mon 9" not in page


def test_it_saves_what_each_interviewer_cared_about(
    member: Client, user: Any, now: datetime
) -> None:
    """Each person's own emphasis is stored on that person and reaches the planner case."""
    application = fresh(user)
    rows = people(
        {"name": "Amara Osei", "emphasised": "Mentoring junior analysts"},
        {"name": "Jon Berg", "emphasised": "Reliable nightly data loads"},
    )

    response = member.post(f"/applications/{application.pk}/interviews/new/", capture(rows))

    assert response.status_code == 302
    cared = dict(application.interviewers.values_list("name", "emphasised"))
    assert cared == {
        "Amara Osei": "Mentoring junior analysts",
        "Jon Berg": "Reliable nightly data loads",
    }
    case_people = build_case(application, now)["interviews"][0]["interviewers"]
    assert {person["emphasised"] for person in case_people} == set(cared.values())
    page = member.get(f"/applications/{application.pk}/").content.decode()
    assert "Cared about: Reliable nightly data loads" in page


def test_each_person_is_asked_what_they_cared_about_with_a_live_preview(
    member: Client, user: Any
) -> None:
    """Every row asks the question with an example, previews while typing, asks how to greet."""
    application = fresh(user)

    html = member.get(f"/applications/{application.pk}/interviews/new/").content.decode()

    assert html.count(">What did they care about?</label>") == 2
    assert "pipeline testing, wants SQL + Python" in html
    assert f'hx-post="/applications/{application.pk}/note-preview/"' in html
    assert 'hx-trigger="keyup changed delay:300ms, change"' in html
    assert 'id="id_people-0-emphasised_preview"' in html
    assert html.count(">How to greet them</label>") == 2
    assert "What did you forget to mention?" in html
    assert "What do you still need to clarify?" in html


def test_notes_typed_before_are_previewed_and_greeted_by_default_on_the_edit_page(
    member: Client, user: Any
) -> None:
    """A stored messy note shows its sentences; the greeting's placeholder is the default."""
    application = fresh(user)
    katrin = Interviewer.objects.create(
        application=application,
        name="Dr.-Ing. Katrin Hoffmann",
        emphasised="pipeline testing; seemed bored lol",
    )
    interview = Interview.objects.create(
        application=application,
        start=datetime(2026, 3, 3, 14, tzinfo=UTC),
        end=datetime(2026, 3, 3, 15, tzinfo=UTC),
    )
    interview.interviewers.add(katrin)

    html = member.get(f"/interviews/{interview.pk}/edit/").content.decode()

    assert "What you said about pipeline testing" in html
    assert "Kept to yourself" in html and "seemed bored lol" in html
    assert 'placeholder="Dr. Hoffmann"' in html


def test_a_forgotten_point_goes_to_the_person_picked_and_the_greeting_is_kept(
    member: Client, user: Any
) -> None:
    """Picking Jon (the second row) for the forgotten points stores him; the case says so."""
    application = fresh(user)
    rows = people(
        {"name": "Amara Osei", "title": "Engineering Manager", "salutation": "Ms Osei"},
        {"name": "Jon Berg"},
    )

    response = member.post(
        f"/applications/{application.pk}/interviews/new/",
        capture(rows, forgot="my airflow migration", forgot_for="row-1"),
    )

    assert response.status_code == 302
    interview = application.interviews.get()
    assert interview.forgot_for is not None and interview.forgot_for.name == "Jon Berg"
    case = build_case(application, datetime(2026, 3, 3, 16, tzinfo=UTC))
    assert case["interviews"][0]["forgot_for"] == interview.forgot_for.case_id
    assert case["interviews"][0]["interviewers"][0]["salutation"] == "Ms Osei"


def test_a_point_for_an_empty_row_is_refused_under_its_picker(member: Client, user: Any) -> None:
    """The blank second row cannot receive the point: the error names the field; nothing saved."""
    application = fresh(user)
    rows = people({"name": "Amara Osei"})

    response = member.post(
        f"/applications/{application.pk}/interviews/new/",
        capture(rows, to_clarify="salary: said 70 meant 75", to_clarify_for="row-1"),
    )

    assert response.status_code == 200
    assert "was not at this interview, so cannot receive what you want to clarify" in (
        response.content.decode()
    )
    assert not application.interviews.exists()


def test_the_preview_says_what_each_item_becomes(member: Client, user: Any) -> None:
    """Topics get their sentence, a question is kept, an unwritable item shows its slot."""
    application = fresh(user)

    response = member.post(
        f"/applications/{application.pk}/note-preview/",
        {
            "preview_field": "emphasised",
            "people-0-emphasised": (
                "wants sql + python; ask about on-call?; the thing w/ q3 re: ops"
            ),
        },
        HTTP_HX_REQUEST="true",
        HTTP_HX_TRIGGER_NAME="people-0-emphasised",
    )

    html = response.content.decode()
    assert "What you said about SQL and Python" in html
    assert "Kept to yourself" in html
    assert "[[Write one sentence about the thing w/ q3 re ops]]" in html


def test_the_preview_names_who_receives_each_point(member: Client, user: Any) -> None:
    """Pay goes to the recruiter, the work point to the manager, each with the reason."""
    application = fresh(user)
    rows = people(
        {"name": "Amara Osei", "title": "Engineering Manager"},
        {"name": "Jon Berg", "title": "Recruiter"},
    )

    response = member.post(
        f"/applications/{application.pk}/note-preview/",
        {
            **rows,
            "preview_field": "forgot",
            "forgot": "my airflow migration; salary expectations",
        },
        HTTP_HX_REQUEST="true",
        HTTP_HX_TRIGGER_NAME="forgot",
    )

    html = response.content.decode()
    assert "Goes to Amara Osei (most senior title)" in html
    assert "Goes to Jon Berg (handles hiring and pay)" in html


def test_the_preview_of_someone_elses_application_is_not_found(stranger: Client, user: Any) -> None:
    """An outsider gets 404, not the owner's people."""
    application = fresh(user)

    response = stranger.post(
        f"/applications/{application.pk}/note-preview/",
        {"preview_field": "forgot", "forgot": "x"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 404


def test_the_edit_page_shows_the_person_chosen_before(member: Client, user: Any) -> None:
    """A stored choice is selected on that person's row; saving unchanged keeps it."""
    application = fresh(user)
    member.post(
        f"/applications/{application.pk}/interviews/new/",
        capture(forgot="my airflow migration", forgot_for="row-1"),
    )
    interview = application.interviews.get()
    jon = Interviewer.objects.get(name="Jon Berg")

    html = member.get(f"/interviews/{interview.pk}/edit/").content.decode()

    rows = list(Interviewer.objects.filter(interviews=interview).order_by("pk"))
    index = rows.index(jon)
    assert f'<option value="row-{index}" selected>Jon Berg</option>' in html
    assert interview.forgot_for == jon


def test_a_person_id_no_row_can_have_is_a_form_error_not_a_server_error(
    member: Client, application: Application
) -> None:
    """An id past the database's integer range is "not one of the choices"; nothing is saved."""
    huge = "99999999999999999999999"
    interview = application.interviews.get()

    new = member.post(f"/applications/{application.pk}/interviews/new/", {"existing": huge})
    edit = member.post(f"/interviews/{interview.pk}/edit/", {"existing": huge})

    assert (new.status_code, edit.status_code) == (200, 200)
    assert "existing" in new.context["form"].errors
    assert application.interviews.count() == 1


@pytest.mark.parametrize("odd", ["²", "٣", "1²", "9" * 5000])
def test_digits_that_are_no_ids_are_a_form_answer_not_a_server_error(
    member: Client, user: Any, odd: str
) -> None:
    """ "²" passes str.isdigit but not int(): as an earlier person or a picker's row, it is
    refused like any unknown choice; nothing is saved (found by the hostile-input fuzzing)."""
    application = fresh(user)
    rows = people({"name": "Amara Osei"})

    response = member.post(
        f"/applications/{application.pk}/interviews/new/",
        capture(rows, existing=[odd], forgot="my airflow migration", forgot_for=f"row-{odd}"),
    )
    picked = member.post(
        f"/applications/{application.pk}/interviews/new/",
        capture(rows, forgot="my airflow migration", forgot_for=f"p{odd}"),
    )

    assert (response.status_code, picked.status_code) == (200, 200)
    assert not application.interviews.exists()

"""The right point to the right person: drafting/routing.py."""

from __future__ import annotations

from afterword.drafting.notes import NoteItem
from afterword.drafting.routing import default_choice, default_person, logistics_choice, recipient
from afterword.rules import case_from_data
from tests.rules.builders import case, interview, person

WORK = NoteItem("my airflow migration", "point")
PAY = NoteItem("salary expectation said 70 meant 75", "point", logistics=True)


def panel(**details: object):
    people = [
        person("eng", "Tom Becker", title="Head of Engineering"),
        person("mgr", "Priya Nair", title="Engineering Manager"),
        person("hr", "Ayşe Demir", title="Recruiter"),
    ]
    data = case(interviews=[interview(people=people, **details)])
    return case_from_data(data).interviews[0]


def test_a_work_point_goes_to_the_most_senior_interviewer():
    """No primary named: the highest title wins ("Head of" over "Manager")."""
    assert recipient(panel(), WORK, "forgot") == "eng"


def test_a_pay_point_goes_to_hr_never_to_the_engineering_lead():
    """Salary and benefits go to the person who handles them."""
    assert recipient(panel(), PAY, "to_clarify") == "hr"


def test_the_users_choice_wins():
    """ "forgot_for" names the person, whatever the point is about."""
    assert recipient(panel(forgot_for="mgr"), WORK, "forgot") == "mgr"


def test_the_primary_interviewer_is_the_default_when_one_is_marked():
    """ "primary: true" beats seniority."""
    people = [person("a", "Ann Lee", title="Director"), person("b", "Bo Chan", primary=True)]
    the = case_from_data(case(interviews=[interview(people=people)])).interviews[0]

    assert default_person(the).id == "b"  # type: ignore[union-attr]


def test_the_default_says_why_it_chose_that_person():
    """The form shows "Tom Becker (most senior title)" for work and "(handles hiring and pay)"."""
    work, pay = default_choice(panel()), logistics_choice(panel())

    assert work is not None and pay is not None
    assert (work.person.id, work.why) == ("eng", "most senior title")
    assert (pay.person.id, pay.why) == ("hr", "handles hiring and pay")


def test_a_marked_main_contact_is_chosen_as_the_main_contact():
    """With Priya marked primary, the reason says so."""
    data = case(
        interviews=[
            interview(
                people=[
                    person("eng", "Tom Becker", title="Head of Engineering"),
                    person("mgr", "Priya Nair", title="Engineering Manager", primary=True),
                ]
            )
        ]
    )

    choice = default_choice(case_from_data(data).interviews[0])

    assert choice is not None and (choice.person.id, choice.why) == ("mgr", "main contact")

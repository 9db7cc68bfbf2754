"""The interview form's preview helpers: the greeting shown by default and the automatic pick."""

from __future__ import annotations

from afterword.web.note_preview import (
    GREETING_EXAMPLE,
    automatic_label,
    greeting_placeholder,
    person_from,
)


def test_the_greeting_placeholder_is_the_default_for_the_tone_and_country() -> None:
    """A British formal note greets "Dr Hoffmann"; a warm one the first name."""
    formal = greeting_placeholder("Dr.-Ing. Katrin Hoffmann", "", "formal", "GB")
    warm = greeting_placeholder("Dr.-Ing. Katrin Hoffmann", "", "warm", "GB")

    assert (formal, warm) == ("Dr Hoffmann", "Katrin")


def test_a_row_without_a_name_shows_an_example_instead() -> None:
    """Nothing typed yet: the placeholder shows what may be written."""
    assert greeting_placeholder("  ", "Recruiter", "formal", "US") == GREETING_EXAMPLE


def test_the_automatic_option_names_one_person_when_every_point_goes_to_them() -> None:
    """Two work points, a marked main contact: "Automatic: Amara Osei (main contact)"."""
    people = [person_from("row-0", "Jon Berg"), person_from("row-1", "Amara Osei", primary=True)]

    label = automatic_label("my airflow migration; my dbt course", "forgot", people)

    assert label == "Automatic: Amara Osei (main contact)"


def test_the_automatic_option_says_each_point_goes_where_it_belongs_when_they_split() -> None:
    """Pay to the recruiter and work to the manager: no single name is promised."""
    people = [
        person_from("row-0", "Amara Osei", "Engineering Manager"),
        person_from("row-1", "Jon Berg", "Recruiter"),
    ]

    label = automatic_label("my airflow migration; salary expectations", "forgot", people)

    assert label == "Automatic: the person each point concerns"

"""A person's own page: every detail corrected once, for every round they were at."""

from __future__ import annotations

import pytest
from django.test import Client

from afterword.tracker.models import Application, Interviewer

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Tomasz Wilkowski",
    "title": "Senior Analyst",
    "email": "t.wilkowski@harbour.example",
    "phone": "+1 212 555 0199",
    "address": "1 Dock Road\nNew York",
    "emphasised": "dashboards for the night shift",
    "salutation": "Mr Wilkowski",
    "is_primary": "on",
}


def test_the_page_shows_every_detail_and_the_rounds(
    member: Client, application: Application
) -> None:
    """Name, title, contact details and the round are on the page; the greeting is suggested."""
    tomasz = application.interviewers.get(name="Tomasz Wilk")

    html = member.get(f"/people/{tomasz.pk}/edit/").content.decode()

    assert "<h1>Edit Tomasz Wilk</h1>" in html and "Met at round 1." in html
    assert 'value="Tomasz Wilk"' in html and 'value="Analyst"' in html
    assert 'placeholder="' in html


def test_saving_changes_every_field_and_makes_them_the_main_contact(
    member: Client, application: Application
) -> None:
    """Every field is stored; Priya is no longer the main contact; back to the application."""
    tomasz = application.interviewers.get(name="Tomasz Wilk")

    response = member.post(f"/people/{tomasz.pk}/edit/", FORM)

    tomasz.refresh_from_db()
    assert response["Location"] == f"/applications/{application.pk}/"
    assert tomasz.name == "Tomasz Wilkowski" and tomasz.address == "1 Dock Road\nNew York"
    assert (tomasz.salutation, tomasz.is_primary) == ("Mr Wilkowski", True)
    assert not Interviewer.objects.get(name="Priya Natarajan").is_primary


def test_a_bad_email_is_shown_and_nothing_changes(member: Client, application: Application) -> None:
    """The page keeps the old name in its heading and names the field."""
    tomasz = application.interviewers.get(name="Tomasz Wilk")

    response = member.post(f"/people/{tomasz.pk}/edit/", {**FORM, "email": "nope"})

    html = response.content.decode()
    assert "<h1>Edit Tomasz Wilk</h1>" in html and "error-summary" in html
    assert Interviewer.objects.get(pk=tomasz.pk).name == "Tomasz Wilk"


def test_an_outsider_cannot_edit_someone_elses_person(
    stranger: Client, application: Application
) -> None:
    """404, and the person stays as they were."""
    tomasz = application.interviewers.get(name="Tomasz Wilk")

    assert stranger.post(f"/people/{tomasz.pk}/edit/", FORM).status_code == 404
    assert Interviewer.objects.get(pk=tomasz.pk).name == "Tomasz Wilk"

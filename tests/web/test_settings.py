"""The settings page: zone, country, profile, channel, hour and letters; plans follow them."""

from __future__ import annotations

from typing import Any

from django.test import Client

from afterword.tracker.models import Application, UserSettings


def settings_form(**overrides: str) -> dict[str, str]:
    data = {
        "timezone": "Europe/Berlin",
        "country": "DE",
        "subdivision": "BY",
        "profile": "patient",
        "check_in_channel": "phone",
        "contact_hour": "14",
        "letters": "on",
    }
    data.update(overrides)
    return data


def test_it_explains_the_three_profiles(member: Client, user: Any) -> None:
    """Prompt, standard and patient are each described in plain words."""
    response = member.get("/settings/")

    html = response.content.decode()
    assert "first check-in after 3 business days" in html
    assert "first check-in after a week" in html
    assert "first check-in after two weeks" in html
    assert 'value="standard"' in html and "checked" in html


def test_it_saves_every_setting(member: Client, user: Any) -> None:
    """All seven settings are stored for this user."""
    response = member.post("/settings/", settings_form())

    assert response.status_code == 302
    mine = UserSettings.objects.get(user=user)
    assert (mine.timezone, mine.country, mine.subdivision) == ("Europe/Berlin", "DE", "BY")
    assert (mine.profile, mine.check_in_channel, mine.contact_hour) == ("patient", "phone", 14)
    assert mine.letters is True
    assert "Settings saved" in member.get("/settings/").content.decode()


def test_it_replans_with_the_new_settings(member: Client, application: Application) -> None:
    """Turning letters on adds a printed thank-you for each interviewer to the stored plan."""
    assert not application.actions.filter(kind="thank_you_letter").exists()

    member.post(
        "/settings/", settings_form(timezone="America/New_York", country="US", subdivision="NY")
    )

    assert application.actions.filter(kind="thank_you_letter").count() == 2


def test_it_refuses_an_unknown_time_zone(member: Client, user: Any) -> None:
    """A zone that does not exist is named on the form and nothing changes."""
    response = member.post("/settings/", settings_form(timezone="Atlantis/Capital"))

    assert "Time zone: Select a valid choice." in response.content.decode()
    assert UserSettings.objects.get(user=user).timezone == "UTC"


def test_it_refuses_a_subdivision_of_another_country(member: Client, user: Any) -> None:
    """NY is not a German state: refused, and the country stays as it was."""
    response = member.post("/settings/", settings_form(subdivision="NY"))

    assert "Unknown code &#x27;NY&#x27; for DE" in response.content.decode()
    assert UserSettings.objects.get(user=user).country == "US"


def test_it_refuses_a_contact_hour_outside_office_hours(member: Client, user: Any) -> None:
    """Contact hours run from 9 to 16 (T2)."""
    response = member.post("/settings/", settings_form(contact_hour="20"))

    assert "Contact hour: Select a valid choice." in response.content.decode()
    assert UserSettings.objects.get(user=user).contact_hour == 10

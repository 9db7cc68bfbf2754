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

    assert "Time zone: Unknown time zone &#x27;Atlantis/Capital&#x27;" in response.content.decode()
    assert UserSettings.objects.get(user=user).timezone == "UTC"


def test_a_zone_is_found_as_people_type_it(member: Client, user: Any) -> None:
    """Lower case and spaces for underscores: 'america/new york' is America/New_York."""
    member.post(
        "/settings/", settings_form(timezone="america/new york", country="US", subdivision="")
    )

    assert UserSettings.objects.get(user=user).timezone == "America/New_York"


def test_the_zone_box_suggests_names_from_a_list(member: Client) -> None:
    """The zone is a text box tied to a datalist of zone names, not a 590-entry select."""
    html = member.get("/settings/").content.decode()

    assert 'list="zone-names"' in html and '<datalist id="zone-names">' in html
    assert '<option value="Europe/Paris"></option>' in html


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


def test_it_saves_what_the_drafts_sign_with(member: Client, user: Any) -> None:
    """Name, phone, address, tone and spelling words are stored for the drafts."""
    data = settings_form(
        full_name="Sam Rivera",
        phone="+1 212 555 0199",
        postal_address="12 Elm Street\nBrooklyn, NY 11201",
        tone="warm",
        spelling_words="Kubernetes NYU",
    )

    response = member.post("/settings/", data)

    assert response.status_code == 302
    mine = UserSettings.objects.get(user=user)
    assert (mine.full_name, mine.phone, mine.tone) == ("Sam Rivera", "+1 212 555 0199", "warm")
    assert mine.postal_address == "12 Elm Street\nBrooklyn, NY 11201"
    assert mine.spelling_words == "Kubernetes NYU"
    assert "About you (for your drafts)" in member.get("/settings/").content.decode()


def test_it_keeps_the_tone_when_the_form_leaves_it_out(member: Client, user: Any) -> None:
    """A form without the tone field (an older page) does not reset the chosen tone."""
    UserSettings.objects.filter(user=user).update(tone="formal")

    member.post("/settings/", settings_form())

    assert UserSettings.objects.get(user=user).tone == "formal"


def test_it_refuses_an_unknown_tone(member: Client, user: Any) -> None:
    """Only auto, formal and warm are tones; anything else is named on the form."""
    response = member.post("/settings/", settings_form(tone="shouty", full_name="Sam Rivera"))

    assert "Tone of your drafts: Select a valid choice." in response.content.decode()
    assert 'value="Sam Rivera"' in response.content.decode()
    assert UserSettings.objects.get(user=user).full_name == ""

"""Accounts: sign up, log in, log out, password change and reset by email."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from afterword.tracker.models import UserSettings
from tests.factories import PASSWORD

NEW_PASSWORD = "lantern-harbour-quiet-93"


def signup_form(**overrides: str) -> dict[str, str]:
    data = {
        "username": "june",
        "email": "june@example.test",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "timezone": "Europe/Lisbon",
        "country": "PT",
    }
    data.update(overrides)
    return data


def test_it_signs_up_with_a_time_zone_and_country(client: Client, db: None) -> None:
    """A new account stores its zone and country and lands on Today, signed in."""
    response = client.post("/accounts/signup/", signup_form(), follow=True)

    user = User.objects.get(username="june")
    mine = UserSettings.objects.get(user=user)
    assert (mine.timezone, mine.country) == ("Europe/Lisbon", "PT")
    assert response.context["user"] == user
    assert "<h1>Today</h1>" in response.content.decode()


def test_a_zone_the_browser_did_not_give_falls_back_to_the_countrys(
    client: Client, db: None
) -> None:
    """No zone (no script) or one the database lacks: the country's main zone is kept."""
    client.post("/accounts/signup/", signup_form(timezone="Nowhere/Special", country="NZ"))

    mine = UserSettings.objects.get(user__username="june")
    assert (mine.timezone, mine.country) == ("Pacific/Auckland", "NZ")


def test_it_keeps_the_region_asked_at_sign_up(client: Client, db: None) -> None:
    """State or region is asked once, with the country, and stored in its canonical form."""
    client.post("/accounts/signup/", signup_form(country="US", subdivision="ny"))

    assert UserSettings.objects.get(user__username="june").subdivision == "NY"


def test_it_refuses_a_region_of_another_country(client: Client, db: None) -> None:
    """A region code the country lacks is named on its field and nothing is created."""
    response = client.post("/accounts/signup/", signup_form(country="PT", subdivision="NY"))

    assert "State or region (optional): Unknown code" in response.content.decode()
    assert not User.objects.filter(username="june").exists()


def test_the_country_starts_at_the_browsers_language_region(client: Client, db: None) -> None:
    """en-GB starts the country list at the United Kingdom; no region leaves the US default."""
    british = client.get("/accounts/signup/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    plain = client.get("/accounts/signup/", HTTP_ACCEPT_LANGUAGE="en")

    assert british.context["form"]["country"].initial == "GB"
    assert plain.context["form"]["country"].initial == "US"


def test_it_refuses_mismatched_passwords(client: Client, db: None) -> None:
    """The confirmation must match; nothing is created."""
    response = client.post("/accounts/signup/", signup_form(password2="something-else-77"))

    assert "Password confirmation:" in response.content.decode()
    assert not User.objects.filter(username="june").exists()


def test_it_refuses_an_email_already_in_use(client: Client, user: Any) -> None:
    """One account per address, so password resets reach the right person."""
    response = client.post("/accounts/signup/", signup_form(email=user.email))

    assert "An account already uses this address" in response.content.decode()


def test_it_logs_in_and_goes_to_today(client: Client, user: Any) -> None:
    """The log-in form uses our template and leads to Today."""
    page = client.get("/accounts/login/").content.decode()
    assert "Forgot your password?" in page

    response = client.post("/accounts/login/", {"username": "sam", "password": PASSWORD})

    assert response["Location"] == "/"


def test_it_says_when_a_login_fails(client: Client, user: Any) -> None:
    """A wrong password is reported without saying which part was wrong."""
    response = client.post("/accounts/login/", {"username": "sam", "password": "wrong-one"})

    assert "Please enter a correct username and password" in response.content.decode()


def test_it_logs_out_with_post_only(member: Client) -> None:
    """Log out is a POST (a link could be triggered by another site) and ends the session."""
    assert member.get("/accounts/logout/").status_code == 405

    response = member.post("/accounts/logout/")

    assert response["Location"] == "/accounts/login/"
    assert member.get("/")["Location"].startswith("/accounts/login/")


def test_it_changes_the_password(member: Client, user: Any) -> None:
    """The old password is checked and the new one works afterwards."""
    page = member.get("/accounts/password_change/").content.decode()
    assert "Change your password" in page

    response = member.post(
        "/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    assert "Password changed" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_it_resets_a_forgotten_password_by_email(client: Client, user: Any) -> None:
    """The reset email carries a one-time link that sets a new password."""
    client.post("/accounts/password_reset/", {"email": user.email})

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Choose a new Afterword password"
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body)
    assert link is not None
    form_url = client.get(link.group(1), follow=True).redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )
    assert "Password saved" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_it_keeps_signed_in_people_away_from_sign_up(member: Client) -> None:
    """A signed-in user who opens sign-up is sent to Today."""
    response = member.get("/accounts/signup/")

    assert response["Location"] == "/"

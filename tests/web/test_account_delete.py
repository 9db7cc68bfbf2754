"""Settings › Delete my account: the password again, then everything goes and the session ends."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from afterword.tracker.models import Application
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_settings_link_to_the_deletion_page(member: Client) -> None:
    """Settings has a "Delete my account" link."""
    html = member.get("/settings/").content.decode()

    assert 'href="/settings/delete-account/"' in html and "Delete my account" in html


def test_the_page_counts_what_goes_and_asks_for_the_password(
    member: Client, application: Application
) -> None:
    """Applications, interviews and people are counted; the password field is labelled."""
    html = member.get("/settings/delete-account/").content.decode()

    assert "<strong>1</strong> application<" in html
    assert "<strong>2</strong> people<" in html
    assert 'autocomplete="current-password"' in html and "Your password" in html


def test_a_wrong_password_deletes_nothing(
    member: Client, application: Application, user: Any
) -> None:
    """The error names the field; the account and its data stay."""
    response = member.post("/settings/delete-account/", {"password": "not-it"})

    assert response.status_code == 200
    assert "That is not your password." in response.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert Application.objects.filter(pk=application.pk).exists()


def test_the_right_password_deletes_the_account_and_signs_out(
    member: Client, application: Application, user: Any, outsider: Any
) -> None:
    """Everything of the user goes, the next page asks to log in, the other user stays."""
    response = member.post("/settings/delete-account/", {"password": PASSWORD})

    assert "Your account is deleted" in response.content.decode()
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not Application.objects.filter(pk=application.pk).exists()
    assert member.get("/").status_code == 302
    assert get_user_model().objects.filter(pk=outsider.pk).exists()


def test_deleting_needs_post(member: Client, user: Any) -> None:
    """GET only shows the page."""
    member.get("/settings/delete-account/")

    assert get_user_model().objects.filter(pk=user.pk).exists()

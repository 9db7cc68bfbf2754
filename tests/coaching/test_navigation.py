"""The main menu's Coaching item: for members of a career centre only, current on its pages."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from django.test import Client
from django.urls import reverse

from tests.coaching.conftest import Centre, give_consent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def menu(client: Client, url: str) -> str:
    """The main menu's HTML on the page at ``url``."""
    page = client.get(url).content.decode()
    found = re.search(r'<nav class="site-nav" aria-label="Main">(.*?)</nav>', page, re.S)
    assert found is not None
    return found.group(1)


def test_a_coach_has_coaching_in_the_menu_before_settings(client: Client, centre: Centre) -> None:
    """A coach's menu links the career-centre hub, between Outbox and Settings."""
    client.force_login(centre.coach)

    items = re.findall(r">([^<]+)</a></li>", menu(client, reverse("today")))

    assert items[-3:] == ["Outbox", "Coaching", "Settings"]
    assert items[0] == "Today"


def test_a_student_of_a_centre_has_coaching_in_the_menu(client: Client, centre: Centre) -> None:
    """A student reaches their consent and access log from the menu too."""
    client.force_login(centre.student)

    assert '<a href="/coaching/">Coaching</a>' in menu(client, reverse("today"))


def test_someone_outside_any_centre_has_no_coaching_item(client: Client, centre: Centre) -> None:
    """A user of no organisation never sees the item."""
    client.force_login(UserFactory(username="loner"))

    assert "Coaching" not in menu(client, reverse("today"))
    assert "/coaching/" not in menu(client, reverse("settings"))


@pytest.mark.parametrize(
    "route", ["coaching_hub", "coaching_cohort", "coaching_join", "coaching_access_log"]
)
def test_coaching_is_current_on_every_career_centre_page(
    client: Client, centre: Centre, route: str
) -> None:
    """The item carries aria-current on the hub and every page under /coaching/."""
    client.force_login(centre.coach)

    nav = menu(client, reverse(route))

    assert '<a href="/coaching/" aria-current="page">Coaching</a>' in nav
    assert nav.count("aria-current") == 1


def test_coaching_is_current_on_a_student_page(
    client: Client, centre: Centre, now: datetime
) -> None:
    """On one student's page the coach's menu still says where they are."""
    give_consent(centre, centre.student, centre.coach, now)
    client.force_login(centre.coach)

    nav = menu(client, reverse("coaching_student", args=[centre.student.pk]))

    assert '<a href="/coaching/" aria-current="page">Coaching</a>' in nav


def test_coaching_is_not_current_elsewhere(client: Client, centre: Centre) -> None:
    """On Today only Today is current."""
    client.force_login(centre.coach)

    nav = menu(client, reverse("today"))

    assert '<a href="/coaching/">Coaching</a>' in nav
    assert '<a href="/" aria-current="page">Today</a>' in nav

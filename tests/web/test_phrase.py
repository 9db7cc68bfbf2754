"""The phrase preview: what a decision phrase means, shown while typing (htmx)."""

from __future__ import annotations

from django.test import Client

from tests.web.conftest import HX


def test_it_shows_the_date_a_phrase_means(member: Client, user: object) -> None:
    """ "End of next week" from Tue 3 Mar 2026 is Friday 13 March."""
    response = member.get(
        "/phrase/", {"decision_phrase": "end of next week", "day": "2026-03-03"}, **HX
    )

    html = response.content.decode()
    assert "Plans will use <strong>Friday 13 March 2026</strong>" in html
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_it_counts_the_new_date_field_from_today(member: Client, now: object) -> None:
    """Without an interview date the phrase counts from the user's today."""
    response = member.get("/phrase/", {"new_date": "end of next week"}, **HX)

    assert "Friday 13 March 2026" in response.content.decode()


def test_it_explains_a_phrase_it_cannot_read(member: Client, user: object) -> None:
    """Nonsense gets the parser's own explanation with examples."""
    response = member.get("/phrase/", {"decision_phrase": "when pigs fly", "day": "2026-03-03"})

    html = response.content.decode()
    assert "Could not understand" in html
    assert "end of next week" in html


def test_it_says_nothing_for_an_empty_field(member: Client, user: object) -> None:
    """A cleared field clears the preview."""
    response = member.get("/phrase/", {"decision_phrase": "  "}, **HX)

    assert response.content.decode().strip() == ""


def test_it_falls_back_to_us_holidays_for_an_unknown_country(member: Client, user: object) -> None:
    """An unknown country code falls back to US holidays instead of failing."""
    response = member.get(
        "/phrase/", {"decision_phrase": "by Friday", "day": "2026-03-03", "country": "XX"}, **HX
    )

    assert "Friday 6 March 2026" in response.content.decode()


def test_it_requires_a_login(client: Client, db: None) -> None:
    """Anonymous visitors are sent to log in."""
    response = client.get("/phrase/", {"decision_phrase": "next week"})

    assert response.status_code == 302

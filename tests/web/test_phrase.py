"""The phrase preview: what a decision phrase means, shown while typing (htmx)."""

from __future__ import annotations

from django.test import Client

from tests.web.conftest import HX


def test_it_shows_the_range_a_phrase_means(member: Client, user: object) -> None:
    """ "Early next week" from Tue 3 Mar 2026 is Mon 9 - Tue 10 March; the plan uses the 10th."""
    response = member.get(
        "/phrase/", {"decision_phrase": "early next week", "day": "2026-03-03"}, **HX
    )

    html = response.content.decode()
    assert (
        "Understood: Mon 9 – Tue 10 Mar 2026 (early next week); the plan uses Tue 10 Mar." in html
    )
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_it_shows_a_deadline_as_running_from_the_interview_day(
    member: Client, user: object
) -> None:
    """ "End of next week" is a deadline: from the interview day to Friday of next week."""
    response = member.get(
        "/phrase/", {"decision_phrase": "end of next week", "day": "2026-03-03"}, **HX
    )

    assert "Understood: Tue 3 – Fri 13 Mar 2026" in response.content.decode()


def test_it_shows_one_day_once(member: Client, user: object) -> None:
    """A phrase naming one day shows that day alone, with no separate planned day."""
    response = member.get(
        "/phrase/", {"decision_phrase": "next Tuesday", "day": "2026-03-03"}, **HX
    )

    html = response.content.decode()
    assert "Understood: Tue 10 Mar 2026 (next Tuesday)." in html
    assert "the plan uses" not in html


def test_it_counts_the_new_date_field_from_today(member: Client, now: object) -> None:
    """Without an interview date the phrase counts from the user's today (Tue 3 Mar 2026)."""
    response = member.get("/phrase/", {"new_date": "in 3-5 business days"}, **HX)

    assert "Understood: Fri 6 – Tue 10 Mar 2026 (in 3-5 business days)" in response.content.decode()


def test_it_explains_a_phrase_it_cannot_read(member: Client, user: object) -> None:
    """Nonsense is refused with the field named and the parser's examples, never a date."""
    response = member.get("/phrase/", {"decision_phrase": "when pigs fly", "day": "2026-03-03"})

    html = response.content.decode()
    assert "<strong>When will they decide, in their words?</strong> Could not understand" in html
    assert "end of next week" in html
    assert "Understood" not in html


def test_it_refuses_a_new_date_that_is_already_over(member: Client, now: object) -> None:
    """A new date whose days have all passed is refused under the news form's field name."""
    response = member.get("/phrase/", {"new_date": "by 1 March 2026"}, **HX)

    html = response.content.decode()
    assert (
        "<strong>Their new date (optional)</strong> &#x27;by 1 March 2026&#x27; is already over"
        in html
    )
    assert "Understood" not in html


def test_it_says_nothing_for_an_empty_field(member: Client, user: object) -> None:
    """A cleared field clears the preview."""
    response = member.get("/phrase/", {"decision_phrase": "  "}, **HX)

    assert response.content.decode().strip() == ""


def test_it_falls_back_to_us_holidays_for_an_unknown_country(member: Client, user: object) -> None:
    """An unknown country code falls back to US holidays instead of failing."""
    response = member.get(
        "/phrase/", {"decision_phrase": "by Friday", "day": "2026-03-03", "country": "XX"}, **HX
    )

    assert "Understood: Tue 3 – Fri 6 Mar 2026 (by Friday)" in response.content.decode()


def test_it_requires_a_login(client: Client, db: None) -> None:
    """Anonymous visitors are sent to log in."""
    response = client.get("/phrase/", {"decision_phrase": "next week"})

    assert response.status_code == 302

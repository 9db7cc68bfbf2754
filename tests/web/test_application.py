"""The application page: facts, people with contact links, timeline, plan and the news form."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.test import Client

from afterword.tracker.models import Application
from afterword.tracker.services import record_event


def test_it_shows_the_employer_role_and_job_code(member: Client, application: Application) -> None:
    """The heading names the employer; role and job code follow."""
    response = member.get(f"/applications/{application.pk}/")

    html = response.content.decode()
    assert "<h1>Harbour Logistics</h1>" in html
    assert "Data Analyst · job code REQ-77" in html


def test_it_links_each_interviewers_email_and_phone(
    member: Client, application: Application
) -> None:
    """Contact details become mailto: and tel: links; the main contact is marked."""
    response = member.get(f"/applications/{application.pk}/")

    html = response.content.decode()
    assert 'href="mailto:priya@harbour.example"' in html
    assert 'href="tel:+12125550142"' in html
    assert "Head of Data" in html
    assert "main contact" in html


def test_it_shows_the_plan_with_reasons_and_rules(member: Client, application: Application) -> None:
    """Every stored action is listed with its reason; the status tag says where it stands."""
    response = member.get(f"/applications/{application.pk}/")

    html = response.content.decode()
    assert 'id="plan"' in html
    assert "Thank-you pending" in html
    for action in application.actions.all():
        assert action.why in html
    assert html.count('/done/">Done</button>') == application.actions.count()


def test_it_lists_what_happened_newest_first(
    member: Client, application: Application, now: datetime
) -> None:
    """The timeline holds the interview and each event, the latest on top."""
    record_event(
        application,
        "thank_you_sent",
        now - timedelta(hours=1),
        interview=application.interviews.get(),
        interviewer=application.interviewers.get(name="Priya Natarajan"),
    )

    response = member.get(f"/applications/{application.pk}/")

    html = response.content.decode()
    timeline = html[html.index('class="timeline"') :]
    assert timeline.index("Thank-you email sent") < timeline.index("Interview, round 1")
    assert "to Priya Natarajan" in timeline


def test_it_offers_every_kind_of_news(member: Client, application: Application) -> None:
    """The record-news form lists all eight kinds of news, with a phrase-aware date field."""
    response = member.get(f"/applications/{application.pk}/")

    html = response.content.decode()
    for label in (
        "They replied: no decision yet",
        "I checked in",
        "I called, nobody answered",
        "They invited me to another round",
        "I have another offer with a deadline",
        "They made me an offer",
        "They chose someone else",
        "I withdrew",
    ):
        assert label in html
    assert 'hx-get="/phrase/"' in html


def test_it_dates_interviews_on_the_employers_clock(
    member: Client, application: Application
) -> None:
    """The interview is shown at the hour it happened where it happened."""
    response = member.get(f"/applications/{application.pk}/")

    assert "Mon 2 Mar 2026, 10:00–11:00 (New York time)" in response.content.decode()


def test_a_decision_said_as_a_range_is_shown_as_a_range(
    member: Client, application: Application
) -> None:
    """'early next week' said on Mon 2 Mar reads as Mon 9 – Tue 10 Mar, not just Tue 10 Mar."""
    interview = application.interviews.get()
    interview.decision_phrase = "early next week"
    interview.decision_by = date(2026, 3, 10)
    interview.save()

    html = member.get(f"/applications/{application.pk}/").content.decode()

    assert "Mon 9 – Tue 10 Mar 2026 (“early next week”)" in html

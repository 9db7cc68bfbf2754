"""Keeping the search moving (P1) across all applications."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from afterword.rules.search import ApplicationSummary, keep_searching

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def summary(status: str, days_ago: int) -> ApplicationSummary:
    return ApplicationSummary(status, NOW - timedelta(days=days_ago))  # type: ignore[arg-type]


def test_nothing_waiting_means_no_reminder():
    """P1 applies only while some application waits for news."""
    applications = [summary("decided", 1), summary("no_response", 30)]

    assert keep_searching(applications, NOW) is None


@pytest.mark.parametrize(
    ("active", "expected"),
    [
        (1, "no other application is"),
        (2, "only one other application is"),
        (3, "only 2 other applications are"),
    ],
)
def test_fewer_than_three_other_active_applications_prompt_a_reminder(active, expected):
    """P1: one waiting application with fewer than three others in progress."""
    applications = [summary("waiting", 1) for _ in range(active)]

    note = keep_searching(applications, NOW)

    assert note is not None
    assert note.rules == ("P1",)
    assert expected in note.text


def test_a_busy_search_with_no_new_application_this_week_prompts_a_reminder():
    """P1: four active applications, the newest eight days old."""
    applications = [
        summary("waiting", 8),
        summary("waiting", 10),
        summary("thank_you_pending", 9),
        summary("waiting", 20),
    ]

    note = keep_searching(applications, NOW)

    assert note is not None
    assert "last seven days" in note.text


def test_a_busy_search_with_a_new_application_needs_no_reminder():
    """P1: four active applications, one added six days ago."""
    applications = [
        summary("waiting", 6),
        summary("waiting", 10),
        summary("waiting", 9),
        summary("thank_you_pending", 20),
        summary("decided", 2),
    ]

    assert keep_searching(applications, NOW) is None


def test_decided_applications_do_not_count_as_active():
    """P1: three decided applications and one waiting still leave it alone."""
    applications = [summary("waiting", 1)] + [summary("decided", 1) for _ in range(3)]

    note = keep_searching(applications, NOW)

    assert note is not None
    assert "no other application is" in note.text


def test_a_summary_of_several_applications_counts_as_that_many():
    """One summary per status (its count, its newest) reads as the applications one by one."""
    one_by_one = [summary("waiting", 9) for _ in range(3)] + [summary("thank_you_pending", 8)]
    grouped = [
        ApplicationSummary("waiting", NOW - timedelta(days=9), 3),  # type: ignore[arg-type]
        ApplicationSummary("thank_you_pending", NOW - timedelta(days=8), 1),  # type: ignore[arg-type]
    ]

    assert keep_searching(grouped, NOW) == keep_searching(one_by_one, NOW)
    assert keep_searching(grouped[:1], NOW) == keep_searching(one_by_one[:3], NOW)
    assert "only 2 other applications are" in str(keep_searching(grouped[:1], NOW))

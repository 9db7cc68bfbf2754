"""The Stats page's numbers, from hand-made histories with dates worked out by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from afterword.stats.figures import (
    AppHistory,
    Moment,
    check_ins,
    interview_replies,
    reply_days,
    reply_share,
    stage_at,
    stages_by_week,
    thank_you_timing,
)

NOW = datetime(2026, 12, 4, 12, tzinfo=UTC)


def day(n: int, hour: int = 10) -> datetime:
    """``n`` days before NOW's date, at ``hour`` UTC."""
    return datetime(2026, 12, 4, hour, tzinfo=UTC) - timedelta(days=n)


def history() -> AppHistory:
    """Created 30 days ago; interview 20 days ago (2 people); reply 15 and offer 3 days ago."""
    return AppHistory(
        created_at=day(30),
        interviews=[(1, day(20, 10), day(20, 11), 2)],
        events=[
            Moment(day(20, 20), "thank_you_sent", 1, 10),
            Moment(day(18, 12), "thank_you_sent", 1, 11),
            Moment(day(16), "check_in_sent"),
            Moment(day(15), "reply"),
            Moment(day(3), "offer"),
        ],
    )


def test_the_stage_follows_the_history() -> None:
    """Not there yet, no interview, interviewing, then an offer."""
    h = history()

    assert [stage_at(h, day(n)) for n in (40, 25, 10, 1)] == [
        None,
        "No interview yet",
        "Interviewing",
        "Offer",
    ]


def test_a_rejection_closes_the_application() -> None:
    """Rejected: counted as closed, not as an offer."""
    h = AppHistory(created_at=day(9), events=[Moment(day(2), "rejection")])

    assert stage_at(h, NOW) == "Closed"


def test_weekly_stages_count_every_application_once_a_week() -> None:
    """Twelve points, the last at now, each summing to the applications then existing."""
    points = stages_by_week([history(), AppHistory(created_at=day(1))], NOW)

    assert len(points) == 12 and points[-1][0] == NOW
    assert points[-1][1] == {"No interview yet": 1, "Interviewing": 0, "Offer": 1, "Closed": 0}
    assert sum(points[0][1].values()) == 0


def test_reply_share_and_days_count_the_first_answer_after_each_interview() -> None:
    """One interview, answered 5 days after it ended (11:00 -> 10:00 five days on: 4 days 23 h)."""
    replies = interview_replies([history()], NOW)

    assert reply_share(replies) == (1, 1)
    assert dict(reply_days(replies))["3–6"] == 1


def test_an_interview_without_an_answer_counts_as_unanswered() -> None:
    """No reply event: held, not answered."""
    h = AppHistory(created_at=day(9), interviews=[(1, day(8), day(8, 11), 1)])

    assert reply_share(interview_replies([h], NOW)) == (0, 1)


def test_thank_yous_are_sorted_by_how_soon_they_went_out() -> None:
    """9 h after: on time; 49 h after: later; nobody left unthanked."""
    assert thank_you_timing([history()], NOW) == [
        ("Within 24 hours", 1),
        ("24–48 hours", 0),
        ("Later", 1),
        ("Not sent", 0),
    ]


def test_a_person_not_thanked_is_counted_as_not_sent() -> None:
    """Two people, one thanked in time: one not sent."""
    h = AppHistory(
        created_at=day(9),
        interviews=[(1, day(8), day(8, 11), 2)],
        events=[Moment(day(8, 15), "thank_you_sent", 1, 10)],
    )

    assert dict(thank_you_timing([h], NOW))["Not sent"] == 1


def test_a_check_in_counts_as_answered_only_when_a_reply_came_before_the_next() -> None:
    """Two check-ins, a reply after the second: two sent, one answered."""
    h = AppHistory(
        created_at=day(30),
        events=[
            Moment(day(20), "check_in_sent"),
            Moment(day(10), "check_in_sent"),
            Moment(day(5), "reply"),
        ],
    )

    assert check_ins([h]) == (2, 1)


def test_an_application_noted_after_its_interview_counts_from_the_interview() -> None:
    """Added today for an interview 10 days ago: interviewing since then, not only today."""
    h = AppHistory(created_at=day(0), interviews=[(1, day(10), day(10, 11), 1)])

    assert stage_at(h, day(5)) == "Interviewing"

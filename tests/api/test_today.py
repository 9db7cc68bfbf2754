"""/api/today: the Today page's sections, in the caller's own time zone."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_today_lists_the_thank_yous_due_today(api: Any, application: Any) -> None:
    """Both interviewers' thank-you emails are due today, with their rule ids and why."""
    today = api.get("/today").json()

    assert today["day"] == "2026-03-03"
    assert [row["person"] for row in today["today"]] == ["Priya Natarajan", "Tomasz Wilk"]
    assert all(row["rules"] and row["why"] for row in today["today"])


def test_today_is_empty_for_someone_else(intruder: Any, application: Any) -> None:
    """Another user's Today has none of these actions."""
    today = intruder.get("/today").json()

    assert today["overdue"] == today["today"] == today["this_week"] == []

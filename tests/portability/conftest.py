"""Fixtures for export and import: a full account (the demo's applications) to move around."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from afterword.tracker import access
from afterword.tracker.demo import create_demo
from afterword.tracker.models import Action, Interview, Interviewer
from afterword.tracker.services import mark_bounced
from afterword.tracker.services.drafts import mark_sent, open_draft, save_draft


@pytest.fixture
def demo_user(db: None, now: datetime) -> Any:
    """The demo account: applications in every state, with events, drafts and people."""
    create_demo(now)
    user = get_user_model().objects.get(username="demo")
    actions = list(access.belonging_to(user.pk, Action).order_by("due", "pk"))
    # One draft still open, one sent (tied to the event its sending recorded), one bounce,
    # and a typed phrase: the parts of an account the planner's case does not carry.
    save_draft(open_draft(actions[0], now), "Thank you", "Dear Priya,\n\nThank you for today.")
    sent = open_draft(actions[1], now)
    mark_sent(sent, now)
    person = access.belonging_to(user.pk, Interviewer).order_by("pk").last()
    assert person is not None
    mark_bounced([person], now)
    interview = access.belonging_to(user.pk, Interview).order_by("pk").first()
    assert interview is not None
    interview.decision_phrase = "end of next week"
    interview.next_steps = "A take-home exercise."
    interview.save()
    return user

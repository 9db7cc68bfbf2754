"""The Stats page's charts in Chromium: text readable at 360 px, labels apart, nothing cut off."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from afterword.tracker.models import Application
from afterword.tracker.services import replan
from tests.factories import (
    PASSWORD,
    ApplicationFactory,
    InterviewerFactory,
    InterviewFactory,
    UserFactory,
)
from tests.web.browser import assert_no_horizontal_scroll, log_in, open_page
from tests.web.conftest import chromium, shoot  # noqa: F401

pytestmark = pytest.mark.browser

# Per text of every chart: its rendered font size in px, and whether it lies inside its drawing.
MEASURE = """() => [...document.querySelectorAll('svg.chart__svg text')].map(t => {
  const svg = t.ownerSVGElement;
  const box = t.getBoundingClientRect(), frame = svg.getBoundingClientRect();
  return {
    text: t.textContent,
    px: parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a,
    inside: box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5,
  };
})"""


@pytest.fixture
def searcher(transactional_db: None) -> Any:
    """Twelve weeks of applications, one a week, each with an interview and a plan."""
    user = UserFactory(username="sam")
    now = datetime.now(UTC)
    for week in range(12):
        application = ApplicationFactory(owner=user, employer=f"Firm {week}")
        Application.objects.filter(pk=application.pk).update(
            created_at=now - timedelta(weeks=week, days=1)
        )
        InterviewFactory(
            application=application,
            interviewers=[InterviewerFactory(application=application)],
            start=now - timedelta(weeks=week),
        )
        application.refresh_from_db()
        replan(application, now)
    return user


@pytest.mark.parametrize(
    ("viewport", "smallest", "largest"), [("narrow", 12, 14), ("desktop", 12, 20)]
)
def test_chart_text_is_readable_and_inside_each_chart(
    chromium: Browser,  # noqa: F811
    live_server: Any,
    searcher: Any,
    shoot: Callable[[Page, str], Path],  # noqa: F811
    viewport: str,
    smallest: float,
    largest: float,
) -> None:
    """Every chart's text renders at 12 px or more on a 360 px phone, and never spills out."""
    context, page = open_page(chromium, viewport)
    log_in(page, str(live_server), searcher.username, PASSWORD)
    page.goto(f"{live_server}/stats/")

    texts = page.evaluate(MEASURE)
    weeks = page.locator("svg.chart__svg").first.locator('text[text-anchor="middle"]')
    spans = sorted(
        (box["x"], box["x"] + box["width"])
        for box in (weeks.nth(n).bounding_box() for n in range(weeks.count()))
        if box is not None
    )
    shoot(page, f"{viewport}-stats-charts")
    assert_no_horizontal_scroll(page)
    context.close()

    assert len(texts) > 20
    too_small = [(t["text"], round(t["px"], 1)) for t in texts if t["px"] < smallest]
    assert not too_small, f"text under {smallest} px: {too_small}"
    assert max(t["px"] for t in texts) <= largest
    assert all(t["inside"] for t in texts), [t["text"] for t in texts if not t["inside"]]
    assert len(spans) >= 3
    assert all(left[1] + 4 <= right[0] for left, right in pairwise(spans))

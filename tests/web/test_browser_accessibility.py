"""Accessibility checks in the browser: labels, landmarks and text contrast on every page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from afterword.tracker.demo import create_demo
from afterword.tracker.models import Application, Interview
from tests.web.browser import log_in, open_page

pytestmark = pytest.mark.browser

# Inputs a person can fill in that have no <label> (hidden inputs and buttons need none).
UNLABELLED = """
() => [...document.querySelectorAll('input, select, textarea')]
  .filter(el => el.type !== 'hidden' && el.labels.length === 0 && !el.getAttribute('aria-label'))
  .map(el => el.name || el.id)
"""

# Every element with its own text whose contrast with the background behind it is below 4.5:1.
# The background is the first opaque one found walking up the tree (the page uses no images).
LOW_CONTRAST = """
() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] === 1) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    if (!own || style.visibility === 'hidden' || el.offsetParent === null) continue;
    if (el.closest('.visually-hidden')) continue;
    const a = lum(rgb(style.color).slice(0, 3)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) found.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)}`);
  }
  return found;
}
"""


@pytest.fixture
def demo_page(chromium: Browser, live_server: Any, transactional_db: None) -> Any:
    username, password = create_demo(datetime.now(UTC))
    context, page = open_page(chromium, "desktop")
    log_in(page, str(live_server), username, password)
    yield page
    context.close()


def page_urls() -> list[str]:
    application = Application.objects.order_by("pk").first()
    interview = Interview.objects.order_by("pk").first()
    assert application is not None and interview is not None
    return [
        "/",
        "/board/",
        f"/applications/{application.pk}/",
        f"/applications/{application.pk}/interviews/new/",
        f"/interviews/{interview.pk}/edit/",
        "/checklist/",
        "/settings/",
        "/settings/data/",
        "/stats/",
        "/invitations/new/",
        "/accounts/password_change/",
    ]


def test_it_labels_every_input(demo_page: Page, live_server: Any) -> None:
    """Every field a person fills in has a label, on every page."""
    for path in page_urls():
        demo_page.goto(f"{live_server}{path}")

        assert demo_page.evaluate(UNLABELLED) == [], path


def test_it_keeps_text_contrast_at_4_5_or_more(demo_page: Page, live_server: Any) -> None:
    """All visible text reaches a 4.5:1 contrast with its background (WCAG AA)."""
    for path in page_urls():
        demo_page.goto(f"{live_server}{path}")

        assert demo_page.evaluate(LOW_CONTRAST) == [], path


def test_it_marks_the_landmarks_and_a_skip_link(demo_page: Page) -> None:
    """Banner, navigation, main and footer landmarks exist; the skip link leads to main."""
    for role in ("banner", "navigation", "main", "contentinfo"):
        assert demo_page.get_by_role(role).count() >= 1, role

    skip = demo_page.get_by_role("link", name="Skip to content")

    assert skip.get_attribute("href") == "#main"
    assert demo_page.locator("main#main").count() == 1


def test_it_works_for_anonymous_pages_too(
    chromium: Browser, live_server: Any, db: None, shoot: Callable[[Page, str], Path]
) -> None:
    """The log-in, sign-up and reset pages have labelled inputs and good contrast."""
    context, page = open_page(chromium, "narrow")
    for name in ("login", "signup", "password_reset"):
        page.goto(f"{live_server}/accounts/{name}/")

        assert page.evaluate(UNLABELLED) == [], name
        assert page.evaluate(LOW_CONTRAST) == [], name
        shoot(page, f"narrow-account-{name}")
    context.close()

"""The Stats page: five SVG charts, each with its numbers in a table, in the main navigation."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

from afterword.tracker.models import Application


def test_the_page_draws_five_charts_each_with_a_table(
    member: Client, application: Application
) -> None:
    """Five inline SVGs (no script, no external file) and five data tables."""
    page = member.get("/stats/").content.decode()

    assert page.count("<svg") == 5
    assert page.count('<div class="visually-hidden"><table>') == 5
    assert "<script" not in page.split('<main id="main"')[1].split("</main>")[0]
    assert "Harbour" not in page  # numbers, not the data itself


def test_the_stage_table_counts_the_users_application(
    member: Client, application: Application
) -> None:
    """The latest week shows one application, interviewing."""
    page = member.get("/stats/").content.decode()

    rows = re.findall(r"<tr><th scope=\"row\">[^<]+</th>((?:<td>\d+</td>)+)</tr>", page)
    assert rows[11] == "<td>0</td><td>1</td><td>0</td><td>0</td>"


def test_an_empty_account_is_invited_to_start(member: Client) -> None:
    """No applications: a sentence and a link, no empty charts."""
    page = member.get("/stats/").content.decode()

    assert "Nothing to count yet" in page and "<svg" not in page


def test_stats_is_in_the_main_navigation(member: Client) -> None:
    """Every page links to it; on the page itself it is the current one."""
    assert 'href="/stats/"' in member.get("/").content.decode()
    assert 'href="/stats/" aria-current="page"' in member.get("/stats/").content.decode()


def test_another_users_numbers_are_not_counted(
    client: Client, outsider: Any, application: Application
) -> None:
    """Olive sees an empty page, not Sam's application."""
    client.force_login(outsider)

    assert "Nothing to count yet" in client.get("/stats/").content.decode()

"""Twenty clicks at once on every button that records something: one event, no server error.

A real application server (gunicorn, two processes of ten threads) runs on a scratch database
of this test run's kind (a SQLite file, or PostgreSQL under scripts/with-postgres.sh); twenty
threads post the same button at the same instant, as a nervous double-clicker with many tabs
would. The Django test database cannot serve: it lives in memory or inside one transaction.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.support.scratch import ROOT, Scratch, scratch_database, stop

pytestmark = pytest.mark.slow

CLICKS = 20
# Two processes of ten threads: races both between processes and inside one.
SERVER = [sys.executable, "-m", "gunicorn", "afterword.wsgi:application"]
SERVER += ["--workers", "2", "--threads", "10"]
# Any 32 letters or digits make a valid CSRF secret; the cookie and the header carry the same.
CSRF = "racesracesracesracesracesracesra"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Scratch, str, dict[str, Any]]]:
    """The scratch database, seeded, and the base URL of a gunicorn serving it."""
    with scratch_database(tmp_path_factory.mktemp("races")) as scratch:
        scratch.env.update(AFTERWORD_DEBUG="true", AFTERWORD_ALLOWED_HOSTS="127.0.0.1")
        seeded = subprocess.run(
            [sys.executable, "-m", "tests.support.seed_races"],
            cwd=ROOT,
            env=scratch.env,
            check=True,
            capture_output=True,
            text=True,
            timeout=180,
        )
        ids = json.loads(seeded.stdout.strip().splitlines()[-1])
        port = free_port()
        server = subprocess.Popen(
            [*SERVER, "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=scratch.env,
            # Not a pipe: nobody reads it while the clicks run, and a full pipe would stall it.
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(base)
            yield scratch, base, ids
        finally:
            stop(server)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/accounts/login/", timeout=5).close()
            return
        except (OSError, urllib.error.URLError):
            time.sleep(0.2)
    raise AssertionError("the server did not start")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def post(url: str, data: dict[str, str], session: str | None, htmx: bool) -> int:
    """POST like the page does (CSRF cookie and header); the status, redirects not followed."""
    cookies = f"csrftoken={CSRF}" + (f"; sessionid={session}" if session else "")
    headers = {"Cookie": cookies, "X-CSRFToken": CSRF}
    if htmx:
        headers["HX-Request"] = "true"
    request = urllib.request.Request(url, data=urlencode(data).encode(), headers=headers)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def at_once(
    url: str, data: dict[str, str], session: str | None, htmx: bool = False
) -> Counter[int]:
    """Post ``url`` from CLICKS threads released together; how many answers of each status."""
    barrier = threading.Barrier(CLICKS)
    statuses: list[int] = []

    def click() -> None:
        barrier.wait(timeout=30)
        statuses.append(post(url, data, session, htmx))

    threads = [threading.Thread(target=click) for _ in range(CLICKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    return Counter(statuses)


def query(scratch: Scratch, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    if scratch.sqlite_file is not None:
        with sqlite3.connect(scratch.sqlite_file) as connection:
            return list(connection.execute(sql, params).fetchall())
    import psycopg

    assert scratch.url is not None
    with psycopg.connect(scratch.url) as connection:
        return list(connection.execute(sql.replace("?", "%s"), params).fetchall())


def events(scratch: Scratch, application: int) -> Counter[str]:
    rows = query(scratch, "SELECT type FROM tracker_event WHERE application_id = ?", application)
    return Counter(row[0] for row in rows)


def no_server_error(statuses: Counter[int]) -> None:
    assert sum(statuses.values()) == CLICKS
    assert all(status < 500 for status in statuses), statuses


BUTTONS = [
    ("done", "/actions/{action}/done/", "thank_you_sent"),
    ("snooze", "/actions/{action}/snooze/", "snoozed"),
    ("no_answer", "/actions/{action}/no-answer/", "call_no_answer"),
]


@pytest.mark.parametrize(("name", "path", "event"), BUTTONS)
def test_twenty_clicks_on_an_action_record_one_event(
    site: tuple[Scratch, str, dict[str, Any]], name: str, path: str, event: str
) -> None:
    """Done, Snooze and No answer clicked twenty times at once: one event, every answer < 500."""
    scratch, base, ids = site

    statuses = at_once(base + path.format(**ids[name]), {}, ids["session"], htmx=True)

    no_server_error(statuses)
    assert events(scratch, ids[name]["application"]) == {event: 1}


def test_twenty_submits_of_the_same_news_record_it_once(
    site: tuple[Scratch, str, dict[str, Any]],
) -> None:
    """Record news sent twenty times from the same page: one reply event, no server error."""
    scratch, base, ids = site
    form = {"news": "no_decision", "note": "Still deciding.", "seen": ids["news"]["seen"]}

    statuses = at_once(
        f"{base}/applications/{ids['news']['application']}/news/", form, ids["session"]
    )

    no_server_error(statuses)
    assert events(scratch, ids["news"]["application"]) == {"reply": 1}


def test_twenty_mark_sent_clicks_record_one_thank_you(
    site: tuple[Scratch, str, dict[str, Any]],
) -> None:
    """Mark sent twenty times at once: one thank-you event, the draft sent once."""
    scratch, base, ids = site
    form = {"subject": "Thank you", "body": "Thank you for yesterday's conversation.\n"}

    statuses = at_once(f"{base}/drafts/{ids['sent']['draft']}/sent/", form, ids["session"])

    no_server_error(statuses)
    assert events(scratch, ids["sent"]["application"]) == {"thank_you_sent": 1}


def test_twenty_confirms_of_an_uncertain_email_record_one_event(
    site: tuple[Scratch, str, dict[str, Any]],
) -> None:
    """*It was sent* twenty times at once: the email is sent once and its event recorded once."""
    scratch, base, ids = site
    email = ids["confirm"]["email"]

    statuses = at_once(f"{base}/outbox/{email}/confirm/", {}, ids["session"], htmx=True)

    no_server_error(statuses)
    assert query(scratch, "SELECT state FROM outbox_outgoingemail WHERE id = ?", email) == [
        ("sent",)
    ]
    assert events(scratch, ids["confirm"]["application"]) == {"thank_you_sent": 1}


def test_twenty_cancels_leave_one_cancelled_email(
    site: tuple[Scratch, str, dict[str, Any]],
) -> None:
    """Cancel twenty times at once: the email is cancelled, no copy appears, no server error."""
    scratch, base, ids = site
    email = ids["cancel"]["email"]

    statuses = at_once(f"{base}/outbox/{email}/cancel/", {}, ids["session"], htmx=True)

    no_server_error(statuses)
    states = query(
        scratch,
        "SELECT state FROM outbox_outgoingemail WHERE application_id = ?",
        ids["cancel"]["application"],
    )
    assert states == [("cancelled",)]


def test_twenty_sign_ups_with_one_name_make_one_account(
    site: tuple[Scratch, str, dict[str, Any]],
) -> None:
    """The same new name signed up twenty times at once: one account, the rest a form error."""
    scratch, base, _ids = site
    form = {
        "username": "same-name",
        "email": "same@example.test",
        "password1": "a-long-sign-up-password",
        "password2": "a-long-sign-up-password",
        "timezone": "Europe/Berlin",
        "country": "DE",
    }

    statuses = at_once(f"{base}/accounts/signup/", form, None)

    no_server_error(statuses)
    assert query(scratch, "SELECT COUNT(*) FROM auth_user WHERE username = ?", "same-name") == [
        (1,)
    ]
    assert statuses[302] == 1

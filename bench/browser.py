"""In headless Chromium against `afterword serve` (gunicorn): how long a draft takes to open, how
long *Mark sent* and *Record news* take to complete, and how long a letter PDF takes to arrive.

    PYTHONPATH=src .venv/bin/python bench/browser.py [--samples 20] [--workers 2]

A scratch SQLite data folder gets one user with 60 applications (bench/pages.py) and a fresh
server process (`afterword serve`, gunicorn, like production) is started on it, so the first
requests meet cold web processes exactly as a user after a restart would. Debian's Chromium
(tests/web/browser.py) signs in and then, timed from the click or navigation until the next page
has loaded (or the PDF has arrived):

1. open a draft: a planned thank-you's Draft link (each sample a different action, so each
   composes a new draft, the most expensive case);
2. Mark sent on that draft, until the application page it returns to has loaded;
3. Record news ("They replied: no decision yet") on an application page, until re-planned;
4. a letter PDF (A4) of a planned thank-you letter.

The reference is Today's own load time in the same run. Each figure is p50 and p95 of the
samples, and the first sample apart (the cold web process).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from pages import SRC, now_utc, percentile, scratch_database, seed_user

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "bench-password-1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-m", "afterword.cli", "serve", "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*command, "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start within two minutes")


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return 1000 * (time.perf_counter() - start)


def summary(label: str, samples: list[float]) -> str:
    if not samples:
        return f"| {label} | – | – | – | 0 |"
    return (
        f"| {label} | {statistics.median(samples):.0f} | {percentile(samples, 95):.0f} "
        f"| {samples[0]:.0f} | {len(samples)} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    with scratch_database("browser"):
        from django.db import connections
        from playwright.sync_api import Locator, expect, sync_playwright

        from afterword.tracker.models import Action, Application, UserSettings

        now = now_utc()
        user = seed_user("jordan", 60, now)
        user.set_password(PASSWORD)
        user.save()
        UserSettings.objects.filter(user=user).update(
            full_name="Jordan Ellis", postal_address="48 Garden Row\nPortland, OR 97205"
        )
        # Each sample on an application of its own: marking one sent re-plans its application,
        # which replaces that application's other actions (and their ids).
        pending = Action.objects.filter(owner=user, interviewer__isnull=False).order_by("-due")
        used: set[int] = set()

        def one_per_application(kind: str, **where: object) -> list[int]:
            chosen = []
            for pk, application in pending.filter(kind=kind, **where).values_list(
                "pk", "application_id"
            ):
                if application not in used and len(chosen) < options.samples:
                    used.add(application)
                    chosen.append(pk)
            return chosen

        emails = one_per_application("thank_you_email", interviewer__email__gt="")
        letters = one_per_application("thank_you_letter")
        applications = [
            pk
            for pk in Application.objects.filter(owner=user)
            .exclude(status="decided")
            .values_list("pk", flat=True)
            if pk not in used
        ][: options.samples]
        connections.close_all()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(port, options.workers)
        results: dict[str, list[float]] = {}
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM,
                    headless=True,
                    args=["--no-sandbox", "--disable-gpu", "--no-first-run"],
                )
                page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
                page.set_default_timeout(60_000)
                page.goto(f"{base}/accounts/login/")
                page.get_by_label("Username").fill("jordan")
                page.get_by_label("Password").fill(PASSWORD)
                page.get_by_role("button", name="Log in").click()
                expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()

                results["Today (reference)"] = [
                    timed(lambda: page.goto(f"{base}/")) for _ in range(options.samples)
                ]
                opened, sent = [], []
                for pk in emails:
                    opened.append(timed(lambda pk=pk: page.goto(f"{base}/actions/{pk}/draft/")))
                    button = page.get_by_role("button", name="Mark sent")
                    if not button.count() or button.is_disabled():
                        print(f"no Mark sent on {page.url}: {page.title()}", file=sys.stderr)
                        continue

                    def mark_sent(button: Locator = button) -> None:
                        with page.expect_navigation(wait_until="load"):
                            button.click()

                    sent.append(timed(mark_sent))
                results["open a draft"] = opened
                results["Mark sent"] = sent
                news = []
                for application in applications:
                    page.goto(f"{base}/applications/{application}/")
                    page.get_by_label("They replied: no decision yet").check()

                    def record() -> None:
                        with page.expect_navigation(wait_until="load"):
                            page.get_by_role("button", name="Record and re-plan").click()

                    news.append(timed(record))
                results["Record news"] = news
                pdfs = []
                for pk in letters:
                    page.goto(f"{base}/actions/{pk}/draft/")
                    draft = page.url.rstrip("/").rsplit("/", 1)[-1]

                    def pdf(draft: str = draft) -> None:
                        answer = page.request.get(f"{base}/drafts/{draft}/letter-a4.pdf")
                        assert answer.body().startswith(b"%PDF"), answer.status

                    pdfs.append(timed(pdf))
                results["letter PDF (A4)"] = pdfs
                browser.close()
        finally:
            server.terminate()
            server.wait(60)
    print(f"Browser timings, `afterword serve` with {options.workers} web processes, SQLite")
    print()
    print("| step | p50 ms | p95 ms | first (cold) ms | samples |")
    print("|---|---:|---:|---:|---:|")
    for label, samples in results.items():
        print(summary(label, samples))


if __name__ == "__main__":
    main()

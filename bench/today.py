"""Today's page at 100 and 1,000 applications: p50/p95 through Django's WSGI handler, HTML per
action, and the bare SQL the page needs.

    PYTHONPATH=src .venv/bin/python bench/today.py                  # SQLite
    PGPORT_TEST=55442 bash scripts/with-postgres.sh .venv/bin/python bench/today.py   # PostgreSQL

A scratch database gets two users, one with 100 and one with 1,000 applications (bench/pages.py:
generated cases moved to now and planned). For each, the page is timed (3 warm-up requests, then
up to 50), and the SQL of one request is run again on the raw connection: the floor. The ratio
is p50 over the floor.
"""

from __future__ import annotations

import argparse

from pages import bench_pages

ACTION = r'<li class="action[ "].*?</li>'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="applications per user, commas")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--urls", default="/,/today/overdue/", help="pages to time, commas")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    bench_pages("today", options.urls.split(","), sizes, options.runs, ACTION)


if __name__ == "__main__":
    main()

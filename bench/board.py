"""The applications board at 100 and 1,000 applications: p50/p95 through Django's WSGI handler,
with search, status filter and sort, and the bare SQL each page needs.

    PYTHONPATH=src .venv/bin/python bench/board.py                  # SQLite
    PGPORT_TEST=55442 bash scripts/with-postgres.sh .venv/bin/python bench/board.py   # PostgreSQL

Same data and method as bench/today.py (bench/pages.py).
"""

from __future__ import annotations

import argparse

from pages import bench_pages

CARD = r'<article class="card[ "].*?</article>'
URLS = "/board/,/board/?page=3,/board/?q=harbour,/board/?q=dana&status=waiting&sort=oldest"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="applications per user, commas")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--urls", default=URLS, help="pages to time, commas")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    bench_pages("board", options.urls.split(","), sizes, options.runs, CARD)


if __name__ == "__main__":
    main()

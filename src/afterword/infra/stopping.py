"""The worker's stop flag: set by SIGTERM or SIGINT, read by jobs between two rows.

A job that handles many rows checks ``requested()`` before claiming the next one, so a stop
request lets the current message finish and claims nothing more.
"""

from __future__ import annotations

import threading

_STOP = threading.Event()


def request() -> None:
    _STOP.set()


def requested() -> bool:
    return _STOP.is_set()


def reset() -> None:
    """Clear the flag (a new worker run in the same process, as in tests)."""
    _STOP.clear()


def wait(seconds: float) -> bool:
    """Sleep up to ``seconds``, waking at once on a stop request; True if one came."""
    return _STOP.wait(seconds)

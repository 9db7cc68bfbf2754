"""The worker's jobs: each tick, ``afterword worker`` runs every registered job once.

A job claims due rows with a conditional UPDATE (docs/ARCHITECTURE.md, rows not timers), does
the work and records the result; it returns how many rows it handled, so the worker can sleep
when all are idle. Jobs must be safe to run in many worker processes at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

# (now, worker_name) -> rows handled
Job = Callable[[datetime, str], int]

JOBS: dict[str, Job] = {}


def register(name: str) -> Callable[[Job], Job]:
    """Decorator: add a job under ``name`` (registered when its module is imported)."""

    def add(job: Job) -> Job:
        JOBS[name] = job
        return job

    return add

"""API throttles: beyond the rate, 429 with Retry-After, counted per token owner."""

from __future__ import annotations

from typing import Any

import pytest

from afterword.api import throttle

pytestmark = pytest.mark.django_db


def test_writes_beyond_the_rate_get_429_with_retry_after(
    api: Any, intruder: Any, monkeypatch: Any
) -> None:
    """The third write in a minute is refused; someone else still writes."""
    monkeypatch.setattr(throttle, "WRITES", "2/m")
    body = {"employer": "Acme", "role": "Analyst"}

    answers = [api.post("/applications", body) for _ in range(3)]
    theirs = intruder.post("/applications", body)

    assert [answer.status_code for answer in answers] == [201, 201, 429]
    assert int(answers[2]["Retry-After"]) >= 1
    assert theirs.status_code == 201


def test_reads_have_their_own_budget(api: Any, monkeypatch: Any) -> None:
    """Reads beyond their rate are refused while writes still go through."""
    monkeypatch.setattr(throttle, "READS", "1/m")

    first, second = api.get("/today"), api.get("/today")
    write = api.post("/applications", {"employer": "Acme", "role": "Analyst"})

    assert (first.status_code, second.status_code, write.status_code) == (200, 429, 201)

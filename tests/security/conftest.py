"""The victim every security test aims at."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from tests.security.victim import make_victim


@pytest.fixture
def victim(now: datetime) -> Any:
    """Someone with one row of every kind (see tests/security/victim.py)."""
    return make_victim(now)

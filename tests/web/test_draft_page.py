"""What the draft page shows: every finding the checker can report has a plain name."""

from __future__ import annotations

import re

from afterword.drafting import findings, prose
from afterword.web.draft_page import FINDING_NAMES


def test_every_finding_code_has_a_plain_name() -> None:
    """Each code in the checker's tables (findings.py, prose.py) is named on the page."""
    codes = set(re.findall(r"^\| ``(\w+)`` \|", f"{findings.__doc__}{prose.__doc__}", re.M))

    assert len(codes) >= 24
    assert codes == set(FINDING_NAMES)

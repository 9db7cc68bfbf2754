"""The one error the coaching services raise: a problem the person can fix, naming the field."""

from __future__ import annotations


class CoachingProblem(ValueError):
    """Bad input to a coaching service; ``field`` names the form field (or CLI option) at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

"""What the upload page proposes from an invitation: the user's own addresses, a starting
employer name, and the proposal as plain data, signed by the page between the two clicks.

The writes are the tracker's (tracker/services/invitations.py), shared with the inbox.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from afterword.reading.invitation import Invitation, employer_from

__all__ = ["employer_from", "own_addresses", "proposal_data"]


def own_addresses(user: User) -> frozenset[str]:
    """The user's addresses, left out of the people an invitation proposes."""
    email = str(getattr(user, "email", "") or "")
    return frozenset({email.lower()} if email else set())


def proposal_data(invitation: Invitation) -> dict[str, Any]:
    return invitation.as_data()

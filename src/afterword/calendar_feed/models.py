"""The private calendar feed: one secret address per user, which the user can replace at will.

Calendar apps fetch a subscribed feed on their own schedule and cannot log in, so the feed's
address is its only key: a long random token. Revoking the address means giving the row a new
token; the old address then matches nothing and answers 404, like any address never issued.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone

# 32 random bytes: 43 URL-safe characters, far beyond guessing.
TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class CalendarFeed(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    # unique=True also gives the index that every fetch of the feed looks the token up by.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    token_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "calendar feed"

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"

    def replace_token(self) -> None:
        """Issue a new address; the old one stops working at once (it is not kept anywhere)."""
        self.token = new_token()
        self.token_changed_at = timezone.now()
        self.save(update_fields=["token", "token_changed_at"])


def feed_for(user: User) -> CalendarFeed:
    """The user's feed, created with a fresh token the first time it is asked for.

    get_or_create survives two first requests at once: the OneToOne column is unique, and the
    loser of the race reads the winner's row.
    """
    feed, _ = CalendarFeed.objects.get_or_create(user=user)
    return feed

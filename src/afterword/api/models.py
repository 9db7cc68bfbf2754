"""Personal access tokens: how scripts and other tools sign in to the JSON API."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AccessToken(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_tokens"
    )
    name = models.CharField(max_length=100)
    # Only a digest is kept: whoever reads the database cannot use a token from it.
    digest = models.CharField(max_length=64, unique=True)
    # The first characters, shown in Settings so that the owner can tell tokens apart.
    prefix = models.CharField(max_length=12)
    can_write = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["owner", "revoked_at"], name="api_token_owner_live")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def scope(self) -> str:
        return "read and write" if self.can_write else "read only"

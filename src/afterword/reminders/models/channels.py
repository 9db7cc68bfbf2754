"""Where a user's per-action notifications go: Apprise URLs (ntfy, Telegram, Slack, email...).

An Apprise URL usually carries a token or a password (``tgram://bot-token/chat``), so it is a
secret: it is stored as a Fernet token (infra/crypto.py) and the page shows only the service
name and Apprise's own privacy-masked form of the URL.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from afterword.infra.crypto import decrypt, encrypt


class NotificationChannel(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_channels"
    )
    label = models.CharField(max_length=100, help_text="A name for you, such as “My phone”.")
    url_encrypted = models.TextField()
    # Safe to show: what kind of service, and the URL with its secrets masked by Apprise.
    service = models.CharField(max_length=100, blank=True)
    masked_url = models.CharField(max_length=500, blank=True)
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The outcome of the last notification or test, shown beside the channel.
    last_used_at = models.DateTimeField(null=True, blank=True)
    last_ok = models.BooleanField(null=True, blank=True)
    last_result = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "label"], name="delivery_channel_label_unique_per_owner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.service or 'notification channel'})"

    @property
    def url(self) -> str:
        """The Apprise URL in clear; raises SecretUnreadable when the key has changed."""
        return decrypt(self.url_encrypted)

    def set_url(self, url: str, *, service: str, masked_url: str) -> None:
        self.url_encrypted = encrypt(url)
        self.service = service[:100]
        self.masked_url = masked_url[:500]

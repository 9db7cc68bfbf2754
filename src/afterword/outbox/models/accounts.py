"""One user's own mailbox: the SMTP server Afterword sends their messages through."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from afterword.infra.network import is_loopback


class Security(models.TextChoices):
    STARTTLS = "starttls", "STARTTLS (usually port 587)"
    TLS = "tls", "TLS from the start (usually port 465)"
    NONE = "none", "None: only for a mail server on this computer"


class MailAccount(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mail_account"
    )
    host = models.CharField(
        "SMTP server", max_length=253, help_text="For example smtp.gmail.com or smtp.fastmail.com."
    )
    port = models.PositiveIntegerField(
        default=587, validators=[MinValueValidator(1), MaxValueValidator(65535)]
    )
    security = models.CharField(max_length=10, choices=Security, default=Security.STARTTLS)
    username = models.CharField(
        "user name", max_length=254, help_text="Usually your full email address."
    )
    # A Fernet token (infra/crypto.py), never the password itself.
    password_encrypted = models.TextField(blank=True)
    from_name = models.CharField("your name as senders see it", max_length=200, blank=True)
    from_address = models.EmailField("your email address", max_length=254)
    # The outcome of the last "Send test email", shown on the settings page.
    tested_at = models.DateTimeField(null=True, blank=True)
    test_ok = models.BooleanField(null=True, blank=True)
    test_result = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "mail account"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(security__in=["starttls", "tls", "none"]),
                name="delivery_mailaccount_security_known",
            )
        ]

    def __str__(self) -> str:
        return f"{self.username} at {self.host}:{self.port}"

    def clean(self) -> None:
        if self.security == Security.NONE and self.host and not is_loopback(self.host):
            raise ValidationError(
                {
                    "security": (
                        "Without encryption your password would cross the network readable by "
                        'anyone on the way; choose STARTTLS or TLS ("none" is only for a mail '
                        "server on this computer, such as localhost)."
                    )
                }
            )

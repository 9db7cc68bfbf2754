"""Per-user preferences that shape every plan (profile, channel, contact hour, letters)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from afterword.tracker.models.choices import MessageChannel, Profile, Tone
from afterword.tracker.validators import subdivision_error, validate_country, validate_timezone

# The planner accepts contact hours 9-16 so that a one-hour call still ends by 17:00 (T2).
CONTACT_HOUR_MIN = 9
CONTACT_HOUR_MAX = 16


class UserSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="afterword"
    )
    timezone = models.CharField(
        "time zone", max_length=64, default="UTC", validators=[validate_timezone]
    )
    country = models.CharField(
        max_length=3,
        default="US",
        validators=[validate_country],
        help_text="Default country for new employers (public holidays).",
    )
    subdivision = models.CharField(
        max_length=10, blank=True, help_text="State or region code, e.g. NY or BE."
    )
    profile = models.CharField(max_length=10, choices=Profile, default=Profile.STANDARD)
    check_in_channel = models.CharField(
        max_length=10, choices=MessageChannel, default=MessageChannel.EMAIL
    )
    contact_hour = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(CONTACT_HOUR_MIN), MaxValueValidator(CONTACT_HOUR_MAX)],
        help_text="Local hour at the employer for check-ins and calls.",
    )
    letters = models.BooleanField(
        "printed letters", default=False, help_text="Also post a printed thank-you letter."
    )
    # How the drafts sign off and address their letters (K4, K5).
    full_name = models.CharField(
        "your name", max_length=200, blank=True, help_text="As you sign your messages."
    )
    phone = models.CharField("your phone", max_length=50, blank=True)
    postal_address = models.TextField(
        "your postal address",
        max_length=500,
        blank=True,
        help_text="The sender block of printed letters.",
    )
    tone = models.CharField(
        "tone of drafts",
        max_length=10,
        choices=Tone,
        default=Tone.AUTO,
        help_text="Formal for formal employers, warm for casual ones, unless you choose.",
    )
    spelling_words = models.TextField(
        "words the spelling check accepts",
        max_length=5000,
        blank=True,
        help_text="One per line or separated by spaces: product names, your university, jargon.",
    )

    class Meta:
        verbose_name = "user settings"
        verbose_name_plural = "user settings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    contact_hour__gte=CONTACT_HOUR_MIN, contact_hour__lte=CONTACT_HOUR_MAX
                ),
                name="tracker_usersettings_contact_hour_range",
            )
        ]

    def __str__(self) -> str:
        return f"Settings of {self.user}"

    def clean(self) -> None:
        error = subdivision_error(self.country, self.subdivision)
        if error is not None:
            raise ValidationError({"subdivision": error})

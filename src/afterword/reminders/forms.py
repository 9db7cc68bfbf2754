"""Forms of the reminders page: when the digest comes, and adding a notification channel."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User

from afterword.reminders.models import NotificationChannel, ReminderSettings
from afterword.reminders.models.reminders import DIGEST_HOUR_MAX, DIGEST_HOUR_MIN
from afterword.reminders.notify import CheckedUrl, check_url
from afterword.tracker import access

HOURS = [(hour, f"{hour:02d}:00") for hour in range(DIGEST_HOUR_MIN, DIGEST_HOUR_MAX + 1)]


class ReminderSettingsForm(forms.ModelForm[ReminderSettings]):
    digest_hour = forms.TypedChoiceField(
        label="Digest hour",
        choices=HOURS,
        coerce=int,
        help_text="In your own time zone.",
    )

    class Meta:
        model = ReminderSettings
        fields = ["digest_enabled", "digest_hour", "per_action_notifications"]
        help_texts = {
            "per_action_notifications": "Sent to every channel below that is switched on. "
            "One that falls due between 21:00 and 08:00 your time waits for the morning."
        }


class ChannelForm(forms.Form):
    label = forms.CharField(
        label="Name",
        max_length=100,
        help_text="So you can tell your channels apart, such as “Phone” or “Team Slack”.",
    )
    url = forms.CharField(
        label="Notification URL",
        max_length=2000,
        help_text=(
            "An Apprise URL. For example ntfy://ntfy.sh/your-topic for the ntfy app, "
            "tgram://bot-token/chat-id for Telegram or discord://webhook-id/webhook-token for "
            "Discord. It is stored encrypted."
        ),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "spellcheck": "false",
                "autocapitalize": "off",
                "placeholder": "ntfy://ntfy.sh/your-topic",
            }
        ),
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.checked: CheckedUrl | None = None

    def clean_label(self) -> str:
        label = str(self.cleaned_data["label"]).strip()
        taken = access.belonging_to(self.owner.pk, NotificationChannel).filter(label__iexact=label)
        if taken.exists():
            raise forms.ValidationError("You already have a channel with this name.")
        return label

    def clean_url(self) -> str:
        url = str(self.cleaned_data["url"]).strip()
        try:
            self.checked = check_url(url)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
        return url

    def save(self) -> NotificationChannel:
        assert self.checked is not None, "save() needs a valid form"
        channel = NotificationChannel(owner=self.owner, label=self.cleaned_data["label"])
        channel.set_url(
            self.cleaned_data["url"], service=self.checked.service, masked_url=self.checked.masked
        )
        channel.save()
        return channel

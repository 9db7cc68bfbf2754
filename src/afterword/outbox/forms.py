"""The mail settings form: the user's own SMTP server, with the password never shown again."""

from __future__ import annotations

import ipaddress
import re
from typing import Any

from django import forms

from afterword.infra.crypto import encrypt
from afterword.outbox.models import MailAccount

_HOST = re.compile(
    r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$"
)


class MailAccountForm(forms.ModelForm[MailAccount]):
    password = forms.CharField(
        label="App password",
        required=False,
        strip=False,
        max_length=500,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = MailAccount
        fields = ["from_name", "from_address", "host", "port", "security", "username"]
        widgets = {
            "security": forms.RadioSelect,
            "port": forms.NumberInput(attrs={"min": 1, "max": 65535}),
            "host": forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            "username": forms.TextInput(attrs={"autocomplete": "username"}),
        }
        labels = {"from_name": "Your name, as recipients see it"}
        help_texts = {
            "from_name": "Shown beside your address in their inbox.",
            "port": "587 for STARTTLS, 465 for TLS from the start.",
            "security": "Unencrypted is allowed only for a mail server on this computer (such "
            "as a bridge app on localhost): anywhere else your password would cross the "
            "network readable.",
        }
        error_messages = {
            "port": {
                "min_value": "Give a port between 1 and 65535.",
                "max_value": "Give a port between 1 and 65535.",
                "invalid": "Give the port as a number, such as 587.",
            },
            "from_address": {"invalid": "Give your own email address, such as you@example.com."},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.has_password = bool(self.instance.pk and self.instance.password_encrypted)
        self.fields["password"].help_text = (
            "Saved, and stored encrypted. Leave blank to keep it."
            if self.has_password
            else "Gmail, Outlook, iCloud and Fastmail need an app password, made in your "
            "account's security settings, not your usual password. It is stored encrypted."
        )
        self.fields["from_name"].required = False

    def clean_host(self) -> str:
        host = str(self.cleaned_data.get("host", "")).strip().lower().rstrip(".")
        bare = host.strip("[]")
        if _is_ip_address(bare):
            return bare
        if "://" in host or "/" in host or "@" in host or ":" in host:
            raise forms.ValidationError(
                "Give just the server name, such as smtp.gmail.com: no smtp://, no port."
            )
        if not _HOST.match(host):
            raise forms.ValidationError(
                "This is not a server name; it looks like smtp.gmail.com or smtp.fastmail.com."
            )
        return host

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.has_password and cleaned.get("username") and not cleaned.get("password"):
            self.add_error("password", "Enter the app password for this mailbox.")
        return cleaned

    def save(self, commit: bool = True) -> MailAccount:
        account: MailAccount = super().save(commit=False)
        password = self.cleaned_data.get("password") or ""
        if password:
            account.password_encrypted = encrypt(password)
        if self.changed_data:
            # A changed server or login has not been tried yet.
            account.tested_at, account.test_ok, account.test_result = None, None, ""
        if commit:
            account.save()
        return account


def _is_ip_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True

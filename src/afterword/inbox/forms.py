"""The inbox settings form: the IMAP server, the login (password never shown again), folders."""

from __future__ import annotations

import ipaddress
import re
from typing import Any

from django import forms

from afterword.inbox.models import MailboxWatch, folder_list

_SERVER_NAME = re.compile(
    r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$"
)
_FOLDER = re.compile(r"^[^\x00-\x1f\x7f*%]{1,200}$")


class MailboxForm(forms.ModelForm[MailboxWatch]):
    password = forms.CharField(
        label="App password",
        required=False,
        strip=False,
        max_length=500,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = MailboxWatch
        fields = ["host", "port", "security", "username", "folders"]
        widgets = {
            "security": forms.RadioSelect,
            "port": forms.NumberInput(attrs={"min": 1, "max": 65535}),
            "host": forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            "username": forms.TextInput(attrs={"autocomplete": "username"}),
            "folders": forms.TextInput(attrs={"spellcheck": "false"}),
        }
        help_texts = {
            "port": "993 for TLS, 143 for STARTTLS.",
            "security": "Unencrypted is allowed only for a mail server on this computer: "
            "anywhere else your password and your mail would cross the network readable.",
        }
        error_messages = {
            "port": {
                "min_value": "Give a port between 1 and 65535.",
                "max_value": "Give a port between 1 and 65535.",
                "invalid": "Give the port as a number, such as 993.",
            },
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.has_password = bool(self.instance.pk and self.instance.password_encrypted)
        self.fields["password"].help_text = (
            "Saved, and stored encrypted. Leave blank to keep it."
            if self.has_password
            else "Gmail, Outlook, iCloud and Fastmail need an app password for IMAP, made in "
            "your account's security settings. It is stored encrypted."
        )

    def clean_host(self) -> str:
        host = str(self.cleaned_data.get("host", "")).strip().lower().rstrip(".")
        bare = host.strip("[]")
        try:
            ipaddress.ip_address(bare)
        except ValueError:
            pass
        else:
            return bare
        if "://" in host or "/" in host or "@" in host or ":" in host:
            raise forms.ValidationError(
                "Give just the server name, such as imap.gmail.com: no imap://, no port."
            )
        if not _SERVER_NAME.match(host):
            raise forms.ValidationError(
                "This is not a server name; it looks like imap.gmail.com or imap.fastmail.com."
            )
        return host

    def clean_folders(self) -> str:
        names = folder_list(str(self.cleaned_data.get("folders", "")))
        if not names:
            return "INBOX"
        for name in names:
            if not _FOLDER.match(name):
                raise forms.ValidationError(
                    f"{name[:40]!r} cannot be a folder name (no * or %, at most 200 characters)."
                )
        return ", ".join(names)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.has_password and cleaned.get("username") and not cleaned.get("password"):
            self.add_error("password", "Enter the app password for this mailbox.")
        # "none" on a remote host is refused by MailboxWatch.clean, which the form runs too.
        return cleaned

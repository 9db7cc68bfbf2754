"""Deleting the account asks for the password again, as a bank asks before closing one."""

from __future__ import annotations

from django import forms


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Typed again, so that nobody at a computer you left signed in can do this.",
    )

"""Sign-up: Django's user creation plus the two settings every plan needs from day one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import UserCreationForm, UsernameField
from django.contrib.auth.models import User

from afterword.web.forms.choices import choice_field, country_choices, timezone_choices


class SignupForm(UserCreationForm[User]):
    email = forms.EmailField(
        label="Email",
        help_text="Used only to send you a password reset link.",
    )
    timezone = forms.ChoiceField(
        label="Your time zone",
        help_text="Decides what counts as today and when reminders fall due.",
    )
    country = forms.ChoiceField(
        label="Your country",
        help_text="New employers start with its public holidays; change it per employer.",
    )

    # UserCreationForm.Meta's three settings written out (django-stubs does not declare it).
    class Meta:
        model = User
        fields = ("username", "email")
        field_classes = {"username": UsernameField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "timezone").choices = timezone_choices()
        choice_field(self, "country").choices = country_choices()
        self.fields["timezone"].initial = "UTC"
        self.fields["country"].initial = "US"
        self.fields["username"].help_text = "Up to 150 letters, digits or @ . + - _ characters."
        # The validators still run; this says what they ask for in one line instead of four.
        self.fields["password1"].help_text = (
            "At least 8 characters, not only digits, not a common password and not like your "
            "username."
        )
        self.fields["password2"].help_text = "The same password again, to catch typing mistakes."
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account already uses this address; log in instead.")
        return email

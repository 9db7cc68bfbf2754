"""Sign-up: Django's user creation plus the two settings every plan needs from day one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import UserCreationForm, UsernameField
from django.contrib.auth.models import User

from afterword.rules.calendar import canonical_subdivision
from afterword.web.forms.choices import choice_field, country_choices, subdivision_problem
from afterword.web.forms.zones import (
    CountrySelect,
    canonical_zone,
    country_from_languages,
    zone_for_country,
)


class SignupForm(UserCreationForm[User]):
    email = forms.EmailField(
        label="Email",
        help_text="Used only to send you a password reset link.",
    )
    # Filled in by the browser (web/static/web/signup.js); without it, the country's main zone.
    timezone = forms.CharField(
        label="Your time zone", required=False, max_length=64, widget=forms.HiddenInput
    )
    country = forms.ChoiceField(
        label="Your country",
        widget=CountrySelect,
        help_text="New employers start with its public holidays; change it per employer.",
    )
    subdivision = forms.CharField(
        label="State or region (optional)",
        required=False,
        max_length=10,
        help_text="A code such as NY, BY or SCT, when its public holidays differ from the "
        "country's.",
    )

    # UserCreationForm.Meta's three settings written out (django-stubs does not declare it).
    class Meta:
        model = User
        fields = ("username", "email")
        field_classes = {"username": UsernameField}

    def __init__(self, *args: Any, languages: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "country").choices = country_choices()
        # A first guess from the browser's languages (en-GB: GB); the script then prefers the
        # country of the browser's time zone, which says where the person is, not what they read.
        guess = country_from_languages(languages)
        known = {code for code, _name in country_choices()}
        self.fields["country"].initial = guess if guess in known else "US"
        self.fields["username"].help_text = "Up to 150 letters, digits or @ . + - _ characters."
        # The validators still run; this says what they ask for in one line instead of four.
        self.fields["password1"].help_text = (
            "At least 8 characters, not only digits, not a common password and not like your "
            "username."
        )
        self.fields["password2"].help_text = "The same password again, to catch typing mistakes."
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_timezone(self) -> str:
        # Whatever the browser sent, a zone the database does not know falls back quietly.
        return canonical_zone(self.cleaned_data.get("timezone") or "") or ""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        country = cleaned.get("country")
        subdivision = (cleaned.get("subdivision") or "").strip()
        if country and (problem := subdivision_problem(country, subdivision)):
            self.add_error("subdivision", problem)
        elif country:
            cleaned["subdivision"] = canonical_subdivision(country, subdivision) or ""
            if not cleaned.get("timezone"):
                cleaned["timezone"] = zone_for_country(country) or "UTC"
        return cleaned

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account already uses this address; log in instead.")
        return email

"""The settings page: where "today" is, whose holidays count, and how patient the plan is."""

from __future__ import annotations

from typing import Any

from django import forms

from afterword.rules.calendar import canonical_subdivision
from afterword.tracker.models import UserSettings
from afterword.web.forms.choices import (
    CHANNEL_CHOICES,
    CONTACT_HOUR_CHOICES,
    PROFILE_CHOICES,
    TONE_CHOICES,
    choice_field,
    country_choices,
    subdivision_problem,
    timezone_choices,
)
from afterword.web.forms.zones import ZoneField


class SettingsForm(forms.ModelForm[UserSettings]):
    timezone = ZoneField(
        label="Time zone",
        help_text="Type a city or region, such as Paris or New York, and pick it from the list.",
    )
    country = forms.ChoiceField(label="Country")
    subdivision = forms.CharField(
        label="State or region (optional)",
        required=False,
        max_length=10,
        help_text="A code such as NY or BY, when its public holidays differ from the country's.",
    )
    profile = forms.ChoiceField(
        label="How soon to check in",
        choices=PROFILE_CHOICES,
        widget=forms.RadioSelect,
        help_text="Used when an employer gave no date. A date they named always wins.",
    )
    check_in_channel = forms.ChoiceField(
        label="Check in by",
        choices=CHANNEL_CHOICES,
        widget=forms.RadioSelect,
        help_text="When the employer did not say how they like to be contacted.",
    )
    contact_hour = forms.TypedChoiceField(
        label="Contact hour",
        choices=CONTACT_HOUR_CHOICES,
        coerce=int,
        help_text="Check-ins and calls are due at this hour, the employer's local time.",
    )
    letters = forms.BooleanField(
        label="Also plan a printed thank-you letter for every interviewer",
        required=False,
        help_text="Formal employers get one anyway.",
    )
    # About you: how the drafts sign off, and what the spelling check accepts (K4-K6).
    full_name = forms.CharField(
        label="Your name",
        max_length=200,
        required=False,
        help_text="As you sign your messages, e.g. Sam Rivera.",
    )
    phone = forms.CharField(
        label="Your phone (optional)",
        max_length=50,
        required=False,
        help_text="Under your name in emails and letters.",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    postal_address = forms.CharField(
        label="Your postal address (optional)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        help_text="The sender block at the top of a printed letter.",
    )
    tone = forms.ChoiceField(
        label="Tone of your drafts",
        choices=TONE_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        help_text="You can switch the tone of any single draft as you write it.",
    )
    spelling_words = forms.CharField(
        label="Words the spelling check should accept (optional)",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text="Separated by spaces or one per line: your university, product names, jargon.",
    )

    class Meta:
        model = UserSettings
        fields = (
            "timezone",
            "country",
            "subdivision",
            "profile",
            "check_in_channel",
            "contact_hour",
            "letters",
            "full_name",
            "phone",
            "postal_address",
            "tone",
            "spelling_words",
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The suggestions under the zone box (site/_zone_list.html).
        self.zone_names = [name for name, _label in timezone_choices()]
        choice_field(self, "country").choices = country_choices()
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"

    def clean_tone(self) -> str:
        # Left out of the form (an older page): keep what was chosen before.
        chosen: str = self.cleaned_data.get("tone") or ""
        return chosen or self.instance.tone or "auto"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        country = cleaned.get("country")
        subdivision = (cleaned.get("subdivision") or "").strip()
        if country and (problem := subdivision_problem(country, subdivision)):
            self.add_error("subdivision", problem)
        elif country:
            cleaned["subdivision"] = canonical_subdivision(country, subdivision) or ""
        return cleaned

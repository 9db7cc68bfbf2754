"""The draft editor: the message's subject and body, and the date a sent message promised."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from afterword.tracker.services.drafts import BODY_MAX, SUBJECT_MAX, normalised
from afterword.web.forms.interviews import DATE_INPUT

TONE_NAMES = {"formal": "Formal", "warm": "Warm"}


class DraftForm(forms.Form):
    subject = forms.CharField(label="Subject", required=False, max_length=SUBJECT_MAX)
    body = forms.CharField(
        label="Message",
        max_length=BODY_MAX,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "true"}),
        error_messages={
            "required": "The message is empty; write something, or switch the tone to start again."
        },
    )

    def __init__(self, *args: Any, with_subject: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.with_subject = with_subject
        if not with_subject:
            # A call script or a letter has no subject line; the body is everything.
            del self.fields["subject"]
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("data-draft-field", name)

    def check_live(self, check_url: str) -> None:
        """While the user types, post the text to the checker and show what it finds."""
        for field in self.fields.values():
            field.widget.attrs.update(
                {
                    "hx-post": check_url,
                    "hx-trigger": "keyup changed delay:400ms, change",
                    "hx-target": "#findings",
                    "hx-swap": "innerHTML",
                    "hx-sync": "closest form:replace",
                }
            )

    def clean_body(self) -> str:
        body = normalised(self.cleaned_data["body"])
        if not body.strip():
            raise forms.ValidationError(self.fields["body"].error_messages["required"])
        return body

    def text(self) -> tuple[str, str]:
        """(subject, body) as the user typed them, valid or not: a refused form loses nothing."""
        return normalised(str(self.data.get("subject", ""))), normalised(
            str(self.data.get("body", ""))
        )


class SentForm(forms.Form):
    promised_next = forms.DateField(
        label="Date you promise to check back (optional)",
        required=False,
        widget=DATE_INPUT,
        help_text="Afterword plans your next check-in on exactly this day. Clear it if the "
        "message names no date.",
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def for_call(self) -> None:
        """On the phone the promise is agreed aloud: ask for it in those words."""
        field = self.fields["promised_next"]
        field.label = "Date you said you would call again (optional)"
        field.help_text = (
            "If they agreed you may call again, Afterword plans the next call on exactly this day."
        )

    def clean_promised_next(self) -> date | None:
        promised: date | None = self.cleaned_data.get("promised_next")
        if promised is not None and promised < self.today:
            raise forms.ValidationError(
                f"{promised:%a %d %b %Y} has already passed; choose today or a later date."
            )
        return promised
